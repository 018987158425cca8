"""Indexes for incremental loads (foreign keys into dim_employer) and for trends by region.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from pantau.warehouse.migrate import run_sql_files

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

UPGRADE = ["core/core__trend_and_foreign_key_indexes.sql"]
DOWNGRADE = ["core/drop_trend_and_foreign_key_indexes.sql"]


def upgrade() -> None:
    run_sql_files(UPGRADE)


def downgrade() -> None:
    run_sql_files(DOWNGRADE)
