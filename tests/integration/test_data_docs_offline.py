"""The Data Docs open complete with the network off, and no visit leaves the machine.

Built for real by the gate, then opened by Debian's headless Chromium with
every host unresolvable and a dead proxy: the index's lists (filled in by
jQuery and bootstrap-table) must show every validation run, and Chromium's net
log must hold no request other than to local files.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest

from pantau.config import get_settings
from pantau.ingest.pipeline import ingest_paths
from pantau.orchestration.maintenance import rebuild_data_docs
from pantau.quality.gate import run_gate
from tests.support.paths import REPO_ROOT, SAMPLE_LANDING

OFFLINE = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           "--disable-sync", "--disable-default-apps", "--disable-extensions",
           # the browser's own clock check (clients2.google.com), not the page's
           "--disable-features=NetworkTimeServiceQuerying",
           "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
           "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000"]
# A resource the page loads: a script, a stylesheet, an image (hyperlinks to GX's
# website stay; following one is the reader's choice).
REMOTE_RESOURCE = re.compile(
    r"""<(?:script|link|img)\b[^>]*\b(?:src|href)=["']https?://|url\(['"]?https?://""")


def _chromium(index: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is missing: `make test` installs it (make browser)"
    return subprocess.run([chromium, *OFFLINE, f"--user-data-dir={profile}", *extra,
                           index.as_uri()],
                          capture_output=True, text=True, timeout=180, check=False)


def _pages_loading_remote(site: Path) -> set[str]:
    """The site's pages and stylesheets that name an http(s) resource."""
    pages = [*site.rglob("*.html"), *(site / "static").rglob("*.css")]
    return {page.relative_to(site).as_posix() for page in pages
            if REMOTE_RESOURCE.search(page.read_text(encoding="utf-8"))}


def _page_requests(net_log: Path) -> list[str]:
    """The URLs a page asked the network for, from Chromium's net log.

    File loads never reach the network stack. The browser's own calls (update
    check, accounts; blocked here anyway) carry the initiator "not an origin";
    a file:// page's scripts, styles and images carry "null".
    """
    log = json.loads(net_log.read_text(errors="replace"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    jobs = [event.get("params", {}) for event in log["events"] if event["type"] == start_job]
    return [job["url"] for job in jobs
            if "url" in job and job.get("initiator") != "not an origin"]


def test_data_docs_open_complete_offline_and_request_nothing_remote(
        warehouse: str, db: psycopg.Connection, tmp_path: Path) -> None:
    # A site of this test's own: the session's var/ holds other tests' runs.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PANTAU_GX_DIR", str(tmp_path / "gx"))
        patch.setenv("PANTAU_DATA_DOCS_DIR", str(tmp_path / "data_docs"))
        get_settings.cache_clear()
        try:
            _check_offline_site(db, tmp_path)
        finally:
            get_settings.cache_clear()


def _check_offline_site(db: psycopg.Connection, tmp_path: Path) -> None:
    ingest_paths([Path(shutil.copytree(SAMPLE_LANDING, tmp_path / "landing"))])
    report = run_gate()
    assert not report.errors
    site = get_settings().data_docs_dir
    index = site / "index.html"
    runs = [name for (name,) in db.execute(
        "SELECT gx_run_name FROM audit.validation_run ORDER BY run_id")]
    assert runs

    assert _pages_loading_remote(site) == set()
    assert "static/vendor/" in index.read_text(encoding="utf-8")
    rebuild_data_docs()  # the whole site again, as the maintenance DAG does
    assert _pages_loading_remote(site) == set()

    net_log = tmp_path / "net-log.json"
    dumped = _chromium(index, tmp_path / "profile", "--dump-dom", f"--log-net-log={net_log}")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    listed = set(re.findall(r"<td[^>]*>\s*(pantau-run-\d+)\s*</td>", dom))
    assert listed == set(runs)  # bootstrap-table ran: the lists are filled in
    assert _page_requests(net_log) == []

    artefacts = REPO_ROOT / "var" / "test-artefacts"
    artefacts.mkdir(parents=True, exist_ok=True)
    shot = artefacts / "data-docs-offline.png"
    shot.unlink(missing_ok=True)
    shooting = _chromium(index, tmp_path / "profile-shot", f"--screenshot={shot}",
                         "--window-size=1200,900")
    assert shooting.returncode == 0 and shot.exists(), shooting.stderr[-2000:]


def test_the_net_log_check_sees_a_page_that_loads_from_a_cdn(tmp_path: Path) -> None:
    """The control: without it, an empty list of page requests would prove nothing."""
    page = tmp_path / "remote.html"
    page.write_text('<html><head><script src="https://cdn.example.com/x.js"></script>'
                    '<link rel="stylesheet" href="https://cdn.example.org/y.css"></head>'
                    "<body>remote</body></html>")
    net_log = tmp_path / "net-log.json"
    run = _chromium(page, tmp_path / "profile", "--dump-dom", f"--log-net-log={net_log}")
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(_page_requests(net_log)) == ["https://cdn.example.com/x.js",
                                               "https://cdn.example.org/y.css"]
    assert REMOTE_RESOURCE.search(page.read_text())
