"""The suites' natural-key and duplicate-row queries, run as GX runs them, on planted rows.

The demo exports plant no natural-key conflict, so the gate's tests alone
would pass a query that never finds one. Here each suite's own SQL runs
against a real staging table holding: a key with two different contents
(both rows flagged), a key repeated with the same contents (a duplicate, not
a conflict), a key seen once, and rows without a key (never a conflict).
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from pantau.config import get_settings
from pantau.quality.suites import load_suite

KEYS = {  # the natural key of each source (the suites' GROUP BY) and a content column
    "imigrasi_izin_tinggal": (("permit_number",), "full_name"),
    "imigrasi_tindakan": (("action_number",), "violation"),
    "tenaga_kerja_tka": (("rptka_number", "passport_number"), "worker_name"),
    "dukcapil_orang_asing": (("nik",), "full_name"),
    "kp2mi_penempatan": (("placement_id",), "full_name"),
    "imigrasi_paspor": (("office", "application_number"), "full_name"),
    "imigrasi_penundaan": (("checkpoint", "postponement_number"), "full_name"),
    "bp3mi_pemulangan": (("arrival_post", "register_number"), "full_name"),
}
BATCH = 7


def _query(source: str, rule: str) -> str:
    path = Path(get_settings().expectations_dir) / f"{source}.json"
    for expectation in load_suite(path).document["expectations"]:
        if (expectation.get("meta") or {}).get("rule") == rule:
            return expectation["kwargs"]["unexpected_rows_query"]
    raise AssertionError(f"{path.name} has no {rule} expectation")


def _plant(conn: psycopg.Connection, source: str) -> None:
    keys, content = KEYS[source]
    rows = [  # (row_number, key value, content)
        (1, "K-CONFLICT", "first"), (2, "K-CONFLICT", "second"),  # same key, other contents
        (3, "K-COPY", "same"), (4, "K-COPY", "same"),  # an exact copy
        (5, "K-ONCE", "alone"),
        (6, None, "no key"), (7, None, "no key either"),
    ]
    columns = ", ".join(("batch_id", "row_number", *keys, content))
    with conn.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO staging.{source} ({columns}) "
            f"VALUES (%s, %s, {', '.join(['%s'] * len(keys))}, %s)",
            [(BATCH, number, *([key] * len(keys)), value) for number, key, value in rows])


@pytest.mark.parametrize("source", KEYS)
def test_natural_key_conflicts_and_duplicates_are_told_apart(warehouse: str, source: str):
    batch = f"(SELECT * FROM staging.{source} WHERE batch_id IN ({BATCH}))"  # as GX writes it
    with psycopg.connect(warehouse) as conn:
        _plant(conn, source)
        conflicts = conn.execute(_query(source, "natural_key_conflict").replace(
            "{batch}", batch)).fetchall()
        duplicates = conn.execute(_query(source, "duplicate_row").replace(
            "{batch}", batch)).fetchall()
        conn.rollback()
    assert sorted(conflicts) == [(BATCH, 1), (BATCH, 2)]
    assert duplicates == [(BATCH, 4)]  # the first copy stays
