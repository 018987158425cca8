"""What the trace tests assert on a built warehouse: figures equal their rows, provinces unions."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg

from pantau.periods import Period
from pantau.reports import context
from pantau.reports import trace as tracing

# Figures a province counts each person, position or row once: its rows'
# units are the union of its regencies'. (The breakdowns by permit type and
# nationality and the expiring count are not: a province takes each person's
# first permit among all its regencies. A priority area is a district in a
# regency, a regency in a province: their categories differ.) Every PMI
# record lies in one origin regency, and the PMI indications count persons.
UNION_FIGURES = ("foreigners_total", "workers_total", "registered_total", "discrepancies",
                 "administrative_actions",
                 *(figure for figure in tracing.PMI_FIGURES if figure not in tracing.AREA_FIGURES))


def figure_keys(figures: dict, families: tuple[str, ...] = tracing.FIGURES
                ) -> Iterator[tuple[str, str]]:
    """Every (figure, category) of one figures.json (of ``families``: all by default)."""
    for figure in families:
        if figure in tracing.SCALAR_FIGURES:
            yield figure, ""
        else:
            for category in tracing.categories(figures, figure):
                yield figure, category


def regions_with_data(conn: psycopg.Connection, period: str) -> list[str]:
    """Regions with a foreigners' figure, or any breakdown (the PMI records among them)."""
    return [code for (code,) in conn.execute(
        "SELECT region_code FROM mart.region_figures AS f WHERE period = %s "
        "AND (foreigners_total > 0 OR workers_total > 0 OR registered_total > 0 "
        "     OR EXISTS (SELECT 1 FROM mart.region_breakdown AS b "
        "                 WHERE b.period = f.period AND b.region_code = f.region_code)) "
        "ORDER BY region_code", (period,))]


def assert_every_figure_traced(conn: psycopg.Connection, periods: tuple[str, ...]) -> int:
    """Every figure of every region with data equals its trace; returns how many were checked."""
    checked = 0
    for label in periods:
        period = Period.parse(label)
        regions = regions_with_data(conn, label)
        assert regions, label
        for region in regions:
            figures = context.figures_json(context.load(conn, period, region))
            for figure, category in figure_keys(figures):
                found = tracing.trace(conn, period, region, figure, category)
                assert found.traced == found.value, (label, region, figure, category)
                assert all(row["sha256"] and row["file"] for row in found.rows)
                checked += 1
    return checked


def assert_provinces_are_unions(conn: psycopg.Connection, periods: tuple[str, ...]) -> int:
    """A province's units are its regencies' together, the nation's ("00") its provinces',
    for UNION_FIGURES; returns the checks."""
    checked = 0
    for label in periods:
        regions = regions_with_data(conn, label)
        provinces = [code for code in regions if "." not in code and code != "00"]
        assert provinces and "00" in regions, label
        parts = {province: [code for code in regions if code.startswith(province + ".")]
                 for province in provinces} | {"00": provinces}
        for province, regencies in parts.items():
            keys = conn.execute(
                "SELECT DISTINCT figure, category FROM mart.figure_row "
                "WHERE period = %s AND region_code = ANY(%s) AND figure = ANY(%s)",
                (label, [province, *regencies], list(UNION_FIGURES))).fetchall()
            for figure, category in keys:
                def units(codes: list[str], label=label, figure=figure,
                          category=category) -> set[str]:
                    return {row["unit_key"] for code in codes
                            for row in tracing.rows(conn, label, code, figure, category)}
                assert units([province]) == units(regencies), (label, province, figure, category)
                checked += 1
    return checked
