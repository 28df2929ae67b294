"""Parse a Document into a Filing: XML by element, text and HTML by cover-page layout."""
from __future__ import annotations

from checker.model import Filing, ParseIssue
from checker.sources import Document


def parse_document(doc: Document) -> Filing:
    if doc.xml is not None:
        from checker.parse.xml_filing import parse_xml
        filing = parse_xml(doc)
    else:
        from checker.parse.text import parse_text
        filing = parse_text(doc)
    apply_header(filing, doc)
    filing.issues = [*doc.issues, *filing.issues]
    return filing


def apply_header(filing: Filing, doc: Document) -> None:
    """EDGAR header facts (full submissions): form type, filing date, subject company, group."""
    from checker.model import DateValue, NameRef, TextValue

    header = doc.header or {}
    if header.get("form_type"):
        filing.header_form_type = header["form_type"]
    if header.get("filed") and filing.filing_date is None:
        filing.filing_date = DateValue(value=header["filed"], raw=str(header["filed"]))
    if header.get("subject_company"):
        filing.header_issuer = TextValue(value=header["subject_company"])
    for name in header.get("group_members", []) or []:
        filing.named_persons.append(NameRef(name=name, source="header-group"))
    if not filing.form_type and not filing.cover_pages and not any(
            i.kind == "not-a-filing" for i in filing.issues):
        filing.issues.append(ParseIssue(kind="not-a-filing", line=1,
                                        message="no Schedule 13D/13G form type and no cover page found"))
