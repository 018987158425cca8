-- The staging rows of the batches being loaded (parameter batch_ids), minus
-- the rows held in quarantine, with the keyed hashes their facts carry: the
-- temp table load_rows. A row without a usable passport (none, or one the
-- gate noted as malformed: quarantine.row_note) gets no person key: it is
-- counted, and the period build links it by name + birth date if it can.
-- Their persons go on to build/load_persons.sql through load_person_rows.
-- Included by each build/load_<source>.sql, which sets
-- `keys` (column name: the message of each further keyed hash); the key pads
-- come from the temp table build_key.
DROP TABLE IF EXISTS load_rows;
CREATE TEMP TABLE load_rows ON COMMIT DROP AS
SELECT s.*, b.snapshot_date,
       CASE WHEN NOT EXISTS (SELECT 1 FROM quarantine.row_note AS n
                              WHERE n.batch_id = s.batch_id AND n.row_number = s.row_number
                                AND n.rule = 'passport_format')
            THEN core.keyed_hash(s.passport_number || '|' || s.nationality, k.inner_pad,
                                 k.outer_pad)
       END AS person_key
{%- for name, message in keys.items() %},
       core.keyed_hash({{ message }}, k.inner_pad, k.outer_pad) AS {{ name }}
{%- endfor %}
  FROM staging.{{ source }} AS s
  JOIN audit.batch AS b USING (batch_id)
 CROSS JOIN build_key AS k
 WHERE s.batch_id = ANY({{ param("batch_ids") }})
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number);

INSERT INTO load_person_rows (person_key, passport_number, nationality, batch_id)
SELECT person_key, passport_number, nationality, batch_id FROM load_rows
 WHERE person_key IS NOT NULL;
