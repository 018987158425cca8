"""mart.region_figures by level and period, for trends over many periods.

The five-year backfill's plans (docs/performance.md "Five years of history")
showed every province's figures over 60 months read by a sequential scan of
the whole mart: every level and every one of the 90 periods built, 95% of
the rows thrown away, and growing with each period. The mart holds every
regency of the nation at any scale, so the national warehouse scans the same.
An index on (level, period) reads only the level's rows of the periods asked.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["mart/region_figures_level_period.sql"]
DOWNGRADE = ["mart/drop_region_figures_level_period.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
