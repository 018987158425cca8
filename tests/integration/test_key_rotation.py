"""Rotating the person-key secret: same figures under the new key, old key refused, crash-safe."""

from __future__ import annotations

import stat
from collections.abc import Iterator

import pandas as pd
import psycopg
import pytest

from pantau.build import key_rotation
from pantau.build.period import KeyMismatch, build_period
from pantau.config import get_settings
from pantau.orchestration import maintenance
from pantau.orchestration.schedule import Retention
from pantau.periods import Period
from pantau.warehouse import person_key
from tests.support.small_demo import BUILT_KEY, NOW, PERIODS, PII_DAYS, dump
from tests.support.warehouses import Snapshot, module_warehouse


@pytest.fixture(scope="module")
def built(server_url: str, small_demo_built: Snapshot, tmp_path_factory) -> Iterator[str]:
    """The small demo built with a key in var/person.key, then its 2024-Q3 personal data purged.

    The session's snapshot was built with ``BUILT_KEY``: that secret goes into the
    module's own var/person.key, so the copy reads as built with the key file.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(person_key.ENV, raising=False)
        patch.setenv("PANTAU_VAR_DIR", str(tmp_path_factory.mktemp("rotation-var")))
        get_settings.cache_clear()
        person_key.write_key_file(person_key.key_file(), BUILT_KEY.encode(), exclusive=True)
        with module_warehouse(server_url, tmp_path_factory.mktemp("archive"),
                              small_demo_built) as url:
            maintenance.apply_retention(Retention(pii_days=PII_DAYS), now=NOW)
            yield url
        get_settings.cache_clear()


def _fingerprint(conn: psycopg.Connection) -> str:
    return conn.execute("SELECT fingerprint FROM core.person_key_check").fetchone()[0]


def _keys(conn: psycopg.Connection) -> dict[str, set]:
    return {f"{table}.{column}": {k for (k,) in conn.execute(f"SELECT {column} FROM {table}")}
            for columns in key_rotation.KEYED_COLUMNS.values() for table, column in columns}


def test_every_keyed_column_is_remapped(built: str) -> None:
    with psycopg.connect(built) as conn:
        assert key_rotation.unknown_keyed_columns(conn) == []


def test_a_crash_before_the_commit_changes_nothing(built: str, monkeypatch) -> None:
    old = person_key.secret()
    with psycopg.connect(built, autocommit=True) as conn:
        fingerprint, keys = _fingerprint(conn), _keys(conn)
        real = key_rotation._key_map

        def dies_midway(conn, kind):
            if kind == "position":  # persons and permits already remapped in the transaction
                raise KeyboardInterrupt
            return real(conn, kind)

        monkeypatch.setattr(key_rotation, "_key_map", dies_midway)
        with pytest.raises(KeyboardInterrupt):
            key_rotation.rotate()
        assert _fingerprint(conn) == fingerprint and _keys(conn) == keys
        assert person_key.secret() == old
        assert key_rotation.pending_file().exists()  # stale: the rerun starts over
        assert conn.execute("SELECT count(*) FROM audit.person_key_rotation").fetchone()[0] == 0


def test_rotation_keeps_every_figure_and_refuses_the_old_key(built: str, monkeypatch) -> None:
    old = person_key.secret()
    with psycopg.connect(built, autocommit=True) as conn:
        before = dump(conn)
        plain = dict(conn.execute(
            "SELECT person_key, passport_number || '|' || nationality FROM pii.person"))
        dim_persons = {k for (k,) in conn.execute("SELECT person_key FROM core.dim_person")}
        assert len(dim_persons - set(plain)) > 0  # the purge left persons to re-derive
        pmi_plain = dict(conn.execute(
            "SELECT identity_key, kind || '|' || identifier FROM pii.pmi_identity"))
        pmi_persons = {k for (k,) in conn.execute("SELECT person_key FROM core.dim_pmi_person")}
        # The purge took the NIKs, passports and names only 2024-Q3's batches carried.
        pmi_columns = {f"{t}.{c}" for t, c in key_rotation.KEYED_COLUMNS["pmi"]}
        pmi_keys = set().union(*(keys for name, keys in _keys(conn).items()
                                 if name in pmi_columns)) - {None}
        assert pmi_persons & set(pmi_plain) and pmi_persons - set(pmi_plain)

        # Dies after the commit, before the key file is replaced.
        monkeypatch.setattr(key_rotation, "_install", _raises)
        with pytest.raises(OSError):
            key_rotation.rotate()
        monkeypatch.undo()
        new = person_key.read_key_file(key_rotation.pending_file())
        assert _fingerprint(conn) == person_key.fingerprint(new)
        assert person_key.secret() == old
        with pytest.raises(KeyMismatch, match="rotation was interrupted"):
            build_period(Period.parse("2024-Q4"))

        finished = key_rotation.rotate()  # the rerun only finishes the file step
        assert finished.outcome == "finished"
        assert person_key.secret() == new != old
        key_file = person_key.key_file()
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert person_key.read_key_file(finished.backup) == old
        assert stat.S_IMODE(finished.backup.stat().st_mode) == 0o600
        assert not key_rotation.pending_file().exists()
        ledger = conn.execute("SELECT old_fingerprint, new_fingerprint, detail "
                              "FROM audit.person_key_rotation").fetchall()
        assert len(ledger) == 1
        assert ledger[0][:2] == (person_key.fingerprint(old), person_key.fingerprint(new))
        assert ledger[0][2]["person"]["rederived"] == len(dim_persons - set(plain))
        assert ledger[0][2]["position"]["recomputed"] > 0
        assert ledger[0][2]["pmi"]["recomputed"] == len(pmi_plain)
        assert ledger[0][2]["pmi"]["rederived"] == len(pmi_keys - set(pmi_plain))

        # Stored keys are what a build with the new key computes (or the re-derived ones).
        mapping = {k: person_key.keyed_hash(plain[k], new) if k in plain
                   else person_key.keyed_hash(key_rotation.REKEY_PREFIX + k, new)
                   for k in dim_persons}
        mapping |= {k: person_key.keyed_hash(pmi_plain[k], new) if k in pmi_plain
                    else person_key.keyed_hash(key_rotation.REKEY_PREFIX + k, new)
                    for k in pmi_persons}
        after_rotation = dump(conn)
        for period in PERIODS:
            assert build_period(Period.parse(period)).batches_loaded == 0
        rebuilt = dump(conn)
        kept = {"mart.followup": {mapping[k] for k in plain},
                "mart.pmi_followup": {mapping[k] for k in pmi_persons & set(pmi_plain)}}
        for table, frame in before.items():
            expected = _mapped(frame, mapping)
            pd.testing.assert_frame_equal(_sorted(after_rotation[table]), expected, obj=table)
            if table in kept:  # a rebuild drops persons whose passport or NIK was purged
                expected = _sorted(expected[expected["person_key"].isin(kept[table])])
            pd.testing.assert_frame_equal(_sorted(rebuilt[table]), expected,
                                          obj=f"{table} rebuilt")

        monkeypatch.setenv(person_key.ENV, old.decode())
        with pytest.raises(KeyMismatch):
            build_period(Period.parse("2024-Q4"))


def test_a_secret_from_the_environment_rotates_without_files(built: str, monkeypatch) -> None:
    current = person_key.secret()
    monkeypatch.setenv(person_key.ENV, current.decode())
    files = sorted(person_key.key_file().parent.glob("person.key*"))
    with pytest.raises(key_rotation.RotationError, match=key_rotation.NEW_ENV):
        key_rotation.rotate()
    result = key_rotation.rotate(b"from-the-secret-store")
    assert result.outcome == "rotated" and result.from_environment and result.backup is None
    assert sorted(person_key.key_file().parent.glob("person.key*")) == files
    monkeypatch.setenv(person_key.ENV, "from-the-secret-store")
    assert key_rotation.rotate(b"from-the-secret-store").outcome == "nothing"
    assert build_period(Period.parse("2024-Q4")).batches_loaded == 0


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """In a key-independent order (the dumps order by person key, which the rotation changes)."""
    order = sorted(range(len(frame)), key=lambda i: "|".join(map(str, frame.iloc[i])))
    return frame.iloc[order].reset_index(drop=True)


def _mapped(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """``frame`` with its person keys as the rotation should have remapped them."""
    if "person_key" in frame:
        frame = frame.assign(person_key=frame["person_key"].map(
            lambda k: mapping[k] if isinstance(k, str) else k))
    return _sorted(frame)


def _raises(*_args) -> None:
    raise OSError("disk full")
