"""SARIF 2.1.0 output: valid against the official schema, complete, deterministic."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.report import render
from report_samples import RULES, clean_result, context, sample_result, waived_entry

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # The published file keeps its root under definitions/Root and has no top-level
    # constraint: without this $ref every document would "validate".
    schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema)


def sarif(results, **kw):
    return json.loads(render("sarif", results, context(**kw)))


def test_valid_against_schema(validator):
    result = sample_result()
    doc = sarif([result, clean_result()], waived=[waived_entry(result, "THR001")], baselined=2)
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, errors[0].message


def test_schema_check_is_real(validator):
    doc = sarif([sample_result()])
    doc["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(doc))


def test_driver_rules_and_result_links():
    doc = sarif([sample_result()])
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "stakecheck" and driver["version"] == "0.1.0"
    assert [r["id"] for r in driver["rules"]] == sorted(r.code for r in RULES)
    sum001 = next(r for r in driver["rules"] if r["id"] == "SUM001")
    assert sum001["name"] == "aggregate-components-mismatch"
    assert sum001["shortDescription"]["text"] == "aggregate components mismatch summary."
    assert sum001["fullDescription"]["text"] == "What SUM001 checks."
    assert "Why it matters." in sum001["help"]["text"] and "Citation: 17 CFR 240.13d-101" in sum001["help"]["text"]
    assert sum001["defaultConfiguration"]["level"] == "error"
    assert next(r for r in driver["rules"] if r["id"] == "DEF001")["defaultConfiguration"]["level"] == "note"
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    levels = {res["ruleId"]: res["level"] for res in run["results"]}
    assert levels == {"SUM001": "error", "THR001": "warning", "DEF001": "note", "COV001": "error"}


def test_locations_person_and_fingerprints():
    result = sample_result()
    run = sarif([result])["runs"][0]
    res = next(r for r in run["results"] if r["ruleId"] == "SUM001")
    phys = res["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "filings/sc13da-sample.txt"
    assert phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert phys["region"] == {"startLine": 233}
    logical = res["locations"][0]["logicalLocations"][0]
    assert logical["name"] == "Wynnefield Partners Small Cap Value LP"
    assert logical["fullyQualifiedName"].endswith("::Wynnefield Partners Small Cap Value LP")
    f = next(x for x in result.findings if x.rule_id == "SUM001")
    assert res["partialFingerprints"] == {"stakecheck/v1": f.fingerprint}
    # No line, no region; no person, no logical location.
    res = next(r for r in run["results"] if r["ruleId"] == "DEF001")
    assert "region" not in res["locations"][0]["physicalLocation"]
    assert "logicalLocations" not in res["locations"][0]
    assert run["artifacts"][0]["hashes"] == {"sha-256": "ab" * 32}


def test_waived_findings_are_suppressed_not_lost():
    result = sample_result()
    entry = waived_entry(result, "THR001")
    result = result.model_copy(update={"findings": [f for f in result.findings if f.rule_id != "THR001"]})
    run = sarif([result], waived=[entry])["runs"][0]
    res = next(r for r in run["results"] if r["ruleId"] == "THR001")
    assert res["suppressions"][0]["kind"] == "external"
    assert res["suppressions"][0]["status"] == "accepted"
    assert "Counsel accepted" in res["suppressions"][0]["justification"]
    assert sum("suppressions" in r for r in run["results"]) == 1


def test_unknown_rule_gets_a_descriptor_and_unreadable_file_a_notification():
    from checker.findings import FileResult
    from report_samples import finding
    odd = FileResult(path="x.txt", findings=[finding("PAR009", "warning", 3, None, "odd")])
    bad = FileResult(path="missing.bin", error="binary file")
    run = sarif([odd, bad])["runs"][0]
    assert any(r["id"] == "PAR009" for r in run["tool"]["driver"]["rules"])
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "binary file" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_deterministic_and_absolute_paths_outside_root():
    a = render("sarif", [sample_result("/elsewhere/a b.txt")], context())
    b = render("sarif", [sample_result("/elsewhere/a b.txt")], context())
    assert a == b
    uri = json.loads(a)["runs"][0]["artifacts"][0]["location"]
    assert uri == {"uri": "file:///elsewhere/a%20b.txt"}
