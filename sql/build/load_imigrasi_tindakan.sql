-- Administrative actions of the given validated batches into core.
-- Parameters: batch_ids, inner_pad, outer_pad.
CREATE TEMP TABLE load_action ON COMMIT DROP AS
SELECT s.*, b.snapshot_date,
       core.keyed_hash(s.passport_number || '|' || s.nationality, %(inner_pad)s, %(outer_pad)s)
           AS person_key
  FROM staging.imigrasi_tindakan AS s
  JOIN audit.batch AS b USING (batch_id)
 WHERE s.batch_id = ANY(%(batch_ids)s)
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number);

INSERT INTO pii.person (person_key, passport_number, nationality, first_batch_id)
SELECT DISTINCT ON (person_key) person_key, passport_number, nationality, batch_id
  FROM load_action WHERE person_key IS NOT NULL
 ORDER BY person_key, batch_id
ON CONFLICT DO NOTHING;

INSERT INTO core.dim_person (person_key, nationality)
SELECT DISTINCT ON (person_key) person_key, nationality
  FROM load_action WHERE person_key IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO core.fact_admin_action (batch_id, row_number, snapshot_date, person_key,
                                    nationality, action_type, action_date, regency_code)
SELECT batch_id, row_number, snapshot_date, person_key, nationality, action_type, action_date,
       regency_code
  FROM load_action;
