"""The filing as a whole: its form, the title page, and which required parts are present.

One ``filing`` fact per document. Counts, not verdicts: the catalogue decides what a count
of zero means for which schedule (the required-item rules) and how the forms must agree.
"""
from __future__ import annotations

from checker import identifiers as ids
from checker.facts.common import form_key, is_amendment, is_passive, named_pages
from checker.facts.statement import structured
from checker.model import Filing


def filing_facts(filing: Filing) -> list[dict]:
    form = filing.form_type or filing.header_form_type
    boxes = sorted({d.value.replace(" ", "") for d in filing.rule_designations})
    fact = {
        "t": "filing", "schedule": filing.schedule or "13D", "format": filing.format,
        "amended": is_amendment(filing), "structured": structured(filing), "form_amended": bool(form and form.upper().endswith("/A")),
        "passive": is_passive(filing), "rule_box_count": len(boxes), "rule_boxes": ", ".join(boxes),
        "rule_boxes_key": ",".join(boxes),
        "is_filing": not any(i.kind == "not-a-filing" for i in filing.issues),
        "cover_page_count": len(named_pages(filing)),
        "cover_block_count": len(filing.cover_pages),
        "cusip_count": _cusip_count(filing),
        "has_event_date": filing.event_date is not None,
        "has_class_title": filing.security_class is not None,
        "has_issuer_name": filing.issuer is not None,
        "has_issuer_cik": filing.issuer_cik is not None,
        "title_page_missing": _title_page_missing(filing),
        "signature_count": len(filing.signatures),
        "statement_signatures": sum(1 for s in filing.signatures if s.context == "statement"),
        "item4_chars": _item_chars(filing, "4"), "item5_chars": _item_chars(filing, "5"),
        "line": filing.form_type_line or 1, "key": "filing",
    }
    if filing.amendment_no is not None:
        fact["amendment_no"] = filing.amendment_no
    for name, value in (("form", form), ("header_form", filing.header_form_type),
                        ("document_form", filing.form_type)):
        if value:
            fact[name] = value
            fact[name + "_key"] = form_key(value)
    if filing.rule_designations:
        fact["rule_box_line"] = filing.rule_designations[0].line or 1
    return [fact]


def _cusip_count(filing: Filing) -> int:
    values = [filing.cusip] if filing.cusip else []
    values += [c for c in filing.cusips]
    values += [p.cusip for p in named_pages(filing) if p.cusip]
    return len({ids.normalize_cusip(v.value) for v in values if v.value.strip()})


def _item_chars(filing: Filing, number: str) -> int:
    item = filing.item(number)
    return len(item.text.strip()) if item else 0


def _title_page_missing(filing: Filing) -> str:
    """The XML title-page elements the EDGAR technical specification marks mandatory that the
    filing lacks (text for the message; the rules compare the has_* fields)."""
    missing = [element for element, present in (
        ("securitiesClassTitle", filing.security_class), ("issuerName", filing.issuer),
        ("issuerCIK", filing.issuer_cik), ("issuerCUSIP", filing.cusip),
        ("dateOfEvent", filing.event_date)) if present is None]
    return ", ".join(missing)
