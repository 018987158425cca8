"""Content-addressed archive of every delivered file, written before anything else.

A file's bytes are copied to ``<archive>/<aa>/<sha256>`` while hashing them,
flushed to disk, then renamed into place, so the archive never holds a partial
copy under a final name. Loading reads the archived copy, not the landing file:
what was loaded is exactly what was archived. A file that changes while it is
copied (still being written) is not archived at all; an archived copy that no
longer matches its hash is replaced by a fresh delivery of the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

BLOCK = 1 << 20


@dataclass(frozen=True)
class Archived:
    sha256: str
    size_bytes: int
    path: Path


class ArchiveCorrupted(RuntimeError):
    """An archived file no longer matches its hash."""


class FileStillChanging(RuntimeError):
    """The delivered file changed while it was being archived: a writer is not done."""


def _fingerprint(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def archive_path(archive_dir: Path, sha256: str) -> Path:
    return archive_dir / sha256[:2] / sha256


def archive_file(source: Path, archive_dir: Path) -> Archived:
    """Copy ``source`` into the archive (once per content) and return its address."""
    archive_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=archive_dir)
    temp = Path(temp_name)
    try:
        with source.open("rb") as reader, os.fdopen(fd, "wb") as writer:
            before = _fingerprint(os.fstat(reader.fileno()))
            while block := reader.read(BLOCK):
                digest.update(block)
                writer.write(block)
                size += len(block)
            writer.flush()
            os.fsync(writer.fileno())
        after = _fingerprint(source.stat())
        if before != after or size != before[0]:
            raise FileStillChanging(
                f"{source.name}: changed while it was being archived ({before[0]:,} bytes "
                f"when opened, {after[0]:,} now): still being written, left for the next run")
        sha = digest.hexdigest()
        final = archive_path(archive_dir, sha)
        if final.exists() and sha256_of(final) == sha:
            temp.unlink()  # the same bytes, already archived intact
        else:  # new, or a damaged copy the fresh delivery now repairs
            final.parent.mkdir(parents=True, exist_ok=True)
            temp.chmod(0o444)
            temp.replace(final)
        return Archived(sha256=sha, size_bytes=size, path=final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def verify(archived: Path, sha256: str) -> None:
    """Raise :class:`ArchiveCorrupted` unless ``archived`` still hashes to ``sha256``."""
    actual = sha256_of(archived)
    if actual != sha256:
        raise ArchiveCorrupted(f"{archived}: SHA-256 is {actual}, expected {sha256}")
