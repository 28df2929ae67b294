"""Text and JSON reporters with waived and baselined findings (JSON: additive keys only)."""
from __future__ import annotations

import json

from checker.report import render
from report_samples import context, sample_result, waived_entry

CONTRACT_FILE_KEYS = ["path", "sha256", "format", "form_type", "amendment_no", "issuer", "cusip",
                      "event_date", "reporting_persons", "findings"]


def _waived_setup():
    result = sample_result()
    entry = waived_entry(result, "SUM001")
    result = result.model_copy(update={"findings": [f for f in result.findings if f.rule_id != "SUM001"]})
    return result, entry


def test_json_waived_is_top_level_only():
    result, entry = _waived_setup()
    doc = json.loads(render("json", [result], context(waived=[entry], baselined=2)))
    assert list(doc["files"][0]) == CONTRACT_FILE_KEYS
    assert doc["summary"] == {"files": 1, "errors": 0, "error": 1, "warning": 1, "info": 1, "waived": 1,
                              "baselined": 2}
    w = doc["waived"][0]
    assert w["path"] == "filings/sc13da-sample.txt" and w["rule_id"] == "SUM001"
    assert w["waiver"]["approved_by"] == "J. Smith, GC" and w["waiver"]["expires"] == "2099-01-01"
    assert all(f["rule_id"] != "SUM001" for f in doc["files"][0]["findings"])


def test_json_without_waivers_has_empty_list():
    doc = json.loads(render("json", [sample_result()], context()))
    assert doc["waived"] == [] and doc["summary"]["waived"] == 0


def test_text_counts_waived():
    result, entry = _waived_setup()
    out = render("text", [result], context(waived=[entry], baselined=2))
    assert "waived  SUM001 filings/sc13da-sample.txt:233" in out
    assert out.rstrip().endswith("1 error(s), 1 warning(s), 1 info, 1 waived, 2 in baseline")
