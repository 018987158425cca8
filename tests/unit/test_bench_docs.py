"""docs/performance.md shows the newest committed national run, as the generator writes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.tools.bench import docs

HOME = Path(__file__).resolve().parents[2]
PAGE = HOME / "docs" / "performance.md"
RESULTS = HOME / "benchmarks" / "results"


def test_the_page_shows_the_newest_national_run_as_generated() -> None:
    newest = docs.newest(RESULTS)
    page = PAGE.read_text(encoding="utf-8")
    assert page == docs.render(page, docs.section(newest)), (
        f"docs/performance.md differs from the tables of {newest.name}: run `make bench-docs`")
    assert f"`benchmarks/results/{newest.name}`" in page


def test_the_newest_run_is_the_latest_stamp_of_its_scale(tmp_path: Path) -> None:
    for name in ("national-20261202T054520Z.json", "national-20261203T010000Z.json",
                 "small-20261209T000000Z.json"):
        (tmp_path / name).write_text("{}")
    assert docs.newest(tmp_path).name == "national-20261203T010000Z.json"
    with pytest.raises(FileNotFoundError):
        docs.newest(tmp_path, "regional")


def test_only_the_text_between_the_markers_is_replaced() -> None:
    page = f"# Title\n\nprose\n\n{docs.BEGIN}\nold tables\n{docs.END}\n\nmore prose\n"
    rendered = docs.render(page, "new tables\n")
    assert rendered == f"# Title\n\nprose\n\n{docs.BEGIN}\nnew tables\n{docs.END}\n\nmore prose\n"
    assert docs.render(rendered, "new tables\n") == rendered
    with pytest.raises(docs.MarkersMissing):
        docs.render("# no markers\n", "tables\n")


def test_update_writes_the_newest_runs_tables_once(tmp_path: Path) -> None:
    result = json.loads((RESULTS / "national-20261202T165258Z.json").read_text(encoding="utf-8"))
    (tmp_path / "national-20261202T165258Z.json").write_text(json.dumps(result))
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\n{docs.BEGIN}\n{docs.END}\n")
    source, changed = docs.update(page, tmp_path)
    assert source.name == "national-20261202T165258Z.json" and changed
    text = page.read_text()
    assert "| all sources | 2,074 | 14,148,742 |" in text and "| validation | 309.8 |" in text
    assert docs.update(page, tmp_path) == (source, False)
