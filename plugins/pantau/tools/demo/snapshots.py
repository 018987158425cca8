"""What each agency's register shows on an extraction date, as clean typed frames.

The frames keep the generator's ``person_id`` so that the truth can be told;
the writers drop it and add the field's messiness. Ended permits and
positions stay listed for a month (``LISTED_AFTER_END_DAYS``), as registers
are not cleaned the day something ends.
"""

from __future__ import annotations

import zlib
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pantau.normalise.regions import region_index
from pantau.periods import Period
from pantau.tools.demo.frames import table
from pantau.tools.demo.model import LISTED_AFTER_END_DAYS, World
from pantau.tools.demo.timeline import as_day, current_term, months_due

PERMIT_PREFIX = {"ITAS": "2C", "ITAP": "2D", "ITK": "1C"}
STALE_POSITION_DAYS = 183  # an RPTKA that was not renewed leaves the register after this


def stable_number(*parts: object) -> int:
    """A number from text that is the same on every run and machine (unlike ``hash``)."""
    return zlib.crc32("|".join(map(str, parts)).encode())


def snapshot_day(source: str, scope: str, month: Period) -> date:
    """Extraction dates: immigration at month end, manpower on the 25th-28th, the
    registry on one of the last three days; so 'latest on or before' matters."""
    if source == "tenaga_kerja_tka":
        return date(month.year, month.index, 25 + stable_number(scope, month) % 4)
    if source == "dukcapil_orang_asing":
        return month.end - timedelta(days=stable_number(scope, month) % 3)
    return month.end


def _listed(start: np.ndarray, end_day: np.ndarray, on: np.ndarray) -> np.ndarray:
    ended_long_ago = ~pd.isna(end_day) & (on >= end_day + np.timedelta64(LISTED_AFTER_END_DAYS,
                                                                            "D"))
    return (start <= on) & ~ended_long_ago


def _sex(female: np.ndarray) -> np.ndarray:
    return np.where(female, "P", "L").astype(object)


def _passport_expiry(people: pd.DataFrame) -> np.ndarray:
    years = 3 + people["person_id"].to_numpy() % 7
    return people["arrival"].to_numpy() + (years * 365).astype("timedelta64[D]")


def _addresses(person_id: np.ndarray, regency: np.ndarray, streets: np.ndarray) -> np.ndarray:
    index = region_index()
    street = streets[(person_id * 2_654_435_761) % len(streets)]
    place = np.array([index.regencies[c].name.upper() for c in regency], dtype=object)
    return street + ", " + place


def _terms(lines: pd.DataFrame, day: np.ndarray) -> tuple[np.ndarray, ...]:
    """(ended, permit number, issue, expiry) of each permit line as seen on ``day``.

    A line that has ended shows the term it ended in.
    """
    end_day = lines["end_day"].to_numpy()
    ended = ~pd.isna(end_day) & (end_day <= day)
    seen_on = np.where(ended, end_day - np.timedelta64(1, "D"), day)
    term, issue, expiry = current_term(lines["start"].to_numpy(),
                                       lines["term_months"].to_numpy(),
                                       lines["last_term"].to_numpy(), seen_on)
    prefix = lines["permit_type"].map(PERMIT_PREFIX).to_numpy()
    number = [f"{p}{i:07d}-{t:02d}" for p, i, t in
              zip(prefix, lines["stream_id"].to_numpy(), term, strict=True)]
    return ended, number, issue, expiry


def permits(world: World, on: date, streets: np.ndarray) -> pd.DataFrame:
    """The stay-permit register on ``on``: one row per permit (all offices)."""
    s = world.streams
    day = np.full(len(s), as_day(on))
    end_day = s["end_day"].to_numpy()
    listed = _listed(s["start"].to_numpy(), end_day, day)
    s = s[listed]
    ended, number, issue, expiry = _terms(s, day[listed])
    people = world.people.set_index("person_id").loc[s["person_id"].to_numpy()]
    regency = s["regency"].to_numpy()
    office = [world.offices[c] for c in regency]
    frame = table({
        "person_id": s["person_id"].to_numpy(), "permit_number": number,
        "permit_type": s["permit_type"].to_numpy(), "visa_index": s["visa_index"].to_numpy(),
        "purpose": s["purpose"].to_numpy(), "full_name": people["full_name"].to_numpy(),
        "sex": _sex(people["female"].to_numpy()), "birth_date": people["birth_date"].to_numpy(),
        "nationality": people["nationality"].to_numpy(),
        "passport": people["passport"].to_numpy(),
        "passport_expiry": _passport_expiry(people.reset_index()),
        "sponsor": s["sponsor"].to_numpy(),
        "address": _addresses(s["person_id"].to_numpy(), regency, streets),
        "regency": regency, "issue_date": issue, "expiry_date": expiry,
        "status": np.where(ended, s["end_status"].to_numpy(), "AKTIF"),
        "office": [o.slug for o in office], "office_name": [o.name for o in office],
    })
    return frame.sort_values(["office", "permit_number"], kind="stable", ignore_index=True)


def positions(world: World, days: dict[str, date]) -> pd.DataFrame:
    """The manpower register: RPTKA positions, each province on its own extraction date."""
    p = world.positions
    employers = world.employers.set_index("employer_id").loc[p["employer_id"].to_numpy()]
    province = np.array([c[:2] for c in employers["regency"].to_numpy()], dtype=object)
    keep = np.isin(province, list(days))
    p, employers, province = p[keep], employers[keep], province[keep]
    day = np.array([as_day(days[c]) for c in province], dtype="datetime64[D]")
    term, first, last = current_term(p["start"].to_numpy(), p["term_months"].to_numpy(),
                                     p["last_term"].to_numpy(), day)
    stale = last < day - np.timedelta64(STALE_POSITION_DAYS, "D")
    listed = _listed(p["start"].to_numpy(), p["end_day"].to_numpy(), day) & ~stale
    p, employers, province = p[listed], employers[listed], province[listed]
    day, term, first, last = day[listed], term[listed], first[listed], last[listed]
    people = world.people.set_index("person_id").loc[p["person_id"].to_numpy()]
    term_months = p["term_months"].to_numpy()
    due = months_due(first, day)
    paid = np.where(p["underpaid"].to_numpy(),
                    np.maximum(due - p["underpaid_by"].to_numpy(), 0), term_months)
    year = first.astype("datetime64[Y]").astype(np.int64) + 1970
    rptka = [f"B.3/{e:05d}/PPTKA/{y}" for e, y in
             zip(p["employer_id"].to_numpy(), year, strict=True)]
    frame = table({
        "person_id": p["person_id"].to_numpy(), "position_id": p["position_id"].to_numpy(),
        "rptka_number": rptka, "employer_name": employers["name"].to_numpy(),
        "nib": employers["nib"].to_numpy(), "kbli": employers["kbli"].to_numpy(),
        "locations": p["locations"].to_numpy(), "worker_name": people["full_name"].to_numpy(),
        "passport": with_gaps(people["passport"].to_numpy(), p["passport_gap"].to_numpy()),
        "passport_gap": p["passport_gap"].to_numpy(),
        "nationality": people["nationality"].to_numpy(),
        "sex": _sex(people["female"].to_numpy()), "birth_date": people["birth_date"].to_numpy(),
        "position_title": p["position_title"].to_numpy(),
        "occupation_code": p["occupation_code"].to_numpy(), "start_date": first,
        "end_date": last, "dkptka_months": paid, "dkptka_usd": paid * 100,
        "companions": p["companions"].to_numpy(), "province": province, "snapshot_day": day,
    })
    return frame.sort_values(["province", "rptka_number", "passport"], kind="stable",
                             ignore_index=True)


def registrations(world: World, days: dict[str, date], streets: np.ndarray) -> pd.DataFrame:
    """The population registry: SKTT / KTP-el WNA per regency on its extraction date."""
    r = world.registrations
    r = r[r["regency"].isin(list(days))]
    day = np.array([as_day(days[c]) for c in r["regency"].to_numpy()], dtype="datetime64[D]")
    people = world.people.set_index("person_id").loc[r["person_id"].to_numpy()]
    first_day = people["arrival"].to_numpy() + r["lag_days"].to_numpy().astype("timedelta64[D]")
    listed = first_day <= day
    r, day, people, first_day = r[listed], day[listed], people[listed], first_day[listed]
    # The permit line current on the day: the ITAP once a converted ITAS has ended.
    streams = world.streams.set_index("person_id")
    line0 = streams[streams["line"] == 0].loc[r["person_id"].to_numpy()]
    later = streams[streams["line"] == 1]
    has_later = np.isin(r["person_id"].to_numpy(), later.index.to_numpy())
    line = line0.copy()
    if has_later.any():
        converted = later.loc[r["person_id"].to_numpy()[has_later]]
        switch = converted["start"].to_numpy() <= day[has_later]
        rows = np.flatnonzero(has_later)[switch]
        line.iloc[rows] = converted[switch].to_numpy()
    _, number, issue, expiry = _terms(line, day)
    end_day = line["end_day"].to_numpy()
    itap = line["permit_type"].to_numpy() == "ITAP"
    valid_until = expiry.copy()
    valid_until[itap & r["open_validity"].to_numpy()] = np.datetime64("NaT")
    gone = ~pd.isna(end_day) & (day >= end_day + np.timedelta64(LISTED_AFTER_END_DAYS, "D")) \
        & (line["end_status"].to_numpy() != "ALIH STATUS")
    moved = (r["person_id"].to_numpy() % 10) < 3
    status = np.where(gone, np.where(moved, "PINDAH", "BATAL"), "AKTIF")
    passport = people["passport"].to_numpy().copy()
    passport[r["no_passport"].to_numpy()] = None
    district = pd.Series(r["district"].to_numpy(), dtype=object)
    siak = {}
    for part, (lo, hi) in {"siak_province": (0, 2), "siak_regency": (3, 5),
                           "siak_district": (6, 8)}.items():
        padded = district.str.slice(lo, hi)
        siak[f"{part}_padded"] = padded.to_numpy(dtype=object)
        siak[f"{part}_plain"] = padded.str.lstrip("0").to_numpy(dtype=object)
    frame = table({
        "person_id": r["person_id"].to_numpy(), "nik": r["nik"].to_numpy(),
        "full_name": people["full_name"].to_numpy(), "sex": people["female"].to_numpy(),
        "birth_date": people["birth_date"].to_numpy(),
        "nationality": people["nationality"].to_numpy(), "passport": passport,
        "permit_number": number,
        "document_type": np.where(itap, "KTP-EL WNA", "SKTT"),
        "issue_date": np.maximum(issue, first_day), "valid_until": valid_until,
        "regency": r["regency"].to_numpy(), "district": district.to_numpy(dtype=object),
        **siak,
        "address": _addresses(r["person_id"].to_numpy(), r["regency"].to_numpy(),
                              streets),
        "status": status, "snapshot_day": day,
    })
    return frame.sort_values(["regency", "nik"], kind="stable", ignore_index=True)


def with_gaps(passports: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """The passports as the export lists them: empty where gap 1, malformed where gap 2
    (a slash, which normalisation keeps and the format check refuses)."""
    out = np.array(passports, dtype=object)
    out[gaps == 1] = None
    for index in np.flatnonzero(gaps == 2):
        out[index] = f"{out[index][:4]}/{out[index][4:]}"
    return out


def actions(world: World, on: date) -> pd.DataFrame:
    """Every administrative action to date (all offices)."""
    a = world.actions
    a = a[a["action_date"] <= as_day(on)]
    office = [world.offices[c] for c in a["regency"].to_numpy()]
    year = a["action_date"].to_numpy().astype("datetime64[Y]").astype(np.int64) + 1970
    number = [f"IMI.{o.slug[:6]}/TAK/{y}/{i:06d}" for o, y, i in
              zip(office, year, a["action_id"].to_numpy(), strict=True)]
    return table({
        "person_id": a["person_id"].to_numpy(), "action_number": number,
        "action_date": a["action_date"].to_numpy(), "full_name": a["full_name"].to_numpy(),
        "passport": with_gaps(a["passport"].to_numpy(), a["passport_gap"].to_numpy()),
        "passport_gap": a["passport_gap"].to_numpy(), "nationality": a["nationality"].to_numpy(),
        "action_type": a["action_type"].to_numpy(), "violation": a["violation"].to_numpy(),
        "regency": a["regency"].to_numpy(), "office": [o.slug for o in office],
        "office_name": [o.name for o in office],
    })
