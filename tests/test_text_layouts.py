"""Legacy text cover-page layouts, signatures, joint filing agreements and 13G boxes, on small
synthetic fixtures (tests/fixtures/layouts/) and inline snippets. Each case is one layout feature
seen in real 1994-2024 filings; the corpus tests check the same features on the real files."""
from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

from checker import sources
from checker.model import Item
from checker.names import clean_name, same_person, split_joint_names
from checker.parse import boxes, parse_document
from checker.parse import values as V
from checker.parse.body_text import read_jfa_parties
from checker.parse.signatures import read_signatures
from checker.pipeline import summarise_persons

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def parse(name: str):
    return parse_document(sources.load(LAYOUTS / name))


def shares(a):
    return None if a is None else a.shares


def powers(page):
    return tuple(shares(getattr(page, k)) for k in
                 ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "aggregate"))


# -- cover pages ---------------------------------------------------------------------------
def test_abbreviated_item_rows():
    f = parse("abbreviated_13g.txt")
    assert (f.form_type, f.amendment_no, f.cusip.value) == ("SC 13G/A", 2, "123456789")
    first, second = f.cover_pages
    assert first.layout == "items" and first.name.value == "Example Holdings LLC"
    assert first.irs_number.value == "12-3456789"
    # 'None' and '-0-' are 0; a footnote marker after a number is not part of it.
    assert powers(first) == (2261276, 0, 15008699, 0, 15008699)
    assert (first.percent.value, first.citizenship.value, first.type_codes.codes) == (Decimal("0.7"), "Delaware", ["HC"])
    # Labels printed after "Item N:", the value on the next line.
    assert second.name.value == "Jane Q. Example" and powers(second) == (0, 0, 15008699, 0, 15008699)
    assert second.percent.value == Decimal("0.7") and second.type_codes.codes == ["IN"]
    # 13G rows are numbered 1-12: Item 4 is citizenship, not source of funds.
    assert second.source_of_funds is None and second.citizenship.value == "United States of America"


def test_abbreviated_13g_boxes_and_signatures():
    f = parse("abbreviated_13g.txt")
    assert [r.value for r in f.rule_designations] == ["Rule 13d-1(b)"]
    assert f.filer_types.codes == ["HC"]  # "the person filing ... is a parent holding company"
    assert f.exit_box.value is True  # "check the following (X)"
    # The statement is signed by an attorney-in-fact for no printed entity: no reporting person.
    assert not [s for s in f.signatures if s.context == "statement"]
    assert [s.name for s in f.signatures] == ["Example Holdings LLC", "Jane Q. Example"]
    assert [p.name for p in summarise_persons(f)] == ["Example Holdings LLC", "Jane Q. Example"]


def test_sgml_table_with_stub_wrapped_labels_and_zero_forms():
    f = parse("sgml_table_13d.txt")
    assert (f.form_type, f.cusip.value, f.issuer.value) == ("SC 13D/A", "123456109", "Example Widgets Inc.")
    fund, person = f.cover_pages
    assert fund.name.value == "Acme Value Fund, L.P." and fund.rows_seen == list(range(1, 15))
    # Row 10 is blank: it stays None, it is not 0. "-0-" is 0; "- 14,051,904 -" is the number.
    assert powers(fund) == (14051904, 0, 14051904, None, 14051904)
    assert fund.percent.value == Decimal("9.7") and fund.group_box == "a"
    # "l." for row 1, the row number glued to the name, a rule glued to "2.", labels wrapped.
    assert person.name.value == "JOHN Q. PUBLIC" and person.rows_seen == list(range(1, 15))
    assert powers(person) == (1000, 0, 0, 14051904, 14052904)  # "None" and "_____" are 0
    assert person.percent.value == Decimal("9.7") and person.type_codes.codes == ["IN"]


def test_header_group_members_are_checked_but_not_listed():
    f = parse("sgml_table_13d.txt")
    assert "ACME AFFILIATE TRUST" in [r.name for r in f.named_persons if r.source == "header-group"]
    assert [p.name for p in summarise_persons(f)] == ["Acme Value Fund, L.P.", "JOHN Q. PUBLIC"]


def test_several_persons_on_one_cover_page():
    f = parse("joint_names_13d.txt")
    [page] = f.cover_pages
    assert page.name.value == "John Q. Public and Mary R. Roe"
    assert page.joint_names == ["John Q. Public", "Mary R. Roe"]
    assert (f.form_type, f.amendment_no) == ("SC 13D/A", 1)  # "(Amendment No. _1_)"
    persons = summarise_persons(f)
    assert [(p.name, p.aggregate, p.percent, p.shared_voting) for p in persons] == [
        ("John Q. Public", 4065101, 27.8, 4065101), ("Mary R. Roe", 4065101, 27.8, 4065101)]


def test_13g_numbering_without_a_title_page():
    text = ("(1) NAMES OF REPORTING PERSONS: ACME CAPITAL LLC\n"
            "(2) CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP: (a) [ ] (b) [X]\n(3) SEC USE ONLY\n"
            "(4) CITIZENSHIP OR PLACE OF ORGANIZATION: DELAWARE\n(5) SOLE VOTING POWER: 100\n"
            "(6) SHARED VOTING POWER: 0\n(7) SOLE DISPOSITIVE POWER: 100\n(8) SHARED DISPOSITIVE POWER: 0\n"
            "(9) AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON: 100\n"
            "(11) PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9): 5.1%\n(12) TYPE OF REPORTING PERSON: IA\n")
    [page] = parse_document(sources.load_bytes(text.encode(), "g.txt")).cover_pages
    # The printed numbers are the 13G's: row 4 is citizenship, row 11 the percent.
    assert page.rows_seen == [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12]
    assert (page.citizenship.value, page.percent.value, powers(page)) == ("DELAWARE", Decimal("5.1"), (100, 0, 100, 0, 100))


# -- values and names ------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("-0-", 0), ("None", 0), ("NONE (1)", 0), ("_____", 0), ("0*", 0), ("- 1,200 -", 1200),
    ("14,051,904 (1)", 14051904), ("4,065,101*", 4065101), ("7146674", 7146674),
    ("152,350 SHARES", 152350), ("(See Item 4)", None), ("", None),
])
def test_amounts(text, expected):
    a = V.parse_amount(text, 1)
    assert (a.shares if a else None) == expected


@pytest.mark.parametrize("joiner", [" and ", "; ", ", and "])
def test_components_joined_by_and_are_two_parts(joiner):
    a = V.parse_amount("1,500,000 shares, consisting of (i) 1,000,000 shares held directly" + joiner
                       + "(ii) 500,000 shares issuable upon exercise of warrants", 1)
    assert [(c.label, c.shares, c.issuable) for c in a.components] == [("i", 1_000_000, False), ("ii", 500_000, True)]


def test_unlabelled_parts_after_consisting_of():
    a = V.parse_amount("709,128 total shares consisting of 268,007 shares of Common Stock and 436,121 shares "
                       "of Common Stock issuable upon conversion of the notes", 1)
    assert [(c.label, c.shares, c.issuable) for c in a.components] == [("a", 268_007, False), ("b", 436_121, True)]
    a = V.parse_amount("1,000 shares consisting of 600 shares held directly, 300 shares held by his wife and "
                       "100 shares held by trusts.", 1)
    assert [c.shares for c in a.components] == [600, 300, 100]


@pytest.mark.parametrize("text", [
    "1,000 shares, which includes 600 shares held directly and 300 shares held by his wife",  # some only
    "1,000 shares, consisting of shares held by X (see Item 5) and 400 shares",  # a part without count
    "1,000 shares consisting of 600 shares",  # one part
])
def test_no_unlabelled_parts(text):
    assert V.parse_amount(text, 1).components == []


def test_percent_without_leading_zero():
    assert V.parse_percent_candidates(".7%") == [(Decimal("0.7"), 1, ".7%")]


@pytest.mark.parametrize("printed, name", [
    ("1 THE CAPITAL GROUP, INC.", "THE CAPITAL GROUP, INC."),
    ("INVESCO PLC No SS or IRS Identification Number", "INVESCO PLC"),
    ("Fredric H. Gould - ###-##-####", "Fredric H. Gould"),
    ("Sofinnova Venture Partners VI, L.P. (“SVP VI”)", "Sofinnova Venture Partners VI, L.P."),
    ("Jason E. Moment [See Preliminary Note]", "Jason E. Moment"),
    (". BlackRock, Inc.", "BlackRock, Inc."),
    ("Relative Value Partners Group, LLC  TIN 47-4067697", "Relative Value Partners Group, LLC"),
])
def test_cover_names_as_printed(printed, name):
    assert clean_name(printed)[0] == name


def test_joint_names_only_for_individuals():
    assert split_joint_names("Austin W. Marxe and David M. Greenhouse") == ["Austin W. Marxe", "David M. Greenhouse"]
    assert split_joint_names("Capital Research and Management Company") == []
    assert split_joint_names("Smith & Wesson Holding Corp") == []


def test_same_person_variants():
    assert same_person("THE DUNN FAMILY TRUST", "THE DUNN FAMILY TRUST, DAVID J. DUNN, TRUSTEE")
    assert same_person("TEMPLETON GLOBAL ADVISERS LIMITED", "Templeton Global Advisors Limited")
    assert not same_person("Farallon Capital Institutional Partners II, L.P.",
                           "Farallon Capital Institutional Partners III, L.P.")


# -- signatures ----------------------------------------------------------------------------
def sigs(block: str, context: str = "statement"):
    lines = block.split("\n")
    return [(s.name, s.signer, s.capacity) for s in read_signatures(lines, 0, len(lines), context, lambda i: i + 1)]


def test_entity_above_with_a_by_chain():
    assert sigs("""Dated: May 1, 2020

ACME FUND, L.P.

By: Acme GP, LLC,
General Partner

By: /s/ Jane Roe
Jane Roe, Managing Member

/s/ Jane Roe
Jane Roe, Individually""") == [("ACME FUND, L.P.", "Jane Roe", "Managing Member"),
                                ("Jane Roe", "Jane Roe", "Individually")]


def test_entity_below_the_signature():
    assert sigs("""/s/ Pat Agent

BETA CAPITAL, L.L.C.,
On its own behalf
and as the General Partner of
BETA FUND, L.P.

By Pat Agent, Attorney-in-fact""") == [("BETA CAPITAL, L.L.C.", "Pat Agent", None),
                                        ("BETA FUND, L.P.", "Pat Agent", None)]


def test_officer_for_no_printed_entity_and_prose_give_nothing():
    assert sigs("""After reasonable inquiry and to the best of my knowledge and belief, I certify that
the information set forth in this statement is true, complete and correct.

/s/ Pat Agent
Signature

Pat Agent
Duly authorized under Power of Attorney""") == []
    # "Name/Title:" lines and the entity printed after them (the form's captioned layout): the
    # entity is the one the officer signs for.
    assert sigs("""Date:  February 11, 1994

Signature:       /s/ Philip Doe

Name/Title:      Philip Doe, Vice President

                 Example Group, Inc.""") == [("Example Group, Inc.", "Philip Doe", "Vice President")]


def test_names_listed_for_one_signature_and_attorney_in_fact_principals():
    got = sigs("""ALAN A. ONE
DR. BETH B. TWO
By: | /s/ Pat Agent
Pat Agent
Attorney-in-Fact

/s/ Pat Agent
Pat Agent, individually and as attorney-in-fact for
each of Carl C. Three and Dana D. Four""")
    assert [g[0] for g in got] == ["ALAN A. ONE", "DR. BETH B. TWO", "Pat Agent", "Carl C. Three", "Dana D. Four"]


def test_date_column_and_two_columns():
    assert sigs("""Dated: February 18, 2000                KEY FUND, L.P.

                                            /s/ ALEX LEE
                                        By:___________________________
                                        Name:  Alex Lee
                                        Title: General Partner""") == [("KEY FUND, L.P.", "ALEX LEE", "General Partner")]
    assert sigs("""ACME VALUE FUND, L.P.                       BETA CAPITAL PARTNERS LLC

By: /s/ John Doe                            By: /s/ Jane Roe
    Name: John Doe                              Name: Jane Roe
    Title: Managing Member                      Title: President""") == [
        ("ACME VALUE FUND, L.P.", "John Doe", "Managing Member"), ("BETA CAPITAL PARTNERS LLC", "Jane Roe", "President")]


# -- joint filing agreements -----------------------------------------------------------------
def parties(block: str):
    return [r.name for r in read_jfa_parties(block.split("\n"), 0, lambda i: i + 1)]


def test_jfa_parties():
    assert parties("JOINT FILING AGREEMENT\n\nThis Agreement is made by and among Acme Fund, L.P., Acme GP, "
                   "L.L.C. and John Q. Public. The parties agree as follows.") == [
        "Acme Fund, L.P.", "Acme GP, L.L.C.", "John Q. Public"]
    assert parties('AGREEMENT\n\nCapital Research and Management Company ("CRMC") and The Capital\n'
                   'Group, Inc. ("CG") hereby agree to file a joint statement.') == [
        "Capital Research and Management Company", "The Capital Group, Inc."]


def test_jfa_among_the_undersigned_names_nobody():
    assert parties("JOINT FILING AGREEMENT\n\nThis will confirm the agreement by and among the undersigned that "
                   "the Schedule 13G filed on or about the date hereof will be filed on behalf of each of them, "
                   "as amended. This Agreement may be executed in counterparts.") == []
    assert parties("JOINT FILING AGREEMENT\n\nThe undersigned hereby agree that they are filing jointly.") == []


# -- 13G boxes -------------------------------------------------------------------------------
@pytest.mark.parametrize("lines, expected", [
    (["[ ]  Rule 13d-1(b)", "[X]  Rule 13d-1(c)", "[ ]  Rule 13d-1(d)"], ["Rule 13d-1(c)"]),
    (["x Rule 13d-1(b)", "o Rule 13d-1(c)", "o Rule 13d-1(d)"], ["Rule 13d-1(b)"]),
    (["☐ | Rule 13d-1(b)", "☐ | Rule 13d-1(c)", "☒ | Rule 13d-1(d)"], ["Rule 13d-1(d)"]),
    (["[ ] Rule 13d-1(b)   [X] Rule 13d-1(c)   [ ] Rule 13d-1(d)"], ["Rule 13d-1(c)"]),
    (["TO RULES 13d-1(b), (c) AND (d) AND AMENDMENTS THERETO"], []),
])
def test_rule_designations(lines, expected):
    assert [t.value for t in boxes.rule_designations(lines, len(lines), lambda i: i + 1)] == expected


def test_item3_and_item5_boxes():
    item3 = Item(number="3", title="If this statement is filed pursuant to 13d-1(b), check whether the person filing is a:",
                 text="(a) [ ] Broker or dealer\n(e) [X] Investment adviser in accordance with ...\n"
                      "[X] A parent holding company or control person", line=10)
    assert boxes.filer_types([item3]).codes == ["IA", "HC"]
    item5 = Item(number="5", title="Ownership of Five Percent or Less of a Class.",
                 text="If this statement is being filed ... check the following [  ].", line=20)
    assert boxes.exit_box(item5).value is False
    checked = Item(number="5", title="OWNERSHIP OF FIVE PERCENT OR LESS OF A CLASS.     [X]", text="", line=30)
    assert boxes.exit_box(checked).value is True
    assert boxes.exit_box(Item(number="5", title="Not applicable.", text="", line=1)) is None


def test_title_page_values_printed_on_their_caption_lines():
    from checker.parse.body_text import read_title_page
    lines = ["SCHEDULE 13D", "Under the Securities Exchange Act of 1934 (Amendment No. )",
             "Insteel Industries, Inc. (Name of Issuer)", "Common Shares (Title of Class of Securities)",
             "45774W108 (CUSIP Number)"]
    got = read_title_page(lines, len(lines))
    assert got["issuer"] == ("Insteel Industries, Inc.", 2)
    assert got["security_class"] == ("Common Shares", 3)
    assert got["cusip"][0] == "45774W108"


def test_a_blank_caption_does_not_take_the_value_of_the_caption_above():
    from checker.parse.body_text import read_title_page
    lines = ["45774W108 (CUSIP Number)", "______ (Date of Event Which Requires Filing of this Statement)"]
    got = read_title_page(lines, len(lines))
    assert got["cusip"][0] == "45774W108" and "event_date" not in got
    stacked = ["45774W108", "(CUSIP Number)", "", "______", "(Date of Event Which Requires Filing of this Statement)"]
    assert "event_date" not in read_title_page(stacked, len(stacked))


def test_labels_wrapped_after_their_first_word_beside_the_stub():
    # an HTML cell whose labels break after 'Sole' / 'Shared' (<br>), with the form's stub words
    # printed to the left of the row number ('Beneficially 8. Shared')
    from checker.parse.cover_regions import find_markers
    lines = ["6. Citizenship or Place of Organization: Delaware", "7. Sole", "Voting Power: -0-", "Number of",
             "Shares", "Beneficially 8. Shared", "Voting Power: -0-", "Owned By", "Each", "Reporting 9. Sole",
             "Dispositive Power: -0-", "Person", "With 10. Shared", "Dispositive Power: -0-"]
    assert [(m.key, m.num, m.rest.strip()) for m in find_markers(lines)] == [
        ("citizenship", 6, "Delaware"), ("sole_voting", 7, "-0-"), ("shared_voting", 8, "-0-"),
        ("sole_dispositive", 9, "-0-"), ("shared_dispositive", 10, "-0-")]


# A typed text pasted into an HTML <pre> is read as the text filing it is: its tabs stop at the
# columns a browser and a text file use (8), and a footnote mark typed onto a figure is the
# typist's, not set apart by markup (so the reviewer is asked to confirm the reading).
def _as_pre(text: str) -> bytes:
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<html><body><pre>\n{body}\n</pre></body></html>\n".encode()


def _tabbed_cover() -> str:
    from test_parse_numbers import cover_13d
    text = cover_13d("Wilshire Oil & Gas Co.", sole_voting="1,482,760", aggregate="1,482,760", percent="6.0%")
    return (text.replace("9. Sole Dispositive Power:  1,482,760", "\tEach Report-\t9)\tSole Dispositive Power:\t\t1,482,760")
                .replace("10. Shared Dispositive Power:  0", "\tWith:\t\t\t    10) Shared Dispositive Power:\t\t\t0"))


def _person(data: bytes, name: str):
    from checker.pipeline import CheckOptions, check_filing
    result = check_filing(parse_document(sources.load_bytes(data, name)), CheckOptions())
    [p] = [p for p in result.reporting_persons if p.cover_page]
    return p, result


def test_a_text_filing_pasted_into_a_pre_reads_as_the_text_does():
    text = _tabbed_cover()
    typed, _ = _person(text.encode(), "s.txt")
    pasted, _ = _person(_as_pre(text), "s.htm")
    figures = ("name", "aggregate", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive")
    assert [getattr(pasted, k) for k in figures] == [getattr(typed, k) for k in figures]
    assert pasted.sole_dispositive == 1482760 and pasted.name == "Wilshire Oil & Gas Co."


def test_a_footnote_mark_typed_onto_a_figure_in_a_pre_is_reported_as_in_text():
    text = _tabbed_cover().replace("11. Aggregate Amount Beneficially Owned by Each Reporting Person:  1,482,760",
                                   "11. Aggregate Amount Beneficially Owned by Each Reporting Person:  1,482,7601")
    _, typed = _person(text.encode(), "s.txt")
    _, pasted = _person(_as_pre(text), "s.htm")
    assert [f.message for f in pasted.findings if f.rule_id == "PAR004"] == \
        [f.message for f in typed.findings if f.rule_id == "PAR004"] != []
    # near miss: the same figure in an HTML table cell (a raised mark the text lost) is no question
    rows = [line.split(":  ") for line in text.splitlines() if re.match(r"\d{1,2}\. ", line) and ":  " in line]
    table = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in rows)
    head, _, tail = text.partition("Cusip No.")
    page = (f"<html><body><p>{'</p><p>'.join(map(html.escape, head.splitlines()))}</p><p>CUSIP No. 037833100</p>"
            f"<table><tr><td>1. Names of Reporting Persons.</td><td>Wilshire Oil &amp; Gas Co.</td></tr>{table}</table>"
            f"<p>{'</p><p>'.join(map(html.escape, tail.split('PN', 1)[1].splitlines()))}</p></body></html>")
    laid_out, cells = _person(page.encode(), "t.htm")
    assert laid_out.aggregate == 1482760 and "PAR004" not in {f.rule_id for f in cells.findings}
