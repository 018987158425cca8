-- The staging rows of the PMI batches being loaded (parameter batch_ids),
-- minus the rows held in quarantine, with the keyed hashes that name their
-- person (the temp table load_rows): nik_key of a valid NIK; passport_key of
-- a passport the gate did not note as malformed (quarantine.row_note
-- passport_format); name_key of the normalised name (letters only, upper
-- case) | birth date | origin regency when all three are there. Each hashes
-- kind || '|' || identifier; the identifiers go to pii.pmi_identity.
-- age_years: whole years on the row's event date (Jinja2: event_date; none:
-- NULL), so that the birth date itself stays in staging and pii.
-- Included by each build/load_<pmi source>.sql (Jinja2: source,
-- event_date); the key pads come from the temp table build_key.
-- sqlfluff:templater:jinja:context:event_date:departure_date
DROP TABLE IF EXISTS load_rows;
CREATE TEMP TABLE load_rows ON COMMIT DROP AS
WITH rows AS (
    SELECT s.*, b.snapshot_date,
           CASE WHEN s.nik_valid THEN s.nik END AS nik_identifier,
           CASE WHEN s.passport_number <> ''
                 AND NOT EXISTS (SELECT 1 FROM quarantine.row_note AS n
                                  WHERE n.batch_id = s.batch_id
                                    AND n.row_number = s.row_number
                                    AND n.rule = 'passport_format')
                THEN s.passport_number END AS passport_identifier,
           nullif(upper(regexp_replace(s.full_name, '[^[:alpha:]]', '', 'g')), '')
           || '|' || s.birth_date::text || '|' || s.origin_regency_code AS name_identifier
      FROM staging.{{ source }} AS s
      JOIN audit.batch AS b USING (batch_id)
     WHERE s.batch_id = ANY({{ param("batch_ids") }})
       AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                        WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number)
)
SELECT r.*,
       core.keyed_hash('nik|' || r.nik_identifier, k.inner_pad, k.outer_pad) AS nik_key,
       core.keyed_hash('passport|' || r.passport_identifier, k.inner_pad, k.outer_pad)
           AS passport_key,
       core.keyed_hash('name_birth_origin|' || r.name_identifier, k.inner_pad, k.outer_pad)
           AS name_key,
{%- if event_date %}
       date_part('year', age(r.{{ event_date }}, r.birth_date))::smallint AS age_years
{%- else %}
       NULL::smallint AS age_years
{%- endif %}
  FROM rows AS r
 CROSS JOIN build_key AS k;

INSERT INTO pii.pmi_identity (identity_key, kind, identifier, first_batch_id)
SELECT DISTINCT ON (identity_key) identity_key, kind, identifier, batch_id
  FROM (SELECT nik_key, 'nik', nik_identifier, batch_id FROM load_rows
        UNION ALL
        SELECT passport_key, 'passport', passport_identifier, batch_id FROM load_rows
        UNION ALL
        SELECT name_key, 'name_birth_origin', name_identifier, batch_id FROM load_rows)
       AS named (identity_key, kind, identifier, batch_id)
 WHERE identity_key IS NOT NULL
 ORDER BY identity_key, batch_id
ON CONFLICT DO NOTHING;
