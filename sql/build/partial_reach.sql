-- The regions a change reaches among the foreigners' figures of one period, and
-- the rows a partial rebuild (pantau.build.partial) must picture to compute them
-- as the whole build would. Run after the loads and build/select_batches.sql,
-- with the period's former batches in pt_prior_batch (build/partial_prior.sql)
-- and what the loads changed kept by build/partial_capture.sql. Temp tables:
--   pt_batch        the period's changed batches: added (newly chosen), removed
--                   (no longer chosen) or reloaded (a quarantine decision);
--   pt_row          each row they change, old and new version (kind, batch,
--                   row, person, regency), operation visits included;
--   pt_relinked     unchanged registry and manpower rows without a passport
--                   whose link may follow a changed permit (same permit number,
--                   or same name, birth date and nationality);
--   pt_person       the persons reached: those of the changed and relinked rows,
--                   by their former link and by every person they may link to now;
--   pt_reach        the regencies reached: those of the changed and relinked rows,
--                   every regency where a reached person has a row (a rule counts
--                   a person wherever one of his rows lies: a permit in one regency,
--                   a registration in another), those of the positions, visits and
--                   sponsored permits of an employer whose versions changed, and
--                   of permits whose sponsor changed;
--   pt_scope_row    the rows the scoped picture holds: every row in the reached
--                   regencies, every row of a person who has one there (or who
--                   is reached), and the changed and relinked rows (a province
--                   and Indonesia are derived from their regencies afterwards,
--                   build/partial_derive.sql);
--   pt_permit_key   the period's permits with the permit keys of the scoped
--                   registry rows (their link by permit number);
--   pt_link_row     the rows whose core.document_link the rebuild rewrites.
-- Parameters: period. Jinja2: with_sponsors (pt_old_sponsor was kept).
{% from "build/partial_changes.sql" import changed with context -%}
{% set period = param("period") -%}
CREATE TEMP TABLE pt_batch ON COMMIT DROP AS
SELECT n.batch_id, 'added' AS change
  FROM core.period_batch AS n
 WHERE n.period = {{ period }}
   AND n.batch_id NOT IN (SELECT o.batch_id FROM pt_prior_batch AS o)
UNION ALL
SELECT o.batch_id, 'removed'
  FROM pt_prior_batch AS o
 WHERE o.batch_id NOT IN (SELECT n.batch_id FROM core.period_batch AS n
                           WHERE n.period = {{ period }})
UNION ALL
SELECT o.batch_id, 'reloaded'
  FROM pt_prior_batch AS o
  JOIN core.period_batch AS n ON n.batch_id = o.batch_id AND n.period = {{ period }}
 WHERE o.batch_id IN (SELECT r.batch_id FROM pt_reloaded AS r);

{{ changed("permit", "fact_stay_permit") }}
{{ changed("document", "fact_population_document") }}
{{ changed("position", "fact_rptka_position",
           "f.batch_id, f.row_number, f.snapshot_date, f.position_key, f.person_key,
            f.employer_nib, f.kbji_code, f.position_title, f.nationality, f.start_date,
            f.end_date, f.dkptka_months, f.dkptka_usd, f.companion_count") }}
{{ changed("location", "fact_rptka_location") }}
{{ changed("action", "fact_admin_action") }}
{{ changed("visit", "fact_operation_visit") }}

-- A position changes with its row or with one of its work locations; its
-- regencies are those of both versions.
CREATE TEMP TABLE pt_position_row ON COMMIT DROP AS
SELECT DISTINCT batch_id, row_number FROM pt_changed_position
UNION
SELECT DISTINCT batch_id, row_number FROM pt_changed_location;

CREATE TEMP TABLE pt_row ON COMMIT DROP AS
SELECT version, 'permit' AS kind, batch_id, row_number, person_key, regency_code
  FROM pt_changed_permit
UNION ALL
SELECT version, 'document', batch_id, row_number, person_key, regency_code
  FROM pt_changed_document
UNION ALL
SELECT 'old', 'position', k.batch_id, k.row_number, f.person_key, l.regency_code
  FROM pt_position_row AS k
  JOIN (SELECT batch_id, row_number, person_key FROM pt_old_fact_rptka_position
        UNION ALL
        SELECT batch_id, row_number, person_key FROM core.fact_rptka_position
         WHERE batch_id IN (SELECT batch_id FROM pt_batch WHERE change = 'removed')
           AND batch_id NOT IN (SELECT batch_id FROM pt_reloaded)) AS f
    USING (batch_id, row_number)
  LEFT JOIN (SELECT batch_id, row_number, regency_code FROM pt_old_fact_rptka_location
             UNION ALL
             SELECT batch_id, row_number, regency_code FROM core.fact_rptka_location
              WHERE batch_id IN (SELECT batch_id FROM pt_batch WHERE change = 'removed')
                AND batch_id NOT IN (SELECT batch_id FROM pt_reloaded)) AS l
    USING (batch_id, row_number)
UNION ALL
SELECT 'new', 'position', k.batch_id, k.row_number, f.person_key, l.regency_code
  FROM pt_position_row AS k
  JOIN core.fact_rptka_position AS f USING (batch_id, row_number)
  LEFT JOIN core.fact_rptka_location AS l USING (batch_id, row_number)
 WHERE k.batch_id IN (SELECT batch_id FROM pt_batch WHERE change IN ('added', 'reloaded'))
UNION ALL
SELECT version, 'action', batch_id, row_number, person_key, regency_code
  FROM pt_changed_action
UNION ALL
SELECT version, 'visit', batch_id, row_number, NULL, regency_code
  FROM pt_changed_visit;

-- Unchanged rows without a passport whose link may follow the changed permits
-- (build/period_picture.sql links by permit number, else by a unique name +
-- birth date + nationality among the period's permits).
CREATE TEMP TABLE pt_permit_name ON COMMIT DROP AS
SELECT DISTINCT s.birth_date, s.nationality,
       upper(regexp_replace(s.full_name, '[^[:alpha:]]', '', 'g')) AS name_key
  FROM pt_changed_permit AS c
  JOIN staging.imigrasi_izin_tinggal AS s
    ON s.batch_id = c.batch_id AND s.row_number = c.row_number;

CREATE TEMP TABLE pt_relinked ON COMMIT DROP AS
SELECT d.batch_id, d.row_number
  FROM core.fact_population_document AS d
  JOIN core.period_batch AS pb ON pb.batch_id = d.batch_id AND pb.period = {{ period }}
  JOIN staging.dukcapil_orang_asing AS s
    ON s.batch_id = d.batch_id AND s.row_number = d.row_number
 WHERE EXISTS (SELECT 1 FROM pt_changed_permit)
   AND d.person_key IS NULL
   AND (d.permit_key IN (SELECT c.permit_key FROM pt_changed_permit AS c)
        OR (s.birth_date, s.nationality, upper(regexp_replace(s.full_name, '[^[:alpha:]]', '',
                                                              'g')))
           IN (SELECT n.birth_date, n.nationality, n.name_key FROM pt_permit_name AS n))
UNION
SELECT f.batch_id, f.row_number
  FROM core.fact_rptka_position AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }}
  JOIN staging.tenaga_kerja_tka AS s
    ON s.batch_id = f.batch_id AND s.row_number = f.row_number
 WHERE EXISTS (SELECT 1 FROM pt_changed_permit)
   AND f.person_key IS NULL
   AND (s.birth_date, s.nationality, upper(regexp_replace(s.worker_name, '[^[:alpha:]]', '',
                                                          'g')))
       IN (SELECT n.birth_date, n.nationality, n.name_key FROM pt_permit_name AS n);

-- Every person a changed or relinked row without a passport may link to now:
-- the period's permits with its permit number, or with its name, birth date
-- and nationality (a superset of the one build/period_picture.sql picks).
CREATE TEMP TABLE pt_unkeyed ON COMMIT DROP AS
SELECT r.batch_id, r.row_number FROM pt_row AS r
 WHERE r.version = 'new' AND r.kind IN ('document', 'position') AND r.person_key IS NULL
UNION
SELECT batch_id, row_number FROM pt_relinked;

CREATE TEMP TABLE pt_period_permit ON COMMIT DROP AS
SELECT f.batch_id, f.row_number, f.person_key, f.permit_key
  FROM core.fact_stay_permit AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }};

CREATE TEMP TABLE pt_unkeyed_name ON COMMIT DROP AS
SELECT u.batch_id, u.row_number, d.permit_key, s.birth_date, s.nationality,
       upper(regexp_replace(s.full_name, '[^[:alpha:]]', '', 'g')) AS name_key
  FROM pt_unkeyed AS u
  JOIN core.fact_population_document AS d USING (batch_id, row_number)
  JOIN staging.dukcapil_orang_asing AS s USING (batch_id, row_number)
UNION ALL
SELECT u.batch_id, u.row_number, NULL, s.birth_date, s.nationality,
       upper(regexp_replace(s.worker_name, '[^[:alpha:]]', '', 'g'))
  FROM pt_unkeyed AS u
  JOIN staging.tenaga_kerja_tka AS s USING (batch_id, row_number);

CREATE TEMP TABLE pt_candidate ON COMMIT DROP AS
SELECT u.batch_id, u.row_number, p.person_key
  FROM pt_unkeyed_name AS u
  JOIN pt_period_permit AS p ON p.permit_key = u.permit_key
 WHERE p.person_key IS NOT NULL
UNION
SELECT u.batch_id, u.row_number, p.person_key
  FROM pt_unkeyed_name AS u
  JOIN staging.imigrasi_izin_tinggal AS sp
    ON sp.birth_date = u.birth_date AND sp.nationality = u.nationality
   AND upper(regexp_replace(sp.full_name, '[^[:alpha:]]', '', 'g')) = u.name_key
  JOIN pt_period_permit AS p ON p.batch_id = sp.batch_id AND p.row_number = sp.row_number
 WHERE p.person_key IS NOT NULL;

-- The persons reached: of the changed rows (both versions; a row linked by
-- permit number or name in the last build by that link), of the relinked
-- rows (their former link), and every person those may link to now.
CREATE TEMP TABLE pt_person ON COMMIT DROP AS
SELECT person_key FROM pt_row WHERE person_key IS NOT NULL
UNION
SELECT l.person_key
  FROM core.document_link AS l
 WHERE l.period = {{ period }} AND l.person_key IS NOT NULL
   AND (l.batch_id, l.row_number) IN (SELECT r.batch_id, r.row_number FROM pt_row AS r
                                       WHERE r.version = 'old'
                                      UNION ALL
                                      SELECT batch_id, row_number FROM pt_relinked)
UNION
SELECT person_key FROM pt_candidate;

-- Every foreigner row of the period, with its person (the passport on the row,
-- else its link of the last build: an unchanged row links as it did, a changed
-- or relinked one is in pt_row or pt_relinked) and its regency (a position: each
-- work location); build/partial_derive.sql finds a unit's provinces here.
CREATE TEMP TABLE pt_place ON COMMIT DROP AS
SELECT f.batch_id, f.row_number, f.person_key, f.regency_code, f.permit_key,
       NULL::char(64) AS position_key, 'permit' AS kind
  FROM core.fact_stay_permit AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }}
UNION ALL
SELECT d.batch_id, d.row_number, coalesce(d.person_key, l.person_key), d.regency_code,
       d.permit_key, NULL, 'document'
  FROM core.fact_population_document AS d
  JOIN core.period_batch AS pb ON pb.batch_id = d.batch_id AND pb.period = {{ period }}
  LEFT JOIN core.document_link AS l
    ON l.period = {{ period }} AND l.batch_id = d.batch_id AND l.row_number = d.row_number
   AND d.person_key IS NULL
UNION ALL
SELECT f.batch_id, f.row_number, coalesce(f.person_key, l.person_key), c.regency_code, NULL,
       f.position_key, 'position'
  FROM core.fact_rptka_position AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }}
  LEFT JOIN core.fact_rptka_location AS c
    ON c.batch_id = f.batch_id AND c.row_number = f.row_number
  LEFT JOIN core.document_link AS l
    ON l.period = {{ period }} AND l.batch_id = f.batch_id AND l.row_number = f.row_number
   AND f.person_key IS NULL
UNION ALL
SELECT a.batch_id, a.row_number, a.person_key, a.regency_code, NULL, NULL, 'action'
  FROM core.fact_admin_action AS a
  JOIN core.period_batch AS pb ON pb.batch_id = a.batch_id AND pb.period = {{ period }};

-- Employers whose versions a load changed (name, sector or dates), and
-- permits whose sponsor NIB build/sponsor_nib.sql changed.
CREATE TEMP TABLE pt_employer ON COMMIT DROP AS
SELECT nib
  FROM ((SELECT nib, employer_name, kbli, valid_from, valid_to, is_current FROM pt_old_employer
         EXCEPT
         SELECT nib, employer_name, kbli, valid_from, valid_to, is_current FROM core.dim_employer)
        UNION ALL
        (SELECT nib, employer_name, kbli, valid_from, valid_to, is_current FROM core.dim_employer
         EXCEPT
         SELECT nib, employer_name, kbli, valid_from, valid_to, is_current FROM pt_old_employer))
       AS versions;

CREATE TEMP TABLE pt_reach ON COMMIT DROP AS
SELECT regency_code FROM pt_row
UNION
SELECT p.regency_code
  FROM pt_place AS p
 WHERE p.person_key IN (SELECT person_key FROM pt_person)
    OR (p.batch_id, p.row_number) IN (SELECT batch_id, row_number FROM pt_relinked)
UNION
SELECT l.regency_code
  FROM core.fact_rptka_position AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }}
  JOIN core.fact_rptka_location AS l ON l.batch_id = f.batch_id AND l.row_number = f.row_number
 WHERE f.employer_nib IN (SELECT nib FROM pt_employer)
UNION
SELECT v.regency_code
  FROM core.fact_operation_visit AS v
  JOIN core.period_batch AS pb ON pb.batch_id = v.batch_id AND pb.period = {{ period }}
 WHERE v.nib IN (SELECT nib FROM pt_employer)
UNION
SELECT f.regency_code
  FROM core.fact_stay_permit AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }}
  LEFT JOIN pt_old_sponsor AS o ON o.batch_id = f.batch_id AND o.row_number = f.row_number
 WHERE f.sponsor_nib IN (SELECT nib FROM pt_employer)
    OR o.sponsor_nib IN (SELECT nib FROM pt_employer)
{%- if with_sponsors %}
    OR (o.batch_id IS NOT NULL AND o.sponsor_nib IS DISTINCT FROM f.sponsor_nib)
{%- endif %};
DELETE FROM pt_reach WHERE regency_code IS NULL;

CREATE TEMP TABLE pt_scope_row ON COMMIT DROP AS
WITH scope_person AS (
    SELECT person_key FROM pt_place
     WHERE regency_code IN (SELECT regency_code FROM pt_reach) AND person_key IS NOT NULL
    UNION
    SELECT person_key FROM pt_person
)
SELECT batch_id, row_number
  FROM pt_place
 WHERE regency_code IN (SELECT regency_code FROM pt_reach)
    OR person_key IN (SELECT person_key FROM scope_person)
UNION
SELECT batch_id, row_number FROM pt_row WHERE version = 'new'
UNION
SELECT batch_id, row_number FROM pt_relinked;
ALTER TABLE pt_scope_row ADD PRIMARY KEY (batch_id, row_number);

CREATE TEMP TABLE pt_permit_key ON COMMIT DROP AS
SELECT p.permit_key, p.person_key, p.batch_id, p.row_number
  FROM pt_period_permit AS p
 WHERE p.permit_key IN (SELECT d.permit_key
                          FROM pt_place AS d
                          JOIN pt_scope_row USING (batch_id, row_number)
                         WHERE d.kind = 'document');
CREATE INDEX ON pt_permit_key (permit_key);

CREATE TEMP TABLE pt_link_row ON COMMIT DROP AS
SELECT batch_id, row_number FROM pt_row WHERE kind IN ('document', 'position', 'action')
UNION
SELECT batch_id, row_number FROM pt_relinked;

ANALYZE pt_scope_row, pt_permit_key, pt_link_row, pt_reach;
