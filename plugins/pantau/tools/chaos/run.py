"""Run every fault of :mod:`pantau.tools.chaos.faults` and judge each against a clean run.

For each fault: a fresh workspace, the fault, then a plain rerun of the cycle
(``pantau run``), which must exit 0; the warehouse and reports must then equal
the clean run's (:mod:`pantau.tools.chaos.state`). The seed fixes the SIGKILL
moments, so a failure can be replayed.
"""

from __future__ import annotations

import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pantau.tools.chaos.faults import NOT_KILLED, Fault, NotInjected, catalogue
from pantau.tools.chaos.lab import Lab, Workspace
from pantau.tools.chaos.state import WarehouseState, compare, snapshot

PERIOD = "2024-12"  # closes a quarter and a semester: regency and provincial reports
SCOPE = "62.03"  # Kapuas: every source, a few hundred people


@dataclass
class FaultResult:
    name: str
    what: str
    survived: bool
    rows_lost: int = 0
    duplicates: int = 0
    detail: str = ""
    seconds: float = 0.0

    def line(self) -> str:
        mark = "survived" if self.survived else "FAILED  "
        text = f"{mark} {self.name}: {self.what}"
        return text + (f" -- {self.detail}" if self.detail else "")


def _generate(landing_root: Path) -> Path:
    from pantau.tools.demo.generate import generate

    if not (landing_root / "landing").exists():
        generate([SCOPE], PERIOD, 1, landing_root, workers=1)
    return landing_root / "landing"


def _judge(fault: Fault, ws: Workspace, clean: WarehouseState, what: str) -> FaultResult:
    code = ws.run(ws.cycle(), "rerun")
    if code != 0:
        return FaultResult(fault.name, what, False,
                           detail=f"the rerun exited {code}: {ws.tail('rerun')}")
    if fault.expect_verify_clean and ws.run(["archive", "verify"], "verify-after") != 0:
        return FaultResult(fault.name, what, False,
                           detail=f"archive still damaged after the rerun: "
                                  f"{ws.tail('verify-after')}")
    difference = compare(clean, snapshot(ws.url, ws.output))
    return FaultResult(fault.name, what, difference.equal, difference.rows_lost,
                       difference.duplicates, "; ".join(difference.details[:4]))


def _attempt(fault: Fault, lab: Lab, number: int, clean: WarehouseState) -> FaultResult:
    ws = lab.workspace(f"f{number:02d}")
    started = time.monotonic()
    try:
        what = fault.inject(ws)
    except NotInjected as exc:
        return FaultResult(fault.name, "not injected", False, detail=str(exc))
    if what.startswith(NOT_KILLED):  # no fault happened: it cannot count as survived
        return FaultResult(fault.name, what, False, detail="the kill came too late")
    result = _judge(fault, ws, clean, what)
    result.seconds = round(time.monotonic() - started, 1)
    return result


def run_chaos(root: Path, seed: int = 10, kills: int = 20,
              say: Callable[[str], None] = print) -> list[FaultResult]:
    """Every fault, one line each as it finishes; the caller prints the summary."""
    shutil.rmtree(root / "runs", ignore_errors=True)
    lab = Lab(root, _generate(root / "exports"), PERIOD, [SCOPE, SCOPE[:2]],
              secrets.token_hex(32))
    lab.start()
    try:
        lab.make_template()
        clean_ws = lab.workspace("clean")
        started = time.monotonic()
        if clean_ws.run(clean_ws.cycle(), "clean") != 0:
            raise RuntimeError(f"the clean run failed: {clean_ws.tail('clean', 10)}")
        clean_seconds = time.monotonic() - started
        clean = snapshot(clean_ws.url, clean_ws.output)
        say(f"clean run: {clean_seconds:.1f} s, {sum(clean.counts.values()):,} rows in "
            f"{len(clean.counts)} tables, {len(clean.reports)} report files")
        results = []
        for number, fault in enumerate(catalogue(seed, kills, clean_seconds), 1):
            result = _attempt(fault, lab, number, clean)
            results.append(result)
            say(result.line())
        return results
    finally:
        lab.stop()


def summary(results: list[FaultResult], seconds: float) -> list[str]:
    survived = sum(result.survived for result in results)
    return [f"faults survived: {survived}/{len(results)}",
            f"rows lost: {sum(result.rows_lost for result in results)}",
            f"duplicates: {sum(result.duplicates for result in results)}",
            f"time: {seconds:.0f} s"]
