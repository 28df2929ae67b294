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
    assert restated_facts(f) == []  # which person the item speaks of would be a guess
