-- The employer (NIB) each stay permit's PENJAMIN names, set-based, after the
-- loads of a build (stay permits load before the manpower snapshots that
-- bring the employers, so the match waits until both are in). A name key
-- (core.employer_name_key) matching exactly one NIB's name (any version) sets
-- sponsor_nib; no match or several: NULL. Only the NIB reaches core, never
-- the PENJAMIN text. Rows whose staging row retention purged keep what they have.
WITH employer_key AS (
    SELECT core.employer_name_key(employer_name) AS name_key, min(nib) AS nib
      FROM core.dim_employer
     WHERE core.employer_name_key(employer_name) IS NOT NULL
     GROUP BY 1
    HAVING count(DISTINCT nib) = 1
)
UPDATE core.fact_stay_permit AS f
   SET sponsor_nib = e.nib
  FROM staging.imigrasi_izin_tinggal AS s
  JOIN employer_key AS e ON e.name_key = core.employer_name_key(s.sponsor)
 WHERE s.batch_id = f.batch_id AND s.row_number = f.row_number
   AND f.sponsor_nib IS DISTINCT FROM e.nib;
