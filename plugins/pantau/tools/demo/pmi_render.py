"""From a clean PMI slice to the cells of one delivered file, messiness included.

As in ``render``: each file has its own random stream; the habits of a
system (date format, encoding, how names and sex are written) are fixed per
province, office, checkpoint or post, the clerks' slips vary per row. Invalid
rows belong to nobody (document numbers starting ``X``, passports ``Q0``, NIKs
with the serial 0000 that no person holds) and are listed with their reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from pantau.normalise.countries import resolve_country
from pantau.tools.demo import invalid, spellings
from pantau.tools.demo import pmi_exports as ex
from pantau.tools.demo.frames import table
from pantau.tools.demo.render import Table
from pantau.tools.demo.snapshots import stable_number

Rng = np.random.Generator
DUPLICATE_RATE = 0.003
INVALID_RATE = 0.002
VALUE_SLIP_SHARE = 0.2
REASONS = {
    "INVALID_DATE": "date that does not exist on the calendar",
    "UNKNOWN_REGION": "no origin: NIK empty and a regency name that is no Kemendagri regency",
    "UNKNOWN_COUNTRY": "country that is no known country",
    "EVENT_BEFORE_BIRTH": "event date before the birth date",
    "UNKNOWN_VALUE": "value outside the column's value set",
    "ISSUED_WITHOUT_PASSPORT": "STATUS TERBIT without NOMOR_PASPOR",
    "PASSPORT_WITHOUT_DECISION": "NOMOR_PASPOR and TANGGAL_TERBIT on an application not TERBIT",
    "DUPLICATE_ROW": "exact copy of the row before it",
}
# source -> (event date, birth date, stated regency, country, value columns -> unknown set)
GHOST_COLUMNS = {
    ex.PLACEMENTS: ("TGL_BERANGKAT", "TGL_LAHIR", "KAB_KOTA_ASAL", "NEGARA_TUJUAN",
                    {"SKEMA": "SKEMA", "SEKTOR": "SEKTOR", "STATUS": "STATUS_PLACEMENT"}),
    ex.PASSPORTS: ("TANGGAL_PERMOHONAN", "TANGGAL_LAHIR", "KAB_KOTA", "NEGARA_TUJUAN",
                   {"TUJUAN": "TUJUAN", "ALASAN": "ALASAN_APPLICATION"}),
    ex.POSTPONEMENTS: ("TANGGAL", "TANGGAL_LAHIR", "KAB_KOTA_ASAL", "NEGARA_TUJUAN",
                       {"ALASAN": "ALASAN_POSTPONEMENT", "DISERAHKAN_KEPADA": "DISERAHKAN_KEPADA",
                        "TUJUAN_DINYATAKAN": "TUJUAN"}),
    ex.RETURNEES: ("TANGGAL_TIBA", "TANGGAL_LAHIR", "KAB_KOTA_ASAL", "NEGARA_ASAL",
                   {"JENIS_KASUS": "JENIS_KASUS"}),
}
IDENTITY = {ex.PLACEMENTS: ("ID_PMI", "NO_PASPOR"), ex.PASSPORTS: ("NOMOR_PERMOHONAN",
                                                                    "NOMOR_PASPOR"),
            ex.POSTPONEMENTS: ("NOMOR_PENUNDAAN", "NOMOR_PASPOR"),
            ex.RETURNEES: ("NOMOR_REGISTER", "NO_PASPOR")}
# Extra spellings of destinations the field writes (checked against the resolver).
EXTRA_COUNTRY_SPELLINGS = {"HKG": ("HONGKONG", "HONG KONG", "HK"), "KHM": ("KAMBOJA",),
                           "SAU": ("ARAB SAUDI", "SAUDI ARABIA", "KSA"), "KOR": ("KOREA SELATAN",),
                           "TWN": ("TAIWAN",), "MYS": ("MALAYSIA", "MALAYSIA (SEMENANJUNG)")}


@cache
def country_spellings() -> dict[str, tuple[str, ...]]:
    """alpha-3 -> every spelling the resolver maps back to it (Indonesian names first)."""
    table_ = spellings.nationality_spellings()
    out = {}
    for code, groups in table_.items():
        extra = tuple(v for v in EXTRA_COUNTRY_SPELLINGS.get(code, ()) if resolve_country(v)
                      == code)
        every = dict.fromkeys(groups[2] + extra + groups[0] + groups[1] + groups[3])
        out[code] = tuple(v for v in every if _cp1252(v)) or (code,)  # some files are cp1252
    return out


def _cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Habits:
    date_format: str
    mixed_dates: bool
    encoding: str
    names: str  # upper, title or lower
    sex_words: bool

    @classmethod
    def of(cls, source: str, scope: str, seed: int) -> Habits:
        n = stable_number(seed, "pmi", source, scope)
        digit = lambda k, base: (n // base ** k) % base  # noqa: E731
        encoding = "utf-8"
        if source == ex.RETURNEES:  # the posts' spreadsheets, saved on Windows now and then
            encoding = ("utf-8", "cp1252", "utf-8")[digit(0, 3)]
        return cls(date_format=spellings.DATE_FORMATS[digit(1, 3)],
                   mixed_dates=digit(2, 3) == 0, encoding=encoding,
                   names=("upper", "upper", "title", "lower")[digit(3, 4)],
                   sex_words=digit(4, 4) == 0)


class PmiRenderer:
    def __init__(self, seed: int):
        self.seed = seed
        self.dates = spellings.date_text()

    def rng(self, path: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, stable_number("pmi", path)])

    # ------------------------------------------------------------------ cells

    def _dates(self, rng: Rng, values: np.ndarray, habits: Habits,
               messiness: set[str]) -> np.ndarray:
        out = self.dates.format(values, habits.date_format)
        messiness.add(f"date_format_{habits.date_format}")
        if habits.mixed_dates and len(out):
            other = [f for f in spellings.DATE_FORMATS if f != habits.date_format]
            slip = rng.random(len(out)) < 0.05
            out[slip] = self.dates.format(np.asarray(values)[slip], other[int(rng.integers(2))])
            if slip.any():
                messiness.add("mixed_date_formats")
        return out

    def _names(self, values: np.ndarray, habits: Habits, messiness: set[str]) -> np.ndarray:
        series = pd.Series(values, dtype=object)
        if habits.names == "title":
            messiness.add("title_case_names")
            return series.str.title().to_numpy(dtype=object)
        if habits.names == "lower":
            messiness.add("lower_case_names")
            return series.str.lower().to_numpy(dtype=object)
        return values

    def _sex(self, values: np.ndarray, habits: Habits, messiness: set[str]) -> np.ndarray:
        if not habits.sex_words:
            return values
        messiness.add("sex_words")
        return np.where(values == "L", "LAKI-LAKI", "PEREMPUAN").astype(object)

    def _countries(self, rng: Rng, codes: np.ndarray, messiness: set[str]) -> np.ndarray:
        out = np.array(codes, dtype=object)
        pick = rng.integers(1 << 30, size=len(out))
        table_ = country_spellings()
        for code in pd.unique(codes[pd.notna(codes)]):
            at = np.flatnonzero(codes == code)
            options = np.array(table_.get(code, (code,)), dtype=object)
            out[at] = options[pick[at] % len(options)]
        if (pd.Series(out).fillna("") != pd.Series(codes).fillna("")).any():
            messiness.add("country_spellings")
        return out

    def _values(self, rng: Rng, values: np.ndarray, messiness: set[str]) -> np.ndarray:
        out = np.array(values, dtype=object)
        slip = rng.random(len(out)) < VALUE_SLIP_SHARE
        pick = rng.integers(1 << 30, size=len(out))
        for canonical, others in ex.VALUE_SPELLINGS.items():
            at = np.flatnonzero(slip & (out == canonical))
            if len(at):
                options = np.array(others, dtype=object)
                out[at] = options[pick[at] % len(options)]
                messiness.add("value_spellings")
        return out

    def _regions(self, rng: Rng, codes: np.ndarray, messiness: set[str]) -> np.ndarray:
        if not len(codes):
            return np.empty(0, dtype=object)
        messiness.add("region_name_variants")
        return spellings.regions(rng, codes)

    def _passports(self, rng: Rng, values: np.ndarray, messiness: set[str]) -> np.ndarray:
        out = spellings.passports(rng, values, messy_share=0.1)
        if (pd.Series(out).fillna("") != pd.Series(values).fillna("")).any():
            messiness.add("passport_variants")
        return out

    def _people(self, rng: Rng, rows: pd.DataFrame, habits: Habits,
                messiness: set[str]) -> dict[str, np.ndarray]:
        if (rows["nik_valid"] == False).any():  # noqa: E712
            messiness.add("invalid_nik")
        if rows["nik"].isna().any():
            messiness.add("missing_nik")
        return {"nik": rows["nik"].to_numpy(dtype=object),
                "name": self._names(rows["full_name"].to_numpy(dtype=object), habits, messiness),
                "sex": self._sex(rows["sex"].to_numpy(dtype=object), habits, messiness),
                "birth": self._dates(rng, rows["birth_date"].to_numpy(), habits, messiness),
                "regency": self._regions(rng, rows["stated_regency"].to_numpy(dtype=object),
                                         messiness),
                "passport": self._passports(rng, rows["passport"].to_numpy(dtype=object),
                                            messiness)}

    # ------------------------------------------------------------------ sources

    def placements(self, path: str, province: str, rows: pd.DataFrame, day: date,
                   full: bool) -> Table:
        habits = Habits.of(ex.PLACEMENTS, province, self.seed)
        rng, messiness = self.rng(path), set()
        who = self._people(rng, rows, habits, messiness)
        frame = table({
            "ID_PMI": rows["placement_id"].to_numpy(dtype=object), "NIK": who["nik"],
            "NAMA": who["name"], "JENIS_KELAMIN": who["sex"], "TGL_LAHIR": who["birth"],
            "KAB_KOTA_ASAL": who["regency"], "NO_PASPOR": who["passport"],
            "NEGARA_TUJUAN": self._countries(rng, rows["destination"].to_numpy(dtype=object),
                                             messiness),
            "JABATAN": rows["job_title"].to_numpy(dtype=object),
            "SEKTOR": rows["sector"].to_numpy(dtype=object),
            "SKEMA": self._values(rng, rows["scheme"].to_numpy(dtype=object), messiness),
            "P3MI": rows["agency"].to_numpy(dtype=object),
            "TGL_BERANGKAT": self._dates(rng, rows["departure_date"].to_numpy(), habits,
                                         messiness),
            "TGL_AKHIR_KONTRAK": self._dates(rng, rows["contract_end_date"].to_numpy(), habits,
                                             messiness),
            "STATUS": rows["status"].to_numpy(dtype=object),
        })
        return self._finish(ex.PLACEMENTS, path, frame, habits, rng, messiness, day, full)

    def applications(self, path: str, office: str, rows: pd.DataFrame, day: date,
                     full: bool) -> Table:
        habits = Habits.of(ex.PASSPORTS, office, self.seed)
        rng, messiness = self.rng(path), set()
        who = self._people(rng, rows, habits, messiness)
        frame = table({
            "NOMOR_PERMOHONAN": rows["application_number"].to_numpy(dtype=object),
            "TANGGAL_PERMOHONAN": self._dates(rng, rows["application_date"].to_numpy(), habits,
                                              messiness),
            "NIK": who["nik"], "NAMA_LENGKAP": who["name"], "JENIS_KELAMIN": who["sex"],
            "TANGGAL_LAHIR": who["birth"], "KAB_KOTA": who["regency"],
            "TUJUAN": self._values(rng, rows["purpose"].to_numpy(dtype=object), messiness),
            "NEGARA_TUJUAN": self._countries(rng, rows["destination"].to_numpy(dtype=object),
                                             messiness),
            "REKOMENDASI_KERJA": rows["recommendation"].to_numpy(dtype=object),
            "STATUS": rows["status"].to_numpy(dtype=object),
            "ALASAN": self._values(rng, rows["reason"].to_numpy(dtype=object), messiness),
            "NOMOR_PASPOR": who["passport"],
            "TANGGAL_TERBIT": self._dates(rng, rows["issue_date"].to_numpy(), habits, messiness),
            "KANTOR_IMIGRASI": rows["office_name"].to_numpy(dtype=object),
        })
        if rows["destination"].isna().any():
            messiness.add("empty_destination")
        return self._finish(ex.PASSPORTS, path, frame, habits, rng, messiness, day, full)

    def postponements(self, path: str, checkpoint: str, rows: pd.DataFrame, day: date,
                      full: bool) -> Table:
        habits = Habits.of(ex.POSTPONEMENTS, checkpoint, self.seed)
        rng, messiness = self.rng(path), set()
        who = self._people(rng, rows, habits, messiness)
        frame = table({
            "NOMOR_PENUNDAAN": rows["postponement_number"].to_numpy(dtype=object),
            "TANGGAL": self._dates(rng, rows["postponement_date"].to_numpy(), habits, messiness),
            "TPI": rows["checkpoint"].to_numpy(dtype=object), "NAMA_LENGKAP": who["name"],
            "NIK": who["nik"], "NOMOR_PASPOR": who["passport"], "JENIS_KELAMIN": who["sex"],
            "TANGGAL_LAHIR": who["birth"], "KAB_KOTA_ASAL": who["regency"],
            "NEGARA_TUJUAN": self._countries(rng, rows["destination"].to_numpy(dtype=object),
                                             messiness),
            "TUJUAN_DINYATAKAN": self._values(rng, rows["purpose"].to_numpy(dtype=object),
                                              messiness),
            "ALASAN": rows["reason"].to_numpy(dtype=object),
            "DISERAHKAN_KEPADA": rows["handed_to"].to_numpy(dtype=object),
        })
        return self._finish(ex.POSTPONEMENTS, path, frame, habits, rng, messiness, day, full)

    def returnees(self, path: str, post: str, rows: pd.DataFrame, day: date,
                  full: bool) -> Table:
        habits = Habits.of(ex.RETURNEES, post, self.seed)
        rng, messiness = self.rng(path), set()
        who = self._people(rng, rows, habits, messiness)
        frame = table({
            "NOMOR_REGISTER": rows["register_number"].to_numpy(dtype=object),
            "TANGGAL_TIBA": self._dates(rng, rows["arrival_date"].to_numpy(), habits, messiness),
            "PELABUHAN_TIBA": rows["arrival_post"].to_numpy(dtype=object),
            "NAMA": who["name"], "NIK": who["nik"], "JENIS_KELAMIN": who["sex"],
            "TANGGAL_LAHIR": who["birth"], "KAB_KOTA_ASAL": who["regency"],
            "NEGARA_ASAL": self._countries(rng, rows["deported_from"].to_numpy(dtype=object),
                                           messiness),
            "JENIS_KASUS": rows["case_type"].to_numpy(dtype=object),
            "NO_PASPOR": who["passport"],
        })
        if rows["passport"].isna().any():
            messiness.add("missing_passport")
        return self._finish(ex.RETURNEES, path, frame, habits, rng, messiness, day, full)

    # ------------------------------------------------------------------ finish

    def _ghosts(self, source: str, frame: pd.DataFrame, rng: Rng, path: str,
                habits: Habits, day: date, full: bool) -> tuple[pd.DataFrame, list[dict]]:
        """Invalid rows of nobody: every reason in a month's last files, a few elsewhere."""
        if not len(frame):
            return frame.iloc[0:0], []
        codes = ["INVALID_DATE", "UNKNOWN_REGION", "UNKNOWN_COUNTRY", "EVENT_BEFORE_BIRTH",
                 "UNKNOWN_VALUE"]
        if source == ex.PASSPORTS:
            codes += ["ISSUED_WITHOUT_PASSPORT", "PASSPORT_WITHOUT_DECISION"]
        chosen = list(codes) if full else []
        chosen += [codes[int(i)] for i in rng.integers(len(codes), size=int(
            rng.poisson(INVALID_RATE * len(frame))))]
        event, birth, regency, country, values = GHOST_COLUMNS[source]
        number, passport = IDENTITY[source]
        cell = lambda d: self.dates.format(np.array([d], dtype="datetime64[D]"),  # noqa: E731
                                           habits.date_format)[0]
        base = stable_number("ghost", path) % 10**5
        rows, reasons = [], []
        for k, code in enumerate(chosen):
            row = frame.iloc[int(rng.integers(len(frame)))].to_dict()
            serial = base * 100 + k
            row[number] = f"X{serial:09d}"
            if row.get(passport):
                row[passport] = f"Q0{serial % 10**6:06d}"
            if row.get("NIK") and len(str(row["NIK"])) == 16:
                row["NIK"] = f"{str(row['NIK'])[:12]}0000"
            year = int(rng.integers(2015, 2025))
            if code == "INVALID_DATE":
                column = event if rng.random() < 0.7 else birth
                value = invalid.IMPOSSIBLE_DATES[int(rng.integers(
                    len(invalid.IMPOSSIBLE_DATES)))].format(y=year)
            elif code == "UNKNOWN_REGION":
                column, value = regency, invalid.UNKNOWN_REGIONS[int(rng.integers(
                    len(invalid.UNKNOWN_REGIONS)))]
                row["NIK"] = None
            elif code == "UNKNOWN_COUNTRY":
                column, value = country, invalid.UNKNOWN_COUNTRIES[int(rng.integers(
                    len(invalid.UNKNOWN_COUNTRIES)))]
            elif code == "EVENT_BEFORE_BIRTH":
                when = np.datetime64(day, "D") - np.timedelta64(int(rng.integers(400, 700)), "D")
                row[event] = cell(when)
                column, value = birth, cell(when + np.timedelta64(int(rng.integers(5, 300)),
                                                                  "D"))
            elif code == "UNKNOWN_VALUE":
                column = list(values)[int(rng.integers(len(values)))]
                options = ex.UNKNOWN_VALUES[values[column]]
                value = options[int(rng.integers(len(options)))]
            elif code == "ISSUED_WITHOUT_PASSPORT":
                row.update({"STATUS": "TERBIT", "ALASAN": None,
                            "TANGGAL_TERBIT": row["TANGGAL_PERMOHONAN"]})
                column, value = "NOMOR_PASPOR", ""
            else:  # PASSPORT_WITHOUT_DECISION
                row.update({"STATUS": "DITUNDA", "ALASAN": "DOKUMEN TIDAK LENGKAP",
                            "TANGGAL_TERBIT": row["TANGGAL_PERMOHONAN"]})
                column, value = "NOMOR_PASPOR", f"Q0{serial % 10**6:06d}"
            row[column] = value if value != "" else None
            rows.append(row)
            reasons.append({"column": column, "reason_code": code, "reason": REASONS[code],
                            "value": str(value)})
        return pd.DataFrame(rows, columns=frame.columns), reasons

    def _finish(self, source: str, path: str, frame: pd.DataFrame, habits: Habits,
                rng: Rng, messiness: set[str], day: date, full: bool) -> Table:
        frame = frame.reset_index(drop=True)
        origin = np.arange(len(frame))
        duplicated = np.flatnonzero(rng.random(len(frame)) < DUPLICATE_RATE)
        ghosts, reasons = self._ghosts(source, frame, rng, path, habits, day, full)
        body = pd.concat([frame, frame.iloc[duplicated], ghosts], ignore_index=True)
        tags = np.concatenate([np.full(len(frame), -1), np.full(len(duplicated), -2),
                               np.arange(len(ghosts))])
        position = np.concatenate([origin * 2.0, duplicated * 2.0 + 1,
                                   rng.integers(0, max(len(frame), 1), size=len(ghosts))
                                   * 2.0 + 1.5])
        sort = np.argsort(position, kind="stable")
        body, tags = body.iloc[sort].reset_index(drop=True), tags[sort]
        quarantine = []
        for at in np.flatnonzero(tags != -1):
            entry = ({"column": "", "reason_code": "DUPLICATE_ROW",
                      "reason": REASONS["DUPLICATE_ROW"], "value": ""}
                     if tags[at] == -2 else reasons[tags[at]])
            quarantine.append({"row_number": 2 + int(at), **entry})
        if len(duplicated):
            messiness.add("duplicate_rows")
        if len(ghosts):
            messiness.add("invalid_rows")
        if not len(frame):
            messiness = set()
        messiness.add(f"encoding_{habits.encoding}")
        return Table(source=source, path=path, frame=body, encoding=habits.encoding,
                     newline="\r\n" if habits.encoding == "cp1252" else "\n",
                     quarantine=quarantine, messiness=messiness)
