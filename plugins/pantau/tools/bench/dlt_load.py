"""dlt beside Pantau's ingest: the loader a data engineer would reach for, on the same files.

The path is dlt's own fast one into PostgreSQL ("Fast loading with Arrow tables
and CSV" in its postgres destination's docs): one resource per source yielding
one Arrow table per file, run with ``loader_file_format="csv"``. dlt writes each
table out with pyarrow's CSV writer and streams it in with COPY, past its
row-by-row normaliser. CSV files are read by ``pyarrow.csv`` with every column
as text (the header read first, as ``to_sql``'s ``dtype=str``), ragged rows
skipped as ``to_sql`` skips them; workbooks exactly as the ``to_sql`` baseline
reads them, then as Arrow tables of text columns too. Not ``dlt.sources.filesystem``'s
``read_csv``: it reads with pandas and yields every chunk as Python dicts,
dlt's slow path; its ``read_csv_duckdb`` needs DuckDB, which nothing else uses.

One table per source, appended file after file: dlt widens it when a later
file brings an optional column. dlt's working directory (pipeline state,
extracted and normalised files) lies under the bench's var directory, never in
~/.dlt; its telemetry and its probe of Airflow Variables for secrets are off.
dlt is a dev-only dependency (the ``bench`` extra), imported only here and
only when the bench runs.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit, urlunsplit

from pantau.sources.catalog import SOURCES
from pantau.tools.bench.throughput import read_workbook

MISSING = ("dlt is not installed, so the bench has no dlt column: it comes with the dev "
           "and bench extras (`make install`, or pip install -e '.[bench]' with "
           "constraints-3.11.txt)")


def version() -> str | None:
    """dlt's version, or None when dlt or its PostgreSQL client (psycopg2) is missing."""
    if importlib.util.find_spec("dlt") is None or importlib.util.find_spec("psycopg2") is None:
        return None
    return importlib.metadata.version("dlt")


def dlt_url(url: str) -> str:
    """``url`` as dlt's postgres credentials take it.

    dlt requires a host, so the libpq form of a Unix socket,
    ``postgresql://user:@/db?host=/dir`` (the embedded server's), is written
    the other way libpq reads it: the socket directory percent-encoded as the
    host, ``postgresql://user:@%2Fdir/db``. TCP URLs are returned as they are.
    """
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    socket_dir = query.pop("host", [None])[0]
    if parts.hostname or not socket_dir:
        return url
    port = query.pop("port", [None])[0]
    user = parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else ""
    host = quote(socket_dir, safe="") + (f":{port}" if port else "")
    rest = "&".join(f"{key}={value}" for key, values in query.items() for value in values)
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host, query=rest))


def _isolate(work_dir: Path) -> None:
    """Keep dlt to ``work_dir``, offline, and away from Airflow's metadata database."""
    work_dir.mkdir(parents=True, exist_ok=True)
    os.environ["DLT_DATA_DIR"] = str(work_dir)
    os.environ["DLT_PROJECT_DIR"] = str(work_dir)  # no .dlt/ config read from the cwd
    os.environ["RUNTIME__DLTHUB_TELEMETRY"] = "false"
    os.environ["PROVIDERS__ENABLE_AIRFLOW_SECRETS"] = "false"


def _csv_table(path: Path, delimiter: str, encoding: str = "utf-8-sig"):
    """One export as an Arrow table of text columns, decoded as the to_sql baseline decodes.

    UTF-8 (a byte-order mark skipped) first, then cp1252, the two encodings
    agencies' exports come in.
    """
    import pyarrow as pa
    from pyarrow import csv as pacsv

    try:
        with path.open(encoding=encoding, newline="") as handle:
            header = next(csv.reader(handle, delimiter=delimiter), [])
        return pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(encoding="utf8" if encoding == "utf-8-sig"
                                           else encoding),
            parse_options=pacsv.ParseOptions(delimiter=delimiter,
                                              invalid_row_handler=lambda _row: "skip"),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in header},
                strings_can_be_null=True))  # an empty field is NULL, as pandas reads it
    except (UnicodeDecodeError, pa.ArrowInvalid):
        if encoding == "cp1252":
            raise
        return _csv_table(path, delimiter, "cp1252")


def _workbook_table(path: Path, source_id: str):
    """A workbook read as the to_sql baseline reads it, as an Arrow table of text columns.

    Cast to ``string`` like the CSV tables: pandas hands an all-empty column
    over as another string type, and dlt refuses to buffer tables whose types
    differ.
    """
    import pyarrow as pa

    table = pa.Table.from_pandas(read_workbook(path, source_id), preserve_index=False)
    return table.cast(pa.schema([(name, pa.string()) for name in table.column_names]))


def _tables(files: list[Path], source_id: str) -> Iterator[object]:
    source = SOURCES[source_id]
    for path in files:
        if source.file_format == "csv":
            yield _csv_table(path, source.delimiter)
        else:
            yield _workbook_table(path, source_id)


@dataclass
class DltRun:
    seconds: float
    rows: int  # rows dlt loaded (ragged rows skipped, as to_sql skips them)
    version: str


def time_dlt(files: list[Path], source_id: str, url: str, work_dir: Path) -> DltRun:
    """Seconds for one ``pipeline.run`` of every file of a source into ``url``'s database.

    Timed as a data engineer waits for it: reading the files, dlt's extract,
    normalise and load steps, its schema and state tables. The dataset is
    ``dlt_<source>``; ``work_dir`` is wiped first, so every run starts cold.
    """
    shutil.rmtree(work_dir, ignore_errors=True)
    _isolate(work_dir)
    import dlt

    pipeline = dlt.pipeline(pipeline_name=f"bench_{source_id}", pipelines_dir=str(work_dir),
                            destination=dlt.destinations.postgres(credentials=dlt_url(url)),
                            dataset_name=f"dlt_{source_id}")
    resource = dlt.resource(_tables(files, source_id), name=source_id,
                            write_disposition="append")
    started = time.perf_counter()
    pipeline.run(resource, loader_file_format="csv")
    seconds = time.perf_counter() - started
    counts = pipeline.last_trace.last_normalize_info.row_counts
    return DltRun(seconds, int(counts.get(source_id, 0)), dlt.__version__)
