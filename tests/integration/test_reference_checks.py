"""Core's foreign keys are declared, not enforced per row: the build checks them set-based."""

from __future__ import annotations

import psycopg
import pytest

from pantau.build.integrity import (
    BrokenReference,
    Written,
    check_references,
    unenforced_references,
)


def test_every_core_foreign_key_is_declared_but_left_to_the_build(db: psycopg.Connection) -> None:
    enforced = db.execute(
        "SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
        "AND connamespace = 'core'::regnamespace AND conenforced").fetchone()[0]
    references = {(ref.table, ref.columns, ref.target) for ref in unenforced_references(db)}
    assert enforced == 0
    assert ("core.fact_stay_permit", ("person_key",), "core.dim_person") in references
    assert ("core.fact_rptka_location", ("batch_id", "row_number"),
            "core.fact_rptka_position") in references
    assert check_references(db) == len(references)  # an empty warehouse refers to nothing


def test_a_row_referring_to_nothing_is_found_in_the_rows_a_build_wrote(warehouse: str) -> None:
    with psycopg.connect(warehouse) as conn:
        batch_id = conn.execute(
                     "INSERT INTO audit.batch (source, sha256, original_name, original_path, "
                     "archive_path, size_bytes, snapshot_date, snapshot_date_from) VALUES "
                     "('imigrasi_izin_tinggal', repeat('a', 64), 'x.csv', '/x.csv', '/a/x.csv', "
                     "1, '2024-12-31', 'file_name') RETURNING batch_id").fetchone()[0]
        conn.execute("INSERT INTO core.fact_stay_permit (batch_id, row_number, snapshot_date, "
                     "regency_code) VALUES (%s, 7, '2024-12-31', '99.99')", (batch_id,))
        conn.execute("INSERT INTO core.fact_rptka_location (batch_id, row_number, "
                     "regency_code) VALUES (%s, 8, '99.99')", (batch_id,))
        with pytest.raises(BrokenReference) as caught:
            check_references(conn, Written([batch_id], "2024-12", "2024-12"))
        message = str(caught.value)
        assert ("1 rows of core.fact_stay_permit (regency_code) refer to no row of "
                "core.dim_region") in message
        assert ("1 rows of core.fact_rptka_location (batch_id, row_number) refer to no row of "
                "core.fact_rptka_position") in message
        assert "snapshot_date" not in message and "audit.batch" not in message
        # Rows of other batches were checked when their own build wrote them.
        check_references(conn, Written([batch_id + 1], "2024-12", "2024-12"))
        with pytest.raises(BrokenReference):
            check_references(conn)  # every row of every table
        conn.rollback()
