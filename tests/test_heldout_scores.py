"""The real held-out sets, scored with the project's copy of the shared scorer: no regression below the
scores reached (tests/data/heldout_real*/README.md gives their provenance and the first, blind scores)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(
    r"^(\w+): precision \S+\s+recall \S+\s+F1 (\d\.\d+)|^metadata: \d+ of \d+ fields right \((\d\.\d+)\)",
    re.M,
)

# The scores reached on 2026-12-03; a change that lowers one must say why in the README of the set.
FLOORS = {
    "heldout_real": {
        "targets": 0.92,
        "targets_meaning": 0.92,
        "subsidies": 0.80,
        "subsidies_meaning": 0.80,
        "provisions": 0.89,
        "measures": 0.92,
        "metadata": 0.93,
    },
    "heldout_real2": {
        "targets": 0.93,
        "targets_meaning": 0.93,
        "subsidies": 1.00,
        "subsidies_meaning": 1.00,
        "provisions": 0.93,
        "measures": 0.96,  # (0.97 before the eighteenth round: see the README)
        "metadata": 0.90,
    },
    # blind first run (README): targets 0.56, subsidies 0.88, subsidies_meaning 0.00, metadata 0.48
    "heldout_real3": {
        "targets": 0.55,
        "targets_meaning": 0.55,
        "subsidies": 0.87,
        # 0.62 before a money range gave a row per end: the two rows of `每人每月补贴100元至1500元` are found now,
        # with kind `other` for care workers where this set's annotator wrote `allowance`
        "subsidies_meaning": 0.55,
        "provisions": None,  # no floor: 0 of 2, a money-seeking row and a split range (README, "Provisions")
        "measures": 1.00,
        "metadata": 0.82,
    },
    # blind first run at 3b694e3 (README): targets 0.85, targets_meaning 0.73, subsidies 0.80,
    # subsidies_meaning 0.00, provisions 1.00, measures 0.87, metadata 0.54
    "heldout_real4": {
        "targets": 0.96,
        "targets_meaning": 0.96,
        "subsidies": 0.82,
        "subsidies_meaning": 0.41,
        "provisions": 1.00,
        "measures": 0.86,
        "metadata": 0.94,
    },
    # blind first run at c9760ee (README): targets 0.67, targets_meaning 0.50, subsidies 0.88,
    # subsidies_meaning 0.42, provisions 0.00 (none in the gold, one extracted), measures 1.00, metadata 0.69
    "heldout_real5": {
        "targets": 0.72,
        "targets_meaning": 0.72,
        "subsidies": 0.92,
        "subsidies_meaning": 0.72,
        "provisions": None,  # no floor: the gold has no provision; the scorer prints 0.00 for an empty set
        "measures": 1.00,
        "metadata": 0.93,
    },
    # blind first run at 14639ef (README): targets 0.40, targets_meaning 0.40, subsidies 0.73,
    # subsidies_meaning 0.00, provisions — (none either side), measures 0.86, metadata 0.70
    "heldout_real6": {
        "targets": 1.00,
        "targets_meaning": 0.50,  # the gold keeps a traditional page's indicators as printed (README)
        "subsidies": 0.72,
        "subsidies_meaning": 0.35,
        "provisions": None,  # no floor: none in the gold, none extracted (the scorer prints 0.00)
        "measures": 0.85,
        "metadata": 0.86,  # the gold keeps the traditional title and outlet of 05; the contract, simplified
    },
    # blind first run at 95780f4 (README): targets 0.23, targets_meaning 0.18, subsidies 0.95,
    # subsidies_meaning 0.00, provisions 0.00 (none in the gold, three extracted), measures 0.19, metadata 0.74
    "heldout_real7": {
        "targets": 0.26,  # the gold counts only targets about older people (README): jobs, schools, roads are extra
        "targets_meaning": 0.21,
        "subsidies": 0.94,
        "subsidies_meaning": 0.57,
        "provisions": None,  # no floor: the gold has no provision; the scorer prints 0.00 for an empty set
        "measures": 0.75,
        "metadata": 0.73,
    },
    "heldout_real8": {
        "targets": 0.39,
        "targets_meaning": 0.26,
        "subsidies": 0.83,  # 0.85 before ranges gave a row per end; this set writes `300-400万元` as amount and cap
        "subsidies_meaning": 0.77,  # 0.57 before the same-group check on restatements (review26)
        "provisions": 0.49,
        "measures": 0.39,
        "metadata": 0.81,
    },
    "heldout_real9": {
        "targets": 0.81,
        "targets_meaning": 0.72,
        "subsidies": 0.99,
        # (0.74 until the fifteenth round: 06 names who is entitled in a section of its own before the standards by
        # age, and the amounts now go to that group with the band as condition, as sets 17 and 22's annotators and
        # DATA_CONTRACT's `condition` have it; this set's annotator named the band as the recipient)
        "subsidies_meaning": 0.37,
        "provisions": 0.99,
        "measures": 0.91,
        "metadata": 0.88,
    },
    "heldout_real10": {
        "targets": 0.66,
        "targets_meaning": 0.66,
        "subsidies": 0.89,
        "subsidies_meaning": 0.44,
        "provisions": None,  # 0.00: none of the three gold provisions is found (README)
        "measures": 0.37,
        "metadata": 0.67,
    },
    "heldout_real11": {
        "targets": 0.55,
        "targets_meaning": 0.47,
        "subsidies": 0.79,
        "subsidies_meaning": None,  # 0.00: neither recipient is named as the gold names it (README)
        "provisions": None,  # 0.00: neither of the two gold provisions is found
        "measures": 0.79,
        "metadata": 0.96,
    },
    "heldout_real12": {
        "targets": 0.32,  # 0.35 before the page's dates were read: `…建成1座凉亭` (a report) then took the year
        "targets_meaning": 0.21,
        # no subsidies or provisions lines: the set has no gold subsidy and the extractor finds none
        "measures": 0.6,
        "metadata": 0.79,
    },
    "heldout_real13": {
        "targets": 0.80,
        "targets_meaning": 0.80,
        "subsidies": 0.50,  # 36 of the 56 gold rows are a table flattened one cell a line (README)
        "subsidies_meaning": 0.1,
        "provisions": None,  # no gold provision
        "measures": 0.99,
        "metadata": 0.95,
    },
    "heldout_real14": {
        "targets": 0.82,
        "targets_meaning": 0.82,
        "subsidies": 0.88,
        "subsidies_meaning": 0.15,  # the annotator's kinds of fund accounts differ from ours (CHANGELOG)
        "provisions": None,  # the one gold provision is not found
        "measures": 0.6,
        "metadata": 0.89,
    },
    "heldout_real15": {
        "targets": 0.16,  # the annotator counted every target of lists on many subjects (README: 0.57 → 0.18)
        "targets_meaning": 0.16,
        "subsidies": 0.69,
        "subsidies_meaning": None,  # 0.00
        "provisions": None,  # no gold provision
        "measures": 0.66,
        "metadata": 0.91,
    },
    "heldout_real18": {
        "targets": 0.55,
        "targets_meaning": 0.45,
        "subsidies": 0.97,
        "subsidies_meaning": 0.30,
        "provisions": 0.25,
        "measures": None,  # 0.00: text 01 is a SQL dump of the page's HTML (README)
        "metadata": 0.86,
    },
    # blind first run (README): targets 0.40, targets_meaning 0.30, subsidies 0.88, subsidies_meaning 0.28, metadata 0.68
    "heldout_real19": {
        "targets": 0.47,  # 天津 dates itself nowhere: its `今年` targets have no deadline (README)
        "targets_meaning": 0.35,
        "subsidies": 0.96,
        # (0.72 until the nineteenth round: the four post allowances whose 元 the capture lost are found since, as
        # kind other by DATA_CONTRACT's allowance; the annotator called them allowance, see the README)
        "subsidies_meaning": 0.66,
        "provisions": None,  # 0.00: one gold provision, not found
        "measures": 0.25,
        "metadata": 0.75,
    },
    # blind first run (README): targets 0.69, subsidies 0.94, subsidies_meaning 0.16, measures 0.50, metadata 0.63
    "heldout_real20": {
        "targets": 0.91,
        "targets_meaning": 0.91,
        "subsidies": 0.94,
        "subsidies_meaning": 0.54,
        "provisions": 0.33,
        "measures": 0.50,
        "metadata": 0.87,
    },
    # blind first run (README): targets 0.13, targets_meaning 0.00, subsidies 0.91, subsidies_meaning 0.19, metadata 0.64
    "heldout_real21": {
        "targets": 0.80,
        "targets_meaning": 0.66,
        "subsidies": 0.90,
        "subsidies_meaning": 0.34,
        "provisions": 0.57,
        "measures": 0.75,
        "metadata": 0.89,
    },
    "heldout_real22": {
        "targets": 0.50,
        "targets_meaning": 0.50,
        "subsidies": 0.96,
        "subsidies_meaning": 0.30,  # (the gold keeps the traditional characters of 3 of its 8 pages: see its README)
        "provisions": 0.44,
        "measures": 0.28,
        "metadata": 0.60,
    },
    "heldout_real23": {
        "targets": 0.86,
        "targets_meaning": 0.86,
        "subsidies": 0.99,
        "subsidies_meaning": 0.50,
        "provisions": 0.0,
        "measures": 0.99,
        "metadata": 0.56,
    },
    "heldout_real24": {
        "targets": None,  # (its five gold targets are quotas the page reports as exceeded: see its README)
        "targets_meaning": None,
        "subsidies": 0.97,
        "subsidies_meaning": 0.95,  # (0.67 before the sixteenth round's standards by grade, 档)
        "provisions": None,  # (no gold provision and none extracted: the scorer's F1 is 0)
        "measures": 0.99,
        "metadata": 0.99,
    },
    "heldout_real25": {
        "targets": 0.63,
        "targets_meaning": 0.63,
        # (0.99 until a headline's figure repeated by the body counted once: this annotator counted guangxi's bullet
        # `●全区累计安排财政补助资金1400多万元` and the body's sentence both; sets 28 and 29's annotators did not)
        "subsidies": 0.97,
        "subsidies_meaning": 0.55,
        "provisions": 0.20,  # (0.36 until a share of investment became money per facility: see CHANGELOG)
        "measures": 0.99,
        "metadata": 0.92,
    },
    # (sets 26 and 27: blind first runs after the fifteenth round's changes; worked on in the sixteenth round)
    "heldout_real26": {
        "targets": 0.79,
        "targets_meaning": 0.79,
        "subsidies": 0.94,
        "subsidies_meaning": 0.26,
        "provisions": None,  # 0.00: the one gold provision is not found, four others are
        "metadata": 0.90,
    },
    "heldout_real27": {
        "targets": None,  # 0.00: its one gold target is not found
        "targets_meaning": None,
        "subsidies": 0.53,
        "subsidies_meaning": 0.39,
        "provisions": 0.50,
        "measures": 0.64,
        "metadata": 0.85,
    },
    # (set 28: blind first run at 624cb42, worked on in the sixteenth round, its floors after it; set 29: blind
    # first run at 624cb42, kept blind then, worked on in the seventeenth round; set 30: blind first run at b9c7e65,
    # worked on later in the seventeenth round once set 31 was there to stay blind)
    "heldout_real28": {
        "targets": 0.88,  # (blind 0.44)
        "targets_meaning": 0.88,
        "subsidies": 0.98,  # (blind 0.86)
        "subsidies_meaning": 0.67,  # (blind 0.13)
        "provisions": None,  # 0.00: the one gold provision is not found, five others are
        "measures": 0.63,
        "metadata": 0.93,  # (blind 0.80)
    },
    "heldout_real29": {
        "targets": 0.88,
        "targets_meaning": 0.88,
        "subsidies": 0.94,
        "subsidies_meaning": 0.88,  # (blind 0.31)
        "provisions": 0.50,
        "measures": 0.66,
        "metadata": 0.89,
    },
    "heldout_real30": {
        "targets": 0.91,  # (blind 0.80)
        "targets_meaning": 0.91,  # (blind 0.67)
        "subsidies": 0.92,  # (blind 0.88)
        "subsidies_meaning": 0.62,  # (blind 0.24)
        "provisions": 0.23,
        "measures": 0.99,  # (blind 0.46)
        "metadata": 0.92,  # (blind 0.68)
    },
    # (set 31: blind first run at b9c7e65, worked on later in the seventeenth round once set 32 was there to stay blind)
    "heldout_real31": {
        "targets": 0.80,  # (blind 0.71)
        "targets_meaning": 0.61,  # (blind 0.54)
        "subsidies": 0.75,  # (blind 0.73; its 510万元 and 3050万元 are ranges whose dash the page lost)
        "subsidies_meaning": 0.28,  # (blind 0.09)
        "provisions": None,  # 0.00
        "measures": 0.66,  # (blind 0.00)
        "metadata": 0.77,
    },
    # (set 32: blind first run at b9c7e65, worked on at the end of the seventeenth round once set 33 was started)
    "heldout_real32": {
        "targets": 0.80,  # (blind 0.43)
        "targets_meaning": 0.80,  # (blind 0.43)
        "subsidies": 0.70,
        "subsidies_meaning": 0.14,  # (blind 0.11; its 莒南 table lost its empty cells: 15 of its 34 rows)
        "provisions": 0.25,  # (no measures line: no gold measure, none extracted)
        "metadata": 0.74,
    },
    # (set 33: blind first run at b9c7e65 (0.77 / 0.72 / 0.50 / 0.17 / 0.00 / 0.75 / 0.83), kept blind to the end of the
    # seventeenth round; read and worked on in the eighteenth)
    "heldout_real33": {
        "targets": 0.88,
        "targets_meaning": 0.88,  # (blind 0.72)
        "subsidies": 0.80,  # (blind 0.50)
        "subsidies_meaning": 0.72,  # (blind 0.17)
        "provisions": None,  # 0.00
        "measures": 1.00,  # (blind 0.75)
        "metadata": 0.91,
    },
    # (set 34: blind first run at 0e78b9e (0.63 / 0.47 / 0.53 / 0.00 / 0.00 / 0.80 / 0.74); read in the eighteenth round)
    "heldout_real34": {
        "targets": 0.66,
        "targets_meaning": 0.55,
        "subsidies": 0.82,
        "subsidies_meaning": 0.47,  # (blind 0.00; its 大渡口 notice lost 元/人 in the capture, read since the 19th round)
        "provisions": None,  # 0.00
        "measures": 0.80,
        "metadata": 0.88,
    },
    # (set 35: blind first run at 0e78b9e (0.84 / 0.71 / 0.88 / 0.28 / 0.00 / 1.00 / 0.68), the same after the round's
    # changes for sets 33 and 34; read in the eighteenth round)
    "heldout_real35": {
        "targets": 0.86,
        "targets_meaning": 0.80,
        "subsidies": 0.96,
        "subsidies_meaning": 0.48,
        "provisions": None,  # 0.00
        "measures": 1.00,
        "metadata": 0.78,
    },
    # (set 36: blind first run at 0e78b9e (0.33 / 0.24 / 0.96 / 0.52 / 0.25 / 0.77 / 0.81), the same after the round's
    # changes for sets 33–35; read in the eighteenth round)
    "heldout_real36": {
        "targets": 0.33,
        "targets_meaning": 0.25,
        "subsidies": 0.95,
        "subsidies_meaning": 0.78,
        "provisions": 0.25,
        "measures": 0.76,
        "metadata": 0.92,
    },
    "heldout_real38": {  # (blind until the twentieth round: 0.54 / 0.38 / 0.96 / 0.40 / 0.33 / 1.00 / 0.81)
        "targets": 0.53,
        "targets_meaning": 0.38,
        "subsidies": 0.99,
        "subsidies_meaning": 0.74,
        "provisions": 0.33,
        "measures": 1.00,
        "metadata": 0.80,
    },
    "heldout_real39": {  # (blind until the twentieth round, which read it and changed nothing for it)
        "targets": 0.07,
        "targets_meaning": 0.00,
        "subsidies": 0.90,
        "subsidies_meaning": 0.18,
        "provisions": 0.22,
        "measures": 0.78,
        "metadata": 0.75,
    },
    "heldout_real37": {  # (blind until the nineteenth round: 0.40 / 0.32 / 0.67 / 0.19 / 0.62 / 1.00 / 0.65)
        "targets": 0.41,
        "targets_meaning": 0.33,
        "subsidies": 0.80,
        "subsidies_meaning": 0.20,
        "provisions": 0.70,
        "measures": 1.00,
        "metadata": 0.65,
    },
    "heldout_real17": {
        "targets": 0.99,  # one gold target
        "targets_meaning": None,  # 0.00: `15分钟养老生活圈` against the annotator's 养老生活圈服务时间半径
        "subsidies": 0.82,
        "subsidies_meaning": 0.65,
        "provisions": 0.64,
        "measures": 0.80,
        "metadata": 0.84,
    },
}


def _script_output(script: str, *args: str) -> str:
    """What `scripts/<script>` prints, run as a user would, with nothing but the repository on its path."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "PYTHONPATH": str(ROOT)},
    ).stdout


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_held_out_scores_do_not_fall(folder, tmp_path):
    out = _script_output(
        "textscore.py",
        str(ROOT / "tests" / "data" / folder),
        "--keep",
        str(tmp_path),
    )
    scores = {m[0] or "metadata": float(m[1] or m[2]) for m in LINE.findall(out)}
    assert set(scores) == set(FLOORS[folder]), out
    for name, floor in FLOORS[folder].items():
        if floor is None:
            continue
        assert scores[name] >= floor, f"{folder} {name}: {scores[name]} < {floor}\n{out}"


def test_failures_are_pooled_by_class_over_the_folders():
    """scripts/heldout_failures.py on two opened sets: every gold row gets one class, counted with the folders it
    occurs in (a class several sets share is worth a rule; issue 12). heldout_real37's `平均每个站点政府投入约5万元` is
    left out as an average, and its 南昌 area standards take a year the gold does not give."""
    out = _script_output(
        "heldout_failures.py",
        str(ROOT / "tests" / "data" / "heldout_real36"),
        str(ROOT / "tests" / "data" / "heldout_real37"),
        "--examples",
        "20",
    )
    totals = dict(re.findall(r"^== (\w+): (\d+) gold rows", out, re.M))
    sections = re.split(r"^== \w+: \d+ gold rows or fields\n", out, flags=re.M)[1:]
    for table, section in zip(sorted(totals), sections, strict=True):
        counted = sum(int(n) for n in re.findall(r"^\s*(\d+)  ", section, re.M))
        assert counted == int(totals[table]), table
    assert re.search(
        r"fact missed: not subsidy money \(a fine, price, wage, investment, estimate or average\)", out
    )
    year = re.search(r"^\s*\d+  year  \(in \d of 2 folders\)\n((?:\s{9}\S.*\n)*)", out, re.M)
    assert "heldout_real37: '每百户20平方米'" in year.group(1)


def test_rule_reach_switches_a_rule_off_and_finds_the_one_document_it_changes():
    """scripts/rule_reach.py (issue 12, item 9): a rule switched off keeps its groups but never matches, and the
    rows that then differ are those of the documents the rule acts on. DATING_ASIDE (`近期(到2025年)`) is read in
    one real text only, the 上海 layout plan of heldout_real23, and switching it off changes that document's
    targets and nothing else."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import rule_reach

    off = re.compile(rule_reach.switched_off(r"^(?P<noun>[\u4e00-\u9fff]{2,8})(?:均|都)(?P=noun)$"))
    assert "noun" in off.groupindex and not off.search("面积均面积")
    assert rule_reach.unanchored(r"^\s*(?:至|到)$").pattern == r"\s*(?:至|到)"
    assert rule_reach.unanchored(r"大约|约(?=为?$)|[^$]\$").pattern == r"大约|约(?=为?)|[^$]\$"
    folder = ROOT / "tests" / "data" / "heldout_real23"
    texts = list(rule_reach.folder_texts(folder))
    found = {name: ids for table, name, ids in rule_reach.reach(texts) if table == "targets"}
    assert found["DATING_ASIDE"] == ["shanghai-2022-eldercare-facility-layout-plan-news"]
    out = _script_output(
        "rule_reach.py",
        "--one",
        "targets:DATING_ASIDE",
        str(folder),
    )
    switched = json.loads(out)
    assert (switched["switched_off"], switched["joined"]) == (1, 0)
    base = rule_reach.row_digests([folder])
    changed = rule_reach._changed(base, switched["rows"])
    assert set(changed) == {"shanghai-2022-eldercare-facility-layout-plan-news"}
    assert changed["shanghai-2022-eldercare-facility-layout-plan-news"] >= 2
