-- Administrative actions of the given validated batches into core.
-- Parameters: batch_ids; the key pads come from the temp table build_key.
CREATE TEMP TABLE load_action ON COMMIT DROP AS
SELECT s.*, b.snapshot_date,
       core.keyed_hash(s.passport_number || '|' || s.nationality, k.inner_pad, k.outer_pad)
           AS person_key
  FROM staging.imigrasi_tindakan AS s
  JOIN audit.batch AS b USING (batch_id)
 CROSS JOIN build_key AS k
 WHERE s.batch_id = ANY(%(batch_ids)s)
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number);

-- Persons go to pii.person and core.dim_person in build/load_persons.sql.
INSERT INTO load_person_rows
SELECT person_key, passport_number, nationality, batch_id FROM load_action WHERE person_key IS NOT NULL;

INSERT INTO core.fact_admin_action (batch_id, row_number, snapshot_date, person_key,
                                    nationality, action_type, action_date, regency_code)
SELECT batch_id, row_number, snapshot_date, person_key, nationality, action_type, action_date,
       regency_code
  FROM load_action;
