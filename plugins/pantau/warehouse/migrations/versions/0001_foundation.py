"""Foundation: layered schemas, roles, batch registry, raw and staging tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "schemas/roles.sql",
    "schemas/schemas.sql",
    "audit/audit__batch.sql",
    "audit/audit__delivery.sql",
    "audit/audit__parse_problem.sql",
    "raw/raw_imigrasi_izin_tinggal.sql",
    "raw/raw_imigrasi_tindakan.sql",
    "raw/raw_tenaga_kerja_tka.sql",
    "raw/raw_dukcapil_orang_asing.sql",
    "raw/raw_extra_field.sql",
    "staging/stg_imigrasi_izin_tinggal.sql",
    "staging/stg_imigrasi_tindakan.sql",
    "staging/stg_tenaga_kerja_tka.sql",
    "staging/stg_tenaga_kerja_tka_lokasi.sql",
    "staging/stg_dukcapil_orang_asing.sql",
]
DOWNGRADE = ["schemas/drop.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
