"""Refresh the vendored Data Docs assets from the npm registry: ``make data-docs-assets``.

Each pinned package in :data:`pantau.quality.data_docs_assets.ASSETS` is
fetched with ``npm pack`` into a temporary folder; only the files the GX
templates load (and the fonts Font Awesome's stylesheet loads) are kept, with
the package's licence file beside them, and ``manifest.json`` records package,
version, file, size and SHA-256. Run it after a GX upgrade changes the URLs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from pantau.quality.data_docs_assets import ASSETS, MANIFEST, VENDOR

_LICENCE_NAMES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE")


def _pack(spec: str, into: Path) -> tarfile.TarFile:
    done = subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", str(into)],
                          check=True, capture_output=True, text=True)
    return tarfile.open(into / done.stdout.strip().splitlines()[-1])


def _member(archive: tarfile.TarFile, path: str) -> bytes:
    extracted = archive.extractfile(f"package/{path}")
    if extracted is None:
        raise FileNotFoundError(path)
    return extracted.read()


def _licence(archive: tarfile.TarFile) -> tuple[str, bytes]:
    """The package's licence file; popper.js 1.12.9 ships none, so its package.json says it."""
    names = set(archive.getnames())
    for name in _LICENCE_NAMES:
        if f"package/{name}" in names:
            return name, _member(archive, name)
    return "package.json", _member(archive, "package.json")


def refresh(vendor: Path = VENDOR, manifest: Path = MANIFEST) -> dict:
    """Replace ``vendor`` with fresh copies and write the manifest; returns it."""
    wanted: dict[tuple[str, str], list[str]] = {}
    for asset in ASSETS:
        wanted.setdefault((asset.package, asset.version), []).extend([asset.path, *asset.extra])
    records, licences = [], []
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch) / "vendor"
        for (package, version), paths in wanted.items():
            folder = next(a.folder for a in ASSETS if (a.package, a.version) == (package, version))
            with _pack(f"{package}@{version}", Path(scratch)) as archive:
                licence_name, licence = _licence(archive)
                files = {path: _member(archive, path) for path in dict.fromkeys(paths)}
                license_field = json.loads(_member(archive, "package.json")).get("license")
            (staged / folder).mkdir(parents=True)
            (staged / folder / licence_name).write_bytes(licence)
            licences.append({"package": package, "version": version, "license": license_field,
                             "file": f"{folder}/{licence_name}"})
            for path, content in files.items():
                target = staged / folder / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                records.append({"package": package, "version": version, "path": path,
                                "file": f"{folder}/{path}", "bytes": len(content),
                                "sha256": hashlib.sha256(content).hexdigest()})
        if vendor.exists():
            shutil.rmtree(vendor)
        shutil.copytree(staged, vendor)
    result = {"source": "npm registry (npm pack), versions pinned by GX's templates",
              "files": records, "licences": licences}
    manifest.write_text(json.dumps(result, indent=2) + "\n")
    return result


def main() -> int:
    result = refresh()
    total = sum(record["bytes"] for record in result["files"])
    print(f"{len(result['files'])} files, {total:,} bytes, in {VENDOR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
