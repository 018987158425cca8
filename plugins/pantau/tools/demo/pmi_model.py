"""Indonesians leaving to work abroad, and the events the four PMI exports record.

The population is the scope's: people whose origin (the NIK's district) lies in
the scope's regencies, drawn once, vectorised, for two years before the
window and the window itself. Their events (placements, passport applications
and their decisions, departures postponed at a checkpoint, arrivals as
deportees) happen wherever they pass: a Riau worker's passport may come from
the Soekarno-Hatta office, a Kalimantan Tengah deportee arrives at Dumai.

On top of the calibrated flows (``pmi_calibration``) the cases of the seven PMI
rules are planted in every period of the window, on both sides of each edge
(90/180/365 days, the 18th birthday, the office that refused, a cancelled
placement, the returnee's origin against the arrival post): ``PLANTED``. The
truth is not taken from the planting but computed from the clean rows
(``pmi_truth``), so that the background's own cases count as well.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from pantau.config import REFERENCE_DIR
from pantau.tools.demo import names
from pantau.tools.demo import pmi_calibration as cal
from pantau.tools.demo import pmi_exports as ex
from pantau.tools.demo.frames import table
from pantau.tools.demo.model import Window
from pantau.tools.demo.offices import Office
from pantau.tools.demo.snapshots import stable_number
from pantau.tools.demo.timeline import as_day

COVERAGE_MONTHS = 24  # a full export lists the 24 calendar months up to its extraction
DAY = np.timedelta64(1, "D")
NO_DATE = np.datetime64("NaT", "D")
# A few percent of the rows carry an invalid NIK (kind 1: 15 digits, 2: no such
# regency, 3: birth-date digits that do not match): a note, not a held row.
NIK_SLIP_RATE = 0.03
RETURNEE_NIK_SHOWN = 0.4
RETURNEE_PASSPORT_SHOWN = 0.3
PASSPORT_LETTERS = np.array(["B", "C", "E", "X"], dtype=object)
# What the planting makes in every period of the window, per rule (see _plant).
PLANTED = ("PMI_POSTPONED_NO_PLACEMENT", "PMI_NON_WORK_PASSPORT", "PMI_PASSPORT_AFTER_REFUSAL",
           "PMI_CLOSED_DESTINATION", "PMI_UNDERAGE", "PMI_RETURNEE_NO_PLACEMENT",
           "PMI_REPEAT_RETURNEE")


@cache
def destination_rules() -> dict[str, set[str]]:
    """restriction -> alpha-3 codes, from ``reference/pmi_destinations.csv``: the list the
    warehouse's rules read, so that the truth and the build cannot disagree on it."""
    out: dict[str, set[str]] = {}
    with (REFERENCE_DIR / "pmi_destinations.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row["restriction"], set()).add(row["alpha_3"])
    return out


@dataclass
class PmiWorld:
    window: Window
    regencies: list[str]
    provinces: list[str]
    offices: dict[str, str]  # slug -> KANTOR_IMIGRASI, every office that delivers
    home_office: dict[str, str]  # regency -> slug of its own office
    first_extraction: date
    persons: pd.DataFrame
    placements: pd.DataFrame
    applications: pd.DataFrame  # one row per version of an application
    postponements: pd.DataFrame
    returnees: pd.DataFrame
    checkpoints: tuple[ex.Place, ...] = field(default_factory=tuple)
    posts: tuple[ex.Place, ...] = field(default_factory=tuple)
    planted: list[dict] = field(default_factory=list)  # rule, indicated, case
    passport_share: float = 1.0  # of the calibrated passport applications (large scopes)


def coverage_start(day: date) -> np.datetime64:
    """The first day a full export of ``day`` still lists."""
    return (np.datetime64(day, "M") - (COVERAGE_MONTHS - 1)).astype("datetime64[D]")


def add_years(days: np.ndarray, years: int) -> np.ndarray:
    """The same day ``years`` later; 29 February becomes the 28th (as PostgreSQL does)."""
    frame = pd.DatetimeIndex(np.asarray(days, dtype="datetime64[D]"))
    year, month, day = frame.year + years, frame.month, frame.day
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    day = np.where((month == 2) & (day == 29) & ~leap, 28, day)
    text = [f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in zip(year, month, day, strict=True)]
    return np.array(text, dtype="datetime64[D]")


class _Builder:
    """Collects persons and events, big flows vectorised and planted cases one by one."""

    def __init__(self, rng: np.random.Generator, regencies: list[str], home: dict[str, str]):
        self.rng, self.regencies, self.home = rng, regencies, home
        self.persons: list[pd.DataFrame] = []
        self.events: dict[str, list[pd.DataFrame]] = {k: [] for k in (
            "placements", "applications", "postponements", "returnees")}
        self.count = 0

    def people(self, regency: np.ndarray, female: np.ndarray, birth: np.ndarray) -> np.ndarray:
        pid = np.arange(self.count, self.count + len(regency), dtype=np.int64)
        self.count += len(regency)
        self.persons.append(table({"person_id": pid, "regency": regency, "female": female,
                                   "birth_date": np.asarray(birth, dtype="datetime64[D]")}))
        return pid

    def add(self, kind: str, frame: pd.DataFrame) -> None:
        self.events[kind].append(frame)

    def slips(self, size: int) -> np.ndarray:
        slip = self.rng.random(size) < NIK_SLIP_RATE
        return np.where(slip, self.rng.integers(1, 4, size=size), 0)

    def choice(self, shares: dict[str, float], size: int) -> np.ndarray:
        keys = np.array(list(shares), dtype=object)
        p = np.array(list(shares.values()), float)
        return keys[self.rng.choice(len(keys), size=size, p=p / p.sum())]

    def office(self, regency: np.ndarray, elsewhere_share: float) -> np.ndarray:
        home = np.array([self.home[c] for c in regency], dtype=object)
        away = self.rng.random(len(regency)) < elsewhere_share
        national = np.array([slug for slug, _ in ex.NATIONAL_OFFICES], dtype=object)
        home[away] = national[self.rng.choice(len(national), size=int(away.sum()),
                                              p=[0.4, 0.2, 0.1, 0.08, 0.08, 0.08, 0.06])]
        return home


def _days(rng: np.random.Generator, first: np.datetime64, last: np.datetime64,
          size: int) -> np.ndarray:
    span = int((last - first) / DAY) + 1
    return first + rng.integers(0, span, size=size).astype("timedelta64[D]")


def _age_days(rng: np.random.Generator, low: float, high: float, size: int) -> np.ndarray:
    return (rng.uniform(low, high, size=size) * 365.25).astype("timedelta64[D]")


def _draw_regencies(rng: np.random.Generator, codes: list[str], yearly: np.ndarray,
                    years: float) -> np.ndarray:
    counts = rng.poisson(yearly * years)
    return np.repeat(np.array(codes, dtype=object), counts)


# ------------------------------------------------------------------ the flows


def _placements(b: _Builder, regency: np.ndarray, first: np.datetime64,
                last: np.datetime64) -> None:
    rng, size = b.rng, len(regency)
    informal = rng.random(size) < cal.INFORMAL_SHARE
    female = np.where(informal, rng.random(size) < cal.INFORMAL_FEMALE_SHARE,
                      rng.random(size) < cal.FORMAL_FEMALE_SHARE)
    departure = _days(rng, first, last + np.timedelta64(90, "D"), size)
    registered = departure - rng.integers(30, 120, size=size).astype("timedelta64[D]")
    birth = departure - _age_days(rng, 19, 45, size) - np.timedelta64(120, "D")
    pid = b.people(regency, female, birth)
    cancelled = np.where(rng.random(size) < 0.05,
                         registered + rng.integers(5, 25, size=size).astype("timedelta64[D]"),
                         NO_DATE)
    early = rng.random(size) < 0.08
    months = np.where(informal, 24, rng.choice([24, 36], size=size))
    returned = np.where(early, departure + rng.integers(60, 600, size=size).astype(
        "timedelta64[D]"), departure + (months * 30.4).astype("timedelta64[D]"))
    destination = np.where(informal, b.choice(cal.INFORMAL_DESTINATIONS, size),
                           b.choice(cal.FORMAL_DESTINATIONS, size))
    _placement_rows(b, pid, registered, departure, cancelled, returned, months, destination,
                    informal)
    # The work passport, applied for at home a few weeks before (most of them).
    applied = departure - rng.integers(25, 90, size=size).astype("timedelta64[D]")
    _issue(b, pid, regency, applied, "BEKERJA", destination, work=True)


def _placement_rows(b: _Builder, pid: np.ndarray, registered: np.ndarray,
                    departure: np.ndarray, cancelled: np.ndarray, returned: np.ndarray,
                    months: np.ndarray, destination: np.ndarray, informal: np.ndarray,
                    scheme: np.ndarray | None = None) -> None:
    rng, size = b.rng, len(pid)
    jobs = np.where(informal, np.array(cal.INFORMAL_JOBS, dtype=object)[
        rng.integers(len(cal.INFORMAL_JOBS), size=size)], np.array(cal.FORMAL_JOBS, dtype=object)[
        rng.integers(len(cal.FORMAL_JOBS), size=size)])
    scheme = b.choice(cal.SCHEME_SHARE, size) if scheme is None else scheme
    agency = np.array(cal.AGENCIES, dtype=object)[rng.integers(len(cal.AGENCIES), size=size)]
    agency = np.where(np.isin(scheme, ["P TO P", "UKPS"]), agency, None)
    b.add("placements", table({
        "person_id": pid, "registered": registered, "departure": departure,
        "cancelled": cancelled, "returned": returned, "contract_months": months,
        "destination": destination, "job_title": jobs,
        "sector": np.where(informal, "INFORMAL", "FORMAL"), "scheme": scheme, "agency": agency,
        "nik_slip": b.slips(size)}))


def _issue(b: _Builder, pid: np.ndarray, regency: np.ndarray, applied: np.ndarray,
           purpose: np.ndarray | str, destination: np.ndarray | None, *, work: bool = False,
           office: np.ndarray | None = None, elsewhere: float = cal.PASSPORT_OFFICE_ELSEWHERE
           ) -> None:
    """Applications decided TERBIT a few days after they were made."""
    size = len(pid)
    decided = applied + b.rng.integers(1, 8, size=size).astype("timedelta64[D]")
    _applications(b, pid, regency, applied, decided, "TERBIT", None, purpose, destination,
                  work=work, office=office, elsewhere=elsewhere)


def _applications(b: _Builder, pid: np.ndarray, regency: np.ndarray, applied: np.ndarray,
                  decided: np.ndarray, status: np.ndarray | str, reason: np.ndarray | None,
                  purpose: np.ndarray | str, destination: np.ndarray | None, *,
                  work: bool = False, office: np.ndarray | None = None,
                  elsewhere: float = cal.PASSPORT_OFFICE_ELSEWHERE,
                  later: np.ndarray | None = None) -> None:
    """One version per application; ``later``: a second decision (TERBIT) on that day."""
    size = len(pid)
    office = b.office(regency, elsewhere) if office is None else office
    purpose = np.broadcast_to(np.asarray(purpose, dtype=object), size)
    no_destination = b.rng.random(size) < 0.15  # "may be empty": the clerk left it
    destination = (np.full(size, None, dtype=object) if destination is None
                   else np.where(no_destination & ~work, None, destination))
    first = table({
        "person_id": pid, "office": office, "application_date": applied, "decided": decided,
        "version": 0, "status": np.broadcast_to(np.asarray(status, dtype=object), size),
        "reason": (np.full(size, None, dtype=object) if reason is None else reason),
        "purpose": purpose, "destination": destination,
        "recommendation": np.full(size, work), "nik_slip": b.slips(size)})
    first["key"] = np.arange(size)  # filled in with the application id at the end
    b.add("applications", first)
    if later is not None and (~np.isnat(later)).any():
        again = first[~np.isnat(later)].copy()
        again["decided"] = later[~np.isnat(later)]
        again["version"], again["status"], again["reason"] = 1, "TERBIT", None
        b.add("applications", again)


def _travellers(b: _Builder, regency: np.ndarray, first: np.datetime64,
                last: np.datetime64) -> None:
    rng, size = b.rng, len(regency)
    female = rng.random(size) < 0.55
    applied = _days(rng, first, last, size)
    pid = b.people(regency, female, applied - _age_days(rng, 19, 75, size))
    purpose = b.choice(cal.PURPOSE_SHARE, size)
    destination = b.choice(cal.TRAVEL_DESTINATIONS, size)
    destination[purpose == "UMROH"] = "SAU"
    destination[purpose == "HAJI"] = "SAU"
    decided = applied + rng.integers(1, 8, size=size).astype("timedelta64[D]")
    outcome = b.choice({"TERBIT": 1 - sum(cal.APPLICATION_OUTCOMES.values()),
                        **cal.APPLICATION_OUTCOMES}, size)
    status = np.select([outcome == "TERBIT", outcome == "DOKUMEN TIDAK LENGKAP",
                        outcome == "DATA TIDAK SESUAI"], ["TERBIT", "DITUNDA", "DITOLAK"],
                       "BATAL").astype(object)
    reason = np.where(outcome == "TERBIT", None, outcome).astype(object)
    later = np.where((status == "DITUNDA") & (rng.random(size) < cal.LATER_ISSUED_SHARE),
                     decided + rng.integers(20, 60, size=size).astype("timedelta64[D]"),
                     NO_DATE)
    _applications(b, pid, regency, applied, decided, status, reason, purpose, destination,
                  work=False, later=later)


def _withheld(b: _Builder, regency: np.ndarray, first: np.datetime64,
              last: np.datetime64) -> None:
    """Applications held for indication of non-procedural work; some get a passport later."""
    rng, size = b.rng, len(regency)
    female = rng.random(size) < 0.7
    applied = _days(rng, first, last, size)
    pid = b.people(regency, female, applied - _age_days(rng, 19, 45, size))
    purpose = b.choice({"WISATA": 0.6, "UMROH": 0.2, "KUNJUNGAN KELUARGA": 0.2}, size)
    destination = b.choice(cal.NON_PROCEDURAL_DESTINATIONS, size)
    decided = applied + rng.integers(1, 5, size=size).astype("timedelta64[D]")
    status = np.where(rng.random(size) < 0.6, "DITUNDA", "DITOLAK").astype(object)
    _applications(b, pid, regency, applied, decided, status,
                  np.full(size, ex.NON_PROCEDURAL, dtype=object), purpose, destination)
    again = rng.random(size) < 0.25  # tries again at another office (or the same one)
    if again.any():
        retry = applied[again] + rng.integers(30, 300, size=int(again.sum())).astype(
            "timedelta64[D]")
        _issue(b, pid[again], regency[again], retry, purpose[again], destination[again],
               elsewhere=0.7)


def _checkpoint(b: _Builder, regency: np.ndarray, provinces: list[str]) -> np.ndarray:
    weights = dict(cal.CHECKPOINT_WEIGHTS)
    out = b.choice({k: v for k, v in weights.items() if v > 0}, len(regency))
    for province, (token, share) in cal.LOCAL_CHECKPOINT_SHARE.items():
        if province not in provinces:
            continue
        local = (np.array([c[:2] for c in regency]) == province) & (
            b.rng.random(len(regency)) < share)
        out[local] = token
    return out


def _post(b: _Builder, regency: np.ndarray, provinces: list[str]) -> np.ndarray:
    out = b.choice({k: v for k, v in cal.POST_WEIGHTS.items() if v > 0}, len(regency))
    for province, (token, share) in cal.LOCAL_POST_SHARE.items():
        if province not in provinces:
            continue
        local = (np.array([c[:2] for c in regency]) == province) & (
            b.rng.random(len(regency)) < share)
        out[local] = token
    return out


def _postponement_rows(b: _Builder, pid: np.ndarray, day: np.ndarray, checkpoint: np.ndarray,
                       destination: np.ndarray, purpose: np.ndarray, reason: np.ndarray) -> None:
    b.add("postponements", table({
        "person_id": pid, "date": day, "checkpoint": checkpoint, "destination": destination,
        "purpose": purpose, "reason": reason,
        "handed_to": b.choice(cal.HANDED_TO_SHARE, len(pid)), "nik_slip": b.slips(len(pid))}))


def _postponed(b: _Builder, regency: np.ndarray, first: np.datetime64, last: np.datetime64,
               provinces: list[str]) -> None:
    rng, size = b.rng, len(regency)
    day = _days(rng, first, last, size)
    pid = b.people(regency, rng.random(size) < 0.6, day - _age_days(rng, 19, 45, size)
                   - np.timedelta64(420, "D"))
    purpose = b.choice({"WISATA": 0.55, "UMROH": 0.15, "KUNJUNGAN KELUARGA": 0.15,
                        "BEROBAT": 0.05, "BEKERJA": 0.05, "LAINNYA": 0.05}, size)
    destination = b.choice(cal.NON_PROCEDURAL_DESTINATIONS, size)
    _postponement_rows(b, pid, day, _checkpoint(b, regency, provinces), destination, purpose,
                       b.choice(cal.POSTPONEMENT_REASON_SHARE, size))
    fresh = rng.random(size) < 0.7  # the passport was made for this journey
    if fresh.any():
        n = int(fresh.sum())
        applied = day[fresh] - rng.integers(10, 400, size=n).astype("timedelta64[D]")
        _issue(b, pid[fresh], regency[fresh], applied, purpose[fresh], destination[fresh])
    placed = rng.random(size) < 0.15  # stopped, though on the way to a placement
    if placed.any():
        n = int(placed.sum())
        departure = day[placed] + rng.integers(5, 60, size=n).astype("timedelta64[D]")
        _placement_rows(b, pid[placed], departure - np.timedelta64(60, "D"), departure,
                        np.full(n, NO_DATE), departure + np.timedelta64(730, "D"),
                        np.full(n, 24), np.full(n, "MYS", dtype=object), np.zeros(n, bool))


def _returnee_rows(b: _Builder, pid: np.ndarray, arrival: np.ndarray, post: np.ndarray,
                   country: np.ndarray, case: np.ndarray, show_nik: np.ndarray | None = None,
                   show_passport: np.ndarray | None = None) -> None:
    size = len(pid)
    b.add("returnees", table({
        "person_id": pid, "arrival": arrival, "post": post, "country": country, "case": case,
        "show_nik": (b.rng.random(size) < RETURNEE_NIK_SHOWN) if show_nik is None
        else show_nik,
        "show_passport": (b.rng.random(size) < RETURNEE_PASSPORT_SHOWN)
        if show_passport is None else show_passport,
        "nik_slip": b.slips(size)}))


def _returned(b: _Builder, regency: np.ndarray, first: np.datetime64, last: np.datetime64,
              provinces: list[str]) -> None:
    rng, size = b.rng, len(regency)
    arrival = _days(rng, first, last, size)
    placed = rng.random(size) < cal.RETURNEE_WITH_PLACEMENT
    departure = arrival - rng.integers(180, 700, size=size).astype("timedelta64[D]")
    pid = b.people(regency, rng.random(size) < 0.45,
                   departure - _age_days(rng, 19, 45, size) - np.timedelta64(120, "D"))
    case = b.choice(cal.CASE_SHARE, size)
    _returnee_rows(b, pid, arrival, _post(b, regency, provinces),
                   b.choice(cal.RETURNEE_COUNTRIES, size), case)
    if placed.any():
        n = int(placed.sum())
        _placement_rows(b, pid[placed], departure[placed] - np.timedelta64(60, "D"),
                        departure[placed], np.full(n, NO_DATE), arrival[placed],
                        np.full(n, 24), np.full(n, "MYS", dtype=object), rng.random(n) < 0.5)
    again = (rng.random(size) < cal.REPEAT_RETURNEE) & np.isin(case, ex.DEPORTATION_CASES)
    if again.any():
        n = int(again.sum())
        second = arrival[again] + rng.integers(60, 500, size=n).astype("timedelta64[D]")
        keep = second <= last
        if keep.any():
            _returnee_rows(b, pid[again][keep], second[keep],
                           _post(b, regency[again][keep], provinces),
                           np.full(int(keep.sum()), "MYS", dtype=object),
                           case[again][keep])


def _floors(b: _Builder, offices: list[str], checkpoints: list[str], posts: list[str],
            first: np.datetime64, last: np.datetime64) -> None:
    """Every office decides, every checkpoint postpones, every post receives someone each
    month: a real one always does, and the scope's share of a busy place must not make a
    sparse file whose row count the gate would take for a collapsed export."""
    rng = b.rng
    months = np.arange(first.astype("datetime64[M]"), last.astype("datetime64[M]") + 1)
    starts = months.astype("datetime64[D]")

    def each(places: list[str], per_month: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        place = np.tile(np.repeat(np.array(places, dtype=object), per_month), len(months))
        day = np.repeat(starts, len(places) * per_month) + rng.integers(
            0, 20, size=len(place)).astype("timedelta64[D]")
        regency = np.array(b.regencies, dtype=object)[rng.integers(len(b.regencies),
                                                                   size=len(place))]
        return place, day, regency

    office, day, regency = each(offices, 1)
    pid = b.people(regency, rng.random(len(day)) < 0.5, day - _age_days(rng, 19, 70, len(day)))
    purpose = b.choice(cal.PURPOSE_SHARE, len(day))
    _issue(b, pid, regency, day, purpose, b.choice(cal.TRAVEL_DESTINATIONS, len(day)),
           work=False, office=office)
    for places, rows in ((checkpoints, "postponements"), (posts, "returnees")):
        place, day, regency = each(places, 2)
        pid = b.people(regency, rng.random(len(day)) < 0.5,
                       day - _age_days(rng, 19, 45, len(day)) - np.timedelta64(420, "D"))
        if rows == "postponements":
            _postponement_rows(b, pid, day, place, b.choice(cal.NON_PROCEDURAL_DESTINATIONS,
                                                            len(day)),
                               b.choice({"WISATA": 0.7, "KUNJUNGAN KELUARGA": 0.3}, len(day)),
                               b.choice(cal.POSTPONEMENT_REASON_SHARE, len(day)))
        else:
            _returnee_rows(b, pid, day, place, b.choice(cal.RETURNEE_COUNTRIES, len(day)),
                           b.choice(cal.CASE_SHARE, len(day)))


# ------------------------------------------------------------------ planted cases


class _Planter:
    """The rules' cases, one person each, on both sides of every edge of the definitions."""

    def __init__(self, b: _Builder, regencies: list[str], provinces: list[str]):
        self.b, self.regencies, self.provinces = b, regencies, provinces
        self.turn, self.last, self.label = 0, -1, ""
        self.w0 = self.t = self.mid = self.late = np.datetime64("2000-01-01")
        self.checkpoint = self.post = ""
        self.cases: list[dict] = []

    def regency(self, province: str | None = None) -> str:
        pool = [c for c in self.regencies if province is None or c.startswith(f"{province}.")]
        pool = pool or self.regencies
        self.turn += 1
        return pool[(self.turn * 7) % len(pool)]

    def person(self, regency: str, birth: np.datetime64, female: bool = True) -> int:
        """A new person; the cases noted next are about this one."""
        self.last = int(self.b.people(np.array([regency], dtype=object), np.array([female]),
                                      np.array([birth]))[0])
        return self.last

    def adult(self, regency: str, on: np.datetime64, female: bool = True) -> int:
        return self.person(regency, on - np.timedelta64(9000 + 37 * self.turn, "D"), female)

    def note(self, rule: str, hit: bool, what: str) -> None:
        self.cases.append({"period": self.label, "rule": rule, "person_id": self.last,
                           "indicated": hit, "case": what})

    def place(self, pid: int, departure: np.datetime64, *, destination: str = "MYS",
              informal: bool = False, cancelled: bool = False, returned: np.datetime64 = NO_DATE
              ) -> None:
        one = np.array
        _placement_rows(self.b, one([pid]), one([departure - np.timedelta64(45, "D")]),
                        one([departure]),
                        one([departure - np.timedelta64(20, "D") if cancelled else NO_DATE]),
                        one([returned if not np.isnat(returned)
                             else departure + np.timedelta64(730, "D")]), one([24]),
                        one([destination], dtype=object), one([informal]),
                        scheme=one(["P TO P"], dtype=object))
        self.b.events["placements"][-1]["nik_slip"] = 0

    def postpone(self, pid: int, day: np.datetime64, *, reason: str = ex.NON_PROCEDURAL,
                 checkpoint: str = "SOEKARNOHATTA", destination: str = "MYS",
                 purpose: str = "WISATA") -> None:
        one = np.array
        _postponement_rows(self.b, one([pid]), one([day]), one([checkpoint], dtype=object),
                           one([destination], dtype=object), one([purpose], dtype=object),
                           one([reason], dtype=object))
        self.b.events["postponements"][-1]["nik_slip"] = 0

    def apply(self, pid: int, regency: str, applied: np.datetime64, status: str,
              reason: str | None, purpose: str, office: str, decided: np.datetime64) -> None:
        one = np.array
        _applications(self.b, one([pid]), one([regency], dtype=object), one([applied]),
                      one([decided]), status, one([reason], dtype=object), purpose,
                      one(["MYS"], dtype=object), work=purpose == "BEKERJA",
                      office=one([office], dtype=object))
        self.b.events["applications"][-1]["nik_slip"] = 0

    def arrive(self, pid: int, day: np.datetime64, case: str, post: str, *,
               show_nik: bool = True) -> None:
        one = np.array
        _returnee_rows(self.b, one([pid]), one([day]), one([post], dtype=object),
                       one(["MYS"], dtype=object), one([case], dtype=object),
                       one([show_nik]), one([False]))
        self.b.events["returnees"][-1]["nik_slip"] = 0

    def period(self, label: str, start: date, end: date) -> None:
        """Every rule's cases, in the period from ``start`` to ``end``."""
        self.label = label
        self.w0, self.t = as_day(start), as_day(end)
        self.mid = self.w0 + (self.t - self.w0) // 2
        self.late = self.t - np.timedelta64(2, "D")
        riau = "14" in self.provinces
        self.checkpoint = "DUMAI" if riau else "BATAMCENTER"
        self.post = "DUMAI" if riau else "NUNUKAN"
        self._postponed_cases()
        self._passport_cases()
        self._refusal_cases()
        self._closed_cases()
        self._underage_cases()
        self._returnee_cases()
        self._repeat_cases()

    def _postponed_cases(self) -> None:
        w0 = self.w0
        t = self.t
        mid = self.mid
        late = self.late
        checkpoint = self.checkpoint
        rule = "PMI_POSTPONED_NO_PLACEMENT"
        # 1. Postponed without a placement within 90 days (a cancelled one is none).
        p = self.adult(self.regency("14"), w0)
        self.postpone(p, w0, checkpoint=checkpoint)
        self.note(rule, True, "no placement, first day of the period")
        p = self.adult(self.regency("14"), t)
        self.place(p, t - np.timedelta64(90, "D"))
        self.postpone(p, t, checkpoint=checkpoint)
        self.note(rule, False, "placement departed 90 days before, on the last day")
        p = self.adult(self.regency(), mid)
        self.place(p, mid - np.timedelta64(91, "D"))
        self.postpone(p, mid)
        self.note(rule, True, "placement departed 91 days before")
        p = self.adult(self.regency(), mid)
        self.place(p, mid - np.timedelta64(10, "D"), cancelled=True)
        self.postpone(p, mid, reason=ex.TRAFFICKING)
        self.note(rule, True, "only a cancelled placement")
        p = self.adult(self.regency(), late)
        self.place(p, t + np.timedelta64(40, "D"))  # in process on t: no departure date yet
        self.postpone(p, late)
        self.note(rule, False, "placement in process (no departure date)")
        p = self.adult(self.regency(), mid)
        self.postpone(p, mid, reason="DOKUMEN TIDAK SAH")
        self.note(rule, False, "postponed for another reason")

    def _passport_cases(self) -> None:
        t = self.t
        mid = self.mid
        # 2. A non-work passport issued in the 180 days before the postponement.
        rule = "PMI_NON_WORK_PASSPORT"
        for days, purpose, reason, hit in ((180, "WISATA", ex.NON_PROCEDURAL, True),
                                           (181, "UMROH", ex.TRAFFICKING, False),
                                           (5, "KUNJUNGAN KELUARGA", ex.NON_PROCEDURAL, True),
                                           (30, "BEKERJA", ex.NON_PROCEDURAL, False),
                                           (0, "BEROBAT", ex.TRAFFICKING, True)):
            day = t if days == 5 else mid
            p = self.adult(r := self.regency(), day)
            issued = day - np.timedelta64(days, "D")
            self.apply(p, r, issued - np.timedelta64(4, "D"), "TERBIT", None, purpose,
                       self.b.home[r], issued)
            self.postpone(p, day, reason=reason, purpose=purpose)
            self.note(rule, hit, f"{purpose} passport {days} days before")

    def _refusal_cases(self) -> None:
        w0 = self.w0
        t = self.t
        mid = self.mid
        # 3. A passport after a refusal for indication of non-procedural work elsewhere.
        rule = "PMI_PASSPORT_AFTER_REFUSAL"
        for days, status, reason, same, hit in (
                (365, "DITOLAK", ex.NON_PROCEDURAL, False, True),
                (366, "DITOLAK", ex.NON_PROCEDURAL, False, False),
                (100, "DITOLAK", ex.NON_PROCEDURAL, True, False),
                (40, "DITUNDA", ex.NON_PROCEDURAL, False, True),
                (30, "DITOLAK", "DOKUMEN TIDAK LENGKAP", False, False)):
            issued = t if days == 40 else (w0 if days == 365 else mid)
            p = self.adult(r := self.regency(), issued)
            home = self.b.home[r]
            refused_at = home if same else "SOEKARNOHATTA" if home != "SOEKARNOHATTA" else "BATAM"
            refused = issued - np.timedelta64(days, "D")
            self.apply(p, r, refused, status, reason, "WISATA", refused_at,
                       refused + np.timedelta64(2, "D"))
            self.apply(p, r, issued - np.timedelta64(3, "D"), "TERBIT", None, "WISATA", home,
                       issued)
            self.note(rule, hit, f"{status} {reason} {days} days before, "
                                 f"{'same' if same else 'other'} office")

    def _closed_cases(self) -> None:
        w0 = self.w0
        t = self.t
        mid = self.mid
        late = self.late
        bangka = "19" in self.provinces
        # 4. Closed destinations and the Middle-East moratorium for informal work.
        rule = "PMI_CLOSED_DESTINATION"
        for code, day in (("KHM", w0), ("MMR", t), ("LAO", mid), ("KHM", late)):
            p = self.adult(self.regency("19" if bangka else None), day)
            self.postpone(p, day, reason=ex.TRAFFICKING if code == "KHM" else "LAINNYA",
                          destination=code)
            self.note(rule, True, f"postponed on the way to {code}")
        for destination, informal, hit in (("SAU", True, True), ("SAU", False, False),
                                           ("HKG", True, False), ("QAT", True, True)):
            p = self.adult(self.regency(), mid)
            self.place(p, mid, destination=destination, informal=informal)
            self.note(rule, hit, f"{'informal' if informal else 'formal'} to {destination}")

    def _underage_cases(self) -> None:
        w0 = self.w0
        t = self.t
        mid = self.mid
        # 5. Under 18 on the day (the 18th birthday itself is not under age).
        rule = "PMI_UNDERAGE"
        for day, years_days, what, hit in ((mid, 0, "placement on the 18th birthday", False),
                                           (mid, 1, "placement the day before", True)):
            birth = add_years(np.array([day]), -18)[0] + np.timedelta64(years_days, "D")
            self.place(self.person(self.regency(), birth), day)
            self.note(rule, hit, what)
        birth = add_years(np.array([t]), -18)[0]
        self.postpone(self.person(self.regency(), birth), t)
        self.note(rule, False, "postponed on the 18th birthday")
        birth = add_years(np.array([w0]), -16)[0]
        self.postpone(self.person(self.regency(), birth), w0)
        self.note(rule, True, "postponed at 16")

    def _returnee_cases(self) -> None:
        w0 = self.w0
        t = self.t
        mid = self.mid
        post = self.post
        # 6. Deportees without a placement record; the origin, not the arrival post.
        rule = "PMI_RETURNEE_NO_PLACEMENT"
        r = self.regency("62" if "62" in self.provinces else None)
        self.arrive(p := self.adult(r, w0), w0, "TANPA DOKUMEN", post)
        self.note(rule, True, f"no placement, from {r} through {post}")
        p = self.adult(r := self.regency(), mid)
        self.place(p, mid - np.timedelta64(200, "D"), cancelled=True)
        self.arrive(p, mid, "OVERSTAY", "NUNUKAN")
        self.note(rule, True, "only a cancelled placement")
        p = self.adult(r := self.regency(), mid)
        self.place(p, mid - np.timedelta64(400, "D"), returned=mid)
        self.arrive(p, mid, "PENYALAHGUNAAN IZIN TINGGAL", "TANJUNGPINANG")
        self.note(rule, False, "a placement that came home")
        self.arrive(p := self.adult(self.regency(), mid), mid, "SAKIT", "BATAM")
        self.note(rule, False, "repatriated sick: no deportee")
        self.arrive(p := self.adult(self.regency(), t), t, "TANPA DOKUMEN", post,
                    show_nik=False)
        self.note(rule, True, "no NIK on the row: linked by name and birth date")

    def _repeat_cases(self) -> None:
        w0 = self.w0
        t = self.t
        mid = self.mid
        post = self.post
        # 7. Deported again.
        rule = "PMI_REPEAT_RETURNEE"
        p = self.adult(self.regency(), mid)
        self.arrive(p, mid - np.timedelta64(200, "D"), "OVERSTAY", "NUNUKAN")
        self.arrive(p, mid, "TANPA DOKUMEN", post)
        self.note(rule, True, "deported 200 days before")
        p = self.adult(self.regency(), mid)
        self.arrive(p, mid - np.timedelta64(100, "D"), "SAKIT", "BATAM")
        self.arrive(p, mid, "TANPA DOKUMEN", "BATAM")
        self.note(rule, False, "came home sick before")
        p = self.adult(self.regency(), t)
        self.arrive(p, w0, "TANPA DOKUMEN", post)
        self.arrive(p, t, "OVERSTAY", post)
        self.note(rule, True, "twice in the period")


# ------------------------------------------------------------------ persons


@cache
def _districts() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    with (REFERENCE_DIR / "districts.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row["regency_code"], []).append(row["code"])
    return {k: tuple(v) for k, v in out.items()}


def nik_digits(district: np.ndarray, birth: np.ndarray, female: np.ndarray,
               serial: np.ndarray) -> np.ndarray:
    """16-digit NIKs: district code, DDMMYY (DD + 40 for women), a 4-digit serial."""
    frame = pd.DatetimeIndex(np.asarray(birth, dtype="datetime64[D]"))
    day = frame.day.to_numpy() + np.where(female, 40, 0)
    head = pd.Series(district, dtype=object).str.replace(".", "", regex=False)
    dd = pd.Series(day).astype(str).str.zfill(2)
    mm = pd.Series(frame.month.to_numpy()).astype(str).str.zfill(2)
    yy = pd.Series(frame.year.to_numpy() % 100).astype(str).str.zfill(2)
    tail = pd.Series(serial).astype(str).str.zfill(4)
    return (head + dd + mm + yy + tail).to_numpy(dtype=object)


def _finish_persons(rng: np.random.Generator, persons: pd.DataFrame, seed: int) -> pd.DataFrame:
    size = len(persons)
    regency = persons["regency"].to_numpy(dtype=object)
    district = np.empty(size, dtype=object)
    pick = rng.integers(1 << 30, size=size)
    for code in pd.unique(regency):
        at = np.flatnonzero(regency == code)
        options = np.array(_districts().get(code) or (f"{code}.99",), dtype=object)
        district[at] = options[pick[at] % len(options)]
    female = persons["female"].to_numpy(dtype=bool)
    birth = persons["birth_date"].to_numpy(dtype="datetime64[D]")
    pool = names.name_pool("IDN", seed * 1000 + 999)

    def draw(is_female: np.ndarray) -> np.ndarray:
        n = len(is_female)
        first = np.where(is_female, pool.female[rng.integers(len(pool.female), size=n)],
                         pool.male[rng.integers(len(pool.male), size=n)])
        last = pool.last[rng.integers(len(pool.last), size=n)]
        # Always two words: a one-word name (GANDA, KARTIKA) is also a word of other
        # columns and texts, where no one could tell it from a leaked name.
        return (first + " " + last).astype(object)

    full = draw(female)
    # No two people share name, birth date and origin: the last link key must hold.
    for _ in range(50):
        clash = pd.DataFrame({"n": full, "b": birth, "r": regency}).duplicated().to_numpy()
        if not clash.any():
            break
        full[clash] = draw(female[clash])
    serial = pd.DataFrame({"d": district, "b": birth, "f": female}).groupby(
        ["d", "b", "f"], sort=False).cumcount().to_numpy() + 1
    pid = persons["person_id"].to_numpy(dtype=np.int64)
    scrambled = (pid * 7_368_787 + int(rng.integers(10**7))) % 10**7
    passport = PASSPORT_LETTERS[pid % 4] + pd.Series(scrambled).astype(str).str.zfill(
        7).to_numpy(dtype=object)
    return persons.assign(district=district, full_name=full,
                          nik=nik_digits(district, birth, female, serial), passport=passport)


def build_pmi_world(regencies: list[str], window: Window, seed: int,
                    offices: dict[str, Office],
                    passport_cap: int | None = cal.PASSPORT_SAMPLE_ABOVE_PER_YEAR) -> PmiWorld:
    """The scope's emigrants and their events from two years before the window to its end.

    ``passport_cap``: passport applications a year above which they are sampled
    (None: the full calibrated volume, as the national benchmark wants it).
    """
    rng = np.random.default_rng([seed, stable_number("pmi")])
    provinces = sorted({c[:2] for c in regencies})
    home = {c: offices[c].slug for c in regencies}
    office_names = {offices[c].slug: offices[c].name for c in regencies}
    office_names.update(dict(ex.NATIONAL_OFFICES))
    first_extraction = window.months[0].end
    first = coverage_start(first_extraction)
    last = as_day(window.end)
    years = float((last - first) / DAY + 1) / 365.25
    b = _Builder(rng, regencies, home)
    yearly = cal.yearly_counts(regencies)
    passport_share = (1.0 if passport_cap is None
                      else min(1.0, passport_cap / yearly["passports"].sum()))
    yearly["passports"] = yearly["passports"] * passport_share
    _placements(b, _draw_regencies(rng, regencies, yearly["placements"], years), first, last)
    _travellers(b, _draw_regencies(rng, regencies, yearly["passports"], years), first, last)
    _withheld(b, _draw_regencies(rng, regencies, yearly["withheld"], years), first, last)
    _postponed(b, _draw_regencies(rng, regencies, yearly["postponements"], years), first, last,
               provinces)
    _returned(b, _draw_regencies(rng, regencies, yearly["returnees"], years), first, last,
              provinces)
    _floors(b, sorted(office_names), [p.token for p in ex.places_for(ex.CHECKPOINTS, provinces)],
            [p.token for p in ex.places_for(ex.POSTS, provinces)], first, last)
    planter = _Planter(b, regencies, provinces)
    for which in (window.previous, window.period):
        planter.period(which.label, which.start, which.end)
    persons = _finish_persons(rng, pd.concat(b.persons, ignore_index=True), seed)
    frames = {k: pd.concat(v, ignore_index=True) for k, v in b.events.items()}
    placements = frames["placements"]
    placements.insert(0, "placement_id", np.arange(len(placements), dtype=np.int64))
    applications = frames["applications"]
    # An application's versions share its id: number the first versions, carry to the rest.
    applications = _number_applications(applications)
    postponements = frames["postponements"]
    postponements.insert(0, "postponement_id", np.arange(len(postponements), dtype=np.int64))
    returnees = frames["returnees"]
    returnees.insert(0, "register_id", np.arange(len(returnees), dtype=np.int64))
    world = PmiWorld(window=window, regencies=regencies, provinces=provinces,
                     offices=office_names, home_office=home,
                     first_extraction=first_extraction, persons=persons,
                     placements=placements, applications=applications,
                     postponements=postponements, returnees=returnees,
                     checkpoints=ex.places_for(ex.CHECKPOINTS, provinces),
                     posts=ex.places_for(ex.POSTS, provinces), planted=planter.cases,
                     passport_share=passport_share)
    return world


def _number_applications(versions: pd.DataFrame) -> pd.DataFrame:
    """Application ids: versions 0 in order, a version 1 takes the id of its version 0.

    Each chunk added by ``_applications`` holds its version 0 rows first with a
    running ``key``; the optional version 1 chunk right after it repeats keys.
    """
    chunk = (versions["key"].to_numpy() == 0) & (versions["version"].to_numpy() == 0)
    chunk_id = np.cumsum(chunk)
    first = versions["version"].to_numpy() == 0
    ids = np.full(len(versions), -1, dtype=np.int64)
    ids[first] = np.arange(int(first.sum()))
    lookup = pd.Series(ids[first], index=pd.MultiIndex.from_arrays(
        [chunk_id[first], versions["key"].to_numpy()[first]]))
    later = ~first
    if later.any():
        ids[later] = lookup.loc[list(zip(chunk_id[later], versions["key"].to_numpy()[later],
                                         strict=True))].to_numpy()
    return versions.drop(columns="key").assign(application_id=ids)

