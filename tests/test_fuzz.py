"""A short seeded fuzz run (bench/fuzz.py) in the suite: mutated filings never give a
traceback, an internal error, invalid JSON, a silent pass or different bytes on a rerun."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fuzz():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeded_fuzz_run_keeps_the_invariants():
    fuzz = _fuzz()
    files = sorted((ROOT / "tests" / "cases" / "bases").glob("*"))
    log = io.StringIO()
    summary = fuzz.run(mutants=32, seed=7, files=files, cli_every=0, out=log)
    assert summary["failures"] == {}, log.getvalue()
    assert set(summary["by_mutation"]) == set(fuzz.MUTATIONS)  # every mutation was exercised


def test_fuzz_detects_a_silent_pass(tmp_path):
    """The harness itself can fail: a readable file with nothing said is reported."""
    import json

    import jsonschema

    SCHEMA_FILE = ROOT / "docs" / "schema" / "stakecheck-v1.json"
    fuzz = _fuzz()
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    path = tmp_path / "clean.txt"
    path.write_bytes((ROOT / "tests" / "cases" / "bases" / "13d.txt").read_bytes())
    kind, _ = fuzz.check_in_process(path, validator)
    assert kind is None
    import checker.pipeline as pipeline
    original = pipeline.check_file
    try:
        pipeline.check_file = lambda p, o=None: pipeline.FileResult(path=str(p), sha256="0" * 64)
        assert fuzz.check_in_process(path, validator)[0] == "silent-pass"
    finally:
        pipeline.check_file = original
