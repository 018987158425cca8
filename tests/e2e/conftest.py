"""Heavy states the end-to-end tier builds once per session and copies per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.warehouses import Snapshot


@pytest.fixture(scope="session")
def samples_ingested(server_url: str, migrated_template: str,
                     tmp_path_factory) -> Iterator[Snapshot]:
    """A warehouse holding other data: the sample exports of January 2025, ingested by the CLI."""
    from typer.testing import CliRunner

    from pantau.cli import app
    from tests.support.paths import SAMPLE_LANDING
    from tests.support.warehouses import build_snapshot, drop_database

    def ingest(_url: str) -> None:
        result = CliRunner().invoke(app, ["ingest", str(SAMPLE_LANDING)])
        assert result.exit_code in (0, 1), result.output  # the samples hold planted bad files

    built = build_snapshot(server_url, migrated_template, "template_samples",
                           tmp_path_factory.mktemp("samples-archive"), ingest)
    yield built
    drop_database(server_url, built.template)
