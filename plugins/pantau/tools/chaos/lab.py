"""The chaos lab: one embedded PostgreSQL the harness may crash, and a workspace per fault.

The pipeline under test always runs as its own process (the ``pantau`` CLI),
so it can be killed, and talks to the lab's server through
``PANTAU_WAREHOUSE_URL``, so the harness alone decides when that server dies.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import psycopg

from pantau.warehouse import embedded, migrate, sql_files
from pantau.warehouse.connection import _with_database

TEMPLATE = "chaos_template"
_LIMITED = ("import os, resource, sys; n = int(sys.argv[1]); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (n, n)); "
            "os.execv(sys.argv[2], sys.argv[2:])")
PANTAU = Path(sys.executable).with_name("pantau")


@dataclass
class Lab:
    root: Path  # everything of the chaos run lives here
    landing: Path  # the exports every fault starts from
    period: str
    regions: list[str]  # reported: the regency and its province
    secret: str  # the person key of every run, so keys agree across workspaces
    server: str = ""

    @property
    def pgdata(self) -> Path:
        return self.root / "pg"

    def start(self) -> None:
        self.server = embedded.start(self.pgdata)

    def crash(self) -> None:
        """Stop the server the way a power cut would (no checkpoint), then bring it back."""
        embedded.stop(self.pgdata, mode="immediate")

    def stop(self) -> None:
        embedded.stop(self.pgdata)

    def make_template(self) -> None:
        """A migrated database each workspace is cloned from (a clone takes a moment)."""
        with psycopg.connect(self.server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        migrate.upgrade(_with_database(self.server, TEMPLATE))

    def workspace(self, name: str) -> Workspace:
        """A fresh warehouse database and var directory named ``name``."""
        database = f"chaos_{name.replace('-', '_')}"
        with psycopg.connect(self.server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {database} TEMPLATE {TEMPLATE}")
        var_dir = self.root / "runs" / name
        shutil.rmtree(var_dir, ignore_errors=True)
        (var_dir / "logs").mkdir(parents=True)
        return Workspace(self, name, _with_database(self.server, database), var_dir)

    def waiting_on_lock(self, url: str, timeout: float) -> str | None:
        """The statement of ``url``'s database first seen waiting for a lock (None: none came)."""
        database = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.server, autocommit=True) as conn:
            while time.monotonic() < deadline:
                row = conn.execute(sql_files.render("tools/chaos_waiting_on_lock.sql"),
                                   {"database": database}).fetchone()
                if row:
                    return row[0]
                time.sleep(0.02)
        return None


@dataclass
class Workspace:
    lab: Lab
    name: str
    url: str
    var_dir: Path

    @property
    def output(self) -> Path:
        return self.var_dir / "reports"

    def env(self) -> dict[str, str]:
        return {**os.environ, "PANTAU_VAR_DIR": str(self.var_dir),
                "PANTAU_WAREHOUSE_URL": self.url, "PANTAU_PERSON_KEY": self.lab.secret}

    def cycle(self, landing: Path | None = None) -> list[str]:
        """``pantau run`` arguments for the lab's period, regions and (by default) landing."""
        regions = [arg for code in self.lab.regions for arg in ("--region", code)]
        return ["-v", "run", "--landing", str(landing or self.lab.landing), "--period",
                self.lab.period, "--output", str(self.output), *regions]

    def _log(self, label: str) -> Path:
        return self.var_dir / "logs" / f"{label}.log"

    def start(self, args: list[str], label: str,
              file_size_limit: int | None = None) -> subprocess.Popen:
        """Start ``pantau ARGS`` in its own process group (so a kill takes its workers too).

        ``file_size_limit`` caps every file the process writes (RLIMIT_FSIZE),
        set by a small exec wrapper so it holds from the first byte.
        """
        command = [str(PANTAU), *args]
        if file_size_limit is not None:
            command = [sys.executable, "-c", _LIMITED, str(file_size_limit), *command]
        log = self._log(label).open("ab")
        try:
            return subprocess.Popen(command, env=self.env(), stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        finally:
            log.close()

    def run(self, args: list[str], label: str, timeout: float = 600,
            file_size_limit: int | None = None) -> int:
        process = self.start(args, label, file_size_limit)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill(process)
            return -1

    def last_step(self, label: str) -> str:
        """Where a killed run was: its last line logged by Pantau or by GX."""
        text = self._log(label).read_text(encoding="utf-8", errors="replace")
        for line in reversed(text.splitlines()):
            if " pantau." in line:
                return line.split(" ", 3)[-1][:100]
            if " great_expectations." in line:
                return "validating (Great Expectations)"
        return "starting (nothing logged yet)"

    def tail(self, label: str, lines: int = 3) -> str:
        text = self._log(label).read_text(encoding="utf-8", errors="replace").strip()
        return " | ".join(text.splitlines()[-lines:])


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the process and everything it started; reap it."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextmanager
def holding_lock(url: str, table: str) -> Iterator[None]:
    """Hold an exclusive lock on ``table`` so the pipeline stops at its first touch of it."""
    conn = psycopg.connect(url)
    try:
        conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        yield
    finally:
        with suppress(psycopg.Error):
            conn.close()
