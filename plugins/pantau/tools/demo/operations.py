"""Employers that hide workers, and the TIMPORA joint operations that visited sites.

A few employers of each province hide workers (``non_compliant``): their
workers carry higher rates of the planted facts of ``model.RATES`` (no work
permit, half of those on a visit permit the employer sponsors; a work permit
without RPTKA; permits not renewed, positions without companion, permits
revoked), so the rules of docs/warehouse.md fire more often there, with noise
on both sides. The operations of the 36 months before the window's end
visited some employers (and hotels, ports, other sites); what they found
follows the employer's truth: findings mostly where workers hide.
Everything is drawn vectorised, once for the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pantau.config import REFERENCE_DIR
from pantau.normalise.regions import region_index
from pantau.tools.demo.frames import table
from pantau.tools.demo.offices import place_name
from pantau.tools.demo.timeline import as_day

if TYPE_CHECKING:
    from pantau.tools.demo.model import World

NON_COMPLIANT_SHARE = 0.04  # of a province's employers (model.RATES names it too)
NON_COMPLIANT_FLOOR = 10  # at least this many per province ...
NON_COMPLIANT_CAP = 0.25  # ... but never more than this share of its employers
HISTORY_MONTHS = 36  # a TIMPORA file holds the operations of the last 36 months
VISIT_SHARE = {True: 0.55, False: 0.35}  # employers visited at least once (hiding or not)
SITES_PER_REGENCY = 2.0  # non-company sites visited per regency (Poisson mean)
SITE_KINDS = ("HOTEL", "PELABUHAN", "LAINNYA")


def non_compliant(rng: np.random.Generator, employers: pd.DataFrame) -> np.ndarray:
    """Per employer: does it hide workers. Chosen per province, regardless of size."""
    province = employers["regency"].str[:2].to_numpy()
    flags = np.zeros(len(employers), dtype=bool)
    order = rng.permutation(len(employers))  # one draw: the first k of each province win
    ranked = pd.Series(np.arange(len(order)), index=order).sort_index().to_numpy()
    frame = pd.DataFrame({"province": province, "rank": ranked})
    frame["place"] = frame.groupby("province")["rank"].rank(method="first").to_numpy() - 1
    size = frame.groupby("province")["rank"].transform("size").to_numpy()
    wanted = np.maximum(np.ceil(NON_COMPLIANT_SHARE * size),
                        np.minimum(NON_COMPLIANT_FLOOR, np.floor(NON_COMPLIANT_CAP * size)))
    flags[frame["place"].to_numpy() < wanted] = True
    return flags


def hidden_workers(world: World) -> pd.Series:
    """Per employer_id: its workers hidden from the manpower office or immigration.

    A worker without a work stay permit (none, or a visit permit: TKA_NO_PERMIT)
    or with one but without an RPTKA position (PERMIT_NO_RPTKA).
    """
    people, streams = world.people, world.streams
    workers = people[(people["category"] == "WORKER") & (people["employer_id"] >= 0)]
    line = streams[streams["line"] == 0].set_index("person_id")["permit_type"]
    permit = line.reindex(workers["person_id"]).to_numpy()
    no_work_permit = pd.isna(permit) | (permit == "ITK")
    no_position = ~workers["person_id"].isin(world.positions["person_id"]).to_numpy()
    hidden = workers.loc[no_work_permit | no_position, "employer_id"]
    return hidden.value_counts().reindex(world.employers["employer_id"], fill_value=0)


def truth(world: World) -> pd.DataFrame:
    """truth/employers.csv: nib, regency, non_compliant, hidden_workers."""
    employers = world.employers
    return pd.DataFrame({
        "nib": employers["nib"].to_numpy(), "regency": employers["regency"].to_numpy(),
        "non_compliant": np.where(employers["non_compliant"].to_numpy(), "true", "false"),
        "hidden_workers": hidden_workers(world).to_numpy(),
    })


def _site_kind(kbli: np.ndarray) -> np.ndarray:
    """JENIS_LOKASI of a company by its KBLI sector."""
    division = np.array([k[:2] for k in kbli], dtype=object)
    return np.select([np.isin(division, ["01", "10"]), np.isin(division, ["05", "07", "08"]),
                      np.isin(division, ["24", "19"])],
                     ["PERKEBUNAN", "TAMBANG", "SMELTER"], "PERUSAHAAN").astype(object)


def _findings(rng: np.random.Generator, checked: np.ndarray, hidden: np.ndarray,
              hiding: np.ndarray) -> dict[str, np.ndarray]:
    """What a visit found: mostly where workers hide, a little noise elsewhere."""
    size = len(checked)
    found = hiding & (rng.random(size) < 0.8)
    no_permit = np.where(found, np.maximum(1, rng.binomial(np.minimum(hidden, checked), 0.7)), 0)
    stray = ~hiding & (rng.random(size) < 0.08)  # a compliant site with one finding
    no_permit = np.where(stray & (rng.random(size) < 0.5), 1, no_permit)
    mismatch = np.where(hiding, rng.binomial(checked, 0.08), 0)
    mismatch = np.where(stray & (no_permit == 0), 1, mismatch)
    overstay = rng.binomial(checked, np.where(hiding, 0.04, 0.005))
    total = no_permit + mismatch + overstay
    over = total > checked  # findings never exceed the foreigners checked
    scale = np.where(over, checked / np.maximum(total, 1), 1.0)
    no_permit = np.floor(no_permit * scale).astype(np.int64)
    mismatch = np.floor(mismatch * scale).astype(np.int64)
    overstay = np.minimum(overstay, checked - no_permit - mismatch).astype(np.int64)
    total = no_permit + mismatch + overstay
    actions = rng.binomial(total, 0.6)
    return {"findings_no_permit": no_permit, "findings_permit_mismatch": mismatch,
            "findings_overstay": overstay, "actions_on_spot": actions.astype(np.int64)}


def _employer_visits(rng: np.random.Generator, world: World) -> pd.DataFrame:
    employers = world.employers
    hiding = employers["non_compliant"].to_numpy(dtype=bool)
    visited = rng.random(len(employers)) < np.where(hiding, VISIT_SHARE[True],
                                                    VISIT_SHARE[False])
    times = np.where(visited, 1 + (rng.random(len(employers)) < 0.3), 0)
    at = np.repeat(np.arange(len(employers)), times)
    people = world.people
    workers = people[people["category"] == "WORKER"]
    staff = workers["employer_id"].value_counts().reindex(
        employers["employer_id"], fill_value=0).to_numpy()[at]
    hidden = hidden_workers(world).to_numpy()[at]
    checked = np.maximum(1, np.round(staff * rng.uniform(0.3, 1.0, size=len(at)))).astype(
        np.int64)
    frame = table({
        "employer_id": employers["employer_id"].to_numpy()[at],
        "regency": employers["regency"].to_numpy()[at],
        "site_name": employers["name"].to_numpy()[at],
        "nib": employers["nib"].to_numpy()[at],
        "site_kind": _site_kind(employers["kbli"].to_numpy()[at]),
        "non_compliant": hiding[at], "foreigners_checked": checked,
    })
    return frame.assign(**_findings(rng, checked, hidden, hiding[at]))


def _other_visits(rng: np.random.Generator, world: World) -> pd.DataFrame:
    """Hotels, ports and other sites (no NIB), a few per regency."""
    codes = np.array(world.regencies, dtype=object)
    counts = rng.poisson(SITES_PER_REGENCY, size=len(codes))
    regency = np.repeat(codes, counts)
    kind = np.array(SITE_KINDS, dtype=object)[rng.choice(3, size=len(regency),
                                                         p=[0.6, 0.25, 0.15])]
    index = region_index()
    place = np.array([place_name(index.regencies[c].name).upper() for c in regency],
                     dtype=object)
    word = np.array(["INDAH", "PERMAI", "GRAND", "CITRA", "ASRI"], dtype=object)[
        rng.integers(5, size=len(regency))]
    name = np.select([kind == "HOTEL", kind == "PELABUHAN"],
                     ["HOTEL " + word + " " + place, "PELABUHAN " + place],
                     "PASAR " + place).astype(object)
    name = name + np.where(pd.Series(name).duplicated().to_numpy(),
                           " " + np.arange(len(name)).astype(str), "")
    checked = (rng.poisson(4, size=len(regency)) + 1).astype(np.int64)
    hiding = np.zeros(len(regency), dtype=bool)
    frame = table({"employer_id": -1, "regency": regency, "site_name": name, "nib": None,
                   "site_kind": kind, "non_compliant": hiding, "foreigners_checked": checked})
    return frame.assign(**_findings(rng, checked, np.zeros(len(regency), np.int64), hiding))


def _districts(rng: np.random.Generator, regency: np.ndarray) -> np.ndarray:
    """A district of each visit's regency (its Kemendagri name); None a fifth of the time."""
    reference = pd.read_csv(REFERENCE_DIR / "districts.csv", dtype=str)
    grouped = reference.groupby("regency_code")["name"].agg(list)
    out = np.full(len(regency), None, dtype=object)
    pick = rng.integers(1 << 30, size=len(regency))
    for code in pd.unique(regency):
        names = grouped.get(code)
        if names:
            at = np.flatnonzero(regency == code)
            out[at] = np.array(names, dtype=object)[pick[at] % len(names)]
    out[rng.random(len(regency)) < 0.2] = None
    return out


def visits(rng: np.random.Generator, world: World, seed: int) -> pd.DataFrame:
    """Every site visit of the 36 months before the window's end, with its operation.

    One operation (NOMOR_SPRIN) per office and month in which it visited:
    ``SPRIN-<nn>/<KANIM>/<MM>/<YYYY>``, its visits on days of that month.
    """
    frame = pd.concat([_employer_visits(rng, world), _other_visits(rng, world)],
                      ignore_index=True)
    end = as_day(world.window.end)
    first = end - np.timedelta64(HISTORY_MONTHS * 30, "D")
    span = int((end - first) / np.timedelta64(1, "D"))
    frame["visit_date"] = first + rng.integers(1, span + 1, size=len(frame)).astype(
        "timedelta64[D]")
    frame["office"] = [world.offices[c].slug for c in frame["regency"]]
    frame["district_name"] = _districts(rng, frame["regency"].to_numpy())
    month = frame["visit_date"].to_numpy().astype("datetime64[M]")
    frame["month"] = month
    frame = frame.sort_values(["office", "visit_date", "site_name"], kind="stable",
                              ignore_index=True)
    serial = frame.groupby(["office", "month"], sort=False).ngroup()
    stamp = pd.Series(frame["month"].to_numpy()).dt.strftime("%m/%Y").to_numpy()
    frame["order_number"] = (
        "SPRIN-" + (serial % 97 + 1).astype(str).str.zfill(2).to_numpy()
        + "/" + frame["office"].to_numpy() + "/" + stamp)
    # A site is visited once per operation: a second draw in the same month is dropped.
    frame = frame.drop_duplicates(["order_number", "site_name"], ignore_index=True)
    frame = frame.drop(columns="month")
    frame.insert(0, "visit_id", np.arange(len(frame), dtype=np.int64))
    frame["remarks"] = _remarks(rng, frame, world.people)
    return frame


def _remarks(rng: np.random.Generator, frame: pd.DataFrame, people: pd.DataFrame) -> np.ndarray:
    """KETERANGAN: where something was found, the name of one foreigner (personal)."""
    workers = people[people["category"] == "WORKER"].sort_values("employer_id", kind="stable")
    employer = workers["employer_id"].to_numpy()
    names = workers["full_name"].to_numpy(dtype=object)
    wanted = frame["employer_id"].to_numpy()
    lo = np.searchsorted(employer, wanted, side="left")
    hi = np.searchsorted(employer, wanted, side="right")
    has = (wanted >= 0) & (hi > lo)
    pick = lo + np.floor(rng.random(len(frame)) * np.maximum(hi - lo, 1)).astype(np.int64)
    name = np.where(has, names[np.minimum(pick, max(len(names) - 1, 0))] if len(names) else "",
                    "")
    found = (frame["findings_no_permit"] + frame["findings_permit_mismatch"]
             + frame["findings_overstay"]).to_numpy()
    text = np.where(found > 0, "Temuan " + found.astype(str) + " WNA", "Nihil").astype(object)
    named = (found > 0) & has
    text[named] = text[named] + ", a.n. " + name[named].astype(object) + " dkk."
    return text
