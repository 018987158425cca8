"""Pantau's site ranking against the demo's planted truth and the biggest-employers rule.

precision@k: the share of the first k employers of a ranking that
truth/employers.csv calls non-compliant. Pantau's ranking is
mart.target_site (its employers, operation sites without a NIB skipped: the
truth is about employers); the baseline is "largest employers first"
(workers with a position covering t).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import psycopg

from pantau.warehouse import sql_files

K = 10


@dataclass(frozen=True)
class Precision:
    region_code: str
    employers: int  # employers ranked in the region
    hiding: int  # of them non-compliant in truth
    pantau: float
    baseline: float
    attainable: float  # the best any ranking could reach: min(k, hiding) / k


def hiding_employers(truth_dir: Path) -> set[str]:
    """The NIBs truth/employers.csv calls non-compliant (an employer hides at all its sites)."""
    with (truth_dir / "employers.csv").open(newline="", encoding="utf-8") as handle:
        return {row["nib"] for row in csv.DictReader(handle)
                if row["non_compliant"].strip().lower() == "true"}


def _precision(ranked: list[str], hiding: set[str], k: int) -> float:
    top = list(dict.fromkeys(ranked))[:k]  # a province lists an employer once per regency
    return sum(1 for site in top if site in hiding) / k if top else 0.0


def evaluate(conn: psycopg.Connection, period: str, regions: list[str], truth_dir: Path,
             k: int = K) -> list[Precision]:
    """precision@k of Pantau and of the baseline per region (a province ranks its regencies)."""
    hiding = hiding_employers(truth_dir)
    results = []
    for region in regions:
        params = {"period": period, "region_code": region}
        ranked = list(dict.fromkeys(nib for _, _, nib, *_ in conn.execute(
            sql_files.render("reports/target_sites.sql"), params).fetchall() if nib))
        baseline = [nib for nib, _, _ in conn.execute(
            sql_files.render("reports/target_baseline.sql"), params).fetchall()]
        found = sum(1 for site in ranked if site in hiding)
        results.append(Precision(region, len(ranked), found, _precision(ranked, hiding, k),
                                 _precision(baseline, hiding, k), min(k, found) / k))
    return results
