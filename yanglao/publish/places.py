"""Place on every row, and where each place is.

`targets`, `subsidies` and `measures` carry the `city`, `province` and `region_code` of their
document (DATA_CONTRACT.md), so that each table can be searched, faceted and compared by place
on its own. `add_places` copies them; it is applied to freshly extracted rows and again, over
every row, when a release is written (rows kept from an older release may predate the columns).

`gbt2260_places.csv` beside this module is a GB/T 2260 table of the province- and city-level
codes with a point for each (longitude, latitude, WGS-84-like, in degrees). It is the 373 rows of
those levels taken from `resources/adcodes.csv` of the cpca package, version 0.5.5 (MIT licence,
https://github.com/DQinYuan/chinese_province_city_area_mapper), whose points are the seats of
government of each division, not area centroids. It is enough to place a dot per city on a map.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

PLACE_COLUMNS = ("city", "province", "region_code")
ROW_TABLES = ("measures", "targets", "subsidies")
PLACES_FILE = Path(__file__).with_name("gbt2260_places.csv")
PLACES_SOURCE = "cpca 0.5.5 resources/adcodes.csv (MIT), seats of government of GB/T 2260 divisions"


def with_place(rows: list[dict], document: dict) -> list[dict]:
    """The rows of one document, each with the document's city, province and region code."""
    place = {k: document.get(k) for k in PLACE_COLUMNS}
    for row in rows:
        row.update(place)
    return rows


def add_places(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Every row of the row tables given its document's place (in place; the tables are returned)."""
    places = {d["document_id"]: d for d in tables.get("documents", [])}
    for name in ROW_TABLES:
        for row in tables.get(name, []):
            document = places.get(row.get("document_id"))
            if document is not None:
                for key in PLACE_COLUMNS:
                    row[key] = document.get(key)
    return tables


@cache
def coordinates() -> dict[str, tuple[str, float, float]]:
    """region_code → (name, longitude, latitude) for every province- and city-level code shipped."""
    with PLACES_FILE.open(encoding="utf-8", newline="") as f:
        return {
            r["region_code"]: (r["name"], float(r["longitude"]), float(r["latitude"]))
            for r in csv.DictReader(f)
        }


def locate(region_code: str | None) -> tuple[float, float] | None:
    """(longitude, latitude) of a city code, or of its province when the city is not in the table."""
    if not region_code:
        return None
    table = coordinates()
    for code in (region_code, region_code[:4] + "00", region_code[:2] + "0000"):
        if code in table:
            return table[code][1], table[code][2]
    return None
