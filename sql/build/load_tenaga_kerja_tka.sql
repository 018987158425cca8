-- RPTKA positions of the given validated batches into core, with their work
-- locations and employers (SCD type 2 on name, KBLI and province).
-- Parameters: batch_ids, inner_pad, outer_pad.
CREATE TEMP TABLE load_position ON COMMIT DROP AS
SELECT s.*, b.snapshot_date, left(b.file_scope, 2) AS province_code,
       core.keyed_hash(s.passport_number || '|' || s.nationality, %(inner_pad)s, %(outer_pad)s)
           AS person_key,
       core.keyed_hash(s.rptka_number || '|' || s.passport_number, %(inner_pad)s, %(outer_pad)s)
           AS position_key
  FROM staging.tenaga_kerja_tka AS s
  JOIN audit.batch AS b USING (batch_id)
 WHERE s.batch_id = ANY(%(batch_ids)s)
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number);

INSERT INTO pii.person (person_key, passport_number, nationality, first_batch_id)
SELECT DISTINCT ON (person_key) person_key, passport_number, nationality, batch_id
  FROM load_position WHERE person_key IS NOT NULL
 ORDER BY person_key, batch_id
ON CONFLICT DO NOTHING;

INSERT INTO core.dim_person (person_key, nationality)
SELECT DISTINCT ON (person_key) person_key, nationality
  FROM load_position WHERE person_key IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO core.dim_occupation (kbji_code, title)
SELECT DISTINCT left(occupation_code, 4), 'KBJI ' || left(occupation_code, 4)
  FROM load_position WHERE occupation_code ~ '^\d{4}'
ON CONFLICT DO NOTHING;

-- Employer versions, in snapshot order: a version closes when a later
-- snapshot shows the NIB with another name, sector or province.
CREATE TEMP TABLE load_employer ON COMMIT DROP AS
SELECT DISTINCT ON (nib, snapshot_date) nib, employer_name, kbli, province_code, snapshot_date
  FROM load_position WHERE nib IS NOT NULL
 ORDER BY nib, snapshot_date, row_number;

DO $$
DECLARE
    version record;
BEGIN
    FOR version IN SELECT * FROM load_employer ORDER BY snapshot_date, nib LOOP
        IF NOT EXISTS (
            SELECT 1 FROM core.dim_employer AS e
             WHERE e.nib = version.nib AND e.valid_from <= version.snapshot_date
               AND e.valid_to >= version.snapshot_date
               AND e.employer_name IS NOT DISTINCT FROM version.employer_name
               AND e.kbli IS NOT DISTINCT FROM version.kbli
               AND e.province_code IS NOT DISTINCT FROM version.province_code) THEN
            IF EXISTS (SELECT 1 FROM core.dim_employer AS e
                        WHERE e.nib = version.nib AND e.is_current
                          AND e.valid_from < version.snapshot_date) THEN
                UPDATE core.dim_employer
                   SET valid_to = version.snapshot_date - 1, is_current = false
                 WHERE nib = version.nib AND is_current;
                INSERT INTO core.dim_employer (nib, employer_name, kbli, province_code, valid_from)
                VALUES (version.nib, version.employer_name, version.kbli, version.province_code,
                        version.snapshot_date);
            ELSIF NOT EXISTS (SELECT 1 FROM core.dim_employer AS e WHERE e.nib = version.nib) THEN
                INSERT INTO core.dim_employer (nib, employer_name, kbli, province_code, valid_from)
                VALUES (version.nib, version.employer_name, version.kbli, version.province_code,
                        version.snapshot_date);
            END IF;
            -- A late snapshot older than the current version keeps the version
            -- that covers its date: history is not rewritten by late files.
        END IF;
    END LOOP;
END
$$;

INSERT INTO core.fact_rptka_position (batch_id, row_number, snapshot_date, position_key,
                                      person_key, employer_key, kbji_code, position_title,
                                      nationality, start_date, end_date, dkptka_months,
                                      dkptka_usd, companion_count)
SELECT p.batch_id, p.row_number, p.snapshot_date, p.position_key, p.person_key, e.employer_key,
       CASE WHEN p.occupation_code ~ '^\d{4}' THEN left(p.occupation_code, 4) END,
       p.position_title, p.nationality, p.start_date, p.end_date, p.dkptka_months,
       p.dkptka_usd, p.companion_count
  FROM load_position AS p
  LEFT JOIN LATERAL (
        SELECT e.employer_key FROM core.dim_employer AS e
         WHERE e.nib = p.nib
         ORDER BY (e.valid_from <= p.snapshot_date AND e.valid_to >= p.snapshot_date) DESC,
                  e.valid_from
         LIMIT 1
       ) AS e ON true
 WHERE p.position_key IS NOT NULL;

INSERT INTO core.fact_rptka_location (batch_id, row_number, regency_code)
SELECT DISTINCT l.batch_id, l.row_number, l.regency_code
  FROM staging.tenaga_kerja_tka_lokasi AS l
  JOIN core.fact_rptka_position AS f USING (batch_id, row_number)
 WHERE l.batch_id = ANY(%(batch_ids)s) AND l.regency_code IS NOT NULL;
