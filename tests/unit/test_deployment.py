"""docker-compose.yml and the Dockerfile, checked as far as a machine without Docker can."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pantau.orchestration.cluster import QUEUES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
AIRFLOW_SERVICES = {"airflow-apiserver", "airflow-scheduler", "airflow-dag-processor",
                    "airflow-triggerer", "airflow-worker", "airflow-init"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_has_the_official_airflow_shape_and_a_separate_warehouse(compose) -> None:
    services = compose["services"]
    assert AIRFLOW_SERVICES | {"postgres", "redis", "warehouse"} <= set(services)
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert "@postgres/airflow" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
        assert "@warehouse:5432/pantau" in env["PANTAU_WAREHOUSE_URL"]
        mounts = {v.split(":")[1] for v in services[name]["volumes"]}
        assert {"/data/landing", "/data/reports", "/data/archive"} <= mounts
    assert services["airflow-worker"]["command"] == f"celery worker --queues {QUEUES}"
    assert {"landing", "reports", "archive"} <= set(compose["volumes"])


def test_what_compose_names_is_installed_from_the_constraints(compose) -> None:
    """The auth manager, the executor's provider and the metadata URL's driver import in
    this virtualenv (installed from constraints-3.11.txt), not only in the official image."""
    import importlib

    env = compose["services"]["airflow-apiserver"]["environment"]
    module, _, name = env["AIRFLOW__CORE__AUTH_MANAGER"].rpartition(".")
    assert getattr(importlib.import_module(module), name)
    importlib.import_module("airflow.providers.celery.executors.celery_executor")
    for key in ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "AIRFLOW__CELERY__RESULT_BACKEND"):
        scheme = env[key].split("://", 1)[0]
        assert scheme.endswith("postgresql+psycopg"), (key, scheme)  # psycopg 3
    importlib.import_module("asyncpg")  # Airflow's derived async metadata URL
    importlib.import_module("redis")


def test_compose_is_kept_in_step_with_make_cluster(compose) -> None:
    """The same executor, auth manager, database driver and settings every process shares
    as the one-machine cluster (pantau.orchestration.cluster), so what make cluster proves
    holds for the compose stack."""
    from pantau.orchestration import cluster

    local = cluster.airflow_config("postgresql+psycopg://meta", "secret", "key")
    env = compose["services"]["airflow-scheduler"]["environment"]
    for key in ("AIRFLOW__CORE__EXECUTOR", "AIRFLOW__CORE__AUTH_MANAGER",
                "AIRFLOW__CORE__EXECUTION_API_SERVER_URL", "AIRFLOW__API_AUTH__JWT_SECRET",
                "AIRFLOW__CORE__FERNET_KEY", "AIRFLOW__CELERY__BROKER_URL",
                "AIRFLOW__CELERY__RESULT_BACKEND", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
                "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION",
                "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT",
                "AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS"):
        assert key in env and key in local, key
    for key in ("AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT",
                "AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS"):
        assert env[key] == local[key], key
    assert env["AIRFLOW__CORE__AUTH_MANAGER"] == cluster.SIMPLE_AUTH
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"


def test_every_file_compose_and_the_dockerfile_name_exists(compose) -> None:
    for service in compose["services"].values():
        if "build" in service:
            assert (ROOT / service["build"] / "Dockerfile").exists()
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (ROOT / source).exists(), source
    copied = re.findall(r"^COPY (?:--\S+ )*(.+) \S+$", DOCKERFILE.read_text(), re.MULTILINE)
    for line in copied:
        for name in line.split():
            assert (ROOT / name).exists(), name


def test_every_variable_compose_reads_is_documented() -> None:
    # $${NAME} is the container's own shell variable, not one compose reads.
    names = set(re.findall(r"(?<!\$)\$\{(\w+)", COMPOSE.read_text()))
    readme = (ROOT / "README.md").read_text()
    assert names, "compose reads its secrets from the environment"
    assert [n for n in sorted(names) if n not in readme] == []


def test_the_image_extends_the_airflow_version_the_constraints_pin() -> None:
    pinned = re.search(r"^apache-airflow==(\S+)$",
                       (ROOT / "constraints-3.11.txt").read_text(), re.MULTILINE).group(1)
    assert re.search(rf"^FROM apache/airflow:{re.escape(pinned)}-python3\.11$",
                     DOCKERFILE.read_text(), re.MULTILINE)


@pytest.mark.slow  # a pip resolution: make test, not test-fast
def test_the_images_install_command_resolves_against_the_constraints(tmp_path: Path) -> None:
    """The Dockerfile's pip command, on a copy laid out as COPY lays it out, in this venv."""
    text = DOCKERFILE.read_text()
    target = tmp_path / "opt" / "pantau"
    for names, destination in re.findall(r"^COPY (?:--\S+ )*(.+) (\S+)$", text, re.MULTILINE):
        place = target / Path(destination).relative_to("/opt/pantau")
        for name in names.split():
            if (ROOT / name).is_dir():  # COPY dir /opt/pantau/dir
                shutil.copytree(ROOT / name, place, ignore=shutil.ignore_patterns(
                    "__pycache__", "*.egg-info"))
            else:  # COPY files... /opt/pantau/
                place.mkdir(parents=True, exist_ok=True)
                shutil.copy(ROOT / name, place / name)
    (command,) = re.findall(r"^RUN (pip install .+)$", text, re.MULTILINE)
    args = [a.replace("/opt/pantau", str(target)) for a in shlex.split(command)[2:]]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--disable-pip-version-check",
         *args],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    installs = re.search(r"^Would install (.+)$", done.stdout, re.MULTILINE).group(1).split()
    assert any(name.startswith("pantau-") for name in installs), installs
    # The production extras resolve to the constraints' pins, nothing newer.
    for package in ("apache-airflow-providers-celery", "apache-airflow-providers-openlineage",
                    "asyncpg", "redis", "celery"):
        pinned = re.search(rf"^{package}==(\S+)$", (ROOT / "constraints-3.11.txt").read_text(),
                           re.MULTILINE).group(1)
        assert f"{package}-{pinned}" in installs or package in _installed(), package


def _installed() -> set[str]:
    """Distributions of this virtualenv (a dry run lists only what it would add)."""
    from importlib.metadata import distributions

    return {d.metadata["Name"].lower() for d in distributions()}
