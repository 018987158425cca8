"""The one rich console every ``pantau`` command prints through."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.text import Text

# Outside a terminal (make, CI, Airflow logs) rich would wrap at 80 columns; tables are
# laid out for 160 there, and a printed line is never broken (a long path or URL stays one
# line that grep finds whole).
_TERMINAL = sys.stdout.isatty()
console = Console(width=None if _TERMINAL else 160, soft_wrap=not _TERMINAL)

_CONTROL = {code: "\ufffd" for code in [*range(0x00, 0x20), 0x7F] if code != 0x0A}


def data_text(value: object) -> Text:
    """A value from the data, printed as itself: rich markup (``[link=...]``) stays literal
    and control characters (terminal escape sequences) are replaced, never obeyed."""
    return Text("" if value is None else str(value).translate(_CONTROL))
