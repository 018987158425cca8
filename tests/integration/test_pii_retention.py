"""Retention of personal data: old batches lose raw, staging and pii rows; facts and marts stay.

The foreigners' sources and the four PMI exports alike: a purged PMI batch's
NIKs, passports and names are gone from every table (raw, staging, pii,
quarantine and the rest), the identities younger batches still name stay,
and a rebuild after the purge links every PMI row to the same person.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import psycopg
import pytest
from psycopg import sql

from pantau.build.period import build_period
from pantau.orchestration import maintenance
from pantau.orchestration.schedule import Retention
from pantau.periods import Period
from pantau.sources.catalog import PMI_SOURCES, SOURCES
from pantau.sources.spec import Kind
from pantau.warehouse import person_key
from tests.support.personal_values import Collector, find_personal, raw_frame
from tests.support.small_demo import BUILT_KEY, CUTOFF, NOW, PERIODS, PII_DAYS, dump
from tests.support.warehouses import Snapshot, module_warehouse, warehouse_copy

FACTS = ("core.fact_stay_permit", "core.fact_admin_action", "core.fact_population_document",
         "core.fact_rptka_position", "core.fact_rptka_location", "core.dim_person",
         "core.dim_employer", *maintenance.PMI_FACTS, "core.dim_pmi_person",
         "core.pmi_identity_map")
# The rows naming each PMI identity: every (fact, key column) pair.
PMI_NAMED_BY = [(fact, key) for fact in maintenance.PMI_FACTS for key in maintenance.PMI_KEYS]
# Who a PMI row is (the identity map) and the persons: a rebuild must give the same.
PMI_LINKS = {"core.pmi_identity_map": ("identity_key", "kind"),
             "core.dim_pmi_person": ("person_key", "identified_by")}
FOLLOWUPS = ("mart.followup", "mart.pmi_followup")
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
    links and person status; the follow-up lists lose only persons whose identifier went
    (a foreigner's passport, a PMI person's NIK or passport: the masked value can no
    longer be shown), and a period of unpurged batches loses none."""
    for period in PERIODS:
        assert build_period(Period.parse(period)).batches_loaded == 0
    rebuilt = dump(conn)
    for table, frame in outputs_before.items():
        if table not in FOLLOWUPS:
            pd.testing.assert_frame_equal(rebuilt[table], frame, obj=table)
    known = {"mart.followup": _keys(conn, "SELECT person_key FROM pii.person"),
             "mart.pmi_followup": _keys(conn, "SELECT identity_key FROM pii.pmi_identity")}
    for table in FOLLOWUPS:
        before, after = outputs_before[table], rebuilt[table]
        pd.testing.assert_frame_equal(
            after.query("period == '2024-Q4'").reset_index(drop=True),
            before.query("period == '2024-Q4'").reset_index(drop=True), obj=table)
        merged = before.merge(after, how="outer", indicator=True)
        assert (merged["_merge"] != "right_only").all(), table  # nothing new
        lost = merged[merged["_merge"] == "left_only"]
        assert not set(lost["person_key"]) & known[table], table  # only the purged
        assert set(before["person_key"]) - known[table] <= set(lost["person_key"]), table
    assert counts(conn) == facts_before


def _persons_are_those_unpurged_rows_name(conn: psycopg.Connection, new: list[int]) -> None:
    """Every person an unpurged stay permit names is in pii.person, and nobody else is."""
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


def _ledger_says_what_went(conn: psycopg.Connection, old: list[int], removed: dict) -> None:
    """One ledger row per item a pass touched, the PMI ones too, and what went from which
    batches."""
    ledger = conn.execute("""
        SELECT keep_days, cutoff, removed, detail FROM audit.retention_action
         WHERE item = 'pii_batch'""").fetchall()
    assert len(ledger) == 1
    keep_days, cutoff, n, detail = ledger[0]
    assert (keep_days, cutoff.date(), n) == (PII_DAYS, CUTOFF, len(old))
    assert detail["batch_ids"] == old and detail["removed"]["pii.person"] > 0
    assert detail["removed"]["pii.pmi_identity"] == removed["pii.pmi_identity"]
    items = dict(conn.execute("SELECT item, removed FROM audit.retention_action"))
    assert {"raw.imigrasi_izin_tinggal", "staging.dukcapil_orang_asing", "pii.person",
            "raw.extra_field", "raw.imigrasi_paspor", "staging.bp3mi_pemulangan"} <= set(items)
    assert items["pii.pmi_identity"] == removed["pii.pmi_identity"]


def _pmi_identities_are_those_unpurged_rows_name(conn: psycopg.Connection,
                                                 new: list[int]) -> None:
    """Every NIK, passport and name key an unpurged batch's PMI row carries is in
    pii.pmi_identity, and nothing else is."""
    for fact, key in PMI_NAMED_BY:
        missing = conn.execute(f"""
            SELECT count(*) FROM {fact} AS f
             WHERE batch_id = ANY(%s) AND {key} IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM pii.pmi_identity AS p
                                WHERE p.identity_key = f.{key})
        """, (new,)).fetchone()[0]
        assert missing == 0, (fact, key)
    named = " OR ".join(f"EXISTS (SELECT 1 FROM {fact} AS f WHERE f.{key} = p.identity_key "
                        "AND f.batch_id = ANY(%(new)s))" for fact, key in PMI_NAMED_BY)
    orphans = conn.execute(f"SELECT count(*) FROM pii.pmi_identity AS p WHERE NOT ({named})",
                           {"new": new}).fetchone()[0]
    assert orphans == 0


def _keys(conn: psycopg.Connection, query: str) -> set[str]:
    return {k for (k,) in conn.execute(query)}


def _links(conn: psycopg.Connection) -> dict[str, pd.DataFrame]:
    return dump(conn, PMI_LINKS)


def test_a_pii_policy_purges_old_personal_data_and_keeps_facts_and_figures(built: str) -> None:
    with psycopg.connect(built, autocommit=True) as conn:
        old, new = _batches(conn)
        assert old and new
        facts_before, outputs_before = counts(conn), dump(conn)
        # The demo delivers every source, the four PMI exports too.
        delivered = {s for (s,) in conn.execute("SELECT DISTINCT source FROM audit.batch")}
        assert delivered == set(SOURCES)
        sources = SOURCES
        raw_new = {s: _rows(conn, f"raw.{s}", new) for s in sources}
        persons_before = conn.execute("SELECT count(*) FROM pii.person").fetchone()[0]
        identities_before = conn.execute("SELECT count(*) FROM pii.pmi_identity").fetchone()[0]
        links_before = _links(conn)
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
        assert removed["pii.pmi_identity"] > 0
        assert all(removed[f"raw.{s.id}"] > 0 for s in PMI_SOURCES)

        # Old batches: no raw or staging personal data left; new ones untouched.
        for source, spec in sources.items():
            assert _rows(conn, f"raw.{source}", old) == 0
            assert _rows(conn, f"raw.{source}", new) == raw_new[source]
            assert _rows(conn, f"staging.{source}", new) == raw_new[source]
            personal = [c.target for c in spec.columns if c.personal and c.staged]
            if not personal:  # e.g. the operations' free text: never staged at all
                continue
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
        _persons_are_those_unpurged_rows_name(conn, new)

        # pii.pmi_identity: every NIK, passport and name an unpurged PMI row carries
        # stays; an identity named by purged batches' rows only goes.
        assert conn.execute("SELECT count(*) FROM pii.pmi_identity").fetchone()[0] \
            == identities_before - removed["pii.pmi_identity"]
        _pmi_identities_are_those_unpurged_rows_name(conn, new)
        # The identity map and the persons hold keys only: they stay as they were.
        for table, frame in _links(conn).items():
            pd.testing.assert_frame_equal(frame, links_before[table], obj=table)

        # Facts, dimensions and marts untouched.
        assert counts(conn) == facts_before
        after = dump(conn)
        for table, frame in outputs_before.items():
            pd.testing.assert_frame_equal(after[table], frame, obj=table)

        _ledger_says_what_went(conn, old, removed)

        # A second pass finds nothing more.
        again = maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
        assert again["pii_batch"] == 0 and again["pii.person"] == 0
        assert again["pii.pmi_identity"] == 0

        _rebuild_gives_the_same(conn, outputs_before, facts_before)
        for table, frame in _links(conn).items():
            pd.testing.assert_frame_equal(frame, links_before[table], obj=f"{table} rebuilt")


@pytest.fixture
def fresh(server_url: str, small_demo_built: Snapshot, tmp_path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A copy of the built small demo of the test's own (the module's copy is purged)."""
    monkeypatch.setenv(person_key.ENV, TEST_KEY)
    with warehouse_copy(server_url, small_demo_built, tmp_path / "archive", monkeypatch) as url:
        yield url


def _identifying(conn: psycopg.Connection, old: list[int], new: list[int]) -> dict[str, set]:
    """Header -> every form of the NIKs, passports, names, permit numbers, placement ids and
    addresses the old batches' rows carry, less any value a new batch carries too (that
    one stays). Dates are no identifiers: the facts keep event dates, and a birth date
    leaves pii.pmi_identity with the name it is joined to."""
    old_rows, new_rows = Collector(), Collector()
    for source in SOURCES.values():
        old_rows.add(source, raw_frame(conn, source, "batch_id = ANY(%s)", [old]))
        new_rows.add(source, raw_frame(conn, source, "batch_id = ANY(%s)", [new]))
    headers = {c.header for s in SOURCES.values() for c in s.columns
               if c.personal and c.kind is not Kind.DATE}
    kept = new_rows.every()
    return {header: found - kept for header, found in old_rows.personal(headers).items()}


def _database_texts(conn: psycopg.Connection) -> dict[str, str]:
    """Every row of every table in the database, as text, by table."""
    tables = conn.execute("""
        SELECT n.nspname, c.relname FROM pg_class AS c
          JOIN pg_namespace AS n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'm') AND left(n.nspname, 3) <> 'pg_'
           AND n.nspname <> 'information_schema'
         ORDER BY 1, 2""").fetchall()
    return {f"{schema}.{table}": "\n".join(row for (row,) in conn.execute(
                sql.SQL("SELECT t::text FROM {} AS t").format(sql.Identifier(schema, table))))
            for schema, table in tables}


def test_no_nik_passport_or_name_of_a_purged_batch_is_left_anywhere(fresh: str) -> None:
    """Before: the old PMI batches' NIKs, passports and names are in raw, staging and
    pii.pmi_identity (the quarantine holds their held rows, masked values only). After
    retention and a rebuild that links every PMI row again: in no table at all."""
    pmi = [s.id for s in PMI_SOURCES]
    with psycopg.connect(fresh, autocommit=True) as conn:
        old, new = _batches(conn)
        doomed = _identifying(conn, old, new)
        assert {"NIK", "NAMA", "NAMA_LENGKAP", "NO_PASPOR", "NOMOR_PASPOR"} \
            <= {header for header, found in doomed.items() if len(found) > 20}
        sample = {header: set(sorted(found)[:300]) for header, found in doomed.items()}
        where = {hit.split(": ")[0] for hit in find_personal(_database_texts(conn), sample)}
        assert {"pii.pmi_identity", "pii.person", *(f"raw.{s}" for s in pmi),
                *(f"staging.{s}" for s in pmi)} <= where
        assert not {w for w in where if w.split(".")[0] in ("quarantine", "core", "mart")}
        held = conn.execute("""
            SELECT count(DISTINCT b.source) FROM quarantine.held_row AS h
              JOIN audit.batch AS b USING (batch_id)
             WHERE b.batch_id = ANY(%s) AND b.source = ANY(%s)""", (old, pmi)).fetchone()[0]
        assert held == len(pmi)  # every PMI export has rows held in an old batch

        maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
        links = _links(conn)
        for period in PERIODS:
            build_period(Period.parse(period))
        purged = dump(conn)
        # Reloading one new batch of each PMI export recomputes the identity map whole
        # (build/pmi_identity_map.sql), from the facts: the same links, persons and
        # outputs as the rebuild without it.
        reload = [b for (b,) in conn.execute("""
            SELECT min(batch_id) FROM audit.batch WHERE batch_id = ANY(%s) AND source = ANY(%s)
             GROUP BY source""", (new, pmi))]
        assert len(reload) == len(pmi)
        conn.execute("UPDATE audit.batch SET core_loaded_at = NULL WHERE batch_id = ANY(%s)",
                     (reload,))
        assert build_period(Period.parse(PERIODS[0])).batches_loaded == len(reload)
        build_period(Period.parse(PERIODS[1]))
        for table, frame in _links(conn).items():
            pd.testing.assert_frame_equal(frame, links[table], obj=table)
        rebuilt = dump(conn)
        for table, frame in purged.items():
            pd.testing.assert_frame_equal(rebuilt[table], frame, obj=table)

        assert find_personal(_database_texts(conn), doomed) == []


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
