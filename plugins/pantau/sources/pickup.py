"""Recognise a delivered file: which source, which snapshot date, which scope.

File names end in ``_YYYYMMDD`` before the extension (docs/sources.md): that date
is the snapshot date of a full export. The source comes from the landing
folder the file sits in (any ancestor named like a source id) or, failing
that, from the file-name prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pantau.sources.catalog import SOURCES
from pantau.sources.spec import Source

_PREFIXES = {source.file_prefix: source for source in SOURCES.values()}
_PREFIX_PATTERN = "|".join(sorted(map(re.escape, _PREFIXES), key=len, reverse=True))
# <prefix>[_<scope>][_<YYYYMMDD>].<ext>; the date is optional so that an
# undated delivery is still attributed (its snapshot date is the delivery time).
_NAME = re.compile(
    rf"^(?P<prefix>{_PREFIX_PATTERN})(?:_(?P<scope>.+?))??(?:_(?P<date>\d{{8}}))?\.(?P<ext>\w+)$",
    re.IGNORECASE,
)
_SUFFIXES = {".csv", ".xlsx"}
# A name that could address another folder, hide in a terminal or overflow a
# file system: separators, "." and "..", control characters (NUL included).
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")
MAX_NAME_BYTES = 255  # the longest file name Linux file systems accept


class UnrecognisedFile(ValueError):
    """A file Pantau cannot attribute to a source; it is archived and reported."""


class UnsafeFileName(UnrecognisedFile):
    """A delivered name that must never become part of a local path."""


def check_file_name(name: str) -> str:
    """Return ``name`` if it is one plain file name; raise :class:`UnsafeFileName` if not."""
    shown = name.encode("unicode_escape").decode("ascii")[:120]  # printable, bounded
    if name in {"", ".", ".."} or _UNSAFE_NAME.search(name):
        raise UnsafeFileName(f"'{shown}': refused: a delivered file name may not be empty, "
                             "'.' or '..', nor hold path separators or control characters")
    if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        raise UnsafeFileName(f"{shown}...: refused: file name longer than {MAX_NAME_BYTES} bytes")
    return name


@dataclass(frozen=True)
class Pickup:
    path: Path
    source: Source
    snapshot_date: date | None  # None: the name carries no valid date
    scope: str | None  # office, province or regency code from the file name


def _source_from_folders(path: Path) -> Source | None:
    for parent in path.parents:
        if parent.name in SOURCES:
            return SOURCES[parent.name]
    return None


def _snapshot_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def identify(path: Path) -> Pickup:
    """Attribute ``path`` to a source; raise :class:`UnrecognisedFile` if impossible."""
    match = _NAME.match(check_file_name(path.name))
    by_folder = _source_from_folders(path)
    by_prefix = _PREFIXES.get(match.group("prefix").lower()) if match else None
    source = by_folder or by_prefix
    if source is None:
        raise UnrecognisedFile(
            f"{path.name}: not in a source folder ({', '.join(SOURCES)}) and the name does "
            "not start with a known prefix "
            f"({', '.join(sorted(_PREFIXES))})"
        )
    if by_folder and by_prefix and by_folder is not by_prefix:
        raise UnrecognisedFile(
            f"{path.name}: lies in the {by_folder.id} folder but is named like a "
            f"{by_prefix.id} file"
        )
    if path.suffix.lower() != f".{source.file_format}":
        raise UnrecognisedFile(
            f"{path.name}: {source.id} files are .{source.file_format}, not {path.suffix or 'bare'}"
        )
    scope = match.group("scope") if match else None
    return Pickup(
        path=path,
        source=source,
        snapshot_date=_snapshot_date(match.group("date") if match else None),
        scope=scope,
    )


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to ingest: the paths given, folders searched recursively, sorted.

    Hidden files and office lock files (``~$book.xlsx``) are skipped: they are
    not deliveries.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith((".", "~$")):
                    yield child
        else:
            yield path


def looks_like_delivery(path: Path) -> bool:
    """True for the extensions Pantau reads (other files are still archived)."""
    return path.suffix.lower() in _SUFFIXES
