"""The published stakecheck/v1 JSON schema is current, and real output validates against it."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema

from checker.report.json_schema import document_schema

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "docs" / "schema" / "stakecheck-v1.json"


def test_published_schema_is_current():
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == document_schema(), \
        "run: python -m checker.report.json_schema > docs/schema/stakecheck-v1.json"


def _json(tmp_path, *paths):
    proc = subprocess.run([sys.executable, "-m", "checker.cli_main", "check", "--no-config", "--fail-on",
                           "never", "--format", "json", *paths], capture_output=True, cwd=tmp_path, timeout=300)
    return json.loads(proc.stdout)


def test_seed_and_an_unreadable_file_validate(tmp_path):
    shutil.copy(ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt", tmp_path / "seed.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    doc = _json(tmp_path, "seed.txt", "empty.txt")
    jsonschema.validate(doc, document_schema())
    assert doc["errors"] and doc["files"][0]["reporting_persons"]


def test_corpus_output_validates(corpus, tmp_path):
    for folder in ("xml", "html"):
        jsonschema.validate(_json(tmp_path, str(corpus / folder)), document_schema())


def test_a_missing_number_written_as_zero_would_fail():
    schema = document_schema()
    person = schema["$defs"]["PersonSummary"]
    assert "aggregate" in person["required"]  # present as null, never left out
    bad = {"name": "X", "aggregate": "0", "percent": None, "sole_voting": None, "shared_voting": None,
           "sole_dispositive": None, "shared_dispositive": None, "line": None, "cover_page": True}
    validator = jsonschema.Draft202012Validator({**person, "$defs": schema["$defs"]})
    assert list(validator.iter_errors(bad))
