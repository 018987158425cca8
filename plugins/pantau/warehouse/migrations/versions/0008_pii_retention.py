"""Retention of personal data and key rotation: the batch purge mark, the rotation ledger.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "audit/audit__batch_pii_purge.sql",
    "audit/audit__person_key_rotation.sql",
]
DOWNGRADE = ["audit/drop_pii_retention.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
