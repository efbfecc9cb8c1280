"""Charts and a map as inline SVG, drawn in Python: nothing to load, they render offline anywhere.

Pure functions from rows to SVG text, used by the landing page of each release and by the
Datasette pages of `yanglao serve` (`/-/yanglao/charts`, `/-/yanglao/map`). No JavaScript and no
CDN: an SVG element is part of the HTML.

- `indicator_chart`: for one indicator, the target of every city side by side (one bar per
  target, labelled with its value, unit and deadline). Indicators are grouped by
  `targets.indicator_code` (named by `indicators.name_zh`) when the data has them, else by the
  indicator's wording.
- `subsidy_chart`: subsidy amounts by kind and place: for each kind and city, the highest amount
  (or cap), on a logarithmic scale, with how many provisions there are.
- `place_map`: a dot per city the data covers, at its GB/T 2260 point (`yanglao.publish.places`),
  sized by rows, on a longitude/latitude grid of China (no base map is shipped).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from html import escape

from yanglao.publish.display import code_label, format_quantity, format_yuan
from yanglao.publish.places import PLACES_SOURCE, coordinates, locate

PALETTE = ("#3b6ea5", "#d9822b", "#4e9a57", "#b5475a", "#7a5aa6", "#2f8f8f", "#a88d2a", "#6b6b6b")
FONT = 'font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"'


def indicator_key(row: dict) -> str:
    """What groups targets into one indicator: its vocabulary code when it has one, else its wording."""
    return row.get("indicator_code") or row.get("indicator")


def indicator_names(targets: list[dict], indicators: list[dict] | None = None) -> dict[str, str]:
    """indicator key → the name to show (indicators.name_zh for a code)."""
    names = {i["indicator_code"]: i.get("name_zh") or i["indicator_code"] for i in indicators or []}
    return {indicator_key(t): names.get(indicator_key(t), t["indicator"]) for t in targets}


def choose_indicator(targets: list[dict]) -> str | None:
    """The indicator set by the most cities (then the most targets): the most comparable one."""
    tally = ChartTally()
    tally.add("targets", targets)
    return tally.chosen_indicator()


def _value(v) -> float | None:
    try:
        return None if v in (None, "") else float(v)
    except (TypeError, ValueError):
        return None


def indicator_chart(targets: list[dict], key: str, name: str | None = None, width: int = 760) -> str:
    """Horizontal bars: each city's targets for one indicator, in its most common unit."""
    rows = [t for t in targets if indicator_key(t) == key and _value(t.get("value")) is not None]
    units = Counter(t.get("unit") or "" for t in rows)
    unit = units.most_common(1)[0][0] if units else ""
    rows = sorted(
        (t for t in rows if (t.get("unit") or "") == unit),
        key=lambda t: (t.get("province") or "", t.get("city") or "", t.get("deadline_year") or 0),
    )
    title = f"{name or key}:各城市目标对比 / targets of every city" + (f"(单位 {unit})" if unit else "")
    if not rows:
        return _empty(title, width)
    top = max(max(_value(t["value"]), _value(t.get("value_max")) or 0) for t in rows) or 1
    bar_h, left, head = 26, 190, 40
    height = head + bar_h * len(rows) + 20
    plot = width - left - 150
    parts = [_open(width, height, "indicator-chart", title), _title(title)]
    for i, t in enumerate(rows):
        y = head + i * bar_h
        length = max(2.0, plot * _value(t["value"]) / top)
        year = f" · {t['deadline_year']}年" if t.get("deadline_year") not in (None, "") else ""
        label = format_quantity(_value(t["value"]), unit or None, _value(t.get("value_max"))) + year
        parts.append(
            f'<text x="{left - 8}" y="{y + 17}" text-anchor="end" font-size="13">{escape(t.get("city") or "")}</text>'
            f'<rect x="{left}" y="{y + 4}" width="{length:.1f}" height="{bar_h - 8}" fill="{PALETTE[0]}">'
            f"<title>{escape(t['quote'][:200])}</title></rect>"
            f'<text x="{left + length + 6:.1f}" y="{y + 17}" font-size="13" class="figure">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def subsidy_chart(subsidies: list[dict], width: int = 760) -> str:
    """For each kind (rows) and city (colours): the highest amount or cap, log scale, with the count."""
    tally = ChartTally()
    tally.add("subsidies", subsidies)
    return subsidy_chart_of(tally.cells, width)


def subsidy_chart_of(cells: dict[tuple[str, str], list[float]], width: int = 760) -> str:
    """`subsidy_chart` of the amounts by (kind, city): each cell's [lowest, highest, count] (`ChartTally.cells`)."""
    title = "补贴金额:按类型和城市(最高额,对数刻度) / Subsidy amounts by kind and place (highest, log scale)"
    if not cells:
        return _empty(title, width)
    kinds = sorted({k for k, _ in cells})
    cities = sorted({c for _, c in cells})
    colour = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(cities)}
    low = math.log10(min(v[0] for v in cells.values())) - 0.3
    high = math.log10(max(v[1] for v in cells.values()))
    span = max(high - low, 1.0)
    left, head, bar_h = 120, 60, 20
    plot = width - left - 130
    rows = [(k, c) for k in kinds for c in cities if (k, c) in cells]
    height = head + bar_h * len(rows) + 8 * len(kinds) + 20
    parts = [_open(width, height, "subsidy-chart", title), _title(title)]
    for i, c in enumerate(cities):  # legend
        x = left + (i % 5) * 120
        y = 34 + (i // 5) * 14
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour[c]}"/>'
            f'<text x="{x + 14}" y="{y}" font-size="12">{escape(c)}</text>'
        )
    y = head + 14 * ((len(cities) - 1) // 5)
    current = None
    for kind, city in rows:
        if kind != current:
            current = kind
            y += 8
            parts.append(
                f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="13">'
                f"{escape(code_label('kind', kind))}</text>"
            )
        _lowest, top, count = cells[(kind, city)]
        length = max(2.0, plot * (math.log10(top) - low) / span)
        text = f"{format_yuan(top)}({int(count)}项)"
        parts.append(
            f'<rect x="{left}" y="{y + 3}" width="{length:.1f}" height="{bar_h - 6}" fill="{colour[city]}">'
            f"<title>{escape(city)} · {escape(code_label('kind', kind))}: {escape(text)}</title></rect>"
            f'<text x="{left + length + 6:.1f}" y="{y + 15}" font-size="12" class="figure">{escape(text)}</text>'
        )
        y += bar_h
    parts.append("</svg>")
    return "".join(parts)


def place_map(counts: dict[str, dict], width: int = 760) -> str:
    """A dot per place at its GB/T 2260 point: `counts` maps region_code → {city, province, rows}."""
    title = "数据覆盖的城市 / Places the data covers"
    west, east, south, north = 73.0, 136.0, 17.0, 54.0
    height = int(width * (north - south) / (east - west) * 1.25)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * width, (north - lat) / (north - south) * (height - 40) + 30

    parts = [_open(width, height, "place-map", title), _title(title)]
    parts.append(f'<rect x="0" y="30" width="{width}" height="{height - 40}" fill="#f4f7fa" stroke="#ccd"/>')
    for lon in range(80, 136, 10):
        x, _ = xy(lon, north)
        parts.append(
            f'<line x1="{x:.1f}" y1="30" x2="{x:.1f}" y2="{height - 10}" stroke="#dde"/>'
            f'<text x="{x + 2:.1f}" y="{height - 14}" font-size="10" fill="#889">{lon}°E</text>'
        )
    for lat in range(20, 54, 10):
        _, y = xy(west, lat)
        parts.append(
            f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#dde"/>'
            f'<text x="2" y="{y - 2:.1f}" font-size="10" fill="#889">{lat}°N</text>'
        )
    for code, (name, lon, lat) in sorted(coordinates().items()):  # every province's seat, for orientation
        if code.endswith("0000"):
            x, y = xy(lon, lat)
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="#aab"/>'
                f'<text x="{x + 3:.1f}" y="{y - 3:.1f}" font-size="9" fill="#99a" class="province">'
                f"{escape(_short_province(name))}</text>"
            )
    top = max((c["rows"] for c in counts.values()), default=1) or 1
    dots = []
    for code, place in sorted(counts.items(), key=lambda item: -item[1]["rows"]):
        point = locate(code)
        if point is not None:
            x, y = xy(*point)
            dots.append((x, y, 5 + 12 * math.sqrt(place["rows"] / top), place))
    taken: list[tuple[float, float, float, float]] = [(x - r, y - r, x + r, y + r) for x, y, r, _ in dots]
    for x, y, r, place in dots:
        label = f"{place['city']}({place['rows']})"
        lx, ly, anchor = _label_position(x, y, r, 13 * len(label) * 0.8, taken)
        parts.append(
            f'<circle class="city" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{PALETTE[1]}" fill-opacity="0.75" '
            'stroke="#fff">'
            f"<title>{escape(place['province'])} {escape(label)}</title></circle>"
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="13" text-anchor="{anchor}" class="place" '
            f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(label)}</text>'
        )
    parts.append(
        f'<text x="{width - 4}" y="{height - 2}" text-anchor="end" font-size="9" fill="#889">'
        f"坐标 / coordinates: {escape(PLACES_SOURCE)}</text></svg>"
    )
    return "".join(parts)


def _short_province(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _label_position(x: float, y: float, r: float, width: float, taken: list) -> tuple[float, float, str]:
    """Right of the dot, else left, above or below: the first place whose box overlaps no label yet placed."""
    options = [
        (x + r + 3, y + 4, "start", x + r + 3),
        (x - r - 3, y + 4, "end", x - r - 3 - width),
        (x - width / 2, y - r - 3, "start", x - width / 2),
        (x - width / 2, y + r + 13, "start", x - width / 2),
    ]
    for lx, ly, anchor, left in options:
        box = (left, ly - 12, left + width, ly + 2)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            taken.append(box)
            return lx, ly, anchor
    taken.append((options[0][3], y - 8, options[0][3] + width, y + 6))
    return options[0][0], options[0][1], "start"


def place_counts(tables: dict[str, list[dict]]) -> dict[str, dict]:
    """region_code → city, province and the number of measures, targets and subsidies there."""
    tally = ChartTally()
    for name in ("documents", "measures", "targets", "subsidies"):
        tally.add_places(name, tables.get(name, []))
    return tally.place_counts()


class ChartTally:
    """What the landing page's charts need from the rows, taken a group of rows at a time (publish gives it
    each group as it writes the tables: one pass over the rows for every report)."""

    def __init__(self) -> None:
        self.places: dict[str, dict] = {}  # region_code → city and province, from the documents
        self.rows_by_code: Counter = Counter()
        self.cities: dict[str, set] = defaultdict(set)  # indicator key → cities that set it
        self.targets: Counter = Counter()  # indicator key → targets
        self.wording: dict[str, str] = {}  # indicator key → the indicator of its last target
        self.cells: dict[tuple[str, str], list[float]] = {}  # (kind, city) → [lowest, highest, count] amount

    def add(self, table: str, rows: Iterable[dict]) -> None:
        rows = rows if isinstance(rows, list) else list(rows)
        self.add_places(table, rows)
        if table == "targets":
            for t in rows:  # (`.get`: the rows are not validated yet when publish tallies them)
                key = indicator_key(t)
                self.cities[key].add(t.get("city"))
                self.targets[key] += 1
                self.wording[key] = t.get("indicator")
        elif table == "subsidies":
            for s in rows:
                amount = _value(s.get("amount_yuan"))
                amount = amount if amount is not None else _value(s.get("cap_yuan"))
                if amount:
                    cell = self.cells.get((s.get("kind"), s.get("city") or ""))
                    if cell is None:
                        self.cells[(s.get("kind"), s.get("city") or "")] = [amount, amount, 1]
                    else:  # lowest, highest and count: all the chart draws (a list of every amount was 17 MB)
                        cell[0], cell[1], cell[2] = min(cell[0], amount), max(cell[1], amount), cell[2] + 1

    def add_places(self, table: str, rows: Iterable[dict]) -> None:
        """Only what `place_counts` needs: the documents' places, the other rows' `region_code`."""
        if table == "documents":
            for d in rows:
                self.places.setdefault(
                    d.get("region_code"), {"city": d.get("city"), "province": d.get("province")}
                )
        elif table in ("measures", "targets", "subsidies"):
            self.rows_by_code.update(row.get("region_code") for row in rows)

    def chosen_indicator(self) -> str | None:
        """`choose_indicator` of the targets seen."""
        if not self.targets:
            return None
        cities, rows = self.cities, self.targets
        return max(sorted(cities), key=lambda k: (len(cities[k]), rows[k]))

    def indicator_name(self, key: str, indicators: list[dict] | None = None) -> str | None:
        """`indicator_names(targets, indicators)[key]`."""
        names = {i["indicator_code"]: i.get("name_zh") or i["indicator_code"] for i in indicators or []}
        return names.get(key, self.wording[key]) if key in self.wording else None

    def place_counts(self) -> dict[str, dict]:
        """`place_counts` of the rows seen."""
        return {code: {**place, "rows": self.rows_by_code[code]} for code, place in self.places.items()}


def _open(width: int, height: int, css: str, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="yl-chart {css}" role="img" aria-label="{escape(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" {FONT}>'
    )


def _title(title: str) -> str:
    return f'<text x="4" y="18" font-size="15" font-weight="bold">{escape(title)}</text>'


def _empty(title: str, width: int) -> str:
    return (
        _open(width, 60, "empty-chart", title)
        + _title(title)
        + '<text x="4" y="44" font-size="13">暂无数据 / no data</text></svg>'
    )
