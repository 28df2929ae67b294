"""Plain-text (and HTML-as-text) filings: title page, cover pages, items, signatures, exhibits."""
from __future__ import annotations

import re

from checker.model import Filing, ParseIssue
from checker.parse import body_text as B
from checker.parse.cover_text import CoverReader
from checker.parse.defaults import read_default_clauses
from checker.sources import Document


def parse_text(doc: Document) -> Filing:
    lines = doc.text.split("\n")
    fl = doc.file_line
    filing = Filing(path=doc.path, format=doc.format, sha256=doc.sha256)
    reader = CoverReader(lines, fl, schedule=None)
    markers_end = _covers_end(reader)
    title = B.read_title_page(lines, limit=max(markers_end, 120))
    if "form_type" in title:
        filing.form_type, idx = title["form_type"]
        filing.form_type_line = fl(idx)
        filing.schedule = "13G" if "13G" in filing.form_type else "13D"
    if "amendment_no" in title:
        filing.amendment_no = title["amendment_no"][0]
    for key, value in B.title_values(title, fl).items():
        setattr(filing, key, value)
    reader.schedule = filing.schedule
    filing.cover_pages = reader.read()
    filing.issues.extend(reader.issues)
    _read_body(filing, lines, markers_end, fl)
    if not filing.form_type and not filing.cover_pages:
        filing.issues.append(ParseIssue(kind="not-a-filing", line=1,
                                        message="no Schedule 13D/13G title page or cover page found"))
    return filing


def _covers_end(reader: CoverReader) -> int:
    from checker.parse.cover_text import find_markers
    markers = find_markers(reader.lines)
    return markers[-1].idx + 1 if markers else 0


def _read_body(filing: Filing, lines: list[str], start: int, fl) -> None:
    sig_start = B.find_signature_start(lines, start)
    items_end = sig_start if sig_start is not None else len(lines)
    for idx, item in B.read_items(lines, start, items_end):
        item.line = fl(idx)
        filing.items.append(item)
    item7 = filing.item("7")
    filing.exhibits = B.read_exhibit_list(item7, _index_of(lines, item7, fl), fl)
    jfa = next((i for i in range(start, len(lines)) if B.JFA_HEADING.match(lines[i])), None)
    if sig_start is not None:
        sig_end = _block_end(lines, sig_start + 1)
        filing.signatures = B.read_signatures(lines, sig_start, sig_end, "statement", fl)
        for s in filing.signatures:
            filing.named_persons.append(_ref(s.name, "signature", s.line))
    if jfa is not None:
        filing.named_persons.extend(B.read_jfa_parties(lines, jfa, fl))
        filing.signatures.extend(B.read_signatures(lines, jfa, len(lines), "agreement", fl))
    filing.default_clauses = read_default_clauses(lines, start, len(lines), fl)


def _ref(name, source, line):
    from checker.model import NameRef
    return NameRef(name=name, source=source, line=line)


def _index_of(lines, item, fl):
    if item is None:
        return None
    for idx, ln in enumerate(lines):
        if fl(idx) == item.line:
            return idx
    return None


def _block_end(lines: list[str], start: int) -> int:
    """Signature blocks end where the next document starts: a dated letter, an exhibit or the JFA."""
    for idx in range(start, len(lines)):
        text = lines[idx].strip().replace("*", "")
        if B.JFA_HEADING.match(lines[idx]) or re.match(r"^(exhibit\s+\w+|via\s+facsimile|re:|dear\s)", text, re.I):
            return idx
        if re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}, (19|20)\d\d", text) and idx > start + 3 \
                and "/s/" in "\n".join(lines[start:idx]):
            return idx
    return len(lines)
