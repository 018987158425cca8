"""Reports: data lineage per region in the marts, report runs and the delivery ledger.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "mart/mart__region_lineage.sql",
    "audit/audit__report_run.sql",
]
DOWNGRADE = ["mart/drop_reports.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
