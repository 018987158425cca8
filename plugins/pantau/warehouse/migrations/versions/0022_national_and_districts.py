"""The national level and the registry's districts, for the national report and the maps.

core.dim_region admits a third level, 'national' (region "00", every regency
belongs to it), so the marts, the trace and the reports compile Indonesia as
they compile a province; core.fact_population_document keeps the district of
each registry row (NO_KEC), so a regency's report can map its registered
foreigners by district.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["core/dim_region_national.sql", "core/population_document_district.sql"]
DOWNGRADE = ["schemas/drop_national_and_districts.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
