-- The PMI marts of a period, for every regency and province (a province
-- counts each person once), from the PMI picture (build/pmi_picture.sql)
-- and core.fact_pmi_indication. Run by the build after build/marts.sql,
-- whose region rows it completes and whose p_member (each regency belongs to
-- itself and to its province) it reads. A record counts in the region of its
-- origin; "in W" is between period_start and reference_date, both included.
-- Parameters: period, period_start, reference_date; Jinja2: scoped (a partial
-- rebuild writes the shadow tables of build/output.sql).
{% from "build/output.sql" import out with context %}
DELETE FROM {{ out("mart.pmi_priority_area") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.pmi_followup") }} WHERE period = {{ param("period") }};

-- The records each figure counts, by region.
CREATE TEMP TABLE pm_departed ON COMMIT DROP AS
SELECT m.region_code, p.*
  FROM pm_placement AS p JOIN p_member AS m ON m.regency_code = p.origin_regency_code
 WHERE p.status IN ('BERANGKAT', 'PULANG')
   AND p.departure_date BETWEEN {{ param("period_start") }} AND {{ param("reference_date") }};

CREATE TEMP TABLE pm_issued ON COMMIT DROP AS
SELECT m.region_code, a.*
  FROM pm_application AS a JOIN p_member AS m ON m.regency_code = a.origin_regency_code
 WHERE a.status = 'TERBIT'
   AND a.issue_date BETWEEN {{ param("period_start") }} AND {{ param("reference_date") }};

CREATE TEMP TABLE pm_withheld ON COMMIT DROP AS
SELECT m.region_code, a.*
  FROM pm_application AS a JOIN p_member AS m ON m.regency_code = a.origin_regency_code
 WHERE a.status IN ('DITUNDA', 'DITOLAK') AND a.reason = 'INDIKASI PMI NON PROSEDURAL'
   AND a.application_date BETWEEN {{ param("period_start") }} AND {{ param("reference_date") }};

CREATE TEMP TABLE pm_postponed ON COMMIT DROP AS
SELECT m.region_code, p.*
  FROM pm_postponement AS p JOIN p_member AS m ON m.regency_code = p.origin_regency_code
 WHERE p.postponement_date BETWEEN {{ param("period_start") }} AND {{ param("reference_date") }};

CREATE TEMP TABLE pm_arrived ON COMMIT DROP AS
SELECT m.region_code, r.*
  FROM pm_returnee AS r JOIN p_member AS m ON m.regency_code = r.origin_regency_code
 WHERE r.arrival_date BETWEEN {{ param("period_start") }} AND {{ param("reference_date") }};

-- Indications by region, with the sub-area a region's priority list names:
-- a regency's districts, a province's regencies, Indonesia's provinces.
CREATE TEMP TABLE pm_indicated ON COMMIT DROP AS
SELECT m.region_code, i.rule_code, i.person_key, i.batch_id, i.row_number,
       CASE WHEN r.level = 'regency' THEN i.district_code
            WHEN r.level = 'national' THEN left(i.regency_code, 2)
            ELSE i.regency_code END AS area_code
  FROM core.fact_pmi_indication AS i
  JOIN p_member AS m USING (regency_code)
  JOIN core.dim_region AS r ON r.region_code = m.region_code
 WHERE i.period = {{ param("period") }};

UPDATE {{ out("mart.region_figures") }} AS f
   SET pmi_placements_departed = coalesce(d.departed, 0),
       pmi_placements_informal = coalesce(d.informal, 0),
       pmi_passports_withheld = coalesce(w.withheld, 0),
       pmi_persons_indicated = coalesce(i.persons, 0)
  FROM core.dim_region AS r
  LEFT JOIN (SELECT region_code, count(*) AS departed,
                    count(*) FILTER (WHERE sector = 'INFORMAL') AS informal
               FROM pm_departed GROUP BY region_code) AS d USING (region_code)
  LEFT JOIN (SELECT region_code, count(*) AS withheld
               FROM pm_withheld GROUP BY region_code) AS w USING (region_code)
  LEFT JOIN (SELECT region_code, count(DISTINCT person_key) AS persons
               FROM pm_indicated GROUP BY region_code) AS i USING (region_code)
 WHERE f.period = {{ param("period") }} AND f.region_code = r.region_code;

INSERT INTO {{ out("mart.region_breakdown") }} (period, region_code, measure, category, label,
                                                 value)
SELECT {{ param("period") }}, d.region_code, 'pmi_placements_by_destination', d.destination_country,
       c.name, count(*)
  FROM pm_departed AS d LEFT JOIN core.dim_country AS c ON c.country_code = d.destination_country
 WHERE d.destination_country IS NOT NULL
 GROUP BY d.region_code, d.destination_country, c.name
UNION ALL
SELECT {{ param("period") }}, region_code, 'pmi_placements_by_scheme', scheme, NULL, count(*)
  FROM pm_departed WHERE scheme IS NOT NULL GROUP BY region_code, scheme
UNION ALL
SELECT {{ param("period") }}, region_code, 'pmi_passports_issued', purpose, NULL, count(*)
  FROM pm_issued WHERE purpose IS NOT NULL GROUP BY region_code, purpose
UNION ALL
SELECT {{ param("period") }}, region_code, 'pmi_departures_postponed', reason, NULL, count(*)
  FROM pm_postponed WHERE reason IS NOT NULL GROUP BY region_code, reason
UNION ALL
SELECT {{ param("period") }}, region_code, 'pmi_returnees', case_type, NULL, count(*)
  FROM pm_arrived WHERE case_type IS NOT NULL GROUP BY region_code, case_type
UNION ALL
SELECT {{ param("period") }}, region_code, 'pmi_indications', rule_code, NULL,
       count(DISTINCT person_key)
  FROM pm_indicated GROUP BY region_code, rule_code
UNION ALL
-- How the region's PMI records were linked to a person, per source (the data appendix).
SELECT {{ param("period") }}, m.region_code, 'pmi_links', l.source || ':' || l.link_method, NULL,
       count(*)
  FROM (SELECT 'kp2mi_penempatan' AS source, origin_regency_code, link_method
          FROM pm_placement
        UNION ALL
        SELECT 'imigrasi_paspor', origin_regency_code, link_method FROM pm_application
        UNION ALL
        SELECT 'imigrasi_penundaan', origin_regency_code, link_method FROM pm_postponement
        UNION ALL
        SELECT 'bp3mi_pemulangan', origin_regency_code, link_method FROM pm_returnee) AS l
  JOIN p_member AS m ON m.regency_code = l.origin_regency_code
 GROUP BY m.region_code, l.source || ':' || l.link_method;

INSERT INTO {{ out("mart.pmi_priority_area") }} (period, region_code, area_code, area_name,
                                    persons_indicated, placements_departed)
SELECT {{ param("period") }}, i.region_code, i.area_code, coalesce(d.name, r.name, i.area_code),
       i.persons, coalesce(p.departed, 0)
  FROM (SELECT region_code, area_code, count(DISTINCT person_key) AS persons
          FROM pm_indicated WHERE area_code IS NOT NULL
         GROUP BY region_code, area_code) AS i
  LEFT JOIN (SELECT x.region_code, x.area_code, count(*) AS departed
               FROM (SELECT d.region_code,
                            CASE WHEN g.level = 'regency' THEN d.origin_district_code
                                 WHEN g.level = 'national' THEN left(d.origin_regency_code, 2)
                                 ELSE d.origin_regency_code END AS area_code
                       FROM pm_departed AS d
                       JOIN core.dim_region AS g USING (region_code)) AS x
              GROUP BY x.region_code, x.area_code) AS p USING (region_code, area_code)
  LEFT JOIN core.dim_district AS d ON d.district_code = i.area_code
  LEFT JOIN core.dim_region AS r ON r.region_code = i.area_code;

-- Masked identifiers only: the NIK or passport the person is keyed by. A
-- person whose identifier retention purged (no unpurged batch names it) is
-- left out, as mart.followup leaves out a foreigner whose passport went:
-- nothing to show, and "(tanpa NIK/paspor)" would say something untrue.
INSERT INTO {{ out("mart.pmi_followup") }} (period, region_code, rule_code, person_key, area_code,
                               person_ref)
SELECT DISTINCT {{ param("period") }}, i.region_code, i.rule_code, i.person_key,
       coalesce(i.area_code, ''),
       CASE WHEN p.kind IN ('nik', 'passport') THEN core.masked(p.identifier)
            ELSE '(tanpa NIK/paspor)' END
  FROM pm_indicated AS i
  JOIN pii.pmi_identity AS p ON p.identity_key = i.person_key;
