-- The source rows behind every number of the pmi object of figures.json,
-- into mart.figure_row. A figure is named by its path there
-- (pmi.placements_departed, pmi.returnees with category OVERSTAY, a priority
-- area's pmi.priority_areas.persons_indicated with the area's code as
-- category). The rows come from the temp tables build/pmi_marts.sql counts
-- (pm_departed, pm_issued, pm_withheld, pm_postponed, pm_arrived,
-- pm_indicated) and from the priority areas it wrote, so the distinct units
-- of a figure's rows are the figure by construction:
--   records (placements, applications, postponements, arrivals) count each
--   row once: unit batch:row; a record lies in its one origin regency, so a
--   province holds exactly its regencies' rows;
--   indications and a priority area's persons count persons: unit
--   person_key, so a person indicated in two regencies of a province counts
--   once there, as in the mart.
-- Masked identifiers only: the NIK (else the passport) the row's person is
-- keyed by, masked by core.masked as the follow-up lists show it; nothing for
-- a person known by name only, or a row linked to nobody. Run by the build
-- right after build/figure_rows.sql, in its transaction. Parameters: period;
-- Jinja2: scoped (a partial rebuild writes the shadow tables of build/output.sql).
{% from "build/output.sql" import out with context %}
DELETE FROM {{ out("mart.figure_row") }}
 WHERE period = {{ param("period") }} AND starts_with(figure, 'pmi.');

-- How each PMI row of the picture was linked: what an indication row shows.
CREATE TEMP TABLE pf_link ON COMMIT DROP AS
SELECT batch_id, row_number, link_method FROM pm_placement
UNION ALL
SELECT batch_id, row_number, link_method FROM pm_application
UNION ALL
SELECT batch_id, row_number, link_method FROM pm_postponement
UNION ALL
SELECT batch_id, row_number, link_method FROM pm_returnee;
CREATE INDEX ON pf_link (batch_id, row_number);

-- The area a region's priority list names a departed placement under: a
-- regency's districts, a province's regencies, Indonesia's provinces (as
-- build/pmi_marts.sql).
CREATE TEMP TABLE pf_departed_area ON COMMIT DROP AS
SELECT d.region_code, d.batch_id, d.row_number, d.person_key, d.link_method,
       CASE WHEN g.level = 'regency' THEN d.origin_district_code
            WHEN g.level = 'national' THEN left(d.origin_regency_code, 2)
            ELSE d.origin_regency_code END AS area_code
  FROM pm_departed AS d JOIN core.dim_region AS g USING (region_code);

-- unit_key: what the figure counts distinct.
CREATE TEMP TABLE pf_row ON COMMIT DROP AS
SELECT region_code, 'pmi.placements_departed' AS figure, '' AS category, batch_id,
       row_number, batch_id || ':' || row_number AS unit_key, person_key, link_method
  FROM pm_departed
UNION ALL
SELECT region_code, 'pmi.placements_by_destination', destination_country, batch_id,
       row_number, batch_id || ':' || row_number, person_key, link_method
  FROM pm_departed WHERE destination_country IS NOT NULL
UNION ALL
SELECT region_code, 'pmi.placements_by_scheme', scheme, batch_id, row_number,
       batch_id || ':' || row_number, person_key, link_method
  FROM pm_departed WHERE scheme IS NOT NULL
UNION ALL
SELECT region_code, 'pmi.placements_informal', '', batch_id, row_number,
       batch_id || ':' || row_number, person_key, link_method
  FROM pm_departed WHERE sector = 'INFORMAL'
UNION ALL
SELECT region_code, 'pmi.passports_issued', purpose, batch_id, row_number,
       batch_id || ':' || row_number, person_key, link_method
  FROM pm_issued WHERE purpose IS NOT NULL
UNION ALL
SELECT region_code, 'pmi.passports_withheld_pmi', '', batch_id, row_number,
       batch_id || ':' || row_number, person_key, link_method
  FROM pm_withheld
UNION ALL
SELECT region_code, 'pmi.departures_postponed', reason, batch_id, row_number,
       batch_id || ':' || row_number, person_key, link_method
  FROM pm_postponed WHERE reason IS NOT NULL
UNION ALL
SELECT region_code, 'pmi.returnees', case_type, batch_id, row_number,
       batch_id || ':' || row_number, person_key, link_method
  FROM pm_arrived WHERE case_type IS NOT NULL
UNION ALL
SELECT i.region_code, 'pmi.indications', i.rule_code, i.batch_id, i.row_number,
       i.person_key::text, i.person_key, l.link_method
  FROM pm_indicated AS i
  JOIN pf_link AS l ON l.batch_id = i.batch_id AND l.row_number = i.row_number
UNION ALL
-- A row indicating several rules in one area is listed once.
SELECT DISTINCT i.region_code, 'pmi.priority_areas.persons_indicated', i.area_code,
       i.batch_id, i.row_number, i.person_key::text, i.person_key, l.link_method
  FROM pm_indicated AS i
  JOIN pf_link AS l ON l.batch_id = i.batch_id AND l.row_number = i.row_number
 WHERE i.area_code IS NOT NULL
UNION ALL
SELECT d.region_code, 'pmi.priority_areas.placements_departed', d.area_code, d.batch_id,
       d.row_number, d.batch_id || ':' || d.row_number, d.person_key, d.link_method
  FROM pf_departed_area AS d
  JOIN {{ out("mart.pmi_priority_area") }} AS a
    ON a.period = {{ param("period") }} AND a.region_code = d.region_code
   AND a.area_code = d.area_code;

INSERT INTO {{ out("mart.figure_row") }} (period, region_code, figure, category, source, batch_id,
                             row_number, unit_key, masked_id, link_method, amount)
SELECT {{ param("period") }}, f.region_code, f.figure, f.category, b.source, f.batch_id,
       f.row_number, f.unit_key,
       CASE WHEN p.kind IN ('nik', 'passport') THEN core.masked(p.identifier) END,
       f.link_method, NULL
  FROM pf_row AS f
  JOIN audit.batch AS b USING (batch_id)
  LEFT JOIN pii.pmi_identity AS p ON p.identity_key = f.person_key;
