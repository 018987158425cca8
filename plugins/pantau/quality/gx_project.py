"""Pantau's GX file project under ``var/gx``: the warehouse data source, stored results, Data Docs.

One process at a time changes the project (a file lock), because GX keeps
its data sources in one YAML file and Airflow may validate several sources at
once. The warehouse URL reaches GX through an environment variable that the
YAML only names, so no password is ever written to disk.
"""

from __future__ import annotations

import fcntl
import os
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# GX would otherwise try to send usage statistics on every context load.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
# The generic SQL data source is deliberate: GX's Postgres one rejects the
# embedded server's Unix-socket URL.
warnings.filterwarnings("ignore", message="You are using a generic SQLDatasource")

import great_expectations as gx  # noqa: E402
from great_expectations.data_context.types.base import (  # noqa: E402
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)
from sqlalchemy.engine import make_url  # noqa: E402

from pantau.config import Settings, get_settings  # noqa: E402
from pantau.quality import data_docs_assets  # noqa: E402
from pantau.warehouse.connection import ROLES, sqlalchemy_url, warehouse_url  # noqa: E402

DATASOURCE = "warehouse"
DOCS_SITE = "pantau"
URL_VARIABLE = "PANTAU_GX_WAREHOUSE_URL"
RESULTS_ON_INDEX = 500  # the Data Docs index lists the newest results only


def docs_index(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).data_docs_dir / "index.html"


def _gx_url(settings: Settings, url: str | None) -> str:
    """The warehouse URL for GX, acting as the loader role: the suites get no more rights."""
    target = make_url(sqlalchemy_url(url or warehouse_url(settings)))
    options = f"-c role={ROLES['loader']}"
    return target.update_query_dict({"options": options}).render_as_string(hide_password=False)


@contextmanager
def project(settings: Settings | None = None, url: str | None = None) -> Iterator:
    """The GX file context, locked for this process, with Pantau's data source and site."""
    settings = settings or get_settings()
    settings.gx_dir.mkdir(parents=True, exist_ok=True)
    with (settings.gx_dir / ".pantau.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        os.environ[URL_VARIABLE] = _gx_url(settings, url)
        context = gx.get_context(mode="file", project_root_dir=settings.gx_dir)
        _configure(context, settings)
        yield context


def ephemeral(settings: Settings | None = None, url: str | None = None):
    """An in-memory GX context on the warehouse: nothing it holds reaches the disk."""
    settings = settings or get_settings()
    # No docs site: GX's default one is a temporary folder per context, never removed,
    # and this context builds no Data Docs (the file project does).
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False))
    context = gx.get_context(mode="ephemeral", project_config=config)
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.data_sources.add_sql(DATASOURCE, connection_string=_gx_url(settings, url))
    return context


def _configure(context, settings: Settings) -> None:
    """Idempotent set-up: no progress bars, one docs site in var/data_docs, the data source."""
    if context.variables.progress_bars != ProgressBarsConfig(globally=False):
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        context.variables.save()
    site = {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                          "base_directory": str(settings.data_docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder",
                               "validation_results_limit": RESULTS_ON_INDEX},
    }
    sites = context.list_data_docs_sites()
    for name in [name for name in sites if name != DOCS_SITE]:
        context.delete_data_docs_site(name)
    if DOCS_SITE not in sites:
        context.add_data_docs_site(DOCS_SITE, site)
    elif context.variables.data_docs_sites[DOCS_SITE] != site:
        context.update_data_docs_site(DOCS_SITE, site)
    if DATASOURCE not in context.data_sources.all():
        context.data_sources.add_sql(DATASOURCE, connection_string="${" + URL_VARIABLE + "}")


def query_batch_definition(context, asset_name: str, query: str):
    """A whole-query batch definition; the asset is replaced, its query names the batches."""
    datasource = context.data_sources.get(DATASOURCE)
    if asset_name in {asset.name for asset in datasource.assets}:
        datasource.delete_asset(asset_name)
    asset = datasource.add_query_asset(asset_name, query=query)
    return asset.add_batch_definition_whole_table("batches under validation")


_IN_MEMORY: dict[str, object] = {}  # warehouse URL -> ephemeral context, one per process


def batches_under_validation(settings: Settings, url: str | None, asset_name: str,
                             query: str):
    """The batch definition of one run, held in memory only.

    A run's query names its batches, so its asset is new every run. Added to
    the file project, each asset and batch definition rewrote the whole
    project YAML (three times per suite, 19% of the small gate); the Validator
    needs the definition only while it runs, and the results and Data Docs
    live in the file project's stores whatever context the batch came from.
    """
    key = _gx_url(settings, url)
    if key not in _IN_MEMORY:
        _IN_MEMORY[key] = ephemeral(settings, url)
    return query_batch_definition(_IN_MEMORY[key], asset_name, query)


def build_docs(context, settings: Settings, pages: list | None = None) -> Path:
    """Render the given results and suites (everything when None) and the index.

    The pages GX wrote then load their scripts, styles and fonts from the
    site's own vendored copies, so the Data Docs open complete offline and no
    visit reaches a CDN.
    """
    started = time.time() - 1  # file times may be coarser than the clock
    context.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=pages)
    data_docs_assets.localise_site(settings.data_docs_dir, since=started if pages else None)
    return docs_index(settings)
