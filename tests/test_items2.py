"""Item 4 (13G) and Item 5 (13D) figures stated in sentences, attributed to exactly one reporting
person or not read (tests/cases/bases/13d.txt: Alpha Fund LP and Alpha Capital LLC, 1,000,000
shares and 5.5% each)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checker import sources
from checker.parse import parse_document

BASE = (Path(__file__).parent / "cases" / "bases" / "13d.txt").read_text()
_ITEMS = BASE[BASE.index("Item 4.  Purpose of Transaction."):BASE.index("Item 6.")]


def parse_13g(item4: str):
    """The two-person base as a 13G whose Item 4 is the given text."""
    text = BASE.replace("SCHEDULE 13D", "SCHEDULE 13G").replace(
        _ITEMS, "Item 4.  Ownership.\n\n" + item4 + "\n\nItem 5.  Ownership of Five Percent or Less of a Class.\n\n"
        "Not applicable.\n\n")
    return parse_document(sources.load_bytes(text.encode(), "g.txt"))


def held(f):
    return {h.person: (h.aggregate.shares if h.aggregate else None, h.percent.value if h.percent else None)
            for h in f.item_holdings}


def test_13g_item_4_one_sentence_per_person_is_read_for_each():
    f = parse_13g("(a) Amount beneficially owned: See the cover pages.\n\n"
                  "Alpha Fund LP is deemed to be the beneficial owner of 1,000,100 shares or 5.5% of the\n"
                  "18,181,818 shares believed to be outstanding. Alpha Capital LLC, its general partner,\n"
                  "may be deemed to beneficially own 1,000,000 shares, representing approximately 5.5%.")
    assert f.schedule == "13G"
    assert held(f) == {"Alpha Fund LP": (1000100, Decimal("5.5")), "Alpha Capital LLC": (1000000, Decimal("5.5"))}


def test_13g_item_4_sentence_about_the_group_is_not_read():
    f = parse_13g("The Reporting Persons beneficially own 1,000,000 shares, representing 5.5% of the class.")
    assert not [h for h in f.item_holdings if h.person]


def test_defined_terms_follow_the_full_name_and_belong_to_one_person():
    from checker.parse.defined_terms import defined_terms, persons_by_terms
    text = ('Alpha Fund LP, a Delaware limited partnership (the "Fund"), and Alpha Capital LLC '
            '(\u201cAlpha GP\u201d). Beta Advisors LLC (the "Adviser") is not a reporting person.')
    terms = defined_terms([text], ["Alpha Fund LP", "Alpha Capital LLC"])
    assert terms == {"Fund": "Alpha Fund LP", "Alpha GP": "Alpha Capital LLC"}
    assert persons_by_terms("The Fund directly holds", terms) == {"Alpha Fund LP"}
    assert persons_by_terms("a fund holds", terms) == set()  # not the term as printed
    # one term defined for two persons is no one's
    assert defined_terms(['Alpha Fund LP (the "Fund") ... Alpha Capital LLC (the "Fund")'],
                         ["Alpha Fund LP", "Alpha Capital LLC"]) == {}


def test_longer_term_wins_over_the_term_it_contains():
    from checker.parse.defined_terms import persons_by_terms
    terms = {"AP Fresco": "A", "AP Fresco GP": "B"}
    assert persons_by_terms("AP Fresco GP has", terms) == {"B"}
