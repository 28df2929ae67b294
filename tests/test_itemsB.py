"""13D Item 5 for the Reporting Persons together in the cover rows' words (XML, as EDGAR's
free-text Item 5 prints it), CON021 on its powers, and CON022's parts (parse/item_parts.py).
XML base: tests/cases/bases/13d.xml (one person, PICTET ASSET MANAGEMENT SA) given a second
person, the parent, with shared powers and a fractional (DECIMAL_TYPE14_2) holding."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from checker import sources
from checker.parse import parse_document
from checker.pipeline import CheckOptions, check_filing
from tests.test_items2 import BASE

XML = (Path(__file__).parent / "cases" / "bases" / "13d.xml").read_text()
_BLOCK = re.search(r"<reportingPersonInfo>.*?</reportingPersonInfo>", XML, re.S).group(0)
_PARENT = (_BLOCK.replace("PICTET ASSET MANAGEMENT SA", "PICTET GROUP HOLDING SA")
           .replace("<reportingPersonCIK>0001361570</reportingPersonCIK>", "<reportingPersonCIK>0001361571</reportingPersonCIK>")
           .replace("<soleVotingPower>5274370.00</soleVotingPower>", "<soleVotingPower>0.00</soleVotingPower>")
           .replace("<sharedVotingPower>0.00</sharedVotingPower>", "<sharedVotingPower>6000000.50</sharedVotingPower>")
           .replace("<soleDispositivePower>5288262.00</soleDispositivePower>", "<soleDispositivePower>0.00</soleDispositivePower>")
           .replace("<sharedDispositivePower>0.00</sharedDispositivePower>", "<sharedDispositivePower>6000000.50</sharedDispositivePower>")
           .replace("<aggregateAmountOwned>5288262.00</aggregateAmountOwned>", "<aggregateAmountOwned>6000000.50</aggregateAmountOwned>")
           .replace("<percentOfClass>5.0</percentOfClass>", "<percentOfClass>5.7</percentOfClass>"))


def _xml(shared_voting: str, intro: str = "The aggregate beneficial ownership of the Common Stock held by the "
                                          "Reporting Persons is as follows:"):
    item5 = (f"{intro}\n\nSole Voting Power           5,274,370\nShared Voting Power         {shared_voting}\n"
             "Sole Dispositive Power      5,288,262\nShared Dispositive Power    6,000,000.5\n")
    text = XML.replace(_BLOCK, _BLOCK + "\n      " + _PARENT)
    text = re.sub(r"<percentageOfClassSecurities>.*?</percentageOfClassSecurities>",
                  f"<percentageOfClassSecurities>{item5}</percentageOfClassSecurities>", text, flags=re.S)
    return parse_document(sources.load_bytes(text.encode(), "d.xml"))


def _codes(f, code):
    return [(x.person, x.message) for x in check_filing(f, CheckOptions()).findings if x.rule_id == code]


def test_xml_group_powers_are_read_once_for_no_person():
    f = _xml("6,000,000.5")
    group = [h for h in f.item_holdings if h.person is None and h.shared_voting is not None]
    assert len(group) == 1
    assert group[0].shared_voting.shares == Decimal("6000000.5")
    assert group[0].sole_voting.shares == 5274370
    assert _codes(f, "CON021") == []


def test_xml_group_power_that_is_no_row_nor_a_sum_is_flagged_under_the_closest():
    found = _codes(_xml("6,000,700.5"), "CON021")
    assert [p for p, _ in found] == ["PICTET GROUP HOLDING SA"]
    assert "6,000,700.5 as the shared voting power" in found[0][1] and "row 8" in found[0][1]


def test_xml_group_powers_of_some_of_the_persons_are_not_read():
    f = _xml("6,000,700.5", "The aggregate beneficial ownership of the Common Stock held by the Reporting Persons "
                            "other than Pictet Group Holding SA is as follows:")
    assert not [h for h in f.item_holdings if h.person is None and h.shared_voting is not None]
    assert _codes(f, "CON021") == []


def _13d(item5: str):
    text = BASE.replace("Each reporting person may be deemed to own 1,000,000 shares (5.5%).", item5)
    return parse_document(sources.load_bytes(text.encode(), "d.txt"))


def _parts(f):
    return {h.person: h.aggregate.shares for h in f.item_parts}


def test_parts_are_read_for_the_clauses_subject_only():
    f = _13d("Alpha Fund LP directly owns 600,000 shares of Common Stock, and Alpha Capital LLC holds of record "
             "200,000 shares of Common Stock.")
    assert _parts(f) == {"Alpha Fund LP": 600000, "Alpha Capital LLC": 200000}
    f = _13d("Shares held by Alpha Fund LP are voted by Alpha Capital LLC, which has sole voting power over 300,000 shares.")
    assert _parts(f) == {}


def test_parts_of_another_time_or_security_are_not_read():
    for text in ("Following the sale, Alpha Fund LP directly owns 600,000 shares of Common Stock.",
                 "Alpha Fund LP would directly own 600,000 shares of Common Stock.",
                 "Alpha Fund LP directly owns 600,000 shares of Series A Preferred Stock.",
                 "Alpha Fund LP directly owns 600,000 shares and 10,000 warrants.",
                 "Alpha Fund LP does not have sole voting power over 600,000 shares."):
        assert _parts(_13d(text)) == {}, text
