-- A report's PMI follow-up lists: masked identifier and area per rule, in a
-- stable order. Run by pantau.reports.context.load as the reporter role.
-- Parameters: period, region_code.
SELECT rule_code, person_ref, area_code FROM mart.pmi_followup
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY rule_code, area_code, person_ref, person_key
