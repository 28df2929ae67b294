"""Parse a Document into a Filing: XML by element, text and HTML by cover-page layout."""
from __future__ import annotations

from checker.model import Filing, ParseIssue
from checker.parse.defined_terms import statement_terms
from checker.parse.edgar_header import apply_header
from checker.parse.item_holdings import read_item_holdings
from checker.parse.outstanding import read_outstanding
from checker.sources import Document


def parse_document(doc: Document) -> Filing:
    if doc.xml is not None:
        from checker.parse.xml_filing import parse_xml
        filing = parse_xml(doc)
    else:
        from checker.parse.text import parse_text
        filing = parse_text(doc)
    apply_header(filing, doc)
    read_outstanding(filing, doc)
    filing.defined_terms = statement_terms([i.text for i in filing.items], doc.text,
                                           [p.name.value for p in filing.cover_pages if p.name])
    if doc.xml is None or filing.schedule == "13D":
        # XML 13G Item 4 is read element by element (xml_filing); XML 13D Item 5 is free text.
        read_item_holdings(filing)
    issues = [*doc.issues, *filing.issues]
    # One not-a-filing finding is enough, whichever step noticed it first.
    seen_not_filing = False
    filing.issues = []
    for issue in issues:
        if issue.kind == "not-a-filing":
            if seen_not_filing:
                continue
            seen_not_filing = True
        filing.issues.append(issue)
    malformed = any(i.kind in ("malformed-xml", "malformed", "truncated") for i in filing.issues)
    if not filing.form_type and not filing.header_form_type and not filing.cover_pages \
            and not seen_not_filing and not malformed:  # a malformed file is reported as that
        filing.issues.append(ParseIssue(kind="not-a-filing", line=1,
                                        message="no Schedule 13D/13G form type and no cover page found"))
    return filing
