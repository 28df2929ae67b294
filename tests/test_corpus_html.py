"""HTML filings of the corpus (2002-2024; 13D and 13G; plain HTML documents and one EDGAR
submission whose main document is HTML): names, aggregates and percents as printed, read off
the files by eye. HTML tables reach the parser as "cell | cell" lines (checker.sources.html)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker import sources
from checker.parse import parse_document
from checker.pipeline import CheckOptions, check_file



def filing(corpus: Path, rel: str):
    return parse_document(sources.load(corpus / rel))


FARALLON = [
    "Noonday Asset Management, L.P.", "Noonday G.P. (U.S.), L.L.C.", "Noonday Capital, L.L.C.", "David I. Cohen",
    "Saurabh K. Mittal", "Noonday Capital Partners, L.L.C.", "Farallon Capital Partners, L.P.",
    "Farallon Capital Institutional Partners, L.P.", "Farallon Capital Institutional Partners II, L.P.",
    "Farallon Capital Institutional Partners III, L.P.", "Tinicum Partners, L.P.",
    "Farallon Capital Offshore Investors II, L.P.", "Farallon Capital Management, L.L.C.", "Farallon Partners, L.L.C.",
    "William F. Duhamel", "Richard B. Fried", "Monica R. Landry", "Douglas M. MacMahon", "William F. Mellin",
    "Stephen L. Millham", "Jason E. Moment", "Ashish H. Pant", "Rajiv A. Patel", "Derek C. Schrier",
    "Andrew J. M. Spokes", "Thomas F. Steyer", "Mark C. Wehrly"]
VIRGIN = ["Vieco USA, Inc.", "Vieco 10 Limited", "Virgin Investments Limited", "Virgin Group Investments LLC",
          "Corvina Holdings Limited", "Virgin Group Holdings Limited", "Sir Richard Branson"]
FORTRESS = ["FINCO I Intermediate Holdco LLC", "FINCO I LLC", "FIG Parent, LLC", "Foundation Holdco LP",
            "FIG Buyer GP, LLC"]
HARRADEN = ["Harraden Circle Investments, LLC", "Harraden Circle Investors GP, LP", "Harraden Circle Investors GP, LLC",
            "Harraden Circle Investors, LP", "Harraden Circle Special Opportunities, LP", "Frederick V. Fortmiller, Jr."]

# file -> (form type, [(person, aggregate, percent)]) as the filing prints them
EXPECTED = {
    # 2002, 13G/A: "_____" printed for zero; two rule boxes checked.
    "html/orgron_2002_central_garden_cent13ga1.htm": ("SC 13G/A", [
        ("Willow Creek Capital Management", 1680300, 10.02), ("Aaron Braun", 1680300, 10.02),
        ("WC Capital Management, LLC", 1585900, 9.45)]),
    # 2008, 13D/A: 27 persons, all at zero (an exit).
    "html/orgron_2008_moldflow_13da1.htm": ("SC 13D/A", [(n, 0, 0.0) for n in FARALLON]),
    # 2012, 13D/A: "SOLE VOTING POWER* -0-".
    "html/orgron_2012_moneygram_sc13da7.htm": ("SC 13D/A", [
        ("Thomas H. Lee Advisors, LLC", 36332270, 50.8), ("THL Equity Advisors VI, LLC", 36000489, 50.4),
        ("Thomas H. Lee Equity Fund VI, L.P.", 20009447, 28.0), ("Thomas H. Lee Parallel Fund VI, L.P.", 13549334, 19.0),
        ("Thomas H. Lee Parallel (DT) Fund VI, L.P.", 2366797, 3.3),
        ("THL Equity Fund VI Investors (MoneyGram), LLC", 74911, 0.1), ("THL Coinvestment Partners, L.P.", 57156, 0.1),
        ("THL Operating Partners, L.P.", 70418, 0.1), ("Putnam Investments Holdings, LLC", 102084, 0.1),
        ("Great-West Investors L.P.", 204207, 0.3),
        ("Putnam Investments Employees’ Securities Company III LLC", 102084, 0.1)]),
    # 2013, 13D: defined terms ('(“SVP VI”)') after the names are not part of them.
    "html/orgron_2013_ocera_sc13d.htm": ("SC 13D", [
        ("Sofinnova Venture Partners VI, L.P.", 1043738, 9.2), ("Sofinnova Venture Affiliates VI, L.P.", 14226, 0.1),
        ("Sofinnova Venture Partners VI GmbH & Co. KG", 206792, 1.8),
        ("Sofinnova Management VI, L.L.C.", 1264756, 11.2), ("Alain L. Azan", 1264756, 11.2),
        ("Dr. Michael F. Powell", 1282709, 11.3), ("Dr. James I. Healy", 1264756, 11.2),
        ("Eric P. Buatois", 1264756, 11.2)]),
    "html/orgron_2017_hp_inc_sc13ga.htm": ("SC 13G/A", [("Dodge & Cox", 139701057, 8.2)]),
    # 2019, 13D: "(1) | Names of Reporting Persons ...".
    "html/orgron_2019_virgin_galactic_sc13d.htm": ("SC 13D", [(n, 114790438, 58.7) for n in VIRGIN]),
    # An original 13D ("Amendment No.  )" left blank; Item 1: "This Statement represents an
    # initial Schedule 13D"): Item 1's "as amended by Amendment No. 1" is another statement's.
    "html/orgron_2024_ati_physical_therapy_sc13d.htm": ("SC 13D", [(n, 379833, 8.5) for n in FORTRESS]),
    "html/orgron_2024_jvspac_sc13ga.htm": ("SC 13G/A", [(n, 0, 0.0) for n in HARRADEN]),
    # 2024, 13G: an EDGAR submission whose main document is HTML.
    "html/edgartools_livent_sc13g.html": ("SC 13G", [
        ("ICS Opportunities, Ltd.", 0, 0.0), ("Millennium Management LLC", 0, 0.0),
        ("Millennium Group Management LLC", 0, 0.0), ("Israel A. Englander", 0, 0.0)]),
}


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_persons_as_printed(corpus, rel):
    form, persons = EXPECTED[rel]
    r = check_file(corpus / rel, CheckOptions())
    assert r.form_type == form
    assert [(p.name, p.aggregate, p.percent) for p in r.reporting_persons] == persons


def test_power_rows(corpus):
    thl = filing(corpus, "html/orgron_2012_moneygram_sc13da7.htm").cover_pages[0]
    assert [getattr(thl, k).shares for k in ("sole_voting", "shared_voting", "sole_dispositive",
                                             "shared_dispositive")] == [0, 36332270, 0, 36332270]
    dodge = filing(corpus, "html/orgron_2017_hp_inc_sc13ga.htm").cover_pages[0]
    assert (dodge.sole_voting.shares, dodge.sole_dispositive.shares) == (132911756, 139701057)
    assert dodge.irs_number.value == "94-1441976" and dodge.percent.value == Decimal("8.2")
    willow = filing(corpus, "html/orgron_2002_central_garden_cent13ga1.htm").cover_pages[0]
    assert (willow.sole_voting.shares, willow.shared_voting.shares) == (0, 1680300)  # "_____" is 0


def test_rows_that_refer_to_another_row(corpus):
    f = filing(corpus, "html/orgron_2013_ocera_sc13d.htm")
    svp = f.cover_pages[0]
    assert svp.shared_voting is None and svp.unread_rows == [8, 10]  # "See response to row 7."
    assert svp.percent.value == Decimal("9.2")


def test_group_boxes(corpus):
    pages = filing(corpus, "html/orgron_2012_moneygram_sc13da7.htm").cover_pages
    assert [p.group_box for p in pages].count("a") == 1 and pages[8].name.value == "Putnam Investments Holdings, LLC"
    assert pages[8].group_box == "a" and pages[0].group_box == "b"


def test_13g_boxes(corpus):
    hp = filing(corpus, "html/orgron_2017_hp_inc_sc13ga.htm")
    assert [r.value for r in hp.rule_designations] == ["Rule 13d-1(b)"] and hp.filer_types.codes == ["IA"]
    garden = filing(corpus, "html/orgron_2002_central_garden_cent13ga1.htm")
    assert [r.value for r in garden.rule_designations] == ["Rule 13d-1(b)", "Rule 13d-1(c)"]
    assert garden.filer_types.codes == ["IA", "HC"] and garden.exit_box.value is False
    jv = filing(corpus, "html/orgron_2024_jvspac_sc13ga.htm")
    assert [r.value for r in jv.rule_designations] == ["Rule 13d-1(c)"] and jv.exit_box.value is True
    livent = filing(corpus, "html/edgartools_livent_sc13g.html")
    assert [r.value for r in livent.rule_designations] == ["Rule 13d-1(c)"] and livent.exit_box.value is True
    assert livent.cusips[0].value == "53814L108"


def test_signatures(corpus):
    def statement(rel):
        return [s.name for s in filing(corpus, rel).signatures if s.context == "statement"]
    # Entity and "By:" on one line; an individual's name under his own signature.
    assert statement("html/edgartools_livent_sc13g.html") == [
        "ICS OPPORTUNITIES, LTD.", "MILLENNIUM MANAGEMENT LLC", "MILLENNIUM GROUP MANAGEMENT LLC", "Israel A. Englander"]
    # Entities beside "Dated:" in the next cell.
    assert statement("html/orgron_2024_ati_physical_therapy_sc13d.htm") == [n.upper() for n in FORTRESS]
    # No blank lines between the blocks; four individuals named above one attorney-in-fact signature.
    ocera = statement("html/orgron_2013_ocera_sc13d.htm")
    assert ocera[:2] == ["SOFINNOVA VENTURE PARTNERS VI, L.P.", "Sofinnova Venture Affiliates VI, L.P."]
    assert ocera[4:] == ["ALAIN L. AZAN", "DR. JAMES I. HEALY", "DR. MICHAEL F. POWELL", "ERIC P. BUATOIS"]
    # Entities printed below the signature.
    moldflow = statement("html/orgron_2008_moldflow_13da1.htm")
    assert moldflow[:3] == ["NOONDAY G.P. (U.S.), L.L.C.", "NOONDAY CAPITAL, L.L.C.", "NOONDAY ASSET MANAGEMENT, L.P."]


def test_agreement_among_the_undersigned_names_nobody(corpus):
    f = filing(corpus, "html/edgartools_livent_sc13g.html")
    assert not [r for r in f.named_persons if r.source == "joint-filing-agreement"]
