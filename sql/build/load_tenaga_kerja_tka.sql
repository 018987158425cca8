-- RPTKA positions of the given validated batches into core, with their work
-- locations and employers (SCD type 2 on name and KBLI).
-- Parameters: batch_ids (Jinja2: source). The rows come from build/clean_rows.sql.
-- A position without a passport is keyed by its row instead: it still counts once.
{% set keys = {"position_key":
               "s.rptka_number || '|' || coalesce(s.passport_number, '#' || s.row_number)"} %}
{% include "build/clean_rows.sql" %}

INSERT INTO core.dim_occupation (kbji_code, title)
SELECT DISTINCT left(occupation_code, 4), 'KBJI ' || left(occupation_code, 4)
  FROM load_rows WHERE occupation_code ~ '^\d{4}'
ON CONFLICT DO NOTHING;

-- Employer versions (SCD type 2 on name and KBLI sector), rebuilt for the
-- NIBs this load touches from every loaded snapshot, so that a late file
-- lands in history where it belongs and the result does not depend on the
-- order files arrive. Ties on one day: the first row of the first batch.
CREATE TEMP TABLE load_nib ON COMMIT DROP AS
SELECT DISTINCT nib FROM load_rows WHERE nib IS NOT NULL;

CREATE TEMP TABLE employer_day ON COMMIT DROP AS
SELECT DISTINCT ON (s.nib, b.snapshot_date) s.nib, b.snapshot_date, s.employer_name, s.kbli
  FROM staging.tenaga_kerja_tka AS s
  JOIN audit.batch AS b USING (batch_id)
 WHERE s.nib IN (SELECT nib FROM load_nib)
   AND (s.batch_id = ANY({{ param("batch_ids") }})
        OR (b.status = 'validated' AND b.core_loaded_at IS NOT NULL))
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number)
 ORDER BY s.nib, b.snapshot_date, s.batch_id, s.row_number;

-- (sqlfluff's PostgreSQL grammar cannot parse a row compared with IS DISTINCT FROM,
-- and then takes the column alias changed for an unused table alias.)
-- noqa: disable=PRS,AL05
CREATE TEMP TABLE employer_version ON COMMIT DROP AS
SELECT nib, employer_name, kbli, snapshot_date AS valid_from,
       coalesce(lead(snapshot_date) OVER next_version - 1, DATE '9999-12-31') AS valid_to,
       lead(snapshot_date) OVER next_version IS NULL AS is_current
  FROM (SELECT *, (employer_name, kbli) IS DISTINCT FROM
                  lag((employer_name, kbli)) OVER (PARTITION BY nib ORDER BY snapshot_date)
                      AS changed
          FROM employer_day) AS d
 WHERE changed
WINDOW next_version AS (PARTITION BY nib ORDER BY snapshot_date);
-- noqa: enable=PRS,AL05

UPDATE core.fact_rptka_position SET employer_key = NULL
 WHERE employer_nib IN (SELECT nib FROM load_nib);
DELETE FROM core.dim_employer WHERE nib IN (SELECT nib FROM load_nib);
INSERT INTO core.dim_employer (nib, employer_name, kbli, valid_from, valid_to, is_current)
SELECT nib, employer_name, kbli, valid_from, valid_to, is_current FROM employer_version;

-- New positions take their employer version as they go in ...
INSERT INTO core.fact_rptka_position (batch_id, row_number, snapshot_date, position_key,
                                      person_key, employer_nib, employer_key, kbji_code,
                                      position_title, nationality, start_date, end_date,
                                      dkptka_months, dkptka_usd, companion_count)
SELECT p.batch_id, p.row_number, p.snapshot_date, p.position_key, p.person_key, p.nib,
       e.employer_key,
       CASE WHEN p.occupation_code ~ '^\d{4}' THEN left(p.occupation_code, 4) END,
       p.position_title, p.nationality, p.start_date, p.end_date, p.dkptka_months,
       p.dkptka_usd, p.companion_count
  FROM load_rows AS p
  LEFT JOIN core.dim_employer AS e
    ON e.nib = p.nib AND p.snapshot_date BETWEEN e.valid_from AND e.valid_to
 WHERE p.position_key IS NOT NULL;

-- ... and the earlier positions of the touched NIBs point at the version of
-- their snapshot day again.
UPDATE core.fact_rptka_position AS f SET employer_key = e.employer_key
  FROM core.dim_employer AS e
 WHERE f.employer_nib IN (SELECT nib FROM load_nib) AND e.nib = f.employer_nib
   AND f.snapshot_date BETWEEN e.valid_from AND e.valid_to
   AND f.batch_id <> ALL({{ param("batch_ids") }});

INSERT INTO core.fact_rptka_location (batch_id, row_number, regency_code)
SELECT DISTINCT l.batch_id, l.row_number, l.regency_code
  FROM staging.tenaga_kerja_tka_lokasi AS l
  JOIN core.fact_rptka_position USING (batch_id, row_number)
 WHERE l.batch_id = ANY({{ param("batch_ids") }}) AND l.regency_code IS NOT NULL;
