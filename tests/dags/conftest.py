"""The DAG tier's shared fixture: dags/ parsed once per module, the database cut off meanwhile."""

from __future__ import annotations

import pytest

from tests.support.dagbag import parse_dags


@pytest.fixture(scope="module")
def bag():
    """The parsed DagBag; the module's tests run with every way to a database still refused."""
    with pytest.MonkeyPatch.context() as patch:
        yield parse_dags(patch)
