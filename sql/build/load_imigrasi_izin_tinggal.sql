-- Stay permits of the given validated batches into core (rows held in
-- quarantine stay out). Parameters: batch_ids; the key pads come from the temp table build_key.
INSERT INTO core.dim_permit_type (permit_type, visa_index, purpose)
SELECT DISTINCT s.permit_type, coalesce(s.visa_index, ''), coalesce(s.purpose, '')
  FROM staging.imigrasi_izin_tinggal AS s
 WHERE s.batch_id = ANY(%(batch_ids)s) AND s.permit_type IS NOT NULL
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE load_permit ON COMMIT DROP AS
SELECT s.*, b.snapshot_date,
       core.keyed_hash(s.passport_number || '|' || s.nationality, k.inner_pad, k.outer_pad)
           AS person_key,
       core.keyed_hash(s.permit_number, k.inner_pad, k.outer_pad) AS permit_key
  FROM staging.imigrasi_izin_tinggal AS s
  JOIN audit.batch AS b USING (batch_id)
 CROSS JOIN build_key AS k
 WHERE s.batch_id = ANY(%(batch_ids)s)
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number);

-- Persons go to pii.person and core.dim_person in build/load_persons.sql.
INSERT INTO load_person_rows
SELECT person_key, passport_number, nationality, batch_id FROM load_permit WHERE person_key IS NOT NULL;

INSERT INTO pii.stay_permit (permit_key, permit_number)
SELECT DISTINCT permit_key, permit_number FROM load_permit WHERE permit_key IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO core.fact_stay_permit (batch_id, row_number, snapshot_date, person_key, permit_key,
                                   permit_type_key, nationality, regency_code, issue_date,
                                   expiry_date, status)
SELECT p.batch_id, p.row_number, p.snapshot_date, p.person_key, p.permit_key,
       t.permit_type_key, p.nationality, p.regency_code, p.issue_date, p.expiry_date, p.status
  FROM load_permit AS p
  LEFT JOIN core.dim_permit_type AS t
    ON t.permit_type = p.permit_type AND t.visa_index = coalesce(p.visa_index, '')
   AND t.purpose = coalesce(p.purpose, '');
