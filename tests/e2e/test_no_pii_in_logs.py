"""No personal data in logs, reports or what the reporter and auditor can read.

A real demo cycle for one regency (Kapuas, 62.03, 2024-12) runs in subprocesses with a
var/ of its own, exactly as an operator runs it (``pantau -v``: INFO logging, the most
the command line logs). Every value of a column the catalog marks personal (passport
and NIK, names, birth dates, permit numbers, addresses; as written and as normalised)
is taken from the landing files, then looked for in:

* the commands' stdout and stderr, and every text file written under var/ (the
  PostgreSQL server log, GX's stored validation results and Data Docs, any Airflow
  log) except the archive, which keeps the delivered files by design;
* the rendered reports (HTML, figures and manifest JSON, XLSX cells, PDF text), which
  may show masked identifiers only;
* every row the reporter and the auditor can SELECT.

The scanner itself is checked on the archive, which must be full of hits.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import psycopg
import pytest
from psycopg import sql

from pantau.sources.catalog import SOURCES
from pantau.sources.readers import open_table
from pantau.sources.spec import Kind
from pantau.warehouse import embedded
from pantau.warehouse.connection import ROLES, _with_database, connect
from tests.support.figures_schema import assert_every_figures_valid

REGENCY, PERIOD = "62.03", "2024-12"
# The provincial half-year report needs the province in --region (62.03 alone finds no
# province to report on), so the cycle is asked for 62; the demo data is Kapuas only.
REGION = "62"
SHORTEST = 5  # shorter values (a planted 3-letter passport) would match by chance
MASKED = re.compile(r"\b[A-Z0-9]{2}\*{4,}")
IDENTIFIER_KINDS = {Kind.PASSPORT, Kind.DIGITS, Kind.DOCUMENT_NUMBER}


@dataclass
class Cycle:
    var: Path
    landing: Path
    reports: Path
    output: dict[str, str]  # command's stream -> text
    seconds: float
    warehouse: str


def _pantau() -> str:
    found = shutil.which("pantau", path=str(Path(sys.executable).parent))
    assert found, "the pantau console script is not installed in this environment"
    return found


def _environment(var: Path) -> dict[str, str]:
    """This process's environment without any Pantau setting, then a var/ of the test's own."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PANTAU_", "AIRFLOW_", "AIRFLOW__"))}
    env |= {"PANTAU_VAR_DIR": str(var), "PANTAU_SETTLE_SECONDS": "0",
            "AIRFLOW_HOME": str(var / "airflow"), "XDG_RUNTIME_DIR": env.get(
                "XDG_RUNTIME_DIR", "/tmp")}
    return env


@pytest.fixture(scope="module")
def cycle(tmp_path_factory) -> Iterator[Cycle]:
    """Demo exports for Kapuas, then ``pantau -v run`` over them; the server stopped after."""
    base = tmp_path_factory.mktemp("pii-logs")
    var, demo, reports = base / "var", base / "demo", base / "reports"
    env = _environment(var)
    output = {}
    started = time.monotonic()
    commands = {
        "demo-data": [_pantau(), "demo-data", "--scope", REGENCY, "--period", PERIOD,
                      "--out", str(demo), "--workers", "1"],
        "run": [_pantau(), "-v", "run", "--landing", str(demo / "landing"), "--period",
                PERIOD, "--output", str(reports), "--region", REGION],
    }
    pgdata = var / "warehouse" / "pgdata"
    try:
        for name, command in commands.items():
            done = subprocess.run(command, env=env, capture_output=True, text=True,
                                  timeout=300, check=False)
            output[f"{name} stdout"], output[f"{name} stderr"] = done.stdout, done.stderr
            assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr[-3000:]}"
        seconds = time.monotonic() - started
        warehouse = _with_database(embedded.start(pgdata), "pantau")
        yield Cycle(var, demo / "landing", reports, output, seconds, warehouse)
    finally:
        if pgdata.exists():
            embedded.stop(pgdata)


# --- what is personal ---------------------------------------------------------------


def _forms(value: str, kind: Kind) -> set[str]:
    """How a value may show up: as written, and as Pantau normalises it (upper case)."""
    written = value.strip().upper()
    forms = {written}
    if kind in IDENTIFIER_KINDS:
        forms.add(re.sub(r"[\s./-]", "", written))
    if kind is Kind.DATE and (parsed := pd.to_datetime(written, errors="coerce",
                                                       dayfirst="/" in written)) is not pd.NaT:
        forms.add(parsed.strftime("%Y-%m-%d"))
    return {form for form in forms if len(form) >= SHORTEST}


def personal_values(landing: Path) -> dict[str, set[str]]:
    """Column header -> every form of its values, for the columns marked personal.

    A value that also stands in a column that is not personal (a birth date equal to
    some issue date, a name that is also a sponsor's) is dropped: finding it says nothing.
    """
    personal: dict[str, set[str]] = {}
    public: set[str] = set()
    for source in SOURCES.values():
        for path in sorted((landing / source.id).rglob(f"*.{source.file_format}")):
            table = open_table(path, source)
            for chunk in table.chunks:
                for column in source.columns:
                    if column.header not in chunk:
                        continue
                    values = chunk[column.header].dropna().astype(str)
                    forms = set().union(*(_forms(v, column.kind) for v in values.unique()))
                    if column.personal:
                        personal.setdefault(column.header, set()).update(forms)
                    else:
                        public |= forms
    return {header: forms - public for header, forms in personal.items()}


def find_personal(texts: dict[str, str], personal: dict[str, set[str]],
                  only: set[str] | None = None) -> list[str]:
    """``where: column: value`` for each personal value found in a text (word-bounded)."""
    hits = []
    for where, text in texts.items():
        upper = text.upper()
        # A word-bounded match of a form starts with its first run of letters and digits,
        # which is then a whole run of the text: runs not in the text rule a form out
        # without scanning for it (the PMI exports bring tens of thousands of values).
        runs = set(_RUN.findall(upper))
        for header, forms in personal.items():
            if only is not None and header not in only:
                continue
            for form in forms:
                first = _RUN.match(form)
                if first is not None and first.group() not in runs:
                    continue
                if form in upper and re.search(
                        rf"(?<![A-Z0-9]){re.escape(form)}(?![A-Z0-9])", upper):
                    hits.append(f"{where}: {header}: {form}")
    return sorted(hits)


_RUN = re.compile(r"[A-Z0-9]+")


@pytest.fixture(scope="module")
def personal(cycle: Cycle) -> dict[str, set[str]]:
    values = personal_values(cycle.landing)
    # The demo really has what the test looks for.
    for header in ("NOMOR_PASPOR", "NO_PASPOR", "NIK", "NAMA_LENGKAP", "TANGGAL_LAHIR"):
        assert len(values.get(header, ())) > 20, header
    return values


# --- reading what was written ----------------------------------------------------------


def _decoded(path: Path) -> str | None:
    data = path.read_bytes()
    return None if b"\0" in data[:8192] else data.decode("utf-8", errors="replace")


def var_texts(var: Path) -> dict[str, str]:
    """Every text file under var/ but the archive and PostgreSQL's data files (its log kept)."""
    pgdata = var / "warehouse" / "pgdata"
    texts = {}
    for path in sorted(p for p in var.rglob("*") if p.is_file()):
        relative = path.relative_to(var)
        if relative.parts[0] == "archive" or path.name == "person.key":
            continue
        if path.is_relative_to(pgdata) and "log" not in path.relative_to(pgdata).parts[0]:
            continue
        if (text := _decoded(path)) is not None:
            texts[str(relative)] = text
    return texts


def report_texts(reports: Path) -> dict[str, str]:
    """The text of every rendered report file: HTML, JSON, XLSX cells and PDF pages."""
    from pypdf import PdfReader

    texts = {}
    for path in sorted(p for p in reports.rglob("*") if p.is_file()):
        where = str(path.relative_to(reports))
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                texts[where] = "\n".join(book.read(name).decode("utf-8", errors="replace")
                                         for name in book.namelist()
                                         if name.endswith(".xml"))
        elif path.suffix == ".pdf":
            texts[where] = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        elif (text := _decoded(path)) is not None:
            texts[where] = text
    return texts


# --- the tests ---------------------------------------------------------------------------


def test_the_cycle_is_quick_enough(cycle: Cycle) -> None:
    assert cycle.seconds < 60, f"the demo cycle took {cycle.seconds:.0f} s"


def test_the_scanner_finds_personal_data_where_it_is(cycle: Cycle,
                                                     personal: dict[str, set[str]]) -> None:
    """The archive holds the delivered files: every kind of value must be found there."""
    archive = {str(p): p.read_bytes().decode("utf-8", errors="replace")
               for p in (cycle.var / "archive").rglob("*") if p.is_file()}
    # Every value came from a delivered file, so a sample of each kind must be found.
    sample = {header: set(sorted(forms)[:200]) for header, forms in personal.items()}
    found = {hit.split(": ")[1] for hit in find_personal(archive, sample)}
    assert {"NOMOR_PASPOR", "NO_PASPOR", "NIK", "NAMA_LENGKAP", "TANGGAL_LAHIR"} <= found
    passport = sorted(personal["NOMOR_PASPOR"])[0]
    planted = {"app.log": f"2024-12-31 INFO row 7: bad passport {passport.lower()}."}
    assert find_personal(planted, personal) == [f"app.log: NOMOR_PASPOR: {passport}"]


def test_no_personal_data_in_logs(cycle: Cycle, personal: dict[str, set[str]]) -> None:
    """Console output and every log or stored result under var/ are free of personal data."""
    texts = {**cycle.output, **var_texts(cycle.var)}
    kinds = {where.split("/")[0] for where in texts}
    assert {"warehouse", "gx", "data_docs", "run stderr"} <= kinds  # all were scanned
    assert " INFO pantau." in cycle.output["run stderr"]  # -v: Pantau's own log lines
    assert find_personal(texts, personal) == []


def test_reports_show_masked_identifiers_only(cycle: Cycle,
                                              personal: dict[str, set[str]]) -> None:
    texts = report_texts(cycle.reports)
    assert {Path(where).suffix for where in texts} >= {".html", ".json", ".xlsx", ".pdf", ".csv"}
    assert any(Path(where).parent.name == "audit" for where in texts)  # the audit packs too
    assert any(MASKED.search(text) for text in texts.values())  # the follow-up list is there
    assert find_personal(texts, personal) == []


def test_the_cycle_writes_figures_that_keep_to_their_schema(cycle: Cycle) -> None:
    assert_every_figures_valid(cycle.reports)


@pytest.mark.parametrize("role", ["reporter", "auditor"])
def test_reporter_and_auditor_read_no_personal_data(cycle: Cycle,
                                                    personal: dict[str, set[str]],
                                                    role: str) -> None:
    """Every row of every table the role may read, as text: no personal value in it."""
    with psycopg.connect(cycle.warehouse, autocommit=True) as admin:
        readable = admin.execute(
            """
            SELECT n.nspname, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm')
               AND left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
               AND has_schema_privilege(%(role)s, n.oid, 'USAGE')
               AND has_table_privilege(%(role)s, c.oid, 'SELECT')
            """, {"role": ROLES[role]}).fetchall()
    texts = {}
    with connect(role, url=cycle.warehouse) as conn:
        for schema, table in readable:
            rows = conn.execute(sql.SQL("SELECT t::text FROM {} t").format(
                sql.Identifier(schema, table))).fetchall()
            texts[f"{schema}.{table}"] = "\n".join(row for (row,) in rows)
    assert "mart.followup" in texts and MASKED.search(texts["mart.followup"])
    assert find_personal(texts, personal) == []
