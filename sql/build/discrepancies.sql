-- One rule of sql/rules into core.fact_discrepancy for the period. A rule is
-- a SELECT of (person_key, regency_code), one row per person and regency
-- where it holds; its code is its file name in capitals. Run by the build
-- once per rule, after build/period_picture.sql (and
-- build/kept_name_links.sql). Parameters: period and the rule's own
-- (reference_date); Jinja2: rule, and scoped (a partial rebuild writes the
-- shadow table of build/output.sql).
{% from "build/output.sql" import out with context %}
INSERT INTO {{ out("core.fact_discrepancy") }} (period, rule_code, person_key, regency_code)
SELECT {{ param("period") }}, '{{ rule | upper }}', found.person_key, found.regency_code
  FROM (
{% include "rules/" ~ rule ~ ".sql" %}
       ) AS found;
