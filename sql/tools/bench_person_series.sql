-- Trend query timed by the bench: an auditor's month-by-month series of
-- persons from the monthly snapshot fact, for one regency or a whole
-- province (its regency codes, as a range the index serves). Parameters:
-- months and regency or province; Jinja2: scope (regency or province).
SELECT month, count(*) AS persons, count(*) FILTER (WHERE has_valid_permit) AS permits,
       count(*) FILTER (WHERE has_rptka_position) AS workers,
       count(*) FILTER (WHERE is_registered) AS registered
  FROM core.fact_person_status
{%- if scope == "regency" %}
 WHERE regency_code = {{ param("regency") }}
{%- else %}
 WHERE regency_code > {{ param("province") }} || '.'
   AND regency_code < {{ param("province") }} || '/'
{%- endif %}
   AND month = ANY({{ param("months") }})
 GROUP BY month ORDER BY month
