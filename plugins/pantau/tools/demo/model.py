"""The synthetic world behind the exports: people, their permits, positions, registrations.

Everything is drawn once, vectorised, for the whole window (the period and the
one before it); the snapshots (``snapshots.py``) then read the world on each
extraction date. Discrepancies are not written into the files by hand: they
follow from planted facts (a worker whose permit was never renewed, a position
without a companion), and ``truth.py`` finds them with the rules of docs/warehouse.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pantau.normalise.regions import region_index
from pantau.periods import Period
from pantau.tools.demo import calibration, names, operations, vocab
from pantau.tools.demo.frames import table
from pantau.tools.demo.offices import Office, office_map, place_name
from pantau.tools.demo.timeline import as_day, current_term, day_of_month, make_date, month_index

# Rates of the planted facts. Each stays a few percent at most, as in the field.
RATES = {
    "newcomers_per_month": 0.010,  # share of the present who arrive each month
    "departures_per_month": 0.007,  # share who leave each month (permit status EPO)
    "worker_no_permit": 0.015,  # TKA without a work stay permit (TKA_NO_PERMIT) ...
    "no_permit_on_visit_permit": 0.5,  # ... half of them working on a visit permit (ITK)
    "worker_no_rptka": 0.015,  # work permit without an RPTKA position (PERMIT_NO_RPTKA)
    "permit_lapse": 0.04,  # of permits due for renewal in the window: not renewed
    "rptka_lapse": 0.05,  # of RPTKA terms ending in the window: not renewed (RPTKA_EXPIRED)
    "restricted_position": 0.007,  # personnel/HR positions (RESTRICTED_POSITION)
    "dkptka_underpaid": 0.025,  # fewer DKPTKA months paid than run (DKPTKA_UNDERPAID)
    "no_companion": 0.03,  # no Indonesian companion worker (NO_COMPANION)
    "work_elsewhere": 0.006,  # works in another regency than the residence (REGION_MISMATCH)
    "multi_location": 0.05,  # a position at two work locations of one province
    "unregistered": 0.03,  # ITAS/ITAP holder without SKTT/KTP-el (PERMIT_NO_REGISTRATION)
    "registered_elsewhere": 0.01,  # registered in another regency (REGION_MISMATCH)
    "converted": 0.02,  # family ITAS converted to ITAP in the window (ALIH STATUS)
    "revoked": 0.0005,  # permit revoked (DICABUT), then deported
    "registry_no_passport": 0.03,  # registry row without passport: linked by permit number
    "rptka_no_passport": 0.02,  # RPTKA row without passport: counted, linked by name + birth
    "rptka_bad_passport": 0.01,  # RPTKA row whose passport is malformed: the same
    "action_no_passport": 0.02,  # action row without passport: counted, unlinked
    "action_bad_passport": 0.01,  # action row whose passport is malformed: the same
    "namesake": 0.15,  # of the passport-less RPTKA rows: another worker shares name + birth
    "registry_open_validity": 0.03,  # KTP-el WNA without a TGL_BERLAKU
    "visit_extended": 0.4,  # visitors who extend their visit permit once
    # Employers that hide workers (issue 25): a share of each province's employers,
    # at least min(10, a quarter) of them, whose workers carry the rates below
    # instead of the ones above (truth/employers.csv says which).
    "non_compliant_employers": 0.04,
    "hidden_no_permit": 0.20,  # their workers without a work permit (half on an ITK)
    "hidden_no_rptka": 0.15,  # their work-permit holders without an RPTKA position
    "hidden_permit_lapse": 0.15,  # their workers' permits not renewed
    "hidden_no_companion": 0.15,  # their positions without an Indonesian companion
    "hidden_revoked": 0.02,  # their workers' permits revoked, the workers deported
}
NO_LIMIT = 999  # last term of a permit that is renewed as long as the holder stays
LISTED_AFTER_END_DAYS = 30  # ended permits and positions stay in the exports this long
HISTORY_YEARS = 4  # arrivals of the people present at the start of the window
LOCAL_EMPLOYER_SHARE = 0.4
# Permits and positions start (and so renew) on days 1..25: every month has
# them, and no renewal falls between the registry's extraction (the last three
# days of a month, February's 26th at the earliest) and the immigration one, so
# a registry row always names a permit number the immigration export lists.
MAX_START_DAY = 25


@dataclass(frozen=True)
class Window:
    """The period asked for, the one before it, and their months.

    ``length``: the window reaches back that many months instead, ending with the
    period (a longer history, as the five-year backfill bench wants); the truth
    is still told for the period and the one before it.
    """

    period: Period
    previous: Period
    length: int | None = None

    @classmethod
    def of(cls, period: Period, months: int | None = None) -> Window:
        window = cls(period, period.previous(), months)
        shortest = period.previous().months_long + period.months_long
        if months is not None and months < shortest:
            raise ValueError(f"a window ending with {period} spans at least {shortest} months")
        return window

    @property
    def months(self) -> list[Period]:
        months = self.previous.months() + self.period.months()
        while self.length is not None and len(months) < self.length:
            months.insert(0, months[0].previous())
        return months

    @property
    def start(self) -> date:
        return self.months[0].start

    @property
    def end(self) -> date:
        return self.period.end

    @property
    def month_count(self) -> int:
        return len(self.months)


@dataclass
class World:
    window: Window
    regencies: list[str]
    offices: dict[str, Office]
    people: pd.DataFrame
    streams: pd.DataFrame  # stay permits: one row per permit line of a person
    positions: pd.DataFrame
    registrations: pd.DataFrame
    employers: pd.DataFrame  # with non_compliant: the employers that hide workers
    actions: pd.DataFrame
    operations: pd.DataFrame | None = None  # TIMPORA visits (operations.py)


def _uniform_days(rng: np.random.Generator, first: date, last: date, size: int) -> np.ndarray:
    """Random dates in the months of [first, last] on a day of month up to MAX_START_DAY."""
    months = rng.integers(month_index(np.array([as_day(first)]))[0],
                          month_index(np.array([as_day(last)]))[0] + 1, size=size)
    return make_date(months, rng.integers(1, MAX_START_DAY + 1, size=size))


def _shares(weights: np.ndarray) -> np.ndarray:
    return weights / weights.sum() if weights.sum() else weights


def spread_weights(codes: list[str]) -> dict[str, np.ndarray]:
    """Each regency's national share of foreigners, by how a permit kind spreads."""
    index = region_index()
    every = list(index.regencies)
    population = np.array([index.regencies[c].population_2025 or 0 for c in every], float)
    is_city = np.array([index.regencies[c].name.startswith("Kota") for c in every])
    by_population = _shares(population * np.where(is_city, 2.0, 1.0))
    hotspots = np.array([vocab.TOURISM_HOTSPOT_SHARE.get(c, 0.0) for c in every])
    rest = np.where(hotspots > 0, 0.0, by_population)
    tourism = hotspots + (1 - hotspots.sum()) * _shares(rest)
    position = {code: i for i, code in enumerate(every)}
    chosen = [position[c] for c in codes]
    return {"tka": calibration.tka_weights(codes), "tourism": tourism[chosen],
            "population": by_population[chosen]}


# --------------------------------------------------------------------------- people


def _ages(rng: np.random.Generator, category: np.ndarray) -> np.ndarray:
    low = np.select([category == "WORKER", category == "FAMILY", category == "RETIREE",
                     category == "STUDENT"], [24, 1, 55, 18], 20)
    high = np.select([category == "WORKER", category == "FAMILY", category == "RETIREE",
                      category == "STUDENT"], [60, 60, 82, 32], 72)
    return rng.uniform(low, high)


def _nationalities(rng: np.random.Generator, size: int, shares: dict[str, float]) -> np.ndarray:
    codes = np.array([*shares, "OTHER"])
    probabilities = np.array([*shares.values(), max(0.0, 1 - sum(shares.values()))])
    drawn = rng.choice(codes, size=size, p=probabilities / probabilities.sum())
    other = drawn == "OTHER"
    drawn[other] = rng.choice(np.array(calibration.OTHER_NATIONALITIES), size=int(other.sum()))
    return drawn.astype(object)


def _employers(rng: np.random.Generator, codes: list[str], workers: np.ndarray) -> pd.DataFrame:
    """Employers per regency, about one per six positions, sizes heavy-tailed."""
    count = np.where(workers > 0, np.maximum(1, np.round(workers / 6)), 0).astype(int)
    regency = np.repeat(np.array(codes, dtype=object), count)
    size = len(regency)
    # Foreign-owned employers (origin = the investors' country) bring their
    # compatriots; local ones (IDN) hire from the national mix. Both paths keep
    # the nationality shares of calibration.py.
    origin = _nationalities(rng, size, calibration.TKA_NATIONALITY_SHARE)
    origin[rng.random(size) < LOCAL_EMPLOYER_SHARE] = "IDN"
    kbli = np.empty(size, dtype=object)
    for code in sorted(set(regency.tolist())):
        at = np.flatnonzero(regency == code)
        choices = vocab.SECTORS_BY_PLACE.get(code) or vocab.SECTORS_BY_PLACE.get(code[:2])
        pool = np.array(choices or vocab.GENERAL_SECTORS)
        kbli[at] = rng.choice(pool, size=len(at))
    brand = np.empty(size, dtype=object)
    for code in pd.unique(origin):
        at = np.flatnonzero(origin == code)
        style = code if code in vocab.BRAND_SYLLABLES else "IDN"
        syllables = np.array(vocab.BRAND_SYLLABLES[style], dtype=object)
        first = syllables[rng.integers(len(syllables), size=len(at))]
        second = syllables[rng.integers(len(syllables), size=len(at))]
        joiner = " " if style == "IDN" else ""
        brand[at] = first + joiner + second
    sector_word = np.array([vocab.SECTOR_WORDS[k] for k in kbli], dtype=object)
    suffix = np.where(rng.random(size) < 0.5, " INDONESIA", "")
    name = pd.Series("PT " + brand + " " + sector_word + suffix)
    repeat = name.groupby(name).cumcount().to_numpy()
    extra = np.array(["", " JAYA", " MAKMUR", " SEJAHTERA", " PERKASA", " UTAMA", " MANDIRI"])
    name = name + np.where(repeat < len(extra), extra[np.minimum(repeat, len(extra) - 1)],
                           " " + repeat.astype(str))
    serial = (np.arange(size, dtype=np.int64) * 7_919 + int(rng.integers(10**9))) % 10**9
    weight = rng.pareto(1.2, size=size) + 1
    return table({
        "employer_id": np.arange(size), "regency": regency, "name": name.to_numpy(),
        "nib": ["9120" + f"{s:09d}" for s in serial], "kbli": kbli, "origin": origin,
        "weight": weight,
    })


def _pick_within(rng: np.random.Generator, groups: np.ndarray, candidates: np.ndarray,
                 weights: np.ndarray | None = None) -> np.ndarray:
    """For each item of ``groups``, the index of a random candidate of the same group.

    ``candidates`` holds each candidate's group; -1 where a group has none.
    """
    out = np.full(len(groups), -1, dtype=np.int64)
    order = np.argsort(candidates, kind="stable")
    sorted_groups = candidates[order]
    for group in np.unique(groups):
        lo = np.searchsorted(sorted_groups, group, side="left")
        hi = np.searchsorted(sorted_groups, group, side="right")
        at = np.flatnonzero(groups == group)
        if hi <= lo:
            continue
        members = order[lo:hi]
        p = None if weights is None else _shares(weights[members])
        out[at] = rng.choice(members, size=len(at), p=p)
    return out


def _headcounts(rng: np.random.Generator, codes: np.ndarray, weights: dict[str, np.ndarray],
                months: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(category, regency, newcomer) per person, and the TKA positions per regency."""
    workers = rng.poisson(calibration.NATIONAL_TKA_POSITIONS * weights["tka"])
    groups: list[tuple[str, np.ndarray]] = [
        ("WORKER", workers), ("FAMILY", rng.binomial(workers, vocab.FAMILY_PER_WORKER))]
    for kind in vocab.PERMIT_KINDS:
        if kind.national:
            present = rng.poisson(kind.national * weights[kind.spread])
            if kind.category == "VISITOR":  # short stays: more people pass through
                present = rng.poisson(present * (months + 2) / 2)
            groups.append((kind.category, present))
    category_parts, regency_parts, newcomer_parts = [], [], []
    for category, present in groups:
        newcomers = (np.zeros_like(present) if category == "VISITOR" else
                     rng.poisson(present * RATES["newcomers_per_month"] * months))
        total = present + newcomers
        category_parts.append(np.full(int(total.sum()), category, dtype=object))
        regency_parts.append(np.repeat(codes, total))
        newcomer_parts.append(np.concatenate(
            [np.r_[np.zeros(p, bool), np.ones(n, bool)]
             for p, n in zip(present, newcomers, strict=True)]))
    return (np.concatenate(category_parts), np.concatenate(regency_parts),
            np.concatenate(newcomer_parts), workers)


def _origins(rng: np.random.Generator, category: np.ndarray, regency: np.ndarray,
             codes: np.ndarray, employers: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(nationality, employer) per person.

    Workers mostly share their employer's origin; family members take the
    nationality (and sponsor) of a worker of their regency.
    """
    size = len(category)
    is_worker, is_family = category == "WORKER", category == "FAMILY"
    regency_number = np.searchsorted(codes, regency)
    employer = np.full(size, -1, dtype=np.int64)
    employer_regency = np.searchsorted(codes, employers["regency"].to_numpy())
    employer[is_worker] = _pick_within(rng, regency_number[is_worker], employer_regency,
                                       employers["weight"].to_numpy())
    nationality = np.empty(size, dtype=object)
    nationality[is_worker] = _nationalities(rng, int(is_worker.sum()),
                                            calibration.TKA_NATIONALITY_SHARE)
    origin = employers["origin"].to_numpy()[employer[is_worker]]
    same = (rng.random(len(origin)) < 0.75) & (origin != "IDN")
    nationality[np.flatnonzero(is_worker)[same]] = origin[same]
    partner = np.full(size, -1, dtype=np.int64)
    partner[is_family] = _pick_within(rng, regency_number[is_family],
                                      np.where(is_worker, regency_number, -1))
    with_worker = is_family & (partner >= 0)
    nationality[with_worker] = nationality[partner[with_worker]]
    employer[with_worker] = employer[partner[with_worker]]
    others = ~is_worker & ~with_worker
    nationality[others] = _nationalities(rng, int(others.sum()),
                                         calibration.NON_WORKER_NATIONALITY_SHARE)
    return nationality, employer


def _stays(rng: np.random.Generator, category: np.ndarray, newcomer: np.ndarray,
           window: Window) -> tuple[np.ndarray, np.ndarray]:
    """(arrival, departure): long before the window for those present, within it for
    newcomers; visitors come and go throughout."""
    size = len(category)
    history = window.start.replace(year=window.start.year - HISTORY_YEARS)
    arrival = _uniform_days(rng, history, window.start - timedelta(days=1), size)
    arrival[newcomer] = _uniform_days(rng, window.start, window.end, int(newcomer.sum()))
    visitor = category == "VISITOR"
    visit_from = window.start - timedelta(days=62)
    arrival[visitor] = _uniform_days(rng, visit_from, window.end, int(visitor.sum()))
    departure = np.full(size, np.datetime64("NaT"), dtype="datetime64[D]")
    leaving = ~visitor & (rng.random(size) < RATES["departures_per_month"] * window.month_count)
    departure[leaving] = np.maximum(
        _uniform_days(rng, window.start, window.end, int(leaving.sum())),
        arrival[leaving] + np.timedelta64(31, "D"))
    departure[departure > as_day(window.end)] = np.datetime64("NaT")
    return arrival, departure


def build_world(regencies: list[str], period: Period, seed: int,
                months: int | None = None) -> World:
    """Everyone in scope during the period and the one before (or the ``months``
    months ending with the period), and what they hold."""
    window = Window.of(period, months)
    (streams_rng, people_rng, names_rng, positions_rng, registry_rng, actions_rng, sizes_rng,
     namesake_rng, hiding_rng, operations_rng) = (
        np.random.default_rng(child) for child in np.random.SeedSequence(seed).spawn(10))
    codes = np.array(regencies, dtype=object)
    weights = spread_weights(regencies)
    category, regency, newcomer, workers = _headcounts(sizes_rng, codes, weights,
                                                       window.month_count)
    employers = _employers(people_rng, regencies, workers)
    employers["non_compliant"] = operations.non_compliant(hiding_rng, employers)
    nationality, employer = _origins(people_rng, category, regency, codes, employers)
    size = len(category)
    female = np.select([category == "WORKER", category == "FAMILY"],
                       [people_rng.random(size) < 0.12, people_rng.random(size) < 0.7],
                       people_rng.random(size) < 0.5)
    birth = as_day(window.end) - (_ages(people_rng, category) * 365.25).astype(
        "timedelta64[D]")
    arrival, departure = _stays(people_rng, category, newcomer, window)
    # Nobody arrives (and is given a permit) before being born: the youngest
    # family members were born at least a month before they came.
    birth = np.minimum(birth, arrival - np.timedelta64(31, "D"))
    pid = np.arange(size, dtype=np.int64)
    people = table({
        "person_id": pid, "category": category, "regency": regency, "nationality": nationality,
        "female": female, "birth_date": birth,
        "full_name": names.full_names(names_rng, nationality, female, seed),
        "passport": names.passport_numbers(names_rng, pid, nationality),
        "arrival": arrival, "departure": departure, "employer_id": employer,
    })
    streams = _streams(streams_rng, people, window, employers)
    positions = _positions(positions_rng, people, streams, window, regencies, employers)
    _namesakes(namesake_rng, people, positions)
    registrations = _registrations(registry_rng, people, streams, regencies)
    actions = _actions(actions_rng, people, streams, window, regencies, weights, seed)
    offices = office_map(set(calibration.TKA_HOTSPOT_SHARE) | set(vocab.TOURISM_HOTSPOT_SHARE))
    world = World(window, regencies, offices, people, streams, positions, registrations,
                  employers, actions)
    world.operations = operations.visits(operations_rng, world, seed)
    return world


# -------------------------------------------------------------------------- permits


def _lapse_last_term(rng: np.random.Generator, start: np.ndarray, term: np.ndarray,
                     window: Window, rate: float | np.ndarray) -> np.ndarray:
    """Last term for a ``rate`` share of those whose term ends in (or just before) the window.

    The term current at the window's end is the renewal that never happens: the
    one before it ends on the day before it would have begun.
    """
    end = np.full(len(start), as_day(window.end))
    index, first, _ = current_term(start, term, np.full(len(start), NO_LIMIT), end)
    lapsed_on = first - np.timedelta64(1, "D")
    eligible = (index > 0) & (lapsed_on >= as_day(window.start) - np.timedelta64(62, "D"))
    chosen = eligible & (rng.random(len(start)) < rate)
    return np.where(chosen, index - 1, NO_LIMIT)


def _sponsors(rng: np.random.Generator, people: pd.DataFrame,
              employers: pd.DataFrame) -> np.ndarray:
    """PENJAMIN: the employer, an Indonesian spouse, a university or a foundation."""
    category = people["category"].to_numpy()
    employer_id = people["employer_id"].to_numpy()
    sponsor = np.full(len(people), "", dtype=object)
    has_employer = employer_id >= 0
    sponsor[has_employer] = employers["name"].to_numpy()[employer_id[has_employer]]
    spouse = (category == "SETTLED") | ((category == "FAMILY") & ~has_employer)
    sponsor[spouse] = names.full_names(rng, np.full(int(spouse.sum()), "IDN", dtype=object),
                                       rng.random(int(spouse.sum())) < 0.5, seed=0)
    place = np.array([place_name(region_index().regencies[c].name).upper()
                      for c in people["regency"]], dtype=object)
    student, clergy = category == "STUDENT", category == "CLERGY"
    sponsor[student] = "UNIVERSITAS " + place[student]
    foundations = np.array(["YAYASAN KASIH", "YAYASAN DAMAI SEJAHTERA", "YAYASAN AL-IKHLAS",
                            "YAYASAN DHARMA"], dtype=object)
    sponsor[clergy] = foundations[rng.integers(len(foundations), size=int(clergy.sum()))] + \
        " " + place[clergy]
    return sponsor


def _at_non_compliant(people: pd.DataFrame, employers: pd.DataFrame) -> np.ndarray:
    """Per person: does the employer hide workers (False without an employer)."""
    employer_id = people["employer_id"].to_numpy()
    flags = np.append(employers["non_compliant"].to_numpy(dtype=bool), False)
    return flags[np.where(employer_id >= 0, employer_id, len(flags) - 1)]


def _rate(hiding: np.ndarray, usual: str, hidden: str) -> np.ndarray:
    """Per row: the ``hidden`` rate at employers that hide workers, else the ``usual`` one."""
    return np.where(hiding, RATES[hidden], RATES[usual])


def _streams(rng: np.random.Generator, people: pd.DataFrame, window: Window,
             employers: pd.DataFrame) -> pd.DataFrame:
    """Stay permits: each person's permit line, renewed term after term.

    A line ends (``end_day``) when its holder leaves (EPO), when it is revoked
    (DICABUT) or converted (ALIH STATUS, with a new ITAP line from that day).
    """
    size = len(people)
    category = people["category"].to_numpy()
    kinds = vocab.KINDS_BY_CATEGORY
    permit_type = np.array([kinds[c].permit_type for c in category], dtype=object)
    purpose = np.array([kinds[c].purpose for c in category], dtype=object)
    visa_index = np.empty(size, dtype=object)
    term = np.empty(size, dtype=np.int64)
    for kind in vocab.PERMIT_KINDS:
        at = np.flatnonzero(category == kind.category)
        visa_index[at] = rng.choice(np.array(kind.visa_index, dtype=object), size=len(at))
        term[at] = rng.choice(np.array(kind.term_months), size=len(at))
    visitor = category == "VISITOR"
    purpose[visitor] = [vocab.VISIT_PURPOSE[v] for v in visa_index[visitor]]
    settled = category == "SETTLED"
    purpose[settled & (visa_index == "E28A")] = "INVESTASI"

    worker = category == "WORKER"
    hiding = worker & _at_non_compliant(people, employers)
    no_permit = worker & (rng.random(size) < _rate(hiding, "worker_no_permit",
                                                   "hidden_no_permit"))
    on_visit = no_permit & (rng.random(size) < RATES["no_permit_on_visit_permit"])
    has_line = ~no_permit | on_visit
    permit_type[on_visit], visa_index[on_visit], purpose[on_visit] = "ITK", "C2", \
        "KUNJUNGAN USAHA"
    term[on_visit] = 2

    start = people["arrival"].to_numpy()
    last_term = np.where(visitor, (rng.random(size) < RATES["visit_extended"]).astype(np.int64),
                         NO_LIMIT)
    renewing = ~visitor & ~on_visit
    lapse = _lapse_last_term(rng, start, term, window,
                             _rate(hiding, "permit_lapse", "hidden_permit_lapse"))
    last_term = np.where(renewing, lapse, last_term)

    end_day = people["departure"].to_numpy().copy()
    end_status = np.where(pd.isna(end_day), "", "EPO").astype(object)
    _, _, visit_expiry = current_term(start, term, last_term, start + np.timedelta64(3650, "D"))
    end_day[visitor] = visit_expiry[visitor] + np.timedelta64(1, "D")
    end_status[visitor] = "EPO"
    end_day[end_day > as_day(window.end)] = np.datetime64("NaT")
    end_status[pd.isna(end_day)] = ""

    in_window = _uniform_days(rng, window.start, window.end, size)
    later = in_window > start + np.timedelta64(31, "D")
    before_end = pd.isna(end_day) | (in_window < end_day)
    revoked = renewing & later & before_end & (rng.random(size) < _rate(hiding, "revoked",
                                                                        "hidden_revoked"))
    end_day[revoked], end_status[revoked] = in_window[revoked], "DICABUT"
    converted = (category == "FAMILY") & later & before_end & ~revoked & \
        (rng.random(size) < RATES["converted"])
    end_day[converted], end_status[converted] = in_window[converted], "ALIH STATUS"

    sponsor = _sponsors(rng, people, employers)
    first = table({
        "person_id": people["person_id"].to_numpy(), "line": 0, "permit_type": permit_type,
        "visa_index": visa_index, "purpose": purpose, "start": start, "term_months": term,
        "last_term": last_term, "end_day": end_day, "end_status": end_status,
        "regency": people["regency"].to_numpy(), "sponsor": sponsor, "revoked": revoked,
    })[has_line]
    # The ITAP a converted family permit becomes, from the conversion day.
    conversion_day = in_window[converted]
    second = table({
        "person_id": people["person_id"].to_numpy()[converted], "line": 1,
        "permit_type": "ITAP", "visa_index": "E31", "purpose": "PENYATUAN KELUARGA",
        "start": conversion_day,  # drawn with a day of month <= 28
        "term_months": 60, "last_term": NO_LIMIT,
        "end_day": people["departure"].to_numpy()[converted], "end_status": "",
        "regency": people["regency"].to_numpy()[converted], "sponsor": sponsor[converted],
        "revoked": False,
    })
    second.loc[second["end_day"].notna(), "end_status"] = "EPO"
    streams = pd.concat([first, second], ignore_index=True)
    streams.insert(0, "stream_id", np.arange(len(streams), dtype=np.int64))
    return streams


# ------------------------------------------------------------------------ positions


def _move_some(rng: np.random.Generator, home: np.ndarray, codes: np.ndarray,
               rate: float) -> tuple[np.ndarray, np.ndarray]:
    """(regencies, moved): a ``rate`` share of ``home`` replaced by another regency in scope."""
    out = home.astype(object).copy()
    moved = np.zeros(len(home), dtype=bool)
    if len(codes) > 1:
        moved = rng.random(len(home)) < rate
        other = codes[rng.integers(len(codes), size=len(home))]
        other = np.where(other == home, codes[(np.searchsorted(codes, other) + 1) % len(codes)],
                         other)
        out[moved] = other[moved]
    return out, moved


def _positions(rng: np.random.Generator, people: pd.DataFrame, streams: pd.DataFrame,
               window: Window, regencies: list[str], employers: pd.DataFrame) -> pd.DataFrame:
    """RPTKA positions of the foreign workers (one each; a few at two locations)."""
    workers = people[people["category"] == "WORKER"]
    workers = workers[rng.random(len(workers)) >= _rate(
        _at_non_compliant(workers, employers), "worker_no_rptka", "hidden_no_rptka")]
    hiding = _at_non_compliant(workers, employers)
    size = len(workers)
    line = streams[streams["line"] == 0].set_index("person_id")
    term = line["term_months"].reindex(workers["person_id"]).to_numpy()
    term = np.where(np.isnan(term.astype(float)), rng.choice([6, 12, 24], size=size), term)
    term = term.astype(np.int64)
    term = np.where(np.isin(term, (6, 12, 24)), term, 12)  # a visit-permit worker's RPTKA
    arrival = workers["arrival"].to_numpy()
    # The RPTKA is approved in the month of arrival, on or before the day.
    start = make_date(month_index(arrival), rng.integers(1, day_of_month(arrival) + 1))
    last_term = _lapse_last_term(rng, start, term, window, RATES["rptka_lapse"])

    jobs = vocab.occupations()
    open_jobs = [j for j in jobs if not j.restricted]
    closed_jobs = [j for j in jobs if j.restricted]
    weights = np.array([j.weight for j in open_jobs])
    job = np.array(open_jobs, dtype=object)[rng.choice(len(open_jobs), size=size,
                                                        p=weights / weights.sum())]
    restricted = rng.random(size) < RATES["restricted_position"]
    job[restricted] = np.array(closed_jobs, dtype=object)[
        rng.integers(len(closed_jobs), size=int(restricted.sum()))]
    title = np.array([j.position_titles[k % len(j.position_titles)]
                      for j, k in zip(job, rng.integers(100, size=size), strict=True)],
                     dtype=object)

    residence = workers["regency"].to_numpy()
    codes = np.array(regencies, dtype=object)
    location, elsewhere = _move_some(rng, residence, codes, RATES["work_elsewhere"])
    if len(codes) > 1:
        province = np.array([c[:2] for c in residence], dtype=object)
        neighbour = codes[rng.integers(len(codes), size=size)]
        same_province = np.array([n[:2] for n in neighbour], dtype=object) == province
        multi = (rng.random(size) < RATES["multi_location"]) & same_province & \
            (neighbour != residence) & ~elsewhere
        location[multi] = location[multi] + ";" + neighbour[multi]

    companions = rng.choice([1, 1, 1, 1, 1, 1, 1, 2, 2, 3], size=size)
    companions[rng.random(size) < _rate(hiding, "no_companion", "hidden_no_companion")] = 0
    underpaid = rng.random(size) < RATES["dkptka_underpaid"]
    employer_id = workers["employer_id"].to_numpy()
    departure = workers["departure"].to_numpy()
    return table({
        "position_id": np.arange(size, dtype=np.int64),
        "person_id": workers["person_id"].to_numpy(), "employer_id": employer_id,
        "occupation_code": [j.code for j in job], "restricted": restricted,
        "position_title": title, "locations": location, "start": start, "term_months": term,
        "last_term": last_term, "end_day": departure, "companions": companions,
        "underpaid": underpaid, "underpaid_by": rng.integers(1, 4, size=size),
        "passport_gap": _passport_gaps(rng, size, "rptka"),
    })


def _passport_gaps(rng: np.random.Generator, size: int, source: str) -> np.ndarray:
    """Per row: 0 the passport as it is, 1 left empty, 2 malformed (fails the format check)."""
    draw = rng.random(size)
    missing = RATES[f"{source}_no_passport"]
    return np.select([draw < missing, draw < missing + RATES[f"{source}_bad_passport"]],
                     [1, 2], 0).astype(np.int64)


def _namesakes(rng: np.random.Generator, people: pd.DataFrame,
               positions: pd.DataFrame) -> None:
    """Give a few passport-less workers a namesake: another worker of their nationality
    with the same name and birth date, so that the link by name must stay ambiguous."""
    gap = positions[positions["passport_gap"] > 0]
    chosen = gap[rng.random(len(gap)) < RATES["namesake"]]
    taken = set(gap["person_id"].tolist())
    workers = people[people["category"] == "WORKER"]
    for person_id in chosen["person_id"].to_numpy():
        person = people.loc[people["person_id"] == person_id].iloc[0]
        others = workers[(workers["nationality"] == person["nationality"])
                         & ~workers["person_id"].isin(taken)]
        if others.empty:
            continue
        other = int(others["person_id"].to_numpy()[rng.integers(len(others))])
        taken.add(other)
        at = people.index[people["person_id"] == other]
        people.loc[at, "full_name"] = person["full_name"]
        people.loc[at, "birth_date"] = person["birth_date"]
        people.loc[at, "female"] = person["female"]


# -------------------------------------------------------------------- registrations


def _registrations(rng: np.random.Generator, people: pd.DataFrame, streams: pd.DataFrame,
                   regencies: list[str]) -> pd.DataFrame:
    """SKTT / KTP-el WNA: most ITAS and ITAP holders register where they live."""
    holders = streams[(streams["line"] == 0) & streams["permit_type"].isin(["ITAS", "ITAP"])]
    holders = holders[rng.random(len(holders)) >= RATES["unregistered"]]
    size = len(holders)
    person = people.set_index("person_id").loc[holders["person_id"].to_numpy()]
    regency, _ = _move_some(rng, holders["regency"].to_numpy(),
                            np.array(regencies, dtype=object), RATES["registered_elsewhere"])
    districts = _districts_by_regency()
    district = np.empty(size, dtype=object)
    for code in sorted(set(regency.tolist())):
        at = np.flatnonzero(regency == code)
        options = np.array(districts.get(code, [f"{code}.01"]), dtype=object)
        district[at] = options[rng.integers(len(options), size=len(at))]
    birth = person["birth_date"].to_numpy()
    day = day_of_month(birth)
    month = month_index(birth) % 12 + 1
    year = month_index(birth) // 12 + 1970
    day = day + np.where(person["female"].to_numpy(), 40, 0)
    serial = (np.arange(size, dtype=np.int64) * 337 + 1) % 9_000 + 1000
    nik = [f"{d.replace('.', '')}{dd:02d}{mm:02d}{yy % 100:02d}{s:04d}"
           for d, dd, mm, yy, s in zip(district, day, month, year, serial, strict=True)]
    return table({
        "person_id": holders["person_id"].to_numpy(), "regency": regency,
        "district": district, "nik": nik,
        "lag_days": rng.integers(3, 46, size=size),
        "no_passport": rng.random(size) < RATES["registry_no_passport"],
        "open_validity": rng.random(size) < RATES["registry_open_validity"],
    })


def _districts_by_regency() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code in sorted(region_index().districts):
        out.setdefault(code[:5], []).append(code)
    return out


# -------------------------------------------------------------------------- actions


def _actions(rng: np.random.Generator, people: pd.DataFrame, streams: pd.DataFrame,
             window: Window, regencies: list[str], weights: dict[str, np.ndarray],
             seed: int) -> pd.DataFrame:
    """Administrative actions: mostly foreigners caught passing through, plus the revoked."""
    history_start = window.start.replace(year=window.start.year - 1)
    span_months = window.month_count + 12
    spread = 0.6 * weights["tourism"] + 0.4 * weights["tka"]
    counts = rng.poisson(vocab.NATIONAL_ACTIONS_PER_MONTH * span_months * spread)
    regency = np.repeat(np.array(regencies, dtype=object), counts)
    size = len(regency)
    nationality = _nationalities(rng, size, calibration.NON_WORKER_NATIONALITY_SHARE)
    female = rng.random(size) < 0.3
    full_name = names.full_names(rng, nationality, female, seed + 7)
    passport = names.passport_numbers(rng, np.arange(size) + 5_000_000, nationality)
    action_types = np.array(list(vocab.ACTION_SHARE), dtype=object)
    action_type = rng.choice(action_types, size=size, p=np.array(list(
        vocab.ACTION_SHARE.values())))
    day = _uniform_days(rng, history_start, window.end, size)
    day = day + rng.integers(0, 3, size=size).astype("timedelta64[D]")
    passers = table({"action_date": day, "full_name": full_name, "passport": passport,
                            "nationality": nationality, "action_type": action_type,
                            "regency": regency, "person_id": -1})
    revoked = streams[streams["revoked"]]
    person = people.set_index("person_id").loc[revoked["person_id"].to_numpy()]
    base = table({"full_name": person["full_name"].to_numpy(),
                         "passport": person["passport"].to_numpy(),
                         "nationality": person["nationality"].to_numpy(),
                         "regency": revoked["regency"].to_numpy(),
                         "person_id": revoked["person_id"].to_numpy()})
    cancelled = base.assign(action_date=revoked["end_day"].to_numpy(),
                            action_type="PEMBATALAN IZIN")
    deported = base.assign(action_date=revoked["end_day"].to_numpy() + np.timedelta64(14, "D"),
                           action_type="DEPORTASI")
    actions = pd.concat([passers, cancelled, deported], ignore_index=True)
    actions = actions[actions["action_date"] <= as_day(window.end)]
    actions = actions.sort_values(["action_date", "passport"], kind="stable",
                                  ignore_index=True)
    violation = np.empty(len(actions), dtype=object)
    for action_type, texts in vocab.VIOLATIONS.items():
        at = np.flatnonzero(actions["action_type"].to_numpy() == action_type)
        violation[at] = np.array(texts, dtype=object)[rng.integers(len(texts), size=len(at))]
    actions["violation"] = violation
    actions["passport_gap"] = _passport_gaps(rng, len(actions), "action")
    actions.insert(0, "action_id", np.arange(len(actions), dtype=np.int64))
    return actions
