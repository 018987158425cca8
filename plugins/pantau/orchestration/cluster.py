"""A real CeleryExecutor Airflow on this machine, without Docker (``make cluster``).

The production shape on one host: Redis (Debian's ``redis-server``) as the
broker, the metadata database as its own database and role
(``airflow_meta``) on the embedded PostgreSQL, never the warehouse's, and
the API server, scheduler, dag-processor, triggerer and two Celery workers
with distinct names, both serving the ``default`` queue and the ``reports``
queue the rendering tasks run on (so a report is retried on the other worker
when one dies). Every port is on 127.0.0.1; one JWT secret and one Fernet
key, kept under ``var/cluster/``, for every process; the execution API URL
points at this API server. Logs and pids under ``var/cluster/``; ``stop``
ends every process group it started.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql

from pantau.config import Settings, get_settings
from pantau.orchestration import local_airflow
from pantau.orchestration.schedule import POOL, REPORTS_QUEUE, load_plan
from pantau.warehouse import embedded

HOST = "127.0.0.1"
API_PORT = 28080
REDIS_PORT = 26379
META = "airflow_meta"  # the metadata database and its role
WORKERS = {"worker-1": 28793, "worker-2": 28795}  # name -> its log server port
# A task whose worker died is failed (and retried) after this long without a heartbeat;
# Airflow's 300 s default would keep a killed worker's report waiting five minutes.
HEARTBEAT_TIMEOUT = 60
QUEUES = f"default,{REPORTS_QUEUE}"
SIMPLE_AUTH = "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
# Airflow's Celery defaults plus the libraries Pantau's tasks import, loaded once per worker.
CELERY_CONFIG = "pantau.orchestration.celery_config.CELERY_CONFIG"
# Every process of the cluster, in start order (components() gives each its command).
NAMES = ("redis", "api-server", "scheduler", "dag-processor", "triggerer", *WORKERS)


@dataclass(frozen=True)
class Component:
    name: str
    command: list[str]
    env: dict[str, str]


@dataclass(frozen=True)
class Cluster:
    """Which cluster: Pantau's settings (warehouse, folders), the metadata database's name,
    and Airflow settings over the defaults (``make cluster-check`` runs its own)."""

    settings: Settings
    meta: str = META
    overrides: tuple[tuple[str, str], ...] = ()

    @property
    def home(self) -> Path:
        return self.settings.var_dir / "cluster"


def default() -> Cluster:
    """The cluster of ``make cluster``: the current settings, ``airflow_meta``."""
    return Cluster(get_settings())


def worker_hostname(name: str) -> str:
    """The Celery hostname of worker ``name``, which its tasks also record as theirs."""
    return f"{name}@pantau"


def _secret(path: Path, make) -> str:
    """A value made once and kept (mode 600): every process and every restart shares it."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def metadata_url(settings: Settings | None = None, meta: str = META) -> str:
    """``postgresql+psycopg://airflow_meta@/airflow_meta?host=…``: its own database and role on
    the embedded server (``meta`` names both), created on first use."""
    settings = settings or get_settings()
    server = embedded.start(settings.pgdata)
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (meta,)).fetchone():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(meta)))
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                            (meta,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(meta), sql.Identifier(meta)))
    parts = urlsplit(server)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    host = parts.hostname or ""
    netloc = f"{meta}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(("postgresql+psycopg", netloc, f"/{meta}", urlencode(query), ""))


def airflow_config(meta: str, jwt_secret: str, fernet_key: str) -> dict[str, str]:
    """The cluster's Airflow settings (pure: the compose file is held to the same keys)."""
    return {
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__AUTH_MANAGER": SIMPLE_AUTH,
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
        "AIRFLOW__CORE__FERNET_KEY": fernet_key,
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://{HOST}:{API_PORT}/execution/",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": meta,
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": meta,
        "AIRFLOW__CELERY__BROKER_URL": f"redis://{HOST}:{REDIS_PORT}/0",
        "AIRFLOW__CELERY__RESULT_BACKEND": f"db+{meta}",
        "AIRFLOW__CELERY__WORKER_CONCURRENCY": "2",
        "AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS": CELERY_CONFIG,
        "AIRFLOW__API__HOST": HOST,
        "AIRFLOW__API__PORT": str(API_PORT),
        "AIRFLOW__API__BASE_URL": f"http://{HOST}:{API_PORT}",
        "AIRFLOW__API_AUTH__JWT_SECRET": jwt_secret,
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": "28794",
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": str(HEARTBEAT_TIMEOUT),
        "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK": "True",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST": HOST,
        "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": "28974",
    }


def environment(cluster: Cluster) -> dict[str, str]:
    """The cluster's process environment: the local one, its home, CeleryExecutor."""
    home = cluster.home
    env = local_airflow.environment(cluster.settings)
    env["AIRFLOW_HOME"] = str(home / "airflow")
    env.update(airflow_config(
        metadata_url(cluster.settings, cluster.meta),
        _secret(home / "jwt_secret", lambda: secrets.token_urlsafe(32)),
        _secret(home / "fernet_key", _fernet_key)))
    env.update(cluster.overrides)
    return env


def components(cluster: Cluster) -> list[Component]:
    """Every process of the cluster, in start order."""
    env = environment(cluster)
    airflow = local_airflow.airflow_binary()
    out = [
        Component("redis", [redis_binary(), "--bind", HOST, "--port", str(REDIS_PORT),
                            "--save", "", "--appendonly", "no"], env),
        Component("api-server", [airflow, "api-server", "-H", HOST, "-p", str(API_PORT)], env),
        Component("scheduler", [airflow, "scheduler"], env),
        Component("dag-processor", [airflow, "dag-processor"], env),
        Component("triggerer", [airflow, "triggerer"], env),
    ]
    for name, log_port in WORKERS.items():
        # Each worker's tasks record its Celery name as their hostname (one machine, one
        # host name): the task instances then say which worker ran them.
        out.append(Component(name, [airflow, "celery", "worker", "--celery-hostname",
                                    worker_hostname(name), "--queues", QUEUES],
                             {**env, "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(log_port),
                              "AIRFLOW__CORE__HOSTNAME_CALLABLE":
                                  "pantau.orchestration.worker_name.hostname",
                              "PANTAU_CELERY_HOSTNAME": worker_hostname(name)}))
    assert tuple(c.name for c in out) == NAMES
    return out


def redis_binary() -> str:
    """Debian's redis-server (``make cluster`` installs it when missing)."""
    found = shutil.which("redis-server")
    if not found:
        raise ClusterError("redis-server not found: `make cluster` installs Debian's "
                           "redis-server, or apt-get install redis-server")
    return found


class ClusterError(RuntimeError):
    pass


def _pid_file(cluster: Cluster, name: str) -> Path:
    return cluster.home / "pids" / f"{name}.pid"


def _reap(pid: int) -> None:
    """Collect ``pid``'s exit if this process started it and it exited: a zombie would
    count as alive."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _alive(pid: int) -> bool:
    _reap(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running(cluster: Cluster | None = None) -> dict[str, int]:
    """Component name -> pid of those alive."""
    cluster = cluster or default()
    out = {}
    for path in sorted((cluster.home / "pids").glob("*.pid")):
        pid = int(path.read_text())
        if _alive(pid):
            out[path.stem] = pid
    return out


def start(cluster: Cluster | None = None, timeout: float = 180) -> dict:
    """Migrate, start every component not running, wait for a healthy scheduler; return
    the API URL, the login and the pids."""
    cluster = cluster or default()
    (cluster.home / "logs").mkdir(parents=True, exist_ok=True)
    (cluster.home / "pids").mkdir(parents=True, exist_ok=True)
    parts = components(cluster)
    env = parts[0].env
    from pantau.warehouse import migrate

    migrate.upgrade()  # the warehouse's own schema, as `make demo` leaves it
    already = running(cluster)
    if "redis" not in already:
        _spawn(cluster, parts[0])
    for args in (["db", "migrate"],
                 ["pools", "set", POOL, str(load_plan(cluster.settings).pool_slots),
                  "Pantau: concurrent warehouse connections"]):
        done = subprocess.run([local_airflow.airflow_binary(), *args], env=env,
                              capture_output=True, text=True, check=False)
        if done.returncode:
            raise ClusterError(f"airflow {' '.join(args)} failed:\n{done.stdout[-2000:]}"
                               f"{done.stderr[-2000:]}")
    for component in parts[1:]:
        if component.name not in already:
            _spawn(cluster, component)
    _wait_healthy(cluster, timeout)
    return {"api": f"http://{HOST}:{API_PORT}", "login": login(cluster),
            "pids": running(cluster)}


def _spawn(cluster: Cluster, component: Component) -> None:
    log = (cluster.home / "logs" / f"{component.name}.log").open("ab")
    process = subprocess.Popen(component.command, env=component.env, stdout=log,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    _pid_file(cluster, component.name).write_text(str(process.pid))


def login(cluster: Cluster | None = None) -> tuple[str, str]:
    """The admin login SimpleAuthManager generated (once) under the cluster's Airflow home."""
    cluster = cluster or default()
    path = cluster.home / "airflow" / "simple_auth_manager_passwords.json.generated"
    deadline = time.monotonic() + 60
    while not path.exists():
        if time.monotonic() > deadline:
            raise ClusterError(f"no passwords file at {path}: is the API server up?")
        time.sleep(0.5)
    return "admin", json.loads(path.read_text())["admin"]


def health() -> dict | None:
    """The API server's health report (metadatabase, scheduler, triggerer, dag-processor)."""
    try:
        with urllib.request.urlopen(f"http://{HOST}:{API_PORT}/api/v2/monitor/health",
                                    timeout=5) as response:
            return json.loads(response.read())
    except (OSError, ValueError):
        return None


def _wait_healthy(cluster: Cluster, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        state = health()
        if state and state.get("scheduler", {}).get("status") == "healthy" \
                and state.get("triggerer", {}).get("status") == "healthy":
            return
        alive = running(cluster)
        dead = [name for name in NAMES if name not in alive]
        if dead:
            raise ClusterError(f"{', '.join(dead)} exited: see {cluster.home}/logs")
        if time.monotonic() > deadline:
            raise ClusterError(f"not healthy after {timeout:.0f} s: {state}")
        time.sleep(2)


def kill(cluster: Cluster, name: str) -> int:
    """SIGKILL component ``name``'s whole process group (a worker and the tasks it forked),
    as a machine lost would end it; return the pid it had."""
    pid = running(cluster)[name]
    _signal_group(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _group_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    _pid_file(cluster, name).unlink(missing_ok=True)
    return pid


def stop(cluster: Cluster | None = None, timeout: float = 60) -> list[str]:
    """SIGTERM every component's process group, SIGKILL what outlives ``timeout``; return
    the names stopped."""
    cluster = cluster or default()
    alive = running(cluster)
    for pid in alive.values():
        _signal_group(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_group_alive(p) for p in alive.values()):
        time.sleep(0.5)
    for pid in alive.values():
        if _group_alive(pid):
            _signal_group(pid, signal.SIGKILL)
    for path in (cluster.home / "pids").glob("*.pid"):
        path.unlink()
    return sorted(alive)


def _signal_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)


def _group_alive(pid: int) -> bool:
    """Whether any process of the group led by ``pid`` lives."""
    _reap(pid)
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    return True
