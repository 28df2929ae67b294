"""What a reviewer of the seed filing (a Schedule 13D/A, Liquidmetal, 30 Sep 2008) must be told.

Each expected finding was found by reading the filing; the code must find it without knowing
the filing (nothing in checker/ or rules/ names a Wynnefield entity or a number from it).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.pipeline import CheckOptions, check_file
from checker.report import ReportContext, render

SEED = Path(__file__).resolve().parents[1] / "examples" / "sc13da-liquidmetal-2008-09-30.txt"


@pytest.fixture(scope="module")
def result():
    return check_file(SEED, CheckOptions())


def found(result, code, person=None):
    return [f for f in result.findings if f.rule_id == code and (person is None or f.person == person)]


def test_header(result):
    assert (result.form_type, result.amendment_no) == ("SC 13D/A", 2)
    assert result.issuer == "Liquidmetal Technologies, Inc."
    assert result.cusip == "53634X100"
    assert result.event_date == "2008-09-30"


def test_all_seven_reporting_persons_with_figures_as_printed(result):
    people = {p.name: (p.aggregate, p.percent) for p in result.reporting_persons}
    assert people == {
        "Wynnefield Partners Small Cap Value LP": (1019531, 2.28),
        "Wynnefield Partners Small Cap Value LP I": (1370294, 3.06),
        "Wynnefield Capital, Inc.": (1341499, 3.00),
        "Wynnefield Capital Management, LLC": (2389825, 5.34),
        "Nelson Obus": (3731323, 8.34),
        "Joshua Landes": (3731323, 8.34),
        # named in the joint filing agreement and signatures, but its cover page is missing:
        "Wynnefield Small Cap Value Offshore Fund, Ltd.": (None, None),
    }


def test_power_rows_read_only_where_placed_with_confidence(result):
    rows = {p.name: (p.sole_voting, p.shared_voting, p.sole_dispositive, p.shared_dispositive)
            for p in result.reporting_persons}
    assert rows["Wynnefield Partners Small Cap Value LP"] == (1019531, 0, 1019531, 0)
    assert rows["Nelson Obus"] == (0, 3731323, 0, 3731323)  # grid: labels 7-10, then 4 values
    assert rows["Joshua Landes"] == (None, None, None, None)  # 2 values for 4 rows
    assert rows["Wynnefield Capital, Inc."] == (1341499, None, None, None)  # misaligned grid


def test_offshore_fund_has_no_cover_page(result):
    [f] = found(result, "COV001")
    assert f.person == "Wynnefield Small Cap Value Offshore Fund, Ltd." and f.severity == "error"
    assert "joint filing agreement" in f.message and "signature" in f.message


def test_cover_fragment_is_reported_not_attributed(result):
    [f] = found(result, "PAR002")
    assert f.line == 139 and "13, 14" in f.message


def test_unplaceable_power_rows(result):
    lines = sorted((f.person, f.line) for f in found(result, "PAR003"))
    assert lines == [("Joshua Landes", 290), ("Wynnefield Capital Management, LLC", 216),
                     ("Wynnefield Capital, Inc.", 171)]


def test_collective_amount_off_by_one(result):
    hits = found(result, "SUM004")
    assert {f.person for f in hits} == {"Nelson Obus", "Joshua Landes"}
    for f in hits:
        assert "3,731,323" in f.message and "3,731,324" in f.message
        assert "(ii) 1,547,377 stated, 1,547,378" in f.message and f.severity == "error"


def test_manager_collective_amount_and_components_agree(result):
    assert not found(result, "SUM004", "Wynnefield Capital Management, LLC")
    assert not found(result, "SUM001")  # every (i)+(ii)+(iii) breakdown adds up


def test_percent_denominator_leaves_out_rights_to_acquire(result):
    [f] = found(result, "THR007")
    assert "44,7" in f.message and f.severity == "warning"
    assert not found(result, "THR001")  # the percents agree with each other
    assert not found(result, "THR006")  # 2.28 + 3.06 = 5.34; 2.28 + 3.06 + 3.00 = 8.34


def test_above_five_percent(result):
    assert {f.person for f in found(result, "THR003")} == {
        "Wynnefield Capital Management, LLC", "Nelson Obus", "Joshua Landes"}
    assert not found(result, "THR004") and not found(result, "THR002")


def test_source_of_funds_na(result):
    assert len(found(result, "COV005")) == 4


def test_group_boxes_differ(result):
    [f] = found(result, "CON001")
    assert "(b): Nelson Obus, Joshua Landes" in f.message


def test_default_triggers(result):
    [notice] = found(result, "DEF001")
    assert "2008-09-29" in notice.message
    [cure] = found(result, "DEF002")
    assert "ends on 2008-10-14" in cure.message  # ten business days; Columbus Day skipped
    premature = found(result, "DEF003")
    assert {f.line for f in premature} == {324, 326}
    assert all("2008-10-14" in f.message for f in premature)
    [units] = found(result, "DEF004")
    assert "2007-01-08" in units.message and "2007-01-10" in units.message
    [stated] = found(result, "DEF005")
    assert "ends on 2007-01-08" in stated.message
    assert "12.00%" in found(result, "DEF006")[0].message
    assert found(result, "DEF007")
    [event] = found(result, "DEF008")
    assert "2008-09-30" in event.message and "2008-09-29" in event.message


def test_notice_signed_for_the_funds_by_another_entity(result):
    """The statement signs for both LPs through their general partner, Wynnefield Capital
    Management, LLC; the notice of default (the letter after the signatures) signs for them
    through Wynnefield Capital, Inc. The offshore fund signs through Capital, Inc. in both."""
    hits = found(result, "CON007")
    assert {f.person for f in hits} == {"Wynnefield Partners Small Cap Value LP",
                                        "Wynnefield Partners Small Cap Value LP I"}
    for f in hits:
        assert f.line == 433 and "Wynnefield Capital, Inc." in f.message
        assert "Wynnefield Capital Management, LLC" in f.message


def test_identifiers_clean(result):
    assert not [f for f in result.findings if f.category == "identifiers"]


def test_exact_finding_set(result):
    """No finding the filing does not deserve: the full list, by code and count."""
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.rule_id] = counts.get(f.rule_id, 0) + 1
    assert counts == {"CON001": 1, "CON007": 2, "COV001": 1, "COV005": 4, "DEF001": 1, "DEF002": 1, "DEF003": 2,
                      "DEF004": 1, "DEF005": 1, "DEF006": 1, "DEF007": 1, "DEF008": 1, "PAR002": 1,
                      "PAR003": 3, "SUM004": 2, "THR003": 3, "THR007": 1}


def test_json_is_byte_identical_across_runs():
    first = render("json", [check_file(SEED)], ReportContext())
    second = render("json", [check_file(SEED)], ReportContext())
    assert first == second
    doc = json.loads(first)
    assert doc["schema"] == "stakecheck/v1"
    summary = doc["summary"]
    assert (summary["files"], summary["error"], summary["warning"], summary["info"]) == (1, 3, 17, 7)
    assert doc["files"][0]["reporting_persons"][6]["aggregate"] is None
