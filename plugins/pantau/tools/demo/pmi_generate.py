"""The PMI part of ``pantau demo-data``: the four exports per month and their truth.

Layout (beside the foreigner sources')::

    DIR/landing/kp2mi_penempatan/penempatan_<province>_<YYYYMMDD>.csv          (,)
    DIR/landing/imigrasi_paspor/<KANIM>/paspor_<KANIM>_<YYYYMMDD>.csv           (;) delta
    DIR/landing/imigrasi_penundaan/penundaan_<TPI>_<YYYYMMDD>.csv               (;)
    DIR/landing/bp3mi_pemulangan/pemulangan_<POS>_<YYYYMMDD>.csv                (,)
    DIR/truth/pmi/persons.csv       person_id, link keys, origin regency and district
    DIR/truth/pmi/indications.csv   period, code, regency, district, person_id
    DIR/truth/pmi/planted.csv       period, rule, person_id, indicated, case: the edges
    DIR/truth/pmi/figures/<period>/<region>.json   the expected ``pmi`` object

Every extraction is at month end. The passport feed delivers, per office, a
first export covering the 24 months before the window's first extraction, then
one delta a month.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from pantau.periods import Period
from pantau.tools.demo import pmi_snapshots as snap
from pantau.tools.demo import pmi_truth
from pantau.tools.demo.model import Window
from pantau.tools.demo.offices import Office
from pantau.tools.demo.pmi_calibration import PASSPORT_SAMPLE_ABOVE_PER_YEAR
from pantau.tools.demo.pmi_exports import (
    EXPORTS,
    PASSPORTS,
    PLACEMENTS,
    POSTPONEMENTS,
    RETURNEES,
    file_path,
)
from pantau.tools.demo.pmi_model import PmiWorld, build_pmi_world
from pantau.tools.demo.pmi_render import PmiRenderer
from pantau.tools.demo.render import Table
from pantau.tools.demo.truth import name_key
from pantau.tools.demo.writers import write_csv

PMI_SOURCES = tuple(EXPORTS)
# What the truth keeps of the clean rows (names and passports are written: dropped).
KEEP = ["person_id", "nik_valid", "origin_regency", "origin_district", "birth_date"]
KEEP_BY_SOURCE = {
    PLACEMENTS: ["placement_id", "status", "departure_date", "destination", "sector", "scheme"],
    PASSPORTS: ["office", "application_number", "application_date", "status", "reason",
                "purpose", "issue_date"],
    POSTPONEMENTS: ["postponement_number", "postponement_date", "destination", "reason"],
    RETURNEES: ["register_number", "arrival_date", "case_type"],
}


class PmiGenerator:
    def __init__(self, world: PmiWorld, seed: int, landing: Path,
                 progress: Callable[[str], None]):
        self.world, self.landing, self.progress = world, landing, progress
        self.renderer = PmiRenderer(seed)
        self.files: list[dict] = []
        self.quarantine: list[dict] = []
        self.messiness: list[dict] = []
        self.deliveries: list[pd.DataFrame] = []  # clean passport rows, in delivery order
        self.previous: date | None = None
        self.indications: list[pd.DataFrame] = []
        self.figures: dict[str, list[dict]] = {}
        self.frames: dict[str, pd.DataFrame] = {}

    def _write(self, table: Table) -> None:
        path = write_csv(table, self.landing, EXPORTS[table.source].delimiter)
        name = f"landing/{table.path}"
        self.files.append({"path": name, "source": table.source, "rows": len(table.frame),
                           "_local": path})
        self.quarantine += [{"source": table.source, "file": name, **e} for e in table.quarantine]
        self.messiness += [{"file": name, "kind": k} for k in sorted(table.messiness)]

    @staticmethod
    def _keep(source: str, frame: pd.DataFrame) -> pd.DataFrame:
        return frame[KEEP + KEEP_BY_SOURCE[source]]

    def month(self, month: Period) -> None:
        world, render, on = self.world, self.renderer, month.end
        stamp = f"{on:%Y%m%d}"
        full = on == world.window.end
        kept: dict[str, list[pd.DataFrame]] = {s: [] for s in EXPORTS}
        for province in world.provinces:
            rows = snap.placements(world, on, province)
            self._write(render.placements(file_path(PLACEMENTS, province, stamp), province,
                                          rows, on, full))
            kept[PLACEMENTS].append(self._keep(PLACEMENTS, rows))
        for office in sorted(world.offices):
            rows = snap.applications(world, on, self.previous, office)
            self._write(render.applications(file_path(PASSPORTS, office, stamp), office, rows,
                                            on, full))
            self.deliveries.append(self._keep(PASSPORTS, rows))
        for place in world.checkpoints:
            rows = snap.postponements(world, on, place)
            self._write(render.postponements(file_path(POSTPONEMENTS, place.token, stamp),
                                             place.token, rows, on, full))
            kept[POSTPONEMENTS].append(self._keep(POSTPONEMENTS, rows))
        for place in world.posts:
            rows = snap.returnees(world, on, place)
            self._write(render.returnees(file_path(RETURNEES, place.token, stamp), place.token,
                                         rows, on, full))
            kept[RETURNEES].append(self._keep(RETURNEES, rows))
        self.previous = on
        self.frames = {s: pd.concat(v, ignore_index=True) for s, v in kept.items() if v}
        self.frames[PASSPORTS] = pmi_truth.latest_versions(self.deliveries)
        self.progress(f"{month} PMI: {len(self.frames[PLACEMENTS]):,} placements, "
                      f"{sum(len(d) for d in self.deliveries[-len(world.offices):]):,} "
                      f"passport rows, {len(self.frames[POSTPONEMENTS]):,} postponements, "
                      f"{len(self.frames[RETURNEES]):,} returnees")

    def tell_truth(self, period: Period, whole: list[str]) -> None:
        f = self.frames
        found = pmi_truth.indications(f[PLACEMENTS], f[PASSPORTS], f[POSTPONEMENTS],
                                      f[RETURNEES], period.start, period.end)
        self.indications.append(found.assign(period=period.label))
        self.figures[period.label] = pmi_truth.figures(
            self.world.regencies, whole, period.label, period.start, period.end,
            f[PLACEMENTS], f[PASSPORTS], f[POSTPONEMENTS], f[RETURNEES], found)

    def write_truth(self, folder: Path) -> None:
        folder = folder / "pmi"
        folder.mkdir(parents=True, exist_ok=True)
        w = self.world
        persons = w.persons
        slipped = pd.concat([w.placements[["person_id", "nik_slip"]],
                             w.applications[["person_id", "nik_slip"]],
                             w.postponements[["person_id", "nik_slip"]],
                             w.returnees[["person_id", "nik_slip"]]])
        slipped = set(slipped.loc[slipped["nik_slip"] > 0, "person_id"])
        pd.DataFrame({
            "person_id": persons["person_id"], "nik": persons["nik"],
            "nik_valid": True, "nik_invalid_on_some_rows": persons["person_id"].isin(slipped),
            "passport": persons["passport"], "name_key": name_key(persons["full_name"]),
            "birth_date": persons["birth_date"].astype("datetime64[s]").dt.strftime("%Y-%m-%d"),
            "sex": persons["female"].map({True: "P", False: "L"}),
            "origin_regency": persons["regency"], "origin_district": persons["district"],
        }).to_csv(folder / "persons.csv", index=False)
        found = pd.concat(self.indications, ignore_index=True)
        found[["period", "code", "regency", "district", "person_id"]].to_csv(
            folder / "indications.csv", index=False)
        pd.DataFrame(w.planted, columns=["period", "rule", "person_id", "indicated",
                                         "case"]).to_csv(folder / "planted.csv", index=False)
        for label, entries in self.figures.items():
            target = folder / "figures" / label
            target.mkdir(parents=True, exist_ok=True)
            for entry in entries:
                (target / f"{entry['region_code']}.json").write_text(
                    json.dumps(entry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def pmi_generator(regencies: list[str], window: Window, seed: int, offices: dict[str, Office],
                  landing: Path, progress: Callable[[str], None],
                  passport_cap: int | None = PASSPORT_SAMPLE_ABOVE_PER_YEAR) -> PmiGenerator:
    world = build_pmi_world(regencies, window, seed, offices, passport_cap)
    snap.identify(world)
    sampled = (f" (passports sampled: {world.passport_share:.1%})"
               if world.passport_share < 1 else "")
    progress(f"PMI: {len(world.persons):,} people, {len(world.placements):,} placements, "
             f"{len(world.applications):,} passport decisions{sampled}")
    return PmiGenerator(world, seed, landing, progress)
