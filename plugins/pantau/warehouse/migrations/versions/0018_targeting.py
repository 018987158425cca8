"""Targeting: the sponsor NIB of stay permits, the ranked operation sites in mart.

core.fact_stay_permit gains sponsor_nib (the employer PENJAMIN names, matched
by core.employer_name_key; never the raw text), and mart gains the ranked
sites, each score's contributions and the masked workers behind them
(docs/targeting.md). The schemas' default privileges give the roles their rights.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = [
    "core/core__employer_name_key.sql",
    "core/fact_stay_permit_sponsor.sql",
    "mart/mart__target_site.sql",
]
DOWNGRADE = ["schemas/drop_targeting.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
