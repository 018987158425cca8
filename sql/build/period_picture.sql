-- The picture on the reference date t, from the period's snapshots, as temp
-- tables the rules and marts read (definitions: README "truth/"):
--   p_permit     every stay permit of the period's immigration snapshots
--   p_valid      valid on t: AKTIF and issue <= t <= expiry; is_work: E23 or BEKERJA
--   p_position   every RPTKA position of the manpower snapshots, linked to a
--                person (passport, or a unique name + birth date match)
--   p_covering   positions covering t (start <= t <= end), one row per work location
--   p_document   registry documents linked to a person (passport, permit
--                number, or a unique name + birth date match), with the method
--   p_active     active on t: AKTIF, issue <= t, valid_until empty or >= t
--   p_action     actions of the immigration action lists dated within the period
-- Parameters: period, reference_date, period_start. Jinja2: scoped, in a
-- partial rebuild (pantau.build.partial): only the rows of pt_scope_row (the
-- regions the change reached and every row of their persons), each linked as
-- the whole period would link it: a registry row's permit number is looked up
-- in pt_permit_key (the period's permits with the scoped rows' permit keys),
-- a name among all of the period's permits.
{% set scoped = scoped is defined and scoped -%}
{% set permits = "pt_permit_key" if scoped else "p_permit" -%}
-- Only permit_key is indexed (the registry's link by permit number): the
-- rules and marts read these tables whole, by hash joins; indexes on
-- person_key took 3 s nationally and no plan used them.
CREATE TEMP TABLE p_permit ON COMMIT DROP AS
SELECT f.*, t.permit_type, t.visa_index, t.purpose, coalesce(t.is_work, FALSE) AS is_work
  FROM core.fact_stay_permit AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ param("period") }}
{%- if scoped %}
  JOIN pt_scope_row AS sr ON sr.batch_id = f.batch_id AND sr.row_number = f.row_number
{%- endif %}
  LEFT JOIN core.dim_permit_type AS t USING (permit_type_key);
CREATE INDEX ON p_permit (permit_key);

CREATE TEMP TABLE p_valid ON COMMIT DROP AS
SELECT * FROM p_permit
 WHERE status = 'AKTIF' AND issue_date <= {{ param("reference_date") }}
   AND expiry_date >= {{ param("reference_date") }} AND person_key IS NOT NULL;

-- Person links of the registry rows, in order: the passport on the row;
-- else the stay permit the document was issued on (NO_IZIN_TINGGAL); else
-- normalised name + birth date + nationality, only when exactly one person of
-- the period's permits matches (several: reported as ambiguous, not guessed).
-- The registry rows left for the name match are set apart first, with their
-- name normalised once: the permits are then matched by birth date and
-- nationality, their names normalised only for those candidates.
CREATE TEMP TABLE p_unlinked ON COMMIT DROP AS
SELECT d.batch_id, d.row_number, sd.birth_date, sd.nationality,
       upper(regexp_replace(sd.full_name, '[^[:alpha:]]', '', 'g')) AS name_key
  FROM core.fact_population_document AS d
  JOIN core.period_batch AS pb ON pb.batch_id = d.batch_id AND pb.period = {{ param("period") }}
{%- if scoped %}
  JOIN pt_scope_row AS sr ON sr.batch_id = d.batch_id AND sr.row_number = d.row_number
{%- endif %}
  JOIN staging.dukcapil_orang_asing AS sd
    ON sd.batch_id = d.batch_id AND sd.row_number = d.row_number
 WHERE d.person_key IS NULL
   AND NOT EXISTS (SELECT 1 FROM {{ permits }} AS x WHERE x.permit_key = d.permit_key)
 UNION ALL
-- Manpower rows without a usable passport link the same way (the action lists
-- name no birth date: an action without a passport stays unlinked).
SELECT f.batch_id, f.row_number, st.birth_date, st.nationality,
       upper(regexp_replace(st.worker_name, '[^[:alpha:]]', '', 'g'))
  FROM core.fact_rptka_position AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ param("period") }}
{%- if scoped %}
  JOIN pt_scope_row AS sr ON sr.batch_id = f.batch_id AND sr.row_number = f.row_number
{%- endif %}
  JOIN staging.tenaga_kerja_tka AS st
    ON st.batch_id = f.batch_id AND st.row_number = f.row_number
 WHERE f.person_key IS NULL;
ANALYZE p_unlinked;

CREATE TEMP TABLE p_name_candidate ON COMMIT DROP AS
SELECT u.batch_id, u.row_number, array_agg(DISTINCT p.person_key) AS candidates
  FROM p_unlinked AS u
  JOIN staging.imigrasi_izin_tinggal AS sp
    ON sp.birth_date = u.birth_date AND sp.nationality = u.nationality
   AND upper(regexp_replace(sp.full_name, '[^[:alpha:]]', '', 'g')) = u.name_key
{%- if scoped %}
  JOIN core.fact_stay_permit AS p ON p.batch_id = sp.batch_id AND p.row_number = sp.row_number
{%- else %}
  JOIN p_permit AS p ON p.batch_id = sp.batch_id AND p.row_number = sp.row_number
{%- endif %}
 WHERE sp.batch_id IN (SELECT batch_id FROM core.period_batch
                        WHERE period = {{ param("period") }} AND source = 'imigrasi_izin_tinggal')
   AND p.person_key IS NOT NULL
 GROUP BY u.batch_id, u.row_number;

-- RPTKA positions, linked to a person by the passport on the row, else by a
-- unique name + birth date + nationality match (several: ambiguous, not
-- guessed). Unlinked positions still count as workers.
CREATE TEMP TABLE p_position ON COMMIT DROP AS
SELECT f.batch_id, f.row_number, f.snapshot_date, f.position_key,
       coalesce(f.person_key,
                CASE WHEN cardinality(n.candidates) = 1 THEN n.candidates[1] END) AS person_key,
       f.employer_nib, f.employer_key, f.kbji_code, f.position_title, f.nationality,
       f.start_date, f.end_date, f.dkptka_months, f.dkptka_usd, f.companion_count,
       CASE WHEN f.person_key IS NOT NULL THEN 'passport'
            WHEN cardinality(n.candidates) = 1 THEN 'name_birth_date'
            WHEN cardinality(n.candidates) > 1 THEN 'ambiguous'
            ELSE 'unlinked' END AS link_method,
       coalesce(cardinality(n.candidates), 0) AS candidates
  FROM core.fact_rptka_position AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ param("period") }}
{%- if scoped %}
  JOIN pt_scope_row AS sr ON sr.batch_id = f.batch_id AND sr.row_number = f.row_number
{%- endif %}
  LEFT JOIN p_name_candidate AS n ON n.batch_id = f.batch_id AND n.row_number = f.row_number;

CREATE TEMP TABLE p_covering ON COMMIT DROP AS
SELECT p.*, l.regency_code,
       (extract(YEAR FROM {{ param("reference_date") }}::date)
        - extract(YEAR FROM p.start_date)) * 12
       + extract(MONTH FROM {{ param("reference_date") }}::date)
       - extract(MONTH FROM p.start_date) + 1
           AS months_due
  FROM p_position AS p
  JOIN core.fact_rptka_location AS l USING (batch_id, row_number)
 WHERE p.start_date <= {{ param("reference_date") }}
   AND p.end_date >= {{ param("reference_date") }};

CREATE TEMP TABLE p_document ON COMMIT DROP AS
SELECT d.batch_id, d.row_number, d.document_type, d.document_status, d.regency_code,
       d.district_code, d.issue_date, d.valid_until, d.nationality,
       coalesce(d.person_key, by_permit.person_key,
                CASE WHEN cardinality(n.candidates) = 1 THEN n.candidates[1] END) AS person_key,
       CASE WHEN d.person_key IS NOT NULL THEN 'passport'
            WHEN by_permit.person_key IS NOT NULL THEN 'permit_number'
            WHEN cardinality(n.candidates) = 1 THEN 'name_birth_date'
            WHEN cardinality(n.candidates) > 1 THEN 'ambiguous'
            ELSE 'unlinked' END AS link_method,
       coalesce(cardinality(n.candidates), 0) AS candidates
  FROM core.fact_population_document AS d
  JOIN core.period_batch AS pb ON pb.batch_id = d.batch_id AND pb.period = {{ param("period") }}
{%- if scoped %}
  JOIN pt_scope_row AS sr ON sr.batch_id = d.batch_id AND sr.row_number = d.row_number
{%- endif %}
  LEFT JOIN LATERAL (
        SELECT p.person_key FROM {{ permits }} AS p
         WHERE d.person_key IS NULL AND p.permit_key = d.permit_key
         ORDER BY p.batch_id, p.row_number
         LIMIT 1
       ) AS by_permit ON TRUE
  LEFT JOIN p_name_candidate AS n ON n.batch_id = d.batch_id AND n.row_number = d.row_number;

CREATE TEMP TABLE p_active ON COMMIT DROP AS
SELECT * FROM p_document
 WHERE document_status = 'AKTIF' AND issue_date <= {{ param("reference_date") }}
   AND (valid_until IS NULL OR valid_until >= {{ param("reference_date") }});

CREATE TEMP TABLE p_action ON COMMIT DROP AS
SELECT a.*, CASE WHEN a.person_key IS NOT NULL THEN 'passport' ELSE 'unlinked' END
                AS link_method,
       0 AS candidates
  FROM core.fact_admin_action AS a
  JOIN core.period_batch AS pb ON pb.batch_id = a.batch_id AND pb.period = {{ param("period") }}
{%- if scoped %}
  JOIN pt_scope_row AS sr ON sr.batch_id = a.batch_id AND sr.row_number = a.row_number
{%- endif %}
 WHERE a.action_date BETWEEN {{ param("period_start") }} AND {{ param("reference_date") }};

ANALYZE p_permit, p_valid, p_position, p_covering, p_document, p_active, p_action;
