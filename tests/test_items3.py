"""Item 4 (13G) printed once for several persons whose covers differ, Item 4/5 tables of holdings,
and persons by surname: on the two-person base (tests/cases/bases/13d.txt: Alpha Fund LP and Alpha
Capital LLC, 1,000,000 shares and 5.5% each) turned into a 13G where needed."""
from __future__ import annotations

from checker.pipeline import CheckOptions, check_filing
from tests.test_items2 import BASE, parse_13g


def _second_row_11(text: str, shares: str) -> str:
    parts = text.split("REPORTING PERSON\n     1,000,000\n12.")
    assert len(parts) == 3
    return parts[0] + "REPORTING PERSON\n     1,000,000\n12." + parts[1] + f"REPORTING PERSON\n     {shares}\n12." + parts[2]


def _codes(f, code):
    return [(x.person, x.message) for x in check_filing(f, CheckOptions()).findings if x.rule_id == code]


def _13g(item4: str, second_row: str = "1,500,000"):
    import tests.test_items2 as t2
    old = t2.BASE
    try:
        t2.BASE = _second_row_11(BASE, second_row)
        return parse_13g(item4)
    finally:
        t2.BASE = old


def test_13g_item_4_printed_once_with_no_persons_figure_is_flagged_under_the_closest():
    f = _13g("(a) Amount beneficially owned:\n\n     1,500,900\n\n(b) Percent of class: 5.5%")
    found = _codes(f, "CON021")
    assert [p for p, _ in found] == ["Alpha Capital LLC"]
    assert "1,500,900" in found[0][1]


def test_13g_item_4_printed_once_with_one_persons_figure_or_the_sum_is_no_error():
    for figure in ("1,500,000", "1,000,000", "2,500,000"):
        f = _13g(f"(a) Amount beneficially owned:\n\n     {figure}\n\n(b) Percent of class: 5.5%")
        assert _codes(f, "CON021") == [], figure


def test_13g_item_4_printed_once_where_the_covers_agree_is_con008s():
    f = _13g("(a) Amount beneficially owned:\n\n     1,000,900\n\n(b) Percent of class: 5.5%", "1,000,000")
    assert _codes(f, "CON021") == []
    assert sorted(p for p, _ in _codes(f, "CON008")) == ["Alpha Capital LLC", "Alpha Fund LP"]


def test_a_short_name_in_capitals_names_the_person_as_printed():
    from checker.parse.item_sentences import _names
    assert _names("FMR, Fidelity, FVA, FVAL, and FMTC", "FMR Corp.")
    assert not _names("the fmr affiliates", "FMR Corp.")  # not as printed
    assert not _names("Beta LLC and Gamma LP", "Alpha LLC")  # legal forms name no one
