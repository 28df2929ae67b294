"""The cheap keyword tests in front of the label patterns must never hide a label the patterns
read (a regression once dropped 'SOLE POWER TO VOTE' rows and wrapped 'CHECK THE APPROPRIATE BOX')."""
from __future__ import annotations

import pytest

from checker.parse.labels import match_label, may_hold_label

SAMPLES = {
    "name": ["1 NAMES OF REPORTING PERSONS", "(1) Names of Reporting Persons."],
    "group": ["2 CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP", "2  CHECK THE APPROPRIATE BOX"],
    "sec": ["3 SEC USE ONLY"],
    "funds": ["4 SOURCE OF FUNDS (SEE INSTRUCTIONS)"],
    "legal": ["5 CHECK BOX IF DISCLOSURE OF LEGAL PROCEEDINGS IS REQUIRED PURSUANT TO ITEMS 2(d) or 2(e)"],
    "citizenship": ["6 CITIZENSHIP OR PLACE OF ORGANIZATION"],
    "sole_voting": ["7 SOLE VOTING POWER", "(5) SOLE POWER TO VOTE:          49,750 SHARES"],
    "shared_voting": ["8 SHARED VOTING POWER", "(6) SHARED POWER TO VOTE:  0 SHARES"],
    "sole_dispositive": ["9 SOLE DISPOSITIVE POWER", "(7) SOLE POWER TO DISPOSE:  152,350 SHARES",
                         "9 SOLE DISPOSITION POWER"],
    "shared_dispositive": ["10 SHARED DISPOSITIVE POWER", "(8) SHARED POWER TO DISPOSE: 0 SHARES"],
    "aggregate": ["11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON"],
    "excludes": ["12 CHECK IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES"],
    "percent": ["13 PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)"],
    "type": ["14 TYPE OF REPORTING PERSON (SEE INSTRUCTIONS)"],
}
CASES = [(key, text) for key, texts in SAMPLES.items() for text in texts]


@pytest.mark.parametrize("key,text", CASES)
def test_every_label_form_passes_the_prefilter_and_is_read(key, text):
    assert may_hold_label(text)
    hit = match_label(text)
    assert hit is not None and hit[0] == key


@pytest.mark.parametrize("key,text", CASES)
def test_in_any_case(key, text):
    assert match_label(text.lower())[0] == key and match_label(text.title())[0] == key


def test_prose_lines_are_skipped_cheaply():
    assert not may_hold_label("The Company was incorporated in Delaware in 1999.")


def test_old_13g_power_rows_are_read(corpus):
    """The 1995 13G form words rows 5-8 'SOLE POWER TO VOTE' ... 'SHARED POWER TO DISPOSE'."""
    from checker.pipeline import check_file
    r = check_file(corpus / "txt/orgron_1995_neozyme_sc13ga.txt")
    [p] = r.reporting_persons
    assert (p.sole_voting, p.shared_voting, p.sole_dispositive, p.shared_dispositive, p.aggregate) == \
        (49750, 0, 152350, 0, 152350)
    assert "COV002" not in {f.rule_id for f in r.findings}
