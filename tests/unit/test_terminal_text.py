"""Data printed to an operator's terminal is shown, never interpreted (markup or escapes)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pantau.terminal import data_text


def _printed(value: object) -> str:
    console = Console(width=200, record=True, force_terminal=True)
    table = Table()
    table.add_column("value")
    table.add_row(data_text(value))
    console.print(table)
    return console.export_text()


def test_rich_markup_in_a_value_is_printed_literally_and_does_not_crash() -> None:
    printed = _printed("[/] [link=http://evil.example]klik[/link] [bold]x")
    assert "[/] [link=http://evil.example]klik[/link] [bold]x" in printed


def test_terminal_escape_sequences_are_replaced_not_obeyed() -> None:
    text = data_text("A\x1b[2J\x07B\x00C")
    assert "\x1b" not in text.plain and "\x07" not in text.plain and "\x00" not in text.plain
    assert text.plain == "A\ufffd[2J\ufffdB\ufffdC"


def test_none_prints_as_empty() -> None:
    assert data_text(None).plain == ""
