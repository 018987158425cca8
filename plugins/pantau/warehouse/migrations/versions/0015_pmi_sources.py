"""The four PMI exports (placements, passport applications, postponements, returnees).

Raw and staging tables for kp2mi_penempatan, imigrasi_paspor,
imigrasi_penundaan and bp3mi_pemulangan: raw text as delivered, staging
typed with the NIK check and the origin derived from it. The schemas'
default privileges give the loader its rights on them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "raw/raw_kp2mi_penempatan.sql",
    "raw/raw_imigrasi_paspor.sql",
    "raw/raw_imigrasi_penundaan.sql",
    "raw/raw_bp3mi_pemulangan.sql",
    "staging/stg_kp2mi_penempatan.sql",
    "staging/stg_imigrasi_paspor.sql",
    "staging/stg_imigrasi_penundaan.sql",
    "staging/stg_bp3mi_pemulangan.sql",
]
DOWNGRADE = ["schemas/drop_pmi_sources.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
