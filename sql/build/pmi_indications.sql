-- One PMI rule of sql/rules (pmi_*.sql) into core.fact_pmi_indication for
-- the period. A PMI rule is a SELECT of (person_key, regency_code,
-- district_code, batch_id, row_number), one row per source row that
-- indicates it; its code is its file name in capitals. Run by the build once
-- per PMI rule, after build/pmi_picture.sql. Parameters: period and the
-- rule's own (period_start, reference_date); Jinja2: rule, and scoped (a
-- partial rebuild writes the shadow table of build/output.sql).
{% from "build/output.sql" import out with context %}
INSERT INTO {{ out("core.fact_pmi_indication") }} (period, rule_code, person_key,
                                                   regency_code, district_code, batch_id,
                                                   row_number)
SELECT {{ param("period") }}, '{{ rule | upper }}', found.person_key, found.regency_code,
       found.district_code, found.batch_id, found.row_number
  FROM (
{% include "rules/" ~ rule ~ ".sql" %}
       ) AS found;
