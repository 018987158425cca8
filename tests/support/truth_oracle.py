"""An independent reading of generated exports: figures and rule codes from the files alone.

Written for the tests with plain pandas (read_csv / read_excel), sharing
nothing with the generator but the project's value normalisers (country,
regency, date spellings), so that truth/ can be checked against the files
the pipeline will really receive. The definitions are the README's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from pantau.normalise.countries import resolve_country
from pantau.normalise.regions import region_index

_DATED = re.compile(r"^(?P<prefix>[a-z_]+?)_(?P<scope>.+)_(?P<date>\d{8})\.(csv|xlsx)$")
_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
PERMIT_TYPES = ("ITAS", "ITAP", "ITK")
ACTION_TYPES = ("DEPORTASI", "PENANGKALAN", "DENDA", "PEMBATALAN IZIN", "PENGHENTIAN KEGIATAN")
RESTRICTED_KBJI = {"1212", "2423", "3333"}  # personnel/HR positions closed to TKA


@dataclass(frozen=True)
class Delivered:
    path: Path
    relative: str  # as truth/ names it: landing/...
    scope: str
    day: date


def deliveries(root: Path, source: str) -> list[Delivered]:
    out = []
    for path in sorted((root / "landing" / source).rglob("*.*")):
        match = _DATED.match(path.name)
        assert match, f"undated or oddly named file {path}"
        out.append(Delivered(path, path.relative_to(root).as_posix(), match["scope"],
                             datetime.strptime(match["date"], "%Y%m%d").date()))
    return out


def latest(files: list[Delivered], on: date) -> list[Delivered]:
    """Each scope's latest delivery on or before ``on``."""
    best: dict[str, Delivered] = {}
    for item in files:
        if item.day <= on and (item.scope not in best or item.day > best[item.scope].day):
            best[item.scope] = item
    return list(best.values())


def read_csv(item: Delivered, sep: str) -> pd.DataFrame:
    raw = item.path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    from io import StringIO

    frame = pd.read_csv(StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    frame.columns = [c.strip().upper() for c in frame.columns]
    frame.insert(0, "_row", range(2, len(frame) + 2))
    frame.insert(0, "_file", item.relative)
    return frame


def read_xlsx(item: Delivered) -> pd.DataFrame:
    sheet = pd.read_excel(item.path, sheet_name="DATA TKA", header=None, dtype=object)
    first = sheet[0].astype(str).str.strip().str.upper()
    header_at = int(first[first == "NO_PENGESAHAN_RPTKA"].index[0])
    frame = sheet.iloc[header_at + 1:].copy()
    frame.columns = [str(c).strip().upper() for c in sheet.iloc[header_at]]
    frame.insert(0, "_row", [i + 1 for i in frame.index])  # sheet rows count from 1
    frame.insert(0, "_file", item.relative)
    return frame.reset_index(drop=True)


def without_quarantined(frame: pd.DataFrame, quarantine: pd.DataFrame) -> pd.DataFrame:
    bad = set(zip(quarantine["file"], quarantine["row_number"].astype(int), strict=True))
    keep = np.array([(f, r) not in bad for f, r in
                     zip(frame["_file"], frame["_row"], strict=True)], dtype=bool)
    return frame.loc[keep].reset_index(drop=True)


def to_date(value: object) -> pd.Timestamp | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, datetime | date):
        return pd.Timestamp(value).normalize()
    text = str(value).strip()
    if not text:
        return None
    for fmt in _FORMATS:
        try:
            return pd.Timestamp(datetime.strptime(text, fmt))
        except ValueError:
            continue
    raise AssertionError(f"unparseable date {text!r} outside the quarantine list")


def dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series.map(to_date))


def passport(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str).str.upper().str.replace(r"[ .\-]", "", regex=True)


def usable_passport(series: pd.Series) -> pd.Series:
    """The gate's passport format (5-12 letters or digits after normalisation)."""
    return passport(series).str.fullmatch(r"[A-Z0-9]{5,12}")


def name_key(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str).map(
        lambda name: "".join(c for c in name if c.isalpha()).upper())


def country(series: pd.Series) -> pd.Series:
    out = series.map(lambda v: resolve_country(str(v)))
    assert out.notna().all(), f"unknown nationality outside quarantine: {series[out.isna()]}"
    return out


def regency(series: pd.Series) -> pd.Series:
    index = region_index()
    out = series.map(lambda v: index.resolve(str(v)))
    mapped = out.str.match(r"^\d{2}\.\d{2}$")
    assert mapped.all(), f"unmapped regency outside quarantine: {series[~mapped].tolist()}"
    return out


def integer(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="raise").astype(int)


class Oracle:
    """The exports of one generated directory, as of a period's reference date."""

    def __init__(self, root: Path, reference: date):
        self.root, self.t = root, pd.Timestamp(reference)
        quarantine = pd.read_csv(root / "truth" / "quarantine.csv", dtype=str,
                                 keep_default_na=False)
        self.permits = self._permits(quarantine, reference)
        self.positions = self._positions(quarantine, reference)
        self.registrations = self._registrations(quarantine, reference)
        self.actions_all = self._actions(quarantine, reference)

    def _load(self, source: str, on: date, quarantine: pd.DataFrame, sep: str | None):
        items = latest(deliveries(self.root, source), on)
        frames = [read_csv(i, sep) if sep else read_xlsx(i) for i in items]
        return without_quarantined(pd.concat(frames, ignore_index=True), quarantine)

    def _permits(self, quarantine, on) -> pd.DataFrame:
        f = self._load("imigrasi_izin_tinggal", on, quarantine, ";")
        return pd.DataFrame({
            "key": passport(f["NOMOR_PASPOR"]) + "|" + country(f["KEWARGANEGARAAN"]),
            "number": f["NOMOR_IZIN"].str.upper(), "type": f["JENIS_IZIN"].str.strip(),
            "index": f["INDEKS_VISA"].str.replace(" ", ""), "purpose": f["TUJUAN"],
            "nationality": country(f["KEWARGANEGARAAN"]), "regency": regency(f["KAB_KOTA"]),
            "issue": dates(f["TGL_TERBIT"]), "expiry": dates(f["TGL_HABIS"]),
            "status": f["STATUS"].str.strip(),
            "named": name_key(f["NAMA_LENGKAP"]) + "|" + dates(f["TANGGAL_LAHIR"]).astype(str)
            + "|" + country(f["KEWARGANEGARAAN"])})

    def _positions(self, quarantine, on) -> pd.DataFrame:
        f = self._load("tenaga_kerja_tka", on, quarantine, None)
        locations = f["LOKASI_KERJA"].astype(str).str.split(";").map(
            lambda names: sorted({region_index().resolve(n.strip()) for n in names}))
        key = passport(f["NOMOR_PASPOR"]) + "|" + country(f["KEWARGANEGARAAN"])
        # No usable passport: the one permit holder with that name, birth date and
        # nationality; several or none: nobody (None), the row still counts.
        unusable = ~usable_passport(f["NOMOR_PASPOR"])
        named = (name_key(f["NAMA_TKA"]) + "|" + dates(f["TANGGAL_LAHIR"]).astype(str) + "|"
                 + country(f["KEWARGANEGARAAN"]))
        holders = self.permits.groupby("named")["key"].agg(lambda keys: sorted(set(keys)))
        key = key.where(~unusable, named.map(
            lambda n: holders[n][0] if n in holders and len(holders[n]) == 1 else None))
        row = f["_file"] + "#" + f["_row"].astype(str)
        return pd.DataFrame({
            "key": key,
            "position": f["NO_PENGESAHAN_RPTKA"].astype(str) + "|" + passport(
                f["NOMOR_PASPOR"]).where(passport(f["NOMOR_PASPOR"]) != "", row),
            "nationality": country(f["KEWARGANEGARAAN"]), "locations": locations,
            "kbji": f["KODE_JABATAN"].astype(str).str.slice(0, 4),
            "start": dates(f["TGL_MULAI"]), "end": dates(f["TGL_SELESAI"]),
            "months_paid": integer(f["DKPTKA_BULAN"]), "usd": integer(f["DKPTKA_USD"]),
            "companions": integer(f["JUMLAH_PENDAMPING"])})

    def _registrations(self, quarantine, on) -> pd.DataFrame:
        f = self._load("dukcapil_orang_asing", on, quarantine, ",")
        nationality = country(f["KEWARGANEGARAAN"])
        key = passport(f["NO_PASPOR"]) + "|" + nationality
        # No passport: link through the stay permit the document was issued on.
        by_number = self.permits.drop_duplicates("number").set_index("number")["key"]
        missing = passport(f["NO_PASPOR"]) == ""
        key[missing] = f.loc[missing, "NO_IZIN_TINGGAL"].str.upper().map(by_number)
        return pd.DataFrame({
            "key": key, "regency": integer(f["NO_PROP"]).map("{:02d}".format) + "." +
            integer(f["NO_KAB"]).map("{:02d}".format),
            "issue": dates(f["TGL_TERBIT"]), "valid_until": dates(f["TGL_BERLAKU"]),
            "status": f["STAT_DOK"].str.strip()})

    def _actions(self, quarantine, on) -> pd.DataFrame:
        f = self._load("imigrasi_tindakan", on, quarantine, ";")
        return pd.DataFrame({"type": f["JENIS_TINDAKAN"].str.strip(),
                             "day": dates(f["TANGGAL_TINDAKAN"]),
                             "regency": regency(f["KAB_KOTA"])})

    # ------------------------------------------------------------------ derived

    @property
    def valid(self) -> pd.DataFrame:
        p = self.permits
        return p[(p["status"] == "AKTIF") & (p["issue"] <= self.t) & (p["expiry"] >= self.t)]

    @property
    def covering(self) -> pd.DataFrame:
        w = self.positions
        w = w[(w["start"] <= self.t) & (w["end"] >= self.t)]
        return w.explode("locations").rename(columns={"locations": "regency"})

    @property
    def active(self) -> pd.DataFrame:
        d = self.registrations
        return d[(d["status"] == "AKTIF") & (d["issue"] <= self.t)
                 & (d["valid_until"].isna() | (d["valid_until"] >= self.t))]

    def months_due(self, start: pd.Series) -> pd.Series:
        return (self.t.year - start.dt.year) * 12 + (self.t.month - start.dt.month) + 1

    def codes(self) -> set[tuple[str, str, str]]:
        """(person key, rule code, regency) for every rule, read off the files."""
        valid, covering, active = self.valid, self.covering, self.active
        covering = covering[covering["key"].notna()]  # unlinked rows count, but name nobody
        positions = self.positions[self.positions["key"].notna()]
        work = valid[(valid["index"] == "E23") | (valid["purpose"] == "BEKERJA")]
        out: set[tuple[str, str, str]] = set()

        def add(code: str, frame: pd.DataFrame) -> None:
            out.update((k, code, r) for k, r in zip(frame["key"], frame["regency"], strict=True))

        add("TKA_NO_PERMIT", covering[~covering["key"].isin(work["key"])])
        covered = set(zip(covering["key"], covering["regency"], strict=True))
        add("PERMIT_NO_RPTKA", work.loc[np.array(
            [(k, r) not in covered for k, r in zip(work["key"], work["regency"], strict=True)],
            dtype=bool)])
        residents = valid[valid["type"].isin(["ITAS", "ITAP"])]
        add("PERMIT_NO_REGISTRATION", residents[~residents["key"].isin(active["key"])])
        places: dict[str, dict[str, set[str]]] = {}
        for name, frame in (("A", valid), ("B", active), ("C", covering)):
            for k, r in zip(frame["key"], frame["regency"], strict=True):
                places.setdefault(k, {"A": set(), "B": set(), "C": set()})[name].add(r)
        for k, p in places.items():
            a, b, c = p["A"], p["B"], p["C"]
            if (a and b and a != b) or (a and c and not a & c) or (not a and b and c
                                                                    and not b & c):
                out.update((k, "REGION_MISMATCH", r) for r in a | b | c)
        last = self.permits.sort_values(["key", "issue", "number"]).groupby("key").tail(1)
        busy = set(covering["key"]) | set(active["key"])
        add("EXPIRED_PERMIT_ACTIVE", last[(last["expiry"] < self.t) & last["key"].isin(busy)])
        ended = positions[positions["end"] < self.t]
        add("RPTKA_EXPIRED", work[~work["key"].isin(covering["key"])
                                  & work["key"].isin(ended["key"])])
        add("RESTRICTED_POSITION", covering[covering["kbji"].isin(RESTRICTED_KBJI)])
        add("DKPTKA_UNDERPAID",
            covering[covering["months_paid"] < self.months_due(covering["start"])])
        add("NO_COMPANION", covering[covering["companions"] == 0])
        return out

    def figures(self, regencies: list[str], period_start: date) -> dict:
        """The figures.json numbers for a region made of ``regencies``."""
        here = self.valid[self.valid["regency"].isin(regencies)].drop_duplicates("key")
        work = self.covering[self.covering["regency"].isin(regencies)].drop_duplicates(
            "position")
        horizon = self.t + timedelta(days=90)
        acts = self.actions_all
        acts = acts[(acts["day"] >= pd.Timestamp(period_start)) & (acts["day"] <= self.t)
                    & acts["regency"].isin(regencies)]
        return {
            "foreigners_total": len(here),
            "by_permit_type": {k: int((here["type"] == k).sum()) for k in PERMIT_TYPES},
            "by_nationality": {k: int(v) for k, v in
                               sorted(here["nationality"].value_counts().items())},
            "workers_total": len(work),
            "workers_by_nationality": {k: int(v) for k, v in
                                       sorted(work["nationality"].value_counts().items())},
            "registered_total": int(self.active["regency"].isin(regencies).sum()),
            "expiring_90_days": int(((here["expiry"] > self.t)
                                     & (here["expiry"] <= horizon)).sum()),
            "administrative_actions": {k: int((acts["type"] == k).sum()) for k in ACTION_TYPES},
            "dkptka_due_usd": int(self.months_due(work["start"]).sum()) * 100,
            "dkptka_paid_usd": int(work["usd"].sum()),
        }
