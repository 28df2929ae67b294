"""EDGAR full submissions: detection, header facts, main-document choice, line maps."""
from __future__ import annotations

import datetime as dt
from pathlib import Path


from checker import sources
from checker.sources.edgar import unwrap_submission
from checker.sources.html import html_to_text



def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").split("\n")


def test_pem_wrapped_1994_submission(corpus):
    path = corpus / "txt/orgron_1994_airborne_freight_sc13da.txt"
    doc = sources.load(path)
    h = doc.header
    assert doc.format == "edgar-submission" and doc.xml is None
    assert h["form_type"] == "SC 13D/A" and h["filed"] == dt.date(1994, 3, 23)
    assert h["subject_company"] == "AIRBORNE FREIGHT CORP /DE/" and h["subject_cik"] == "0000003000"
    assert h["filed_by"] == "MITSUI & CO LTD"
    assert h["group_members"] == ["INTERMODAL TERMINAL INC.", "MITSUI & CO LTD",
                                  "TONAMI TRANSPORTATION CO., LTD."]
    assert h["lines"]["form_type"] == 14 and h["lines"]["group_members"] == [17, 18, 19]
    # Text starts after <TEXT>; SGML tags are blanked in place, numbering is kept.
    text = doc.text.split("\n")
    assert len(text) == len(doc.line_map) and doc.line_map[0] == 68
    original = _lines(path)
    assert original[68] == "<PAGE>   1" and text[doc.line_map.index(69)].strip() == "1"
    for i, n in enumerate(doc.line_map):
        if text[i].strip():
            assert text[i].strip() in original[n - 1]
    assert "-----END PRIVACY" not in doc.text and "</DOCUMENT>" not in doc.text


def test_table_tags_keep_column_alignment(corpus):
    doc = sources.load(corpus / "txt/orgron_1994_airborne_freight_sc13da.txt")
    text = doc.text.split("\n")
    i = doc.line_map.index(168)  # "<S>                       <C>     <C>"
    assert text[i].strip() == "" and len(text[i]) == len("<S>                       <C>     <C>")


def test_xml_main_document(corpus):
    path = corpus / "txt/orgron_2025_mindmed_schedule13ga_fullsub.txt"
    doc = sources.load(path)
    assert doc.header["form_type"] == "SCHEDULE 13G/A"
    assert doc.header["filed_by"] == "BlackRock, Inc."
    assert doc.header["subject_company"] == "Mind Medicine (MindMed) Inc."
    assert doc.xml_first_line == 78 and _lines(path)[77].startswith("<?xml")
    derived = (corpus / "xml/orgron_2025_mindmed_schedule13ga_primary_doc.xml").read_bytes()
    assert doc.xml.strip() == derived.strip()
    assert [d["type"] for d in doc.header["documents"]] == ["SCHEDULE 13G/A", "EX-24", "EX-99"]
    ex = doc.header["exhibits"]
    assert [e["type"] for e in ex] == ["EX-24", "EX-99"]
    assert ex[0]["text"].startswith("POWER OF ATTORNEY") and ex[0]["line_map"][0] == 205


def test_binary_graphic_is_skipped(corpus):
    doc = sources.load(corpus / "txt/orgron_2024_rockwell_medical_schedule13g_fullsub.txt")
    docs = doc.header["documents"]
    assert [(d["type"], d["binary"]) for d in docs] == [("SCHEDULE 13G", False), ("GRAPHIC", True)]
    assert doc.header["exhibits"] == [] and doc.xml is not None


def test_html_main_document_maps_to_submission_lines(corpus):
    path = corpus / "txt/orgron_2012_moneygram_sc13da.txt"
    doc = sources.load(path)
    assert doc.header["form_type"] == "SC 13D/A" and len(doc.header["group_members"]) == 11
    alone, _ = html_to_text((corpus / "html/orgron_2012_moneygram_sc13da7.htm").read_text(encoding="utf-8"))
    assert doc.text == alone  # same text as the extracted .htm
    original = _lines(path)
    text = doc.text.split("\n")
    i = next(k for k, t in enumerate(text) if t.startswith("MONEYGRAM INTERNATIONAL"))
    assert "MONEYGRAM" in original[doc.line_map[i] - 1].upper()
    assert min(doc.line_map) > 85  # nothing maps into the SGML header


def test_lone_document_block(corpus):
    doc = sources.load(corpus / "txt/edgartools_trinity_sc13ga.txt")
    assert doc.format == "edgar-submission" and doc.header["group_members"] == []
    assert doc.header["documents"][0]["type"] == "SC 13G/A"
    assert doc.line_map[0] == 6 and "TRINITY INDUSTRIES INC" in doc.text


def test_exhibits_of_text_submission(corpus):
    doc = sources.load(corpus / "txt/orgron_2019_virgin_galactic_sc13d.txt")
    assert [e["type"] for e in doc.header["exhibits"]] == ["EX-99.1", "EX-99.9"]
    assert doc.header["documents"][0]["type"] == "SC 13D"


def test_every_corpus_submission_unwraps(corpus):
    for path in sorted((corpus / "txt").glob("*.txt")):
        doc = sources.load(path)
        assert doc.format == "edgar-submission", path.name
        assert (doc.xml is not None) == path.name.endswith("_fullsub.txt"), path.name
        if doc.xml is None:
            assert len(doc.text.split("\n")) == len(doc.line_map), path.name
        assert doc.issues == [], path.name


# -- synthetic ------------------------------------------------------------------------------
HEADER = """<SEC-DOCUMENT>0000000000-24-000001.txt : 20240102
<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240102
CONFORMED SUBMISSION TYPE:\tSC 13D
FILED AS OF DATE:\t\t20240102
CONFORMED PERIOD OF REPORT:\t20231229
GROUP MEMBERS:\t\tJOHN SMITH

FILED BY:\t\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tSMITH CAPITAL LLC
\t\tCENTRAL INDEX KEY:\t\t\t0000000002

SUBJECT COMPANY:\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tACME CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000000001
</SEC-HEADER>
"""


def test_filed_by_before_subject_company_and_period():
    text = HEADER + "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nSCHEDULE 13D\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    doc = unwrap_submission(text, "x.txt", "sha")
    h = doc.header
    assert (h["filed_by"], h["subject_company"], h["subject_cik"]) == (
        "SMITH CAPITAL LLC", "ACME CORP", "0000000001")
    assert h["period"] == dt.date(2023, 12, 29) and h["group_members"] == ["JOHN SMITH"]
    assert doc.text == "SCHEDULE 13D" and doc.line_map == [23]


def test_main_document_is_the_13d_not_the_first():
    text = HEADER + ("<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nAgreement\n</TEXT>\n</DOCUMENT>\n"
                     "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nThe schedule\n</TEXT>\n</DOCUMENT>\n")
    doc = unwrap_submission(text, "x.txt", "sha")
    assert doc.text == "The schedule" and doc.line_map == [29]
    assert doc.header["exhibits"][0]["text"] == "Agreement"


def test_truncated_submission_is_an_issue_not_a_crash():
    text = HEADER + "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nSCHEDULE 13D\nNAME OF REPORTING"
    doc = unwrap_submission(text, "x.txt", "sha")
    assert doc.text.split("\n") == ["SCHEDULE 13D", "NAME OF REPORTING"]
    assert [i.kind for i in doc.issues] == ["truncated"]
    doc = unwrap_submission(HEADER, "x.txt", "sha")
    assert [i.kind for i in doc.issues] == ["truncated"]


def test_uuencoded_main_document_is_not_decoded():
    text = HEADER + "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nbegin 644 scan.pdf\nM)5!$1BTQ+C<*\nend\n</TEXT>\n</DOCUMENT>\n"
    doc = unwrap_submission(text, "x.txt", "sha")
    assert doc.text == "" and [i.kind for i in doc.issues] == ["not-a-filing"]


def test_odd_line_breaks_keep_the_map_aligned():
    text = HEADER + "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\npage one\fpage two\nline\x0bthree\n</TEXT>\n</DOCUMENT>\n"
    doc = unwrap_submission(text, "x.txt", "sha")
    assert doc.text.splitlines() == doc.text.split("\n") == ["page one page two", "line three"]
