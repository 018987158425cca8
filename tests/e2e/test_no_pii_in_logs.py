"""No personal data in logs, reports or what the reporter and auditor can read.

A real demo cycle for one regency (Kapuas, 62.03, 2024-12) runs in subprocesses with a
var/ of its own, exactly as an operator runs it (``pantau -v``: INFO logging, the most
the command line logs). Every value of a column the catalog marks personal in any of
the nine exports, the four PMI ones included (passports and NIKs, names, birth dates,
permit numbers and placement ids, addresses), is taken from the landing files in every
form it could leak in (as written; as staging stores it: passports without separators,
dates in ISO form; names as the build keys them, letters only, upper case; see
``tests/support/personal_values.py``), then looked for in:

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
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from pantau.warehouse import embedded
from pantau.warehouse.connection import ROLES, _with_database, connect
from tests.support.figures_schema import assert_every_figures_valid
from tests.support.personal_values import find_personal, landing_values, without_reference

REGENCY, PERIOD = "62.03", "2024-12"
# The provincial half-year report needs the province in --region (62.03 alone finds no
# province to report on), so the cycle is asked for 62; the demo data is Kapuas only.
REGION = "62"
MASKED = re.compile(r"\b[A-Z0-9]{2}\*{4,}")
# Headers of personal columns, the foreigners' and the PMI exports' (NIK is both's).
FOREIGNER_HEADERS = {"NOMOR_PASPOR", "NO_PASPOR", "NIK", "NAMA_LENGKAP", "TANGGAL_LAHIR"}
PMI_HEADERS = {"NAMA", "TGL_LAHIR", "ID_PMI"}


@dataclass
class Cycle:
    var: Path
    landing: Path
    reports: Path
    output: dict[str, str]  # command's stream -> text
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
        warehouse = _with_database(embedded.start(pgdata), "pantau")
        yield Cycle(var, demo / "landing", reports, output, warehouse)
    finally:
        if pgdata.exists():
            embedded.stop(pgdata)


@pytest.fixture(scope="module")
def personal(cycle: Cycle) -> dict[str, set[str]]:
    with psycopg.connect(cycle.warehouse) as conn:
        values = without_reference(landing_values(cycle.landing), conn)
    # The demo really has what the test looks for, the PMI exports' values too.
    for header in sorted(FOREIGNER_HEADERS | PMI_HEADERS):
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


def test_the_scanner_finds_personal_data_where_it_is(cycle: Cycle,
                                                     personal: dict[str, set[str]]) -> None:
    """The archive holds the delivered files: every kind of value must be found there."""
    archive = {str(p): p.read_bytes().decode("utf-8", errors="replace")
               for p in (cycle.var / "archive").rglob("*") if p.is_file()}
    # Every value came from a delivered file, so a sample of each kind must be found.
    sample = {header: set(sorted(forms)[:200]) for header, forms in personal.items()}
    found = {hit.split(": ")[1] for hit in find_personal(archive, sample)}
    assert found >= FOREIGNER_HEADERS | PMI_HEADERS
    passport = sorted(personal["NOMOR_PASPOR"])[0]
    planted = {"app.log": f"2024-12-31 INFO row 7: bad passport {passport.lower()}."}
    assert find_personal(planted, personal) == [f"app.log: NOMOR_PASPOR: {passport}"]


def test_the_scanner_looks_for_the_forms_pantau_stores(personal: dict[str, set[str]]) -> None:
    """A PMI name as the build keys it (letters only, in ``NAME|birth date|origin``) and a
    birth date a PMI file wrote day first, in ISO form, are found though no file writes
    them so (a day and month both up to 12 would read month first to a careless parser)."""
    name = next(n for n in sorted(personal["NAMA"]) if " " in n)
    keyed = "".join(ch for ch in name if ch.isalpha())
    header, written = next(
        (header, d) for header in ("TGL_LAHIR", "TANGGAL_LAHIR") for d in sorted(personal[header])
        if re.fullmatch(r"(0[1-9]|1[0-2])[-/](0[1-9]|1[0-2])[-/]\d{4}", d) and d[:2] != d[3:5]
        and f"{d[6:]}-{d[3:5]}-{d[:2]}" in personal[header])
    iso = f"{written[6:]}-{written[3:5]}-{written[:2]}"
    planted = {"db.log": f"DETAIL: Key (identifier)=({keyed}|2001-02-03|62.03) exists.",
               "gx.json": f'{{"observed": "{iso}"}}'}
    hits = find_personal(planted, personal)
    assert f"db.log: NAMA: {keyed}" in hits and f"gx.json: {header}: {iso}" in hits


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
    assert MASKED.search(texts["mart.pmi_followup"])  # the PMI follow-up lists too
    assert find_personal(texts, personal) == []
