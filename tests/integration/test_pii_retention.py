"""Retention of personal data: old batches lose raw, staging and pii rows; facts and marts stay."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import psycopg
import pytest

from pantau.build.period import build_period
from pantau.orchestration import maintenance
from pantau.orchestration.schedule import Retention
from pantau.periods import Period
from pantau.sources.catalog import SOURCES
from pantau.warehouse import person_key
from tests.support.small_demo import BUILT_KEY, CUTOFF, NOW, PERIODS, PII_DAYS, dump
from tests.support.warehouses import Snapshot, module_warehouse

FACTS = ("core.fact_stay_permit", "core.fact_admin_action", "core.fact_population_document",
         "core.fact_rptka_position", "core.fact_rptka_location", "core.dim_person",
         "core.dim_employer")
TEST_KEY = BUILT_KEY


def counts(conn: psycopg.Connection, tables=FACTS) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture(scope="module")
def built(server_url: str, small_demo_built: Snapshot, tmp_path_factory) -> Iterator[str]:
    """The small demo built with ``TEST_KEY`` (a copy of the session's snapshot)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(person_key.ENV, TEST_KEY)
        with module_warehouse(server_url, tmp_path_factory.mktemp("archive"),
                              small_demo_built) as url:
            yield url


def _batches(conn: psycopg.Connection) -> tuple[list[int], list[int]]:
    old = [b for (b,) in conn.execute(
        "SELECT batch_id FROM audit.batch WHERE snapshot_date < %s ORDER BY 1", (CUTOFF,))]
    new = [b for (b,) in conn.execute(
        "SELECT batch_id FROM audit.batch WHERE snapshot_date >= %s ORDER BY 1", (CUTOFF,))]
    return old, new


def _rows(conn: psycopg.Connection, table: str, batch_ids: list[int]) -> int:
    return conn.execute(f"SELECT count(*) FROM {table} WHERE batch_id = ANY(%s)",
                        (batch_ids,)).fetchone()[0]


def _rebuild_gives_the_same(conn: psycopg.Connection, outputs_before: dict,
                            facts_before: dict[str, int]) -> None:
    """Rebuilding both periods (Q3 rests on purged batches only) gives the same figures,
    links and person status; the follow-up lists lose only persons whose passport went
    (their masked passport can no longer be shown)."""
    for period in PERIODS:
        assert build_period(Period.parse(period)).batches_loaded == 0
    rebuilt = dump(conn)
    for table, frame in outputs_before.items():
        if table != "mart.followup":
            pd.testing.assert_frame_equal(rebuilt[table], frame, obj=table)
    before_q4 = outputs_before["mart.followup"].query("period == '2024-Q4'")
    pd.testing.assert_frame_equal(
        rebuilt["mart.followup"].query("period == '2024-Q4'").reset_index(drop=True),
        before_q4.reset_index(drop=True))
    kept = rebuilt["mart.followup"].merge(outputs_before["mart.followup"], how="left",
                                          indicator=True)
    assert (kept["_merge"] == "both").all()
    assert counts(conn) == facts_before


def test_a_pii_policy_purges_old_personal_data_and_keeps_facts_and_figures(built: str) -> None:
    with psycopg.connect(built, autocommit=True) as conn:
        old, new = _batches(conn)
        assert old and new
        facts_before, outputs_before = counts(conn), dump(conn)
        # The sources the demo data holds (until the demo writes the PMI exports,
        # the four foreigners' ones).
        delivered = {s for (s,) in conn.execute("SELECT DISTINCT source FROM audit.batch")}
        sources = {s: spec for s, spec in SOURCES.items() if s in delivered}
        raw_new = {s: _rows(conn, f"raw.{s}", new) for s in sources}
        persons_before = conn.execute("SELECT count(*) FROM pii.person").fetchone()[0]
        ledger_before = conn.execute("SELECT count(*) FROM audit.retention_action").fetchone()[0]

        # Nothing by default; a dry run counts exactly and changes nothing.
        assert maintenance.apply_retention(Retention(), now=NOW) == {}
        would = maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW, dry_run=True)
        assert would["pii_batch"] == len(old)
        assert all(_rows(conn, f"raw.{s}", old) > 0 for s in sources)
        assert conn.execute("SELECT count(*) FROM audit.retention_action").fetchone()[0] \
            == ledger_before

        removed = maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
        assert removed == would
        assert removed["pii.person"] > 0 and removed["pii.stay_permit"] > 0

        # Old batches: no raw or staging personal data left; new ones untouched.
        for source, spec in sources.items():
            assert _rows(conn, f"raw.{source}", old) == 0
            assert _rows(conn, f"raw.{source}", new) == raw_new[source]
            assert _rows(conn, f"staging.{source}", new) == raw_new[source]
            personal = [c.target for c in spec.columns if c.personal]
            left = conn.execute(
                f"SELECT count(*) FROM staging.{source} WHERE batch_id = ANY(%s) AND ("
                + " OR ".join(f"{c} IS NOT NULL" for c in personal) + ")", (old,)).fetchone()[0]
            assert left == 0, source
        assert _rows(conn, "staging.tenaga_kerja_tka", old) > 0  # employer history source
        assert _rows(conn, "raw.extra_field", old) == 0
        purged = dict(conn.execute("SELECT batch_id, pii_purged_at IS NOT NULL "
                                   "FROM audit.batch").fetchall())
        assert all(purged[b] for b in old) and not any(purged[b] for b in new)

        # pii: whoever an unpurged batch names stays; persons only old batches named go.
        assert conn.execute("SELECT count(*) FROM pii.person").fetchone()[0] \
            == persons_before - removed["pii.person"]
        missing = conn.execute("""
            SELECT count(*) FROM core.fact_stay_permit AS f
             WHERE batch_id = ANY(%s) AND person_key IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM pii.person AS p WHERE p.person_key = f.person_key)
        """, (new,)).fetchone()[0]
        assert missing == 0
        orphans = conn.execute("""
            SELECT count(*) FROM pii.person AS p
             WHERE NOT EXISTS (SELECT 1 FROM core.fact_stay_permit AS f
                                WHERE f.person_key = p.person_key AND f.batch_id = ANY(%s))
               AND NOT EXISTS (SELECT 1 FROM core.fact_rptka_position AS f
                                WHERE f.person_key = p.person_key AND f.batch_id = ANY(%s))
               AND NOT EXISTS (SELECT 1 FROM core.fact_population_document AS f
                                WHERE f.person_key = p.person_key AND f.batch_id = ANY(%s))
               AND NOT EXISTS (SELECT 1 FROM core.fact_admin_action AS f
                                WHERE f.person_key = p.person_key AND f.batch_id = ANY(%s))
        """, (new, new, new, new)).fetchone()[0]
        assert orphans == 0

        # Facts, dimensions and marts untouched.
        assert counts(conn) == facts_before
        after = dump(conn)
        for table, frame in outputs_before.items():
            pd.testing.assert_frame_equal(after[table], frame, obj=table)

        # The ledger says what went, and from which batches.
        ledger = conn.execute("""
            SELECT keep_days, cutoff, removed, detail FROM audit.retention_action
             WHERE item = 'pii_batch'""").fetchall()
        assert len(ledger) == 1
        keep_days, cutoff, n, detail = ledger[0]
        assert (keep_days, cutoff.date(), n) == (PII_DAYS, CUTOFF, len(old))
        assert detail["batch_ids"] == old and detail["removed"]["pii.person"] > 0
        items = {item for (item,) in conn.execute("SELECT item FROM audit.retention_action")}
        assert {"raw.imigrasi_izin_tinggal", "staging.dukcapil_orang_asing", "pii.person",
                "raw.extra_field"} <= items

        # A second pass finds nothing more.
        again = maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
        assert again["pii_batch"] == 0 and again["pii.person"] == 0

        _rebuild_gives_the_same(conn, outputs_before, facts_before)


def test_a_purged_batch_is_never_reloaded(built: str) -> None:
    """A quarantine decision after a purge must not send the build back to empty staging."""
    with psycopg.connect(built, autocommit=True) as conn:
        maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
        old, _new = _batches(conn)
        conn.execute("UPDATE audit.batch SET core_loaded_at = core_loaded_at - interval '1 day' "
                     "WHERE batch_id = ANY(%s)", (old,))
        held = conn.execute("SELECT batch_id, row_number FROM quarantine.held_row "
                            "WHERE batch_id = ANY(%s) LIMIT 1", (old,)).fetchone()
        assert held is not None, "the small demo holds rows in its older snapshots"
        conn.execute("""INSERT INTO quarantine.decision (batch_id, row_number, decision,
                                                         decided_by, why)
                        VALUES (%s, %s, 'discard', 'test', 'after the purge')""", held)
        facts = counts(conn)
        assert build_period(Period.parse("2024-Q3")).batches_loaded == 0
        assert counts(conn) == facts


def test_a_held_row_of_a_purged_batch_cannot_be_released(built: str) -> None:
    """Its personal values are gone: a release would load a row that no longer exists."""
    from pantau.quality.quarantine import DecisionRefused, RowKey, release

    with psycopg.connect(built) as conn:
        maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
        old, _new = _batches(conn)
        held = conn.execute("SELECT batch_id, row_number FROM quarantine.held_row "
                            "WHERE batch_id = ANY(%s) AND status = 'held' LIMIT 1",
                            (old,)).fetchone()
        assert held is not None, "the small demo holds rows in its older snapshots"
        with pytest.raises(DecisionRefused, match="purged"):
            release(conn, RowKey(*held), "officer", "corrected by phone")
        conn.rollback()
