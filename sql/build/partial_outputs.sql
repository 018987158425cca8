-- The shadow tables a partial rebuild's steps write instead of the tables
-- themselves (build/output.sql's out(table), Jinja2 scoped), one per table a
-- period's build writes, shaped like it; build/partial_merge_*.sql then merge
-- the rows of the regions the change reached (pantau.build.partial).
{% for table in ("core.fact_discrepancy", "core.document_link", "core.fact_person_status",
                 "core.fact_pmi_indication", "mart.region_figures", "mart.region_breakdown",
                 "mart.followup", "mart.region_lineage", "mart.figure_row",
                 "mart.pmi_priority_area", "mart.pmi_followup", "mart.target_site",
                 "mart.target_contribution", "mart.target_worker",
                 "mart.target_last_visit") %}
CREATE TEMP TABLE out_{{ table.split(".")[1] }} (LIKE {{ table }} INCLUDING DEFAULTS)
ON COMMIT DROP;
{%- endfor %}
