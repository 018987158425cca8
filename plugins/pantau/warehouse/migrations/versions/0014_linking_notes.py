"""Checks that note without holding: quarantine.row_note and the severity 'note'.

A manpower or action row whose passport is missing or malformed is no longer
held: the gate notes the reason for the auditor (quarantine.row_note) and the
build counts the row, linking it by name + birth date where it can.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["audit/note_severity.sql", "quarantine/row_note.sql"]
DOWNGRADE = ["quarantine/drop_row_note.sql", "audit/no_note_severity.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
