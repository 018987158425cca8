"""Calibration of the synthetic exports against the published orders of magnitude."""

from __future__ import annotations

import pytest

from pantau.normalise.regions import region_index
from pantau.tools.demo.calibration import (
    NATIONAL_TKA_POSITIONS,
    TKA_HOTSPOT_SHARE,
    TKA_NATIONALITY_SHARE,
    tka_weights,
)


def expected_tka(code: str) -> float:
    return tka_weights([code])[0] * NATIONAL_TKA_POSITIONS


def test_weights_cover_the_country_exactly_once() -> None:
    assert tka_weights(list(region_index().regencies)).sum() == pytest.approx(1.0)


def test_hotspot_codes_exist() -> None:
    assert set(TKA_HOTSPOT_SHARE) <= set(region_index().regencies)


def test_seed_article_orders_of_magnitude() -> None:
    assert 10 <= expected_tka("62.03") <= 100  # Kapuas: 29 TKA in 2025
    assert expected_tka("72.06") > 10 * expected_tka("62.71")  # Morowali dwarfs a capital


def test_nationality_mix_is_led_by_china_japan_korea() -> None:
    leaders = sorted(TKA_NATIONALITY_SHARE, key=TKA_NATIONALITY_SHARE.get, reverse=True)[:3]
    assert leaders == ["CHN", "JPN", "KOR"]
    # The remainder goes to other nationalities, spread thinly.
    assert 0.95 <= sum(TKA_NATIONALITY_SHARE.values()) <= 1.0
