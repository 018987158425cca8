"""``pantau demo-data``: write the agencies' exports and the truth about them.

Layout of the output directory::

    DIR/landing/imigrasi_izin_tinggal/<KANIM>/izin_tinggal_<KANIM>_<YYYYMMDD>.csv
    DIR/landing/imigrasi_tindakan/<KANIM>/tindakan_<KANIM>_<YYYYMMDD>.csv
    DIR/landing/tenaga_kerja_tka/tka_<province>_<YYYYMMDD>.xlsx
    DIR/landing/dukcapil_orang_asing/<province>/wna_<regency>_<YYYYMMDD>.csv
    DIR/landing/timpora_operasi/<KANIM>/operasi_<KANIM>_<YYYYMMDD>.xlsx
    DIR/truth/manifest.json          arguments, snapshot dates, files (SHA-256, rows)
    DIR/truth/persons.csv            every synthetic person (linking keys, category)
    DIR/truth/discrepancies.csv      period, rule code, regency, person
    DIR/truth/quarantine.csv         rows made invalid on purpose and why
    DIR/truth/messiness.csv          which kinds of field messiness each file carries
    DIR/truth/figures/<period>/<region>.json   expected figures.json per region
    DIR/truth/employers.csv          which employers hide workers, and how many
    DIR/truth/operations.csv         the visits of each office's latest operations file
    DIR/landing/{kp2mi_penempatan,imigrasi_paspor,imigrasi_penundaan,bp3mi_pemulangan}/...
    DIR/truth/pmi/...                the PMI exports' truth (``pmi_generate``)

Monthly snapshots are written for the period and the previous one (or, with
``months``, for that many months ending with the period); XLSX workbooks are
written by worker processes while the main process goes on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pandas as pd

from pantau.periods import Period
from pantau.sources.catalog import SOURCES
from pantau.tools.demo import names, operations, operations_render, snapshots, truth
from pantau.tools.demo.model import RATES, World, build_world
from pantau.tools.demo.pmi_calibration import PASSPORT_SAMPLE_ABOVE_PER_YEAR
from pantau.tools.demo.pmi_generate import PMI_SOURCES, PmiGenerator, pmi_generator
from pantau.tools.demo.render import Renderer, Table
from pantau.tools.demo.scope import resolve_scope
from pantau.tools.demo.writers import write_csv, write_xlsx, xlsx_job

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MARKER = ".pantau-demo-data"
MAX_PENDING_WORKBOOKS = 4
# What the truth needs of the clean snapshots, once their files are written.
TRUTH_COLUMNS = {
    "permits": ["person_id", "permit_number", "permit_type", "visa_index", "purpose",
                "nationality", "regency", "issue_date", "expiry_date", "status"],
    "registrations": ["person_id", "nik", "document_type", "issue_date", "valid_until",
                      "regency", "status"],
}


class OutputNotOurs(RuntimeError):
    """The output directory holds something this generator did not write."""


@dataclass
class Result:
    out: Path
    files: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    messiness: list[dict] = field(default_factory=list)
    figures: dict[str, list[dict]] = field(default_factory=dict)
    discrepancies: list[pd.DataFrame] = field(default_factory=list)

    def count(self, source: str) -> int:
        return sum(1 for f in self.files if f["source"] == source)


def _prepare(out: Path) -> tuple[Path, Path]:
    """Empty landing/ and truth/ for a new run, but only if a previous run made them.

    The marker is written first, so that an interrupted run can be redone.
    """
    landing, truth_dir = out / "landing", out / "truth"
    if (landing.exists() or truth_dir.exists()) and not (out / MARKER).exists():
        raise OutputNotOurs(f"{out} already has landing/ or truth/ that pantau demo-data did "
                            "not write; choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by pantau demo-data; landing/ and truth/ are "
                              "replaced on every run\n", encoding="utf-8")
    for folder in (landing, truth_dir):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    return landing, truth_dir


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Generator:
    def __init__(self, world: World, seed: int, out: Path, pool: ProcessPoolExecutor | None,
                 progress: Callable[[str], None]):
        self.world, self.seed, self.pool, self.progress = world, seed, pool, progress
        self.landing, self.truth_dir = _prepare(out)
        self.result = Result(out=out)
        self.renderer = Renderer(seed)
        self.streets = names.street_addresses(seed)
        self.pending: list[Future] = []
        regencies = world.regencies
        self.provinces = sorted({c[:2] for c in regencies})
        self.office_slugs = sorted({world.offices[c].slug for c in regencies})
        self.latest_operations: dict[str, pd.DataFrame] = {}  # office -> its latest file's rows

    # ---------------------------------------------------------------- bookkeeping

    def _record(self, table: Table, path: Path | None = None) -> None:
        source = table.source
        self.result.files.append({"path": f"landing/{table.path}", "source": source,
                                  "rows": len(table.frame), "_local": path or
                                  self.landing / table.path})
        for entry in table.quarantine:
            self.result.quarantine.append({"source": source, "file": f"landing/{table.path}",
                                           **entry})
        for kind in sorted(table.messiness):
            self.result.messiness.append({"file": f"landing/{table.path}", "kind": kind})

    def _csv(self, table: Table) -> None:
        self._record(table, write_csv(table, self.landing, SOURCES[table.source].delimiter))

    def _xlsx(self, table: Table, day: date) -> None:
        job = xlsx_job(table, self.landing, day)
        if self.pool is None:
            write_xlsx(*job)
        else:
            while len(self.pending) >= MAX_PENDING_WORKBOOKS:  # bound the memory held
                self.pending.pop(0).result()
            self.pending.append(self.pool.submit(write_xlsx, *job))
        self._record(table)
        table.frame = table.frame.iloc[0:0]  # the worker has its own copy

    # ------------------------------------------------------------------- months

    def month(self, month: Period) -> dict[str, pd.DataFrame]:
        """Write every source's snapshot of ``month``; return the clean frames."""
        world, render = self.world, self.renderer
        on = month.end
        stamp = f"{on:%Y%m%d}"
        permits = snapshots.permits(world, on, self.streets)
        grouped = dict(tuple(permits.groupby("office", sort=True)))
        for slug in self.office_slugs:  # an office with an empty register still delivers
            rows = grouped.get(slug, permits.iloc[0:0])
            self._csv(render.permits(
                f"imigrasi_izin_tinggal/{slug}/izin_tinggal_{slug}_{stamp}.csv", slug, rows, on))
        named = permits[["person_id", "full_name", "birth_date", "nationality"]]
        permits = permits[TRUTH_COLUMNS["permits"]]  # names and addresses are written: drop
        actions = snapshots.actions(world, on)
        grouped = dict(tuple(actions.groupby("office", sort=True)))
        for slug in self.office_slugs:
            rows = grouped.get(slug, actions.iloc[0:0])
            self._csv(render.actions(
                f"imigrasi_tindakan/{slug}/tindakan_{slug}_{stamp}.csv", slug, rows, on))
        tka_days = {p: snapshots.snapshot_day("tenaga_kerja_tka", p, month)
                    for p in self.provinces}
        positions = snapshots.positions(world, tka_days)
        grouped = dict(tuple(positions.groupby("province", sort=True)))
        for province in self.provinces:
            day = tka_days[province]
            rows = grouped.get(province, positions.iloc[0:0])
            self._xlsx(render.positions(
                f"tenaga_kerja_tka/tka_{province}_{day:%Y%m%d}.xlsx", province, rows, day), day)
        self._operations(on)
        dk_days = {r: snapshots.snapshot_day("dukcapil_orang_asing", r, month)
                   for r in world.regencies}
        registrations = snapshots.registrations(world, dk_days, self.streets)
        grouped = dict(tuple(registrations.groupby("regency", sort=True)))
        for regency in world.regencies:
            day = dk_days[regency]
            rows = grouped.get(regency, registrations.iloc[0:0])
            self._csv(render.registrations(
                f"dukcapil_orang_asing/{regency[:2]}/wna_{regency.replace('.', '')}_"
                f"{day:%Y%m%d}.csv", regency, rows, day))
        registrations = registrations[TRUTH_COLUMNS["registrations"]]
        positions = truth.link_by_name(positions, named)
        self.progress(f"{month}: {len(permits):,} permits, {len(positions):,} positions, "
                      f"{len(registrations):,} registrations, {len(actions):,} actions")
        return {"permits": permits, "positions": positions, "registrations": registrations,
                "actions": actions}

    def _operations(self, on: date) -> None:
        """Each office's TIMPORA workbook (offices that visited nothing in 36 months: none)."""
        visits = self.world.operations
        if visits is None:
            return
        for slug in self.office_slugs:
            rows = operations_render.snapshot(visits, slug, on)
            if rows.empty:
                continue
            self._xlsx(operations_render.render(rows, slug, on, self.renderer.seed), on)
            self.latest_operations[slug] = rows.assign(snapshot_date=on)

    def tell_truth(self, period: Period, frames: dict[str, pd.DataFrame]) -> None:
        on = period.reference_date
        codes = truth.discrepancies(frames["permits"], frames["positions"],
                                    frames["registrations"], on)
        self.result.discrepancies.append(codes.assign(period=period.label))
        whole = [p for p in self.provinces
                 if set(resolve_scope([p])) <= set(self.world.regencies)]
        self.result.figures[period.label] = truth.figures(
            self.world.regencies, whole, period.label, on, period.start, frames["permits"],
            frames["positions"], frames["registrations"], frames["actions"], codes)

    def finish(self) -> None:
        for future in self.pending:
            future.result()
        for entry in self.result.files:
            local = entry.pop("_local")
            entry["sha256"] = _sha256(local)
            entry["bytes"] = local.stat().st_size


def _write_truth(generator: Generator, scope: list[str], period: Period, seed: int,
                 pmi: PmiGenerator | None = None) -> None:
    result, world, folder = generator.result, generator.world, generator.truth_dir
    # The PMI files come after the foreigner sources' (whose truth files stay as they were).
    sources = list(dict.fromkeys([*SOURCES, *(PMI_SOURCES if pmi else ())]))
    if pmi is not None:
        result.quarantine += pmi.quarantine
        result.messiness += pmi.messiness
        pmi.write_truth(folder)
    operations.truth(world).to_csv(folder / "employers.csv", index=False)
    if generator.latest_operations:
        latest = pd.concat(generator.latest_operations.values(), ignore_index=True)
        latest = latest.assign(
            visit_date=latest["visit_date"].dt.date,
            non_compliant=np.where(latest["non_compliant"], "true", "false"))
        latest[["snapshot_date", *operations_render.TRUTH_COLUMNS]].to_csv(
            folder / "operations.csv", index=False)
    people = world.people
    people[["person_id", "category", "nationality", "passport", "regency", "arrival",
            "departure"]].rename(columns={"regency": "residence_regency"}).to_csv(
        folder / "persons.csv", index=False)
    codes = pd.concat(result.discrepancies, ignore_index=True).merge(
        people[["person_id", "passport", "nationality"]], on="person_id", how="left")
    codes[["period", "code", "regency", "person_id", "passport", "nationality"]].to_csv(
        folder / "discrepancies.csv", index=False)
    _write_rows(folder / "quarantine.csv", result.quarantine,
                ["source", "file", "row_number", "column", "reason_code", "reason", "value"])
    _write_rows(folder / "messiness.csv", result.messiness, ["file", "kind"])
    for label, entries in result.figures.items():
        target = folder / "figures" / label
        target.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            (target / f"{entry['region_code']}.json").write_text(
                json.dumps(entry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    window = world.window
    manifest = {
        "generator": "pantau demo-data", "format_version": FORMAT_VERSION,
        "scope": scope, "regencies": world.regencies, "seed": seed,
        "period": period.label, "previous_period": window.previous.label,
        "reference_dates": {window.previous.label: window.previous.end.isoformat(),
                            period.label: period.end.isoformat()},
        "months": [m.label for m in window.months],
        "rates": RATES,
        "counts": {
            "persons": len(people),
            "files": {source: result.count(source) for source in sources},
            "rows": {source: sum(f["rows"] for f in result.files if f["source"] == source)
                     for source in sources},
            "quarantine_rows": len(result.quarantine),
        },
        **({"pmi_passport_share": pmi.world.passport_share} if pmi else {}),
        "files": result.files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _write_rows(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def generate(scope: list[str], period_text: str, seed: int, out: Path, *,
             workers: int = 2, progress: Callable[[str], None] = lambda _: None,
             pmi: bool = True,
             passport_cap: int | None = PASSPORT_SAMPLE_ABOVE_PER_YEAR,
             months: int | None = None) -> Result:
    """Build the world, write every monthly snapshot, then the truth.

    ``pmi``: also the four PMI exports (Indonesians leaving to work abroad) and
    their truth under ``truth/pmi/``; ``passport_cap``: passport applications a
    year above which the feed is sampled (None: the full national volume);
    ``months``: snapshots for that many months ending with the period, not only
    the period's and the previous one's (the truth stays the two periods').
    """
    regencies = resolve_scope(scope)
    period = Period.parse(period_text)
    world = build_world(regencies, period, seed, months)
    progress(f"{len(regencies)} regencies, {len(world.people):,} people, "
             f"{len(world.positions):,} RPTKA positions")
    # Workers start from a fresh interpreter (forkserver), not a copy of this big process.
    pool = (ProcessPoolExecutor(max_workers=workers, mp_context=get_context("forkserver"))
            if workers > 0 else None)
    try:
        generator = Generator(world, seed, Path(out), pool, progress)
        window = world.window
        emigrants = (pmi_generator(regencies, window, seed, world.offices, generator.landing,
                                   progress, passport_cap) if pmi else None)
        whole = [p for p in generator.provinces if set(resolve_scope([p])) <= set(regencies)]
        for month in window.months:
            frames = generator.month(month)
            if emigrants is not None:
                emigrants.month(month)
            for which in (window.previous, window.period):
                if month.end == which.end:
                    generator.tell_truth(which, frames)
                    if emigrants is not None:
                        emigrants.tell_truth(which, whole)
        if emigrants is not None:
            generator.result.files += emigrants.files  # hashed with the others
            emigrants.files = []
        generator.finish()
    finally:
        if pool is not None:
            pool.shutdown()
    _write_truth(generator, list(scope), period, seed, emigrants)
    return generator.result
