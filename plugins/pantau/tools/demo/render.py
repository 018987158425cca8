"""From a clean snapshot slice to the cells of one delivered file, messiness included.

Each file gets its own random stream (seeded by the run seed and the file's
path), so files do not depend on the order they are made in. The habits of a
file's system (encoding, date format, how sex is coded) are fixed per office,
province or regency; the clerks' slips (spelling, spacing, duplicates, a few
invalid rows) vary per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from pantau.normalise.regions import region_index
from pantau.sources.catalog import SOURCES
from pantau.tools.demo import invalid, spellings
from pantau.tools.demo.frames import table
from pantau.tools.demo.snapshots import stable_number

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
FILE_LEVEL_MESSINESS = {"extra_columns", "xlsx_title_block"}
EXTRA_COLUMNS = {"KETERANGAN": ("", "", "", "DATA LAMA", "PERPANJANGAN", "VERIFIKASI"),
                 "TGL_UPDATE": None}  # None: a date


@dataclass
class Table:
    """One file's content, ready for a writer."""

    source: str
    path: str  # relative to DIR/landing
    frame: pd.DataFrame  # header -> cell values, in file order
    encoding: str = "utf-8"
    newline: str = "\n"
    title: list[str] = field(default_factory=list)  # XLSX title block above the header
    date_columns: list[str] = field(default_factory=list)  # XLSX: real date cells
    number_columns: list[str] = field(default_factory=list)  # XLSX: numeric cells
    quarantine: list[dict] = field(default_factory=list)
    messiness: set[str] = field(default_factory=set)
    sheet: str | None = None  # XLSX: the sheet's name (None: the manpower office's)
    author: str | None = None  # XLSX: the workbook's author property


@dataclass(frozen=True)
class Habits:
    """How one office's, province's or regency's system writes its exports."""

    encoding: str
    date_format: str
    mixed_dates: bool
    lower_headers: bool
    padded_headers: bool
    extra_column: str | None
    alternative_sex: bool
    date_cells: bool
    title_block: bool
    numeric_nib: bool
    padded_siak: bool
    title_case_names: bool

    @classmethod
    def of(cls, source: str, scope: str, seed: int) -> Habits:
        n = stable_number(seed, source, scope)
        digit = lambda k, base: (n // base ** k) % base  # noqa: E731
        if source == "dukcapil_orang_asing":  # docs/sources.md: the registry writes UTF-8
            encoding = ("utf-8", "utf-8-sig", "utf-8")[digit(0, 3)]
        else:
            encoding = ("utf-8", "utf-8-sig", "cp1252", "utf-8", "cp1252")[digit(0, 5)]
        return cls(
            encoding=encoding,
            date_format=spellings.DATE_FORMATS[digit(1, 3)],
            mixed_dates=digit(2, 5) == 0,
            lower_headers=digit(3, 7) == 0,
            padded_headers=digit(4, 7) == 1,
            extra_column=(None, None, "KETERANGAN", None, "TGL_UPDATE")[digit(5, 5)],
            alternative_sex=digit(6, 3) == 0,
            date_cells=digit(7, 2) == 0,
            title_block=digit(8, 3) == 0,
            numeric_nib=digit(9, 4) == 0,
            padded_siak=digit(10, 2) == 0,
            title_case_names=digit(11, 4) == 0,
        )


class Renderer:
    """Turns clean slices into Tables for one run."""

    def __init__(self, seed: int):
        self.seed = seed
        self.dates = spellings.date_text()

    def rng(self, path: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, stable_number(path)])

    # ------------------------------------------------------------------ helpers

    def _dates(self, rng: np.random.Generator, values: np.ndarray, habits: Habits,
               messiness: set[str], empty_share: float = 0.0) -> np.ndarray:
        out = self.dates.format(values, habits.date_format)
        if habits.mixed_dates and len(out):
            other = [f for f in spellings.DATE_FORMATS if f != habits.date_format]
            slip = rng.random(len(out)) < 0.05
            out[slip] = self.dates.format(values[slip], other[int(rng.integers(2))])
            if slip.any():
                messiness.add("mixed_date_formats")
        if empty_share and len(out):
            empty = rng.random(len(out)) < empty_share
            out[empty] = None
            if empty.any():
                messiness.add("empty_dates")
        messiness.add(f"date_format_{habits.date_format}")
        return out

    def _nationality(self, rng: np.random.Generator, codes: np.ndarray,
                     messiness: set[str], mix=(0.6, 0.1, 0.2, 0.1)) -> np.ndarray:
        out = spellings.nationalities(rng, codes, mix)
        if (out != codes).any():
            messiness.add("nationality_spellings")
        return out

    def _passport(self, rng: np.random.Generator, values: np.ndarray,
                  messiness: set[str]) -> np.ndarray:
        out = spellings.passports(rng, values, messy_share=0.12)
        if (pd.Series(out).fillna("") != pd.Series(values).fillna("")).any():
            messiness.add("passport_variants")
        return out

    def _regions(self, rng: np.random.Generator, codes: np.ndarray,
                 messiness: set[str]) -> np.ndarray:
        out = spellings.regions(rng, codes)
        official = np.array([region_index().regencies[c].name.upper() for c in codes],
                            dtype=object)
        if (out != official).any():
            messiness.add("region_name_variants")
        return out

    def _names(self, values: np.ndarray, habits: Habits) -> np.ndarray:
        if habits.title_case_names:
            return pd.Series(values, dtype=object).str.title().to_numpy(dtype=object)
        return values

    def _date_cell(self, habits: Habits, source: str):
        """How this file writes one date: text in its format, or an Excel date cell."""
        if source == "tenaga_kerja_tka" and habits.date_cells:
            return lambda day: day.astype("datetime64[D]").astype(object)
        return lambda day: self.dates.format(np.array([day]), habits.date_format)[0]

    # ---------------------------------------------------------------- per source

    def permits(self, path: str, scope: str, rows: pd.DataFrame, day: date) -> Table:
        habits = Habits.of("imigrasi_izin_tinggal", scope, self.seed)
        rng, messiness = self.rng(path), set()
        sex = rows["sex"].to_numpy()
        if habits.alternative_sex:
            sex = np.where(sex == "L", "M", "F").astype(object)
            messiness.add("sex_codes_MF")
        visa = rows["visa_index"].to_numpy().astype(object)
        spaced = rng.random(len(visa)) < 0.03
        if spaced.any():
            messiness.add("visa_index_spacing")
        visa[spaced] = pd.Series(visa[spaced], dtype=object).str.replace(
            r"^([A-Z])", r"\1 ", regex=True).to_numpy(dtype=object)
        frame = table({
            "NOMOR_IZIN": rows["permit_number"].to_numpy(),
            "JENIS_IZIN": rows["permit_type"].to_numpy(),
            "INDEKS_VISA": visa,
            "TUJUAN": rows["purpose"].to_numpy(),
            "NAMA_LENGKAP": self._names(rows["full_name"].to_numpy(), habits),
            "JENIS_KELAMIN": sex,
            "TANGGAL_LAHIR": self._dates(rng, rows["birth_date"].to_numpy(), habits, messiness),
            "KEWARGANEGARAAN": self._nationality(rng, rows["nationality"].to_numpy(),
                                                 messiness),
            "NOMOR_PASPOR": self._passport(rng, rows["passport"].to_numpy(), messiness),
            "TGL_HABIS_PASPOR": self._dates(rng, rows["passport_expiry"].to_numpy(), habits,
                                            messiness, empty_share=0.03),
            "PENJAMIN": spellings.company_names(rng, rows["sponsor"].to_numpy(), 0.3),
            "ALAMAT": rows["address"].to_numpy(),
            "KAB_KOTA": self._regions(rng, rows["regency"].to_numpy(), messiness),
            "TGL_TERBIT": self._dates(rng, rows["issue_date"].to_numpy(), habits, messiness),
            "TGL_HABIS": self._dates(rng, rows["expiry_date"].to_numpy(), habits, messiness),
            "STATUS": rows["status"].to_numpy(),
            "KANTOR_IMIGRASI": rows["office_name"].to_numpy(),
        })
        return self._finish("imigrasi_izin_tinggal", path, frame, habits, rng, messiness, day)

    def actions(self, path: str, scope: str, rows: pd.DataFrame, day: date) -> Table:
        habits = Habits.of("imigrasi_tindakan", scope, self.seed)
        rng, messiness = self.rng(path), set()
        frame = table({
            "NOMOR_TINDAKAN": rows["action_number"].to_numpy(),
            "TANGGAL_TINDAKAN": self._dates(rng, rows["action_date"].to_numpy(), habits,
                                            messiness),
            "NAMA_LENGKAP": self._names(rows["full_name"].to_numpy(), habits),
            "NOMOR_PASPOR": self._passport(rng, rows["passport"].to_numpy(), messiness),
            "KEWARGANEGARAAN": self._nationality(rng, rows["nationality"].to_numpy(),
                                                 messiness),
            "JENIS_TINDAKAN": rows["action_type"].to_numpy(),
            "PELANGGARAN": rows["violation"].to_numpy(),
            "KAB_KOTA": self._regions(rng, rows["regency"].to_numpy(), messiness),
            "KANTOR_IMIGRASI": rows["office_name"].to_numpy(),
        })
        return self._finish("imigrasi_tindakan", path, frame, habits, rng, messiness, day)

    def positions(self, path: str, province: str, rows: pd.DataFrame, day: date) -> Table:
        habits = Habits.of("tenaga_kerja_tka", province, self.seed)
        rng, messiness = self.rng(path), set()
        date_columns = ["TANGGAL_LAHIR", "TGL_MULAI", "TGL_SELESAI"]
        frame = table({
            "NO_PENGESAHAN_RPTKA": rows["rptka_number"].to_numpy(),
            "NAMA_PERUSAHAAN": rows["employer_name"].to_numpy(),
            "NIB": rows["nib"].to_numpy(),
            "KBLI": rows["kbli"].to_numpy(),
            "LOKASI_KERJA": spellings.location_lists(rng, rows["locations"].to_numpy()),
            "NAMA_TKA": self._names(rows["worker_name"].to_numpy(), habits),
            "NOMOR_PASPOR": self._passport(rng, rows["passport"].to_numpy(), messiness),
            "KEWARGANEGARAAN": self._nationality(rng, rows["nationality"].to_numpy(),
                                                 messiness, mix=(0.3, 0.1, 0.4, 0.2)),
            "JENIS_KELAMIN": rows["sex"].to_numpy(),
            "TANGGAL_LAHIR": rows["birth_date"].to_numpy(),
            "JABATAN": rows["position_title"].to_numpy(),
            "KODE_JABATAN": rows["occupation_code"].to_numpy(),
            "TGL_MULAI": rows["start_date"].to_numpy(),
            "TGL_SELESAI": rows["end_date"].to_numpy(),
            "DKPTKA_BULAN": rows["dkptka_months"].to_numpy(),
            "DKPTKA_USD": rows["dkptka_usd"].to_numpy(),
            "JUMLAH_PENDAMPING": rows["companions"].to_numpy(),
        })
        if (rows["locations"].str.contains(";")).any():
            messiness.add("multiple_work_locations")
        messiness.add("region_name_variants")
        birth = frame["TANGGAL_LAHIR"].to_numpy()
        # A row without a usable passport keeps its birth date: the build links it by it.
        blank = (rng.random(len(frame)) < 0.02) & (rows["passport_gap"].to_numpy() == 0)
        frame["TANGGAL_LAHIR"] = np.where(blank, np.datetime64("NaT"), birth)
        numbers = ["DKPTKA_BULAN", "DKPTKA_USD", "JUMLAH_PENDAMPING"]
        if habits.date_cells:
            for column in date_columns:
                days = frame[column].to_numpy(dtype="datetime64[D]")
                frame[column] = pd.Series(days.astype(object), dtype=object).where(
                    ~np.isnat(days), None).to_numpy()
            messiness.add("excel_date_cells")
        else:
            for column in date_columns:
                frame[column] = self._dates(rng, frame[column].to_numpy(), habits, messiness)
        if pd.isna(frame["TANGGAL_LAHIR"]).any():
            messiness.add("empty_dates")
        if habits.numeric_nib:
            frame["NIB"] = frame["NIB"].astype(np.int64).to_numpy(dtype=object)
            numbers.append("NIB")
            messiness.add("numeric_cells_for_identifiers")
        for column in ("DKPTKA_BULAN", "DKPTKA_USD", "JUMLAH_PENDAMPING"):
            frame[column] = frame[column].astype(np.int64).to_numpy(dtype=object)
        result = self._finish("tenaga_kerja_tka", path, frame, habits, rng, messiness, day)
        result.date_columns = date_columns if habits.date_cells else []
        result.number_columns = numbers
        if habits.title_block:
            name = region_index().provinces[province].name.upper()
            result.title = ["DATA TENAGA KERJA ASING (TKA) BERDASARKAN RPTKA",
                           f"PROVINSI {name}",
                           f"Keadaan per {day.day} {MONTHS_ID[day.month - 1]} {day.year}", ""]
            for entry in result.quarantine:
                entry["row_number"] += len(result.title)
            result.messiness.add("xlsx_title_block")
        return result

    def registrations(self, path: str, regency: str, rows: pd.DataFrame, day: date) -> Table:
        habits = Habits.of("dukcapil_orang_asing", regency, self.seed)
        rng, messiness = self.rng(path), set()
        style = "padded" if habits.padded_siak else "plain"

        def siak(part: str) -> np.ndarray:
            return rows[f"siak_{part}_{style}"].to_numpy(dtype=object)

        messiness.add("split_siak_codes")
        frame = table({
            "NIK": rows["nik"].to_numpy(),
            "NAMA_LGKP": rows["full_name"].to_numpy(),
            "JENIS_KLMIN": np.where(rows["sex"].to_numpy(), "2", "1").astype(object),
            "TGL_LHR": self._dates(rng, rows["birth_date"].to_numpy(), habits, messiness),
            "KEWARGANEGARAAN": self._nationality(rng, rows["nationality"].to_numpy(),
                                                 messiness, mix=(0.7, 0.1, 0.15, 0.05)),
            "NO_PASPOR": self._passport(rng, rows["passport"].to_numpy(), messiness),
            "NO_IZIN_TINGGAL": rows["permit_number"].to_numpy(),
            "JENIS_DOKUMEN": rows["document_type"].to_numpy(),
            "TGL_TERBIT": self._dates(rng, rows["issue_date"].to_numpy(), habits, messiness),
            "TGL_BERLAKU": self._dates(rng, rows["valid_until"].to_numpy(), habits, messiness),
            "NO_PROP": siak("province"),
            "NO_KAB": siak("regency"),
            "NO_KEC": siak("district"),
            "ALAMAT": rows["address"].to_numpy(),
            "STAT_DOK": rows["status"].to_numpy(),
        })
        if rows["valid_until"].isna().any():
            messiness.add("empty_dates")
        if rows["passport"].isna().any():
            messiness.add("missing_passport_linked_by_permit")
        return self._finish("dukcapil_orang_asing", path, frame, habits, rng, messiness, day)

    # -------------------------------------------------------------------- finish

    def _finish(self, source: str, path: str, frame: pd.DataFrame, habits: Habits,
                rng: np.random.Generator, messiness: set[str], day: date) -> Table:
        """Duplicates, invalid rows, extra columns and header habits; row numbers last."""
        frame = frame.reset_index(drop=True)
        if habits.extra_column:
            values = EXTRA_COLUMNS[habits.extra_column]
            if values is None:
                column = self.dates.format(  # when the clerk last touched the row
                    np.full(len(frame), np.datetime64(day, "D")) - rng.integers(
                        0, 700, size=len(frame)).astype("timedelta64[D]"), habits.date_format)
            else:
                column = np.array(values, dtype=object)[rng.integers(len(values),
                                                                     size=len(frame))]
            frame.insert(int(rng.integers(len(frame.columns) // 2, len(frame.columns) + 1)),
                        habits.extra_column, column)
            messiness.add("extra_columns")
        origin = np.arange(len(frame))
        duplicated = np.flatnonzero(rng.random(len(frame)) < 0.003)
        ghosts = invalid.ghost_rows(source, frame, rng, self._date_cell(habits, source))
        body = pd.concat([frame, frame.iloc[duplicated], ghosts.frame], ignore_index=True)
        # tag: -1 a real row, -2 a duplicate, i >= 0 the i-th invalid row
        tags = np.concatenate([np.full(len(frame), -1), np.full(len(duplicated), -2),
                               np.arange(len(ghosts.frame))])
        # A duplicate follows its original; invalid rows are spread through the file.
        position = np.concatenate([origin * 2.0, duplicated * 2.0 + 1,
                                   rng.integers(0, max(len(frame), 1),
                                                size=len(ghosts.frame)) * 2.0 + 1.5])
        sort = np.argsort(position, kind="stable")
        body, tags = body.iloc[sort].reset_index(drop=True), tags[sort]
        first_row = 2
        quarantine = []
        for at in np.flatnonzero(tags != -1):
            if tags[at] == -2:
                entry = {"column": "", "reason_code": "DUPLICATE_ROW",
                         "reason": "exact copy of the row before it", "value": ""}
            else:
                entry = ghosts.reasons[tags[at]]
            quarantine.append({"row_number": first_row + int(at), **entry})
        if len(duplicated):
            messiness.add("duplicate_rows")
        if len(ghosts.frame):
            messiness.add("invalid_rows")
        if not len(frame):  # an empty register shows only the file's own habits
            messiness &= FILE_LEVEL_MESSINESS
        headers = list(body.columns)
        known = {c.header for c in SOURCES[source].columns}
        if habits.lower_headers:
            headers = [h.lower() if h in known else h for h in headers]
            messiness.add("header_case")
        if habits.padded_headers:
            headers = [f" {h} " if h in known else h for h in headers]
            messiness.add("header_spaces")
        body.columns = headers
        if habits.encoding == "utf-8-sig":
            messiness.add("utf8_bom")
        messiness.add(f"encoding_{habits.encoding.replace('-sig', '')}")
        return Table(source=source, path=path, frame=body, encoding=habits.encoding,
                     newline="\r\n" if habits.encoding == "cp1252" else "\n",
                     quarantine=quarantine, messiness=messiness)
