"""The truth about the PMI exports: the seven rules' indications and the ``pmi`` figures.

Computed from the clean rows a period's picture uses, with the definitions read
literally (reference date t, W = the period's first day to t):

- placements, postponements, returnees: each file's latest snapshot on or before
  t; passports: every delivery on or before t, each application (office +
  NOMOR_PERMOHONAN) in its latest delivered version;
- a person is the generator's person: every row of a person carries a key that
  links it (a valid NIK, the passport, or name + birth date + origin, which the
  generator keeps unique); a row's origin is the NIK's regency (district) when
  the NIK is valid, else the stated regency (no district);
- PMI_POSTPONED_NO_PLACEMENT: a postponement in W for INDIKASI PMI NON PROSEDURAL
  or INDIKASI TPPO, and no placement of the person (PROSES, BERANGKAT, PULANG) with
  an empty departure date or one within 90 days (inclusive) of it;
- PMI_NON_WORK_PASSPORT: such a postponement, and a passport of the person issued
  in the 180 days before it (inclusive, the day itself counted) for WISATA, UMROH,
  KUNJUNGAN KELUARGA or BEROBAT;
- PMI_PASSPORT_AFTER_REFUSAL: a passport issued in W, and an application of the
  person at another office, made 0 to 365 days before the issue, DITUNDA or DITOLAK
  for INDIKASI PMI NON PROSEDURAL;
- PMI_CLOSED_DESTINATION: a placement departed in W (BERANGKAT/PULANG) or a
  postponement in W to a closed country, or an informal placement to a country of
  the Middle-East moratorium (``reference/pmi_destinations.csv``);
- PMI_UNDERAGE: a placement departed in W or a postponement in W before the
  person's 18th birthday (the birthday itself is 18);
- PMI_RETURNEE_NO_PLACEMENT: an arrival in W as a deportee (TANPA DOKUMEN, OVERSTAY,
  PENYALAHGUNAAN IZIN TINGGAL) of a person with no placement row but BATAL;
- PMI_REPEAT_RETURNEE: an arrival in W as a deportee of a person who arrived as a
  deportee on an earlier day.

Each rule's row gives the indication its origin; a person counts once per rule
and region.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from pantau.config import REFERENCE_DIR
from pantau.normalise.regions import region_index
from pantau.tools.demo import pmi_exports as ex
from pantau.tools.demo.pmi_model import add_years, destination_rules
from pantau.tools.demo.timeline import as_day

RULES = ("PMI_POSTPONED_NO_PLACEMENT", "PMI_NON_WORK_PASSPORT", "PMI_PASSPORT_AFTER_REFUSAL",
         "PMI_CLOSED_DESTINATION", "PMI_UNDERAGE", "PMI_RETURNEE_NO_PLACEMENT",
         "PMI_REPEAT_RETURNEE")
PLACED = ("PROSES", "BERANGKAT", "PULANG")
DEPARTED = ("BERANGKAT", "PULANG")
WATCHED_REASONS = (ex.NON_PROCEDURAL, ex.TRAFFICKING)
NO_PLACEMENT_DAYS = 90
NON_WORK_DAYS = 180
REFUSAL_DAYS = 365
ADULT_YEARS = 18
NATIONAL = "00"  # the national report's region code (core.dim_region)
INDICATION_COLUMNS = ["code", "regency", "district", "person_id"]


def latest_versions(deliveries: list[pd.DataFrame]) -> pd.DataFrame:
    """Every application in its latest delivered version (deliveries in delivery order)."""
    if not deliveries:
        return pd.DataFrame()
    frame = pd.concat([d.assign(_delivery=i) for i, d in enumerate(deliveries)],
                      ignore_index=True)
    frame = frame.sort_values("_delivery", kind="stable").drop_duplicates(
        ["office", "application_number"], keep="last")
    return frame.drop(columns="_delivery").reset_index(drop=True)


def _in(values: pd.Series, start: np.datetime64, end: np.datetime64) -> pd.Series:
    days = values.to_numpy(dtype="datetime64[D]")
    return pd.Series((days >= start) & (days <= end), index=values.index)


def _found(code: str, rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"code": code, "regency": rows["origin_regency"].to_numpy(dtype=object),
                         "district": rows["origin_district"].to_numpy(dtype=object),
                         "person_id": rows["person_id"].to_numpy(dtype=np.int64)})


def _pairs(left: pd.DataFrame, right: pd.DataFrame, lcols: list[str], rcols: list[str]
           ) -> pd.DataFrame:
    """Row pairs of one person: left's index as ``row`` and the chosen columns."""
    a = left[["person_id", *lcols]].assign(row=left.index)
    b = right[["person_id", *rcols]].rename(columns={c: f"r_{c}" for c in rcols})
    return a.merge(b, on="person_id")


def indications(placements: pd.DataFrame, applications: pd.DataFrame,
                postponements: pd.DataFrame, returnees: pd.DataFrame, start: date,
                on: date) -> pd.DataFrame:
    """(code, regency, district, person_id) for every rule that holds in W."""
    w0, t = as_day(start), as_day(on)
    rules = destination_rules()
    closed, moratorium = rules["closed"], rules["informal_moratorium"]
    found = [pd.DataFrame(columns=INDICATION_COLUMNS)]
    post_w = postponements[_in(postponements["postponement_date"], w0, t)]
    watched = post_w[post_w["reason"].isin(WATCHED_REASONS)]
    placed = placements[placements["status"].isin(PLACED)]
    pairs = _pairs(watched, placed, ["postponement_date"], ["departure_date"])
    gap = (pairs["r_departure_date"].to_numpy(dtype="datetime64[D]")
           - pairs["postponement_date"].to_numpy(dtype="datetime64[D]")) / np.timedelta64(1, "D")
    covered = np.isnan(gap) | (np.abs(np.nan_to_num(gap, nan=0.0)) <= NO_PLACEMENT_DAYS)
    found.append(_found("PMI_POSTPONED_NO_PLACEMENT",
                        watched[~watched.index.isin(pairs["row"][covered])]))

    issued = applications[applications["status"] == "TERBIT"] if len(applications) else \
        applications
    if len(applications):
        non_work = issued[issued["purpose"].isin(ex.NON_WORK_PURPOSES)]
        pairs = _pairs(watched, non_work, ["postponement_date"], ["issue_date"])
        before = (pairs["postponement_date"].to_numpy(dtype="datetime64[D]")
                  - pairs["r_issue_date"].to_numpy(dtype="datetime64[D]")) / np.timedelta64(1, "D")
        hit = (before >= 0) & (before <= NON_WORK_DAYS)
        found.append(_found("PMI_NON_WORK_PASSPORT", watched.loc[pd.unique(pairs["row"][hit])]))

        issued_w = issued[_in(issued["issue_date"], w0, t)]
        refused = applications[applications["status"].isin(["DITUNDA", "DITOLAK"])
                               & (applications["reason"] == ex.NON_PROCEDURAL)]
        pairs = _pairs(issued_w, refused, ["issue_date", "office"],
                       ["application_date", "office"])
        before = (pairs["issue_date"].to_numpy(dtype="datetime64[D]")
                  - pairs["r_application_date"].to_numpy(dtype="datetime64[D]")) / np.timedelta64(
            1, "D")
        hit = (before >= 0) & (before <= REFUSAL_DAYS) & (
            pairs["office"].to_numpy(dtype=object) != pairs["r_office"].to_numpy(dtype=object))
        found.append(_found("PMI_PASSPORT_AFTER_REFUSAL",
                            issued_w.loc[pd.unique(pairs["row"][hit])]))

    departed = placements[placements["status"].isin(DEPARTED)
                          & _in(placements["departure_date"], w0, t)]
    to_closed = departed["destination"].isin(closed) | (
        (departed["sector"] == "INFORMAL") & departed["destination"].isin(moratorium))
    found.append(_found("PMI_CLOSED_DESTINATION", departed[to_closed]))
    found.append(_found("PMI_CLOSED_DESTINATION", post_w[post_w["destination"].isin(closed)]))

    for rows, day in ((departed, "departure_date"), (post_w, "postponement_date")):
        if len(rows):
            adult = add_years(rows["birth_date"].to_numpy(dtype="datetime64[D]"), ADULT_YEARS)
            young = rows[day].to_numpy(dtype="datetime64[D]") < adult
            found.append(_found("PMI_UNDERAGE", rows[young]))

    deportees = returnees[returnees["case_type"].isin(ex.DEPORTATION_CASES)]
    arrived = deportees[_in(deportees["arrival_date"], w0, t)]
    on_record = set(placements.loc[placements["status"] != "BATAL", "person_id"])
    found.append(_found("PMI_RETURNEE_NO_PLACEMENT",
                        arrived[~arrived["person_id"].isin(on_record)]))
    pairs = _pairs(arrived, deportees, ["arrival_date"], ["arrival_date"])
    earlier = pairs["r_arrival_date"].to_numpy(dtype="datetime64[D]") < pairs[
        "arrival_date"].to_numpy(dtype="datetime64[D]")
    found.append(_found("PMI_REPEAT_RETURNEE", arrived.loc[pd.unique(pairs["row"][earlier])]))
    out = pd.concat(found, ignore_index=True).drop_duplicates()
    out["person_id"] = out["person_id"].astype(np.int64)
    return out.sort_values(["code", "regency", "district", "person_id"], na_position="first",
                           ignore_index=True)


def _region_of(level: str, regency: pd.Series) -> pd.Series:
    if level == "regency":
        return regency
    if level == "province":
        return regency.str.slice(0, 2)
    return pd.Series(NATIONAL, index=regency.index, dtype=object)


def _area_of(level: str, frame: pd.DataFrame) -> pd.Series:
    """The sub-area a region's priority list names: district, regency or province."""
    if level == "regency":
        return frame["origin_district"] if "origin_district" in frame else frame["district"]
    regency = frame["origin_regency"] if "origin_regency" in frame else frame["regency"]
    return regency if level == "province" else regency.str.slice(0, 2)


def _area_name(level: str, code: str) -> str:
    index = region_index()
    if level == "regency":
        return district_names().get(code, code)
    return (index.regencies[code] if level == "province" else index.provinces[code]).name


@cache
def district_names() -> dict[str, str]:
    with (REFERENCE_DIR / "districts.csv").open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def figures(regencies: list[str], provinces: list[str], period_label: str,
            start: date, on: date, placements: pd.DataFrame, applications: pd.DataFrame,
            postponements: pd.DataFrame, returnees: pd.DataFrame,
            found: pd.DataFrame) -> list[dict]:
    """The expected ``pmi`` object of every regency, whole province and the nation (region
    "00": every row the demo writes, whatever its scope)."""
    w0, t = as_day(start), as_day(on)
    index = region_index()
    departed = placements[placements["status"].isin(DEPARTED)
                          & _in(placements["departure_date"], w0, t)]
    if len(applications):
        issued = applications[(applications["status"] == "TERBIT")
                              & _in(applications["issue_date"], w0, t)]
        withheld = applications[applications["status"].isin(["DITUNDA", "DITOLAK"])
                                & (applications["reason"] == ex.NON_PROCEDURAL)
                                & _in(applications["application_date"], w0, t)]
    else:
        issued = withheld = pd.DataFrame(columns=["origin_regency", "purpose"])
    postponed = postponements[_in(postponements["postponement_date"], w0, t)]
    arrived = returnees[_in(returnees["arrival_date"], w0, t)]
    levels = [("regency", regencies), ("province", provinces), ("national", [NATIONAL])]
    out = []
    for level, wanted in levels:
        def region(frame: pd.DataFrame, column: str = "origin_regency",
                   level: str = level) -> pd.Series:
            return _region_of(level, frame[column].astype(object))

        def counts(frame: pd.DataFrame, by: str | None = None) -> dict:
            keys = [region(frame)] + ([frame[by]] if by else [])
            return frame.groupby(keys, sort=True).size().to_dict() if len(frame) else {}

        placed_n, by_scheme = counts(departed), counts(departed, "scheme")
        by_destination = counts(departed, "destination")
        informal = counts(departed[departed["sector"] == "INFORMAL"])
        issued_by, withheld_n = counts(issued, "purpose"), counts(withheld)
        postponed_by, arrived_by = counts(postponed, "reason"), counts(arrived, "case_type")
        persons = found.assign(region=_region_of(level, found["regency"].astype(object)))
        per_rule = persons.drop_duplicates(["region", "code", "person_id"]).groupby(
            ["region", "code"]).size().to_dict()
        areas = persons.assign(area=_area_of(level, persons)).dropna(subset=["area"])
        areas = areas.drop_duplicates(["region", "area", "person_id"]).groupby(
            ["region", "area"]).size()
        placed_area = departed.assign(region=region(departed),
                                      area=_area_of(level, departed)).dropna(subset=["area"])
        placed_area = placed_area.groupby(["region", "area"]).size().to_dict()
        for code in wanted:
            name = ("Indonesia" if code == NATIONAL else
                    (index.regencies.get(code) or index.provinces[code]).name)
            here = areas[areas.index.get_level_values(0) == code] if len(areas) else areas
            priority = sorted(
                ({"code": area, "name": _area_name(level, area), "persons_indicated": int(n),
                  "placements_departed": int(placed_area.get((code, area), 0))}
                 for (_, area), n in here.items()),
                key=lambda a: (-a["persons_indicated"], a["code"]))
            destinations = {k[1]: int(v) for k, v in sorted(by_destination.items())
                            if k[0] == code}
            out.append({
                "region_code": code, "region_name": name, "period": period_label,
                "reference_date": on.isoformat(),
                "pmi": {
                    "placements_departed": int(placed_n.get(code, 0)),
                    "placements_by_destination": destinations,
                    "placements_by_scheme": {s: int(by_scheme.get((code, s), 0))
                                             for s in ex.SCHEMES},
                    "placements_informal": int(informal.get(code, 0)),
                    "passports_issued": {p: int(issued_by.get((code, p), 0))
                                         for p in ex.PURPOSES},
                    "passports_withheld_pmi": int(withheld_n.get(code, 0)),
                    "departures_postponed": {r: int(postponed_by.get((code, r), 0))
                                             for r in ex.POSTPONEMENT_REASONS},
                    "returnees": {c: int(arrived_by.get((code, c), 0)) for c in ex.CASE_TYPES},
                    "indications": {r: int(per_rule.get((code, r), 0)) for r in RULES},
                    "priority_areas": priority,
                },
            })
    return out
