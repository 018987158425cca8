"""Peak resident memory of one benchmark step, read from Linux's /proc."""

from __future__ import annotations

import contextlib
import resource
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _high_water_kib(status: Path = _STATUS) -> int:
    for line in status.read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _ingest_workers() -> list[int]:
    """Process ids of the ingest's kept worker pool (children of its fork server, never
    waited for, so ``RUSAGE_CHILDREN`` does not see them)."""
    from pantau.ingest.pipeline import worker_pids

    return worker_pids()


def _workers_high_water_kib(pids: list[int]) -> int:
    peaks = [0]
    for pid in pids:
        with contextlib.suppress(OSError):
            peaks.append(_high_water_kib(Path(f"/proc/{pid}/status")))
    return max(peaks)


class PeakRss:
    """Peak RSS (MiB) of this process and of the worker processes a step starts.

    Linux lets a process reset its own high-water mark (writing 5 to
    clear_refs), so each step gets its own peak. Children report the largest
    peak of any child waited for so far, which is each step's when the steps
    start fresh workers. The ingest's worker processes live on between steps:
    their marks are reset and read the same way. The PostgreSQL server is a
    separate process and is not counted.
    """

    def __enter__(self) -> PeakRss:
        # Without the reset the peak covers the whole run so far: an upper bound.
        with contextlib.suppress(OSError):
            _CLEAR_REFS.write_text("5")
        for pid in _ingest_workers():
            with contextlib.suppress(OSError):
                Path(f"/proc/{pid}/clear_refs").write_text("5")
        self._children_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.mib = 0.0
        return self

    def __exit__(self, *exc) -> None:
        own = _high_water_kib()
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        child_peak = children if children > self._children_before else 0
        workers = _workers_high_water_kib(_ingest_workers())
        self.mib = round(max(own, child_peak, workers) / 1024, 1)
