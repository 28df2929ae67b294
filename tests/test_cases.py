"""Rule cases through the whole pipeline (sources -> parse -> facts -> engine), sqlfluff/semgrep
style: each case in tests/cases/*.yaml edits a small filing in a real layout
(tests/cases/bases/), checks it as a file, and states exactly what must be found
(code, line, person, a message fragment) and what must not (near misses).

A case file:

    base: 13d.txt                 # a file in tests/cases/bases/
    cases:
      - id: DLN002-13d-5-business-days
        as: html                  # optional: the same text as an HTML page (<pre>)
        delete: [[first line, last line]]   # optional, first: drop the lines from first to last
        edit:                     # then literal replacements, in order: [old, new] or [old, new, nth]
          - ["March 3, 2025", "March 4, 2025"]
        prepend: "..."            # optional, last: text put before (an EDGAR header) / after the file
        append: "..."
        options: {filed: 2025-03-11}        # CheckOptions fields
        previous: {edit: [...]}   # optional: the previous filing (--previous), the base edited so
        expect:                   # every entry must match one finding
          - {code: DLN002, line: 18, message: "after the 2025-03-10 deadline"}
        absent: [DLN002]          # codes that must not be found (a passing near miss)
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
import yaml

from checker.pipeline import CheckOptions, check_file, load_previous
from checker.rulebook import load_catalogue

CASES_DIR = Path(__file__).parent / "cases"
BASES = CASES_DIR / "bases"


def _load_cases():
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["base"], case, id=f"{path.stem}:{case['id']}"))
    return out


CASES = _load_cases()


def _apply(text: str, case: dict) -> str:
    for first, last in case.get("delete", []):
        lines = text.split("\n")
        start = next(i for i, line in enumerate(lines) if first in line)
        end = next(i for i in range(start, len(lines)) if last in lines[i])
        text = "\n".join(lines[:start] + lines[end + 1:])
    for edit in case.get("edit", []):
        old, new, *nth = edit
        n = nth[0] if nth else 1
        parts = text.split(old)
        assert len(parts) > n, f"{case['id']}: {old!r} does not occur {n} time(s) in the base"
        if nth or len(parts) == 2:
            text = old.join(parts[:n]) + new + old.join(parts[n:])
        else:
            text = text.replace(old, new)  # no nth and several occurrences: all of them
    return case.get("prepend", "") + text + case.get("append", "")


def _options(raw: dict | None) -> CheckOptions:
    raw = dict(raw or {})
    for key in ("filed", "as_of"):
        if isinstance(raw.get(key), str):
            raw[key] = dt.date.fromisoformat(raw[key])
    if "rules" in raw:
        raw["rules"] = tuple(str(Path(__file__).resolve().parents[1] / r) for r in raw["rules"])
    return CheckOptions(**raw)


def run_case(base: str, case: dict, tmp_path: Path):
    text = _apply((BASES / base).read_text(encoding="utf-8"), case)
    options = _options(case.get("options"))
    if "previous" in case:  # the persons' last filing (--previous): the base with its own edits
        prior = tmp_path / f"previous{Path(base).suffix}"
        prior.write_text(_apply((BASES / base).read_text(encoding="utf-8"), case["previous"]), encoding="utf-8")
        options.previous = load_previous(prior)
    suffix = Path(base).suffix
    if case.get("as") == "html":
        text = f"<html><body><pre>\n{html.escape(text)}\n</pre></body></html>\n"
        suffix = ".htm"
    path = tmp_path / f"case{suffix}"
    path.write_text(text, encoding="utf-8")
    return check_file(path, options)


@pytest.mark.parametrize("base,case", CASES)
def test_case(base, case, tmp_path):
    result = run_case(base, case, tmp_path)
    assert result.error is None, result.error
    found = [(f.rule_id, f.line, f.person, f.message) for f in result.findings]
    for want in case.get("expect", []):
        hits = [f for f in found if f[0] == want["code"]
                and ("line" not in want or f[1] == want["line"])
                and ("person" not in want or f[2] == want["person"])
                and want.get("message", "") in f[3]]
        assert hits, f"expected {want}, found {found}"
    for code in case.get("absent", []):
        assert code not in {f[0] for f in found}, f"{code} must not be found: {found}"


# Rules without a full-pipeline case in a real layout (each has synthetic cases in test_rules.py).
# PAR006 and WAV001/WAV002 are raised by the engine and checker/waivers.py, not matched from a
# filing's facts (tested in test_engine.py / test_waivers.py). This list may only shrink: a rule
# listed here that has both cases fails.
PENDING = {"PAR006", "WAV001", "WAV002"}


def test_every_rule_has_a_failing_and_a_passing_full_pipeline_case():
    failing = {w["code"] for _, case in (p.values for p in CASES) for w in case.get("expect", [])}
    passing = {c for _, case in (p.values for p in CASES) for c in case.get("absent", [])}
    codes = {r.code for r in load_catalogue()}
    covered = failing & passing
    assert sorted(codes - covered - PENDING) == [], "rules without a failing and a passing case"
    assert sorted(PENDING & covered) == [], "rules with cases now: remove them from PENDING"


def test_every_deadline_regime_has_a_case():
    regimes = {case.get("regime") for _, case in (p.values for p in CASES) if case.get("regime")}
    assert regimes >= {"13D-5bd", "13D/A-2bd", "13D-10d", "13D/A-promptly", "13G-45d-year", "13G-45d-quarter",
                       "13G-passive-10d", "13G-passive-5bd"}
