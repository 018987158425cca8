"""Folders the xdist workers of one run share: made once, by whichever worker asks first.

A session fixture is made once per worker process, so data both workers need
(the demo exports) was generated twice per run. The generator is deterministic
(tests/unit/test_demo_data.py holds it to the same bytes), so one worker makes
the folder under the run's base folder while any other waits on a lock, then
both read it. The folder is only read: tests that change a landing copy it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str,
                  make: Callable[[Path], object]) -> Path:
    """``make(folder)`` once per run; alone (no xdist), in a folder of the session's own."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent  # the run's, above popen-gw0, popen-gw1
    folder, done = root / f"shared-{name}", root / f"shared-{name}.done"
    with (root / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the worker dies
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder
