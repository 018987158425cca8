"""The last operation of each ranked site, for the TIMPORA annex.

mart gains target_last_visit: the date and findings of the last joint
operation at a ranked site on or before the reference date, so the annex
(read as the reporter, marts only) shows them beside each score.

Revision ID: 0021
Revises: 0018
Create Date: 2026-12-03
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0021"
down_revision = "0018"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["mart/mart__target_last_visit.sql"]
DOWNGRADE = ["schemas/drop_target_last_visit.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
