"""The one rich console every ``pantau`` command prints through."""

from __future__ import annotations

import sys

from rich.console import Console

# Outside a terminal (make, CI, Airflow logs) rich would wrap at 80 columns.
console = Console(width=None if sys.stdout.isatty() else 160)
