"""The ranked operation sites of a region and period, for the TIMPORA annex and the CLI.

One call gives what an annex needs: each site with its rank and score, the
contributions that add up to it, the masked workers with their flags, and the
last operation there (mart.target_site, mart.target_contribution,
mart.target_worker, mart.target_last_visit; docs/targeting.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import psycopg
from psycopg.rows import dict_row

from pantau.warehouse import sql_files


@dataclass
class TargetSite:
    rank: int
    site_id: str
    nib: str | None
    site_name: str | None
    regency_code: str
    district_code: str | None
    workers: int
    score: Decimal
    weights_sha256: str
    contributions: list[dict] = field(default_factory=list)  # factor, quantity, weight, points
    workers_flagged: list[dict] = field(default_factory=list)  # person_ref, nationality, flags
    last_visit: dict | None = None  # visit_date, foreigners_checked, findings_* (if visited)


def target_sites(conn: psycopg.Connection, period: str, region_code: str,
                 limit: int | None = None) -> list[TargetSite]:
    """The region's ranked sites (best first), each with contributions and masked workers."""
    params = {"period": period, "region_code": region_code}
    with conn.cursor(row_factory=dict_row) as cursor:
        sites = [TargetSite(**row) for row in cursor.execute(
            sql_files.render("reports/target_sites.sql"), params).fetchall()]
        if limit is not None:
            sites = sites[:limit]
        by_id = {site.site_id: site for site in sites}
        for row in cursor.execute(sql_files.render("reports/target_contributions.sql"),
                                  params).fetchall():
            if (site := by_id.get(row.pop("site_id"))) is not None:
                site.contributions.append(row)
        for row in cursor.execute(sql_files.render("reports/target_workers.sql"),
                                  params).fetchall():
            if (site := by_id.get(row.pop("site_id"))) is not None:
                site.workers_flagged.append(row)
        for row in cursor.execute(sql_files.render("reports/target_last_visits.sql"),
                                  params).fetchall():
            if (site := by_id.get(row.pop("site_id"))) is not None:
                site.last_visit = row
    return sites
