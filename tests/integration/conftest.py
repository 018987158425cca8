"""Heavy states the integration tier builds once per session and copies per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.warehouses import Gated, Snapshot


@pytest.fixture(scope="session")
def small_demo_built(server_url: str, migrated_template: str, small_demo: Path,
                     tmp_path_factory) -> Iterator[Snapshot]:
    """The small demo ingested, validated and built (2024-Q3, 2024-Q4), with ``BUILT_KEY``.

    The retention, key-rotation and trace modules start from it: each copies it with
    ``module_warehouse`` (database and archive); tests/conftest.py keeps them on one worker.
    """
    from pantau.warehouse import person_key
    from tests.support.small_demo import BUILT_KEY, build_small_demo
    from tests.support.warehouses import build_snapshot, drop_database

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(person_key.ENV, BUILT_KEY)
        built = build_snapshot(server_url, migrated_template, "template_small_built",
                               tmp_path_factory.mktemp("small-demo-built-archive"),
                               lambda url: build_small_demo(small_demo, url))
    yield built
    drop_database(server_url, built.template)


@pytest.fixture(scope="session")
def demo_month_gated(server_url: str, migrated_template: str, demo_month: Path,
                     tmp_path_factory) -> Iterator[Gated]:
    """The quality-gate tests look at this state, the targeting tests build December on it:
    ingest and gate of the demo month take most of a minute, so they are done once, and
    tests/conftest.py (SAME_WORKER) keeps both files on the worker whose server holds it."""
    from pantau.ingest.pipeline import ingest_paths
    from pantau.quality.gate import run_gate
    from tests.support.warehouses import build_snapshot, drop_database

    said: dict = {}

    def ingest_and_gate(_url: str) -> None:
        said["outcomes"] = ingest_paths([demo_month / "landing"])
        said["report"] = run_gate()

    snapshot = build_snapshot(server_url, migrated_template, "template_demo_gated",
                              tmp_path_factory.mktemp("demo-gated-archive"), ingest_and_gate)
    yield Gated(snapshot, said["outcomes"], said["report"])
    drop_database(server_url, snapshot.template)
