"""Core foreign keys declared, not enforced per row: the build checks them set-based.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["core/core__references_checked_by_build.sql"]
DOWNGRADE = ["core/drop_references_checked_by_build.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
