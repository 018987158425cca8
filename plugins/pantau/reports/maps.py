"""Choropleth maps as inline SVG (matplotlib), from the committed boundary files.

No tiles and no network: the polygons are ``reference/boundaries/*.geojson.gz``
(cahyadsn/wilayah_boundaries, MIT, from BIG's data; ``pantau.tools.boundaries``
regenerates them), drawn in an equirectangular projection scaled by the
cosine of the map's mean latitude. Each area is one path whose SVG group is
``area-<code>``, filled with its class's colour; the legend's swatches are
``legend-<i>`` with the class bounds written beside them, so a test can read
back which value each colour stands for. The palette is one hue whose
lightness falls class by class: it reads in grey print. A value equal to a
class's upper bound belongs to that class (classes are ``(low, high]``, the
first ``[low, high]``).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from functools import cache
from itertools import pairwise
from pathlib import Path

import matplotlib
from markupsafe import Markup

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as GeoPath

from pantau.reports.charts import GREY, STYLE, _svg
from pantau.reports.formatting import number

CREDIT = "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), data BIG."
PALETTE = ("#eef3fa", "#bdd3ea", "#7fa8d3", "#3f72ad", "#173f73")  # light to dark, one hue
NO_DATA = "#ffffff"  # hatched grey: "Tidak ada data"
EDGE = "#4d4d4d"
KM_PER_DEGREE = 111.32
FILES = {"regency": "regencies.geojson.gz", "district": "districts.geojson.gz",
         "province": "provinces.geojson.gz"}
NATIONAL_REGENCIES = "regencies-national.geojson.gz"  # coarser: all of Indonesia at once
BOUNDARIES = Path(__file__).parents[1] / "reference" / "boundaries"


@cache
def _areas(file: str) -> dict[str, tuple[str, tuple]]:
    """code -> (name, polygons as tuples of rings of (lng, lat)) of one boundary file."""
    with gzip.open(BOUNDARIES / file, "rt", encoding="utf-8") as handle:
        collection = json.load(handle)
    out = {}
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]])
        out[feature["properties"]["code"]] = (
            feature["properties"]["name"],
            tuple(tuple(tuple(map(tuple, ring)) for ring in polygon) for polygon in polygons))
    return out


def area_codes(level: str, within: str | None = None) -> list[str]:
    """The codes of ``level`` a map of ``within`` (None: Indonesia) draws."""
    return sorted(code for code in _areas(FILES[level])
                  if within is None or code.startswith(f"{within}."))


def _nice(value: float, direction: str = "round") -> float:
    """A number of two significant digits near ``value``: rounded, or down/up to it."""
    if value <= 0:
        return 0.0
    exact = Decimal(repr(value))
    rounding = {"round": ROUND_HALF_EVEN, "down": ROUND_FLOOR, "up": ROUND_CEILING}[direction]
    return float(exact.quantize(Decimal(1).scaleb(exact.adjusted() - 1), rounding=rounding))


def classes(values: Iterable[float], count: int = 5) -> list[tuple[float, float]]:
    """Up to ``count`` classes with round bounds covering every value exactly once.

    At most ``count`` distinct values: a class ending at each. Otherwise quantile
    breaks rounded to two significant digits, the ends widened to round numbers
    too; zeros get a class of their own (``0``: "none here"). Classes are
    ``(low, high]``, the first ``[low, high]``.
    """
    ordered = sorted(float(v) for v in values)
    if not ordered:
        return []
    distinct = sorted(set(ordered))
    if len(distinct) <= count:  # a class per value: "0", "1 – 3", "4 – 7"
        return [(distinct[0], distinct[0]), *pairwise(distinct)]
    low, high = ordered[0], ordered[-1]
    out: list[tuple[float, float]] = []
    if low == 0 and count >= 2:  # a class of its own only if another is left for the rest
        out.append((0.0, 0.0))
        ordered = [v for v in ordered if v > 0]
        count -= 1
    lowest = 0.0 if out else _nice(low, "down")
    top = max(high, _nice(high, "up"))
    floor = ordered[0] if out else _nice(low, "up")  # no class of the lowest value alone
    breaks = [lowest]
    for i in range(1, count):
        candidate = _nice(ordered[min(len(ordered) - 1, (len(ordered) * i) // count)])
        if max(breaks[-1], floor) <= candidate < high and candidate > breaks[-1]:
            breaks.append(candidate)
    breaks.append(top)
    out += list(pairwise(breaks))
    return out


def _rounded(bounds: list[tuple[float, float]], decimals: int) -> list[tuple[float, float]]:
    """The bounds as the legend writes them (``decimals``), classes left empty dropped."""
    out: list[tuple[float, float]] = []
    for raw_low, raw_high in bounds:
        low, high = round(raw_low, decimals), round(raw_high, decimals)
        if not out:
            out.append((low, high))
        elif high > out[-1][1]:
            out.append((out[-1][1], high))
    return out


def class_of(value: float, bounds: list[tuple[float, float]]) -> int:
    """The index of the class ``value`` falls in (the first class includes its low bound)."""
    for index, (low, high) in enumerate(bounds):
        if (low <= value <= high) if index == 0 else (low < value <= high):
            return index
    raise ValueError(f"{value} outside {bounds}")


def _colours(count: int) -> list[str]:
    """``count`` colours of the palette, spread from light to dark."""
    if count <= 1:
        return [PALETTE[2]]
    return [PALETTE[round(i * (len(PALETTE) - 1) / (count - 1))] for i in range(count)]


def _path(polygons: tuple, scale: float) -> GeoPath:
    vertices, codes = [], []
    for polygon in polygons:
        for ring in polygon:
            vertices += [(lng * scale, lat) for lng, lat in ring]
            codes += [GeoPath.MOVETO] + [GeoPath.LINETO] * (len(ring) - 2) + [GeoPath.CLOSEPOLY]
    return GeoPath(vertices, codes)


def _label(index: int, bounds: tuple[float, float], decimals: int) -> str:
    """The class as the values it holds, both ends included: the values are rounded to
    ``decimals``, so after the first class the lowest is one unit above the bound."""
    low, high = bounds
    if index > 0:
        low = min(high, round(low + 10 ** -decimals, decimals))
    return (number(low, decimals) if low == high
            else f"{number(low, decimals)} – {number(high, decimals)}")


def _scale_bar(axes, x: float, y: float, width: float, unit: float) -> None:
    """A bar of a round number of km, about a quarter of the map's width (in degrees)."""
    wanted = width * KM_PER_DEGREE / 4
    km = min((1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000),
             key=lambda step: abs(math.log(step / wanted)))
    length = km / KM_PER_DEGREE
    axes.add_patch(Rectangle((x, y), length, unit * 0.05, facecolor="black",
                             edgecolor="black", linewidth=0.5, gid="scale-bar"))
    for at, text in ((x, "0"), (x + length, f"{number(km)} km")):
        axes.text(at, y + unit * 0.09, text, fontsize=7, ha="center", va="bottom")


WIDTH = 6.2  # inches: an A4 column
TITLE, CREDIT_ROOM, SIDE_LEGEND, ROW = 0.38, 0.28, 1.6, 0.24


def _layout(aspect: float, entries: int) -> dict:
    """Figure height (in), the map's axes (figure fractions), the legend's box (in).

    A wide map (the whole of Indonesia) takes the column's width with its legend
    below in up to four columns; a compact one leaves the legend a column on
    its right; the map's height follows its aspect, at most 7.2 in.
    """
    if aspect >= 1.8:
        map_w, columns = WIDTH, min(entries, 4)
        map_h = map_w / aspect
        legend_h = 0.3 + ROW * -(-entries // columns)
        body = map_h + legend_h
        legend = (0.0, CREDIT_ROOM, WIDTH, legend_h)
        map_bottom = CREDIT_ROOM + legend_h
    else:
        map_h, columns = min(7.2, (WIDTH - SIDE_LEGEND) / aspect), 1
        map_w = map_h * aspect
        legend_h = 0.3 + ROW * entries
        body = max(map_h, legend_h)
        legend = (map_w + 0.2, CREDIT_ROOM + body - legend_h, WIDTH - map_w - 0.2, legend_h)
        map_bottom = CREDIT_ROOM + body - map_h
    height = TITLE + body + CREDIT_ROOM
    return {"height": height, "columns": columns, "legend": legend,
            "map": (0.0, map_bottom / height, map_w / WIDTH, map_h / height)}


def _draw_areas(axes, areas: dict, scale: float, known: dict[str, float],
                bounds: list[tuple[float, float]], colours: list[str],
                marked: list[str]) -> None:
    """One path per area (its gid ``area-<code>``), then the marked areas' outlines."""
    for code in sorted(areas):
        value = known.get(code)
        patch = PathPatch(_path(areas[code][1], scale), linewidth=0.3, edgecolor=EDGE,
                          facecolor=NO_DATA if value is None
                          else colours[class_of(value, bounds)],
                          hatch="////" if value is None else None)
        patch.set_gid(f"area-{code}")
        axes.add_patch(patch)
    for code in marked:
        outline = PathPatch(_path(areas[code][1], scale), fill=False, linewidth=1.8,
                            edgecolor="black")
        outline.set_gid(f"mark-{code}")
        axes.add_patch(outline)


def choropleth(values: dict[str, float | None], level: str, title: str, legend_title: str,
               within: str | None = None, marked: Iterable[str] = (),
               decimals: int = 0) -> Markup:
    """The areas of ``level`` within ``within`` coloured by ``values`` (missing: no data)."""
    file = NATIONAL_REGENCIES if level == "regency" and within is None else FILES[level]
    areas = {code: area for code, area in _areas(file).items()
             if within is None or code.startswith(f"{within}.")}
    known = {code: round(float(v), decimals) for code, v in values.items()
             if v is not None and code in areas}
    bounds = _rounded(classes(known.values()), decimals)
    colours = _colours(len(bounds))
    marked = sorted(set(marked) & set(areas))
    entries = [(colours[i], None, _label(i, b, decimals), 0.4) for i, b in enumerate(bounds)]
    if len(known) < len(areas):
        entries.append((NO_DATA, "////", "Tidak ada data", 0.4))
    if marked:
        entries.append(("none", None, "Lokasi sasaran teratas", 1.6))
    with plt.rc_context(STYLE):
        if not areas:
            figure = plt.figure(figsize=(WIDTH, 1.2))
            figure.text(0.0, 0.9, title, fontsize=10, fontweight="bold", va="top")
            figure.text(0.5, 0.4, "Tidak ada batas wilayah", ha="center", va="center",
                        color=GREY)
            return _svg(figure, title)
        xs = [lng for _, polygons in areas.values() for polygon in polygons
              for ring in polygon for lng, _ in ring]
        ys = [lat for _, polygons in areas.values() for polygon in polygons
              for ring in polygon for _, lat in ring]
        scale = math.cos(math.radians((min(ys) + max(ys)) / 2))
        left, right, bottom, top = min(xs) * scale, max(xs) * scale, min(ys), max(ys)
        pad = 0.02 * max(right - left, top - bottom)
        bar_room = 0.1 * max(right - left, top - bottom)  # below the areas: the scale bar
        x0, x1, y0, y1 = left - pad, right + pad, bottom - pad - bar_room, top + pad
        layout = _layout((x1 - x0) / (y1 - y0), len(entries))
        figure = plt.figure(figsize=(WIDTH, layout["height"]))
        axes = figure.add_axes(layout["map"])
        _draw_areas(axes, areas, scale, known, bounds, colours, marked)
        axes.set_xlim(x0, x1)
        axes.set_ylim(y0, y1)
        axes.set_aspect("equal")
        axes.set_axis_off()
        _scale_bar(axes, left, bottom - pad - bar_room * 0.75, right - left, bar_room)
        figure.text(0.0, 1.0 - 0.08 / layout["height"], title, fontsize=10,
                    fontweight="bold", va="top", ha="left")
        _legend(figure, layout["legend"], legend_title, entries, layout["columns"])
        figure.text(0.0, 0.06 / layout["height"], CREDIT, fontsize=6.5, color=GREY, ha="left",
                    va="bottom")
        return _svg(figure, title)


def _legend(figure, box: tuple[float, float, float, float], heading: str,
            entries: list[tuple[str, str | None, str, float]], columns: int) -> None:
    """Swatches with the values each colour stands for, lightest first (``box`` in inches)."""
    width, height = figure.get_size_inches()
    x, y, w, h = box
    axes = figure.add_axes((x / width, y / height, w / width, h / height))
    axes.set_axis_off()
    axes.set_xlim(0, w)
    axes.set_ylim(0, h)  # in inches: the same spacing on any map
    axes.text(0, h - 0.04, heading, fontsize=8, fontweight="bold", va="top")
    column_w = w / columns
    for index, (colour, hatch, text, line) in enumerate(entries):
        row, column = divmod(index, columns)
        left, bottom = column * column_w, h - 0.3 - ROW * (row + 1) + 0.05
        swatch = Rectangle((left, bottom), 0.2, 0.14, facecolor=colour,
                           edgecolor="black" if line > 1 else EDGE, linewidth=line,
                           hatch=hatch)
        swatch.set_gid(f"legend-{index}")
        axes.add_patch(swatch)
        axes.text(left + 0.28, bottom + 0.07, text, fontsize=7.5, va="center",
                  gid=f"legend-label-{index}")
