-- PMI_CLOSED_DESTINATION: a placement departing in W (BERANGKAT or PULANG),
-- or a departure postponed in W, goes to a country closed to PMI placement;
-- or an informal-sector placement departing in W goes to a country under
-- the Middle-East moratorium (core.pmi_destination_rule, from
-- reference/pmi_destinations.csv). Counted in the row's origin.
-- Legal basis: UU 18/2017 art. 31-32 (placement only to countries with a
-- protection agreement; the minister may close a country); Kepmenaker
-- 260/2015 (no placement with individual employers in the Middle East).
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT l.person_key, l.origin_regency_code AS regency_code,
       l.origin_district_code AS district_code, l.batch_id, l.row_number
  FROM pm_placement AS l
 WHERE l.person_key IS NOT NULL AND l.origin_regency_code IS NOT NULL
   AND l.status IN ('BERANGKAT', 'PULANG')
   AND l.departure_date BETWEEN %(period_start)s AND %(reference_date)s
   AND EXISTS (SELECT 1 FROM core.pmi_destination_rule AS d
                WHERE d.country_code = l.destination_country
                  AND (d.restriction = 'closed'
                       OR (d.restriction = 'informal_moratorium'
                           AND l.sector = 'INFORMAL')))
UNION ALL
SELECT p.person_key, p.origin_regency_code, p.origin_district_code, p.batch_id, p.row_number
  FROM pm_postponement AS p
 WHERE p.person_key IS NOT NULL AND p.origin_regency_code IS NOT NULL
   AND p.postponement_date BETWEEN %(period_start)s AND %(reference_date)s
   AND EXISTS (SELECT 1 FROM core.pmi_destination_rule AS d
                WHERE d.country_code = p.destination_country AND d.restriction = 'closed')
