"""13G Item 4 and 13D Item 5(a) figures read into Filing.item_holdings (for a rule to compare
with the cover pages): only where the text states a figure right after its label, never a guess
where a label repeats (one block per person) or where other numbers come between."""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker import sources
from checker.parse import parse_document
from test_parse_numbers import cover_13d

ITEM4 = """
Item 4. Ownership.

     (a) Amount beneficially owned:
              650,102 shares
     (b) Percent of Class:
              10.0%
     (c) Number of shares as to which such person has:
          (i) sole power to vote or to direct the vote:
              650,102 shares
          (ii)  shared power to vote or to direct the vote:
                    _________
          (iii)  sole power to dispose or to direct the disposition of:
                    650,100 shares
          (iv)  shared power to dispose or to direct the disposition of:   -0-

Item 5. Ownership of Five Percent or Less of a Class.  Not applicable.
"""


def parse(text: str):
    return parse_document(sources.load_bytes(text.encode(), "s.txt"))


def figures(h):
    return {k: (getattr(h, k).value if k == "percent" else getattr(h, k).shares)
            for k in ("aggregate", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive")
            if getattr(h, k) is not None}


def test_13g_item_4_figures_are_read_with_their_person():
    f = parse(cover_13d("Example College", "650,102", "650,102", "10.0%", schedule="13G", extra=ITEM4))
    [h] = f.item_holdings
    assert (h.item, h.person) == ("4", "Example College")
    # the blank line to fill in (shared voting) is not stated: absent, not 0
    assert figures(h) == {"aggregate": 650102, "percent": Decimal("10.0"), "sole_voting": 650102,
                          "sole_dispositive": 650100, "shared_dispositive": 0}


@pytest.mark.parametrize("printed", [".54%", "0.54%"])
def test_a_percent_printed_without_its_leading_zero_keeps_its_point(printed):
    # 'Percent of Class:' / '.54%' is 0.54, not 54 (the label's colon and spacing end before the point)
    item = ITEM4.replace("              10.0%", "              " + printed)
    f = parse(cover_13d("Example College", "650,102", "650,102", "0.54%", schedule="13G", extra=item))
    [h] = f.item_holdings
    assert h.percent.value == Decimal("0.54")


def test_powers_numbered_1_to_4_read_as_the_romans_do():
    numbered = ITEM4
    for roman, number in (("(iii)", "(3)"), ("(ii)", "(2)"), ("(iv)", "(4)"), ("(i)", "(1)")):
        numbered = numbered.replace(roman, number)
    assert "(3)" in numbered
    f = parse(cover_13d("Example College", "650,102", "650,102", "10.0%", schedule="13G", extra=numbered))
    [h] = f.item_holdings
    assert figures(h) == {"aggregate": 650102, "percent": Decimal("10.0"), "sole_voting": 650102,
                          "sole_dispositive": 650100, "shared_dispositive": 0}


def test_numbered_power_labels_over_a_pointer_to_the_cover_pages_state_nothing():
    # '(1) Sole power to vote ...:' / '(2) Shared power ...:' ... 'See pages 2 and 3': the next
    # label's number is no figure of the one before
    item = ("\nItem 4. Ownership.\n  (a) Amount beneficially owned:\n  (b) Percent of class:\n"
            "  (c) Number of shares as to which the person has:\n  (1) Sole power to vote or to direct the vote:\n"
            "  (2) Shared power to vote or to direct the vote:\n  (3) Sole power to dispose or to direct the disposition of:\n"
            "  (4) Shared power to dispose or to direct the disposition of:\n\n  See pages 2 and 3\n\n"
            "Item 5. Ownership of Five Percent or Less of a Class.  Not applicable.\n")
    f = parse(cover_13d("Example College", "650,102", "650,102", "10.0%", schedule="13G", extra=item))
    assert [figures(h) for h in f.item_holdings] in ([], [{}])


def test_item_4_that_points_to_the_cover_pages_states_nothing():
    text = "\nItem 4. Ownership.\n  See Items 5-9 and 11 of the cover page.\n  (a) Amount beneficially owned: See Item 9\n"
    assert parse(cover_13d("Example College", schedule="13G", extra=text)).item_holdings == []


def test_a_label_printed_once_per_person_is_not_read():
    twice = ITEM4.replace("Item 5. Ownership", "(a) Amount beneficially owned: 12 shares\nItem 5. Ownership")
    [h] = parse(cover_13d("Example College", schedule="13G", extra=twice)).item_holdings
    assert "aggregate" not in figures(h) and figures(h)["sole_voting"] == 650102


def test_13d_item_5_sentence_with_amount_and_percent():
    text = ("\nItem 5. Interest in Securities of the Issuer.\n(a) As of the date hereof, the Reporting Person "
            "beneficially owns 1,196,320 shares of Common Stock, representing approximately 18.1% of the "
            "outstanding shares.\n")
    [h] = parse(cover_13d("Peter Example", extra=text)).item_holdings
    assert (h.item, h.person, figures(h)) == ("5", "Peter Example", {"aggregate": 1196320, "percent": Decimal("18.1")})


def test_13d_item_5_with_other_securities_between_is_not_read():
    text = ("\nItem 5. Interest in Securities of the Issuer.\n(a) The Reporting Person is deemed to beneficially "
            "own a total of 2,398,434 shares of Common Stock and 1,666,667 Warrants or 27.8% of the shares.\n")
    assert parse(cover_13d("Peter Example", extra=text)).item_holdings == []


ITEM5 = "\nItem 5. Interest in Securities of the Issuer.\n(a) {}\n"


def test_13d_item_5_owns_with_constitutes():
    text = ITEM5.format("The Reporting Person may be deemed to be the beneficial owner of 3,945,000 shares of "
                        "Common Stock, which constitutes approximately 13.0% of the outstanding shares.")
    [h] = parse(cover_13d("Peter Example", extra=text)).item_holdings
    assert figures(h) == {"aggregate": 3945000, "percent": Decimal("13.0")}


def test_13d_item_5_owns_by_another_entity_is_not_the_persons_figure():
    text = ITEM5.format("Cayman Fund owns 520,067 shares of Common Stock, or 4.0% of the outstanding shares.")
    assert parse(cover_13d("Peter Example", extra=text)).item_holdings == []


def test_13d_item_5_percent_only():
    text = ITEM5.format("The 1,477,570 shares of Common Stock beneficially owned by the Reporting Person "
                        "constitute 15.3% of the Issuer's outstanding Common Stock.")
    [h] = parse(cover_13d("Peter Example", extra=text)).item_holdings
    assert figures(h) == {"percent": Decimal("15.3")}


def test_13d_item_5_two_different_percents_are_not_read():
    text = ITEM5.format("The shares constitute 15.3% of the outstanding Common Stock; the Preferred represents "
                        "40.0% of the outstanding Preferred.")
    assert parse(cover_13d("Peter Example", extra=text)).item_holdings == []


def test_item_heading_printed_apart_from_its_text():
    text = ("\nItem 5.\n\nItem 5. Interest in Securities of the Issuer.\n(a) The Reporting Person beneficially "
            "owns 1,196,320 shares of Common Stock, representing approximately 18.1% of the outstanding shares.\n")
    [h] = parse(cover_13d("Peter Example", extra=text)).item_holdings
    assert figures(h)["aggregate"] == 1196320


def test_13g_label_with_a_date_note_before_the_value():
    text = ITEM4.replace("(a) Amount beneficially owned:", "(a) Amount beneficially owned (as of January 27, 2005):")
    [h] = parse(cover_13d("Example College", schedule="13G", extra=text)).item_holdings
    assert figures(h)["aggregate"] == 650102


def test_13g_label_followed_by_words_that_own_one_count():
    text = ITEM4.replace("(a) Amount beneficially owned:\n              650,102 shares",
                         "(a) Amount beneficially owned: The College, as trustee, may be deemed to\n"
                         "beneficially own 650,102 shares held of record by its funds.")
    [h] = parse(cover_13d("Example College", schedule="13G", extra=text)).item_holdings
    assert figures(h)["aggregate"] == 650102


def test_13g_item_4_in_a_sentence_without_labels():
    text = ("\nItem 4. Ownership.\nAs of December 31, the reporting person held 8,603,801 ordinary shares, or "
            "8.547%, based on 100,670,199 ordinary shares outstanding.\n")
    [h] = parse(cover_13d("Example College", schedule="13G", extra=text)).item_holdings
    assert figures(h) == {"aggregate": 8603801, "percent": Decimal("8.547")}


def test_values_listed_by_name_after_one_label():
    from checker.parse.item_persons import values_by_name
    text = "DG Capital Management, LLC - 1,327,570 shares Dov Gertzulin - 1,327,570 shares"
    assert values_by_name(text, ["DG Capital Management, LLC", "Dov Gertzulin"]) == {
        "DG Capital Management, LLC": "1,327,570 shares", "Dov Gertzulin": "1,327,570 shares"}
    # a name inside another's, or a value that is no figure, is not read
    assert values_by_name("Fund - see Item 2 Manager - 12 shares", ["Fund", "Manager"]) == {"Manager": "12 shares"}


def test_per_person_sentence_needs_the_person_as_subject():
    from checker.model import Item
    from checker.parse.item_sentences import _OWNS, _flatten, _line
    from checker.parse.item_persons import per_person_holdings
    text = ("Alpha Fund LP beneficially owns 1,000 shares, representing 5.0% of the class. The Manager "
            "owns 2,000 shares, or 9.0%. Beta Capital LLC beneficially owns 3,000 shares, or 12.0%. "
            "Beta Capital LLC also beneficially owns 3,500 shares, or 13.0%.")
    item = Item(number="5", text=text, line=1)
    flat, starts = _flatten(text)
    got = per_person_holdings(item, flat, starts, ["Alpha Fund LP", "Beta Capital LLC"], _OWNS, _line)
    # Beta is stated twice with different figures: not read; the Manager is no reporting person
    assert [(h.person, h.aggregate.shares) for h in got] == [("Alpha Fund LP", 1000)]


def test_item_4_block_per_person_headed_by_its_name():
    from checker.parse.item_holdings import _LABEL_RX, _flatten
    from checker.parse.item_persons import per_person_blocks
    text = ("A. Centaurus Capital LP. (a) Amount beneficially owned: 896,178 (b) Percent of class: 5.2% "
            "B. Centaurus Capital Limited (a) Amount beneficially owned: 896,100 (b) Percent of class: 5.2%")
    flat, _ = _flatten(text)
    blocks = per_person_blocks(flat, _LABEL_RX["aggregate"], ["Centaurus Capital LP", "Centaurus Capital Limited"])
    assert {p: flat[a:b].split(": ")[1].split()[0] for p, (a, b) in blocks.items()} == {
        "Centaurus Capital LP": "896,178", "Centaurus Capital Limited": "896,100"}
    # a block whose person is not named before it: nothing is read
    unnamed = text.replace("B. Centaurus Capital Limited", "B. The Manager")
    flat, _ = _flatten(unnamed)
    assert per_person_blocks(flat, _LABEL_RX["aggregate"], ["Centaurus Capital LP", "Centaurus Capital Limited"]) == {}


@pytest.mark.parametrize("sentence, expected", [
    ("Mr. Example beneficially owns 2,050,000 shares of Common Stock, consisting of (i) 950,000 shares owned "
     "directly and (ii) 1,100,000 shares owned by his wife.", {"aggregate": 2050000}),
    ("As of February 9, Mr. Example owned beneficially 1,169,725 (7.7%, based upon 15,134,200 shares "
     "outstanding).", {"aggregate": 1169725, "percent": Decimal("7.7")}),
    ('By virtue of Rule 13d-3 the Reporting Person may be deemed to "beneficially own" 4,087,320 shares or 7.7% '
     "of the shares believed to be outstanding.", {"aggregate": 4087320, "percent": Decimal("7.7")}),
    ("Peter Example is the beneficial owner of 39,300 shares of Common Stock, which represented approximately "
     ".75% of the issued and outstanding shares.", {"aggregate": 39300, "percent": Decimal("0.75")}),
])
def test_13d_item_5_other_phrasings(sentence, expected):
    [h] = parse(cover_13d("Peter Example", extra=ITEM5.format(sentence))).item_holdings
    assert figures(h) == expected


@pytest.mark.parametrize("sentence", [
    "The Trust holds 3,114,570 shares of Common Stock.",  # a bare 'holds': not read without a percent
    "Mr. Example beneficially owns 10,000 shares of Series A Preferred Stock.",  # another security
])
def test_13d_item_5_amounts_not_read_alone(sentence):
    assert parse(cover_13d("Peter Example", extra=ITEM5.format(sentence))).item_holdings == []
