"""The repository's own files, as a commit holds them: for tests that sweep every file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support.paths import REPO_ROOT as REPO


def repository_files() -> list[str]:
    """Tracked files plus untracked ones git would add (not ignored): what a commit holds."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True).stdout.decode()
    return sorted({name for name in listing.split("\0") if name})


def text_of(path: Path) -> str | None:
    """The file as text, or None when it is binary (images, workbooks) or gone."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):  # deleted in the work tree
        return None
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", errors="replace")
