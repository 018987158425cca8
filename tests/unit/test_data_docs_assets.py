"""The vendored Data Docs assets: intact, licensed, and every page pointed at them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from great_expectations.render.view import view

from pantau.quality import data_docs_assets

TEMPLATES = Path(view.__file__).parent / "templates"


def test_vendored_assets_match_their_manifest_and_keep_their_licences() -> None:
    manifest = data_docs_assets.manifest()
    for record in manifest["files"]:
        content = (data_docs_assets.VENDOR / record["file"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == record["sha256"], record["file"]
    folders = {asset.folder for asset in data_docs_assets.ASSETS}
    assert {Path(record["file"]).parts[0] for record in manifest["licences"]} == folders
    assert all((data_docs_assets.VENDOR / record["file"]).stat().st_size > 0
               for record in manifest["licences"])
    listed = {record["file"] for record in manifest["files"]}
    assert {f"{a.folder}/{a.path}" for a in data_docs_assets.ASSETS} <= listed


def test_every_cdn_url_of_the_installed_gx_templates_is_vendored_or_dropped() -> None:
    """A GX upgrade that names a new URL fails here first: `make data-docs-assets` after it."""
    named = set()
    for template in TEMPLATES.glob("*.j2"):
        named |= set(re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="(https?://[^"]+)"',
                                template.read_text()))
    known = {asset.url for asset in data_docs_assets.ASSETS} | set(data_docs_assets.UNUSED_SCRIPTS)
    assert named and named <= known, sorted(named - known)


def _page(site: Path, relative: str, body: str = "") -> Path:
    page = site / relative
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        '<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/'
        'bootstrap.min.css"/>\n'
        '<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>\n'
        '<script src="https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js"'
        ' integrity="sha384-x" crossorigin="anonymous"></script>\n'
        '<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/'
        'logo-long.png?d=1&dataContextId=abc">\n'
        '<a href="https://greatexpectations.io">GX</a>\n' + body)
    return page


def test_pages_at_every_depth_point_at_the_sites_own_copies(tmp_path: Path) -> None:
    index = _page(tmp_path, "index.html")
    nested = _page(tmp_path, "validations/suite/run/20250101T000000Z/batch.html")
    charted = _page(tmp_path, "expectations/charted.html", "<script>vegaEmbed('#c', {})</script>")
    assert data_docs_assets.localise_site(tmp_path) == 3
    top = index.read_text()
    assert 'href="static/vendor/bootstrap-4.3.1/dist/css/bootstrap.min.css"' in top
    assert '<script src="static/vendor/popper.js-1.12.9/dist/umd/popper.min.js"></script>' in top
    assert 'src="static/images/logo-long.png"' in top
    assert "vega" not in top and "integrity" not in top and "dataContextId" not in top
    assert 'href="https://greatexpectations.io"' in top  # a link, not a load
    deep = nested.read_text()
    assert 'src="../../../../static/vendor/popper.js-1.12.9/dist/umd/popper.min.js"' in deep
    assert 'src="../../../../static/images/logo-long.png"' in deep
    assert "https://cdn.jsdelivr.net/npm/vega@5" in charted.read_text()  # it draws a chart
    vendored = tmp_path / "static" / "vendor" / "jquery-3.7.1" / "dist" / "jquery.min.js"
    assert vendored.read_bytes() == (data_docs_assets.VENDOR / "jquery-3.7.1" / "dist"
                                     / "jquery.min.js").read_bytes()
    assert data_docs_assets.localise_site(tmp_path) == 0  # idempotent
