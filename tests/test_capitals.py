"""A statement typed in capitals reads as the same statement in mixed case: sentence ends after
capitals, 'AND' between names, the joint filing sentence, the certification's last words."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import check_bytes
from checker.names import split_names
from checker.parse.item5_statements import item5_sole_statements
from checker.parse.statements import joint_filing_line

BASES = Path(__file__).parent / "cases" / "bases"


def _view(result):
    return ([(p.name.upper(), p.aggregate, p.percent, p.sole_voting, p.shared_voting, p.sole_dispositive,
              p.shared_dispositive) for p in result.reporting_persons],
            sorted((f.rule_id, (f.person or "").upper(), f.severity) for f in result.findings))


@pytest.mark.parametrize("base", ["13d.txt", "13g.txt"])
def test_a_filing_in_capitals_reads_as_in_mixed_case(base):
    text = (BASES / base).read_text()
    assert _view(check_bytes(text.upper().encode(), base)) == _view(check_bytes(text.encode(), base))


def test_and_between_names_in_capitals_splits_them():
    assert split_names("AUSTIN W. MARXE AND DAVID M. GREENHOUSE") == ["AUSTIN W. MARXE", "DAVID M. GREENHOUSE"]


def test_the_joint_filing_sentence_in_capitals_is_found():
    lines = ["JOINT FILING AGREEMENT", "", "THE UNDERSIGNED HEREBY AGREE TO THE JOINT FILING OF THIS STATEMENT."]
    assert joint_filing_line(lines) == 0


def test_a_sentence_in_capitals_ends_after_a_capital():
    # the second sentence denies the power: its count is no one's, and the first states none
    text = ("(B) FMR, THROUGH ITS CONTROL OF FIDELITY, AND THE FUNDS EACH HAS SOLE POWER TO DISPOSE OF THE "
            "SHARES.  NEITHER FMR NOR MR. JOHNSON HAS THE SOLE POWER TO VOTE OR DIRECT THE VOTING OF THE "
            "558,900 SHARES OWNED DIRECTLY BY THE FIDELITY FUNDS.")
    assert item5_sole_statements(text) == []
    assert item5_sole_statements(text.replace("NEITHER FMR NOR MR. JOHNSON HAS", "MR. JOHNSON HAS")) == [
        ("MR. JOHNSON HAS THE ", ("voting",), 558900, False)]


# Each variant of the 13D base holds one layout whose capitals twin was once read differently;
# ``shows`` is what the mixed-case reading must show (so that the comparison compares something).
_ITEM5 = "(a) The percentages are based on 18,181,818 shares of Common Stock outstanding as of\nFebruary 28, 2025."
_SIGNATURES = """                                         ALPHA FUND LP
                                         By: Alpha Capital LLC, its general partner

                                         By: /s/ Jane Roe
                                             Name: Jane Roe
                                             Title: Managing Member

                                         ALPHA CAPITAL LLC

                                         By: /s/ Jane Roe
                                             Name: Jane Roe
                                             Title: Managing Member"""
VARIANTS = {
    # a reference to an item wrapped to a line's start ('ITEM 3 HEREIN.') is prose, not a heading
    "item reference at a line start": (
        lambda t: t.replace(_ITEM5, _ITEM5 + " The purchases are set forth in\nItem 3 herein. Alpha Fund LP has "
                            "the sole power to vote 900,000 shares."),
        lambda view: ("CON020", "ALPHA FUND LP", "warning") in view[1]),
    # the event date left blank above its caption
    "event date blank": (lambda t: t.replace("                                   March 3, 2025\n", "\n"),
                         lambda view: ("REQ009", "", "warning") in view[1]),
    # a list of principals wrapped after 'and'
    "principals wrapped after 'and'": (
        lambda t: t.replace(_SIGNATURES, "                                         /s/ Jane Roe\n"
                            "                                         Jane Roe, as attorney-in-fact for each of\n"
                            "                                         Alpha Fund LP and\n"
                            "                                         Alpha Capital LLC"),
        lambda view: not any(r == "CON004" for r, _, _ in view[1])),
    # the typist's 'l.' for row 1 ('L.' in capitals)
    "row 1 typed as ell": (lambda t: t.replace("1.   NAMES OF REPORTING PERSONS", "l.   NAMES OF REPORTING PERSONS"),
                           lambda view: len(view[0]) == 2 and all(p[1] == 1000000 for p in view[0])),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_layout_in_capitals_reads_as_in_mixed_case(variant):
    edit, shows = VARIANTS[variant]
    text = edit((BASES / "13d.txt").read_text())
    assert text != (BASES / "13d.txt").read_text()
    mixed = _view(check_bytes(text.encode(), "13d.txt"))
    assert shows(mixed)
    assert _view(check_bytes(text.upper().encode(), "13d.txt")) == mixed


def test_a_holding_after_a_sentence_in_capitals_is_its_subjects():
    from checker import sources
    from checker.parse import parse_document
    text = (BASES / "13d.txt").read_text().replace(
        _ITEM5, _ITEM5 + " Alpha Capital LLC is the general partner of the Fund. Alpha Fund LP owns 1,000,000 "
        "shares, or 5.5% of the class.")
    for t in (text, text.upper()):
        f = parse_document(sources.load_bytes(t.encode(), "13d.txt"))
        assert [(h.person.upper(), h.aggregate.shares) for h in f.item_holdings if h.person] == [("ALPHA FUND LP", 1000000)]


def test_rule_lines_with_no_box_read_in_capitals():
    # the rule lines printed with their boxes lost (HTML glyphs dropped): none is checked (CON012)
    text = (BASES / "13g.txt").read_text()
    for box in ("[ ] ", "[X] "):
        text = text.replace("     " + box + "Rule 13d-1", "     Rule 13d-1")
    mixed = _view(check_bytes(text.encode(), "13g.txt"))
    assert ("CON012", "", "warning") in mixed[1]
    assert _view(check_bytes(text.upper().encode(), "13g.txt")) == mixed


def test_a_breakdown_in_capitals_does_not_end_at_an_abbreviation():
    # 'INC.' ends no sentence, in capitals as 'Inc.' does not (one abbreviation test, item_text)
    from checker.parse.breakdowns import read_breakdowns
    text = ("Alpha Fund LP beneficially owns 1,000 shares, consisting of (i) 600 shares held by Acme Inc. "
            "And (ii) 400 shares held by Beta LLC.")
    assert [b.parts for b in read_breakdowns(text)] == [[("i", 600), ("ii", 400)]]
    assert [b.parts for b in read_breakdowns(text.upper())] == [[("i", 600), ("ii", 400)]]
