"""Indonesians working abroad (PMI) in core and mart: persons, facts, indications, figures.

The person dimension of the PMI exports (keyed hashes of NIK, passport or
name + birth date + origin; the identifiers in pii), one fact per export, the
indications of the seven PMI rules, the destination restrictions the rules
read, districts (the NIK's origin), and the PMI marts: four columns of
region_figures, the priority areas and the follow-up lists.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "core/dim_district.sql",
    "core/pmi_destination_rule.sql",
    "core/dim_pmi_person.sql",
    "core/pmi_identity_map.sql",
    "core/fact_pmi_placement.sql",
    "core/fact_passport_application.sql",
    "core/fact_departure_postponement.sql",
    "core/fact_pmi_return.sql",
    "core/fact_pmi_indication.sql",
    "pii/pii__pmi_identity.sql",
    "mart/pmi_figures.sql",
    "mart/mart__pmi_priority_area.sql",
    "mart/mart__pmi_followup.sql",
]
DOWNGRADE = ["schemas/drop_pmi_core.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
