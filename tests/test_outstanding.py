"""The outstanding count a filing states, read from real filings, and THR014 staying quiet where
the filing's own figures explain its percent."""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker import sources
from checker.parse import parse_document
from checker.pipeline import check_file

STATED = {
    "xml/edgartools_avis_pentwater_13ga.xml": 35_324_685,  # 13G Item 4 (XML)
    "txt/orgron_2024_landsea_homes_schedule13d_fullsub.txt": 36_282_883,  # 13D Item 5, submission
    "html/orgron_2019_virgin_galactic_sc13d.htm": 195_587_552,  # HTML
    "txt/orgron_1994_airborne_freight_sc13da.txt": 19_256_251,  # 1994 text
}


@pytest.mark.parametrize("rel", sorted(STATED))
def test_outstanding_count_is_read(corpus, rel):
    filing = parse_document(sources.load(corpus / rel))
    assert STATED[rel] in [c.shares for c in filing.outstanding]


def test_add_back_of_warrants_is_not_an_error(corpus):
    """ATI: 379,833 shares are 8.64% of 4,395,617 but the filing adds 59,333 warrant shares to the
    denominator (Rule 13d-3(d)(1)(i)) and prints 8.5%: consistent, so no THR014."""
    result = check_file(corpus / "txt/orgron_2024_ati_physical_therapy_sc13d.txt")
    assert "THR014" not in {f.rule_id for f in result.findings}
    assert {p.percent for p in result.reporting_persons} == {8.5}


# Counts stated without 'based on' (synthetic sentences in an Item 5, each with a percent in view).
PLAIN_PHRASINGS = [
    ("As of October 31, 2007 there were 20,563,426 shares of Common Stock outstanding. The Fund owns 5.1%.", 20_563_426),
    ("The Company has 100,000,000 shares authorized, of which 57,214,587 shares were issued and outstanding; "
     "the Fund holds 6.2%.", 57_214_587),
    ("The percentages are calculated based on an aggregate total of 106,130,396 issued and outstanding.", 106_130_396),
    ("This percentage is determined by dividing 1,337,185 by 17,990,904, the number of shares of Common Stock "
     "issued and outstanding.", 17_990_904),
    ("The number of shares outstanding after the offering is 12,300,000, so the Fund owns 9.1%.", 12_300_000),
    ("The percent is a fraction whose denominator is 71,489,709 shares.", 71_489_709),
    ("Based upon 34,723,185 issued and outstanding shares of Common Stock (25.4%).", 34_723_185),
    ("based upon 15,134,200.00 shares outstanding as of February 9, 2004", 15_134_200),  # cents: whole
]


def _item5(sentence: str):
    from checker.model import Filing, Item
    from checker.parse.outstanding import read_outstanding
    f = Filing(path="x.txt", items=[Item(number="5", text=sentence, line=10)])
    read_outstanding(f)
    return [c.shares for c in f.outstanding]


@pytest.mark.parametrize("sentence, count", PLAIN_PHRASINGS)
def test_outstanding_count_in_other_phrasings(sentence, count):
    assert count in _item5(sentence)


@pytest.mark.parametrize("sentence", [
    "Cayman owns 520,067 shares of Common Stock, or 4.0% of the outstanding shares.",  # a holding
    "The denominator is the sum of (i) 57,834,779 shares of Common Stock outstanding and (ii) 13,654,930 "
    "shares issuable on conversion; 3.3%.",  # one part of a sum
    "Upon the merger, (i) holders of the 5,935,000 issued and outstanding units of the other partnership "
    "received $2.40 per unit, (ii) the 99% interest was cancelled.",  # another entity's units, a list
    "The Issuer had 8,774,324 shares outstanding at the time of the merger.",  # no percent in view
    "The percentages are based upon 15,134,200.5 shares outstanding.",  # a fraction: never its whole part
])
def test_counts_that_are_not_the_class_count(sentence):
    assert _item5(sentence) in ([], [13_654_930])


# What the text says the persons may acquire bounds THR014's add-back: the share figures stated
# for the rights, where every mention states one; a count of warrants, or one mention without a
# figure, bounds nothing.
@pytest.mark.parametrize("texts, bound", [
    (["Sponsor holds 59,333 shares of Common Stock issuable upon the exercise of 59,333 Warrants."], 59333),
    (["The Fund holds warrants to purchase up to 1,500,000 shares of Common Stock."], 1500000),
    (["options to acquire an additional 166,000 common shares", "warrants to acquire an additional 200,000 common shares"], 366000),
    (["(1) Includes 436,121 shares issuable upon conversion of Convertible Notes.",
      "Item 5: 436,121 shares of Common Stock issuable upon conversion of Convertible Notes."], 436121),
    (["The Fund holds 20,000 warrants."], None),
    (["The Fund holds 20,000 shares of Common Stock and warrants."], None),
    (["The Fund holds warrants to purchase 20,000 shares. The Manager holds convertible notes."], None),
    (["Nothing is said of any right."], None),
    (["options to acquire an additional 166,000.00 common shares"], 166000),  # cents: a whole count
    (["warrants to purchase up to 1,500.25 units of the Partnership"], None),  # units: no shares figure
    (["The Fund holds warrants to purchase 1,500.25 shares of Common Stock."], Decimal("1500.25")),
])
def test_rights_figure(texts, bound):
    from checker.parse.outstanding import rights_figure
    assert rights_figure(texts) == bound


def test_comma_decimal_percent():
    from decimal import Decimal
    from checker.parse.values import parse_comma_percent, parse_percent_candidates
    assert parse_comma_percent("19,7395** **The percentages used herein are calculated") == (Decimal("19.7395"), 4, "19,7395")
    assert parse_comma_percent("5,5 %")[0] == Decimal("5.5")
    assert parse_comma_percent("12,500") is None  # may be a thousands separator
    assert parse_comma_percent("12,34 shares") is None  # not closed as a percent, not alone
    assert parse_comma_percent("100,5") is None  # no percent of a class
    assert parse_percent_candidates("19,7%") == []  # not 7%


def test_fractional_rights_in_an_item_breakdown_are_no_internal_error():
    # the breakdown's rights part enters the percent arithmetic (floats) as share_sum makes it
    from pathlib import Path

    from checker.api import check_bytes
    base = (Path(__file__).parent / "cases" / "bases" / "13d.txt").read_text()
    five = "(a) The percentages are based on 18,181,818 shares of Common Stock outstanding as of\nFebruary 28, 2025."
    text = base.replace(five, five + " Alpha Fund LP beneficially owns 1,000,000 shares, consisting of "
                        "999,999.5 shares held directly and 0.5 shares issuable upon exercise of warrants.")
    result = check_bytes(text.encode(), "a.txt")
    assert result.error is None and len(result.reporting_persons) == 2
