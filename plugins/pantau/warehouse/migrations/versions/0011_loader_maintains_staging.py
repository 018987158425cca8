"""The loader may ANALYZE the staging tables it loads, for the gate that follows.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23
"""

from pantau.warehouse.migrate import run_sql_files

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

UPGRADE = ["schemas/loader__maintains_staging.sql"]
DOWNGRADE = ["schemas/drop_loader_maintains_staging.sql"]


def upgrade() -> None:
    run_sql_files(UPGRADE)


def downgrade() -> None:
    run_sql_files(DOWNGRADE)
