"""The loader may ANALYZE the staging tables it loads, for the gate that follows.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["schemas/loader__maintains_staging.sql"]
DOWNGRADE = ["schemas/drop_loader_maintains_staging.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
