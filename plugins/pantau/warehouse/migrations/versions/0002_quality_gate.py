"""Quality gate: validation runs and results in audit, the quarantine with decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "audit/audit__batch_validation.sql",
    "audit/audit__validation_run.sql",
    "audit/audit__expectation_result.sql",
    "quarantine/quarantine__held_row.sql",
    "quarantine/quarantine__reason.sql",
    "quarantine/quarantine__decision.sql",
    "quarantine/quarantine__excluded_row.sql",
]
DOWNGRADE = ["quarantine/drop_quality_gate.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
