"""End to end on the seed filing: the real parser, facts and engine behind every CI option."""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from report_samples import invoke

SEED = Path(__file__).resolve().parent.parent / "examples" / "sc13da-liquidmetal-2008-09-30.txt"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"


@pytest.fixture
def seed(tmp_path, monkeypatch):
    """The seed copied into a scratch checkout, so config discovery sees only what a test writes."""
    (tmp_path / "filings").mkdir()
    target = tmp_path / "filings" / SEED.name
    shutil.copy(SEED, target)
    monkeypatch.chdir(tmp_path)
    return Path("filings") / SEED.name


def run(monkeypatch, capsys, *args):
    return invoke(monkeypatch, capsys, *args)


def codes(doc: dict) -> list[str]:
    return [f["rule_id"] for f in doc["files"][0]["findings"]]


def test_default_gate_and_fail_on(seed, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["summary"]["error"] >= 1
    assert {"SUM004", "COV001"} <= set(codes(doc))
    assert run(monkeypatch, capsys, "check", seed, "--fail-on", "never")[0] == 0
    # Only info findings left: fails at info, passes at warning.
    only_info = ["--select", "THR003,DEF001"]
    assert run(monkeypatch, capsys, "check", seed, "--fail-on", "info", *only_info)[0] == 1
    assert run(monkeypatch, capsys, "check", seed, "--fail-on", "warning", *only_info)[0] == 0


def test_select_and_ignore_by_code_and_prefix(seed, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "json", "--select", "THR")
    found = set(codes(json.loads(out)))
    assert found and all(c.startswith("THR") for c in found) and code == 0  # THR: warnings and info
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "json", "--ignore", "SUM,COV001")
    found = set(codes(json.loads(out)))
    assert not any(c.startswith("SUM") or c == "COV001" for c in found) and "COV005" in found
    assert code == 0  # the seed's errors are SUM004 and COV001 only


def test_config_file_severity_and_house_threshold(seed, monkeypatch, capsys):
    Path("stakecheck.toml").write_text('early_warning = 2.0\n[severity]\nSUM004 = "warning"\nCOV001 = "info"\n')
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["summary"]["error"] == 0
    thr008 = [f for f in doc["files"][0]["findings"] if f["rule_id"] == "THR008"]
    assert {f["person"] for f in thr008} >= {"Wynnefield Partners Small Cap Value LP"}
    assert run(monkeypatch, capsys, "check", seed, "--fail-on", "warning")[0] == 1


def test_waivers_on_the_seed(seed, monkeypatch, capsys):
    Path("waivers.toml").write_text("""
[[waiver]]
rule = "SUM004"
path = "filings/*.txt"
justification = "The one-share difference is the issuer's rounding of the Offshore Fund's notes."
approved_by = "J. Smith (GC)"
expires = 2099-12-31

[[waiver]]
rule = "COV001"
cusip = "53634X100"
justification = "The Offshore Fund's cover page is in the paper original."
approved_by = "J. Smith (GC)"
expires = 2099-12-31

[[waiver]]
rule = "THR002"
path = "filings/*.txt"
justification = "stale"
approved_by = "someone"
expires = 2099-12-31
""")
    code, out, err = run(monkeypatch, capsys, "check", seed, "--waivers", "waivers.toml", "--format", "json")
    doc = json.loads(out)
    assert code == 0, err
    assert sorted({w["rule_id"] for w in doc["waived"]}) == ["COV001", "SUM004"]
    assert doc["summary"]["waived"] == len(doc["waived"]) >= 3
    assert doc["files"][1]["path"] == "waivers.toml"
    assert [f["rule_id"] for f in doc["files"][1]["findings"]] == ["WAV002"]
    assert doc["files"][1]["findings"][0]["line"] == 16


def test_baseline_on_the_seed(seed, monkeypatch, capsys):
    code, _, _ = run(monkeypatch, capsys, "check", seed, "--write-baseline", "baseline.json")
    assert code == 0
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--baseline", "baseline.json", "--fail-on", "info")
    assert code == 0 and "in baseline" in out


def test_ci_formats_on_the_seed(seed, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "sarif")
    doc = json.loads(out)
    assert code == 1
    results = doc["runs"][0]["results"]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "filings/" + SEED.name
               for r in results)
    if SARIF_SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        schema = {**json.loads(SARIF_SCHEMA.read_text()), "$ref": "#/definitions/Root"}
        jsonschema.validate(doc, schema)
    errors = sum(r["level"] == "error" for r in results)
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "github")
    assert out.count("::error ") == errors
    code, out, _ = run(monkeypatch, capsys, "check", seed, "--format", "junit")
    assert int(ET.fromstring(out).get("failures")) == errors


def test_report_command_on_the_seed(seed, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "report", seed, "--format", "markdown")
    assert code == 0
    assert "| Wynnefield Partners Small Cap Value LP | 1,019,531 | 2.28% |" in out
    code, _, _ = run(monkeypatch, capsys, "report", seed, "--output", "audit.html")
    assert code == 0 and Path("audit.html").read_text().startswith("<!DOCTYPE html>")
