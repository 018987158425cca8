"""Charts as inline SVG (matplotlib), the same bytes for the same data.

Labels (country and region names) are data: matplotlib's SVG writer escapes
every text node and attribute it writes, so the SVG is handed to the template
as ``Markup`` (tests/unit/test_output_safety.py holds it to that), and mathtext
is off so a ``$`` in a name is a dollar sign, not a formula that can fail.
"""

from __future__ import annotations

import io

import matplotlib
from markupsafe import Markup

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from pantau.reports.formatting import number

BLUE, GREY = "#1f4e79", "#8c8c8c"
STYLE = {
    "svg.fonttype": "none",  # text stays text (searchable, scalable)
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "text.parse_math": False,  # "$\\x$" in a name must not stop the report (ValueError)
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(figure, salt: str) -> Markup:
    """SVG markup; ``salt`` (the title) keeps element ids unique between charts of a page."""
    buffer = io.StringIO()
    matplotlib.rcParams["svg.hashsalt"] = salt
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return Markup(text[text.index("<svg"):])  # inline: no XML prolog or doctype


def horizontal_bars(items: list[tuple[str, float]], title: str, colour: str = BLUE,
                    limit: int = 12) -> Markup:
    """Ranked bars with their values written at the end; empty data gives a note."""
    items = items[:limit]
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(6.2, 0.32 * max(len(items), 2) + 0.8))
        if not items:
            axes.text(0.5, 0.5, "Tidak ada data", ha="center", va="center", color=GREY)
            axes.set_axis_off()
        else:
            labels = [label for label, _ in reversed(items)]
            values = [value for _, value in reversed(items)]
            bars = axes.barh(labels, values, color=colour)
            axes.bar_label(bars, labels=[number(v) for v in values], padding=3, fontsize=8)
            axes.xaxis.set_visible(False)
            axes.spines["bottom"].set_visible(False)
            axes.set_xlim(0, max(values) * 1.18 or 1)
        axes.set_title(title, loc="left", fontsize=10, fontweight="bold")
        return _svg(figure, title)


def compared_bars(labels: list[str], current: list[float], previous: list[float] | None,
                  title: str, current_label: str, previous_label: str) -> Markup:
    """Key figures of this period beside the previous one."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(6.2, 2.4))
        positions = range(len(labels))
        width = 0.38
        if previous is not None:
            axes.bar([p - width / 2 for p in positions], previous, width, color=GREY,
                     label=previous_label)
        bars = axes.bar([p + (width / 2 if previous is not None else 0) for p in positions],
                        current, width, color=BLUE, label=current_label)
        axes.bar_label(bars, labels=[number(v) for v in current], padding=2, fontsize=8)
        axes.set_xticks(list(positions), labels)
        axes.yaxis.set_visible(False)
        axes.spines["left"].set_visible(False)
        axes.legend(frameon=False, fontsize=8, loc="upper right")
        axes.set_title(title, loc="left", fontsize=10, fontweight="bold")
        return _svg(figure, title)
