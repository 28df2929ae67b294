"""Signatures: a signed person is not reported unsigned, and the person who signs for an entity
(an officer, an attorney-in-fact, 'By: X, its general partner') is not taken for a reporting
person. Small synthetic fixtures (tests/fixtures/layouts/), each one class of layout seen on real
filings, through the whole pipeline."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import sources
from checker.parse import parse_document
from checker.pipeline import check_file
from checker.sources.html import html_to_text

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def codes(result, *wanted):
    return sorted((f.rule_id, f.person) for f in result.findings if f.rule_id in wanted)


def test_html_signature_blocks_side_by_side_are_read_block_by_block():
    # Two blocks in one table ('Alpha Fund, L.P. | Alpha GP, LLC' / 'By: | /s/ Jane Roe | By: | /s/ ...'):
    # read row by row they made one person 'Alpha Fund, L.P. | Alpha GP, LLC' and left both unsigned.
    result = check_file(LAYOUTS / "signature_grid_13d.htm")
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [
        ("Alpha Fund, L.P.", True), ("Alpha GP, LLC", True)]
    assert codes(result, "CON004", "COV001") == []


def test_side_by_side_blocks_printed_one_table_per_row_are_read_block_by_block(tmp_path):
    # Some filers' tools print every table row as a table of its own: the names above the '/s/'
    # row are then a table apart, and were read as one person 'Alpha Fund, L.P. | Alpha GP, LLC'.
    html = (LAYOUTS / "signature_grid_13d.htm").read_text()
    split = tmp_path / "signature_grid_per_row_13d.htm"
    split.write_text(re.sub(r"(?i)</tr>\s*<tr", "</tr></table>\n<table><tr", html))
    assert split.read_text() != html
    result = check_file(split)
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [
        ("Alpha Fund, L.P.", True), ("Alpha GP, LLC", True)]
    assert codes(result, "CON004", "COV001") == []


def test_a_signature_table_with_one_block_a_row_stays_rows():
    html = ("<table><tr><td>By:</td><td>/s/ Jane Roe</td></tr>"
            "<tr><td>Name:</td><td>Jane Roe</td></tr></table>")
    assert html_to_text(html)[0].splitlines() == ["By: | /s/ Jane Roe", "Name: | Jane Roe"]


def test_side_by_side_blocks_become_one_column_each():
    html = ("<table><tr><td>Alpha Fund, L.P.</td><td></td><td>Alpha GP, LLC</td></tr>"
            "<tr><td>/s/ Jane Roe</td><td></td><td>/s/ John Doe</td></tr></table>")
    assert [t for t in html_to_text(html)[0].splitlines() if t] == [
        "Alpha Fund, L.P.", "/s/ Jane Roe", "Alpha GP, LLC", "/s/ John Doe"]


# -- text signature blocks (the cover page is tests/test_parse_numbers.py's one-person 13D) -------
from test_parse_numbers import cover_13d, run  # noqa: E402


def parsed(name: str, sig: str):
    """The one-person 13D with this signature block, parsed (no rules run)."""
    return parse_document(sources.load_bytes(cover_13d(name, signature=sig).encode(), "s.txt"))


def signed_for(text: str):
    result = run(text)
    return codes(result, "CON004", "COV001"), [(p.name, p.cover_page) for p in result.reporting_persons]


def test_an_officer_signing_for_the_sole_reporting_person_signs_for_it():
    # 'By /s/ F. William McNabb III' / his name / 'President and Chief Executive Officer', no entity printed
    sig = ("Date: 02/03/2012\n\nBy /s/ John Q. Officer*\n\nJohn Q. Officer\n\nPresident and Chief Executive Officer\n\n"
           "*By: /s/ Ann Agent\n\nAnn Agent, pursuant to a Power of Attorney filed January 29, 2010\n")
    assert signed_for(cover_13d("Example Group, Inc.", signature=sig)) == ([], [("Example Group, Inc.", True)])


def test_an_individual_signature_with_by_as_caption_is_the_individual():
    sig = "Date: August 2, 2006\nBy: /s/ John Q. Public\nJohn Q. Public\n"
    found, persons = signed_for(cover_13d("John Q. Public", signature=sig))
    assert found == [] and persons == [("John Q. Public", True)]


def test_an_officer_signature_is_not_given_to_a_person_of_several():
    # Two reporting persons, one officer signature naming no entity: it cannot be placed, so no
    # one is taken to have signed (rather than one of them by a guess).
    two = cover_13d("Example Group, Inc.", signature="Date: 02/03/2012\nBy /s/ John Q. Officer\nPresident\n")
    second = two.split("Cusip No.")[1].split("Signature")[0].replace("Example Group, Inc.", "Example Fund LP")
    text = two.replace("\nSignature\n", "\nCusip No." + second + "\nSignature\n", 1)
    filing = parse_document(sources.load_bytes(text.encode(), "two.txt"))
    assert [p.name.value for p in filing.cover_pages] == ["Example Group, Inc.", "Example Fund LP"]
    assert filing.signatures == []
    one = parse_document(sources.load_bytes(two.encode(), "one.txt"))
    assert [s.name for s in one.signatures] == ["Example Group, Inc."]  # the near miss: one person


def test_entity_printed_above_the_date_line_is_signed_for():
    sig = "T. EXAMPLE ASSOCIATES, INC.\nDate: February 14, 2022\nSignature: /s/ Dana Roe\nName & Title: Dana Roe, Vice President\n"
    assert signed_for(cover_13d("T. Example Associates, Inc.", signature=sig)) == (
        [], [("T. Example Associates, Inc.", True)])


def test_entity_wrapped_beside_the_date_is_one_name():
    sig = ("Date:  June 12, 1998                     EXAMPLE CAPITAL & TRADE\n"
           "                                         RESOURCES CORP.\n\n"
           "                                         By: /s/ PEGGY ROE\n"
           "                                         Name:  Peggy Roe\n"
           "                                         Title: Vice President and Secretary\n")
    assert signed_for(cover_13d("Example Capital & Trade Resources Corp.", signature=sig))[0] == []


def test_entity_hyphenated_over_two_lines_with_a_trustee_role_is_one_name():
    sig = ("Dated:  January 31, 1994\n\n          FIRST EXAMPLE BANK OF ARI-\n          ZONA, N.A., Trustee\n\n"
           "          By /s/ Charles Roe\n          Name:  Charles Roe\n          Title: Assistant Vice\n"
           "                 President\n")
    name = "First Example Bank of Arizona, N.A., as Trustee for The Example Equity Trust"
    assert signed_for(cover_13d(name, signature=sig)) == ([], [(name, True)])


def test_a_name_beginning_with_a_title_word_is_a_name_not_a_capacity():
    sig = ("          PRESIDENT AND FELLOWS OF EXAMPLE\n          COLLEGE\n\n          By: /s/ Judith Roe\n"
           "          Name:  Judith Roe\n          Title: Authorized Signatory\n\nApril 16, 1999\n")
    name = "President and Fellows of Example College"
    assert signed_for(cover_13d(name, signature=sig)) == ([], [(name, True)])


def test_printed_name_without_the_middle_initial_and_a_compliance_title():
    # 'By: /s/ Stuart R. Roe' / 'Stuart Roe, Managing Director,' / 'Chief Compliance Officer': the
    # title lines are the capacity, not the next block's entity.
    sig = ("Date: February 14, 2020\nALPHA ADVISORS, LLC\nBy: /s/ Diane S. Roe\nDiane S. Roe\nChief Compliance Officer\n"
           "BETA ADVISORS, LLC\nBy: /s/ Stuart R. Roe\nStuart Roe, Managing Director,\nChief Compliance Officer\n")
    text = cover_13d("Alpha Advisors, LLC", signature=sig)
    found, persons = signed_for(text)
    assert [n for n, c in persons if not c] == ["BETA ADVISORS, LLC"]
    assert found == [("COV001", "BETA ADVISORS, LLC")]  # a real finding: Beta signs without a cover page


STARRED = ("Date: August 6, 2012\nALPHA FUND LP\nBy: | *\nAnn Roe, its Manager\nBy: | *\nBen Roe\n"
           "* By: | /s/ Kemper Roe\nKemper Roe, attorney-in-fact\n")


@pytest.mark.parametrize("mark", ["/s/", "s/"])  # the first slash dropped, as older filings type it
def test_starred_blocks_signed_through_an_attorney_in_fact(mark):
    # 'By: *' over each printed name, and at the end '* By: /s/ Kemper Roe, attorney-in-fact'.
    sig = STARRED.replace("/s/", mark)
    filing = parsed("Alpha Fund LP", sig)
    assert [(s.name, s.signer) for s in filing.signatures if s.context == "statement"][:2] == [
        ("ALPHA FUND LP", "Ann Roe"), ("Ben Roe", "Ben Roe")]


@pytest.mark.parametrize("label", ["By:", "Signature:", "SIGNATURE"])
def test_the_signature_caption_before_the_mark_is_read_as_by(label):
    # 'Signature: /s/ Victor Roe' under a 'By:' chain: the form's caption labels the signature line.
    # Read as a line of its own, the chain was lost and the entity below taken for the one signed.
    sig = (f"ALPHA PARTNERS, LLC\nBy: Alpha Holdings, LLC\nBy: Victor Roe, Managing Member\n{label} /s/ Victor Roe\n"
           f"Name: Victor Roe\nALPHA MASTER FUND, LTD.\nBy: Victor Roe, Director\n{label} /s/ Victor Roe\nName: Victor Roe\n")
    filing = parsed("Alpha Partners, LLC", sig)
    assert [(s.name, s.signer) for s in filing.signatures] == [
        ("ALPHA PARTNERS, LLC", "Victor Roe"), ("ALPHA MASTER FUND, LTD.", "Victor Roe")]


def test_starred_blocks_with_the_signature_caption_on_the_attorney_line():
    sig = STARRED.replace("* By:", "* Signature:")
    filing = parsed("Alpha Fund LP", sig)
    assert [(s.name, s.signer) for s in filing.signatures if s.context == "statement"][:2] == [
        ("ALPHA FUND LP", "Ann Roe"), ("Ben Roe", "Ben Roe")]


def test_a_star_without_an_attorney_line_is_no_signature():
    sig = STARRED.split("* By:")[0]
    filing = parsed("Alpha Fund LP", sig)
    assert [s.name for s in filing.signatures] == []


def test_a_capacity_naming_an_entity_signs_for_it_too():
    sig = ("Date: February 10, 2015\n/s/ Sam R. Roe\nSam R. Roe, individually and in his capacity as cotrustee of "
           "the John T. Roe Estate Trust\n")
    filing = parsed("John T. Roe Estate Trust", sig)
    assert [s.name for s in filing.signatures] == ["Sam R. Roe", "John T. Roe Estate Trust"]


def test_a_capacity_naming_no_entity_signs_for_none():
    sig = "Date: February 10, 2015\n/s/ Sam R. Roe\nSam R. Roe, individually and as trustee of each of the trusts\n"
    filing = parsed("Roe Family Trust", sig)
    assert [s.name for s in filing.signatures] == ["Sam R. Roe"]


def test_stacked_signatures_with_degrees_each_sign():
    # No blank lines between blocks; 'Ph.D.' after a printed name is no capacity and ends the block.
    sig = ("Dated: October 2, 2006\n/s/ JoMei Roe\nJoMei Roe, Ph.D.\n/s/ M. Dale Roe\nM. Dale Roe, Ph.D.\n"
           "Example Technology Group, Inc.\nBy: | /s/ JoMei Roe\nName: JoMei Roe, Ph.D.\nTitle: President\n")
    filing = parsed("JoMei Roe, Ph.D.", sig)
    assert [s.name for s in filing.signatures] == ["JoMei Roe, Ph.D.", "M. Dale Roe, Ph.D.",
                                                   "Example Technology Group, Inc."]


def test_heading_wrapped_before_its_parenthesised_part_is_one_name():
    sig = ("Dated: June 18, 2007\n\n      EXAMPLE LIFE SCIENCES FUND\n      (OFFSHORE), LTD.\n\n"
           "      By: Example Capital Management, LLC\n          its investment manager\n\n"
           "      By: /s/ Gabe Roe\n          -----------\n          Gabe Roe, Managing Member\n")
    from checker.parse.signatures import read_signatures
    lines = sig.split("\n")
    assert [s.name for s in read_signatures(lines, 0, len(lines), "statement", lambda i: i + 1)] == [
        "EXAMPLE LIFE SCIENCES FUND (OFFSHORE), LTD."]


def _heading_names(sig: str) -> list[str]:
    from checker.parse.signatures import read_signatures
    lines = sig.split("\n")
    return [s.name for s in read_signatures(lines, 0, len(lines), "statement", lambda i: i + 1)]


def test_an_alias_wrapped_in_parentheses_and_on_behalf_of_name_two_entities():
    # The second entity wraps over two lines, then its former name over two more, ending '))'.
    sig = ("Dated: March 3, 1994\n\n        EXAMPLE LIFE ASSURANCE COMPANY\n        and on behalf of Example Security\n"
           "        Assurance Company of Ohio\n        (formerly known as Sample Security\n"
           "        Life Assurance Company (Ohio))\n\n\n        By:/s/ Jane Q. Roe\n           ----------\n"
           "           Jane Q. Roe\n           Vice President\n")
    assert _heading_names(sig) == ["EXAMPLE LIFE ASSURANCE COMPANY", "Example Security Assurance Company of Ohio"]


def test_an_alias_line_belongs_to_the_name_above_it():
    sig = ("Date: May 2, 2001\n\nALPHA EXAMPLE PARTNERS LLC\n(f/k/a Beta Example Partners LLC)\nGAMMA EXAMPLE FUND LP\n\n"
           "By: /s/ John Roe\nJohn Roe, Managing Member\n")
    assert _heading_names(sig) == ["ALPHA EXAMPLE PARTNERS LLC", "GAMMA EXAMPLE FUND LP"]


def test_for_itself_and_on_behalf_of_on_one_line():
    sig = ("Date: May 2, 2001\n\nEXAMPLE HOLDINGS, INC., for itself and on behalf of EXAMPLE SUB LLC\n\n"
           "By: /s/ John Roe\nJohn Roe, President\n")
    assert _heading_names(sig) == ["EXAMPLE HOLDINGS, INC.", "EXAMPLE SUB LLC"]


def test_on_behalf_of_something_that_is_no_name_names_nothing_more():
    # The near miss: 'on behalf of the undersigned' is prose, so no second name is read from it.
    sig = ("Date: May 2, 2001\n\nEXAMPLE HOLDINGS, INC.\n\n"
           "By: /s/ John Roe\nJohn Roe, President\n")
    assert _heading_names(sig) == ["EXAMPLE HOLDINGS, INC."]
    prose = sig.replace("EXAMPLE HOLDINGS, INC.\n", "EXAMPLE HOLDINGS, INC.\non behalf of the undersigned\n")
    assert _heading_names(prose) == ["EXAMPLE HOLDINGS, INC."]


def test_a_parenthesis_that_is_no_alias_stays_in_the_name():
    sig = ("Date: May 2, 2001\n\nEXAMPLE GLOBAL FUND (CAYMAN\nISLANDS), LTD.\n\nBy: /s/ John Roe\nJohn Roe, Director\n")
    assert _heading_names(sig) == ["EXAMPLE GLOBAL FUND (CAYMAN ISLANDS), LTD."]


def test_real_wrapped_on_behalf_of_heading(corpus):
    path = corpus / "labelled" / "1994_sc_13da_50104.txt"
    if not path.exists():
        pytest.skip("labelled set not found")
    names = [p.name for p in check_file(path).reporting_persons]
    assert sorted(names) == ["METROPOLITAN LIFE INSURANCE COMPANY", "MetLife Security Insurance Company of Louisiana"]


def test_signature_slots_count_what_is_typed_in_each_slot():
    from checker.parse.statements import signature_slots
    lines = ["SIGNATURE", "", "By: /s/ Jo Roe", "/s/ Jo Roe        /s/ ________", "/s/", "By:/s/ ----- ",
             "x/s/ not a mark", "Jo Roe", "----------", "Signature", "----------", "(Signature)"]
    assert signature_slots(lines, 0, len(lines)) == [(2, 6), (3, 0), (4, 0), (5, 0), (9, 6), (11, 0)]


def test_the_certification_in_capitals_wrapped_above_the_entity_is_no_name():
    # 'I CERTIFY THAT ... IS TRUE, COMPLETE AND' / 'CORRECT.' / 'EXAMPLE GROUP, INC.' / 'By: /s/ ...':
    # 'CORRECT.' ends the sentence, it is no person that signs
    sig = ("AFTER REASONABLE INQUIRY AND TO THE BEST OF MY KNOWLEDGE AND BELIEF, I\n"
           "CERTIFY THAT THE INFORMATION SET FORTH IN THIS STATEMENT IS TRUE, COMPLETE AND\n"
           "CORRECT.\nEXAMPLE GROUP, INC.\nBY:  /S/ JOHN Q. OFFICER\n     JOHN Q. OFFICER\n     VICE PRESIDENT\n"
           "DATE: FEBRUARY 3, 2012\n")
    found, persons = signed_for(cover_13d("Example Group, Inc.", signature=sig))
    assert found == [] and persons == [("Example Group, Inc.", True)]


def _signed(text: str) -> list[tuple[str, str]]:
    filing = parse_document(sources.load_bytes(text.encode(), "s.txt"))
    return [(s.name, s.context) for s in filing.signatures]


def _with_signature_page(page: str) -> str:
    return cover_13d("Example Group, Inc.", signature="").split("\nSignature\n")[0] + "\n\nSIGNATURE\n\n" + page


def test_the_forms_date_signature_name_title_layout_with_the_entity_after_the_title():
    # 'December 11, 2013' / 'Date' / '/s/ ...' / 'Signature' / 'Name Title ENTITY', one block a person:
    # a date over the form's caption dates the next signature, it starts no letter
    page = ("December 11, 2013\nDate\n/s/ Riccardo Pettazzi\nSignature\n"
            "Riccardo Pettazzi Head of Corporate Affairs EXAMPLE GROUP, INC.\n\n"
            "December 11, 2013\nDate\n/s/ Francesco Lobianco\nSignature\n"
            "Francesco Saverio Lobianco Chief Executive Officer EXAMPLE HOLDINGS N.V.\n")
    assert _signed(_with_signature_page(page)) == [("EXAMPLE GROUP, INC.", "statement"),
                                                   ("EXAMPLE HOLDINGS N.V.", "statement")]


def test_an_officer_for_each_of_two_entities_and_an_entity_under_the_title():
    page = ("February 14, 1997\n- --------------\nDate\n\n/s/ Michael S. Perman\n- --------------\n"
            "Michael S. Perman,\nas Company Secretary for each of Example Group, Inc.\nand Example Holdings, Ltd.\n\n"
            "February 14, 1997\n- --------------\nDate\n\n/s/ Deborah Lamb\n- --------------\n"
            "Deborah Lamb, Assistant Secretary\nExample Funds, Inc.\n")
    assert _signed(_with_signature_page(page)) == [
        ("Example Group, Inc.", "statement"), ("Example Holdings, Ltd", "statement"), ("Example Funds, Inc.", "statement")]


@pytest.mark.parametrize("date", ["January 30, 2015", "01/30/2015"])
def test_a_date_beside_the_entity_heads_its_block(date):
    page = (f"{date} | Example Fund, L.P.\nBy: its General Partner, Example GP, L.L.C.\nBy : | /s/Brad Roe\n"
            f"Name: Brad Roe\nTitle: Managing Member\n{date} | Example GP, L.L.C.\nBy: | /s/Brad Roe\n"
            f"Name: Brad Roe\nTitle: Managing Member\n{date}\n/s/Fred Doe\nFred Doe\n{date}\n/S/ Ann Poe\nAnn Poe\n")
    assert [n for n, _ in _signed(_with_signature_page(page))] == [
        "Example Fund, L.P.", "Example GP, L.L.C.", "Fred Doe", "Ann Poe"]


@pytest.mark.parametrize("signature", ["Signature:  Spencer Fleming", "--//Spencer Fleming//--"])
def test_a_name_typed_after_the_signature_caption_or_between_slashes_is_a_conformed_signature(signature):
    # BlackRock's layout: 'Dated: ...' / 'BlackRock, Inc.' / 'Signature:  Spencer Fleming' / 'Name/Title ...'
    page = f"Dated: January 25, 2021\nExample Group, Inc.\n\n\n{signature}\n\n-----------\n\nName/Title Attorney-In-Fact\n"
    assert _signed(_with_signature_page(page)) == [("Example Group, Inc.", "statement")]


def test_the_entity_under_a_captioned_name_and_title_needs_no_legal_form():
    page = ("Date:          January 10, 2008\n\nSignature:     Robert W. Lovelace^\n"
            "Name/Title:    Robert W. Lovelace -- Senior Vice\n               President\n"
            "               Example World Investors\n\nDate:          January 10, 2008\n\n"
            "Signature:     Patrick F. Quan^\nName/Title:    Patrick F. Quan -- Secretary\n"
            "               Example Group, Inc.\n")
    assert _signed(_with_signature_page(page)) == [("Example World Investors", "statement"),
                                                   ("Example Group, Inc.", "statement")]
    # 'signature: see below' (prose, not a name) is no signature
    assert _signed(_with_signature_page("Example Group, Inc.\nsignature: see below\n")) == []


@pytest.mark.parametrize("page, names", [
    ("Dated: July 25, 1996\n\n     EXAMPLE FUND L.P.\n\n     By s/\n       Fredric H. Gould, Partner\n",
     [("EXAMPLE FUND L.P.", "Fredric H. Gould", "Partner")]),
    ("January 27, 1998\n\nExample Group, Inc.\n\nS\\DEBORAH R. ROE\n\nBy: Deborah R. Roe\n",
     [("Example Group, Inc.", "DEBORAH R. ROE", None)]),
])
def test_older_conformed_signatures_without_the_first_slash_or_with_a_backslash(page, names):
    filing = parse_document(sources.load_bytes(_with_signature_page(page).encode(), "s.txt"))
    assert [(s.name, s.signer, s.capacity) for s in filing.signatures] == names


OFFICER = "Date: May 19, 2003\nJ. Ellwood Roe\nBy: /s/ J. Ellwood Roe\nJ. Ellwood Roe\nTitle: President\n"


def test_an_officer_printing_his_own_name_over_his_signature_signs_for_the_sole_person():
    # 'J. Ellwood Roe' / 'By: /s/ J. Ellwood Roe' / 'Title: President': his name, not an entity
    # signed for; the one reporting person (no cover page names him) is the one signed for.
    assert signed_for(cover_13d("Roe & Co.", signature=OFFICER)) == ([], [("Roe & Co.", True)])


def test_a_reporting_person_printing_his_own_name_with_a_title_signs_for_himself():
    # near miss: the name over the signature has a cover page of its own
    found, persons = signed_for(cover_13d("J. Ellwood Roe", signature=OFFICER))
    assert found == [] and persons == [("J. Ellwood Roe", True)]


def test_the_signed_name_and_the_printed_name_in_one_line_are_one_signer():
    # '/s/ J. Ellwood Roe' and, under a rule in the same table cell, 'J. Ellwood Roe': one line
    sig = "Date: May 19, 2003\nRoe & Co.\nBy: /s/ J. Ellwood Roe J. Ellwood Roe\nTitle: President\n"
    filing = parsed("Roe & Co.", sig)
    assert [(s.name, s.signer) for s in filing.signatures] == [("Roe & Co.", "J. Ellwood Roe")]


def test_the_signature_heading_run_into_the_certification_starts_the_signature_page():
    text = cover_13d("Roe & Co.", signature="Date: May 19, 2003\nRoe & Co.\nBy: /s/ J. Ellwood Roe\nTitle: President\n")
    glued = text.replace("Signature\n\nAfter reasonable inquiry", "Signature After reasonable inquiry")
    assert glued != text
    filing = parse_document(sources.load_bytes(glued.encode(), "s.txt"))
    assert [s.name for s in filing.signatures] == ["Roe & Co."]


def test_the_names_of_one_heading_printed_a_paragraph_apart_are_all_signed_for():
    # An HTML paragraph for each name over the attorney's signature: blank lines between them.
    sig = ("Date: May 1, 2013\nALPHA MANAGEMENT, LLC\nBy: /s/ Nathalie Agent\nNathalie Agent\nAttorney-in-Fact\n\n"
           "CUSIP NO. 037833100 Page 15 of 19\n\nALAIN ROE\n\nDR. JAMES ROE\n\nERIC ROE\n\n"
           "By: /s/ Nathalie Agent\n\nNathalie Agent\n\nAttorney-in-Fact\n")
    filing = parsed("Alpha Management, LLC", sig)
    assert [s.name for s in filing.signatures] == ["ALPHA MANAGEMENT, LLC", "ALAIN ROE", "DR. JAMES ROE", "ERIC ROE"]


def test_a_name_a_paragraph_above_the_heading_under_prose_is_not_taken():
    # near miss: above the blank line stands the certification, not names: only the nearest name
    sig = "JOHN ROE\n\nALPHA MANAGEMENT, LLC\nBy: /s/ Jane Roe\nJane Roe, Managing Member\n"
    filing = parsed("Alpha Management, LLC", sig)
    assert [s.name for s in filing.signatures] == ["ALPHA MANAGEMENT, LLC"]


def test_a_head_of_department_title_on_its_own_line_is_the_capacity_over_the_entity():
    # The form's 'Date / Signature / Name / Title' layout in paragraphs: the entity under the title.
    sig = ("December 11, 2013\nDate\n/s/ Riccardo Roe\nSignature\nRiccardo Roe\nHead of Corporate Affairs\n"
           "ALPHA TELECOM S.P.A.\n")
    filing = parsed("Alpha Telecom S.p.A.", sig)
    assert [(s.name, s.capacity) for s in filing.signatures] == [("ALPHA TELECOM S.P.A.", "Head of Corporate Affairs")]
