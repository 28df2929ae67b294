"""A CUSIP run together with a page marker, the form name or a footnote is read as the CUSIP;
one that is really malformed is kept as printed, for the identifier rules to report."""
from __future__ import annotations

import pytest

from checker import sources
from checker.parse import parse_document
from checker.parse import values as V
from test_parse_numbers import cover_13d, run


def parse(text: str):
    return parse_document(sources.load_bytes(text.encode(), "c.txt"))


@pytest.mark.parametrize("printed, cusip", [
    ("037833100Page 2 of 5", "037833100"), ("037833100 13G", "037833100"), ("037833100(1)", "037833100"),
    ("0378331001", "037833100"), ("037833 10 0", "037833100"), ("037833-10-0", "037833100"),
    ("037833100", "037833100"),
    # near misses: not a CUSIP with something glued on, so kept for IDN001/IDN002 to judge
    ("25247010", "25247010"), ("0378331051", "0378331051"), ("03783310X7Z", "03783310X7Z"),
])
def test_read_cusip(printed, cusip):
    assert V.read_cusip(printed) == cusip


def test_cover_page_cusip_glued_to_the_form_name_is_no_finding():
    text = cover_13d("Alpha Fund LP").replace("Cusip No. 037833100", "Cusip No. 037833100SCHEDULE 13D   Page 2")
    assert [p.cusip.value for p in parse(text).cover_pages] == ["037833100"]
    result = run(text)
    assert not [f for f in result.findings if f.category == "identifiers"]


def test_cover_page_cusip_with_a_wrong_digit_is_still_reported():
    text = cover_13d("Alpha Fund LP").replace("Cusip No. 037833100", "Cusip No. 037833109SCHEDULE 13D   Page 2")
    assert [p.cusip.value for p in parse(text).cover_pages] == ["037833109"]
    result = run(text)
    assert [f.rule_id for f in result.findings if f.category == "identifiers"] == ["IDN002", "IDN003"]
