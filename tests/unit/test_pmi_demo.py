"""The PMI part of pantau demo-data: the contract's exports, their messiness, the truth."""

from __future__ import annotations

import hashlib
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pantau.normalise.regions import region_index
from pantau.sources.catalog import SOURCES
from pantau.tools.demo import pmi_calibration, pmi_truth
from pantau.tools.demo.generate import generate
from pantau.tools.demo.pmi_exports import EXPORTS, POSTS
from pantau.tools.demo.pmi_model import add_years
from pantau.tools.demo.pmi_snapshots import nik_valid
from pantau.tools.demo.scope import DEMO_SCOPE, resolve_scope
from pantau.tools.demo.truth import name_key
from tests.support.truth_oracle import deliveries

pytestmark = pytest.mark.slow  # generates the demo provinces' data: make test, not test-fast

PERIOD = "2025-12"
MONTHS = {"20251130", "20251231"}
FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
PMI_KEYS = ["placements_departed", "placements_by_destination", "placements_by_scheme",
            "placements_informal", "passports_issued", "passports_withheld_pmi",
            "departures_postponed", "returnees", "indications", "priority_areas"]
REASONS = {"kp2mi_penempatan": {"INVALID_DATE", "UNKNOWN_REGION", "UNKNOWN_COUNTRY",
                                "EVENT_BEFORE_BIRTH", "UNKNOWN_VALUE", "DUPLICATE_ROW"},
           "imigrasi_paspor": {"INVALID_DATE", "UNKNOWN_REGION", "UNKNOWN_COUNTRY",
                               "EVENT_BEFORE_BIRTH", "UNKNOWN_VALUE", "ISSUED_WITHOUT_PASSPORT",
                               "PASSPORT_WITHOUT_DECISION", "DUPLICATE_ROW"},
           "imigrasi_penundaan": {"INVALID_DATE", "UNKNOWN_REGION", "UNKNOWN_COUNTRY",
                                  "EVENT_BEFORE_BIRTH", "UNKNOWN_VALUE"},
           "bp3mi_pemulangan": {"INVALID_DATE", "UNKNOWN_REGION", "UNKNOWN_COUNTRY",
                                "EVENT_BEFORE_BIRTH", "UNKNOWN_VALUE"}}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pmi")
    generate([" ".join(DEMO_SCOPE)], PERIOD, 1, out, workers=0)
    return out


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _clean(demo: Path, source: str, stamp: str = "20251231") -> pd.DataFrame:
    """Every row of a source's files of one extraction, planted invalid rows left out."""
    quarantine = pd.read_csv(demo / "truth" / "quarantine.csv", keep_default_na=False)
    held = set(zip(quarantine["file"], quarantine["row_number"], strict=True))
    frames = []
    for item in deliveries(demo, source):
        if item.day.strftime("%Y%m%d") != stamp:
            continue
        frame = pd.read_csv(io.StringIO(_text(item.path)), sep=EXPORTS[source].delimiter,
                            dtype=str, keep_default_na=False)
        rows = np.arange(len(frame)) + 2
        keep = [(item.relative, int(r)) not in held for r in rows]
        frames.append(frame[keep].assign(_file=item.relative))
    return pd.concat(frames, ignore_index=True)


def _day(text: str) -> date | None:
    from datetime import datetime

    for fmt in FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# ------------------------------------------------------------------ the files


def test_each_export_has_exactly_the_contract_headers_and_delimiter(demo) -> None:
    for source, export in EXPORTS.items():
        files = deliveries(demo, source)
        assert files, source
        for item in files:
            header = _text(item.path).splitlines()[0]
            assert header == export.delimiter.join(export.headers), item.relative


def test_the_catalog_agrees_with_the_generator_once_it_has_the_sources() -> None:
    for source, export in EXPORTS.items():
        if source in SOURCES:  # after the merge with the sources' branch
            assert tuple(c.header for c in SOURCES[source].columns) == export.headers
            assert SOURCES[source].delimiter == export.delimiter


def test_monthly_files_per_province_office_checkpoint_and_post(demo) -> None:
    for source in EXPORTS:
        assert {f.day.strftime("%Y%m%d") for f in deliveries(demo, source)} == MONTHS, source
    assert {f.scope for f in deliveries(demo, "kp2mi_penempatan")} == set(DEMO_SCOPE)
    assert {"DUMAI", "SOEKARNOHATTA", "BATAMCENTER"} <= {
        f.scope for f in deliveries(demo, "imigrasi_penundaan")}
    assert {f.scope for f in deliveries(demo, "bp3mi_pemulangan")} == {p.token for p in POSTS}
    passports = deliveries(demo, "imigrasi_paspor")
    offices = {f.scope for f in passports}
    assert {"DUMAI", "SOEKARNOHATTA", "BATAM", "NUNUKAN"} <= offices
    # The first delivery covers 24 months, the next one only what was decided since.
    first = sum(len(_text(f.path).splitlines()) for f in passports if f.day.month == 11)
    delta = sum(len(_text(f.path).splitlines()) for f in passports if f.day.month == 12)
    assert first > 10 * delta > 0
    manifest = json.loads((demo / "truth" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["rows"]["imigrasi_paspor"] < 300_000  # the demo stays small
    assert set(EXPORTS) <= set(manifest["counts"]["files"])


def test_same_arguments_same_bytes_another_seed_other_people(tmp_path) -> None:
    def digests(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(root.rglob("*")) if p.is_file()
                and p.relative_to(root).parts[1:2] in [(s,) for s in (*EXPORTS, "pmi")]}

    runs = {}
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        generate(["14.72"], "2025-06", seed, tmp_path / name, workers=0)
        runs[name] = digests(tmp_path / name)
    assert runs["a"] == runs["b"]
    placements = [n for n in runs["a"] if "penempatan" in n or n.endswith("pmi/persons.csv")]
    assert placements and all(runs["a"][n] != runs["c"][n] for n in placements)


def test_the_field_messiness_is_in_the_files(demo) -> None:
    texts = {s: "\n".join(_text(f.path) for f in deliveries(demo, s)) for s in EXPORTS}
    every = "\n".join(texts.values())
    for pattern in (r"[;,]\d{2}-\d{2}-\d{4}[;,]", r"[;,]\d{2}/\d{2}/\d{4}[;,]",
                    r"[;,]\d{4}-\d{2}-\d{2}[;,]"):
        assert re.search(pattern, every), pattern
    returnee_files = [f.path.read_bytes() for f in deliveries(demo, "bp3mi_pemulangan")]
    assert any(b"\r\n" in raw for raw in returnee_files), "a Windows-1252 file"
    assert re.search(r",[a-z]+( [a-z]+)*,", texts["bp3mi_pemulangan"]) or re.search(
        r";[a-z]+( [a-z]+)*;", every), "lower-case names"
    assert re.search(r"[;,][A-Z][0-9A-Z]? ?\d{3} \d+[;,]", every), "passports with spaces"
    for spelling in ("KAMBOJA", "HONGKONG|HONG KONG|,HK,|;HK;", "ARAB SAUDI"):
        assert re.search(spelling, every), spelling
    assert re.search(r",(P to P|PTOP|P2P|P-TO-P),", texts["kp2mi_penempatan"]), "SKEMA"
    assert "UMRAH" in texts["imigrasi_paspor"]
    assert re.search(r"IND\. PMI NON PROSEDURAL|INDIKASI PMI NONPROSEDURAL|;PMI NON PROSEDURAL;",
                     texts["imigrasi_paspor"])
    returnees = _clean(demo, "bp3mi_pemulangan")
    assert (returnees["NIK"] == "").mean() > 0.3, "NIK missing on many returnee rows"
    placements = _clean(demo, "kp2mi_penempatan")
    digits = placements["NIK"].str.len()
    assert ((digits == 15).mean() > 0.001) and ((digits == 16).mean() > 0.9)
    messiness = pd.read_csv(demo / "truth" / "messiness.csv")
    kinds = set(messiness[messiness["file"].str.contains("pemulangan")]["kind"])
    assert {"missing_nik", "encoding_cp1252", "country_spellings"} <= kinds


def test_planted_invalid_rows_are_listed_with_the_contract_codes(demo) -> None:
    quarantine = pd.read_csv(demo / "truth" / "quarantine.csv", keep_default_na=False)
    for source, codes in REASONS.items():
        mine = quarantine[quarantine["source"] == source]
        assert codes <= set(mine["reason_code"]), (source, codes - set(mine["reason_code"]))
    lost = quarantine[(quarantine["reason_code"] == "UNKNOWN_REGION")
                      & quarantine["source"].isin(list(EXPORTS))]
    for name, rows in lost.groupby("file"):
        export = EXPORTS[name.split("/")[1]]
        frame = pd.read_csv(io.StringIO(_text(demo / name)), sep=export.delimiter, dtype=str,
                            keep_default_na=False)
        assert (frame.iloc[rows["row_number"].astype(int) - 2]["NIK"] == "").all(), name
    duplicates = quarantine[(quarantine["reason_code"] == "DUPLICATE_ROW")
                            & quarantine["source"].isin(list(EXPORTS))]
    assert len(duplicates) > 5
    for name, rows in duplicates.groupby("file"):
        lines = (demo / name).read_bytes().splitlines()
        for row in rows["row_number"].astype(int):
            assert lines[row - 1] == lines[row - 2], (name, row)


def test_clean_rows_pass_the_row_rules(demo) -> None:
    """No accidental event before birth, TERBIT without passport or passport without one."""
    passports = _clean(demo, "imigrasi_paspor")
    terbit = passports["STATUS"] == "TERBIT"
    assert (passports.loc[terbit, "NOMOR_PASPOR"] != "").all()
    assert (passports.loc[~terbit, ["NOMOR_PASPOR", "TANGGAL_TERBIT"]] == "").all().all()
    for source, event in (("kp2mi_penempatan", "TGL_BERANGKAT"),
                          ("imigrasi_paspor", "TANGGAL_PERMOHONAN"),
                          ("imigrasi_penundaan", "TANGGAL"), ("bp3mi_pemulangan", "TANGGAL_TIBA")):
        rows = _clean(demo, source)
        birth = "TGL_LAHIR" if source == "kp2mi_penempatan" else "TANGGAL_LAHIR"
        dated = rows[rows[event] != ""]
        born = dated[birth].map(_day)
        when = dated[event].map(_day)
        assert born.notna().all() and when.notna().all(), source
        assert (when >= born).all(), source


# ------------------------------------------------------------------ the truth


def test_every_rule_is_planted_on_both_sides_of_its_edges(demo) -> None:
    planted = pd.read_csv(demo / "truth" / "pmi" / "planted.csv")
    found = pd.read_csv(demo / "truth" / "pmi" / "indications.csv")
    hits = set(zip(found["period"], found["code"], found["person_id"], strict=True))
    for (period, rule), cases in planted.groupby(["period", "rule"]):
        assert cases["indicated"].sum() >= 2 and (~cases["indicated"]).sum() >= 1, (period, rule)
        for case in cases.itertuples():
            assert ((period, rule, case.person_id) in hits) == case.indicated, case.case
    assert set(planted["rule"]) == set(pmi_truth.RULES)
    assert set(planted["period"]) == {"2025-11", "2025-12"}
    per_rule = found[found["period"] == PERIOD].groupby("code")["person_id"].nunique()
    assert set(per_rule.index) == set(pmi_truth.RULES)
    assert (per_rule >= 2).all()
    # Riau's Dumai port and Bangka's Cambodia cases give the demo its own story.
    postponed = _clean(demo, "imigrasi_penundaan")
    assert (postponed["TPI"] == "PELABUHAN DUMAI").sum() >= 5
    bangka = postponed[postponed["NIK"].str.startswith("19")]
    assert bangka["NEGARA_TUJUAN"].isin(["KAMBOJA", "KHM", "KH", "CAMBODIA"]).sum() >= 2


def _person_keys(rows: pd.DataFrame, name: str, birth: str) -> pd.Series:
    """Name + birth date + stated regency: the key every row of a person carries."""
    index = region_index()
    regency = rows["KAB_KOTA_ASAL"].map(index.resolve)
    return name_key(rows[name]) + "|" + rows[birth].map(_day).astype(str) + "|" + regency


def test_repeat_returnees_and_underage_recomputed_from_the_files(demo) -> None:
    """An independent reading: plain pandas on the files, keys from name and birth date."""
    persons = pd.read_csv(demo / "truth" / "pmi" / "persons.csv", dtype=str)
    key_of = dict(zip(persons["person_id"], persons["name_key"] + "|" + persons["birth_date"]
                      + "|" + persons["origin_regency"], strict=True))
    found = pd.read_csv(demo / "truth" / "pmi" / "indications.csv", dtype=str)
    found = found[found["period"] == PERIOD]
    w0, t = date(2025, 12, 1), date(2025, 12, 31)

    def truth(code: str) -> set[str]:
        return {key_of[p] for p in found.loc[found["code"] == code, "person_id"]}

    returnees = _clean(demo, "bp3mi_pemulangan")
    returnees = returnees[returnees["JENIS_KASUS"].isin(
        ["TANPA DOKUMEN", "OVERSTAY", "PENYALAHGUNAAN IZIN TINGGAL"])]
    returnees = returnees.assign(key=_person_keys(returnees, "NAMA", "TANGGAL_LAHIR"),
                                 day=returnees["TANGGAL_TIBA"].map(_day))
    first = returnees.groupby("key")["day"].min()
    now = returnees[(returnees["day"] >= w0) & (returnees["day"] <= t)]
    repeat = {k for k, d in zip(now["key"], now["day"], strict=True) if first[k] < d}
    assert repeat == truth("PMI_REPEAT_RETURNEE")

    young = set()
    for source, day, name, birth in (
            ("kp2mi_penempatan", "TGL_BERANGKAT", "NAMA", "TGL_LAHIR"),
            ("imigrasi_penundaan", "TANGGAL", "NAMA_LENGKAP", "TANGGAL_LAHIR")):
        rows = _clean(demo, source)
        if source == "kp2mi_penempatan":
            rows = rows[rows["STATUS"].isin(["BERANGKAT", "PULANG"])]
        rows = rows[rows[day] != ""]
        keys = _person_keys(rows, name, birth)
        for key, when, born in zip(keys, rows[day].map(_day), rows[birth].map(_day),
                                   strict=True):
            adult = date(born.year + 18, born.month, min(born.day, 28 if born.month == 2
                                                          and born.day == 29 else born.day))
            if w0 <= when <= t and when < adult:
                young.add(key)
    assert young == truth("PMI_UNDERAGE")


def test_figures_of_every_region_have_every_key_and_add_up(demo) -> None:
    folder = demo / "truth" / "pmi" / "figures" / PERIOD
    regencies = resolve_scope(DEMO_SCOPE)
    files = sorted(folder.glob("*.json"))
    assert len(files) == len(regencies) + len(DEMO_SCOPE) + 1  # and the nation, 00

    def load(code: str) -> dict:
        return json.loads((folder / f"{code}.json").read_text(encoding="utf-8"))["pmi"]

    for code in [*regencies, *DEMO_SCOPE]:
        pmi = load(code)
        assert list(pmi) == PMI_KEYS
        assert sum(pmi["placements_by_scheme"].values()) == pmi["placements_departed"]
        assert sum(pmi["placements_by_destination"].values()) == pmi["placements_departed"]
        assert list(pmi["indications"]) == list(pmi_truth.RULES)
        assert len(pmi["passports_issued"]) == 9 and len(pmi["returnees"]) == 8
        areas = pmi["priority_areas"]
        assert areas == sorted(areas, key=lambda a: (-a["persons_indicated"], a["code"]))
        assert all(a["persons_indicated"] > 0 for a in areas)
    for province in DEMO_SCOPE:
        mine = [load(c) for c in regencies if c.startswith(f"{province}.")]
        whole = load(province)
        for key in ("placements_departed", "placements_informal", "passports_withheld_pmi"):
            assert whole[key] == sum(m[key] for m in mine), (province, key)
        assert {a["code"] for a in whole["priority_areas"]} <= set(regencies)
    nation = load("00")
    for key in ("placements_departed", "placements_informal", "passports_withheld_pmi"):
        assert nation[key] == sum(load(p)[key] for p in DEMO_SCOPE), key
    assert {a["code"] for a in nation["priority_areas"]} <= set(DEMO_SCOPE)  # provinces
    # The passports issued in the month, by origin, read from the deliveries.
    passports = _clean(demo, "imigrasi_paspor")
    issued = passports[(passports["STATUS"] == "TERBIT")
                       & passports["TANGGAL_TERBIT"].map(_day).between(date(2025, 12, 1),
                                                                       date(2025, 12, 31))]
    assert sum(sum(load(p)["passports_issued"].values()) for p in DEMO_SCOPE) == len(issued)


def test_national_volumes_follow_the_published_figures() -> None:
    codes = resolve_scope(["national"])
    yearly = pmi_calibration.yearly_counts(codes)
    assert round(yearly["placements"].sum()) == 297_000
    assert round(yearly["passports"].sum()) == 5_000_000
    top = [c[:2] in {"35", "33", "32", "52", "18"} for c in codes]
    assert yearly["placements"][top].sum() / yearly["placements"].sum() == pytest.approx(0.89)
    position = {c: i for i, c in enumerate(codes)}
    lombok, bangka = yearly["placements"][position["52.03"]], yearly["placements"][
        position["19.04"]]
    assert lombok > 20 * bangka
    demo = pmi_calibration.yearly_counts(resolve_scope(DEMO_SCOPE))
    assert 2 * demo["passports"].sum() < 150_000  # the 24-month backlog stays small


# ------------------------------------------------------------------ the rules on small tables


def _rows(kind: str, **columns) -> pd.DataFrame:
    defaults = {"origin_regency": "14.72", "origin_district": "14.72.01",
                "birth_date": np.datetime64("1990-01-01")}
    frame = pd.DataFrame(columns)
    for key, value in defaults.items():
        if key not in frame:
            frame[key] = value
    for column in frame:
        if column.endswith("_date"):
            frame[column] = pd.to_datetime(frame[column]).to_numpy(dtype="datetime64[D]")
    return frame


def _codes(found: pd.DataFrame, code: str) -> set[int]:
    return set(found.loc[found["code"] == code, "person_id"])


W0, T = date(2025, 12, 1), date(2025, 12, 31)


def test_rules_on_hand_made_tables_edges_included() -> None:
    day = "2025-12-15"
    before = lambda n: (date(2025, 12, 15) - timedelta(days=n)).isoformat()  # noqa: E731
    placements = _rows(
        "placements", person_id=[1, 2, 3, 4, 10, 11, 20, 21, 30, 31],
        placement_id=[f"P{i}" for i in range(10)],
        status=["BERANGKAT", "BERANGKAT", "BATAL", "PROSES", "BERANGKAT", "BERANGKAT",
                "BERANGKAT", "BERANGKAT", "PULANG", "BATAL"],
        departure_date=[before(90), before(91), None, None, day, day, day, day, before(400),
                        None],
        destination=["MYS", "MYS", "MYS", "MYS", "SAU", "SAU", "KHM", "HKG", "MYS", "MYS"],
        sector=["FORMAL", "FORMAL", "FORMAL", "FORMAL", "INFORMAL", "FORMAL", "FORMAL",
                "INFORMAL", "FORMAL", "FORMAL"],
        scheme="P TO P")
    placements.loc[placements["person_id"] == 20, "birth_date"] = np.datetime64("2007-12-15")
    placements.loc[placements["person_id"] == 21, "birth_date"] = np.datetime64("2007-12-16")
    postponements = _rows(
        "postponements", person_id=[1, 2, 3, 4, 5, 6, 7, 8],
        postponement_number=[f"T{i}" for i in range(8)], postponement_date=day,
        destination=["MYS", "MYS", "MYS", "MYS", "MYS", "MMR", "MYS", "MYS"],
        reason=["INDIKASI PMI NON PROSEDURAL", "INDIKASI TPPO", "INDIKASI PMI NON PROSEDURAL",
                "INDIKASI PMI NON PROSEDURAL", "DOKUMEN TIDAK SAH", "LAINNYA",
                "INDIKASI PMI NON PROSEDURAL", "INDIKASI TPPO"])
    applications = _rows(
        "applications", person_id=[7, 8, 40, 40, 41, 41, 42, 42],
        office=["A", "A", "B", "A", "B", "A", "A", "A"],
        application_number=[f"N{i}" for i in range(8)],
        application_date=[before(184), before(185), "2025-12-01", before(375),
                          "2025-12-01", before(376), "2025-12-01", before(30)],
        status=["TERBIT", "TERBIT", "TERBIT", "DITOLAK", "TERBIT", "DITOLAK", "TERBIT",
                "DITUNDA"],
        reason=[None, None, None, "INDIKASI PMI NON PROSEDURAL", None,
                "INDIKASI PMI NON PROSEDURAL", None, "INDIKASI PMI NON PROSEDURAL"],
        purpose=["WISATA", "UMROH", "WISATA", "WISATA", "WISATA", "WISATA", "WISATA", "WISATA"],
        issue_date=[before(180), before(181), "2025-12-05", None, "2025-12-05", None,
                    "2025-12-05", None])
    returnees = _rows(
        "returnees", person_id=[30, 31, 32, 33, 33], register_number=["R0", "R1", "R2", "R3", "R4"],
        arrival_date=[day, day, day, "2025-06-01", day],
        case_type=["OVERSTAY", "TANPA DOKUMEN", "SAKIT", "TANPA DOKUMEN", "TANPA DOKUMEN"],
        origin_regency=["62.03", "62.03", "62.03", "62.03", "62.03"])
    found = pmi_truth.indications(placements, applications, postponements, returnees, W0, T)
    # within 90 days: covered; 91: not; a cancelled placement is none; in process covers.
    assert _codes(found, "PMI_POSTPONED_NO_PLACEMENT") == {2, 3, 7, 8}
    # 180 days before counts, 181 does not.
    assert _codes(found, "PMI_NON_WORK_PASSPORT") == {7}
    # refused at another office 365 days before: indicated; 366: not; same office: not.
    assert _codes(found, "PMI_PASSPORT_AFTER_REFUSAL") == {40}
    # informal to the moratorium, any placement to a closed country, a postponement to one.
    assert _codes(found, "PMI_CLOSED_DESTINATION") == {10, 20, 6}
    # the 18th birthday on the departure day is not under age, the day before is.
    assert _codes(found, "PMI_UNDERAGE") == {21}
    # a placement that came home is a record; a cancelled one is not; sick is no deportee.
    assert _codes(found, "PMI_RETURNEE_NO_PLACEMENT") == {31, 33}
    assert _codes(found, "PMI_REPEAT_RETURNEE") == {33}
    # the origin, not the arrival post.
    assert set(found.loc[found["person_id"] == 33, "regency"]) == {"62.03"}


def test_latest_delivered_version_wins() -> None:
    first = pd.DataFrame({"office": ["A", "A"], "application_number": ["1", "2"],
                          "status": ["DITUNDA", "TERBIT"]})
    second = pd.DataFrame({"office": ["A", "B"], "application_number": ["1", "1"],
                           "status": ["TERBIT", "DITOLAK"]})
    latest = pmi_truth.latest_versions([first, second]).set_index(["office",
                                                                   "application_number"])
    assert latest["status"].to_dict() == {("A", "2"): "TERBIT", ("A", "1"): "TERBIT",
                                          ("B", "1"): "DITOLAK"}


def test_nik_validity_and_the_18th_birthday() -> None:
    birth = np.array(["1994-07-20", "1994-07-20", "1994-07-20", "1994-07-20"],
                     dtype="datetime64[D]")
    female = np.array([False, True, False, False])
    niks = np.array(["1401132007940001", "1401136007940001", "140113200794001", None],
                    dtype=object)
    assert list(nik_valid(niks, birth, female)) == [True, True, False, None]
    assert nik_valid(np.array(["1499132007940001"], dtype=object), birth[:1],
                     female[:1])[0] is False  # no regency 14.99
    leap = add_years(np.array(["2008-02-29", "2007-12-15"], dtype="datetime64[D]"), 18)
    assert list(leap.astype(str)) == ["2026-02-28", "2025-12-15"]
