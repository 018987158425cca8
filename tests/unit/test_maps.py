"""The report maps: the boundary files, the classes, the colours read back against the values.

A rendered map is parsed as XML: every ``area-<code>`` group's fill must be the
fill of the legend swatch whose written range holds the area's value, and an
area without a value must carry the "Tidak ada data" swatch's fill.
"""

from __future__ import annotations

import ast
import csv
import gzip
import itertools
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.colors import to_rgb

from pantau.config import REFERENCE_DIR
from pantau.reports import maps
from tests.support.map_colours import area_fills, assert_colours_match, legend

pytestmark = pytest.mark.unit
BOUNDARIES = REFERENCE_DIR / "boundaries"


def _reference(level: str) -> set[str]:
    with (REFERENCE_DIR / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle) if row["level"] == level}


def _codes(file: str) -> set[str]:
    with gzip.open(BOUNDARIES / file, "rt", encoding="utf-8") as handle:
        return {f["properties"]["code"] for f in json.load(handle)["features"]}


def _luminance(colour: str) -> float:
    r, g, b = to_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_boundary_files_hold_every_region_with_their_licence() -> None:
    assert _codes("regencies.geojson.gz") == _reference("regency")  # all 514
    assert len(_reference("regency")) == 514
    assert _codes("regencies-national.geojson.gz") == _reference("regency")
    assert _codes("provinces.geojson.gz") == _reference("province")  # all 38
    assert len(_reference("province")) == 38
    with (REFERENCE_DIR / "districts.csv").open(encoding="utf-8", newline="") as handle:
        districts = {row["code"] for row in csv.DictReader(handle)}
    assert _codes("districts.geojson.gz") == districts
    assert "MIT" in (BOUNDARIES / "LICENSE").read_text()
    assert sum(p.stat().st_size for p in BOUNDARIES.glob("*.gz")) < 3_000_000


def test_a_maps_colours_match_the_figures_it_says_it_shows() -> None:
    codes = maps.area_codes("regency", "62")
    assert len(codes) == 14
    values: dict[str, float | None] = {code: (i * 37.3) % 290
                                       for i, code in enumerate(codes[:-2])}
    values[codes[1]] = 0  # a real value, not "no data"
    values[codes[-2]] = None  # no data, as a missing code is
    svg = str(maps.choropleth(values, "regency", "TKA per 100.000", "TKA per 100.000",
                              within="62", decimals=1))
    assert assert_colours_match(svg, values, decimals=1) == len(codes)
    labels = legend(svg)
    assert "Tidak ada data" in labels.values()
    assert labels[area_fills(svg)[codes[1]]] == "0,0"
    assert len(set(area_fills(svg).values())) >= 4  # the classes differ, not one colour


def test_a_district_map_draws_the_regencys_districts_only() -> None:
    codes = maps.area_codes("district", "62.03")
    assert codes and all(code.startswith("62.03.") for code in codes)
    values = {code: i for i, code in enumerate(codes)}
    svg = str(maps.choropleth(values, "district", "Kapuas", "Orang", within="62.03"))
    assert set(area_fills(svg)) == set(codes)
    assert assert_colours_match(svg, values) == len(codes)
    assert "Tidak ada data" not in legend(svg).values()


def test_a_maps_colours_would_catch_a_wrong_colour() -> None:
    codes = maps.area_codes("regency", "62")
    values = {code: float(i) for i, code in enumerate(codes)}
    svg = str(maps.choropleth(values, "regency", "t", "v", within="62"))
    swapped = dict(values)
    swapped[codes[0]], swapped[codes[-1]] = values[codes[-1]], values[codes[0]]
    with pytest.raises(AssertionError):
        assert_colours_match(svg, swapped)


def test_the_palette_darkens_class_by_class_for_grey_print() -> None:
    shades = [_luminance(c) for c in maps.PALETTE]
    assert all(a > b for a, b in itertools.pairwise(shades))
    assert shades[0] - shades[-1] > 0.6  # light to dark, not two greys
    for count in range(1, 6):  # the colours a map of fewer classes takes, too
        picked = [_luminance(c) for c in maps._colours(count)]
        assert all(a > b for a, b in itertools.pairwise(picked))


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1,
                max_size=60), st.integers(min_value=1, max_value=7))
def test_every_value_falls_in_exactly_one_class(values: list[float], count: int) -> None:
    bounds = maps.classes(values, count)
    assert 1 <= len(bounds) <= max(count, 1)
    assert all(low <= high for low, high in bounds)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))  # ascending
    for value in values:
        inside = [i for i, (low, high) in enumerate(bounds)
                  if (low <= value <= high if i == 0 else low < value <= high)]
        assert len(inside) == 1, (value, bounds)
        assert maps.class_of(value, bounds) == inside[0]


def test_classes_are_round_and_few_values_give_few_classes() -> None:
    assert maps.classes([]) == []
    assert maps.classes([7, 7]) == [(7, 7)]
    assert maps.classes([0, 0, 3, 7]) == [(0, 0), (0, 3), (3, 7)]
    bounds = maps.classes([0, *range(1, 500, 7), 498.7])
    assert bounds[0] == (0, 0) and len(bounds) == 5
    assert all(float(f"{high:.2g}") == high for _, high in bounds)  # two significant digits


def test_a_map_is_the_same_bytes_for_the_same_figures_with_its_scale_and_credit() -> None:
    values = dict.fromkeys(maps.area_codes("district", "62.71"), 3.0)
    first = str(maps.choropleth(values, "district", "Judul", "Orang", within="62.71"))
    assert first == str(maps.choropleth(values, "district", "Judul", "Orang", within="62.71"))
    text = "".join(ET.fromstring(first).itertext())
    assert maps.CREDIT in text and " km" in text and 'id="scale-bar"' in first


def test_names_in_a_title_are_text_not_markup() -> None:
    svg = str(maps.choropleth({}, "province", 'A <b>&"$\\x$', "v"))
    root = ET.fromstring(svg)  # still well-formed
    assert 'A <b>&"$\\x$' in "".join(root.itertext())
    assert len(area_fills(svg)) == 38 and set(legend(svg).values()) == {"Tidak ada data"}


def test_the_marked_sites_districts_are_outlined_and_named_in_the_legend() -> None:
    codes = maps.area_codes("district", "62.71")
    svg = str(maps.choropleth(dict.fromkeys(codes, 0), "district", "t", "v", within="62.71",
                              marked=codes[:2]))
    assert all(f'id="mark-{code}"' in svg for code in codes[:2])
    assert "Lokasi sasaran teratas" in legend(svg).values()


def test_the_renderer_does_not_need_shapely() -> None:
    tree = ast.parse(Path(maps.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert "shapely" not in imported


def test_the_regeneration_script_is_named_beside_the_files() -> None:
    readme = (BOUNDARIES / "README.md").read_text()
    assert "pantau.tools.boundaries" in readme and "BIG" in readme
