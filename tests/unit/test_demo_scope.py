"""Demo data scopes."""

from __future__ import annotations

import pytest

from pantau.tools.demo.scope import DEMO_SCOPE, resolve_scope


def test_national_is_all_514_regencies() -> None:
    assert len(resolve_scope(["national"])) == 514


def test_provinces_and_regencies_combine() -> None:
    codes = resolve_scope(["62 19", "14.72"])
    assert "62.71" in codes and "62.03" in codes and "19.04" in codes and "14.72" in codes
    assert "14.71" not in codes
    assert all(code[:2] in {"62", "19", "14"} for code in codes)


def test_demo_scope_covers_the_seed_regencies() -> None:
    codes = resolve_scope(DEMO_SCOPE)
    assert {"62.71", "62.03", "19.04", "14.72"} <= set(codes)


@pytest.mark.parametrize("item", ["99", "62.99", "kalteng", ""])
def test_bad_scope_items_are_named(item: str) -> None:
    with pytest.raises(ValueError, match="scope"):
        resolve_scope([item])
