"""Star schema: conformed dimensions, facts per snapshot, person status, rules, marts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "audit/audit__batch_core.sql",
    "core/core__keyed_hash.sql",
    "core/dim_date.sql",
    "core/dim_region.sql",
    "core/dim_country.sql",
    "core/dim_permit_type.sql",
    "core/dim_occupation.sql",
    "core/dim_employer.sql",
    "core/dim_person.sql",
    "pii/pii__person.sql",
    "core/fact_stay_permit.sql",
    "core/fact_rptka_position.sql",
    "core/fact_population_document.sql",
    "core/fact_admin_action.sql",
    "core/period_batch.sql",
    "core/fact_person_status.sql",
    "core/document_link.sql",
    "mart/mart__region_figures.sql",
]
DOWNGRADE = ["core/drop_core.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
