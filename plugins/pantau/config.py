"""Where Pantau keeps its state, read once from the environment.

Every path has a default under the project's ``var/`` directory so that a fresh
clone runs with no configuration; each can be moved by an environment variable
so that a deployment (docker compose, a managed PostgreSQL) needs no code change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = PACKAGE_DIR / "reference"


def _project_home() -> Path:
    """The checkout root: the folder holding ``sql/`` next to ``plugins/``."""
    if env := os.environ.get("PANTAU_HOME"):
        return Path(env).expanduser().resolve()
    return PACKAGE_DIR.parents[1]


@dataclass(frozen=True)
class Settings:
    """Resolved configuration; build it with :func:`get_settings`."""

    home: Path
    var_dir: Path
    warehouse_url: str | None
    pgdata: Path
    database: str
    archive_dir: Path
    gx_dir: Path
    data_docs_dir: Path
    expectations_dir: Path
    landing_dir: Path
    reports_dir: Path
    schedule_file: Path
    # A landing file younger than this may still be being written: ingest
    # waits until it has been quiet this long (0: no wait, for tests).
    settle_seconds: float = 2.0
    ingest_workers: int = 0  # processes reading and normalising while COPY writes (0: none)

    @property
    def sql_dir(self) -> Path:
        return self.home / "sql"

    @property
    def uses_embedded_warehouse(self) -> bool:
        return self.warehouse_url is None


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings from ``environ`` (default: the process environment)."""
    env = os.environ if environ is None else environ
    home = Path(env["PANTAU_HOME"]).resolve() if "PANTAU_HOME" in env else _project_home()
    var_dir = Path(env.get("PANTAU_VAR_DIR", home / "var")).expanduser().resolve()
    return Settings(
        home=home,
        var_dir=var_dir,
        warehouse_url=env.get("PANTAU_WAREHOUSE_URL") or None,
        pgdata=Path(env.get("PANTAU_PGDATA", var_dir / "warehouse" / "pgdata")).expanduser(),
        database=env.get("PANTAU_DATABASE", "pantau"),
        archive_dir=Path(env.get("PANTAU_ARCHIVE_DIR", var_dir / "archive")).expanduser(),
        gx_dir=Path(env.get("PANTAU_GX_DIR", var_dir / "gx")).expanduser(),
        data_docs_dir=Path(env.get("PANTAU_DATA_DOCS_DIR", var_dir / "data_docs")).expanduser(),
        expectations_dir=Path(env.get("PANTAU_EXPECTATIONS_DIR",
                                      home / "expectations")).expanduser(),
        landing_dir=Path(env.get("PANTAU_LANDING_DIR", var_dir / "landing")).expanduser(),
        reports_dir=Path(env.get("PANTAU_REPORTS_DIR", var_dir / "reports")).expanduser(),
        schedule_file=Path(env.get("PANTAU_SCHEDULE_FILE",
                                   home / "dags" / "schedule.toml")).expanduser(),
        settle_seconds=float(env.get("PANTAU_SETTLE_SECONDS", "2")),
        ingest_workers=int(env.get("PANTAU_INGEST_WORKERS", "0")),
    )


@cache
def get_settings() -> Settings:
    """The process-wide settings (cached: the environment is read once)."""
    return load_settings()
