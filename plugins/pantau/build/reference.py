"""Reference dimensions from the shipped CSVs and pycountry, refreshed on every build."""

from __future__ import annotations

import pandas as pd
import psycopg
import pycountry

from pantau.config import REFERENCE_DIR
from pantau.warehouse import sql_files
from pantau.warehouse.copy import copy_frame


def _upsert(conn: psycopg.Connection, table: str, frame: pd.DataFrame, key: str) -> None:
    """``frame`` into ``table`` by ``key`` (``build/upsert_reference.sql``)."""
    name = table.split(".")[1]
    conn.execute(f"CREATE TEMP TABLE ref_{name} (LIKE {table}) ON COMMIT DROP")
    copy_frame(conn, f"pg_temp.ref_{name}", frame)
    conn.execute(sql_files.render("build/upsert_reference.sql", table=table, name=name,
                                  columns=list(frame.columns), key=key))


NATIONAL_CODE = "00"  # Indonesia as a region: every regency belongs to it


def national_region(regions: pd.DataFrame) -> pd.DataFrame:
    """Indonesia's row of core.dim_region: the provinces' population and area summed."""
    provinces = regions[regions["level"] == "province"]
    return pd.DataFrame({
        "region_code": [NATIONAL_CODE], "level": ["national"], "province_code": [NATIONAL_CODE],
        "name": ["Indonesia"],
        "population_2025": [str(pd.to_numeric(provinces["population_2025"]).sum())],
        "area_km2": [f"{pd.to_numeric(provinces['area_km2']).sum():.3f}"]})


def load_reference(conn: psycopg.Connection) -> None:
    """Regions and districts (Kemendagri 2025), countries (ISO 3166), occupations (KBJI,
    closed positions), the countries closed to PMI placement or under a moratorium."""
    regions = pd.read_csv(REFERENCE_DIR / "regions.csv", dtype=str)
    regions = regions[regions["level"].isin(["province", "regency"])]
    _upsert(conn, "core.dim_region", pd.concat([pd.DataFrame({
        "region_code": regions["code"], "level": regions["level"],
        "province_code": regions["code"].str.slice(0, 2), "name": regions["name"],
        "population_2025": regions["population_2025"], "area_km2": regions["area_km2"],
    }), national_region(regions)]), "region_code")
    _upsert(conn, "core.dim_country", pd.DataFrame(
        [(c.alpha_3, c.name) for c in pycountry.countries],
        columns=["country_code", "name"]), "country_code")
    occupations = pd.read_csv(REFERENCE_DIR / "occupations.csv", dtype=str)
    _upsert(conn, "core.dim_occupation", pd.DataFrame({
        "kbji_code": occupations["code"], "title": occupations["title"],
        "restricted": occupations["restricted"] == "1",
    }), "kbji_code")
    districts = pd.read_csv(REFERENCE_DIR / "districts.csv", dtype=str)
    _upsert(conn, "core.dim_district", pd.DataFrame({
        "district_code": districts["code"], "regency_code": districts["regency_code"],
        "name": districts["name"],
    }), "district_code")
    destinations = pd.read_csv(REFERENCE_DIR / "pmi_destinations.csv", dtype=str)
    conn.execute("DELETE FROM core.pmi_destination_rule")  # the file is the whole list
    copy_frame(conn, "core.pmi_destination_rule", pd.DataFrame({
        "country_code": destinations["alpha_3"], "restriction": destinations["restriction"],
        "source": destinations["source"],
    }))
