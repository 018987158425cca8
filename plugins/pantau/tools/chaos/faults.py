"""The faults of ``make chaos``: each breaks one workspace, then a rerun must make it whole.

A fault returns what happened (``what``); :func:`pantau.tools.chaos.run.run_chaos`
then reruns the cycle and compares the warehouse with the clean run's.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from pantau.ingest.archive import archive_path
from pantau.tools.chaos.lab import Workspace, holding_lock, kill


@dataclass(frozen=True)
class Fault:
    name: str
    inject: Callable[[Workspace], str]  # breaks the workspace; returns what happened
    expect_verify_clean: bool = False  # also require `pantau archive verify` to pass after


NOT_KILLED = "not killed"


class NotInjected(RuntimeError):
    """The fault could not be placed where it was meant to be (the harness failed)."""


def _crash_when_waiting(ws: Workspace, table: str, where: str) -> str:
    """Run the cycle with ``table`` locked; crash the server once the pipeline waits on it."""
    with holding_lock(ws.url, table):
        process = ws.start(ws.cycle(), "fault")
        statement = ws.lab.waiting_on_lock(ws.url, timeout=120)
        if statement is None:
            kill(process)
            raise NotInjected(f"the pipeline never reached {table}: {ws.tail('fault')}")
        ws.lab.crash()
    code = process.wait(timeout=300)
    ws.lab.start()
    return f"server crashed {where} ({statement}...); the run exited {code}"


def mid_copy(ws: Workspace) -> str:
    # raw and staging rows of the first group are COPYed; the problems' COPY waits.
    return _crash_when_waiting(ws, "audit.parse_problem", "mid-COPY")


def mid_build(ws: Workspace) -> str:
    # facts loaded and rules run inside the build's transaction; the marts wait.
    return _crash_when_waiting(ws, "mart.region_figures", "mid-build")


def mid_report(ws: Workspace) -> str:
    # the first report's files are written; recording its run waits.
    return _crash_when_waiting(ws, "audit.report_run", "mid-report")


def sigkill_after(seconds: float) -> Callable[[Workspace], str]:
    def inject(ws: Workspace) -> str:
        process = ws.start(ws.cycle(), "fault")
        try:
            code = process.wait(timeout=seconds)
            return f"{NOT_KILLED}: finished ({code}) before the kill at {seconds:.2f} s"
        except subprocess.TimeoutExpired:
            kill(process)
        return f"killed while {ws.last_step('fault')}"
    return inject


def partial_file(ws: Workspace) -> str:
    """One export is still being written, in pieces, while the cycle starts."""
    landing = ws.var_dir / "landing"
    shutil.copytree(ws.lab.landing, landing)
    victim = max(landing.rglob("*.csv"), key=lambda path: path.stat().st_size)
    payload = victim.read_bytes()
    victim.write_bytes(payload[: len(payload) // 3])  # a third is there when the run starts

    def finish_writing() -> None:
        with victim.open("ab") as handle:
            for start in range(len(payload) // 3, len(payload), 4096):
                time.sleep(0.25)  # quieter than the settle time never lasts
                handle.write(payload[start:start + 4096])
                handle.flush()

    writer = threading.Thread(target=finish_writing)
    writer.start()
    code = ws.run(ws.cycle(landing), "fault")
    writer.join()
    return f"{victim.name} written in pieces during the run; the run exited {code}"


def twice_at_once(ws: Workspace) -> str:
    """The same files delivered twice, under other folders, ingested by two processes at once."""
    again = ws.var_dir / "landing-again"
    for path in ws.lab.landing.rglob("*.*"):
        target = again / path.relative_to(ws.lab.landing).parent / "again" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    first = ws.start(["ingest", str(ws.lab.landing)], "fault-a")
    second = ws.start(["ingest", str(again)], "fault-b")
    codes = first.wait(timeout=300), second.wait(timeout=300)
    return f"two ingests of the same bytes at once exited {codes}"


def same_period_at_once(ws: Workspace) -> str:
    """Two whole cycles of the same period at the same time."""
    first = ws.start(ws.cycle(), "fault-a")
    second = ws.start(ws.cycle(), "fault-b")
    codes = first.wait(timeout=600), second.wait(timeout=600)
    return f"two cycles of {ws.lab.period} at once exited {codes}"


ARCHIVE_LIMIT = 30_000  # bytes: larger exports cannot be archived


def disk_full(ws: Workspace) -> str:
    """The archive cannot take files above ARCHIVE_LIMIT (a per-process file-size limit:
    writes past it fail with EFBIG, as they fail with ENOSPC on a full disk)."""
    code = ws.run(["ingest", "--no-validate", str(ws.lab.landing)], "fault",
                  file_size_limit=ARCHIVE_LIMIT)
    archive = ws.var_dir / "archive"
    leftovers = [p.name for p in archive.rglob(".incoming-*")] if archive.exists() else []
    if leftovers:
        raise NotInjected(f"partial archive copies left behind: {leftovers}")
    return f"ingest with a full archive exited {code}, no partial copy left"


def corrupt_archive(ws: Workspace) -> str:
    """A clean cycle, then one byte of an archived export flipped on disk."""
    if ws.run(ws.cycle(), "clean") != 0:
        raise NotInjected(f"the clean cycle before the corruption failed: {ws.tail('clean')}")
    with psycopg.connect(ws.url) as conn:
        sha = conn.execute("SELECT sha256 FROM audit.batch ORDER BY size_bytes DESC LIMIT 1"
                           ).fetchone()[0].strip()
    stored = archive_path(ws.var_dir / "archive", sha)
    stored.chmod(0o644)
    damaged = bytearray(stored.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    stored.write_bytes(bytes(damaged))
    code = ws.run(["archive", "verify"], "verify-damaged")
    if code == 0 or sha[:12] not in ws.tail("verify-damaged", 20):
        raise NotInjected(f"archive verify did not report {sha[:12]}: {ws.tail('verify-damaged')}")
    return f"archive verify found {sha[:12]}... damaged (exit {code})"


def catalogue(seed: int, kills: int, clean_seconds: float) -> list[Fault]:
    """Every fault, the SIGKILL moments drawn from ``seed`` across a clean cycle's duration."""
    draw = random.Random(seed)
    # Up to 0.8 of a clean run: on a busy machine a later moment may come after the end.
    moments = sorted(round(draw.uniform(0.3, 0.8 * clean_seconds), 2) for _ in range(kills))
    return [
        Fault("warehouse stopped mid-COPY", mid_copy),
        Fault("warehouse stopped mid-build", mid_build),
        Fault("warehouse stopped mid-report", mid_report),
        *[Fault(f"SIGKILL #{n:02d} at {moment:.2f} s", sigkill_after(moment))
          for n, moment in enumerate(moments, 1)],
        Fault("file still being written", partial_file),
        Fault("same file delivered twice, concurrently", twice_at_once),
        Fault("two runs of the same period at once", same_period_at_once),
        Fault("archive disk full", disk_full),
        Fault("corrupted archive file", corrupt_archive, expect_verify_clean=True),
    ]
