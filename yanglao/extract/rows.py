"""Document text → measures, targets and subsidies rows, with ids and measure links.

Pure. The extractors (outline, targets, subsidies) find facts in text; this stage
gives them their contract shape: ids, document and parent links, and the innermost
measure containing each quote.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter

from yanglao.extract import outline, recipients, subsidies, targets, topic
from yanglao.vocabulary.indicators import indicator_code


def stable_id(document_id: str, letter: str, parts: tuple, seen: Counter) -> str:
    """An id from the row's own content, so inserting text elsewhere in the document does not renumber it."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    seen[key] += 1
    digest = hashlib.sha1(f"{key}\x1e{seen[key]}".encode()).hexdigest()[:10]
    return f"{document_id}:{letter}{digest}"


def _number(value):
    """Integers as int so that 150000.0 and 150000 give the same id and the same CSV text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class MeasureIndex:
    """Finds the innermost measure whose span contains a given span."""

    def __init__(self, measures: list[dict]):
        self.measures = sorted(measures, key=lambda m: (m["start"], -m["end"]))
        self.starts = [m["start"] for m in self.measures]

    def innermost(self, start: int, end: int) -> str | None:
        # Spans nest, so the first enclosing span found walking left from `start` is the innermost one.
        """The innermost measure whose span holds a quote: the row's measure_id."""
        for i in range(bisect.bisect_right(self.starts, start) - 1, -1, -1):
            if self.measures[i]["end"] >= end:
                return self.measures[i]["measure_id"]
        return None


def extract_rows(
    document_id: str, text: str, document_year: int | None = None, title: str | None = None
) -> dict[str, list[dict]]:
    """The rows of one document's text in their contract shape: ids, links, codes, recipients.

    `title` (the document's) tells a document about elderly care from one on many subjects (`topic`)."""
    measures = []
    for m in outline.extract_measures(text):
        path = m["path"]
        parent = path.rsplit(".", 1)[0] if "." in path else None
        measures.append(
            {
                "measure_id": f"{document_id}:m{path}",
                "document_id": document_id,
                "parent_id": f"{document_id}:m{parent}" if parent else None,
                "path": path,
                "heading": m["heading"],
                "text": m.get("text"),
                "category": m.get("category"),
                "lead_units": m.get("lead_units"),
                "support_units": m.get("support_units"),
                "start": m["start"],
                "end": m["end"],
            }
        )
    index = MeasureIndex(measures)

    seen: Counter = Counter()
    target_rows = []
    found_targets, left_out_targets = targets.targets_and_left_out(text, document_year=document_year)
    found_targets, off_topic = _about_older_people(found_targets, text, title)
    found_targets, in_headline = _without_headline_repeats(
        found_targets,
        text,
        lambda t: (t["value"], t.get("value_max"), t.get("unit"), t.get("deadline_year")),
        undated_last=True,
        reported=[t for t in left_out_targets if t["reason"].startswith("reported")],
    )
    left_out_targets = left_out_targets + off_topic + in_headline
    for t in found_targets:
        value, value_max = _number(t["value"]), _number(t.get("value_max"))
        parts = ("t", t["quote"], value, value_max, t.get("unit"), t.get("deadline_year"))
        target_rows.append(
            {
                "target_id": stable_id(document_id, "t", parts, seen),
                "document_id": document_id,
                "measure_id": index.innermost(t["start"], t["end"]),
                "indicator": t["indicator"],
                "comparator": t["comparator"],
                "value": value,
                "value_max": value_max,
                "unit": t.get("unit"),
                "deadline_year": t.get("deadline_year"),
                "deadline": t.get("deadline"),
                "scope": t.get("scope"),
                "quote": t["quote"],
                "start": t["start"],
                "end": t["end"],
                "indicator_code": indicator_code(t["indicator"], t.get("unit")),
            }
        )

    subsidy_rows = []
    found_subsidies, left_out_subsidies = subsidies.subsidies_and_left_out(text)
    completed = recipients.complete(found_subsidies, text)
    completed, in_headline = _without_headline_repeats(
        completed,
        text,
        lambda r: tuple(r.get(k) for k in ("amount_yuan", "rate_percent", "cap_yuan")),
        figures_only=True,
    )
    completed, repeated = _without_repeated_passages(
        completed,
        text,
        lambda r: tuple(r.get(k) for k in ("amount_yuan", "rate_percent", "cap_yuan", "kind")),
    )
    left_out_subsidies = left_out_subsidies + in_headline + repeated
    restated = restatements(completed)
    left_out_subsidies = left_out_subsidies + [
        {
            **completed[i],
            "value": next(
                (
                    completed[i].get(k)
                    for k in ("amount_yuan", "rate_percent", "cap_yuan")
                    if completed[i].get(k) is not None
                ),
                None,
            ),
            "reason": "restates a standard given before, as the reason for a sum",
        }
        for i in sorted(restated)
    ]
    for i, s in enumerate(completed):
        if i in restated:
            continue
        amount, rate, cap = (_number(s.get(k)) for k in ("amount_yuan", "rate_percent", "cap_yuan"))
        parts = ("s", s["quote"], s["kind"], amount, rate, cap, s.get("recipient"))
        subsidy_rows.append(
            {
                "subsidy_id": stable_id(document_id, "s", parts, seen),
                "document_id": document_id,
                "measure_id": index.innermost(s["start"], s["end"]),
                "kind": s["kind"],
                "recipient": s.get("recipient"),
                "amount_yuan": amount,
                "rate_percent": rate,
                "cap_yuan": cap,
                "basis": s.get("basis"),
                "frequency": s.get("frequency") or "unspecified",
                "quote": s["quote"],
                "start": s["start"],
                "end": s["end"],
                "recipient_type": s["recipient_type"],
                "condition": s.get("condition"),
            }
        )
    doubtful_rows = [
        _left_out(document_id, "targets", r, seen) for r in left_out_targets if r.get("quote")
    ] + [_left_out(document_id, "subsidies", {"verdict": "doubtful", **r}, seen) for r in left_out_subsidies]
    tables = {
        "measures": measures,
        "targets": target_rows,
        "subsidies": subsidy_rows,
        "doubtful": doubtful_rows,
    }
    for rows in tables.values():
        for row in rows:
            for key, value in row.items():
                if value == "":
                    # an empty cell is read back from a release as null (rowstore.typed_value): a fresh row must
                    # say the same, or a document re-extracted and one kept give different JSON for equal data
                    row[key] = None
    return tables


def restatements(rows: list[dict]) -> set[int]:
    """Positions of rows that only restate an amount given earlier in the document, naming no recipient
    of their own (`以每人每月50元的标准共计发放…`, after `…每人每月领取50元养老服务补贴`): a subsidy row is one
    per distinct amount (DATA_CONTRACT.md), and the restated one would count the same money twice."""
    given: dict[tuple, list[str | None]] = {}
    out = set()
    for i, row in enumerate(rows):
        figures = tuple(_number(row.get(k)) for k in ("amount_yuan", "rate_percent", "cap_yuan"))
        if not any(v is not None for v in figures):
            continue
        key = (*figures, row.get("kind"), row.get("basis"), row.get("frequency"))
        quote = row.get("quote") or ""
        if key in given and not row.get("recipient") and subsidies.STANDARD_BEHIND_A_SUM.search(quote):
            # the sum's own recipient says whose standard it restates (not another group's 50 元)
            paid = next(
                (r.get("recipient") for r in rows if r.get("quote") == quote and r.get("recipient")), None
            )
            if any(_same_group(earlier, paid) for earlier in given[key]):
                out.add(i)
        given.setdefault(key, []).append(row.get("recipient"))
    return out


def _same_group(earlier: str | None, paid: str | None) -> bool:
    if not earlier or not paid:
        return earlier is None and paid is None
    return paid in earlier or earlier in paid


OFF_TOPIC = "not about older people: one item of a document on many subjects"
HEADLINE_REPEAT = "a headline that repeats a figure the body gives"
HEADLINE_REPORTED = "a headline that repeats a figure the body reports"
#: A headline that says its figure is planned, whatever the body's sentence says.
_PLANNED_HEADLINE = re.compile(rf"{targets.FORWARD_CUES}|年内|今年|明年|到\d{{4}}|\d{{4}}年(?:底|前)")


def _same_thing(headline: dict, body: dict) -> bool:
    """Whether a headline's figure and a body's name the same thing: their indicators (or recipients) share two
    characters in a row; rows that name nothing are the same."""
    a, b = (r.get("indicator") or r.get("recipient") or "" for r in (headline, body))
    return not a or not b or any(a[i : i + 2] in b for i in range(len(a) - 1))


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end]


_SENTENCE_END = re.compile(r"[。！？!?]")
_OPEN_END = re.compile(r"[;；:：,，、]$")
_HEAD_LINES = 8  # a page's headline, subtitles and summary lines stand in its first lines


def _headline_at(text: str, start: int, body_start: int) -> bool:
    """Whether the figure at `start` stands in the page's headline: one of its first lines (a summary line too,
    `●全区累计安排财政补助资金1400多万元`), before the body's first sentence (`body_start`), itself no sentence, no item
    of a list (`…100元;`), no lead-in (`…通知如下:`) and no table row."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start > body_start:
        return False
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if len(line) > 80 or "|" in line or _SENTENCE_END.search(line) or _OPEN_END.search(line):
        return False
    if sum(1 for earlier in text[:line_start].split("\n") if earlier.strip()) < _HEAD_LINES:
        return True
    # or below a site's menus, a line the page writes twice before its body (its title, then its heading)
    return sum(1 for other in text[:body_start].split("\n") if other.strip() == line) >= 2


def _without_headline_repeats(
    rows: list[dict],
    text: str,
    key,
    figures_only: bool = False,
    undated_last: bool = False,
    reported: list[dict] | None = None,
) -> tuple[list[dict], list[dict]]:
    """Rows of the headline whose figure the body gives again are left out: one fact, counted once, where its
    sentence says it (DATA_CONTRACT.md: a row per distinct figure). `key` gives the figures first (`figures_only`:
    only rows with one of the first three), and last a date that the headline may leave out (`undated_last`). A
    headline's figure that the body gives as a report (`reported`: `黑龙江省60周岁以上老年人口达748万人` over `截至2018年底,
    黑龙江省60周岁以上老年人口达748万人`) is the report's, and left out too."""
    first_end = _SENTENCE_END.search(text)
    body_start = first_end.start() if first_end else len(text)
    headline = [r for r in rows if r["start"] < body_start and _headline_at(text, r["start"], body_start)]
    if not headline:
        return rows, []
    body_rows = [
        r for r in rows if r["start"] >= body_start or not _headline_at(text, r["start"], body_start)
    ]
    body = {key(r) for r in body_rows}
    reported_rows = [r for r in reported or [] if r["start"] >= body_start]
    kept, left_out = [], []
    headlines_seen = set()
    for row in rows:
        figure = key(row)
        has_figure = not figures_only or any(v is not None for v in figure[:3])
        # (a headline may leave out the year its body gives: `厦门到2025将建成2.3万张养老床位` over `到2025年,…达2.3万张`)
        # (of the same thing: `我市将新建10个老年助餐点` is no repeat of `…建成10个区域养老服务中心`)
        undated_repeat = (
            undated_last
            and figure[-1] is None
            and any(key(b)[:-1] == figure[:-1] and _same_thing(row, b) for b in body_rows)
        )
        is_headline = any(row is h for h in headline)
        # (the page's title written twice, as its title and its heading, is one headline)
        written_again = is_headline and (figure, row["quote"]) in headlines_seen
        headlines_seen.add((figure, row["quote"]) if is_headline else None)
        if (
            has_figure
            and is_headline
            and any(key(r) == figure and _same_thing(row, r) for r in reported_rows)
            and figure not in body
            and not _PLANNED_HEADLINE.search(
                _line_at(text, row["start"])
            )  # (`…年内建老年康养中心 …设计床位772张`)
        ):
            left_out.append({**row, "reason": HEADLINE_REPORTED, "verdict": "rejected"})
        elif has_figure and (figure in body or undated_repeat or written_again) and is_headline:
            value = next((v for v in figure[:3] if v is not None), None)
            left_out.append(
                {**row, "value": row.get("value", value), "reason": HEADLINE_REPEAT, "verdict": "rejected"}
            )
        else:
            kept.append(row)
    return kept, left_out


REPEATED_PASSAGE = "a passage the page writes again word for word (a topic page's items, a summary)"
_CLAUSE_MARKS = "，,；;：:"
_SENTENCE_MARKS = "。！？!?\n"
_PASSAGE_MIN = (
    16  # characters: a shorter passage (`每人每月100元`) is a standard that may well be written twice
)


def _passage(text: str, start: int, end: int) -> tuple[int, str, int, str]:
    """Where the words of a figure's clause and the clause before it start, within its sentence, and the words; and
    where the figure's own clause starts, and its words."""
    stops = _CLAUSE_MARKS + _SENTENCE_MARKS
    finish = next((i for i in range(end, len(text)) if text[i] in stops), len(text))

    def clause_start(at: int) -> int:
        return max(text.rfind(mark, 0, at) for mark in stops) + 1

    own = begin = clause_start(start)
    if begin > 0 and text[begin - 1] in _CLAUSE_MARKS:
        begin = clause_start(begin - 1)
    return begin, text[begin:finish].strip(), own, text[own:finish].strip()


def _without_repeated_passages(rows: list[dict], text: str, key) -> tuple[list[dict], list[dict]]:
    """A figure whose clause and the one before it the page writes again elsewhere, word for word, is one fact: counted
    once, the repeat listed in the doubtful report (`…对符合条件的老年人助餐服务中心(公司)给予一次性建设补贴,最高补贴达100万元` in
    two items of one topic page). So is a figure whose own clause alone a later paragraph writes again, when the clause
    is long enough and names who is paid (a news item's lead said again in its body: `失能老年人可领取每月60元护理补贴`,
    heldout_real38); not the same words after another group's label (`一、80至89周岁老年人:由区财政按月发放…`)."""
    seen: dict[tuple, int] = {}
    kept, left_out = [], []
    for row in rows:
        figure = key(row)
        begin, passage, own, clause = _passage(text, row["start"], row["end"])
        said = (
            figure,
            "clause",
            clause,
            row.get("recipient"),
        )  # (the same words to another group are its own)
        first = seen.get(said)
        # (the same words at the same place are one sentence's several amounts, not a repeat)
        repeated = len(passage) >= _PASSAGE_MIN and seen.get((figure, passage), begin) != begin
        said_again = (  # (a clause that names its own recipient: one group's money, said again)
            len(clause) >= _PASSAGE_MIN
            and first is not None
            and first != own
            and "\n" in text[first:own]
            and bool(row.get("recipient"))
            and row["recipient"] in clause
        )
        if any(v is not None for v in figure[:3]) and (repeated or said_again):
            value = next((v for v in figure[:3] if v is not None), None)
            left_out.append({**row, "value": value, "reason": REPEATED_PASSAGE, "verdict": "rejected"})
            continue
        seen.setdefault((figure, passage), begin)
        seen.setdefault(said, own)
        kept.append(row)
    return kept, left_out


def _about_older_people(found: list[dict], text: str, title: str | None) -> tuple[list[dict], list[dict]]:
    """In a document on many subjects (a 民生实事 list, a work report), the targets about older people and
    the others, left out with the reason; elsewhere every target."""
    if not found or not topic.on_many_subjects(title, text):
        return found, []
    kept, left_out = [], []
    for t in found:
        if topic.about_older_people(topic.clause_around(text, t["start"], t["end"]) + (t["indicator"] or "")):
            kept.append(t)
        else:
            left_out.append({**t, "reason": OFF_TOPIC, "verdict": "rejected"})
    return kept, left_out


def _left_out(document_id: str, table: str, row: dict, seen: Counter) -> dict:
    """A row of the doubtful report: a figure left out, and the rule that left it out."""
    value = _number(row.get("value"))
    parts = ("d", table, row["reason"], row["quote"], value, row.get("unit"))
    return {
        "doubtful_id": stable_id(document_id, "d", parts, seen),
        "document_id": document_id,
        "table_name": table,
        "verdict": row["verdict"],
        "reason": row["reason"],
        "value": value,
        "unit": row.get("unit"),
        "quote": row["quote"],
        "start": row["start"],
        "end": row["end"],
    }
