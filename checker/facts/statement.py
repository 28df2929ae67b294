"""The statement as its words describe it: one ``statement`` fact per filing.

Dates of signing against the filing date, the Item 10 certification against the rule box, the
joint-filing sentence against the number of reporting persons, the prose of Item 5 against the
cover pages' power rows, the title page's rule checklist. Counts, dates and kinds only: the
catalogue (rules/consistency.yaml, rules/required.yaml) decides what disagrees.
"""
from __future__ import annotations

import re

from checker.facts.breakdowns import breakdown_facts
from checker.facts.common import day, is_amendment, named_pages, page_names
from checker.facts.holding_dates import as_of_deadline_facts, recited_deadline_facts, year_end_deadline_facts
from checker.facts.item5_powers import item5_sole_facts
from checker.model import Filing
from checker.parse import statements as S
from checker.parse.item5_statements import item5_power_words


def statement_facts(filing: Filing, filed=None) -> list[dict]:
    """``filed``: the --filed date of a draft, used where the EDGAR header gives none."""
    pages = named_pages(filing)
    persons = {n for p in pages for n in page_names(p)}
    fact = {"t": "statement", "schedule": filing.schedule or "13D", "amended": is_amendment(filing),
            "structured": structured(filing), "format": filing.format, "persons": len(persons),
            "joint_stated": _joint_stated(filing),
            "rule_box_count": len({d.value for d in filing.rule_designations}),
            "rule_lines": filing.rule_lines,
            "filer_type_count": len(filing.filer_types.codes) if filing.filer_types else 0,
            "statement_signatures": sum(1 for s in filing.signatures if s.context == "statement"),
            "blank_signature_slots": sum(1 for _, typed in filing.signature_slots if typed == 0),
            "line": filing.form_type_line or 1, "key": "statement"}
    if len(filing.rule_designations) == 1:
        fact["rule_box"] = filing.rule_designations[0].value.replace("Rule ", "")
        fact["rule_box_line"] = filing.rule_designations[0].line or 1
    cert = S.certification_kind(filing.item("10").text if filing.item("10") else None)
    if cert:
        fact["certification"] = cert
        fact["certification_line"] = filing.item("10").line or 1
    if filing.signature_page_line:
        fact["signature_page_line"] = filing.signature_page_line
    dates = _signature_dates(filing)
    fact["signature_dated"] = bool(dates)
    if dates:
        last = max(dates, key=lambda d: d.value)
        fact.update(signed=last.value.isoformat(), signed_day=day(last.value), signed_line=last.line or 1)
    filed = filing.filing_date.value if filing.filing_date else filed
    if filed:
        fact.update(filed=filed.isoformat(), filed_day=day(filed))
    if filing.eligibility_claim:
        fact.update(claimed_rule=filing.eligibility_claim.value, claim_line=filing.eligibility_claim.line or 1)
    item5 = filing.item("5")
    if item5 is not None and item5.text.strip():
        figures, not_applicable = S.item_answers(item5.text)
        fact.update(item5_figures=figures, item5_not_applicable=not_applicable, item5_line=item5.line or 1)
    aggregates = [p.aggregate.shares for p in pages if p.aggregate is not None]
    fact["cover_aggregate_max"] = float(max(aggregates, default=0))
    boxes = [p.excludes_shares.value for p in pages if p.excludes_shares is not None]
    fact["excludes_box_checked"] = any(boxes)
    fact["excludes_box_read"] = len(boxes)
    if filing.excludes_note_line:
        fact["excludes_note_line"] = filing.excludes_note_line
    fact["has_event_date"] = filing.event_date is not None
    fact["event_date_blank"] = filing.event_date_blank
    if filing.event_caption_line:
        fact["event_caption_line"] = filing.event_caption_line
    if filing.amends_line:
        fact["amends_line"] = filing.amends_line
    return [fact, *_power_words(filing, pages), *item5_sole_facts(filing, pages),
            *year_end_deadline_facts(filing, filed), *as_of_deadline_facts(filing, filed),
            *recited_deadline_facts(filing), *_header_ciks(filing), *_signature_slots(filing, persons),
            *breakdown_facts(filing)]


def _signature_slots(filing: Filing, persons: set[str]) -> list[dict]:
    """Each signature slot of a text or HTML statement; on a statement of one reporting person it
    can only be that person's (a finding is then listed under the person)."""
    if structured(filing):
        return []
    only = next(iter(persons)) if len(persons) == 1 else None
    return [{"t": "signature_slot", "person": only, "typed_chars": typed, "line": line, "key": f"signature-{line}"}
            for line, typed in filing.signature_slots]


def _header_ciks(filing: Filing) -> list[dict]:
    """The EDGAR header's subject company and filer CIKs (leading zeros dropped)."""
    subject, filer = filing.header_subject_cik, filing.header_filer_cik
    if subject is None or filer is None or not subject.value.isdigit() or not filer.value.isdigit():
        return []
    return [{"t": "header_ciks", "subject_cik": str(int(subject.value)), "filer_cik": str(int(filer.value)),
             "line": subject.line or 1, "key": "header-ciks"}]


def structured(filing: Filing) -> bool:
    """Read from EDGAR's Schedule 13D/G XML (alone or inside a full submission)."""
    return filing.format == "xml" or any(p.layout.startswith("xml") for p in filing.cover_pages)


def _joint_stated(filing: Filing) -> bool:
    return (filing.joint_filing_line is not None
            or any(e.kind == "joint-filing-agreement" for e in filing.exhibits)
            or any(r.source == "joint-filing-agreement" for r in filing.named_persons)
            or any(s.context == "agreement" for s in filing.signatures))


def _signature_dates(filing: Filing) -> list:
    dates = list(filing.signature_dates)
    dates += [s.date for s in filing.signatures if s.context == "statement" and s.date]
    return dates


def _power_words(filing: Filing, pages) -> list[dict]:
    """Item 5's prose about sole and shared power, beside the largest sole and shared rows the
    cover pages report (a row not read counts as not reported)."""
    item = filing.item("5")
    if item is None or filing.schedule == "13G" or not pages:
        return []
    sole, shared = item5_power_words(item.text)
    rows = {"sole": [], "shared": []}
    for p in pages:
        for kind in rows:
            for row in (f"{kind}_voting", f"{kind}_dispositive"):
                amount = getattr(p, row)
                if amount is not None:
                    rows[kind].append(amount.shares)
    if not rows["sole"] and not rows["shared"]:
        return []
    return [{"t": "power_words", "item5_sole": sole, "item5_shared": shared,
             "cover_sole_max": float(max(rows["sole"], default=0)),
             "cover_shared_max": float(max(rows["shared"], default=0)),
             "line": item.line or 1, "key": "item5-powers"}]


def legal_form_facts(filing: Filing) -> list[dict]:
    """Each cover page's name's legal form ('partnership' for 'L.P.', 'corporation' for 'Inc.')
    beside the type codes of row 14 (13G row 12)."""
    out = []
    for p in named_pages(filing):
        if p.joint_names or not p.type_codes or not p.type_codes.codes:
            continue
        form = legal_form(p.name.value)
        if form is None:
            continue
        codes = [c.upper() for c in p.type_codes.codes]
        out.append({"t": "legal_form", "person": p.name.value, "form": form, "codes": ", ".join(codes),
                    "has_pn": "PN" in codes, "has_co": "CO" in codes,
                    "line": p.type_codes.line or p.line, "key": f"form:{form}:{','.join(codes)}"})
    return out


# The legal form a name's last words give unambiguously: a limited partnership ('L.P.', 'LP',
# 'Limited Partnership') or a corporation ('Inc.', 'Incorporated', 'Corporation', 'Corp.').
_PARTNERSHIP = re.compile(r"(?:\bL\.?\s?P\.?|\bLimited\s+Partnership)\s*$", re.I)
_CORPORATION = re.compile(r"(?:\bInc\.?|\bIncorporated|\bCorporation|\bCorp\.?)\s*$", re.I)


def legal_form(name: str) -> str | None:
    n = re.sub(r"\s*\(.*?\)\s*$", "", name.strip().rstrip(",;"))
    if _PARTNERSHIP.search(n):
        return "partnership"
    if _CORPORATION.search(n):
        return "corporation"
    return None
