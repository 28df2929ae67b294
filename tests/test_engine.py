"""The engine wrapper: many filings, clean and faulty, in one process, without a crash and with
the same findings as one at a time (durable-rules crashes here without its three work-arounds)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine import Engine, EngineError, compile_rule, get_engine
from checker.pipeline import CheckOptions, check_file, check_filing
from checker.rulebook import load_catalogue
from test_rules import CASES, run

SEED = Path(__file__).resolve().parents[1] / "examples" / "sc13da-liquidmetal-2008-09-30.txt"


def _signature(result):
    return [(f.rule_id, f.person, f.line, f.message) for f in result.findings]


def test_three_hundred_filings_in_one_process_match_one_at_a_time():
    cases = [case for code in sorted(CASES) for case in CASES[code]]
    alone = {i: _signature(run(c)) for i, c in enumerate(cases)}
    batch = [(i % len(cases), run(cases[i % len(cases)])) for i in range(320)]
    for i, result in batch:
        assert _signature(result) == alone[i]
    seed_sig = _signature(check_file(SEED))
    for _ in range(20):
        assert _signature(check_file(SEED)) == seed_sig


def test_seed_in_a_fresh_process_matches_in_process():
    code = ("import json; from checker.pipeline import check_file; "
            f"r = check_file({str(SEED)!r}); print(json.dumps([[f.rule_id, f.person, f.line, f.message] "
            "for f in r.findings]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert [tuple(x) for x in json.loads(out.stdout)] == _signature(check_file(SEED))


def test_join_patterns_get_the_padding_condition():
    rule = next(r for r in load_catalogue() if r.code == "DEF003")
    compiled = compile_rule(rule)
    assert compiled["all"][1]["c"]["$and"][-1] == {"fid": {"a": "fid"}}


def test_pattern_without_type_test_is_refused():
    rule = load_catalogue()[0].model_copy(update={"when": {"m": {"kind": "x"}}})
    with pytest.raises(ValueError, match="fact type"):
        compile_rule(rule)


def test_a_rule_failing_on_one_filing_is_that_rules_error_and_the_others_stay():
    """A message that cannot be built on a filing (a field the fact lacks) gives a PAR006 finding
    naming the rule; the other rules' findings of the same file are kept."""
    catalogue = {r.code: r for r in load_catalogue()}
    broken = catalogue["THR003"].model_copy(update={"message": "{m.no_such_field}"})
    engine = Engine((broken, catalogue["THR004"], catalogue["PAR006"]))
    findings = engine.run([{"t": "person", "pct": 12.0, "pct_s": "12.0%", "person": "X", "line": 5}])
    assert [(f.rule_id, f.person, f.line) for f in findings] == [("PAR006", "X", 5), ("THR004", "X", 5)]
    assert "rule THR003 could not be applied" in findings[0].message
    assert findings[0].severity == "error" and findings[0].category == "parse"


def test_an_error_inside_an_action_is_raised_not_swallowed():
    class Failing(Engine):
        def _collector(self, code):
            def action(c):
                raise RuntimeError("boom in " + code)
            return action
    engine = Failing(tuple(r for r in load_catalogue() if r.code == "THR003"))
    with pytest.raises(EngineError, match="boom in THR003"):
        engine.run([{"t": "person", "pct": 7.0, "pct_s": "7%", "person": "X"}])
    assert engine.run([{"t": "person", "pct": 1.0, "pct_s": "1%", "person": "X"}]) == []


def test_a_keyboard_interrupt_in_an_action_is_not_turned_into_a_rule_error():
    class Interrupted(Engine):
        def _collector(self, code):
            def action(c):
                raise KeyboardInterrupt
            return action
    engine = Interrupted(tuple(r for r in load_catalogue() if r.code == "THR003"))
    with pytest.raises(KeyboardInterrupt):
        engine.run([{"t": "person", "pct": 7.0, "pct_s": "7%", "person": "X"}])
    assert engine.run([{"t": "person", "pct": 1.0, "pct_s": "1%", "person": "X"}]) == []


def test_clean_filing_session_is_deleted():
    engine = get_engine()
    # A clean filing fires no rule: without the end-marker work-around its session deletion
    # would crash the process (notes §3.1 bug A); it must give no finding, twice in a row.
    assert engine.run([{"t": "nothing_matches"}]) == []
    assert engine.run([]) == []  # an empty filing: only the end marker fires


def test_findings_are_sorted_and_unique():
    result = check_filing(CASES["SUM004"][0](), CheckOptions())
    keys = [f.sort_key() for f in result.findings]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_json_is_identical_under_another_hash_seed():
    """Set and dict ordering must not leak into the output."""
    def run_with(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-m", "checker.cli_main", "check", "--format", "json",
                               "--fail-on", "never", str(SEED)], capture_output=True, text=True, env=env,
                              cwd=Path(__file__).resolve().parents[1], check=True).stdout
    assert run_with("1") == run_with("4242")
