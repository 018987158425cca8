"""Orchestration: the alert log of failed tasks and the retention ledger.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "audit/audit__alert.sql",
    "audit/audit__retention_action.sql",
]
DOWNGRADE = ["audit/drop_orchestration.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
