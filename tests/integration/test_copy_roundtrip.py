"""copy_frame round trip: what goes in through COPY comes back exactly, NULL and '' apart."""

from __future__ import annotations

import datetime

import pandas as pd
import psycopg

from pantau.warehouse.copy import copy_frame, to_copy_csv

AWKWARD = ["plain", "", None, 'quote " and ; and ,', "line\nbreak\r\nand\ttab",
           "back\\slash \\N", "  spaced  ", "ümlaut — Ω", '""']


def test_text_dates_numbers_and_booleans_survive_copy_exactly(warehouse: str) -> None:
    n = len(AWKWARD)
    frame = pd.DataFrame({
        "t": pd.array(AWKWARD, dtype="string"),
        "i": pd.array([*range(n - 1), None], dtype="Int64"),
        "d": [datetime.date(2024, 12, 31), None, *[datetime.date(2000, 2, 29)] * (n - 2)],
        "b": pd.array([True, False, None, *[True] * (n - 3)], dtype="boolean"),
    })
    assert to_copy_csv(frame) is not None  # the Arrow path, not the fallback
    with psycopg.connect(warehouse) as conn:
        conn.execute("CREATE TABLE public.roundtrip (t text, i bigint, d date, b boolean)")
        assert copy_frame(conn, "public.roundtrip", frame) == n
        back = conn.execute("SELECT t, i, d, b FROM public.roundtrip").fetchall()
    expected = [(t, i, d, b) for t, i, d, b in zip(
        AWKWARD, [*range(n - 1), None], frame["d"], frame["b"].tolist(), strict=True)]
    assert back == [tuple(None if v is pd.NA else v for v in row) for row in expected]


def test_a_frame_arrow_cannot_type_falls_back_to_copy_text(warehouse: str) -> None:
    frame = pd.DataFrame({"t": pd.Series(["a", 1, None], dtype="object")})  # str beside int
    assert to_copy_csv(frame) is None
    with psycopg.connect(warehouse) as conn:
        conn.execute("CREATE TABLE public.fallback (t text)")
        assert copy_frame(conn, "public.fallback", frame) == 3
        assert conn.execute("SELECT t FROM public.fallback").fetchall() == [("a",), ("1",),
                                                                            (None,)]
