"""The right answers: discrepancy codes per person and the figures per region.

Computed from the clean rows of the snapshots a period's picture uses (each
source's latest extraction on or before the reference date), with the rules
of docs/warehouse.md read literally. The definitions are documented in the README
("truth/") so that the warehouse can be held to them:

- a stay permit is *valid* on the reference date t when its STATUS is AKTIF and
  TGL_TERBIT <= t <= TGL_HABIS; a *work* permit has index E23 or purpose BEKERJA;
- an RPTKA position *covers* t when TGL_MULAI <= t <= TGL_SELESAI; it lies in
  every regency of its LOKASI_KERJA;
- a population document is *active* when STAT_DOK is AKTIF, TGL_TERBIT <= t and
  TGL_BERLAKU is empty or >= t;
- DKPTKA months due = calendar months from TGL_MULAI's month to t's month,
  both counted; USD 100 each;
- an RPTKA row without a usable passport (empty, or malformed) is the person
  whose permit rows of the picture match its normalised name + birth date +
  nationality, when exactly one does; else it names nobody (ambiguous or
  unlinked): it still counts as a worker, but no rule reads it.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from pantau.normalise.regions import region_index
from pantau.tools.demo import vocab
from pantau.tools.demo.pmi_truth import NATIONAL
from pantau.tools.demo.timeline import as_day, months_due

RULES = ("TKA_NO_PERMIT", "PERMIT_NO_RPTKA", "PERMIT_NO_REGISTRATION", "REGION_MISMATCH",
         "EXPIRED_PERMIT_ACTIVE", "RPTKA_EXPIRED", "RESTRICTED_POSITION", "DKPTKA_UNDERPAID",
         "NO_COMPANION")
PERMIT_TYPES = ("ITAS", "ITAP", "ITK")
DKPTKA_USD_PER_MONTH = 100
EXPIRING_DAYS = 90


UNLINKED = -1  # person_id of a row that names nobody the warehouse can tell apart


def name_key(names: pd.Series) -> pd.Series:
    """Letters only, upper case: how the build compares names across agencies."""
    return names.fillna("").astype(str).str.replace(r"[\W\d_]", "", regex=True).str.upper()


def link_by_name(positions: pd.DataFrame, permits: pd.DataFrame) -> pd.DataFrame:
    """RPTKA rows without a usable passport linked to the one permit holder of the picture
    with their name, birth date and nationality (``permits``: person_id, full_name,
    birth_date, nationality); several or none: ``UNLINKED``, with the link method."""
    def keys(frame: pd.DataFrame, name: str) -> pd.Series:
        return (name_key(frame[name]) + "|" + frame["birth_date"].astype(str) + "|"
                + frame["nationality"].astype(str))

    holders = pd.DataFrame({"key": keys(permits, "full_name"),
                            "person_id": permits["person_id"]}).drop_duplicates()
    candidates = holders.groupby("key")["person_id"].agg(list).to_dict()
    gap = positions["passport_gap"].to_numpy() > 0
    found = [candidates.get(k, []) for k in keys(positions, "worker_name")]
    person = np.where(~gap, positions["person_id"].to_numpy(),
                      [c[0] if len(c) == 1 else UNLINKED for c in found])
    method = np.where(~gap, "passport",
                      [("name_birth_date" if len(c) == 1 else "ambiguous" if c else "unlinked")
                       for c in found])
    return positions.assign(person_id=person.astype(np.int64), link_method=method)


def valid_permits(permits: pd.DataFrame, t: np.datetime64) -> pd.DataFrame:
    return permits[(permits["status"] == "AKTIF") & (permits["issue_date"] <= t)
                   & (permits["expiry_date"] >= t)]


def covering_positions(positions: pd.DataFrame, t: np.datetime64) -> pd.DataFrame:
    return positions[(positions["start_date"] <= t) & (positions["end_date"] >= t)]


def active_documents(registrations: pd.DataFrame, t: np.datetime64) -> pd.DataFrame:
    return registrations[(registrations["status"] == "AKTIF") & (registrations["issue_date"] <= t)
                         & (registrations["valid_until"].isna()
                            | (registrations["valid_until"] >= t))]


def _explode_locations(positions: pd.DataFrame) -> pd.DataFrame:
    out = positions.assign(region=positions["locations"].str.split(";")).explode("region")
    return out.reset_index(drop=True)


def discrepancies(permits: pd.DataFrame, positions: pd.DataFrame,
                  registrations: pd.DataFrame, on: date) -> pd.DataFrame:
    """(person_id, code, regency) for every rule that holds on ``on``."""
    t = as_day(on)
    positions = positions[positions["person_id"] != UNLINKED]  # counted, in no rule
    valid = valid_permits(permits, t)
    work = valid[(valid["visa_index"] == "E23") | (valid["purpose"] == "BEKERJA")]
    covering = covering_positions(positions, t)
    cover_at = _explode_locations(covering)
    active = active_documents(registrations, t)
    found: list[pd.DataFrame] = []

    def add(code: str, frame: pd.DataFrame, region: str) -> None:
        found.append(pd.DataFrame({"person_id": frame["person_id"].to_numpy(), "code": code,
                                   "regency": frame[region].to_numpy()}))

    workers_with_permit = set(work["person_id"])
    add("TKA_NO_PERMIT", cover_at[~cover_at["person_id"].isin(workers_with_permit)], "region")
    covered_pairs = pd.MultiIndex.from_frame(cover_at[["person_id", "region"]])
    work_pairs = pd.MultiIndex.from_arrays([work["person_id"], work["regency"]])
    add("PERMIT_NO_RPTKA", work[~work_pairs.isin(covered_pairs)], "regency")
    residents = valid[valid["permit_type"].isin(["ITAS", "ITAP"])]
    add("PERMIT_NO_REGISTRATION", residents[~residents["person_id"].isin(active["person_id"])],
        "regency")

    placed = pd.concat([
        pd.DataFrame({"person_id": valid["person_id"], "regency": valid["regency"], "by": "A"}),
        pd.DataFrame({"person_id": active["person_id"], "regency": active["regency"],
                      "by": "B"}),
        pd.DataFrame({"person_id": cover_at["person_id"], "regency": cover_at["region"],
                      "by": "C"}),
    ], ignore_index=True).drop_duplicates()
    # Per person: how many regencies each source names, and how many they share.
    flags = placed.assign(a=placed["by"] == "A", b=placed["by"] == "B", c=placed["by"] == "C")
    flags = flags.groupby(["person_id", "regency"])[["a", "b", "c"]].any()
    flags = flags.assign(ab=flags["a"] & flags["b"], ac=flags["a"] & flags["c"],
                         bc=flags["b"] & flags["c"])
    n = flags.groupby(level="person_id").sum()
    differ_ab = (n["a"] > 0) & (n["b"] > 0) & ~((n["ab"] == n["a"]) & (n["ab"] == n["b"]))
    apart_ac = (n["a"] > 0) & (n["c"] > 0) & (n["ac"] == 0)
    apart_bc = (n["a"] == 0) & (n["b"] > 0) & (n["c"] > 0) & (n["bc"] == 0)
    mismatch = n.index[differ_ab | apart_ac | apart_bc]
    mismatched = placed[placed["person_id"].isin(mismatch)]
    add("REGION_MISMATCH", mismatched.drop_duplicates(["person_id", "regency"]), "regency")

    latest = permits.sort_values(["person_id", "issue_date", "permit_number"]).groupby(
        "person_id").tail(1)
    expired = latest[latest["expiry_date"] < t]
    still_active = set(covering["person_id"]) | set(active["person_id"])
    add("EXPIRED_PERMIT_ACTIVE", expired[expired["person_id"].isin(still_active)], "regency")

    ended = positions[positions["end_date"] < t]
    lapsed = work[~work["person_id"].isin(covering["person_id"])
                  & work["person_id"].isin(ended["person_id"])]
    add("RPTKA_EXPIRED", lapsed, "regency")

    restricted = {o.code for o in vocab.occupations() if o.restricted}
    add("RESTRICTED_POSITION", cover_at[cover_at["occupation_code"].isin(restricted)], "region")
    due = months_due(cover_at["start_date"].to_numpy(), on)
    add("DKPTKA_UNDERPAID", cover_at[cover_at["dkptka_months"].to_numpy() < due], "region")
    add("NO_COMPANION", cover_at[cover_at["companions"] == 0], "region")
    out = pd.concat(found, ignore_index=True).drop_duplicates()
    return out.sort_values(["code", "regency", "person_id"], ignore_index=True)


def _counts(frame: pd.DataFrame, keys: list[str]) -> dict:
    return frame.groupby(keys, sort=True).size().to_dict()


def figures(regencies: list[str], provinces: list[str], period_label: str, on: date,
            period_start: date, permits: pd.DataFrame, positions: pd.DataFrame,
            registrations: pd.DataFrame, actions: pd.DataFrame,
            codes: pd.DataFrame) -> list[dict]:
    """figures.json content for each regency, each province wholly in scope and the nation
    (region "00": every row the demo writes, whatever its scope)."""
    t = as_day(on)
    index = region_index()
    valid = valid_permits(permits, t)
    covering = _explode_locations(covering_positions(positions, t))
    covering["due"] = months_due(covering["start_date"].to_numpy(), on)
    active = active_documents(registrations, t)
    dated = actions[(actions["action_date"] >= as_day(period_start))
                    & (actions["action_date"] <= t)]
    horizon = t + np.timedelta64(EXPIRING_DAYS, "D")
    out = []
    for level, wanted in (("regency", regencies), ("province", provinces),
                          ("national", [NATIONAL])):
        def key(regency: pd.Series, level: str = level) -> pd.Series:
            if level == "national":  # every row the demo writes is Indonesia's
                return pd.Series(NATIONAL, index=regency.index, dtype=object)
            return regency if level == "regency" else regency.str.slice(0, 2)

        here = valid.assign(region=key(valid["regency"])).drop_duplicates(
            ["region", "person_id"])
        here = here.assign(expiring=(here["expiry_date"] > t) & (here["expiry_date"] <= horizon))
        work = covering.assign(region=key(covering["region"])).drop_duplicates(
            ["region", "position_id"])
        persons = codes.assign(region=key(codes["regency"])).drop_duplicates(
            ["region", "person_id", "code"])
        totals = _counts(here, ["region"])
        by_type = _counts(here, ["region", "permit_type"])
        by_nationality = here.groupby("region")["nationality"].value_counts()
        expiring = here.groupby("region")["expiring"].sum().to_dict()
        workers = _counts(work, ["region"])
        workers_by_nationality = work.groupby("region")["nationality"].value_counts()
        due = work.groupby("region")["due"].sum().to_dict()
        paid = work.groupby("region")["dkptka_usd"].sum().to_dict()
        registered = _counts(active.assign(region=key(active["regency"])), ["region"])
        rules = _counts(persons, ["region", "code"])
        acted = _counts(dated.assign(region=key(dated["regency"])), ["region", "action_type"])

        def nested(series: pd.Series) -> dict[str, dict[str, int]]:
            out: dict[str, dict[str, int]] = {}
            for (region, label), value in series.sort_index().items():
                out.setdefault(region, {})[label] = int(value)
            return out

        nationality_by_region = nested(by_nationality)
        workers_nationality_by_region = nested(workers_by_nationality)

        for code in wanted:
            name = ("Indonesia" if code == NATIONAL else
                    (index.regencies.get(code) or index.provinces[code]).name)
            out.append({
                "region_code": code,
                "region_name": name,
                "period": period_label,
                "reference_date": on.isoformat(),
                "foreigners_total": int(totals.get(code, 0)),
                "by_permit_type": {k: int(by_type.get((code, k), 0)) for k in PERMIT_TYPES},
                "by_nationality": nationality_by_region.get(code, {}),
                "workers_total": int(workers.get(code, 0)),
                "workers_by_nationality": workers_nationality_by_region.get(code, {}),
                "registered_total": int(registered.get(code, 0)),
                "discrepancies": {rule: int(rules.get((code, rule), 0)) for rule in RULES},
                "expiring_90_days": int(expiring.get(code, 0)),
                "administrative_actions": {k: int(acted.get((code, k), 0))
                                           for k in vocab.ACTION_SHARE},
                "dkptka_due_usd": int(due.get(code, 0)) * DKPTKA_USD_PER_MONTH,
                "dkptka_paid_usd": int(paid.get(code, 0)),
            })
    return out
