"""Regenerate the committed boundary files the report maps draw.

Why committed, simplified files: reports are rendered offline (no tiles, no
network) and must be the same bytes for the same figures, and the renderer
must not need shapely; the source polygons are also far finer than an A4
column can show (19 MB of SQL against about 2 MB of gzip here).

Source: the MIT-licensed ``cahyadsn/wilayah_boundaries`` (polygons from BIG,
Badan Informasi Geospasial, keyed by the Kemendagri 2025 codes), given as a
checkout or a bare git repository. Its SQL inserts are parsed as text (no SQL
engine), each polygon simplified to what an A4 page shows and rounded to
four decimals, the provinces dissolved from their regencies. Output: gzip
GeoJSON files (fixed mtime: a rerun writes the same bytes) under
``plugins/pantau/reference/boundaries/`` (regencies, districts, provinces, and
a coarser regency file for the national map), and what does not match the
reference code lists printed.

    python -m pantau.tools.boundaries --source /path/to/wilayah_boundaries
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import subprocess
from pathlib import Path

from shapely import make_valid, set_precision
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.ops import unary_union

from pantau.config import REFERENCE_DIR

OUT = REFERENCE_DIR / "boundaries"
# Degrees of simplification per level (1 degree is about 111 km): a regency
# map of a province and a district map of a regency fill an A4 column at
# about 1:1-5 million, where 0.005 degrees (about 500 m) is below a line's width.
# The national map (all of Indonesia across an A4 column, about 1:30 million)
# takes its own coarser regency file and drops islands under MIN_PART square
# degrees (about 25 km2), always keeping an area's largest part.
TOLERANCE = {"regency": 0.005, "district": 0.002, "province": 0.02, "national": 0.02}
MIN_PART = {"regency": 0.0, "district": 0.0, "province": 0.002, "national": 0.002}
GRID = 1e-4  # four decimals, about 11 m
FILES = {"regency": "regencies.geojson.gz", "district": "districts.geojson.gz",
         "province": "provinces.geojson.gz", "national": "regencies-national.geojson.gz"}
# One row: ('62.01','Kabupaten ...',-2.57,111.77,'[[[[lat,lng],...]]]'); a name's
# quote is doubled ('Ma''U'), and a few rows have a space after a comma (72.06.20).
ROW = re.compile(r"\(\s*'(?P<code>[0-9.]+)'\s*,\s*'(?P<name>(?:[^'\\]|\\.|'')*)'\s*,"
                 r"\s*(?P<lat>-?[0-9.]+)\s*,\s*(?P<lng>-?[0-9.]+)\s*,\s*'(?P<path>\[[^']*\])'")


def _read(source: Path, folder: str) -> dict[str, str]:
    """path -> text of every ``db/<folder>/*.sql`` file, from a checkout or a bare repo."""
    if (source / folder).is_dir():
        return {str(p): p.read_text("utf-8") for p in sorted((source / folder).glob("*.sql"))}
    names = subprocess.run(["git", "-C", str(source), "ls-tree", "--name-only", "HEAD",
                            f"{folder}/"], check=True, capture_output=True, text=True).stdout
    return {name: subprocess.run(["git", "-C", str(source), "show", f"HEAD:{name}"],
                                 check=True, capture_output=True, text=True).stdout
            for name in sorted(names.split()) if name.endswith(".sql")}


def _rings(path: list) -> list[list[list[float]]]:
    """The dataset's nesting varies (a ring, a polygon, a multipolygon): its rings, [lng, lat]."""
    if path and isinstance(path[0], (int, float)):
        return [[[path[1], path[0]]]]
    if path and path[0] and isinstance(path[0][0], (int, float)):
        return [[[lat_lng[1], lat_lng[0]] for lat_lng in path]]
    return [ring for part in path for ring in _rings(part)]


def _geometry(path_text: str):
    polygons = [Polygon(ring) for ring in _rings(json.loads(path_text)) if len(ring) >= 4]
    return make_valid(unary_union([p if p.is_valid else make_valid(p) for p in polygons]))


def _polygonal(geometry):
    """Only the areas of a geometry (make_valid may leave lines and points)."""
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    return unary_union(parts) if parts else Polygon()


def _without_islets(geometry, min_part: float):
    """The parts and holes of at least ``min_part`` square degrees (the largest part always)."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    if not min_part or not parts:
        return geometry
    largest = max(parts, key=lambda part: part.area)
    return MultiPolygon([  # holes too: the slivers a union of regencies leaves inside
        Polygon(p.exterior, [h for h in p.interiors if Polygon(h).area >= min_part])
        for p in parts if p is largest or p.area >= min_part])


def _simplified(geometry, tolerance: float, min_part: float = 0.0):
    geometry = _without_islets(_polygonal(geometry), min_part)
    out = _polygonal(set_precision(geometry.simplify(tolerance, preserve_topology=True), GRID))
    return out if not out.is_empty else _polygonal(set_precision(geometry, GRID))


def parse(texts: dict[str, str]) -> dict[str, tuple[str, object]]:
    """code -> (name, geometry) of every row of the given SQL files."""
    areas = {}
    for file, text in texts.items():
        rows = len(re.findall(r"^\s*\(\s*'[0-9]", text, flags=re.MULTILINE))
        matched = 0
        for match in ROW.finditer(text):
            name = match["name"].replace("''", "'").replace("\\'", "'")
            areas[match["code"]] = (name, _geometry(match["path"]))
            matched += 1
        if matched != rows:  # a row the pattern does not read would go missing silently
            print(f"{file}: {rows} rows, {matched} read")
    return areas


def _write(path: Path, areas: dict[str, tuple[str, object]], tolerance: float,
           min_part: float) -> int:
    features = []
    for code in sorted(areas):
        name, geometry = areas[code]
        simplified = _simplified(geometry, tolerance, min_part)
        if simplified.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"code": code, "name": name},
                         "geometry": mapping(simplified)})
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      separators=(",", ":"), ensure_ascii=False)
    text = re.sub(r"(\d+\.\d{4})\d+", r"\1", text)  # the grid's float noise
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                               filename="") as handle:
        handle.write(text.encode("utf-8"))
    return path.stat().st_size


def _codes(file: str, level: str | None = None) -> set[str]:
    with (REFERENCE_DIR / file).open(encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle)
                if level is None or row["level"] == level}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True,
                        help="a checkout or bare git repository of cahyadsn/wilayah_boundaries")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    regencies = parse(_read(args.source, "db/kab"))
    districts = parse(_read(args.source, "db/kec"))
    by_province: dict[str, list] = {}
    for code, (_, geometry) in regencies.items():
        by_province.setdefault(code[:2], []).append(geometry)
    with (REFERENCE_DIR / "regions.csv").open(encoding="utf-8", newline="") as handle:
        names = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    provinces = {code: (names.get(code, code), _polygonal(make_valid(unary_union(
        [set_precision(g, GRID) for g in parts])).buffer(0)))
        for code, parts in by_province.items()}
    for level, areas in (("regency", regencies), ("district", districts),
                         ("province", provinces), ("national", regencies)):
        size = _write(args.out / FILES[level], areas, TOLERANCE[level], MIN_PART[level])
        print(f"{level}: {len(areas)} areas, {size:,} bytes")
    for label, have, want in (("regency", set(regencies), _codes("regions.csv", "regency")),
                              ("province", set(provinces), _codes("regions.csv", "province")),
                              ("district", set(districts), _codes("districts.csv"))):
        print(f"{label}: missing from the dataset {sorted(want - have) or 'none'}; "
              f"not in the reference {sorted(have - want) or 'none'}")
    complete = (len(regencies) == 514 and len(provinces) == 38
                and _codes("regions.csv", "regency") <= set(regencies))
    print("all 514 regencies and 38 provinces present" if complete
          else "INCOMPLETE: a national map would have holes")
    return 0 if complete else 1


if __name__ == "__main__":
    raise SystemExit(main())
