"""Read a rendered map back: which value each area's colour says, checked against the figures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def _fill(group: ET.Element) -> str:
    for element in group.iter(f"{SVG}path"):
        match = re.search(r"fill:\s*([^;]+)", element.get("style", ""))
        if match:
            return match.group(1).strip()
    raise AssertionError(f"no filled path in {group.get('id')}")


def _number(text: str) -> float:
    """Indonesian notation back to a number: 1.234,5 -> 1234.5."""
    return float(text.replace(".", "").replace(",", "."))


def _groups(svg: str) -> dict[str, ET.Element]:
    return {g.get("id"): g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id")}


def legend(svg: str) -> dict[str, str]:
    """fill -> the label the legend writes beside that swatch."""
    groups = _groups(svg)
    return {_fill(group): "".join(groups[f"legend-label-{gid[7:]}"].itertext()).strip()
            for gid, group in groups.items() if re.fullmatch(r"legend-\d+", gid)}


def area_fills(svg: str) -> dict[str, str]:
    return {gid[5:]: _fill(group) for gid, group in _groups(svg).items()
            if gid.startswith("area-")}


def assert_colours_match(svg: str, values: dict[str, float | None], decimals: int = 0) -> int:
    """Every area's colour is the legend entry whose range holds its value (rounded as the
    map rounds it), "Tidak ada data" where it has none; returns the areas checked."""
    labels = legend(svg)
    fills = area_fills(svg)
    assert fills, "no area drawn"
    for code, fill in fills.items():
        assert fill in labels, (code, fill, labels)
        label = labels[fill]
        value = values.get(code)
        if value is None:
            assert label == "Tidak ada data", (code, label)
            continue
        ends = [_number(part) for part in label.split(" – ")]
        assert min(ends) <= round(float(value), decimals) <= max(ends), (code, value, label)
    return len(fills)
