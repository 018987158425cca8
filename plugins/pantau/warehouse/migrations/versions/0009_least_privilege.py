"""Least privilege: no role but the migrating superuser may create large objects.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["schemas/least_privilege.sql"]
DOWNGRADE = ["schemas/drop_least_privilege.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
