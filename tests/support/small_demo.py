"""The small demo built: what the retention and key-rotation tests start from.

Built once per session (see the ``small_demo_built`` fixture) and copied per
module; the constants say which snapshots a ten-year personal-data policy
purges when "now" is ten years after ``CUTOFF``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import psycopg

from pantau.build.period import build_period
from pantau.ingest.pipeline import ingest_paths
from pantau.periods import Period
from pantau.quality.gate import run_gate
from pantau.sources.pickup import discover
from tests.support.build_outputs import BUILD_OUTPUTS

PERIODS = ("2024-Q3", "2024-Q4")
CUTOFF = date(2024, 10, 15)  # Jul-Sep snapshots (2024-Q3's) are older; Oct-Dec are not
PII_DAYS = 3650
NOW = datetime(CUTOFF.year, CUTOFF.month, CUTOFF.day, tzinfo=UTC) + timedelta(days=PII_DAYS)
OUTPUTS = BUILD_OUTPUTS
# The person-key secret the snapshot was built with.
BUILT_KEY = "retention-test-key"


def build_small_demo(small_demo: Path, url: str) -> None:
    """Ingest, validate and build 2024-Q3 and 2024-Q4 of the small demo (Palangka Raya).

    A few registry rows of each period's last snapshot lose their passport and
    permit number first, so that the build links them by name + birth date
    (the demo links every row otherwise), which a purge must not undo.
    """
    assert {o.status for o in ingest_paths(discover([small_demo / "landing"]))} == {"loaded"}
    assert not run_gate().rejected
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("""
            UPDATE staging.dukcapil_orang_asing SET passport_number = NULL, permit_number = NULL
             WHERE (batch_id, row_number) IN (
                   SELECT batch_id, row_number FROM (
                          SELECT d.batch_id, d.row_number, row_number() OVER (
                                     PARTITION BY d.batch_id ORDER BY d.row_number) AS nth
                            FROM staging.dukcapil_orang_asing AS d
                            JOIN audit.batch AS b USING (batch_id)
                           WHERE b.snapshot_date IN ('2024-09-30', '2024-12-30')
                             AND d.passport_number IS NOT NULL
                             AND d.document_status = 'AKTIF') AS picked
                    WHERE nth <= 5)""")
    for period in PERIODS:
        build_period(Period.parse(period))
    with psycopg.connect(url) as conn:
        named = conn.execute("SELECT count(DISTINCT period) FROM core.document_link "
                             "WHERE link_method = 'name_birth_date'").fetchone()[0]
    assert named == len(PERIODS)


def dump(conn: psycopg.Connection, tables: dict = OUTPUTS) -> dict[str, pd.DataFrame]:
    """Every period's rows of the build's outputs, in a stable order."""
    out = {}
    for table, (column, order) in tables.items():
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {column}, {order}")
        out[table] = pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])
    return out
