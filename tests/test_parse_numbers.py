"""Share counts on text cover pages: footnote markers glued to a grouped number, digits that run
on irregularly, fractional units, and numbers too long to be a share count. Each case goes through
the whole pipeline on a small synthetic 13D (the layout of tests/fixtures/layouts/joint_names_13d.txt)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from checker import sources
from checker.parse import values as V
from checker.pipeline import CheckOptions, check_filing
from checker.parse import parse_document


DEFAULT_SIGNATURE = """Dated: August 2, 2006

/s/ Jane Roe
{name}
By: Jane Roe, General Partner
"""


def cover_13d(name: str, sole_voting: str = "1,000", aggregate: str = "1,000", percent: str = "5.0%",
              extra: str = "", signature: str = DEFAULT_SIGNATURE, schedule: str = "13D") -> str:
    """A one-person text Schedule 13D; rows 1 and 7-13 as given, the signature block as given."""
    return f"""SCHEDULE {schedule}

Example Widgets Inc.
(Name of Issuer)
Common Stock
(Title of Class of Securities)
037833100
(CUSIP Number)
July 31, 2006
(Date of Event which Requires Filing of this Statement)

Cusip No. 037833100
1. Names of Reporting Persons.
   {name}
2. Check the Appropriate Box if a Member of a Group (a) [ ] (b) [ ]
3. SEC Use Only
4. Source of Funds:  WC
5. Check if Disclosure of Legal Proceedings Is Required Pursuant to Items 2(d) or 2(e): [ ]
6. Citizenship or Place of Organization:  Delaware
7. Sole Voting Power:  {sole_voting}
8. Shared Voting Power:  0
9. Sole Dispositive Power:  {sole_voting}
10. Shared Dispositive Power:  0
11. Aggregate Amount Beneficially Owned by Each Reporting Person:  {aggregate}
12. Check if the Aggregate Amount in Row (11) Excludes Certain Shares: [ ]
13. Percent of Class Represented by Amount in Row (11):  {percent}
14. Type of Reporting Person:  PN
{extra}
Signature

After reasonable inquiry and to the best of my knowledge and belief, I certify that the
information set forth in this statement is true, complete and correct.

{signature.format(name=name)}"""


def run(text: str):
    filing = parse_document(sources.load_bytes(text.encode(), "synthetic.txt"))
    return check_filing(filing, CheckOptions())


def person(result):
    [p] = [p for p in result.reporting_persons if p.cover_page]
    return p


def test_footnote_marker_glued_to_a_grouped_number_is_not_part_of_it():
    # '1,353,4681' (1994 text: the superscript '1' lost its raise) is 1,353,468 and footnote 1.
    p = person(run(cover_13d("Alpha Fund LP", "1,353,4681", "1,353,468")))
    assert (p.sole_voting, p.aggregate) == (1353468, 1353468)


def test_a_plain_grouped_number_is_read_whole():
    p = person(run(cover_13d("Alpha Fund LP", "1,353,468", "1,353,468")))
    assert (p.sole_voting, p.aggregate) == (1353468, 1353468)


@pytest.mark.parametrize("garbled", ["1,353,46", "1,234,567,8", "1" * 40])
def test_digits_that_do_not_form_a_share_count_are_unread_and_reported(garbled):
    result = run(cover_13d("Alpha Fund LP", garbled, "1,353,468"))
    p = person(result)
    assert p.sole_voting is None  # never a guess, never 0
    assert any(f.category == "parse" and garbled[:12] in f.message for f in result.findings)
    assert "Infinity" not in json.dumps(result.contract())


def test_fractional_units_are_kept_exactly():
    p = person(run(cover_13d("Alpha Fund LP", "12,345.6789", "12,345.6789")))
    assert Decimal(str(p.aggregate)) == Decimal("12345.6789")
    assert Decimal(str(p.sole_voting)) == Decimal("12345.6789")


def test_a_zero_fraction_is_a_whole_number():
    p = person(run(cover_13d("Alpha Fund LP", "1,000.00", "1,000.00")))
    assert p.aggregate == 1000 and isinstance(p.aggregate, int)


@pytest.mark.parametrize("text, expected", [
    ("1,353,4681", 1353468), ("1,353,468.", 1353468), ("1,353,468, consisting of", 1353468),
    ("12.5", Decimal("12.5")), ("1,353,46", None), ("9" * 16, None), ("10,000shares", None),
])
def test_read_number(text, expected):
    assert V.read_number(text) == expected


def test_stub_words_broken_without_a_hyphen_are_not_the_value():
    # A narrow stub column: 'BENEFICIALL' / 'Y OWNED BY' between row 6's label and its 'NONE'.
    from pathlib import Path
    result = check_filing(parse_document(sources.load(Path(__file__).parent / "fixtures" / "layouts"
                                                      / "broken_stub_13g.txt")), CheckOptions())
    [p] = result.reporting_persons
    assert (p.sole_voting, p.shared_voting, p.sole_dispositive, p.shared_dispositive, p.aggregate) == (
        362000, 0, 555000, 0, 555000)


@pytest.mark.parametrize("text", ["N/A", "Y", "NG"])
def test_short_values_are_not_taken_for_broken_stub_words(text):
    from checker.parse.labels import is_label_text
    assert not is_label_text(text)


def test_stub_word_before_a_numbered_label_with_one_space_html_folds_gaps():
    # HTML folds 'Beneficially          8.   Shared Voting Power' to one space.
    text = cover_13d("Alpha Fund LP", "1,000", "3,000").replace(
        "8. Shared Voting Power:  0", "Number of\nShares\nBeneficially 8. Shared Voting Power:  2,000").replace(
        "10. Shared Dispositive Power:  0", "Reporting 10. Shared Dispositive Power:  2,000")
    p = person(run(text))
    assert (p.sole_voting, p.shared_voting, p.sole_dispositive, p.shared_dispositive, p.aggregate) == (
        1000, 2000, 1000, 2000, 3000)


def test_the_whole_stub_run_into_an_unnumbered_row_label():
    # A cover typed in paragraphs: 'Number of Shares ... Reporting Person With: 7 Sole Voting Power'
    # (no period after the row number, a colon after the stub) on one line.
    text = cover_13d("Alpha Fund LP", "1,000", "3,000").replace(
        "7. Sole Voting Power:  1,000",
        "Number of Shares Beneficially Owned by Each Reporting Person With: 7 Sole Voting Power:  1,000")
    p = person(run(text))
    assert (p.sole_voting, p.aggregate) == (1000, 3000)


@pytest.mark.parametrize("label, value", [("in Row", "9.2%"), ("in Row (11)", "9.2%"), ("in Row 11", "9.2%"),
                                          ("in Row", "12.5%")])
def test_a_percent_right_after_a_row_reference_left_without_its_number(label, value):
    # 'PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW 9.2%': the filer left out '(11)'; the
    # figure is 9.2 percent, not row 9 and .2 percent.
    text = cover_13d("Alpha Fund LP", percent=value).replace(
        f"Represented by Amount in Row (11):  {value}", f"Represented by Amount {label} {value}")
    assert f"{label} {value}" in text
    assert float(person(run(text)).percent) == float(value.rstrip("%"))


def test_stub_words_beside_a_value_with_one_space_are_stub():
    # The stub column and the values, HTML-folded to one space: 'NUMBER OF -', 'OWNED BY 2,000'.
    text = cover_13d("Alpha Fund LP", "1,000", "3,000").replace(
        "7. Sole Voting Power:  1,000\n8. Shared Voting Power:  0\n9. Sole Dispositive Power:  1,000\n"
        "10. Shared Dispositive Power:  0",
        "7. Sole Voting Power:\nNUMBER OF -\n8. Shared Voting Power:\nOWNED BY 2,000\n9. Sole Dispositive Power:\n"
        "PERSON - 0 -\n10. Shared Dispositive Power:\nWITH 3,000")
    p = person(run(text))
    assert (p.sole_voting, p.shared_voting, p.sole_dispositive, p.shared_dispositive) == (0, 2000, 0, 3000)


NOTES = ("*See Item 5.\n\u2020 This percentage is calculated using a fraction, the numerator of which is the number\n"
         "of shares that may be deemed to be beneficially owned by the Reporting Person.\n")


def test_the_notes_under_the_last_row_are_not_its_value():
    # No rule between row 14 and the page's notes: the notes are not type codes.
    text = cover_13d("Alpha Fund LP", extra=NOTES)
    [page] = parse_document(sources.load_bytes(text.encode(), "synthetic.txt")).cover_pages
    assert page.type_codes.codes == ["PN"]
    assert [f.rule_id for f in run(text).findings if f.rule_id == "COV004"] == []


def test_a_note_under_a_rows_value_is_not_part_of_it():
    # '19,7395**' (a decimal comma) then, with no rule between, '**The percentages used herein are
    # calculated based upon ...': read together, the note's figures made the percent unreadable.
    text = cover_13d("Alpha Fund LP").replace(
        "13. Percent of Class Represented by Amount in Row (11):  5.0%",
        "13. Percent of Class Represented by Amount in Row (11)\n19,7395**\n**The percentages used herein are "
        "calculated based upon 85,237,621 outstanding common shares as of December 31, 2008.")
    assert float(person(run(text)).percent) == 19.7395


def test_a_blank_last_row_over_the_notes_is_blank():
    # near miss: row 14 left blank, a note under it: the row is blank (COV002), not an invalid code
    text = cover_13d("Alpha Fund LP", extra="\n*Of this amount, 400 shares relate to voting power over preferred stock.\n")
    text = text.replace("14. Type of Reporting Person:  PN", "14. Type of Reporting Person")
    found = sorted(f.rule_id for f in run(text).findings if f.rule_id in ("COV002", "COV004"))
    assert found == ["COV002"]


def test_stub_words_hyphenated_across_lines_are_stub_not_values():
    # 'Shares Bene-' / 'ficially', 'Each Report-' / 'ing Person' in a space-aligned stub column
    # (the same layout with tabs splits into cells): the tails are stub text beside the labels.
    text = cover_13d("Alpha Fund LP", "1,000", "3,000").replace(
        "7. Sole Voting Power:  1,000\n8. Shared Voting Power:  0\n9. Sole Dispositive Power:  1,000\n"
        "10. Shared Dispositive Power:  0",
        "        Number of               7)      Sole Voting Power:               1,000\n"
        "        Shares Bene-\n"
        "         ficially               8)      Shared Voting Power:                     2,000\n"
        "        Owned by\n"
        "        Each Report-    9)      Sole Dispositive Power:         1,000\n"
        "         ing Person\n"
        "        With:                       10) Shared Dispositive Power:                 2,000")
    p = person(run(text))
    assert (p.sole_voting, p.shared_voting, p.sole_dispositive, p.shared_dispositive, p.aggregate) == (
        1000, 2000, 1000, 2000, 3000)


@pytest.mark.parametrize("value", ["None (See Item 4(a))", "-0- (See Item 4(a))", "NONE (see response to Item 5)"])
def test_a_zero_word_with_a_pointer_after_it_is_zero(value):
    text = cover_13d("Alpha Fund LP").replace("8. Shared Voting Power:  0", f"8. Shared Voting Power:  {value}")
    result = run(text)
    assert person(result).shared_voting == 0
    assert "COV002" not in {f.rule_id for f in result.findings}


def test_misspelt_dispositive_label_is_still_the_row():
    text = cover_13d("Alpha Fund LP", "1,000", "1,000").replace("9. Sole Dispositive Power:", "9. SOLE DISPOTIVE POWER:")
    p = person(run(text))
    assert p.sole_dispositive == 1000


@pytest.mark.parametrize("label", ["SHARED DISPOSITVE POWER", "SHARED DISPOSTIVE POWER", "Shared Disposition Power"])
def test_dispositive_label_with_a_letter_dropped_is_still_the_row(label):
    # 'SHARED DISPOSITVE POWER' (1997): not the row, its '10' and '-0-' were read into row 9
    text = cover_13d("Alpha Fund LP", "1,000", "3,000").replace(
        "10. Shared Dispositive Power:  0", f"10. {label}:  2,000")
    p = person(run(text))
    assert (p.sole_dispositive, p.shared_dispositive, p.aggregate) == (1000, 2000, 3000)


def test_aggregate_label_by_each_reporting_party_is_row_11():
    text = cover_13d("Alpha Fund LP", "1,000", "1,000").replace(
        "11. Aggregate Amount Beneficially Owned by Each Reporting Person:",
        "11. AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PARTY")
    assert person(run(text)).aggregate == 1000


def test_owner_short_name_before_each_value():
    # 'Ariel: 3,098,947': the person's short name printed before every row's value.
    text = cover_13d("Ariel Investments, LLC # 02-0712833.", "Ariel: 3,098,947", "Ariel: 3,355,502")
    p = person(run(text))
    assert (p.name, p.sole_voting, p.aggregate) == ("Ariel Investments, LLC", 3098947, 3355502)


def test_a_word_and_colon_before_no_number_is_not_stripped():
    assert person(run(cover_13d("Alpha Fund LP", "Note: see Item 4", "1,000"))).sole_voting is None


def test_label_whose_last_word_wraps_under_the_value():
    # '10   SHARED DISPOSITIVE       -0-' / '          POWER:' (1994 typed covers, stub on the left)
    text = cover_13d("Alpha Fund LP", "1,000", "1,000").replace(
        "10. Shared Dispositive Power:  0",
        "   PERSON WITH   10   SHARED DISPOSITIVE       2,000\n                      POWER:")
    p = person(run(text))
    assert (p.sole_dispositive, p.shared_dispositive) == (1000, 2000)


def test_html_dash_beside_the_stub_cell_is_zero_but_a_border_row_is_not():
    from checker.parse.cover_regions import _segments
    assert _segments(("NUMBER OF", "", "-"), table=True) == ["-"]  # 'NUMBER OF | -': the value 0
    assert _segments(("-", "", "-"), table=True) == []  # a table border
    assert _segments(("Acme", "-"), table=True) == ["Acme"]


def test_the_forms_footnotes_caption_under_the_last_row_is_not_a_code():
    text = cover_13d("Alpha Fund LP").replace("14. Type of Reporting Person:  PN", "14. Type of Reporting Person:  PN\nFOOTNOTES")
    result = run(text)
    assert not [f for f in result.findings if f.rule_id == "COV004"]
    bad = cover_13d("Alpha Fund LP").replace("14. Type of Reporting Person:  PN", "14. Type of Reporting Person:  PN\nXYZ")
    assert [f.rule_id for f in run(bad).findings if f.rule_id == "COV004"] == ["COV004"]


def test_html_inside_a_submission_empty_row_is_blank_not_stacked():
    # The same HTML as a plain .htm reads row 7 as blank; inside an EDGAR submission it must too
    # (not as a label stacked over row 8's value, which left both rows unplaced).
    from pathlib import Path
    result = check_filing(parse_document(sources.load(Path(__file__).parent / "fixtures" / "layouts"
                                                      / "html_submission_blank_row_13d.txt")), CheckOptions())
    p = result.reporting_persons[0]
    assert (result.format, p.sole_voting, p.shared_voting) == ("edgar-submission", None, 1000000)
    assert not [f for f in result.findings if f.rule_id == "PAR003"]


def test_outstanding_count_in_a_cover_footnote_is_read():
    note = "(1) Based on 22,372,185 shares of Common Stock outstanding as of July 31, 2006.\n"
    text = cover_13d("Alpha Fund LP").replace("14. Type of Reporting Person:  PN\n", "14. Type of Reporting Person:  PN\n" + note)
    assert [o.shares for o in parse_document(sources.load_bytes(text.encode(), "o.txt")).outstanding] == [22372185]
    plain = cover_13d("Alpha Fund LP")
    assert parse_document(sources.load_bytes(plain.encode(), "o.txt")).outstanding == []


def test_a_box_typed_x_in_brackets_is_checked_but_a_roman_ten_is_not():
    from checker.parse.values import box_checked
    assert box_checked("(X)") and box_checked("  ( x ) ") and box_checked("Items 2(d) or 2(e) (X)")
    assert not box_checked("( )") and not box_checked("(x) any action similar to any of those enumerated above")


def test_fractional_parts_of_a_cover_amount_are_kept_and_summed_exactly():
    # units of a partnership: the parts a row prints with fractions, added without rounding (SUM001)
    from pathlib import Path

    from checker.api import check_bytes
    base = (Path(__file__).parent / "cases" / "bases" / "13d.txt").read_text()
    row = "11.  AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON\n     1,000,000\n"
    assert row in base

    def sums(parts: str) -> list:
        text = base.replace(row, row.replace("1,000,000", "1,000,000 shares consisting of " + parts), 1)
        result = check_bytes(text.encode(), "a.txt")
        assert result.error is None
        return [f.message for f in result.findings if f.rule_id == "SUM001"]
    assert sums("999,999.5 shares held directly and 0.5 shares held by the Fund") == []
    assert len(sums("999,999.5 shares held directly and 0.25 shares held by the Fund")) == 1
    # a fractional part the person may acquire enters the percent arithmetic (floats): no crash
    assert sums("999,999.5 shares held directly and 0.5 shares issuable upon exercise of warrants") == []


def test_a_sole_power_statement_keeps_a_fractional_count():
    from decimal import Decimal

    from checker.parse.item5_statements import item5_sole_statements
    said = item5_sole_statements("Alpha Fund LP has the sole power to vote 1,234.5678 shares.")
    assert [s.shares for s in said] == [Decimal("1234.5678")]


@pytest.mark.parametrize("text,value", [
    ("7.04", "7.04"), ("15.6 (5)", "15.6"), ("8.34*", "8.34"), ("47.53 1", "47.53"),  # footnote marks
    ("7.04 Refer to Item 4 below.", "7.04"), ("7.04 (see Item 4(a))", "7.04"),  # where it is explained
    ("5.5 shares", None), ("5.5 of 1,000", None), ("12 (1)", None), ("47.53 12", None),
    ("7.04 see Item 4 of the 2,000", None),
])
def test_a_percent_row_without_its_sign(text, value):
    got = V.parse_bare_percent(text)
    assert (str(got[0]) if got else None) == value


@pytest.mark.parametrize("printed, number", [("(Amendment No. 2)", 2), ("(Amendment No. Two)", 2),
                                             ("(AMENDMENT NO. TWELVE)*", 12), ("(Amendment No. _3_)", 3)])
def test_the_amendment_number_in_figures_or_in_words(printed, number):
    text = cover_13d("Alpha Fund LP").replace("SCHEDULE 13D\n", f"SCHEDULE 13D\n{printed}\n", 1)
    assert parse_document(sources.load_bytes(text.encode(), "synthetic.txt")).amendment_no == number


def test_an_amendment_number_word_that_is_no_number_is_not_read():
    # near miss: 'Amendment No. Onerous' is not 'One'
    text = cover_13d("Alpha Fund LP").replace("SCHEDULE 13D\n", "SCHEDULE 13D\n(Amendment No. Onerous)\n", 1)
    assert parse_document(sources.load_bytes(text.encode(), "synthetic.txt")).amendment_no is None


@pytest.mark.parametrize("title, schedule", [("SCHEDULE 13-G", "13G"), ("SCHEDULE 13-D", "13D"), ("Schedule 13G", "13G")])
def test_the_schedule_named_with_a_hyphen(title, schedule):
    # Older filings print 'SCHEDULE 13-D': the same form (its rows numbered as that form numbers them)
    text = cover_13d("Alpha Fund LP", schedule=schedule).replace(f"SCHEDULE {schedule}\n", title + "\n", 1)
    filing = parse_document(sources.load_bytes(text.encode(), "synthetic.txt"))
    assert filing.schedule == schedule


def test_an_of_which_breakdown_is_the_rows_components_only_where_it_adds_up():
    from checker.parse.values import parse_amount
    row = ("259,487 shares of Common Stock (of which 256,487 shares are issuable upon a conversion of 120,000 "
           "shares of 6.9% Cumulative Convertible Preferred Stock at a conversion price of $23.393 and 3,000 "
           "shares are issuable upon the exercise of stock options)")
    a = parse_amount(row, 11)
    assert [(c.shares, c.issuable) for c in a.components] == [(256487, True), (3000, True)]
    # 'of which' may name only some of the shares: parts short of the row are not its components
    assert parse_amount(row.replace("3,000 shares are", "2,000 shares are"), 11).components == []
