"""Heavy states the integration tier builds once per session and copies per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.warehouses import Snapshot


@pytest.fixture(scope="session")
def small_demo_built(server_url: str, migrated_template: str, small_demo: Path,
                     tmp_path_factory) -> Iterator[Snapshot]:
    """The small demo ingested, validated and built (2024-Q3, 2024-Q4), with ``BUILT_KEY``.

    The retention and key-rotation modules start from it: each copies it with
    ``module_warehouse`` (database and archive).
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
