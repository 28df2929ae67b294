"""The JSON document against its published schema (docs/schema/stakecheck-v1.json), and the
top-level "errors" list: a file that cannot be read is never shown as a checked file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checker.report import json_report

BASES = Path(__file__).parent / "cases" / "bases"


def stakecheck(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, cwd=cwd,
                          timeout=120)


def validate(doc: dict) -> None:
    schema = json.loads(json_report.SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)


def test_committed_schema_is_current():
    assert json_report.SCHEMA_FILE.read_text(encoding="utf-8") == json_report.schema_text(), \
        "docs/schema/stakecheck-v1.json is out of date: run python -m checker.report.json_report"


def test_schema_rejects_a_document_missing_errors():
    from checker.report import ReportContext, render
    doc = json.loads(render("json", [], ReportContext()))
    del doc["errors"]
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_check_output_validates_and_unreadable_file_is_in_errors(tmp_path):
    for base in BASES.iterdir():
        (tmp_path / base.name).write_bytes(base.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    run = stakecheck("check", "--no-config", "--format", "json", "--fail-on", "never", str(tmp_path))
    assert run.returncode == 2  # an unreadable file fails the gate
    doc = json.loads(run.stdout)
    validate(doc)
    assert [Path(f["path"]).name for f in doc["files"]] == ["13d.txt", "13d.xml", "13g.txt"]
    assert all(len(f["sha256"]) == 64 for f in doc["files"])
    assert [(Path(e["path"]).name, e["reason"].split(": ", 1)[1]) for e in doc["errors"]] == \
        [("empty.txt", "file is empty")]
    assert (doc["summary"]["files"], doc["summary"]["checked"], doc["summary"]["unreadable"]) == (4, 3, 1)


def test_non_utf8_file_name_in_a_folder_keeps_every_result(tmp_path):
    folder = os.fsencode(str(tmp_path))
    for n in range(3):
        (tmp_path / f"f{n}.txt").write_bytes((BASES / "13d.txt").read_bytes())
    with open(folder + b"/caf\xe9.txt", "wb") as fh:
        fh.write((BASES / "13d.txt").read_bytes())
    run = stakecheck("check", "--no-config", "--format", "json", "--fail-on", "never", str(tmp_path))
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout.decode("utf-8"))  # strict UTF-8: no lone surrogates
    validate(doc)
    names = sorted(Path(f["path"]).name for f in doc["files"])
    assert names == ["caf\\xe9.txt", "f0.txt", "f1.txt", "f2.txt"]
    for fmt in ("sarif", "text", "junit", "github"):
        out = stakecheck("check", "--no-config", "--format", fmt, "--fail-on", "never", str(tmp_path))
        assert out.returncode == 0, (fmt, out.stderr)
        shown = "caf%5Cxe9.txt" if fmt == "sarif" else "caf\\xe9.txt"  # SARIF: a URI, percent-encoded
        assert shown in out.stdout.decode("utf-8"), fmt


def test_non_finite_numbers_never_reach_the_json():
    from checker.findings import FileResult, PersonSummary
    from checker.report import ReportContext, render
    result = FileResult(path="x.txt", sha256="0" * 64,
                        reporting_persons=[PersonSummary(name="A", aggregate=float("inf"), percent=float("nan"))])
    text = render("json", [result], ReportContext())
    doc = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    validate(doc)
    assert doc["files"][0]["reporting_persons"][0]["aggregate"] is None


@pytest.mark.parametrize("amount", ["1e400", "1" + "0" * 400, "Infinity", "NaN", "1,000&#38;", "&undefined;"])
def test_absurd_amounts_and_entities_in_xml_are_parse_findings(tmp_path, amount):
    from test_sources_bad_input import XML_13D

    from checker.pipeline import check_file
    from checker.report import ReportContext, render
    path = tmp_path / "f.xml"
    path.write_text(XML_13D.format(enc="UTF-8", amount=amount), encoding="utf-8")
    result = check_file(path)
    assert result.error is None
    assert {f.rule_id for f in result.findings} & {"PAR004", "PAR005"}
    validate(json.loads(render("json", [result], ReportContext())))
