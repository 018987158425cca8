"""Data Docs that open complete offline: GX's CDN assets, served from the site itself.

GX's page templates load Bootstrap, jQuery, bootstrap-table, Font Awesome and
more from public CDNs, so offline the site is unstyled and its lists of
results stay empty, and online every visit is announced to third parties.
Pantau keeps pinned copies of exactly the files the templates name (see
:data:`ASSETS`, refreshed by ``python -m pantau.quality.data_docs_assets.refresh``),
copies them into the site's ``static/vendor/`` after every build and points the
pages at them. ``manifest.json`` records each file's SHA-256 and licence.

Rewriting the built HTML was chosen over GX's supported ``custom_views_directory``:
that would mean forking five whole page templates, which then silently drift
from GX's on every upgrade; a rewrite that misses a URL is caught by the test
that asserts no page of the site names an http(s) resource.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
VENDOR = HERE / "vendor"
MANIFEST = HERE / "manifest.json"
SITE_VENDOR = Path("static") / "vendor"  # inside the Data Docs site


@dataclass(frozen=True)
class Asset:
    """One file a GX template loads from a CDN, and where the same bytes are in an npm package."""

    url: str  # exactly as the GX templates write it
    package: str  # npm name
    version: str
    path: str  # inside the package
    extra: tuple[str, ...] = ()  # files the asset itself loads (fonts), package-relative

    @property
    def folder(self) -> str:
        return f"{self.package.replace('@', '').replace('/', '-')}-{self.version}"

    @property
    def local(self) -> str:
        """Site-relative path of the copy."""
        return f"{SITE_VENDOR.as_posix()}/{self.folder}/{self.path}"


_FA_FONTS = tuple(f"webfonts/{name}.woff2" for name in
                  ("fa-brands-400", "fa-regular-400", "fa-solid-900", "fa-v4compatibility"))

ASSETS: tuple[Asset, ...] = (
    Asset("https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css",
          "bootstrap", "4.3.1", "dist/css/bootstrap.min.css"),
    Asset("https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js",
          "bootstrap", "4.3.1", "dist/js/bootstrap.min.js"),
    Asset("https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css",
          "bootstrap-table", "1.19.1", "dist/bootstrap-table.min.css"),
    Asset("https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js",
          "bootstrap-table", "1.19.1", "dist/bootstrap-table.min.js"),
    Asset("https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/"
          "bootstrap-table-filter-control.min.js",
          "bootstrap-table", "1.19.1",
          "dist/extensions/filter-control/bootstrap-table-filter-control.min.js"),
    Asset("https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
          "bootstrap-table-filter-control.css",
          "bootstrap-table", "1.19.0",
          "dist/extensions/filter-control/bootstrap-table-filter-control.css"),
    Asset("https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
          "bootstrap-table-filter-control.min.css",
          "bootstrap-table", "1.19.0",
          "dist/extensions/filter-control/bootstrap-table-filter-control.min.css"),
    Asset("https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/"
          "bootstrap-datepicker.min.css",
          "bootstrap-datepicker", "1.9.0", "dist/css/bootstrap-datepicker.min.css"),
    Asset("https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/"
          "bootstrap-datepicker.min.js",
          "bootstrap-datepicker", "1.9.0", "dist/js/bootstrap-datepicker.min.js"),
    Asset("https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/"
          "bootstrap-prefers-dark.css",
          # the package's own minified copy of the same stylesheet: 150 kB, not 880 kB
          "@forevolve/bootstrap-dark", "1.1.0", "dist/css/bootstrap-prefers-dark.min.css"),
    Asset("https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css",
          "@fortawesome/fontawesome-free", "6.6.0", "css/all.min.css", _FA_FONTS),
    Asset("https://code.jquery.com/jquery-3.7.1.min.js", "jquery", "3.7.1", "dist/jquery.min.js"),
    Asset("https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js",
          "popper.js", "1.12.9", "dist/umd/popper.min.js"),
)

# GX's charts (vega, vega-lite, vega-embed: ~1 MB) are loaded by every page but
# drawn only by expectations Pantau's suites do not use; their tags are dropped
# on pages that never call vegaEmbed. A page that does keeps them, and fails the
# offline test, which is the signal to vendor them too.
UNUSED_SCRIPTS = ("https://cdn.jsdelivr.net/npm/vega@5",
                  "https://cdn.jsdelivr.net/npm/vega-lite@5",
                  "https://cdn.jsdelivr.net/npm/vega-embed@6")

# GX's logo: from its S3 bucket (with the data context's id appended: a beacon),
# though the site ships the same image under static/images/.
_LOGO = re.compile(r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/"
                   r"(?:logo-long|full_logo_dark)\.png(?:\?[^\"')]*)?")
_LOCAL_LOGO = "static/images/logo-long.png"
_SRI = re.compile(r'\s+(?:integrity="[^"]*"|crossorigin="[^"]*")')


def manifest() -> dict:
    return json.loads(MANIFEST.read_text())


def install(site: Path) -> None:
    """Copy the vendored files into ``site/static/vendor`` (again only when they changed)."""
    target = site / SITE_VENDOR
    for record in manifest()["files"]:
        source, copy = VENDOR / record["file"], target / record["file"]
        if copy.exists() and copy.stat().st_size == source.stat().st_size \
                and copy.read_bytes() == source.read_bytes():
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)


def _relative(site: Path, page: Path, local: str) -> str:
    return Path(os.path.relpath(site / local, page.parent)).as_posix()


def _script_tag(url: str) -> re.Pattern:
    return re.compile(r'[ \t]*<script src="' + re.escape(url) + r'"></script>\n?')


def localise_page(site: Path, page: Path, text: str) -> str:
    """The page with every CDN asset pointing at the site's own copy."""
    for asset in ASSETS:
        local = _relative(site, page, asset.local)
        tag = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="' + re.escape(asset.url)
                         + r'"[^>]*>')
        text = tag.sub(lambda m, local=local, asset=asset: _SRI.sub(
            "", m.group(0).replace(f'"{asset.url}"', f'"{local}"')), text)
    if "vegaEmbed(" not in text:
        for url in UNUSED_SCRIPTS:
            text = _script_tag(url).sub("", text)
    return _LOGO.sub(_relative(site, page, _LOCAL_LOGO), text)


def localise_site(site: Path, since: float | None = None) -> int:
    """Install the assets and rewrite the site's pages (those changed since ``since``, else all).

    Returns the number of pages rewritten. The site's own stylesheets are
    rewritten too: GX's default styles name the S3 logo.
    """
    install(site)
    changed = 0
    for page in [*site.rglob("*.html"), *(site / "static" / "styles").glob("*.css")]:
        if since is not None and page.suffix == ".html" and page.stat().st_mtime < since:
            continue
        text = page.read_text(encoding="utf-8")
        localised = localise_page(site, page, text)
        if localised != text:
            page.write_text(localised, encoding="utf-8")
            changed += 1
    return changed
