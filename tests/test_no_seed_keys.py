"""Nothing in the checker or the rule catalogue may be keyed on the seed filing: its names and
numbers appear only in the tests that say what the seed must produce."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_MARKS = re.compile(r"wynnefield|liquidmetal|obus|landes|53634|3,?731,?32[34]|1,?547,?37[78]|"
                        r"2,?389,?825|1,?019,?531|1,?370,?294|1,?341,?499", re.I)


def test_checker_and_rules_do_not_name_the_seed():
    hits = []
    for path in sorted([*ROOT.joinpath("checker").rglob("*.py"), *ROOT.joinpath("checker").rglob("*.j2"),
                        *ROOT.joinpath("rules").glob("*.yaml")]):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if SEED_MARKS.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:80]}")
    assert hits == []
