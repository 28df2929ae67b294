"""Names that read alike but name two entities: different legal forms printed ('Centaurus Capital
LP' / 'Centaurus Capital Limited'), one distinctive word put for another ('Ellington Capital
Management LLC' / 'Ellington Financial Management LLC'); and a signer's office of an entity
('Bernard Oppetit, as director of Centaurus Capital Limited, general partner of Centaurus Capital
LP'), which signs for that entity too. Unit checks of checker.names, then whole-pipeline cases on
synthetic filings (the class of txt/orgron_2004_stelmar_shipping_sc13g.txt and
labelled/sample_1411342.txt)."""
from __future__ import annotations

import pytest

from checker.names import different_entities, different_legal_form, different_word, same_name, same_person
from test_parse_numbers import cover_13d, run


@pytest.mark.parametrize("a, b", [
    ("Centaurus Example LP", "Centaurus Example Limited"), ("Alpha Holdings LLC", "Alpha Holdings, Inc."),
    ("Alpha Capital, L.P.", "Alpha Capital Ltd."), ("Alpha Group Inc.", "Alpha Group Corp."),
    ("Alpha Partners LLP", "Alpha Partners LP"), ("Alpha Capital Limited Partnership", "Alpha Capital LLC"),
])
def test_different_legal_forms_are_different_entities(a, b):
    assert different_legal_form(a, b) and not same_name(a, b) and not same_person(a, b)


@pytest.mark.parametrize("a, b", [
    ("Alpha Capital LP", "Alpha Capital, L.P."), ("Alpha Capital, L.P.", "ALPHA CAPITAL LIMITED PARTNERSHIP"),
    ("Alpha Shipping Ltd", "Alpha Shipping Limited"), ("Alpha Group Inc.", "Alpha Group Incorporated"),
    ("Alpha Group Corp.", "ALPHA GROUP CORPORATION"), ("Alpha LLC", "Alpha Limited Liability Company"),
    ("Alpha Capital Fund", "Alpha Capital Fund, L.P."), ("Goldman Example & Co.", "Goldman Example & Co. LLC"),
])
def test_a_form_spelt_out_or_left_off_is_the_same_entity(a, b):
    assert not different_legal_form(a, b) and same_name(a, b) and same_person(a, b)


@pytest.mark.parametrize("a, b", [
    ("Ellington Example Capital Management LLC", "Ellington Example Financial Management LLC"),
    ("Alpha Growth Fund, L.P.", "Alpha Value Fund, L.P."),
])
def test_one_word_put_for_another_makes_another_entity(a, b):
    assert different_word(a, b) and different_entities(a, b) and not same_person(a, b)


@pytest.mark.parametrize("a, b", [
    ("Alpha Advisers LLC", "Alpha Advisors, L.L.C."), ("Alpha Partner Fund LP", "Alpha Partners Fund LP"),
    ("Alpha Mgmt Fund LP", "Alpha Management Fund LP"), ("Alpha Capital LLC", "Alpha Capital Management LLC"),
    ("Alpha Gray Fund LP", "Alpha Grey Fund LP"), ("Alpha Captial Fund LP", "Alpha Capital Fund LP"),
    ("Alpha Intl Fund LP", "Alpha International Fund LP"),
])
def test_a_word_spelt_or_shortened_another_way_is_no_other_word(a, b):
    assert not different_word(a, b)


def _two_covers(first: str, second: str, signature: str) -> str:
    text = cover_13d(first, signature=signature)
    page = text[text.index("Cusip No. 037833100"):text.index("14. Type of Reporting Person")]
    page = page.replace(first, second, 1)
    return text.replace("14. Type of Reporting Person:  PN\n", "14. Type of Reporting Person:  PN\n\n"
                        + page + "14. Type of Reporting Person:  CO\n", 1)


_OFFICE_SIG = ("Dated: December 23, 2004\n\n              /s/ Bernard Roe\n              -------------------\n"
               "              Bernard Roe, as director of\n              Centaurus Example Limited, general\n"
               "              partner of Centaurus Example LP\n")


def test_a_signer_director_of_the_general_partner_signs_for_both():
    result = run(_two_covers("Centaurus Example LP", "Centaurus Example Limited", _OFFICE_SIG))
    assert [p.name for p in result.reporting_persons] == ["Centaurus Example LP", "Centaurus Example Limited"]
    assert not [f for f in result.findings if f.rule_id in ("CON004", "COV001", "CON002")]


def test_the_fund_left_out_of_that_signature_is_unsigned():
    sig = _OFFICE_SIG.replace("partner of Centaurus Example LP", "partner of")
    result = run(_two_covers("Centaurus Example LP", "Centaurus Example Limited", sig))
    assert [(f.rule_id, f.person) for f in result.findings if f.rule_id in ("CON004", "COV001")] == [
        ("CON004", "Centaurus Example LP")]


def test_the_general_partner_left_out_of_that_signature_is_unsigned():
    sig = _OFFICE_SIG.replace("Centaurus Example Limited, general", "the general")
    result = run(_two_covers("Centaurus Example LP", "Centaurus Example Limited", sig))
    assert [(f.rule_id, f.person) for f in result.findings if f.rule_id in ("CON004", "COV001")] == [
        ("CON004", "Centaurus Example Limited")]


def test_an_entity_named_only_in_the_signers_office_is_not_a_party_without_a_cover_page():
    """The LP reports alone; its general partner signs for it and has no cover page: no COV001."""
    result = run(cover_13d("Centaurus Example LP", signature=_OFFICE_SIG))
    assert [p.name for p in result.reporting_persons] == ["Centaurus Example LP"]
    assert not [f for f in result.findings if f.rule_id in ("CON004", "COV001", "CON002")]


def test_a_signature_for_the_limited_company_does_not_sign_for_the_partnership():
    """Two covers, LP and Ltd; the statement signs for the Ltd only: the LP is unsigned, where
    the names were once taken for one entity ('Centaurus Example' with its form dropped)."""
    sig = ("Dated: December 23, 2004\n\nCENTAURUS EXAMPLE LIMITED\n\nBy: /s/ Bernard Roe\n"
           "Bernard Roe, Director\n")
    result = run(_two_covers("Centaurus Example LP", "Centaurus Example Limited", sig))
    assert [(f.rule_id, f.person) for f in result.findings if f.rule_id in ("CON004", "COV001")] == [
        ("CON004", "Centaurus Example LP")]


def test_a_signer_with_another_word_in_its_name_has_no_cover_page_and_is_no_name_variant():
    """Covers for 'Ellington Example Financial Management LLC'; a signature block for 'Ellington
    Example Capital Management LLC' too: a person of its own without a cover page (COV001), not a
    misspelling of the other (CON002)."""
    sig = ("Dated: August 2, 2006\n\nELLINGTON EXAMPLE FINANCIAL MANAGEMENT LLC\nBy: /s/ Jane Roe\n"
           "Jane Roe, Managing Member\n\nELLINGTON EXAMPLE CAPITAL MANAGEMENT LLC\nBy: /s/ Jane Roe\n"
           "Jane Roe, Managing Member\n")
    result = run(cover_13d("Ellington Example Financial Management LLC", signature=sig))
    assert sorted((f.rule_id, f.person) for f in result.findings if f.rule_id in ("COV001", "CON002")) == [
        ("COV001", "ELLINGTON EXAMPLE CAPITAL MANAGEMENT LLC")]


def test_a_signer_spelt_with_a_typo_is_still_a_name_variant():
    sig = ("Dated: August 2, 2006\n\nELLINGTON EXAMPLE FINANCIAL MANAGEMENT LLC\nBy: /s/ Jane Roe\n"
           "Jane Roe, Managing Member\n")
    result = run(cover_13d("Ellington Example Financial Managment LLC", signature=sig))
    assert [f.rule_id for f in result.findings if f.rule_id in ("COV001", "CON002")] == ["CON002"]


def test_a_header_group_name_differing_only_in_legal_form_is_the_cover_persons_conformed_name():
    """EDGAR's conformed name may keep a form the entity has left ('... LP' after it became an LLC):
    the header names the cover-page person, no missing cover page. A signature so named would not."""
    from checker.facts.cover import cover_page_facts
    from checker.model import NameRef
    from checker.parse import parse_document
    from checker import sources
    filing = parse_document(sources.load_bytes(cover_13d("Alpha Example Capital LLC").encode(), "synthetic.txt"))
    filing.named_persons.append(NameRef(name="ALPHA EXAMPLE CAPITAL LP", source="header-group", line=5))
    assert not [f for f in cover_page_facts(filing) if f["t"] == "uncovered_name"]
    filing.named_persons[-1] = NameRef(name="ALPHA EXAMPLE CAPITAL LP", source="signature", line=50)
    assert [f["person"] for f in cover_page_facts(filing) if f["t"] == "uncovered_name"] == ["ALPHA EXAMPLE CAPITAL LP"]
