"""What a build writes per period: the tables tests compare row for row after a rebuild."""

from __future__ import annotations

BUILD_OUTPUTS = {  # table: (its period column, its order)
    "core.fact_discrepancy": ("period", "rule_code, person_key, regency_code"),
    "core.fact_person_status": ("month", "person_key, regency_code"),
    "core.document_link": ("period", "batch_id, row_number"),
    "mart.region_figures": ("period", "region_code"),
    "mart.region_breakdown": ("period", "region_code, measure, category"),
    "mart.followup": ("period", "region_code, rule_code, person_key"),
}
BUILD_OUTPUTS.update({
    "core.fact_pmi_indication": ("period", "rule_code, batch_id, row_number"),
    "mart.pmi_priority_area": ("period", "region_code, area_code"),
    "mart.pmi_followup": ("period", "region_code, rule_code, person_key, area_code"),
})
