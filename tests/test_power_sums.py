"""The facts behind SUM009-SUM012 (checker/facts/power_sums.py): what is compared, and what is
left alone because a row was not read with confidence."""
from __future__ import annotations

from checker.facts import FactContext, build_facts
from checker.facts.power_sums import digit_distance
from filing_builder import filing, page


def facts(f, t):
    return [x for x in build_facts(f, FactContext()) if x["t"] == t]


def _blank_shared(name, agg, sole, line=10):
    p = page(name, agg, 5.5, sv=sole, sd=sole, line=line)
    p.shared_voting = p.shared_dispositive = None
    return p


def test_digit_distance():
    assert digit_distance(72_760, 72_780) == (1, False)
    assert digit_distance(14_720_000, 14_270_000) == (2, True)
    assert digit_distance(99_999, 100_000) == (99, False)


def test_a_row_whose_label_was_not_found_is_not_a_blank_row():
    p = _blank_shared("Alpha Fund LP", 1_062_366, 1_000_000)
    assert facts(filing(p), "powers_partial")
    p.rows_seen = [r for r in p.rows_seen if r != 10]  # row 10's label not found: a parse problem
    assert facts(filing(p), "powers_partial") == []


def test_an_unread_row_gives_no_partial_powers():
    p = _blank_shared("Alpha Fund LP", 1_062_366, 1_000_000)
    p.unread_rows = [8]
    assert facts(filing(p), "powers_partial") == []


def test_the_group_totals_add_every_persons_rows_read():
    [a, b] = facts(filing(_blank_shared("A LP", 1_000_000, 400_000), _blank_shared("B LLC", 600_000, 600_000, 40)),
                   "powers_partial")
    assert (a["group_voting"], a["group_dispositive"], a["same_agg"]) == (1_000_000, 1_000_000, 0)


def test_peers_are_compared_within_one_class_only():
    pages = [page("A LP", 1_000_000, 5.5, cusip="037833100"), page("B LLC", 1_000_000, 5.5, line=40, cusip="037833100"),
             page("C LLC", 1_000_001, 5.5, line=70, cusip="037833209")]
    assert facts(filing(*pages), "peer_aggregate") == []
    pages[2].cusip.value = "037833100"
    [f] = facts(filing(*pages), "peer_aggregate")
    assert (f["person"], f["peers"], f["digits_apart"], f["rows_differ"]) == ("C LLC", 2, 1, 2)  # rows 7 and 9 follow its own aggregate


def test_a_group_with_an_unread_shared_row_gives_no_group_rows():
    pages = [page("A LP", 1_000, 5.5, sv=400, sd=400), page("B LLC", 1_000, 5.5, sv=600, sd=605, line=40)]
    assert [f["person"] for f in facts(filing(*pages), "group_row")] == ["B LLC"]
    pages[0].shared_voting = None
    pages[0].unread_rows = [8]
    assert facts(filing(*pages), "group_row") == []
