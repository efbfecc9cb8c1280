"""How many real documents each extraction rule can read, and how many it changes: the rules that one
document alone needs.

    .venv/bin/python scripts/rule_reach.py [--max-documents 1] [--effect] [FOLDER ...]
    .venv/bin/python scripts/rule_reach.py --literals 5

Issue 12, item 9: "No rule exists for one sentence of one document." A rule's pattern is searched in
the text of every development document (`datasets/latest/documents.csv`) and of every held-out folder
given (by default `tests/data/heldout_real*`, less the sets kept blind), as the
pipeline builds it; target rules read the folded text, as `targets.py` does. A pattern anchored to the
figure (`^…`, `…$`) is searched without its anchor, so the count is an upper bound on where the rule
can act: a rule found in one document at most can only ever have acted there.

With `--effect`, each rule is also switched off in a fresh interpreter (its pattern made one that never
matches, with the same groups, wherever the modules compile it) and the development documents and held-out
folders are extracted again: the rule's effect is the rows of any table that differ, and the documents they
are in. A pattern that the modules only use joined into a larger one cannot be switched off this way; its
line says `not switched off`, and one that is also used joined says `partly switched off`: neither is counted
as changing few documents. A rule without which extraction fails is needed everywhere
(`extraction fails without it`). This takes about 4 s of CPU per rule, two rules at a time.

`--literals N` lists instead the rules that need a phrase of N Chinese characters or more word for word
(outside character classes), with the phrases.

Prints one line per rule found in, or (with `--effect`) changing rows of, at most `--max-documents`
documents: name, table, documents matched, then (with `--effect`) rows and documents changed, and the
document ids; and a last line with the counts by table. Rows are counted as the digests that differ, so a
row that changes counts twice (its old and its new form).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from textscore import manifest_document  # noqa: E402

csv.field_size_limit(sys.maxsize)
#: The held-out sets kept blind (README.md, "held-out sets"): their texts are not read to choose rules.
BLIND_SETS = frozenset({"heldout_real40", "heldout_real41"})


def held_out_folders() -> list[Path]:
    """The held-out folders that are not kept blind."""
    folders = (ROOT / "tests" / "data").glob("heldout_real*")
    return sorted((f for f in folders if f.name not in BLIND_SETS), key=lambda f: int(f.name[12:] or 1))


def development_texts() -> Iterator[tuple[str, str]]:
    with (ROOT / "datasets" / "latest" / "documents.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield row["document_id"], row["text"]


def folder_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """The text of each document of a held-out folder, as `build_document` makes it."""
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as f:
        for entry in csv.DictReader(f):
            yield entry["id"], manifest_document(folder, entry)["text"]


def unanchored(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its anchors (`^`, `$`, `\\A`, `\\Z` anywhere outside a character class, in
    alternatives and lookarounds too), so that it can be searched in a whole text: it matches wherever the
    pattern matches at some position, so the documents it is found in bound those the rule can act on."""
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, 0)
    out, i, in_class = [], 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            if not in_class and source[i + 1 : i + 2] in ("A", "Z"):
                i += 2
                continue
            out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]" or out[-1] == "[" or out[-1] == "[^"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                out.append("[^")
                i += 2
                continue
        elif char in "^$":
            i += 1
            continue
        out.append(char)
        i += 1
    return re.compile("".join(out), flags)


def rule_tables() -> Iterator[tuple[str, str, str | re.Pattern[str], bool]]:
    """(table, name, pattern, reads the folded text) for every rule of the rule tables."""
    from yanglao.extract import recipients, rulebook

    for rule in rulebook.TARGET_RULES:
        yield "targets", rule.name, rule.pattern, True
    for rule in rulebook.SUBSIDY_RULES:
        yield "subsidies", rule.name, rule.pattern, False
    for name in sorted(n for n in dir(recipients) if n.endswith("_RULES")):
        for rule in getattr(recipients, name):
            yield f"recipients.{name}", rule.name, rule.pattern, False


def literal_phrases(pattern: str | re.Pattern[str], shortest: int = 5) -> list[str]:
    """Runs of Chinese characters that every match of a branch of the pattern holds word for word, of
    `shortest` or more: where a rule for one sentence shows (a product's or a place's name, a copied clause).
    Read off the parse tree: a group without a quantifier or alternatives is part of the run around it
    (`老年人(?:生活)补贴`), an escaped bracket is a character (`\\[…\\]`), and an optional one ends the run
    (`生活费用?` holds `生活费`)."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    runs: list[str] = []
    _literal_runs(list(sre_parse.parse(source)), runs, [])
    return [m for run in runs for m in re.findall(rf"[\u4e00-\u9fff]{{{shortest},}}", run)]


def _literal_runs(items: list, runs: list[str], current: list[str]) -> None:
    """Append to `runs` each run of literal characters of the parsed items (`current` is the open run)."""

    def close() -> None:
        if current:
            runs.append("".join(current))
            current.clear()

    for op, value in items:
        if op is sre_constants.LITERAL:
            current.append(chr(value))
        elif op is sre_constants.SUBPATTERN and not any(o is sre_constants.BRANCH for o, _ in value[3]):
            _literal_runs(list(value[3]), runs, current)
        else:
            close()
            for part in _parts(op, value):
                _literal_runs(list(part), runs, current)
                close()
    close()


def _parts(op: object, value: object) -> list:
    """The sub-sequences of a parse-tree item that has any: branches, a repeated body, a lookaround's body."""
    if op is sre_constants.BRANCH:
        return list(value[1])  # type: ignore[index]
    if op is sre_constants.SUBPATTERN:
        return [value[3]]  # type: ignore[index]
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        return [value[2]]  # type: ignore[index]
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [value[1]]  # type: ignore[index]
    return []


def reach(texts: list[tuple[str, str]]) -> list[tuple[str, str, list[str]]]:
    """(table, rule, ids of the documents whose text the rule's pattern matches), for every rule."""
    from yanglao.extract.rulebook import fold

    folded = [(doc_id, fold(text)) for doc_id, text in texts]
    found = []
    for table, name, pattern, reads_folded in rule_tables():
        compiled = unanchored(pattern)
        corpus = folded if reads_folded else texts
        found.append((table, name, [doc_id for doc_id, text in corpus if compiled.search(text)]))
    return found


def switched_off(pattern: str) -> str:
    """A pattern that never matches but has the groups of `pattern` (replacements and `group()` still work)."""
    flags = re.match(r"\(\?[aiLmsux]+\)", pattern)
    head = flags.group(0) if flags else ""
    return f"{head}(?!)(?:{pattern[len(head) :]})"


def row_digests(folders: list[Path]) -> dict[str, list[str]]:
    """table|document → the digests of its rows, for the development documents and the folders."""
    import devscore
    import textscore

    tables = devscore.build_tables(None)
    seen: set[str] = set()
    for folder in folders:
        for name, rows in textscore.build_tables(folder, frozenset(seen)).items():
            tables[name].extend(rows)
            if name == "documents":
                seen |= {row["document_id"] for row in rows}
    digests: dict[str, list[str]] = {}
    for name, rows in tables.items():
        for row in rows:
            kept = {k: v for k, v in row.items() if k != "text"}
            encoded = json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str).encode()
            digests.setdefault(f"{name}|{row['document_id']}", []).append(hashlib.sha1(encoded).hexdigest())
    return digests


class Switch:
    """How often the switched-off patterns were compiled, and the larger patterns made with them."""

    def __init__(self) -> None:
        self.hits = 0
        self.joined: set[str] = set()


def switch_off(keys: set[tuple[str, str]]) -> Switch:
    """Switch the rules `(table, name)` off for the rest of the process: the yanglao modules are dropped, to
    be compiled again on their next import with each rule's pattern replaced by `switched_off(pattern)`."""
    found = {(t, n): p.pattern if isinstance(p, re.Pattern) else p for t, n, p, _ in rule_tables()}
    if not keys <= set(found):
        raise SystemExit(f"no such rule: {sorted(keys - set(found))}")
    sources = {found[key] for key in keys}  # (two rules may share one pattern: both go)
    for module in [m for m in sys.modules if m.startswith("yanglao")]:
        del sys.modules[module]
    re.purge()
    compile_ = re._compile  # type: ignore[attr-defined]
    switch = Switch()

    def hooked(pattern: object, flags: int):  # noqa: ANN202
        if pattern in sources:
            switch.hits += 1
            return compile_(switched_off(pattern), flags)
        if isinstance(pattern, str) and any(source in pattern for source in sources):
            switch.joined.add(pattern)  # a larger pattern made with the rule's: that use stays on
        return compile_(pattern, flags)

    re._compile = hooked  # type: ignore[attr-defined]
    return switch


def _one_rule(table: str, name: str, folders: list[str]) -> None:
    """In a fresh interpreter: the row digests with the rule switched off, as JSON on stdout."""
    switch = switch_off({(table, name)})
    digests = row_digests([Path(f) for f in folders])
    json.dump({"switched_off": switch.hits, "joined": len(switch.joined), "rows": digests}, sys.stdout)


def _changed(base: dict[str, list[str]], rows: dict[str, list[str]]) -> Counter[str]:
    changed: Counter[str] = Counter()
    for key in set(base) | set(rows):
        before, after = Counter(base.get(key, [])), Counter(rows.get(key, []))
        differ = sum(((before - after) + (after - before)).values())
        if differ:
            changed[key.split("|", 1)[1]] += differ
    return changed


Effect = tuple[int, int, Counter[str]]  # (times compiled alone, larger patterns made with it, rows changed)


def effects(folders: list[Path]) -> dict[tuple[str, str], Effect | None]:
    """(table, rule) → its `Effect` when switched off, each rule in its own interpreter; None when extraction
    fails without the rule."""
    base = row_digests(folders)
    names = [(table, name) for table, name, _, _ in rule_tables()]

    def run(key: tuple[str, str]) -> Effect | None:
        command = [sys.executable, __file__, "--one", f"{key[0]}:{key[1]}", *map(str, folders)]
        done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ))
        if done.returncode:
            return None  # the extractor fails without the rule: it is needed everywhere
        found = json.loads(done.stdout)
        return found["switched_off"], found["joined"], _changed(base, found["rows"])

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(names, pool.map(run, names), strict=True))


def _effect_line(line: str, change: Effect | None, most: int) -> tuple[str, bool]:
    """The line with the rule's effect, and whether it changes rows of at most `most` documents (only a rule
    switched off everywhere can say so: one that larger patterns still hold is partly on)."""
    if change is None:
        return f"{line}\textraction fails without it\t", False
    alone, joined, changed = change
    if not alone:
        return f"{line}\tnot switched off (only used inside {joined} larger patterns)\t", False
    if joined:
        effect = f"{sum(changed.values())} rows in {len(changed)}, partly switched off (also in {joined} larger patterns)"
        return f"{line}\t{effect}\t{' '.join(sorted(changed))}", False
    effect = f"{sum(changed.values())} rows in {len(changed)}"
    return f"{line}\t{effect}\t{' '.join(sorted(changed))}", len(changed) <= most


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--max-documents", type=int, default=1)
    parser.add_argument("--effect", action="store_true", help="switch each rule off and count what changes")
    parser.add_argument("--literals", type=int, metavar="N", help="list the phrases of N characters or more")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.literals:
        for table, name, pattern, _ in rule_tables():
            if phrases := literal_phrases(pattern, args.literals):
                print(f"{name}\t{table}\t{' '.join(dict.fromkeys(phrases))}")
        return 0
    folders = args.folders or held_out_folders()
    if args.one:
        table, name = args.one.split(":", 1)
        _one_rule(table, name, [str(f) for f in folders])
        return 0
    texts = list(development_texts())
    for folder in folders:
        texts += list(folder_texts(folder))
    unique = list(dict((doc_id, text) for doc_id, text in texts).items())
    changes = effects(folders) if args.effect else {}
    counts: dict[str, list[int]] = {}
    for table, name, ids in reach(unique):
        total = counts.setdefault(table, [0, 0])
        total[0] += 1
        line = f"{name}\t{table}\t{len(ids)}"
        narrow = len(ids) <= args.max_documents
        if args.effect:
            line, narrow = _effect_line(line, changes[(table, name)], args.max_documents)
        else:
            line += f"\t{' '.join(ids)}"
        if narrow:
            total[1] += 1
            print(line)
    summary = ", ".join(f"{table} {n} of {total}" for table, (total, n) in counts.items())
    what = "changing rows of" if args.effect else "found in"
    print(f"# {len(unique)} documents; rules {what} at most {args.max_documents}: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
