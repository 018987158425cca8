"""What each PMI export lists on an extraction date, as clean typed frames.

The frames keep ``person_id`` and the derived columns the contract defines
(``nik_valid``, ``origin_regency``, ``origin_district``), so that the truth can
be told from exactly what a file says; ``pmi_render`` drops them and adds the
field's messiness.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from pantau.normalise.regions import region_index
from pantau.tools.demo import pmi_exports as ex
from pantau.tools.demo.frames import table
from pantau.tools.demo.pmi_model import NO_DATE, PmiWorld, coverage_start
from pantau.tools.demo.timeline import as_day

CONTRACT_DAYS_PER_MONTH = 30.4


def written_nik(nik: np.ndarray, slip: np.ndarray) -> np.ndarray:
    """The NIK as the row carries it: slip 1 drops a digit, 2 names no regency, 3 has
    birth-date digits that do not match (another month)."""
    s = pd.Series(nik, dtype=object)
    month = (s.str.slice(8, 10).astype(int) % 12 + 1).astype(str).str.zfill(2)
    out = np.select([slip == 1, slip == 2, slip == 3],
                    [s.str.slice(0, 15), s.str.slice(0, 2) + "99" + s.str.slice(4),
                     s.str.slice(0, 8) + month + s.str.slice(10)], s)
    return out.astype(object)


def nik_valid(nik: np.ndarray, birth: np.ndarray, female: np.ndarray) -> np.ndarray:
    """The contract's ``nik_valid``: 16 digits, a real province and regency, DDMMYY of the
    birth date with DD + 40 for women. None where the NIK is empty."""
    index = region_index()
    s = pd.Series(nik, dtype=object).fillna("").astype(str)
    digits = s.str.fullmatch(r"\d{16}").to_numpy(dtype=bool)
    regency = (s.str.slice(0, 2) + "." + s.str.slice(2, 4)).to_numpy(dtype=object)
    real = (pd.Series(regency).isin(index.regencies.keys()).to_numpy()
            & s.str.slice(0, 2).isin(index.provinces.keys()).to_numpy())
    when = pd.DatetimeIndex(np.asarray(birth, dtype="datetime64[D]"))
    day = when.day.to_numpy() + np.where(female, 40, 0)
    expected = (pd.Series(day).astype(str).str.zfill(2)
                + pd.Series(when.month.to_numpy()).astype(str).str.zfill(2)
                + pd.Series(when.year.to_numpy() % 100).astype(str).str.zfill(2))
    birth_ok = (s.str.slice(6, 12).to_numpy(dtype=object) == expected.to_numpy(dtype=object))
    valid = digits & real & birth_ok
    out = valid.astype(object)
    out[s.to_numpy(dtype=object) == ""] = None
    return out


def origins(nik: np.ndarray, valid: np.ndarray, stated: np.ndarray) -> tuple[np.ndarray, ...]:
    """(origin regency, origin district) per row, as the contract derives them."""
    index = region_index()
    s = pd.Series(nik, dtype=object).fillna("").astype(str)
    good = valid == True  # noqa: E712  (object array of True/False/None)
    from_nik = (s.str.slice(0, 2) + "." + s.str.slice(2, 4)).to_numpy(dtype=object)
    district = (s.str.slice(0, 2) + "." + s.str.slice(2, 4) + "." + s.str.slice(4, 6)).to_numpy(
        dtype=object)
    regency = np.where(good, from_nik, stated).astype(object)
    known = pd.Series(district).isin(index.districts).to_numpy()
    return regency, np.where(good & known, district, None).astype(object)


def identify(world: PmiWorld) -> None:
    """Each event row's NIK as written and what it derives, once for every snapshot."""
    for frame in (world.placements, world.applications, world.postponements, world.returnees):
        people = world.persons.iloc[frame["person_id"].to_numpy()]  # id = row position
        nik = written_nik(people["nik"].to_numpy(dtype=object), frame["nik_slip"].to_numpy())
        if "show_nik" in frame:
            nik = np.where(frame["show_nik"].to_numpy(dtype=bool), nik, None).astype(object)
        valid = nik_valid(nik, people["birth_date"].to_numpy(dtype="datetime64[D]"),
                          people["female"].to_numpy(dtype=bool))
        regency, district = origins(nik, valid, people["regency"].to_numpy(dtype=object))
        frame["written_nik"], frame["nik_valid"] = nik, valid
        frame["origin_regency"], frame["origin_district"] = regency, district


def _people(world: PmiWorld, rows: pd.DataFrame) -> dict[str, np.ndarray]:
    pid = rows["person_id"].to_numpy()
    people = world.persons.iloc[pid]  # person_id is the row position
    female = people["female"].to_numpy(dtype=bool)
    return {"person_id": pid, "nik": rows["written_nik"].to_numpy(dtype=object),
            "full_name": people["full_name"].to_numpy(dtype=object),
            "sex": np.where(female, "P", "L").astype(object),
            "birth_date": people["birth_date"].to_numpy(dtype="datetime64[D]"),
            "stated_regency": people["regency"].to_numpy(dtype=object),
            "nik_valid": rows["nik_valid"].to_numpy(dtype=object),
            "origin_regency": rows["origin_regency"].to_numpy(dtype=object),
            "origin_district": rows["origin_district"].to_numpy(dtype=object),
            "person_passport": people["passport"].to_numpy(dtype=object)}


def _year(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[Y]").astype(np.int64) + 1970


def placements(world: PmiWorld, on: date, province: str) -> pd.DataFrame:
    """The province's placement register on ``on``: departed in the 24 months before, in
    process, or cancelled in them."""
    p = world.placements
    origin_province = world.persons["regency"].str.slice(0, 2).to_numpy(dtype=object)[
        p["person_id"].to_numpy()]
    p = p[origin_province == province]
    d, since = as_day(on), coverage_start(on)
    registered = p["registered"].to_numpy(dtype="datetime64[D]")
    departure = p["departure"].to_numpy(dtype="datetime64[D]")
    cancelled = p["cancelled"].to_numpy(dtype="datetime64[D]")
    returned = p["returned"].to_numpy(dtype="datetime64[D]")
    is_cancelled = ~np.isnat(cancelled) & (cancelled <= d)
    gone = ~is_cancelled & (departure <= d)
    status = np.select([is_cancelled, gone & (returned <= d), gone], ["BATAL", "PULANG",
                                                                       "BERANGKAT"], "PROSES")
    listed = (registered <= d) & np.select(
        [is_cancelled, gone], [cancelled >= since, departure >= since], True)
    p, status = p[listed], status[listed]
    departure, shown = departure[listed], np.isin(status, ["BERANGKAT", "PULANG"])
    months = p["contract_months"].to_numpy()
    end = departure + (months * CONTRACT_DAYS_PER_MONTH).astype("timedelta64[D]")
    people = _people(world, p)
    frame = table({
        **people,
        "placement_id": [f"PMI{province}{i:08d}" for i in p["placement_id"].to_numpy()],
        "passport": np.where(shown, people["person_passport"], None).astype(object),
        "destination": p["destination"].to_numpy(dtype=object),
        "job_title": p["job_title"].to_numpy(dtype=object),
        "sector": p["sector"].to_numpy(dtype=object), "scheme": p["scheme"].to_numpy(dtype=object),
        "agency": p["agency"].to_numpy(dtype=object),
        "departure_date": np.where(shown, departure, NO_DATE),
        "contract_end_date": np.where(shown, end, NO_DATE), "status": status.astype(object),
    })
    return frame.sort_values("placement_id", kind="stable", ignore_index=True)


def applications(world: PmiWorld, on: date, previous: date | None, office: str) -> pd.DataFrame:
    """One office's passport delivery: the applications decided since its previous export
    (the first export: in the 24 months before), each in its latest version."""
    a = world.applications
    a = a[a["office"].to_numpy(dtype=object) == office]
    decided = a["decided"].to_numpy(dtype="datetime64[D]")
    d = as_day(on)
    low = coverage_start(on) if previous is None else as_day(previous) + np.timedelta64(1, "D")
    a = a[(decided >= low) & (decided <= d)]
    a = a.sort_values(["application_id", "version"], kind="stable").drop_duplicates(
        "application_id", keep="last")
    people = _people(world, a)
    applied = a["application_date"].to_numpy(dtype="datetime64[D]")
    issued = a["status"].to_numpy(dtype=object) == "TERBIT"
    year = _year(applied)
    ids = a["application_id"].to_numpy()
    recommended = a["recommendation"].to_numpy(dtype=bool)
    frame = table({
        **people,
        "application_number": [f"{office[:4]}.{y}.{i:08d}" for y, i in
                               zip(year, ids, strict=True)],
        "application_date": applied, "purpose": a["purpose"].to_numpy(dtype=object),
        "destination": a["destination"].to_numpy(dtype=object),
        "recommendation": np.where(recommended, [f"REK.{i:07d}/PMI/{y}" for y, i in
                                                 zip(year, ids, strict=True)], None),
        "status": a["status"].to_numpy(dtype=object), "reason": a["reason"].to_numpy(dtype=object),
        "passport": np.where(issued, people["person_passport"], None).astype(object),
        "issue_date": np.where(issued, a["decided"].to_numpy(dtype="datetime64[D]"), NO_DATE),
        "office": office, "office_name": world.offices[office],
    })
    return frame.sort_values("application_number", kind="stable", ignore_index=True)


def postponements(world: PmiWorld, on: date, place: ex.Place) -> pd.DataFrame:
    p = world.postponements
    day = p["date"].to_numpy(dtype="datetime64[D]")
    p = p[(p["checkpoint"].to_numpy(dtype=object) == place.token)
          & (day >= coverage_start(on)) & (day <= as_day(on))]
    day = p["date"].to_numpy(dtype="datetime64[D]")
    people = _people(world, p)
    frame = table({
        **people,
        "postponement_number": [f"TND/{place.token[:6]}/{y}/{i:06d}" for y, i in
                                zip(_year(day), p["postponement_id"].to_numpy(), strict=True)],
        "postponement_date": day, "checkpoint": place.name,
        "passport": people["person_passport"],
        "destination": p["destination"].to_numpy(dtype=object),
        "purpose": p["purpose"].to_numpy(dtype=object),
        "reason": p["reason"].to_numpy(dtype=object),
        "handed_to": p["handed_to"].to_numpy(dtype=object),
    })
    return frame.sort_values("postponement_number", kind="stable", ignore_index=True)


def returnees(world: PmiWorld, on: date, place: ex.Place) -> pd.DataFrame:
    r = world.returnees
    day = r["arrival"].to_numpy(dtype="datetime64[D]")
    r = r[(r["post"].to_numpy(dtype=object) == place.token)
          & (day >= coverage_start(on)) & (day <= as_day(on))]
    day = r["arrival"].to_numpy(dtype="datetime64[D]")
    people = _people(world, r)
    frame = table({
        **people,
        "register_number": [f"{place.token[:5]}/{y}/{i:06d}" for y, i in
                            zip(_year(day), r["register_id"].to_numpy(), strict=True)],
        "arrival_date": day, "arrival_post": place.name,
        "deported_from": r["country"].to_numpy(dtype=object),
        "case_type": r["case"].to_numpy(dtype=object),
        "passport": np.where(r["show_passport"].to_numpy(dtype=bool),
                             people["person_passport"], None).astype(object),
    })
    return frame.sort_values("register_number", kind="stable", ignore_index=True)
