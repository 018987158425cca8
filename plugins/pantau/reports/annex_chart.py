"""The waterfall of one site's score: each factor's points, stacked from zero to the score.

A TIMPORA team reads why a site is on the list from it: the bars step up for
the violations found in the data and down for a recent visit that found
nothing, and the last bar is the score itself. SVG by matplotlib, the same
bytes for the same contributions (see :mod:`pantau.reports.charts`).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from markupsafe import Markup

from pantau.reports.charts import BLUE, GREY, STYLE, _svg
from pantau.reports.formatting import number

UP, DOWN = "#9c2a00", "#2e6b2e"  # apart in lightness too, for grey print


def waterfall(contributions: list[tuple[str, float]], score: float, title: str) -> Markup:
    """Horizontal waterfall: one bar per non-zero factor (label, points), then the total."""
    steps = [(label, points) for label, points in contributions if points]
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(6.2, 0.28 * (len(steps) + 1) + 0.7))
        start = 0.0
        labels, lefts, widths, colours = [], [], [], []
        for label, points in steps:
            labels.append(label)
            lefts.append(start if points > 0 else start + points)
            widths.append(abs(points))
            colours.append(UP if points > 0 else DOWN)
            start += points
        labels.append("Skor")
        lefts.append(min(0.0, score))
        widths.append(abs(score))
        colours.append(BLUE)
        positions = list(range(len(labels)))[::-1]
        axes.barh(positions, widths, left=lefts, color=colours, height=0.62,
                  hatch=None, edgecolor="white", linewidth=0.4)
        signed = [f"{'+' if p > 0 else '−'}{number(abs(p), 1)}" for _, p in steps]
        for y, left, width, text in zip(positions, lefts, widths,
                                        [*signed, number(score, 1)], strict=True):
            axes.text(left + width + 0.01 * max(abs(score), 1), y, text, va="center",
                      fontsize=7.5)
        axes.set_yticks(positions, labels, fontsize=7.5)
        axes.axvline(0, color=GREY, linewidth=0.6)
        extent = max([abs(score), *[abs(x) for x in lefts],
                      *[abs(a + b) for a, b in zip(lefts, widths, strict=True)], 1.0])
        axes.set_xlim(min(0.0, *lefts) * 1.1, extent * 1.2)
        axes.xaxis.set_visible(False)
        axes.spines["bottom"].set_visible(False)
        axes.set_title(title, loc="left", fontsize=9, fontweight="bold")
        return _svg(figure, title)
