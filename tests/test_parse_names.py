"""Names: series marks make different entities; a role printed after a name is not part of it;
captions printed with row 1 ('I.D. No.', 'S.S. or I.R.S. Identification Number of Above Person')
are not the name; a row-1 name wrapped over two lines is one name. Through the whole pipeline
where the name comes from a filing."""
from __future__ import annotations

import pytest

from checker.names import clean_name, different_series, same_name, same_person
from test_parse_numbers import cover_13d, run


@pytest.mark.parametrize("a, b", [
    ("Alpha Fund II", "Alpha Fund"), ("Alpha Partners L.P.", "Alpha Partners II L.P."),
    ("Alpha Fund A", "Alpha Fund B"), ("Alpha Fund I", "Alpha Fund"), ("Beta Fund 3, LP", "Beta Fund 4, LP"),
])
def test_names_differing_in_a_series_mark_are_different_entities(a, b):
    assert different_series(a, b) and not same_person(a, b) and not same_name(a, b)


@pytest.mark.parametrize("a, b", [
    ("Alpha Advisers LLC", "Alpha Advisors, L.L.C."), ("J. P. Morgan & Co.", "J.P. Morgan & Co."),
    ("Alpha Fund II, L.P.", "ALPHA FUND II LP"),
])
def test_spelling_variants_are_still_one_entity(a, b):
    assert same_person(a, b) and not different_series(a, b)


def test_a_fund_ii_signing_without_a_cover_page_is_not_taken_for_the_fund():
    sig = "Dated: August 2, 2006\n\nALPHA FUND, L.P.\nBy: /s/ Jane Roe\nJane Roe, General Partner\n\n" \
          "ALPHA FUND II, L.P.\nBy: /s/ Jane Roe\nJane Roe, General Partner\n"
    result = run(cover_13d("Alpha Fund, L.P.", signature=sig))
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [
        ("Alpha Fund, L.P.", True), ("ALPHA FUND II, L.P.", False)]


def test_both_names_with_a_trustee_role_are_one_entity():
    assert same_name("WACHOVIA EXAMPLE BANK, N.A., TRUSTEE",
                     "Wachovia Example Bank, N.A., as Trustee for the Example Ownership Trust")
    assert not same_name("Example Bank, N.A., Trustee", "Other Bank, N.A., as Trustee")


def test_id_caption_glued_to_the_name_is_not_part_of_it():
    assert clean_name("Wilshire Example Company of Texas-I.D. No. 84-0513668") == (
        "Wilshire Example Company of Texas", "84-0513668")


def test_an_irs_number_in_brackets_after_the_name_leaves_no_empty_brackets():
    assert clean_name("Example Capital Management LLC (06-1234567)") == ("Example Capital Management LLC", "06-1234567")
    assert clean_name("Example Partners, L.P. [061234567]") == ("Example Partners, L.P.", "06-1234567")
    # A bracketed part of the name itself stays.
    assert clean_name("Example Fund (Offshore), Ltd. (06-1234567)") == ("Example Fund (Offshore), Ltd.", "06-1234567")


def test_a_mistyped_irs_number_is_kept_as_printed_and_an_ssn_is_not_taken_for_one():
    assert clean_name("Example Fund LP 13-368849") == ("Example Fund LP", "13-368849")
    assert clean_name("Example Fund LP 133-688497") == ("Example Fund LP", "133-688497")
    assert clean_name("Jane Roe 123-45-6789") == ("Jane Roe", None)
    assert clean_name("Example Fund 2005-123456 LLC") == ("Example Fund 2005-123456 LLC", None)


def test_row_one_caption_then_a_name_wrapped_over_two_lines():
    name = ("S.S. or I.R.S. Identification Number of Above Person: 56-6394187\n\n"
            "   Example Bank of North Carolina, N.A., as Trustee for the M.A.\n   Hanna Example Ownership Trust")
    result = run(cover_13d(name, signature="Dated: January 12, 1994\n\nEXAMPLE BANK OF NORTH CAROLINA, N.A., TRUSTEE\n\n"
                                           "/s/ JOHN SMITH\nNAME: JOHN SMITH\nTITLE: ASSISTANT VICE PRESIDENT\n"))
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [
        ("Example Bank of North Carolina, N.A., as Trustee for the M.A. Hanna Example Ownership Trust", True)]
    assert not [f for f in result.findings if f.rule_id in ("CON004", "COV001")]


def test_a_signer_differing_by_a_numeral_is_a_missing_cover_page_not_a_name_variant():
    sig = "Dated: August 2, 2006\n\nALPHA PARTNERS III, L.P.\nBy: /s/ Jane Roe\nJane Roe, General Partner\n\n" \
          "ALPHA PARTNERS II, L.P.\nBy: /s/ Jane Roe\nJane Roe, General Partner\n"
    result = run(cover_13d("Alpha Partners III, L.P.", signature=sig))
    found = sorted((f.rule_id, f.person) for f in result.findings if f.rule_id in ("COV001", "CON002"))
    assert found == [("COV001", "ALPHA PARTNERS II, L.P.")]


def test_a_signer_spelt_a_little_differently_is_a_name_variant():
    sig = "Dated: August 2, 2006\n\nALPHA PARTNERS III, L.P.\nBy: /s/ Jane Roe\nJane Roe, General Partner\n"
    result = run(cover_13d("Alpha Partnes III, L.P.", signature=sig))
    assert [f.rule_id for f in result.findings if f.rule_id in ("COV001", "CON002")] == ["CON002"]


def _shared_page(sig: str) -> str:
    text = cover_13d("", signature=sig)
    return text.replace("Cusip No. 037833100\n1. Names of Reporting Persons.\n   \n",
                        "Cusip No. 037833100          13G          Page 2 of 6 Pages\n\n"
                        "Example Investments, Ltd. and Richard C.W. Roe\n00-000000\n"
                        "1. Names of Reporting Persons.\n\n")


def test_one_page_for_an_entity_and_a_person_printed_above_row_one_each_signing():
    sig = ("Date: December 15, 1998\n\n          /s/ Richard C.W. Roe\n          --------------\n"
           "          Example Investments, Ltd.\n          By:    Richard C.W. Roe\n          Its:   President\n\n\n"
           "          /s/ Richard C.W. Roe\n          --------------\n          Richard C. W. Roe\n")
    result = run(_shared_page(sig))
    assert [(p.name, p.cover_page, p.aggregate) for p in result.reporting_persons] == [
        ("Example Investments, Ltd. and Richard C.W. Roe", True, 1000)]
    assert not [f for f in result.findings if f.rule_id in ("COV001", "CON004")]


def test_one_page_for_two_when_only_one_signs_is_unsigned():
    sig = ("Date: December 15, 1998\n\n          /s/ Richard C.W. Roe\n          --------------\n"
           "          Example Investments, Ltd.\n          By:    Richard C.W. Roe\n          Its:   President\n")
    result = run(_shared_page(sig))
    assert [f.rule_id for f in result.findings if f.rule_id in ("COV001", "CON004")] == ["CON004"]
