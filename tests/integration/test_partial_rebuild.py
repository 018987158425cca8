"""A partial rebuild writes exactly what a whole rebuild writes, row for row.

The demo month (three provinces, seed 2: every defect planted) is ingested,
validated and built once. Each case then makes one late change on a copy of it
(a regency's registry file with rows removed, a permit file whose residents
move to another province, a manpower file that renames an employer working in
many regencies, quarantine decisions, a placements file with rows removed and
two persons merged by a NIK), freezes that state, and copies it twice: one copy
rebuilds its stale period with :func:`pantau.build.partial.rebuild_stale`, the
other with the whole build. Every table of ``core``, ``mart`` and ``pii`` must
then hold the same rows (surrogate keys compared by what they stand for,
build times left out). The last test narrows the reach on purpose and checks
that the comparison then fails: the test can tell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import psycopg
import pytest

from pantau.build import partial
from pantau.build.partial import rebuild_stale
from pantau.build.period import build_period, stale_periods
from pantau.ingest.pipeline import ingest_paths
from pantau.periods import Period
from pantau.quality import quarantine
from pantau.quality.gate import run_gate
from pantau.sources.pickup import discover
from pantau.warehouse import person_key
from tests.support.warehouses import Snapshot, build_snapshot, drop_database, warehouse_copy

PERIOD = "2025-12"
KEY = "partial-rebuild-test-key"
# Left out of the comparison: when and by whom a period was built, and surrogate
# keys, compared instead by the natural key they stand for (NATURAL).
LEFT_OUT = {"core.period_build": {"built_at", "built_by", "seconds"},
            "core.dim_employer": {"employer_key"},
            "core.fact_rptka_position": {"employer_key"},
            "core.dim_permit_type": {"permit_type_key"},
            "core.fact_stay_permit": {"permit_type_key"}}
NATURAL = {
    "stay permit types": "SELECT f.batch_id, f.row_number, t.permit_type, t.visa_index, "
                         "t.purpose FROM core.fact_stay_permit AS f "
                         "LEFT JOIN core.dim_permit_type AS t USING (permit_type_key)",
    "position employers": "SELECT f.batch_id, f.row_number, e.nib, e.valid_from "
                          "FROM core.fact_rptka_position AS f "
                          "LEFT JOIN core.dim_employer AS e USING (employer_key)",
}


# --------------------------------------------------------------------- states


@pytest.fixture(scope="module")
def demo_built(server_url: str, migrated_template: str, demo_month: Path,
               tmp_path_factory) -> Iterator[Snapshot]:
    """The demo month ingested, validated and built (2025-12), frozen as a template."""
    def build(url: str) -> None:
        assert {o.status for o in ingest_paths(discover([demo_month / "landing"]))} == {"loaded"}
        assert not run_gate().rejected
        build_period(Period.parse(PERIOD))

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(person_key.ENV, KEY)
        built = build_snapshot(server_url, migrated_template, "template_partial_built",
                               tmp_path_factory.mktemp("partial-built-archive"), build)
        yield built
    drop_database(server_url, built.template)


@pytest.fixture(autouse=True)
def _key(monkeypatch) -> None:
    monkeypatch.setenv(person_key.ENV, KEY)


def _late(landing: Path, source: str, pattern: str) -> Path:
    """The largest December file of ``source`` whose name matches ``pattern``."""
    files = sorted((landing / source).rglob(pattern), key=lambda path: path.stat().st_size)
    assert files, (source, pattern)
    return files[-1]


def _corrected_csv(path: Path, out: Path, source: str,
                   edit: Callable[[list[str], list[list[str]]], list[list[str]]],
                   delimiter: str = ",") -> list[Path]:
    """A corrected re-export of ``path`` under ``out`` (same name, same encoding)."""
    payload = path.read_bytes()
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8-sig")), delimiter=delimiter))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter,
               lineterminator="\r\n" if b"\r\n" in payload else "\n").writerows(
        [rows[0], *edit(rows[0], rows[1:])])
    target = out / source / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    bom = "\ufeff" if payload.startswith(b"\xef\xbb\xbf") else ""
    target.write_bytes((bom + buffer.getvalue()).encode())
    return [target]


def registry_rows_removed(landing: Path, out: Path, url: str) -> list[Path]:
    """A regency's population-registry export again, its last five rows gone."""
    path = _late(landing, "dukcapil_orang_asing", "wna_*_202512*.csv")
    return _corrected_csv(path, out, "dukcapil_orang_asing", lambda head, rows: rows[:-5])


def permit_residents_move(landing: Path, out: Path, url: str) -> list[Path]:
    """An office's permit export again, three residents now living in Pekanbaru (14.71):
    their registration stays where it was, so their rules follow them across provinces."""
    def move(head: list[str], rows: list[list[str]]) -> list[list[str]]:
        where, status = head.index("KAB_KOTA"), head.index("STATUS")
        for row in [row for row in rows if row[status] == "AKTIF"][:3]:
            row[where] = "KOTA PEKANBARU"
        return rows

    path = _late(landing, "imigrasi_izin_tinggal", "izin_tinggal_PALANGKARAYA_202512*.csv")
    return _corrected_csv(path, out, "imigrasi_izin_tinggal", move, ";")


def employer_renamed(landing: Path, out: Path, url: str) -> list[Path]:
    """A province's manpower workbook again, the employer working in most regencies under
    a new name: a new employer version, in every regency and report naming it."""
    path = _late(landing, "tenaga_kerja_tka", "tka_62_202512*.xlsx")
    book = openpyxl.load_workbook(path)
    rows = list(book.worksheets[0].iter_rows())
    start = next(i for i, row in enumerate(rows) if row[0].value == "NO_PENGESAHAN_RPTKA")
    head = [cell.value for cell in rows[start]]
    nib, name, where = (head.index(h) for h in ("NIB", "NAMA_PERUSAHAAN", "LOKASI_KERJA"))
    spread: dict[str, set[str]] = {}
    for row in rows[start + 1:]:
        if row[nib].value:
            spread.setdefault(row[nib].value, set()).update(
                str(row[where].value or "").split(";"))
    widest = max(spread, key=lambda key: len(spread[key]))
    for row in rows[start + 1:]:
        if row[nib].value == widest:
            row[name].value = "PT NAMA BARU SEJAHTERA"
    target = out / "tenaga_kerja_tka" / path.name
    target.parent.mkdir(parents=True)
    book.save(target)
    return [target]


def quarantine_decisions(landing: Path, out: Path, url: str) -> list[Path]:
    """Held rows of December released by a data engineer: a permit, a registration and a
    placement enter core (their batches are loaded again)."""
    with psycopg.connect(url) as conn:
        for source in ("imigrasi_izin_tinggal", "dukcapil_orang_asing", "kp2mi_penempatan"):
            batch_id, row_number = conn.execute(
                "SELECT h.batch_id, h.row_number FROM quarantine.held_row AS h "
                "JOIN core.period_batch AS pb USING (batch_id) WHERE pb.period = %s "
                "AND h.source = %s AND h.status = 'held' ORDER BY 1, 2 LIMIT 1",
                (PERIOD, source)).fetchone()
            quarantine.release(conn, quarantine.RowKey(batch_id, row_number), "test",
                               "checked against the paper form", force=True)
        conn.commit()
    return []


def placements_corrected(landing: Path, out: Path, url: str) -> list[Path]:
    """A province's placements export again: five rows gone, and one placement's NIK now
    another's (two records of one person: the identity map changes)."""
    def edit(head: list[str], rows: list[list[str]]) -> list[list[str]]:
        nik = head.index("NIK")
        rows = rows[:-5]
        rows[3][nik] = rows[4][nik]
        return rows

    path = _late(landing, "kp2mi_penempatan", "penempatan_62_202512*.csv")
    return _corrected_csv(path, out, "kp2mi_penempatan", edit)


CASES = (registry_rows_removed, permit_residents_move, employer_renamed,
         quarantine_decisions, placements_corrected)


@dataclass
class Late:
    """A built warehouse with one late change waiting, frozen as a template."""

    state: Snapshot
    changed: list[Path]


@pytest.fixture
def late(request, demo_built: Snapshot, demo_month: Path, server_url: str,
         tmp_path: Path) -> Iterator[Late]:
    change = request.param
    files: list[Path] = []

    def apply(url: str) -> None:
        files.extend(change(demo_month / "landing", tmp_path / "late", url))
        if files:
            assert {o.status for o in ingest_paths(files)} == {"loaded"}
            assert not run_gate().rejected
        assert stale_periods() == [PERIOD]

    archive = tmp_path / "late-archive"
    archive.mkdir()  # a decision delivers no file
    state = build_snapshot(server_url, demo_built.template, "template_partial_late", archive,
                           apply)
    yield Late(state, files)
    drop_database(server_url, state.template)


# ----------------------------------------------------------------- comparison


def _tables(conn: psycopg.Connection) -> dict[str, str]:
    """Every table of core, mart and pii as a SELECT of what the comparison compares."""
    names = [name for (name,) in conn.execute(
        "SELECT n.nspname || '.' || c.relname FROM pg_class AS c "
        "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname IN ('core', 'mart', 'pii') ORDER BY 1")]
    selects = {}
    for name in names:
        columns = [column for (column,) in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped ORDER BY attnum", (name,))
            if column not in LEFT_OUT.get(name, set())]
        selects[name] = f"SELECT {', '.join(columns)} FROM {name}"
    return selects | NATURAL


def _digests(url: str) -> dict[str, tuple[str, int]]:
    with psycopg.connect(url) as conn:
        return {name: conn.execute(
            f"SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')), "
            f"count(*) FROM ({select}) AS x").fetchone()
            for name, select in _tables(conn).items()}


def _rows(url: str, table: str) -> set[tuple]:
    with psycopg.connect(url) as conn:  # arrays (rule codes, flags) as tuples
        return {tuple(tuple(v) if isinstance(v, list) else v for v in row)
                for row in conn.execute(_tables(conn)[table]).fetchall()}


def _differences(partial_url: str, whole_url: str) -> dict[str, str]:
    """Per table that differs: how many rows each side has that the other lacks, and one."""
    ours, theirs = _digests(partial_url), _digests(whole_url)
    found = {}
    for table in sorted(set(ours) | set(theirs)):
        if ours.get(table) != theirs.get(table):
            mine, whole = _rows(partial_url, table), _rows(whole_url, table)
            extra, missing = mine - whole, whole - mine
            sample = next(iter(extra or missing), None)
            found[table] = f"{len(extra)} extra, {len(missing)} missing, e.g. {sample}"
    return found


@dataclass
class Compared:
    rebuilt: list[partial.Rebuilt]
    differences: dict[str, str]
    whole: list[str]  # the periods the whole build found stale
    with_data: set[str]  # the regencies with data in the period


def _compare(late: Late, server_url: str, tmp_path: Path, monkeypatch) -> Compared:
    """Rebuild one copy of the state partially, another whole; what differs."""
    with warehouse_copy(server_url, late.state, tmp_path / "a", monkeypatch) as partial_url:
        rebuilt = rebuild_stale(max_share=1.0)
        assert stale_periods() == []
        with psycopg.connect(partial_url) as conn:
            with_data = {code for (code,) in conn.execute(
                "SELECT DISTINCT l.region_code FROM mart.region_lineage AS l "
                "JOIN core.dim_region AS r USING (region_code) "
                "WHERE l.period = %s AND r.level = 'regency'", (PERIOD,))}
        with warehouse_copy(server_url, late.state, tmp_path / "b", monkeypatch) as whole_url:
            whole = stale_periods()
            for label in whole:
                build_period(Period.parse(label))
            differences = _differences(partial_url, whole_url)
    return Compared(rebuilt, differences, whole, with_data)


# ---------------------------------------------------------------------- tests


@pytest.mark.parametrize("late", CASES, indirect=True, ids=lambda case: case.__name__)
def test_a_partial_rebuild_writes_what_the_whole_rebuild_writes(late: Late, server_url: str,
                                                                tmp_path: Path,
                                                                monkeypatch) -> None:
    compared = _compare(late, server_url, tmp_path, monkeypatch)
    assert compared.whole == [PERIOD]
    (rebuilt,) = compared.rebuilt
    assert rebuilt.period == PERIOD and rebuilt.partial, rebuilt.reason
    assert compared.differences == {}
    # Only what the change reached, and every report that changed is named.
    assert rebuilt.reached and set(rebuilt.reached) < compared.with_data
    assert rebuilt.render and "00" in rebuilt.render
    assert set(rebuilt.render) - {"00"} <= set(rebuilt.reached) | {
        code.split(".")[0] for code in rebuilt.reached}


@pytest.mark.parametrize("late", [registry_rows_removed], indirect=True,
                         ids=lambda case: case.__name__)
def test_a_change_that_reaches_too_much_is_rebuilt_whole(late: Late, server_url: str,
                                                         tmp_path: Path,
                                                         monkeypatch) -> None:
    with warehouse_copy(server_url, late.state, tmp_path / "a", monkeypatch):
        (rebuilt,) = rebuild_stale(max_share=0.0)
        assert not rebuilt.partial and rebuilt.render is None
        assert "regencies with data" in rebuilt.reason
        assert stale_periods() == [] and rebuild_stale() == []


@pytest.mark.parametrize("late", [permit_residents_move], indirect=True,
                         ids=lambda case: case.__name__)
def test_the_comparison_fails_when_the_reach_is_too_narrow(late: Late, server_url: str,
                                                           tmp_path: Path,
                                                           monkeypatch) -> None:
    """Forget the regencies the moved residents now live in, and their persons' others:
    the rebuild then leaves rows the whole build changes, and the comparison says so."""
    run_step = partial.run_step

    def narrowed(conn, settings, relative, params, label=None, **template) -> None:
        run_step(conn, settings, relative, params, label, **template)
        if relative == "build/partial_reach.sql":
            conn.execute("DELETE FROM pt_reach WHERE regency_code NOT IN "
                         "(SELECT regency_code FROM pt_row WHERE version = 'old')")

    monkeypatch.setattr(partial, "run_step", narrowed)
    compared = _compare(late, server_url, tmp_path, monkeypatch)
    assert compared.rebuilt[0].partial
    assert {"core.fact_discrepancy", "mart.region_figures"} <= set(compared.differences)
