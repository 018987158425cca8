"""The benchmark's results as terminal tables and as the Markdown table of docs/performance.md."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table


def _rate(value: float) -> str:
    return f"{value:,.0f}"


def _optional(item: dict, key: str, form: str) -> str:
    """A value results written before it existed (or without dlt) lack: an empty cell."""
    value = item.get(key)
    return "" if value is None else format(value, form)


def throughput_rows(result: dict) -> list[list[str]]:
    rows = []
    for item in [*result["throughput"], {**result["summary"], "source": "all sources"}]:
        rows.append([item["source"], f"{item['files']:,}", f"{item['rows']:,}",
                     _rate(item["copy_rows_per_s"]), _rate(item["ingest_rows_per_s"]),
                     _rate(item["to_sql_rows_per_s"]), _optional(item, "dlt_rows_per_s", ",.0f"),
                     f"{item['ingest_copy_ratio']:.3f}", f"{item['ingest_to_sql_ratio']:.2f}",
                     _optional(item, "ingest_dlt_ratio", ".2f"),
                     _optional(item, "write_copy_ratio", ".3f"), _ingest_write(item)])
    return rows


def _ingest_write(item: dict) -> str:
    """Ingest over the write ceiling; derived for results written before it was stored."""
    if item.get("ingest_write_ratio") is not None:
        return f"{item['ingest_write_ratio']:.2f}"
    if item.get("write_copy_ratio"):
        return f"{item['ingest_copy_ratio'] / item['write_copy_ratio']:.2f}"
    return ""


THROUGHPUT_HEADERS = ["source", "files", "rows", "COPY rows/s", "ingest rows/s",
                      "to_sql rows/s", "dlt rows/s", "ingest/COPY", "ingest/to_sql",
                      "ingest/dlt", "write/COPY (ceiling)", "ingest/write"]


def _prior_month_rows(result: dict) -> list[list[str]]:
    """The month loaded before the cycle, part by part (absent from older results)."""
    prior = result.get("prior_month")
    if not prior:
        return []
    return [[f"prior month {prior['period']}: {name} ({prior['files']:,} files, "
             f"{prior['rows']:,} rows; not in the cycle)" if name == "ingest"
             else f"prior month {prior['period']}: {name}",
             f"{step['seconds']:,.1f}", f"{step['peak_rss_mib']:,.0f}"]
            for name, step in prior["steps"].items()]


def step_rows(result: dict) -> list[list[str]]:
    rows = _prior_month_rows(result)
    rows += [[name, f"{step['seconds']:,.1f}", f"{step['peak_rss_mib']:,.0f}"]
             for name, step in result["steps"].items()]
    late = result["late_file"]
    reports = len(late.get("reports_rerendered", ())) or 2
    how = ("rebuild where the change reaches" if any(late.get("partial", ()))
           else "rebuild")
    rows.append([f"late file (ingest, validate, {how}, {reports} reports)",
                 f"{result['late_file']['seconds']:,.1f}", ""])
    rows.append(["whole cycle (ingest + validation + build + reports)",
                 f"{result['summary']['cycle_seconds']:,.1f}",
                 f"{result['summary']['peak_rss_mib']:,.0f}"])
    return rows


STEP_HEADERS = ["step", "seconds", "peak RSS MiB"]


def target_rows(result: dict) -> list[list[str]]:
    verdict = {True: "met", False: "missed", None: "not measured"}
    return [[item["target"], "" if item["measured"] is None else f"{item['measured']:,}",
             item["limit"], verdict[item["met"]]] for item in result["summary"]["targets"]]


TARGET_HEADERS = ["target", "measured", "limit", ""]


def history_rows(result: dict) -> list[list[str]]:
    history = result.get("history")
    if not history:
        return []
    rows = [[query["query"], f"{query['rows']:,}", f"{query['first_seconds']:.3f}",
             f"{query['seconds']:.3f}"] for query in history["queries"]]
    copied = sum(history["rows_copied"].values())
    months = history.get("months_copied", history["months"] - 1)
    rows.append([f"loading {months} earlier months ({copied:,} rows)", "",
                 f"{history['load_seconds']:,.1f}", ""])
    return rows


def history_headers(result: dict) -> list[str]:
    return [f"trend query over {result['history']['months']} months", "rows", "first s",
            "warm s"]


def trace_rows(result: dict) -> list[list[str]]:
    """One row per traced figure, then the audit packs' share of rendering."""
    found = result.get("trace")
    if not found:
        return []
    rows = [[f"{item['figure']} {item['category']}".strip(), f"{item['rows']:,}",
             "yes" if item["matches"] else "NO", f"{item['seconds']:.3f}"]
            for item in found["traces"]]
    render = result["steps"]["render_reports"]
    if "audit_pack_seconds" in render:
        rows.append([f"audit packs: {render['audit_pack_seconds']:,.1f} s beside "
                     f"{render['report_seconds']:,.1f} s of reports (worker seconds)", "", "",
                     f"{render['audit_pack_share']:.1%}"])
    return rows


TRACE_HEADERS = ["pantau trace, largest regency", "rows", "rows = figure", "seconds"]


def pmi_cost_rows(result: dict) -> list[list[str]]:
    """What the four PMI exports cost in each step, and their share of the step."""
    cost = result["summary"].get("pmi_cost")
    if not cost:
        return []
    return [[step, f"{cost[step]['seconds']:,.1f}",
             "" if cost[step]["share"] is None else f"{cost[step]['share']:.1%}"]
            for step in ("ingest", "validation", "build")]


PMI_COST_HEADERS = ["the four PMI exports", "seconds", "share of the step"]


def slowest_build_rows(result: dict) -> list[list[str]]:
    """The month's build's slowest SQL steps beside the prior month's (runs that kept them)."""
    def slowest(step: dict | None) -> dict[str, float]:
        return dict((step or {}).get("slowest") or [])

    month = slowest(result["steps"]["build_month"])
    prior = slowest(result.get("prior_month", {}).get("steps", {}).get("build"))
    return [[label, f"{month[label]:,.1f}" if label in month else "",
             f"{prior[label]:,.1f}" if label in prior else ""]
            for label in sorted(month.keys() | prior.keys(),
                                key=lambda label: -max(month.get(label, 0), prior.get(label, 0)))]


SLOWEST_BUILD_HEADERS = ["slowest SQL of the build", "month s", "prior month s"]


def _filled_columns(headers: list[str], rows: list[list[str]]) -> tuple[list[str],
                                                                       list[list[str]]]:
    """The table without the columns no row fills (dlt's, in a run without it or before it)."""
    keep = [position for position in range(len(headers))
            if position == 0 or any(row[position] for row in rows)]
    return [headers[i] for i in keep], [[row[i] for i in keep] for row in rows]


def _tables(result: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    tables = [
        ("Throughput on the same files",
         *_filled_columns(THROUGHPUT_HEADERS, throughput_rows(result))),
        ("Steps of the monthly cycle", STEP_HEADERS, step_rows(result)),
    ]
    if result["summary"].get("pmi_cost"):
        cost = result["summary"]["pmi_cost"]
        tables.append((f"What the PMI exports cost ({cost['files']:,} files, "
                       f"{cost['rows']:,} rows)", PMI_COST_HEADERS, pmi_cost_rows(result)))
    if slowest := slowest_build_rows(result):
        tables.append(("What the builds spend their time on",
                       *_filled_columns(SLOWEST_BUILD_HEADERS, slowest)))
    if result.get("trace"):
        tables.append((f"Tracing as the auditor ({result['trace']['regency']})", TRACE_HEADERS,
                       trace_rows(result)))
    if result.get("history"):
        months = result["history"]["months"]
        title = "A year of history" if months == 12 else f"{months} months of history"
        tables.append((title, history_headers(result), history_rows(result)))
    tables.append(("Targets", TARGET_HEADERS, target_rows(result)))
    return tables


def _first_column(position: int, header: str) -> bool:
    return position == 0


Aligned = Callable[[int, str], bool]  # (position, header) -> left-aligned (words, not numbers)


def as_terminal(tables: list[tuple[str, list[str], list[list[str]]]], suffix: str,
                left: Aligned = _first_column) -> list[Table]:
    """rich tables, each titled with ``suffix`` (the run's scale and period)."""
    made = []
    for title, headers, rows in tables:
        table = Table(title=f"{title} ({suffix})")
        for position, header in enumerate(headers):
            table.add_column(header, justify="left" if left(position, header) else "right")
        for row in rows:
            table.add_row(*row)
        made.append(table)
    return made


def as_markdown(tables: list[tuple[str, list[str], list[list[str]]]],
                left: Aligned = _first_column) -> str:
    """The tables in Markdown, one after the other."""
    parts = []
    for _, headers, rows in tables:
        align = ["---" if left(position, header) else "---:"
                 for position, header in enumerate(headers)]
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(align) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def terminal_tables(result: dict) -> list[Table]:
    return as_terminal(_tables(result), f"{result['scale']}, {result['period']}")


def markdown(result: dict) -> str:
    """The tables in Markdown, as docs/performance.md shows them."""
    return as_markdown(_tables(result))
