"""The quality report shipped with every release: rows per table per document, the share of targets
mapped to the indicator vocabulary, the figures left out by rule, and the scores of the release
against the development set (`devset/gold/`) as the project's copy of the scorer (`devset/score.py`)
gives them: facts, meaning, provisions, measures, and metadata as read from the pages."""

from __future__ import annotations

import csv
import itertools
import json
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from yanglao.jsonfile import iter_member_items, read_members, write_nested

GOLD_DIR = Path(__file__).resolve().parents[2] / "devset" / "gold"


def read_gold(folder: Path = GOLD_DIR) -> dict[str, list[dict]] | None:
    """The development set's hand annotations, or None in a build without them."""
    if not (folder / "targets.csv").exists():
        return None
    out = {}
    for name in ("targets", "subsidies", "measures", "documents"):
        path = folder / f"{name}.csv"
        with path.open(encoding="utf-8-sig", newline="") if path.exists() else _empty() as f:
            out[name] = list(csv.DictReader(f))
    return out


def _empty():
    import io

    return io.StringIO("")


def _scorer():
    """The development scorer (`devset/score.py`, a copy of the shared one), loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("yanglao_devset_score", GOLD_DIR.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prf(hit: int, gold: int, extracted: int) -> dict:
    precision = hit / extracted if extracted else 0.0
    recall = hit / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "matched": hit,
        "gold": gold,
        "extracted": extracted,
    }


def meaning_scores(gold: dict[str, list[dict]], tables: dict[str, list[dict]]) -> dict:
    """Facts and meaning, as `devset/score.py` scores them, over the documents the gold lists."""
    sc = _scorer()
    docs = {sc.doc_of(r) for r in gold.get("documents") or []} or {
        sc.doc_of(r) for name in ("targets", "subsidies", "measures") for r in gold[name]
    }

    def within(rows: list[dict]) -> list[dict]:
        return [r for r in rows if sc.doc_of(r) in docs]

    out: dict = {}
    g, p = within(gold["targets"]), within(tables["targets"])
    out["targets"] = _prf(sc.match(g, p, sc.target_key)[0], len(g), len(p))
    out["targets_meaning"] = _prf(sc.match(g, p, sc.target_key, sc.target_meaning)[0], len(g), len(p))
    g = [r for r in within(gold["subsidies"]) if sc.has_figure(r)]
    p = [r for r in within(tables["subsidies"]) if sc.has_figure(r)]
    out["subsidies"] = _prf(sc.match(g, p, sc.subsidy_key)[0], len(g), len(p))
    out["subsidies_meaning"] = _prf(sc.match(g, p, sc.subsidy_key, sc.subsidy_meaning)[0], len(g), len(p))
    g = [r for r in within(gold["subsidies"]) if not sc.has_figure(r)]
    p = [r for r in within(tables["subsidies"]) if not sc.has_figure(r)]
    out["provisions"] = _prf(sc.match_provisions(g, p)[0], len(g), len(p))
    g, p = within(gold["measures"]), within(tables["measures"])
    keys = {sc.measure_key(r) for r in g}
    p = [r for r in p if (r.get("path") or "").count(".") <= 1 or sc.measure_key(r) in keys]
    out["measures"] = _prf(sc.match(g, p, sc.measure_key)[0], len(g), len(p))
    return out


def metadata_score(gold_documents: list[dict], page_metadata: dict[str, dict]) -> dict:
    """Share of the gold's metadata fields that the page itself gives right (the registry set aside)."""
    sc = _scorer()
    right = total = 0
    wrong = []
    for g in gold_documents:
        found = page_metadata.get(sc.doc_of(g)) or {}
        for field in sc.META_FIELDS:
            want = (g.get(field) or "").strip()
            if not want:
                continue
            got = (found.get(field) or "").strip()
            if field == "issuer":
                ok = bool(sc.plain(got)) and (
                    sc.plain(want) in sc.plain(got) or sc.plain(got) in sc.plain(want)
                )
            else:
                ok = sc.plain(got) == sc.plain(want)
            total += 1
            right += ok
            if not ok:
                wrong.append({"document_id": sc.doc_of(g), "field": field, "extracted": got, "gold": want})
    return {
        "right": right,
        "fields": total,
        "accuracy": round(right / total, 3) if total else 0.0,
        "wrong": wrong,
    }


def quality_report(
    tables: dict[str, list[dict]], gold: dict[str, list[dict]] | None, previous: dict | None = None
) -> dict:
    """Rows per document, the share of targets mapped to the vocabulary, the figures left out by rule,
    and (with the gold) the development-set scores, metadata scored as read from the page."""
    return _tallied(tables, gold).report(previous)


class QualityTally:
    """What `quality_report` counts, taken a group of rows at a time (publish gives it each group as it
    writes the tables: one pass over the rows for every report)."""

    def __init__(self, gold: dict[str, list[dict]] | None) -> None:
        self.gold = gold
        self.per_document: dict[str, dict[str, int]] = defaultdict(
            lambda: {"measures": 0, "targets": 0, "subsidies": 0}
        )
        self.targets = self.mapped = 0
        self.by_code: Counter = Counter()
        self.left_out: Counter = Counter()
        self.page_metadata: list[tuple[str, dict | None]] = []
        # Whose page metadata is held (None: every document's): with a previous report to lend the others', the
        # documents built in this run. A kept document's row copied from the spool it was first built into
        # carries its metadata too; held for 100,000 documents through publishing they were ~104 MB.
        self.metadata_of: set[str] | None = None
        # Only the gold's documents are scored: only their rows are copied as text.
        self.scored = (
            {
                (r.get("document_id") or r.get("source_id") or "").strip()
                for rows in gold.values()
                for r in rows
            }
            if gold is not None
            else set()
        )
        self.as_text: dict[str, list[dict]] = {name: [] for name in ("targets", "subsidies", "measures")}

    def add(self, table: str, rows: Iterable[dict]) -> None:
        if table in ("measures", "targets", "subsidies"):
            self._add_rows(table, rows)
        elif table == "documents":
            held = self.metadata_of
            for document in rows:
                document_id = document.get("document_id")
                self.per_document[document_id]  # documents with no rows are listed too
                # only the metadata: the documents (with their texts) may be a table on disk
                found = document.get("page_metadata") if held is None or document_id in held else None
                self.page_metadata.append((document_id, found))
        elif table == "doubtful":
            self.left_out.update((r.get("table_name"), r.get("verdict"), r.get("reason")) for r in rows)

    def _add_rows(self, table: str, rows: Iterable[dict]) -> None:
        per_document, scored, as_text = self.per_document, self.scored, self.as_text[table]
        for row in rows:
            per_document[row.get("document_id")][table] += 1  # (`.get`: rows not validated yet)
            if scored and (row.get("document_id") or "").strip() in scored:
                as_text.append({k: ("" if v is None else str(v)) for k, v in row.items()})
            if table == "targets":
                self.targets += 1
                if row.get("indicator_code"):
                    self.mapped += 1
                    self.by_code[row["indicator_code"]] += 1

    def report(self, previous: dict | None = None) -> dict:
        """The whole report; `previous` (the last release's) lends the page metadata of documents not parsed now."""
        report = self.report_head()
        report["page_metadata"] = dict(self.page_metadata_items((previous or {}).get("page_metadata", {})))
        return report | self.scores(report["page_metadata"])

    def report_head(self) -> dict:
        """The report's members before the page metadata."""
        report: dict = {"rows_per_document": {k: self.per_document[k] for k in sorted(self.per_document)}}
        targets, mapped = self.targets, self.mapped
        report["indicator_mapping"] = {
            "targets": targets,
            "mapped": mapped,
            "share": round(mapped / targets, 3) if targets else 0.0,
            "by_code": dict(sorted(self.by_code.items())),
        }
        report["left_out_by_rule"] = [
            {"table": t, "verdict": v, "reason": reason, "figures": n}
            for (t, v, reason), n in sorted(self.left_out.items())
        ]
        return report

    def page_metadata_items(self, carried: Mapping[str, dict] | _Carried) -> Iterator[tuple[str, dict]]:
        """Each document's page metadata in id order: as parsed now, else as the previous report had it."""
        for document_id, found in sorted(self.page_metadata, key=operator.itemgetter(0)):
            yield document_id, found or carried.get(document_id) or {}

    def scores(self, page_metadata: Mapping[str, dict]) -> dict:
        """The report's members after the page metadata: the development set's scores (with the gold)."""
        gold = self.gold
        if gold is None:
            return {"devset": None}
        scores: dict = {"devset": meaning_scores(gold, self.as_text)}
        if gold.get("documents"):
            scores["metadata_as_extracted"] = metadata_score(gold["documents"], page_metadata)
        return scores


class _Carried:
    """The previous report's page metadata read a document at a time from its file, asked for in id order (as
    the report writes them): decoded whole, it was ~73 MB of objects at 100,000 documents, at the peak of a
    one-document release. A file whose entries are not in id order (reports are written in it) is read whole;
    finding out is one more pass over the file (0.8 s at 100,000 documents)."""

    def __init__(self, path: Path) -> None:
        keys = (key for key, _ in iter_member_items(path, "page_metadata"))
        in_order = all(a < b for a, b in itertools.pairwise(keys))
        self.whole = None if in_order else read_members(path, {"page_metadata"}).get("page_metadata") or {}
        self.pairs = iter_member_items(path, "page_metadata") if in_order else iter(())
        self.pending = next(self.pairs, None)

    def get(self, document_id: str) -> dict | None:
        if self.whole is not None:
            return self.whole.get(document_id)
        while self.pending is not None and self.pending[0] < document_id:
            self.pending = next(self.pairs, None)
        if self.pending is not None and self.pending[0] == document_id:
            return self.pending[1]  # type: ignore[return-value]
        return None


def _tallied(tables: dict[str, list[dict]], gold: dict[str, list[dict]] | None) -> QualityTally:
    tally = QualityTally(gold)
    for name in ("measures", "targets", "subsidies", "documents", "doubtful"):
        tally.add(name, tables.get(name, []))
    return tally


def quality_markdown(report: dict) -> str:
    """The quality report as quality.md for readers of a release."""
    lines = ["# Quality report", ""]
    if report.get("devset"):
        lines += [
            "Scores against the development set's hand annotations (`devset/gold/`), as `devset/score.py`",
            "scores them: facts (the figures) and meaning (indicator; recipient with its condition, kind and",
            "basis), provisions by quote, measures by heading.",
            "",
            "| table | precision | recall | F1 | matched | gold | extracted |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for kind, s in report["devset"].items():
            lines.append(
                f"| {kind} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['matched']} | {s['gold']} | {s['extracted']} |"
            )
        lines.append("")
    meta = report.get("metadata_as_extracted")
    if meta:
        lines += [
            f"Metadata as read from the pages (registry values set aside): {meta['right']} of {meta['fields']} "
            f"fields right ({meta['accuracy']:.3f}).",
            "",
        ]
    mapping = report["indicator_mapping"]
    lines += [
        f"Targets mapped to the indicator vocabulary: {mapping['mapped']} of {mapping['targets']} "
        f"({mapping['share']:.1%}).",
        "",
        "## Figures left out, by rule",
        "",
        "| table | verdict | rule | figures |",
        "|---|---|---|---:|",
    ]
    for item in report["left_out_by_rule"]:
        lines.append(f"| {item['table']} | {item['verdict']} | {item['reason']} | {item['figures']} |")
    lines += [
        "",
        "## Rows per document",
        "",
        "| document | measures | targets | subsidies |",
        "|---|---:|---:|---:|",
    ]
    for doc, counts in report["rows_per_document"].items():
        lines.append(f"| {doc} | {counts['measures']} | {counts['targets']} | {counts['subsidies']} |")
    return "\n".join(lines) + "\n"


def write_quality(
    folder: Path,
    tables: dict[str, list[dict]],
    gold_dir: Path = GOLD_DIR,
    previous: Path | None = None,
    tally: QualityTally | None = None,
) -> None:
    """quality.json and quality.md of a release; `previous` (the last release) lends the page metadata of
    documents that were not parsed again. `tally`: the rows counted already (in the pass that wrote them)."""
    tally = tally or _tallied(tables, read_gold(gold_dir))
    before = previous / "quality.json" if previous is not None else None
    carried = _Carried(before) if before is not None and before.exists() else {}
    report = tally.report_head()
    # the bytes of `json.dump(report, f, indent=1)`, the page metadata written a document at a time
    with (folder / "quality.json").open("w", encoding="utf-8") as f:
        for at, (name, value) in enumerate(report.items()):
            f.write(f"{',' if at else '{'}\n {_dumps(name)}: ")
            write_nested(f, value, _ENCODER, 1)
        f.write(',\n "page_metadata": {')
        page_metadata: dict[str, dict] = {}  # of the gold's documents only: what `scores` reads
        for at, (document_id, found) in enumerate(tally.page_metadata_items(carried)):
            f.write(f"{',' if at else ''}\n  {_dumps(document_id)}: ")
            write_nested(f, found, _ENCODER, 2)
            if document_id in tally.scored:
                page_metadata[document_id] = found
        f.write("\n }" if tally.page_metadata else "}")
        scores = tally.scores(page_metadata)
        for name, value in scores.items():
            f.write(f",\n {_dumps(name)}: ")
            write_nested(f, value, _ENCODER, 1)
        f.write("\n}\n")
    report |= scores  # the markdown reads neither the page metadata nor its order
    (folder / "quality.md").write_text(quality_markdown(report), encoding="utf-8")


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1)
_dumps = _ENCODER.encode
