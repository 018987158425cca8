"""Indexes for incremental loads (foreign keys into dim_employer) and for trends by region.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["core/core__trend_and_foreign_key_indexes.sql"]
DOWNGRADE = ["core/drop_trend_and_foreign_key_indexes.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
