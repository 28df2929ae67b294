"""An HTML 13G whose items are table rows, the heading in the first cell and the whole item in the
next ('Item 4 | Ownership (a) Amount beneficially owned: ... (iv) shared power to dispose ...: -0-'),
and the whole document on one source line (the class of html-more/natereed_nike_13ga33_knight.html):
Item 4 is read, so its figures are compared with the cover page (CON008)."""
from __future__ import annotations

from checker import sources
from checker.parse import parse_document
from checker.pipeline import CheckOptions, check_filing


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td><font>{c}</font></td>" for c in cells) + "</tr>"


def knight_like(cover_sole: str = "1,316,008", cover_pct: str = "16.26%", item_sole: str = "1,316,008") -> str:
    title = "".join(f"<div><font>{t}</font></div>" for t in (
        "SECURITIES AND EXCHANGE COMMISSION", "SCHEDULE 13G", "(Amendment No. 3)*", "Example Widgets, Inc.",
        "(Name of Issuer)", "Class B Common Stock", "(Title of Class of Securities)", "037833100",
        "(CUSIP Number)", "December 31, 2014", "(Date of Event Which Requires Filing of this Statement)",
        "[ ] Rule 13d-1(b)", "[ ] Rule 13d-1(c)", "[X] Rule 13d-1(d)"))
    cover = "<table>" + "".join(_row(*r) for r in (
        ("1. Name of Reporting Person", "Philip Example"),
        ("2. Check the appropriate box if a member of a group", "(a) [ ] (b) [ ]"), ("3. SEC Use Only", ""),
        ("4. Citizenship or Place of Organization", "U.S. Citizen"),
        ("5. Sole Voting Power", cover_sole), ("6. Shared Voting Power", "-0-"),
        ("7. Sole Dispositive Power", "1,316,008"), ("8. Shared Dispositive Power", "-0-"),
        ("9. Aggregate Amount Beneficially Owned by Each Reporting Person", "1,316,008"),
        ("10. Check if the Aggregate Amount in Row (9) Excludes Certain Shares", "[ ]"),
        ("11. Percent of Class Represented by Amount in Row 9", cover_pct),
        ("12. Type of Reporting Person", "IN"))) + "</table>"
    item4 = ("Ownership (a) Amount beneficially owned: 1,316,008 shares (b) Percent of Class: 16.26% "
             "(c) Number of shares as to which such person has: (i) sole power to vote or to direct the vote: "
             f"{item_sole} (ii) shared power to vote or to direct the vote: -0- (iii) sole power to dispose or to "
             "direct the disposition of: 1,316,008 (iv) shared power to dispose or to direct the disposition "
             "of: -0-")
    items = "<table>" + "".join(_row(*r) for r in (
        ("Item 1(a)", "Name of Issuer: Example Widgets, Inc."), ("Item 2(a)", "Name of Person Filing: Philip Example"),
        ("Item 3", "NOT APPLICABLE"), ("Item 4", item4),
        ("Item 5", "Ownership of Five Percent or Less of a Class NOT APPLICABLE"))) + "</table>"
    sig = ("<div>SIGNATURE</div><div>After reasonable inquiry and to the best of my knowledge and belief, I certify "
           "that the information set forth in this statement is true, complete and correct.</div>"
           "<div>February 12, 2015</div><div>/s/ Philip Example</div><div>Philip Example</div>")
    # one source line, as Workiva's exports print it
    return f"<html><body>{title}{cover}{items}{sig}</body></html>"


def run(html: str):
    filing = parse_document(sources.load_bytes(html.encode(), "synthetic.htm"))
    return filing, check_filing(filing, CheckOptions())


def test_a_long_item_row_is_read_as_the_item():
    filing, result = run(knight_like())
    [holding] = filing.item_holdings
    assert (holding.item, holding.aggregate.shares, holding.sole_voting.shares, str(holding.percent.value)) == (
        "4", 1316008, 1316008, "16.26")
    assert not [f for f in result.findings if f.rule_id == "CON008"]


def test_a_cover_power_row_differing_from_that_item_is_reported():
    _, result = run(knight_like(cover_sole="1,316,009"))
    assert [f.rule_id for f in result.findings if f.rule_id == "CON008"] == ["CON008"]


def test_a_cover_percent_differing_from_that_item_is_reported():
    _, result = run(knight_like(cover_pct="11.26%"))
    assert [f.rule_id for f in result.findings if f.rule_id == "CON008"] == ["CON008"]


def test_a_prose_line_beginning_with_an_item_reference_is_still_no_heading():
    """'Item 4 above summarizes ...' (a long line, no cell after the number) opens no item."""
    from checker.parse.body_text import read_items
    lines = ["Item 4. Purpose of Transaction", "Item 4 above summarizes certain provisions of the "
             "agreement, " + "and more " * 30, "Item 5. Interest in Securities of the Issuer", "text"]
    assert [(i, it.number) for i, it in read_items(lines, 0, len(lines))] == [(0, "4"), (2, "5")]
