"""Landing locations: which delivered files are new, and a local copy to ingest.

A location is a local folder or any fsspec URL that Airflow's
``ObjectStoragePath`` opens (``s3://conn_id@bucket/prefix/``). A file is new
when its content (SHA-256) has never been delivered: renaming or re-dropping
the same bytes is not new work, a corrected export under the same name is.
Hashing reads each file once per listing, far cheaper than ingesting it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from pantau.config import Settings, get_settings
from pantau.ingest.archive import BLOCK, sha256_of
from pantau.sources.pickup import check_file_name, discover
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LandedFile:
    """One delivered file, as the ingest tasks pass it along (JSON-able for XCom)."""

    uri: str
    sha256: str
    size: int

    def to_dict(self) -> dict:
        return asdict(self)


def _is_remote(location: str) -> bool:
    """A URL (``s3://``, ``gs://``, ``file://`` ...) goes through ObjectStoragePath; a
    plain path is read directly."""
    return "://" in location


def _storage(location: str):
    from airflow.sdk import ObjectStoragePath

    return ObjectStoragePath(location)


def _files(location: str) -> Iterator[tuple[str, object]]:
    """(uri, path object) of every delivered file under ``location``, local or remote."""
    root = _storage(location) if _is_remote(location) else Path(location)
    if not root.exists():
        log.warning("landing location %s does not exist: nothing to pick up", location)
        return
    for path in discover([root]):  # ObjectStoragePath walks like a Path
        yield str(path), path


def new_files(location: str, url: str | None = None) -> list[LandedFile]:
    """Files under ``location`` whose bytes were never delivered, in name order."""
    found = [LandedFile(uri, sha256_of(path), path.stat().st_size)
             for uri, path in _files(location)]
    if not found:
        return []
    # Batches and receipts both: a retention pass over audit.receipt does not
    # make old files in the landing location new again.
    with connect("loader", url=url) as conn:
        known = {sha for (sha,) in conn.execute(
            sql_files.render("orchestration/known_files.sql"),
            {"shas": [f.sha256 for f in found]}).fetchall()}
    fresh, seen = [], set(known)
    for item in found:
        if item.sha256 not in seen:  # the same bytes twice in one drop: ingest once
            fresh.append(item)
            seen.add(item.sha256)
    return fresh


def split_evenly(files: list[LandedFile], groups: int) -> list[list[dict]]:
    """At most ``groups`` lists of similar total size (largest file first, to the lightest)."""
    if not files:
        return []
    bins: list[list[dict]] = [[] for _ in range(min(groups, len(files)))]
    weight = [0] * len(bins)
    for item in sorted(files, key=lambda f: (-f.size, f.uri)):
        lightest = weight.index(min(weight))
        bins[lightest].append(item.to_dict())
        weight[lightest] += item.size
    return [sorted(b, key=lambda f: f["uri"]) for b in bins]


@contextmanager
def local_copy(uri: str, source: str, settings: Settings | None = None) -> Iterator[Path]:
    """A local path for ``uri``: the file itself, or a copy fetched into ``var/incoming``.

    The copy sits in a folder named after the source, so the file is
    attributed exactly as one delivered to a local landing folder; it is
    removed afterwards (the archive keeps the bytes). A remote name that could
    leave that folder (``..``, separators) raises
    :class:`~pantau.sources.pickup.UnsafeFileName` before anything is written.
    """
    if not _is_remote(uri):
        yield Path(uri)
        return
    settings = settings or get_settings()
    remote = _storage(uri)
    name = check_file_name(remote.name)
    incoming = settings.var_dir / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    # One private folder per file: same-named files from two prefixes never meet.
    with tempfile.TemporaryDirectory(dir=incoming) as private:
        target = Path(private) / check_file_name(source) / name
        target.parent.mkdir()
        with remote.open("rb") as reader, target.open("wb") as writer:
            shutil.copyfileobj(reader, writer, BLOCK)
        yield target
