-- A report's follow-up lists: masked passport and nationality per rule, in a
-- stable order. Run by pantau.reports.context.load as the reporter role for
-- each report. Parameters: period, region_code.
SELECT rule_code, person_ref, nationality FROM mart.followup
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY rule_code, person_ref, person_key
