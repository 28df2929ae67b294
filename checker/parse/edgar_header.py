"""Copy what the unwrapper learnt (EDGAR header facts, exhibits) onto a ``Filing``.

Idempotent (calling it twice adds nothing twice) and it keeps each fact's header line.
``doc.issues`` are not copied: the dispatcher (``checker.parse.parse_document``) does that.
"""
from __future__ import annotations

import re

from checker.model import DateValue, Exhibit, Filing, NameRef, TextValue
from checker.sources import Document

_MAIN_TYPE = re.compile(r"^(SC|SCHEDULE)\s*13[DG]\b", re.I)
_JOINT = re.compile(r"joint\s+filing|joint\s+acquisition|agreement\s+.{0,40}13d-1\(k\)", re.I)


def apply_header(filing: Filing, doc: Document) -> Filing:
    h, lines = doc.header or {}, (doc.header or {}).get("lines", {})
    if h.get("form_type") and filing.header_form_type is None:
        filing.header_form_type = h["form_type"]
    if filing.header_form_type is None:
        filing.header_form_type = _document_type(h)
    for key, attr in (("subject_cik", "header_subject_cik"), ("filed_by_cik", "header_filer_cik")):
        if h.get(key) and getattr(filing, attr) is None:
            setattr(filing, attr, TextValue(value=h[key], line=lines.get(key)))
    if h.get("subject_company") and filing.header_issuer is None:
        filing.header_issuer = TextValue(value=h["subject_company"], line=lines.get("subject_company"))
    if h.get("filed") and filing.filing_date is None:
        filing.filing_date = DateValue(value=h["filed"], raw=h["filed"].strftime("%Y%m%d"),
                                       line=lines.get("filed"))
    known = {(r.name, r.source) for r in filing.named_persons}
    member_lines = lines.get("group_members", [])
    for i, name in enumerate(h.get("group_members", [])):
        if (name, "header-group") not in known:
            line = member_lines[i] if i < len(member_lines) else None
            filing.named_persons.append(NameRef(name=name, source="header-group", line=line))
            known.add((name, "header-group"))
    have = {(e.label, e.line) for e in filing.exhibits}
    for ex in h.get("exhibits", []):
        label = re.sub(r"^EX-", "", ex.get("type") or "", flags=re.I) or (ex.get("filename") or "?")
        if (label, ex.get("line")) in have:
            continue
        text = ex.get("text", "")
        kind = "joint-filing-agreement" if _JOINT.search(
            (ex.get("description") or "") + " " + text[:3000]) else "other"
        filing.exhibits.append(Exhibit(label=label, title=ex.get("description") or "",
                                       kind=kind, line=ex.get("line"), text=text))
    return filing


def _document_type(h: dict) -> str | None:
    """A lone <DOCUMENT> block (no SEC header) still states its form in <TYPE>: EDGAR files the
    document under that type, so it is the submission type the document must agree with."""
    for d in h.get("documents", []):
        if _MAIN_TYPE.match(d.get("type") or ""):
            return d["type"].strip()
    return None
