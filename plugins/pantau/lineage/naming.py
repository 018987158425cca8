"""Dataset names as the OpenLineage naming spec gives them, and the Assets' URIs.

PostgreSQL: namespace ``postgres://{host}:{port}``, name
``{database}.{schema}.{table}``; local files: namespace ``file``, name the
absolute path; object storage: namespace ``{scheme}://{bucket}``, name the
key. Consumers join the graph on these names, so every task must spell a
table or a file the same way, and so must the Airflow Assets (their URIs
follow the postgres provider's ``postgres://host:port/database/schema/table``).

The names come from the settings alone: naming a dataset never starts the
embedded warehouse (DAG files import this at parse time). The embedded
server listens on a Unix socket only; a socket directory is not a host, so
its tables are named on ``localhost`` at the socket's port (5432 unless the
URL says otherwise), which is where a TCP client on the same machine would
find them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from psycopg.conninfo import conninfo_to_dict

from pantau.config import Settings, get_settings

DEFAULT_PORT = 5432
FILE_NAMESPACE = "file"


@dataclass(frozen=True)
class Warehouse:
    """Where the warehouse is, as lineage names it."""

    host: str
    port: int
    database: str

    @property
    def namespace(self) -> str:
        return f"postgres://{self.host}:{self.port}"

    def table_name(self, table: str) -> str:
        """``schema.table`` → ``database.schema.table``."""
        return f"{self.database}.{table}"

    def asset_uri(self, table: str) -> str:
        """``schema.table`` → the Asset URI the postgres provider would normalise to."""
        schema, name = table.split(".", 1)
        return f"{self.namespace}/{self.database}/{schema}/{name}"


def warehouse(settings: Settings | None = None) -> Warehouse:
    """The warehouse of ``settings`` (``PANTAU_WAREHOUSE_URL``, else the embedded one)."""
    settings = settings or get_settings()
    if not settings.warehouse_url:
        return Warehouse("localhost", DEFAULT_PORT, settings.database)
    info = conninfo_to_dict(settings.warehouse_url)
    host = (info.get("host") or "").split(",")[0]
    if not host or host.startswith("/") or host.startswith("@"):
        host = "localhost"  # a Unix socket: its directory is not a host name
    port = str(info.get("port") or DEFAULT_PORT).split(",")[0]
    return Warehouse(host.lower(), int(port), str(info.get("dbname") or settings.database))


def file_name(uri: str) -> tuple[str, str]:
    """(namespace, name) of a file: a local path or ``file://`` URL, or an fsspec URL.

    A connection id in an Airflow object-storage URL (``s3://conn_id@bucket/key``)
    is not part of the dataset's name and is dropped.
    """
    if "://" not in uri:
        return FILE_NAMESPACE, str(Path(uri).resolve())
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return FILE_NAMESPACE, str(Path(parts.path).resolve())
    bucket = parts.netloc.rsplit("@", 1)[-1]
    scheme = "gs" if parts.scheme == "gcs" else parts.scheme
    return f"{scheme}://{bucket}", parts.path.lstrip("/")
