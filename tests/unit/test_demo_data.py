"""pantau demo-data: deterministic, readable by the project's readers, truthful about itself."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pantau.periods import Period
from pantau.sources.catalog import SOURCES
from pantau.sources.pickup import identify
from pantau.sources.readers import open_table
from pantau.sources.staging import Context, tag, to_staging
from pantau.tools.demo import calibration, invalid
from pantau.tools.demo.generate import OutputNotOurs, generate
from pantau.tools.demo.model import Window, _headcounts, spread_weights
from pantau.tools.demo.scope import DEMO_SCOPE, resolve_scope
from tests.support.truth_oracle import Oracle, deliveries

pytestmark = pytest.mark.slow  # generates the demo provinces' data: make test, not test-fast

PERIOD = Period.parse("2025-Q4")
RULES = ("TKA_NO_PERMIT", "PERMIT_NO_RPTKA", "PERMIT_NO_REGISTRATION", "REGION_MISMATCH",
         "EXPIRED_PERMIT_ACTIVE", "RPTKA_EXPIRED", "RESTRICTED_POSITION", "DKPTKA_UNDERPAID",
         "NO_COMPANION")
FOREIGNER_SOURCES = ("imigrasi_izin_tinggal", "imigrasi_tindakan", "tenaga_kerja_tka",
                     "dukcapil_orang_asing")
FIGURE_KEYS = ["region_code", "region_name", "period", "reference_date", "foreigners_total",
               "by_permit_type", "by_nationality", "workers_total", "workers_by_nationality",
               "registered_total", "discrepancies", "expiring_90_days",
               "administrative_actions", "dkptka_due_usd", "dkptka_paid_usd"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    generate([" ".join(DEMO_SCOPE)], PERIOD.label, 1, out, workers=1)
    return out


def _digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ determinism


def test_same_arguments_give_byte_identical_files_and_another_seed_differs(tmp_path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((first, 7), (second, 7), (other, 8)):
        generate(["19.04 14.72"], "2025-06", seed, out, workers=1 if out != second else 0)
    a, b, c = _digests(first), _digests(second), _digests(other)
    assert any(name.endswith(".xlsx") for name in a)
    assert a == b
    assert a.keys() == c.keys()
    # The foreigner sources' files (the PMI ones, many empty, have their own test).
    a = {name: digest for name, digest in a.items()
         if name.split("/")[1:2] in [[s] for s in FOREIGNER_SOURCES]
         or (name.startswith("truth/") and not name.startswith("truth/pmi/"))}
    assert sum(a[name] != c[name] for name in a) > len(a) * 0.9


def test_refuses_to_overwrite_a_directory_it_did_not_write(tmp_path) -> None:
    (tmp_path / "landing").mkdir()
    with pytest.raises(OutputNotOurs, match="did not write"):
        generate(["14.72"], "2025-06", 1, tmp_path)


def test_a_bad_scope_or_period_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match="neither a Kemendagri"):
        generate(["99"], "2025-06", 1, tmp_path / "x")
    with pytest.raises(ValueError, match="is not YYYY-MM"):
        generate(["14.72"], "2025-13x", 1, tmp_path / "y")


# ------------------------------------------------------------------ the files


def test_monthly_snapshots_of_every_source_for_the_period_and_the_one_before(demo) -> None:
    months = {m.label.replace("-", "") for m in PERIOD.previous().months() + PERIOD.months()}
    assert len(months) == 6
    regencies = resolve_scope(DEMO_SCOPE)
    for source in SOURCES:
        files = deliveries(demo, source)
        seen = {f.day.strftime("%Y%m") for f in files}
        assert seen == months, source
    dukcapil = deliveries(demo, "dukcapil_orang_asing")
    assert {f.scope for f in dukcapil} == {c.replace(".", "") for c in regencies}
    assert {f.scope for f in deliveries(demo, "tenaga_kerja_tka")} == set(DEMO_SCOPE)
    # Extraction dates differ between sources, so "latest on or before" matters.
    tka_days = {f.day.day for f in deliveries(demo, "tenaga_kerja_tka")}
    assert tka_days <= set(range(25, 29))


def test_every_file_parses_with_the_project_readers_and_only_planted_rows_fail(demo) -> None:
    """Every file opens; the last month's files also go through staging normalisation
    (all months would only repeat the same checks at five times the cost)."""
    quarantine = pd.read_csv(demo / "truth" / "quarantine.csv", keep_default_na=False)
    planted = set(zip(quarantine["file"], quarantine["row_number"], strict=True))
    found, staged = set(), set()
    for path in sorted((demo / "landing").rglob("*.*")):
        if path.relative_to(demo / "landing").parts[0] not in SOURCES:
            continue  # the PMI exports, until the catalog has them (tests/unit/test_pmi_demo)
        delivery = identify(path)
        assert delivery.snapshot_date is not None
        table = open_table(path, delivery.source)
        assert {c.header for c in delivery.source.columns} <= set(table.headers), path
        chunks = list(table.chunks)
        assert not table.issues, path  # no short or long rows
        if (delivery.snapshot_date.year, delivery.snapshot_date.month) != (2025, 12):
            continue
        relative = path.relative_to(demo).as_posix()
        staged.add(relative)
        context = Context(province=delivery.scope
                          if delivery.source.scope == "province" else None)
        for chunk in chunks:
            problems = to_staging(delivery.source, tag(chunk, 1, context)).problems
            found |= {(relative, int(r)) for r in problems["row_number"]}
    assert found <= planted, sorted(found - planted)[:5]
    parse_level = quarantine[quarantine["reason_code"].isin(
        ["INVALID_DATE", "UNKNOWN_NATIONALITY", "UNKNOWN_REGION"])
        & quarantine["file"].isin(staged)]
    expected = set(zip(parse_level["file"], parse_level["row_number"], strict=True))
    assert expected and expected <= found


# ------------------------------------------------------------------ the truth


@pytest.mark.parametrize("period", [PERIOD, PERIOD.previous()], ids=str)
def test_truth_figures_match_what_the_files_say(demo, period) -> None:
    oracle = Oracle(demo, period.reference_date)
    folder = demo / "truth" / "figures" / period.label
    files = sorted(folder.glob("*.json"))
    assert len(files) == len(resolve_scope(DEMO_SCOPE)) + len(DEMO_SCOPE) + 1  # and 00
    for path in files:
        figures = json.loads(path.read_text(encoding="utf-8"))
        assert list(figures) == FIGURE_KEYS
        code = figures["region_code"]
        # The nation (00) holds every row the demo writes: its whole scope.
        regencies = resolve_scope(DEMO_SCOPE if code == "00" else [code])
        expected = oracle.figures(regencies, period.start)
        got = {k: figures[k] for k in expected}
        assert got == expected, code
        assert figures["period"] == period.label
        assert figures["reference_date"] == period.reference_date.isoformat()


@pytest.mark.parametrize("period", [PERIOD, PERIOD.previous()], ids=str)
def test_truth_discrepancies_match_the_rules_applied_to_the_files(demo, period) -> None:
    truth = pd.read_csv(demo / "truth" / "discrepancies.csv", dtype=str)
    truth = truth[truth["period"] == period.label]
    planted = set(zip(truth["passport"] + "|" + truth["nationality"], truth["code"],
                      truth["regency"], strict=True))
    assert planted == Oracle(demo, period.reference_date).codes()


def test_every_rule_code_is_planted_at_a_low_rate(demo) -> None:
    truth = pd.read_csv(demo / "truth" / "discrepancies.csv", dtype=str)
    persons = pd.read_csv(demo / "truth" / "persons.csv")
    now = truth[truth["period"] == PERIOD.label]
    per_code = now.groupby("code")["person_id"].nunique()
    assert set(per_code.index) == set(RULES)
    workers = int((persons["category"] == "WORKER").sum())
    for code, count in per_code.items():
        assert count <= 0.08 * workers, code


def test_region_figures_add_up_and_the_seed_regencies_are_the_right_size(demo) -> None:
    folder = demo / "truth" / "figures" / PERIOD.label

    def load(code: str) -> dict:
        return json.loads((folder / f"{code}.json").read_text(encoding="utf-8"))

    for figures in map(load, resolve_scope(DEMO_SCOPE)):
        assert figures["foreigners_total"] == sum(figures["by_permit_type"].values())
        assert figures["foreigners_total"] == sum(figures["by_nationality"].values())
        assert figures["workers_total"] == sum(figures["workers_by_nationality"].values())
    # The seed articles: Kapuas about 30 TKA; Bangka Tengah tens of ITAS/ITAP holders.
    assert 10 <= load("62.03")["workers_total"] <= 100
    bangka_tengah = load("19.04")["by_permit_type"]
    assert 10 <= bangka_tengah["ITAS"] + bangka_tengah["ITAP"] <= 150
    province = load("62")
    assert province["foreigners_total"] == sum(
        load(c)["foreigners_total"] for c in resolve_scope(["62"]))


def test_the_truth_lists_every_kind_of_invalid_row_of_every_source(demo) -> None:
    quarantine = pd.read_csv(demo / "truth" / "quarantine.csv", keep_default_na=False)
    for source, choices in invalid.CHOICES.items():
        mine = quarantine[quarantine["source"] == source]
        assert {code for code, _ in choices} <= set(mine["reason_code"]), source
        assert "DUPLICATE_ROW" in set(quarantine["reason_code"])
    duplicates = quarantine[(quarantine["reason_code"] == "DUPLICATE_ROW")
                            & quarantine["file"].str.endswith(".csv")]
    assert len(duplicates) > 10
    for name, rows in duplicates.groupby("file"):
        lines = (demo / name).read_bytes().splitlines()
        for row in rows["row_number"].astype(int):  # the header is row 1
            assert lines[row - 1] == lines[row - 2], (name, row)


def test_a_regency_without_foreign_workers_or_actions_still_gets_every_file(tmp_path) -> None:
    out = tmp_path / "small"
    generate(["91.19"], "2025-06", 3, out, workers=0)  # 0 RPTKA positions with this seed
    manifest = json.loads((out / "truth" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["rows"]["tenaga_kerja_tka"] == 0
    assert all(manifest["counts"]["files"][s] == 2 for s in FOREIGNER_SOURCES)
    oracle = Oracle(out, date(2025, 6, 30))
    figures = json.loads((out / "truth" / "figures" / "2025-06" / "91.19.json").read_text())
    assert figures["workers_total"] == 0
    expected = oracle.figures(["91.19"], date(2025, 6, 1))
    assert {k: figures[k] for k in expected} == expected


def test_an_interrupted_run_can_be_redone(tmp_path) -> None:
    generate(["14.72"], "2025-06", 1, tmp_path, workers=0)
    first = _digests(tmp_path)
    import shutil

    shutil.rmtree(tmp_path / "truth")  # as if the run had stopped half-way
    generate(["14.72"], "2025-06", 1, tmp_path, workers=0)
    assert _digests(tmp_path) == first


# ------------------------------------------------------------------ messiness


def _first_lines(demo: Path, source: str) -> list[bytes]:
    return [p.path.read_bytes() for p in deliveries(demo, source)]


def test_every_kind_of_field_messiness_is_in_the_files(demo) -> None:
    permits = _first_lines(demo, "imigrasi_izin_tinggal")
    registry = _first_lines(demo, "dukcapil_orang_asing")
    everything = permits + registry + _first_lines(demo, "imigrasi_tindakan")
    assert any(b.startswith(b"\xef\xbb\xbf") for b in everything), "UTF-8 with BOM"
    assert any(not b.startswith(b"\xef\xbb\xbf") and _utf8(b) for b in everything), "UTF-8"
    cp1252 = [b for b in everything if not _utf8(b)]
    assert cp1252 and all(b.decode("cp1252") for b in cp1252), "Windows-1252"
    text = "\n".join(_decode(b) for b in permits)
    assert _has(text, r";\d{2}-\d{2}-\d{4};") and _has(text, r";\d{2}/\d{2}/\d{4};")
    assert _has(text, r";\d{4}-\d{2}-\d{2};"), "all three date formats"
    assert _has(text, r";;"), "empty values (dates)"
    for spelling in (";CN;|;JP;|;KR;", ";TIONGKOK;|;JEPANG;|;RRT;", ";CHINA;|;JAPAN;"):
        assert _has(text, spelling), spelling
    assert _has(text, r";[A-Z]{1,2} \d{3} \d+;") or _has(text, r";[A-Z]{2}-\d+;")
    assert _has(text, r";[a-z]{1,2}\d{6,};"), "lower-case passport"
    assert _has(text, r";KAB\. [A-Z]") and _has(text, r";Kabupaten [A-Z]")
    assert "KETERANGAN" in text.upper() or "TGL_UPDATE" in text.upper(), "extra columns"
    registry_text = "\n".join(_decode(b) for b in registry)
    assert _has(registry_text, r",62,\d,\d{1,2},"), "split SIAK codes without padding"
    workbooks = deliveries(demo, "tenaga_kerja_tka")
    from openpyxl import load_workbook

    date_cells = title_blocks = several_places = 0
    for item in workbooks:
        sheet = load_workbook(item.path, read_only=True)["DATA TKA"]
        rows = list(sheet.iter_rows(values_only=True, max_row=40))
        title_blocks += rows[0][0] != "NO_PENGESAHAN_RPTKA"
        date_cells += any(isinstance(v, __import__("datetime").datetime)
                          for row in rows for v in row)
        several_places += any(isinstance(row[4], str) and ";" in row[4] for row in rows[1:])
    assert date_cells and title_blocks and several_places


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig") if _utf8(data) else data.decode("cp1252")


def _has(text: str, pattern: str) -> bool:
    import re

    return re.search(pattern, text) is not None


# ------------------------------------------------------------------ calibration


def test_national_headcounts_are_of_the_order_of_the_published_figures() -> None:
    codes = resolve_scope(["national"])
    weights = spread_weights(codes)
    category, _, newcomer, workers = _headcounts(
        np.random.default_rng(1), np.array(codes, dtype=object), weights,
        Window.of(Period.parse("2024-12")).month_count)
    present = category[~newcomer]
    assert 160_000 <= workers.sum() <= 180_000  # ≈ 170k TKA positions
    stays = len(present) - (present == "VISITOR").sum() / 2  # visitors pass through twice
    assert 380_000 <= stays <= 480_000  # ≈ 400k+ stay permits
    assert calibration.TKA_NATIONALITY_SHARE["CHN"] > calibration.TKA_NATIONALITY_SHARE["JPN"]


def test_window_is_the_period_and_the_one_before() -> None:
    window = Window.of(Period.parse("2025-S1"))
    assert window.start == date(2024, 7, 1) and window.end == date(2025, 6, 30)
    assert window.month_count == 12
