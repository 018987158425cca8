"""mart.figure_row: the source rows behind every figure, for `pantau trace` and the audit pack.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["mart/mart__figure_row.sql"]
DOWNGRADE = ["mart/drop_figure_row.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
