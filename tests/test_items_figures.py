"""Item 4 / Item 5 figures read per person (XML elements, name lists) and compared with the
cover pages where the item names nobody but every cover page states the same figure."""
from checker.facts.restated import restated_facts
from checker.model import Amount, CoverPage, Filing, Item, ItemHolding, Percent, TextValue
from checker.parse.item_holdings import read_xml_item5_parts, xml_item4_by_name
from decimal import Decimal


def _page(i: int, name: str, agg: int, line: int) -> CoverPage:
    return CoverPage(index=i, line=line, name=TextValue(value=name, line=line),
                     aggregate=Amount(shares=agg, raw=f"{agg:,}", line=line + 10),
                     percent=Percent(value=Decimal("5.5"), decimals=1, raw="5.5%", line=line + 12))


def _filing(schedule: str, aggs=(1_000_000, 1_000_000)) -> Filing:
    return Filing(path="t", schedule=schedule, cover_pages=[_page(0, "Alpha Fund LP", aggs[0], 10),
                                                  _page(1, "Beta Holdings LLC", aggs[1], 40)])


def test_xml_item4_figures_listed_by_name():
    f = _filing("13G")
    xml_item4_by_name(f, {"aggregate": ("Alpha Fund LP - 1,000,000 shares\nBeta Holdings LLC - 1,000,500 shares", 90),
                          "percent": ("Alpha Fund LP - 5.5%\nBeta Holdings LLC - 5.5%", 93)})
    got = {h.person: (h.aggregate.shares, h.percent.value) for h in f.item_holdings}
    assert got == {"Alpha Fund LP": (1_000_000, Decimal("5.5")), "Beta Holdings LLC": (1_000_500, Decimal("5.5"))}
    differs = [x for x in restated_facts(f) if x["item_lo"] != x["cover_lo"]]
    assert [(x["person"], x["what"]) for x in differs] == [("Beta Holdings LLC", "aggregate amount")]


def test_xml_item5_each_element_read_on_its_own():
    # The joined text states two amounts for Alpha Fund LP (not read there); each element one.
    f = _filing("13D")
    parts = [Item(number="5", line=100, text="Alpha Fund LP beneficially owned 1,000,900 shares of Common Stock."),
             Item(number="5", line=104, text="Alpha Fund LP beneficially owned 1,000,000 shares of Common Stock.")]
    read_xml_item5_parts(f, parts)
    assert sorted((h.person, h.aggregate.shares, h.line) for h in f.item_holdings) == [
        ("Alpha Fund LP", 1_000_000, 104), ("Alpha Fund LP", 1_000_900, 100)]


def test_xml_item5_one_element_is_the_item():
    f = _filing("13D")
    read_xml_item5_parts(f, [Item(number="5", line=100, text="Alpha Fund LP beneficially owned 1,000,900 shares.")])
    assert f.item_holdings == []  # the joined item text (the same words) is read as the item


def test_unattributed_item4_compared_where_every_page_agrees():
    f = _filing("13G")
    f.item_holdings.append(ItemHolding(item="4", line=90, aggregate=Amount(shares=1_000_010, raw="1,000,010", line=91)))
    facts = restated_facts(f)
    assert sorted(x["person"] for x in facts) == ["Alpha Fund LP", "Beta Holdings LLC"]


def test_unattributed_item4_not_compared_where_pages_differ():
    f = _filing("13G", aggs=(1_000_000, 900_000))
    f.item_holdings.append(ItemHolding(item="4", line=90, aggregate=Amount(shares=1_000_000, raw="1,000,000", line=91)))
    facts = restated_facts(f)
    assert [x for x in facts if x["t"] != "group_figure"] == []  # which person it speaks of would be a guess
    # the group comparison: 1,000,000 is one person's row, so the closest row or sum is the figure itself
    assert [(x["item_n"], x["closest_n"]) for x in facts] == [(1_000_000, 1_000_000)]


def _one(schedule: str, items: list[Item]) -> Filing:
    f = Filing(path="t", schedule=schedule, cover_pages=[_page(0, "Robert J. Roebuck", 39_300, 10)], items=items)
    from checker.parse.item_holdings import read_item_holdings
    read_item_holdings(f)
    return f


def test_item4_printed_in_parts_with_short_labels():
    f = _one("13G", [Item(number="4", line=50, title="(a) AMOUNT BENEFICIALLY OWNED: 39,300 SHARES,", text="INCLUDING 0 SHARES."),
                     Item(number="4", line=53, title="(b) PERCENT OF CLASS: 5.5 %", text=""),
                     Item(number="4", line=55, title="(c) (i) SOLE POWER TO VOTE: 37,300 SHARES",
                          text="(ii) SHARED POWER TO VOTE: 2,000 SHARES")])
    (h,) = f.item_holdings
    assert (h.aggregate.shares, h.aggregate.line, h.percent.value, h.sole_voting.shares, h.shared_voting.line) == \
        (39_300, 50, Decimal("5.5"), 37_300, 56)


def test_item5_sentence_that_names_the_person_among_other_holders():
    text = ("(i) Michael T. Kanarellis is the beneficial owner of 215,900 shares, which represented approximately\n"
            "4.13% of the outstanding shares. (ii) Robert J. Roebuck is the beneficial owner of 39,300 shares of\n"
            "Common Stock, which represented approximately .75% of the outstanding shares.")
    (h,) = _one("13D", [Item(number="5", line=80, text=text)]).item_holdings
    assert (h.person, h.aggregate.shares, h.aggregate.line, h.percent.value) == ("Robert J. Roebuck", 39_300, 81, Decimal(".75"))


def test_item5_amount_after_beneficially_owned_by():
    text = ("A. The aggregate number of shares of Common Stock beneficially owned by Mr. Roebuck as of\n"
            "December 31, 1993 is 39,300 shares (including 2,000 shares he may acquire).")
    (h,) = _one("13D", [Item(number="5", line=80, text=text)]).item_holdings
    assert (h.aggregate.shares, h.aggregate.line) == (39_300, 81)


def test_item5_owned_by_another_holder_not_read():
    text = "The aggregate number of shares beneficially owned by the Trust as of December 31, 1993 is 12,000 shares."
    assert _one("13D", [Item(number="5", line=80, text=text)]).item_holdings == []


def test_item5_table_row_per_person():
    f = Filing(path="t", schedule="13D", cover_pages=[_page(0, "Alpha Fund LP", 1_000_000, 10),
                                                      _page(1, "Beta Holdings LLC", 1_000_000, 40)],
               items=[Item(number="5", line=80, text="Name | Shares | Percent\nAlpha Fund LP | 1,000,000 | 5.5%\n"
                                                        "Beta Holdings LLC | 1,000,900 | 5.5 | %\nGamma Trust | 5,000 | .1%")])
    from checker.parse.item_holdings import read_item_holdings
    read_item_holdings(f)
    got = sorted((h.person, h.aggregate.shares, h.aggregate.line) for h in f.item_holdings)
    assert got == [("Alpha Fund LP", 1_000_000, 81), ("Beta Holdings LLC", 1_000_900, 82)]


def test_item5_table_row_with_other_figures_not_read():
    f = Filing(path="t", schedule="13D", cover_pages=[_page(0, "Alpha Fund LP", 1_000_000, 10),
                                                      _page(1, "Beta Holdings LLC", 1_000_000, 40)],
               items=[Item(number="5", line=80, text="Alpha Fund LP | 03/01/2025 | 1,000 | $12.50\n"
                                                        "Beta Holdings LLC | 1,000,900 | 5.5% | 300")])
    from checker.parse.item_holdings import read_item_holdings
    read_item_holdings(f)
    assert f.item_holdings == []


def test_item_text_lines_are_the_file_lines_after_the_heading_and_its_blank_lines():
    from checker.parse.body_text import read_items
    lines = ["Item 4.  Ownership.", "", "", "(a) Amount beneficially owned: 1,200,000", "(b) Percent of class: 6.0%",
             "", "Item 5.  Ownership of Five Percent or Less.", "Not applicable."]
    (i4, item4), (i5, item5) = read_items(lines, 0, len(lines))
    assert (i4, item4.text_lines, item4.text.split("\n")[0]) == (0, [3, 4], "(a) Amount beneficially owned: 1,200,000")
    assert (i5, item5.text_lines) == (6, [7])
    # a figure's line is its own, not the heading's
    f = _one("13G", [Item(number="4", line=10, text=item4.text, text_lines=[13, 14])])
    (h,) = f.item_holdings
    assert (h.aggregate.line, h.percent.line) == (13, 14)
