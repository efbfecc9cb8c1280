"""A pytest plugin that runs the tests with extraction rules switched off (issue 12, item 9).

    SWITCH_OFF='subsidies:FUND_AFTER,targets:NORMS[1]' PYTHONPATH=.:scripts \\
        .venv/bin/python -m pytest -p switch_off tests/test_subsidies.py tests/test_targets.py

Each rule (`table:name`, as `scripts/rule_reach.py` prints them) gets a pattern that never matches, before
the tests import the extractor. A test that then fails is one that needs the rule, besides the rulebook's
own check that the pattern matches its example.
"""

from __future__ import annotations

import os

import rule_reach

_KEYS = {tuple(key.split(":", 1)) for key in os.environ.get("SWITCH_OFF", "").split(",") if key}
if _KEYS:
    rule_reach.switch_off(_KEYS)  # type: ignore[arg-type]
