"""Numbers and codes as people write them: `15万元`, `2,000万元`, `3元`, `90%`, `建设补贴`.

Only what is shown changes: the stored values stay numeric in JSON, CSV, Parquet and SQL. Used by
the Datasette plugin (`yanglao.serve.web`), the landing page and the charts.
"""

from __future__ import annotations

from yanglao.fields import CODE_LABELS

MONEY_COLUMNS = frozenset({"amount_yuan", "cap_yuan"})


def _plain(number: float) -> str:
    """A number without a trailing `.0`, with thousands separators, at most 4 decimals."""
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.4f}".rstrip("0").rstrip(".")


def format_yuan(value: float | int | None) -> str:
    """Yuan as a Chinese reader writes them: 3元, 8,000元, 15万元, 2,000万元, 1.5亿元."""
    if value is None or value == "":
        return ""
    value = float(value)
    if abs(value) >= 1e8 and (value / 1e8 * 100).is_integer():
        return f"{_plain(value / 1e8)}亿元"
    if abs(value) >= 1e4 and (value / 1e4 * 10000).is_integer():
        return f"{_plain(value / 1e4)}万元"
    return f"{_plain(value)}元"


def format_number(value) -> str:
    """Whole numbers without `.0`, with thousands separators (not for years: callers keep those as they are)."""
    if isinstance(value, float):
        return _plain(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return _plain(value)
    return "" if value is None else str(value)


def format_quantity(value, unit: str | None, value_max=None) -> str:
    """A target's value with its unit beside it: `90%`, `1家`, `1-2个`, `15分钟`, `15万元`."""
    if value is None or value == "":
        return ""
    if unit == "元":
        text = format_yuan(value)
        return text if value_max in (None, "") else f"{text}-{format_yuan(value_max)}"
    text = format_number(value)
    if value_max not in (None, ""):
        text += f"-{format_number(value_max)}"
    return f"{text}{unit or ''}"


def code_label(column: str, code: str | None) -> str:
    """The Chinese label of a coded value (`kind` `construction` → 建设补贴); the code when none is known."""
    if code is None:
        return ""
    if column == "category":
        from yanglao.extract.categories import CATEGORIES

        return next((zh for c, zh, _ in CATEGORIES if c == code), code)
    return CODE_LABELS.get(column, {}).get(code, code)


def canonical_number(value: float) -> int | float:
    """A float as both the CSV and the JSON write it: six decimals at most, an integer when it is one.

    Why: the CSV rounded (`350.00000000000006` → `350.0`) and the JSON did not, so the same row read back from a
    release (`350`) gave other bytes than when it was extracted, and a release's JSON could differ from the one
    its CSV implied."""
    value = round(value, 6)
    return int(value) if value.is_integer() else value
