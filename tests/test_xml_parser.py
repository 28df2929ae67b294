"""Schedule 13D/13G XML parser: real corpus filings (expected values read off the files by
eye) and synthetic variants for each quirk the reference notes (§7) list."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from checker import sources
from checker.parse import parse_document
from checker.parse.xml_filing import parse_xml
from checker.sources import Document



# file -> (schedule, form type, amendment no., issuer, CUSIP, event date,
#          [(person, aggregate, percent, sole voting)])
EXPECTED = {
    "xml/edgartools_aadi_bml_13d.xml": (
        "13D", "SCHEDULE 13D", None, "Aadi Bioscience, Inc.", "00032Q104", dt.date(2024, 12, 31),
        [("BML Investment Partners, L.P.", 2100000, "8.5", 0),
         ("Leonard Braden Michael", 2435000, "9.9", 335000)]),
    "xml/edgartools_jushi_marex_13g.xml": (
        "13G", "SCHEDULE 13G", None, "Jushi Holdings Inc.", "48213Y107", dt.date(2025, 11, 19),
        [("Marex Securities Products Inc.", 10000000, "5.1", 10000000),
         ("Marex Group plc", 10000000, "5.1", 10000000)]),
    "xml/edgartools_avis_pentwater_13ga.xml": (
        "13G", "SCHEDULE 13G/A", 3, "AVIS BUDGET GROUP, INC.", "053774105", dt.date(2026, 3, 31),
        [("Pentwater Capital Management LP", 7824100, "22.2", 0),
         ("Matthew Halbower", 7824100, "22.2", 0)]),
    "xml/edgartools_seaport_arch_13d.xml": (
        "13D", "SCHEDULE 13D", None, "Seaport Therapeutics, Inc.", "81221K108", dt.date(2026, 5, 4),
        [(name, 6294951, "11.9", 0) for name in (
            "ARCH Venture Fund XII, L.P.", "ARCH Venture Partners XII, L.P.",
            "ARCH Venture Partners XII, LLC", "Robert Nelsen", "Keith Crandell",
            "Kristina Burow", "Steven Gillis")]),
    "xml/laimis_elastic_pictet_13d.xml": (
        "13D", "SCHEDULE 13D", None, "Elastic N.V.", "N14506104", dt.date(2026, 1, 23),
        [("PICTET ASSET MANAGEMENT SA", 5288262, "5.0", 5274370)]),
    "xml/orgron_2023_clearmind_schedule13ga_primary_doc.xml": (
        "13G", "SCHEDULE 13G/A", 1, "Clearmind Medicine Inc.", "1850532047", dt.date(2023, 12, 5),
        [("Polatov Eli", 0, "0.0", 0)]),
    "xml/orgron_2024_amer_sports_schedule13da_primary_doc.xml": (
        "13D", "SCHEDULE 13D/A", 1, "Amer Sports, Inc.", "G0260P102", dt.date(2024, 12, 6),
        [("Baseball Investment Limited", 61407041, "11.2", None),
         ("Baseball Investment II Limited", 7692307, "1.4", None),
         ("FountainVest China Capital Partners GP3 Ltd.", 69099348, "12.6", None)]),
    "xml/orgron_2024_landsea_homes_schedule13d_primary_doc.xml": (
        "13D", "SCHEDULE 13D", None, "Landsea Homes Corporation", "51509P103", dt.date(2024, 12, 18),
        [("Mill Road Capital III, L.P.", 1818281, "5", 1818281),
         ("Mill Road Capital III GP LLC", 1818281, "5", 1818281),
         ("Thomas E. Lynch", 1818281, "5", 0)]),
    "xml/orgron_2024_southern_first_schedule13ga_primary_doc.xml": (
        "13G", "SCHEDULE 13G/A", 2, "Southern First Bancshares, Inc (SFST)", "842873101",
        dt.date(2024, 9, 30),
        [("FJ Capital Management LLC", 807223, "9.90", 0),
         ("Financial Opportunity Fund LLC", 807223, "9.90", 0),
         ("Martin Friedman", 807223, "9.90", 0)]),
    "xml/orgron_2025_mindmed_schedule13ga_primary_doc.xml": (
        "13G", "SCHEDULE 13G/A", 1, "MIND MEDICINE (MINDMED) INC.", "60255C885", dt.date(2024, 12, 31),
        [("BlackRock, Inc.", 6070053, "8.3", 5992299)]),
    "xml/orgron_2025_pimco_ny_muni_schedule13da_primary_doc.xml": (
        "13D", "SCHEDULE 13D/A", 2, "PIMCO NEW YORK MUNICIPAL INCOME FUND II", "72200Y508",
        dt.date(2025, 8, 1),
        [("BANK OF AMERICA CORP /DE/", 1170, "88.7", 0),
         ("Banc of America Preferred Funding Corp", 1170, "88.7", 0)]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_xml(corpus, name):
    schedule, form, amend, issuer, cusip, event, persons = EXPECTED[name]
    doc = sources.load(corpus / name)
    assert doc.format == "xml" and doc.xml is not None
    f = parse_xml(doc)
    assert (f.schedule, f.form_type, f.amendment_no) == (schedule, form, amend)
    assert f.issuer.value == issuer
    assert f.cusip.value == cusip
    assert f.event_date.value == event
    got = [(p.name.value, p.aggregate.shares, str(p.percent.value),
            p.sole_voting.shares if p.sole_voting else None) for p in f.cover_pages]
    assert got == persons
    assert not [i for i in f.issues if i.kind == "malformed-xml"]
    lines = (corpus / name).read_text(encoding="utf-8").split("\n")
    for p in f.cover_pages:  # every value points at its own line of the file
        assert p.name.value in lines[p.name.line - 1]
        assert p.aggregate.raw in lines[p.aggregate.line - 1]


def test_hilton_fractional_shares_are_kept_exactly(corpus):
    """XML amounts may carry two decimals (DECIMAL_TYPE14_2): kept as printed, not truncated."""
    f = parse_xml(sources.load(corpus / "xml/orgron_2025_hilton_grand_vacations_schedule13d_primary_doc.xml"))
    assert len(f.cover_pages) == 15
    apo = f.cover_pages[0]
    assert apo.name.value == "APO Corp." and apo.aggregate.shares == Decimal("7207424.4")
    assert apo.excludes_shares.value is False and f.cover_pages[1].excludes_shares.value is True
    assert not [i for i in f.issues if i.kind == "unreadable-number"]


def test_13g_items_and_flags(corpus):
    f = parse_xml(sources.load(corpus / "xml/edgartools_avis_pentwater_13ga.xml"))
    assert [r.value for r in f.rule_designations] == ["Rule 13d-1(b)"]
    assert f.item("3").title == "typeOfPersonFiling=IA,HC"
    assert f.item("5").title == "notApplicableFlag=Y"
    assert "ordinary course of business" in f.item("10").text
    assert [i.number for i in f.items] == [str(n) for n in range(1, 11)]
    page = f.cover_pages[0]
    assert page.type_codes.codes == ["IA", "PN"]
    assert page.rows_seen == list(range(1, 13))  # rows 2 and 3 have no element but are on the form
    assert page.group_box is None and page.citizenship.value == "DE"
    assert "call options" in page.comments
    assert [(s.name, s.signer, s.date.value) for s in f.signatures][1] == (
        "Matthew Halbower", "/s/ Matthew Halbower", dt.date(2026, 4, 7))
    jushi = parse_xml(sources.load(corpus / "xml/edgartools_jushi_marex_13g.xml"))
    assert jushi.item("5").title == "classOwnership5PercentOrLess=N"
    assert jushi.cover_pages[0].group_box == "a"


def test_13d_rows_and_codes(corpus):
    f = parse_xml(sources.load(corpus / "xml/orgron_2025_pimco_ny_muni_schedule13da_primary_doc.xml"))
    bofa, funding = f.cover_pages
    assert bofa.group_box == "b" and bofa.source_of_funds.codes == ["WC"]
    assert bofa.legal_proceedings.value is True and funding.legal_proceedings is None
    assert bofa.rows_seen == funding.rows_seen == list(range(1, 15))
    # legalProceedings absent = box unchecked: the row is on the form, its value is None
    assert funding.legal_proceedings is None
    assert bofa.cik.value == "0000070858" and bofa.type_codes.codes == ["HC"]
    assert f.security_class.value.startswith("REMARKETABLE")
    assert f.issuer_cik.value == "0001170311"
    assert {i.number for i in f.items} == {"1", "2", "3", "4", "5", "6", "7"}
    assert [s.name for s in f.signatures] == ["BANK OF AMERICA CORP /DE/",
                                              "Banc of America Preferred Funding Corp"]


def test_xml_inside_full_submission_maps_lines_to_submission(corpus):
    path = corpus / "txt/orgron_2025_mindmed_schedule13ga_fullsub.txt"
    doc = sources.load(path)
    f = parse_document(doc)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert f.format == "edgar-submission"
    assert "60255C885" in lines[f.cusip.line - 1]
    assert "BlackRock, Inc." in lines[f.cover_pages[0].name.line - 1]
    assert f.exhibits and f.exhibits[0].label == "24"


def test_group_members_become_named_persons(corpus):
    doc = sources.load(corpus / "txt/orgron_2025_mindmed_schedule13ga_fullsub.txt")
    doc.header["group_members"] = ["BLACKROCK FUND ADVISORS"]
    doc.header["lines"]["group_members"] = [9]
    f = parse_document(doc)
    assert [(n.name, n.source, n.line) for n in f.named_persons
            if n.source == "header-group"] == [
        ("BLACKROCK FUND ADVISORS", "header-group", 9)]


def test_graphic_document_is_described_not_decoded(corpus):
    f = parse_xml(sources.load(corpus / "xml/orgron_2024_rockwell_medical_schedule13g_primary_doc.xml"))
    assert [(e.label, e.title, e.text) for e in f.exhibits] == [("GRAPHIC", "Power of Attorney", "")]


# -- synthetic variants -------------------------------------------------------------------
def _doc(xml: str, first_line: int = 1) -> Document:
    return Document(path="t.xml", sha256="", format="xml", xml=xml.encode("utf-8"),
                    xml_first_line=first_line)


VARIANT = """<?xml version="1.0"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13d">
<headerData><submissionType>SCHEDULE 13D/A</submissionType></headerData>
<formData>
<coverPageHeader>
<amendmentNo>4</amendmentNo>
<dateOfEvent>03-15-2025</dateOfEvent>
<issuerInfo><issuerCik>0000000001</issuerCik><issuerName>Acme Corp</issuerName>
<issuerCusips><issuerCusipNumber>037833100</issuerCusipNumber>
<issuerCusipNumber>037833209</issuerCusipNumber></issuerCusips></issuerInfo>
</coverPageHeader>
<reportingPersons><reportingPersonInfo>
<reportingPersonName>Jane Doe</reportingPersonName>
<memberOfGroup>a</memberOfGroup><memberOfGroup>b</memberOfGroup>
<fundType>pf</fundType><fundType>OO</fundType>
<soleVotingPower>1,250.75</soleVotingPower>
<sharedVotingPower></sharedVotingPower>
<aggregateAmountOwned>n/a</aggregateAmountOwned>
<percentOfClass>12.345%</percentOfClass>
</reportingPersonInfo></reportingPersons>
<items1To7><Item2><filingPersonName>Jane Doe</filingPersonName><citizenship>USA</citizenship></Item2></items1To7>
<signatureInfo><signaturePerson><signatureReportingPerson>Jane Doe</signatureReportingPerson>
<signatureDetails><signature>/s/ Jane Doe</signature><title>Self</title><date>2025-13-45</date></signatureDetails>
</signaturePerson></signatureInfo>
</formData></edgarSubmission>"""


def test_variants_lowercase_namespace_dashes_nested_cusips_and_bad_values():
    f = parse_xml(_doc(VARIANT, first_line=11))
    assert (f.schedule, f.amendment_no) == ("13D", 4)
    assert f.event_date.value == dt.date(2025, 3, 15) and f.event_date.line == 17
    assert f.cusip.value == "037833100"  # several CUSIPs: the first
    p = f.cover_pages[0]
    assert p.group_box == "ab" and p.source_of_funds.codes == ["PF", "OO"]
    assert p.sole_voting.shares == Decimal("1250.75")  # a fraction is kept exactly
    assert p.shared_voting is None and 8 in p.rows_seen  # present but blank: row seen, no value
    assert p.aggregate is None and 11 in p.rows_seen  # unreadable: None, never 0
    assert p.percent.value == Decimal("12.345") and p.percent.decimals == 3
    assert p.shared_dispositive is None and 10 not in p.rows_seen  # absent
    assert f.item("2").text == "Jane Doe\nUSA"  # <Item2> matched case-insensitively
    assert f.signatures[0].date is None
    kinds = sorted(i.kind for i in f.issues)
    assert kinds == ["unreadable-date", "unreadable-number"]
    assert all(i.line and i.line > 11 for i in f.issues)


def test_13g_certifications_under_formdata_and_percent_garbage():
    xml = """<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13g">
<headerData><submissionType>SCHEDULE 13G</submissionType></headerData><formData>
<coverPageHeaderReportingPersonDetails><reportingPersonName>X</reportingPersonName>
<classPercent>FJ Capital - 9.90%</classPercent></coverPageHeaderReportingPersonDetails>
<certifications>By signing below I certify</certifications></formData></edgarSubmission>"""
    f = parse_xml(_doc(xml))
    assert f.schedule == "13G" and f.cover_pages[0].percent is None
    assert f.item("10").text == "By signing below I certify"
    assert [(i.kind, i.person, i.line) for i in f.issues] == [("unreadable-number", "X", 4)]


def test_other_edgar_xml_is_not_a_filing():
    f = parse_xml(_doc('<edgarSubmission xmlns="http://www.sec.gov/edgar/formd">'
                       "<headerData><submissionType>D</submissionType></headerData></edgarSubmission>"))
    assert [i.kind for i in f.issues] == ["not-a-filing"] and f.cover_pages == []
    f = parse_xml(_doc("<ownershipDocument><x/></ownershipDocument>"))
    assert [i.kind for i in f.issues] == ["not-a-filing"]


def test_truncated_xml_keeps_what_it_can(corpus):
    data = (corpus / "xml/edgartools_seaport_arch_13d.xml").read_bytes()
    cut = data[: data.index(b"<reportingPersonName>Keith Crandell")]
    f = parse_xml(Document(path="t.xml", sha256="", format="xml", xml=cut))
    assert f.issues[0].kind == "malformed-xml" and f.issues[0].line > 100
    assert len(f.cover_pages) == 5 and f.cover_pages[4].name is None  # cut inside page 5
    assert [p.name.value for p in f.cover_pages[:4]] == [
        "ARCH Venture Fund XII, L.P.", "ARCH Venture Partners XII, L.P.",
        "ARCH Venture Partners XII, LLC", "Robert Nelsen"]


def test_item_given_as_plain_text_and_flag_only_item():
    f = parse_xml(_doc('<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><headerData>'
                       "<submissionType>SCHEDULE 13D</submissionType></headerData><formData>"
                       "<items1To7><item4>Plain purpose</item4><item5><notApplicableFlag>Y"
                       "</notApplicableFlag></item5></items1To7></formData></edgarSubmission>"))
    assert [(i.number, i.title, i.text) for i in f.items] == [
        ("4", "", "Plain purpose"), ("5", "notApplicableFlag=Y", "")]


def test_undeclared_entity_in_an_item_is_no_internal_error():
    # An XML file typed or converted in capitals ('&AMP;'), or with an HTML entity ('&nbsp;'),
    # refers to entities it never declares: lxml keeps them as nodes that are not elements.
    xml = ('<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><headerData>'
           "<submissionType>SCHEDULE 13D</submissionType></headerData><formData>"
           "<items1To7><item4><transactionPurpose>Buy &AMP; hold&nbsp;now</transactionPurpose>"
           "</item4></items1To7></formData></edgarSubmission>")
    f = parse_xml(_doc(xml))
    assert [(i.number, i.text) for i in f.items] == [("4", "Buy &AMP; hold&nbsp;now")]  # kept as typed
    assert [i.kind for i in f.issues] == ["malformed-xml"]  # and said to be malformed
