"""What two report trees may differ in and still count as the same reports."""

from __future__ import annotations

from pathlib import Path

from pantau.tools.report_diff import differences

HEADER = "figure,file,sha256,row_number,batch_id,masked_id,unit_key\n"


def _tree(root: Path, rows: list[str], figures: str = '{"workers_total": 2}',
          page: str = "<p>Batch 43</p>") -> Path:
    region = root / "2024-Q4" / "62"
    (region / "audit").mkdir(parents=True)
    (region / "figures.json").write_text(figures)
    (region / "audit" / "workers_total.csv").write_text(HEADER + "".join(rows))
    (region / "audit" / "index.html").write_text(page)
    return root


ROWS = ["workers_total,a.csv,h1,6,43,E5*****,43:6\n", "workers_total,b.csv,h2,7,44,A3*****,k2\n"]


def test_batch_ids_and_their_order_differ_only_across_warehouses(tmp_path: Path) -> None:
    before = _tree(tmp_path / "before", ROWS)
    after = _tree(tmp_path / "after", ["workers_total,b.csv,h2,7,98,A3*****,k2\n",
                                       "workers_total,a.csv,h1,6,97,E5*****,97:6\n"],
                  page="<p>Batch 97</p>")
    assert differences(before, after, across_warehouses=True) == []
    assert differences(before, after) == ["2024-Q4/62/audit/index.html: differs",
                                          "2024-Q4/62/audit/workers_total.csv: differs"]


def test_a_row_a_figure_or_a_missing_file_always_differs(tmp_path: Path) -> None:
    before = _tree(tmp_path / "before", ROWS)
    other_row = _tree(tmp_path / "row", [ROWS[0].replace(",6,", ",8,"), ROWS[1]])
    other_figure = _tree(tmp_path / "figure", ROWS, figures='{"workers_total": 3}')
    assert differences(before, other_row, across_warehouses=True) == [
        "2024-Q4/62/audit/workers_total.csv: differs"]
    assert differences(before, other_figure, across_warehouses=True) == [
        "2024-Q4/62/figures.json: differs"]
    (other_figure / "2024-Q4" / "62" / "figures.json").unlink()
    assert differences(before, other_figure, across_warehouses=True) == [
        "2024-Q4/62/figures.json: only in before"]
