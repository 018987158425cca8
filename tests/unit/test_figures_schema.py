"""The report contract: figures.json against its schema, strict templates, the default output.

Every test that renders reports checks its figures.json files with
tests/support/figures_schema.py; these tests show the schema itself holds the
figures the renderer makes for both levels and refuses broken ones, so that
check can fail.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from jinja2 import StrictUndefined, UndefinedError

from pantau.config import get_settings
from pantau.periods import Period
from pantau.reports import render
from pantau.reports.context import ReportData, figures_json, pmi_object
from pantau.reports.texts import ACTIONS, PMI_RULES, RULES
from pantau.reports.view import view
from tests.support.figures_schema import SCHEMA_PATH, assert_every_figures_valid, violations


def _row(region: str, level: str, name: str, **counts: int) -> dict:
    """A mart.region_figures row as the reporter reads it."""
    return {"period": "2025-Q4", "region_code": region, "level": level, "region_name": name,
            "province_code": "62", "reference_date": date(2025, 12, 31),
            "foreigners_total": 7, "itas": 4, "itap": 2, "itk": 1, "workers_total": 3,
            "registered_total": 5, "expiring_90_days": 2, "dkptka_due_usd": 3_600,
            "dkptka_paid_usd": Decimal("1250.50"), "population_2025": 300_000,
            "pmi_placements_departed": 4, "pmi_placements_informal": 3,
            "pmi_passports_withheld": 1, "pmi_persons_indicated": 2} | counts


PMI_BREAKDOWNS = {  # mart.region_breakdown's PMI measures as the reporter reads them
    "pmi_placements_by_destination": [("HKG", "Hong Kong", 3.0), ("KHM", "Cambodia", 1.0)],
    "pmi_placements_by_scheme": [("P TO P", None, 4.0)],
    "pmi_passports_issued": [("BEKERJA", None, 5.0), ("WISATA", None, 2.0)],
    "pmi_departures_postponed": [("INDIKASI TPPO", None, 1.0)],
    "pmi_returnees": [("TANPA DOKUMEN", None, 1.0)],
    "pmi_indications": [("PMI_CLOSED_DESTINATION", None, 1.0),
                        ("PMI_RETURNEE_NO_PLACEMENT", None, 1.0)],
}
PMI_AREAS = [{"area_code": "62.71.01", "area_name": "Pahandut", "persons_indicated": 2,
              "placements_departed": 1}]


def _data(level: str, previous: bool) -> ReportData:
    """A regency's (62.71) or a province's (62) report data, with or without a previous period."""
    region, name = ("62", "Kalimantan Tengah") if level == "province" else \
        ("62.71", "Kota Palangkaraya")
    figures = _row(region, level, name)
    breakdowns = {"foreigners_by_nationality": [("CHN", "Tiongkok", 5.0),
                                                ("AUS", "Australia", 2.0)],
                  "workers_by_nationality": [("CHN", "Tiongkok", 3.0)],
                  "discrepancies": [("TKA_NO_PERMIT", None, 1.0)],
                  "administrative_actions": [("DEPORTASI", None, 1.0)]} | PMI_BREAKDOWNS
    return ReportData(
        period=Period.parse("2025-Q4"), region_code=region, region_name=name, level=level,
        province_code="62", reference_date=date(2025, 12, 31), figures=figures,
        previous=_row(region, level, name, foreigners_total=6) if previous else None,
        breakdowns=breakdowns, pmi=pmi_object(figures, breakdowns, PMI_AREAS),
        followup={"TKA_NO_PERMIT": [("EA*******", "CHN")]},
        lineage=[{"source": "tenaga_kerja_tka", "file_name": "tka_62_20251231.xlsx",
                  "snapshot_date": date(2025, 12, 31), "sha256": "a" * 64, "rows_in_region": 3,
                  "batch_rows": 3, "rows_quarantined": 0, "checks_failed": None}],
        regencies=[_row("62.71", "regency", "Kota Palangkaraya")] if level == "province" else [])


@pytest.mark.parametrize("level", ["regency", "province"])
@pytest.mark.parametrize("previous", [True, False])
def test_the_figures_the_renderer_makes_keep_to_the_schema(level: str, previous: bool) -> None:
    figures = figures_json(_data(level, previous))
    assert violations(figures) == []
    assert set(figures["discrepancies"]) == set(RULES)
    assert set(figures["administrative_actions"]) == set(ACTIONS)
    assert set(figures["pmi"]["indications"]) == set(PMI_RULES)


def test_the_schema_names_every_key_the_renderer_writes_as_required() -> None:
    import json

    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    figures = figures_json(_data("regency", True))
    assert schema["required"] == list(figures)  # every key, in the order written
    assert list(schema["properties"]) == list(figures)
    assert schema["additionalProperties"] is False
    for key, rule in schema["properties"].items():
        assert rule.get("description"), key


def _broken(change) -> dict:
    figures = copy.deepcopy(figures_json(_data("regency", True)))
    change(figures)
    return figures


@pytest.mark.parametrize(("what", "change", "where"), [
    ("a missing key", lambda f: f.pop("workers_total"), "(top)"),
    ("a missing rule", lambda f: f["discrepancies"].pop("NO_COMPANION"), "discrepancies"),
    ("a count as text", lambda f: f.update(foreigners_total="341"), "foreigners_total"),
    ("a fractional count", lambda f: f.update(expiring_90_days=1.5), "expiring_90_days"),
    ("a negative count", lambda f: f["by_permit_type"].update(ITK=-1), "by_permit_type/ITK"),
    ("an unknown rule", lambda f: f["discrepancies"].update(NEW_RULE=1), "discrepancies"),
    ("an unknown key", lambda f: f.update(extra=1), "(top)"),
    ("an unknown level", lambda f: f.update(level="city"), "level"),
    ("a province code on a regency", lambda f: f.update(region_code="62"), "region_code"),
    ("a nationality that is no alpha-3 code", lambda f: f["by_nationality"].update(cn=1),
     "by_nationality"),
    ("a date that is no date", lambda f: f.update(reference_date="2025-13-31"),
     "reference_date"),
    ("a period that is none", lambda f: f.update(previous_period="2025-Q5"), "previous_period"),
    ("previous without a figure", lambda f: f["previous"].pop("registered_total"), "previous"),
])
def test_the_schema_refuses_a_broken_figures_json(what: str, change, where: str) -> None:
    found = violations(_broken(change))
    assert found, what
    assert any(line.startswith(f"{where}:") for line in found), found


def test_the_check_of_a_folder_names_the_broken_file(tmp_path: Path) -> None:
    import json

    good, bad = tmp_path / "2025-Q4" / "62" / "62.71", tmp_path / "2025-Q4" / "62"
    good.mkdir(parents=True)
    (good / "figures.json").write_text(json.dumps(figures_json(_data("regency", True))))
    assert assert_every_figures_valid(tmp_path) == 1
    (bad / "figures.json").write_text(json.dumps(_broken(lambda f: f.pop("level"))))
    with pytest.raises(AssertionError, match=r"2025-Q4/62/figures\.json breaks"):
        assert_every_figures_valid(tmp_path)
    with pytest.raises(AssertionError, match=r"no figures\.json"):
        assert_every_figures_valid(tmp_path / "empty")


def _page(level: str) -> dict:
    page = view(_data(level, True))
    page["css"] = ""
    page["content_sha256"] = "0" * 64
    return page


@pytest.mark.parametrize("level", ["regency", "province"])
def test_the_report_template_renders_strictly_with_its_shared_macros(level: str) -> None:
    environment = render._environment(get_settings())
    assert environment.undefined is StrictUndefined
    template = environment.get_template("report.html.j2")
    assert "macros.html.j2" in (get_settings().home / "reports" / "templates" /
                                "report.html.j2").read_text("utf-8")
    html = template.render(**_page(level))
    assert html.startswith("<!DOCTYPE html>\n")
    assert '<td class="num value">7</td>' in html and '<div class="chart"><svg' in html


@pytest.mark.parametrize("missing", ["horizon", "css", "charts", "key_rows"])
def test_a_value_the_view_does_not_give_is_an_error_not_an_empty_cell(missing: str) -> None:
    page = _page("regency")
    del page[missing]
    template = render._environment(get_settings()).get_template("report.html.j2")
    with pytest.raises(UndefinedError, match=missing):
        template.render(**page)


def test_pantau_report_writes_to_the_configured_reports_directory_by_default(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pantau.cli import app

    asked = []
    monkeypatch.setattr(render, "render_period",
                        lambda period, output, regions: asked.append(output) or [])
    monkeypatch.chdir(tmp_path)  # not where the reports go
    result = CliRunner().invoke(app, ["report", "--period", "2025-Q4"])
    assert result.exit_code == 0, result.output
    assert asked == [get_settings().reports_dir]
    assert CliRunner().invoke(app, ["report", "--period", "2025-Q4", "--output",
                                    str(tmp_path / "elsewhere")]).exit_code == 0
    assert asked[1] == tmp_path / "elsewhere"
