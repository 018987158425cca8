"""Where the tests' own files are: every path anchored on this package, not the cwd."""

from __future__ import annotations

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = TESTS_DIR.parent
DATA_DIR = TESTS_DIR / "data"
SAMPLE_LANDING = DATA_DIR / "landing"
DAGS_DIR = REPO_ROOT / "dags"
TEST_ARTEFACTS = REPO_ROOT / "var" / "test-artefacts"  # screenshots the browser tests keep
