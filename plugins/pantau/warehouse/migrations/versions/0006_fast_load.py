"""Fast load: no per-row foreign-key triggers on the tables only the loader writes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["audit/loader__drop_batch_foreign_keys.sql"]
DOWNGRADE = ["audit/loader__add_batch_foreign_keys.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
