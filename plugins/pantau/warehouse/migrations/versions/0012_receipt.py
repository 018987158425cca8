"""audit.delivery becomes audit.receipt: one name for inbound pickups, another for report delivery.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from pathlib import Path

from pantau.warehouse.migrate import run_sql_files

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# This revision's SQL, frozen beside it: what it ran is what it runs.
SQL = Path(__file__).with_suffix("")

UPGRADE = ["audit/rename_delivery_to_receipt.sql"]
DOWNGRADE = ["audit/rename_receipt_to_delivery.sql"]


def upgrade() -> None:
    run_sql_files(SQL, UPGRADE)


def downgrade() -> None:
    run_sql_files(SQL, DOWNGRADE)
