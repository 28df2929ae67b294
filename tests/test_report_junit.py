"""JUnit XML: parses, one suite per file, failures exactly at or above --fail-on."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.findings import FileResult
from checker.report import render
from report_samples import RULES, clean_result, context, sample_result, waived_entry


def junit(results, **kw) -> ET.Element:
    return ET.fromstring(render("junit", results, context(**kw)).encode("utf-8"))


def test_one_failure_per_error_finding():
    root = junit([sample_result(), clean_result()])
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["filings/sc13da-sample.txt", "filings/clean.txt"]
    failures = suites[0].findall("testcase/failure")
    assert sorted(f.get("type") for f in failures) == ["COV001", "SUM001"]
    assert suites[0].get("failures") == "2" and root.get("failures") == "2"
    # Rules with no finding pass, so the dashboard shows what was checked.
    names = [c.get("name") for c in suites[1].findall("testcase")]
    assert names == [f"{r.code} {r.name}" for r in RULES]
    assert suites[1].get("failures") == "0"
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)


def test_failures_follow_fail_on():
    root = junit([sample_result()], fail_on="warning")
    assert sorted(f.get("type") for f in root.iter("failure")) == ["COV001", "SUM001", "THR001"]
    root = junit([sample_result()], fail_on="never")
    assert list(root.iter("failure")) == []


def test_details_line_and_properties():
    suite = junit([sample_result()]).find("testsuite")
    case = next(c for c in suite.findall("testcase") if c.get("name").startswith("SUM001"))
    assert case.get("line") == "233" and case.get("classname") == "stakecheck.sums"
    text = case.find("failure").text
    assert "person: Wynnefield Partners Small Cap Value LP" in text and "evidence: 1,019,532" in text
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["sha256"] == "ab" * 32 and props["cusip"] == "53634X100"


def test_waived_is_skipped_and_unreadable_is_error():
    result = sample_result()
    entry = waived_entry(result, "SUM001")
    result = result.model_copy(update={"findings": [f for f in result.findings if f.rule_id != "SUM001"]})
    root = junit([result, FileResult(path="bad.pdf", error="a PDF, not a filing")], waived=[entry])
    skipped = list(root.iter("skipped"))
    assert len(skipped) == 1 and "J. Smith, GC" in skipped[0].get("message")
    assert root.get("skipped") == "1" and root.get("errors") == "1"
    assert next(root.iter("error")).get("message") == "a PDF, not a filing"


def test_control_characters_cannot_break_the_xml():
    from report_samples import finding
    r = FileResult(path="x.txt", findings=[finding("SUM001", "error", 1, None, "bad \x0c byte \x01")])
    assert junit([r]).find("testsuite/testcase/failure") is not None
