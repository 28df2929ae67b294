"""Structured XML (Schedule 13D/G since Dec 2024): a person who signs (signatureReportingPerson)
is a reporting person; one without a cover page is listed with cover_page false and reported
(COV001). Amounts that are not a finite number of shares are parse findings, never Infinity."""
from __future__ import annotations

import json

import pytest

from checker import sources
from checker.parse import parse_document
from checker.pipeline import CheckOptions, check_filing


def xml(aggregate: str = "1000", signers=("Alpha Fund LP",)) -> str:
    sigs = "".join(
        f"<signaturePerson><signatureReportingPerson>{s}</signatureReportingPerson><signatureDetails>"
        f"<signature>/s/ Jane Roe</signature><title>Managing Member</title><date>03/05/2025</date>"
        f"</signatureDetails></signaturePerson>" for s in signers)
    return f"""<?xml version="1.0"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13d">
<headerData><submissionType>SCHEDULE 13D</submissionType></headerData>
<formData>
<coverPageHeader><dateOfEvent>03/03/2025</dateOfEvent>
<issuerInfo><issuerCik>0000000001</issuerCik><issuerName>Acme Corp</issuerName>
<issuerCusips><issuerCusipNumber>037833100</issuerCusipNumber></issuerCusips></issuerInfo>
</coverPageHeader>
<reportingPersons><reportingPersonInfo>
<reportingPersonName>Alpha Fund LP</reportingPersonName><citizenshipOrOrganization>DE</citizenshipOrOrganization>
<fundType>WC</fundType><soleVotingPower>{aggregate}</soleVotingPower><sharedVotingPower>0</sharedVotingPower>
<soleDispositivePower>{aggregate}</soleDispositivePower><sharedDispositivePower>0</sharedDispositivePower>
<aggregateAmountOwned>{aggregate}</aggregateAmountOwned><percentOfClass>5.5</percentOfClass>
<typeOfReportingPerson>PN</typeOfReportingPerson>
</reportingPersonInfo></reportingPersons>
<signatureInfo>{sigs}</signatureInfo>
</formData></edgarSubmission>"""


def run(text: str):
    filing = parse_document(sources.load_bytes(text.encode(), "x.xml"))
    return check_filing(filing, CheckOptions())


def test_a_signing_person_without_a_cover_page_is_reported():
    result = run(xml(signers=("Alpha Fund LP", "Alpha GP LLC")))
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [
        ("Alpha Fund LP", True), ("Alpha GP LLC", False)]
    assert [(f.rule_id, f.person) for f in result.findings if f.rule_id == "COV001"] == [("COV001", "Alpha GP LLC")]


def test_every_signing_person_with_a_cover_page_is_no_finding():
    result = run(xml(signers=("Alpha Fund LP",)))
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [("Alpha Fund LP", True)]
    assert not [f for f in result.findings if f.rule_id == "COV001"]


@pytest.mark.parametrize("amount", ["1e400", "9" * 400, "Infinity", "NaN"])
def test_an_amount_that_is_not_a_finite_share_count_is_a_parse_finding(amount):
    result = run(xml(aggregate=amount))
    [p] = result.reporting_persons
    assert p.aggregate is None
    assert any(f.category == "parse" for f in result.findings)
    json.dumps(result.contract(), allow_nan=False)  # raises on an Infinity or NaN number
