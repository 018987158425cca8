"""The TIMPORA teams' joint-operation results (timpora_operasi) in raw, staging and core.

Raw text as delivered (KETERANGAN, free text that may name persons, only
there), staging typed with the district resolved from its name within the
regency, and core.fact_operation_visit at the grain of one site visited. The
schemas' default privileges give the loader its rights on them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "raw/raw_timpora_operasi.sql",
    "staging/stg_timpora_operasi.sql",
    "core/fact_operation_visit.sql",
]
DOWNGRADE = ["schemas/drop_timpora_operasi.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
