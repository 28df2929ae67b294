"""Plain-text (and HTML-as-text) filings: title page, cover pages, items, signatures, exhibits."""
from __future__ import annotations

import re

from checker.model import DateValue, Filing, NameRef, ParseIssue, Signature, TextValue
from checker.parse import body_text as B
from checker.parse import boxes
from checker.parse import statements as S
from checker.parse.cover_regions import find_markers
from checker.parse.cover_text import CoverReader
from checker.parse.defaults import read_default_clauses
from checker.parse.labels import ROW_NUMBER
from checker.parse.signatures import read_signature_blocks, read_signatures, signature_follows
from checker.sources import Document


def parse_text(doc: Document) -> Filing:
    lines = doc.text.split("\n")
    fl = doc.file_line
    filing = Filing(path=doc.path, format=doc.format, sha256=doc.sha256)
    reader = CoverReader(lines, fl, schedule=None, html=doc.body_html)
    markers = find_markers(lines)
    markers_end = markers[-1].idx + 1 if markers else 0
    title_end = markers[0].idx if markers else min(len(lines), 200)
    title = B.read_title_page(lines, limit=max(markers_end, 120))
    # The amendment number belongs to the title page: an Item's "as amended by Amendment No. 1"
    # further down must not turn an original statement into an amendment.
    title.pop("amendment_no", None)
    own = B.find_amendment(lines, limit=max(title_end, 1))
    if own:
        title["amendment_no"] = own
    if "form_type" in title:
        filing.form_type, idx = title["form_type"]
        filing.form_type_line = fl(idx)
        filing.schedule = "13G" if "13G" in filing.form_type else "13D"
    if title.get("amendment_no", (0,))[0]:  # "Amendment No. 0" is the original statement
        filing.amendment_no = title["amendment_no"][0]
        if filing.form_type and not filing.form_type.endswith("/A"):
            filing.form_type += "/A"  # "SCHEDULE 13D (Amendment No. 2)" is a 13D/A
    for key, value in B.title_values(title, fl).items():
        setattr(filing, key, value)
    reader.schedule = filing.schedule or _schedule_hint(doc, markers)
    filing.cover_pages = reader.read(markers)
    filing.issues.extend(reader.issues)
    if filing.schedule == "13G":
        filing.rule_designations = boxes.rule_designations(lines, title_end, fl)
        filing.rule_lines = boxes.rule_lines(lines, title_end)
    caption = S.event_caption_line(lines, max(title_end, 1))
    filing.event_caption_line = fl(caption) if caption is not None else None
    filing.event_date_blank = filing.event_date is None and S.event_date_blank(lines, caption)
    _read_statement_words(filing, lines, markers_end, fl)
    if markers:
        dated = S.percent_as_of(lines, markers[0].idx, markers_end)
        filing.percent_as_of = DateValue(value=dated[0], raw=dated[1], line=fl(dated[2])) if dated else None
        note = S.excludes_note_line(lines, markers[0].idx, markers_end + 80)
        filing.excludes_note_line = fl(note) if note is not None else None
    _read_body(filing, lines, markers_end, fl)
    if filing.schedule == "13G":
        filing.filer_types = boxes.filer_types([i for i in filing.items if i.number == "3"])
        old_c = boxes.item3_rule_box([i for i in filing.items if i.number == "3"])
        if old_c and old_c.value not in {d.value for d in filing.rule_designations}:
            filing.rule_designations.append(old_c)
        filing.exit_box = boxes.exit_box(filing.item("5"))
    if not filing.form_type and not filing.cover_pages:
        filing.issues.append(ParseIssue(kind="not-a-filing", line=1,
                                        message="no Schedule 13D/13G title page or cover page found"))
    return filing


def _read_statement_words(filing: Filing, lines: list[str], body_start: int, fl) -> None:
    """What the statement says of itself in words (checker/parse/statements.py)."""
    joint = S.joint_filing_line(lines)
    filing.joint_filing_line = fl(joint) if joint is not None else None
    claim = S.eligibility_claim(lines) if filing.schedule == "13G" else None
    if claim:
        filing.eligibility_claim = TextValue(value=claim[0], line=fl(claim[1]))
    amends = S.amends_line(lines, filing.schedule, body_start)
    filing.amends_line = fl(amends) if amends is not None else None


def _schedule_hint(doc: Document, markers) -> str:
    """No form type on the title page: the EDGAR header's, else the numbering the rows print
    (13G citizenship is row 4 and its percent row 11; on a 13D they are rows 6 and 13)."""
    form = (doc.header or {}).get("form_type") or ""
    if "13G" in form.upper() or "13D" in form.upper():
        return "13G" if "13G" in form.upper() else "13D"
    votes = {s: sum(1 for m in markers if m.num is not None and ROW_NUMBER[s].get(m.key) == m.num)
             for s in ("13D", "13G")}
    return "13G" if votes["13G"] > votes["13D"] else "13D"


def _read_body(filing: Filing, lines: list[str], start: int, fl) -> None:
    sig_start = B.find_signature_start(lines, start)
    items_end = sig_start if sig_start is not None else len(lines)
    heading_index: dict[str, int] = {}  # the first heading of each item, as a line index
    for idx, item in B.read_items(lines, start, items_end):
        item.line = fl(idx)
        item.text_lines = [fl(i) for i in item.text_lines]
        filing.items.append(item)
        heading_index.setdefault(item.number, idx)
    filing.exhibits = B.read_exhibit_list(filing.item("7"), heading_index.get("7"), fl)
    # The agreement follows the signatures; an earlier line naming it is a reference (Item 7).
    jfa_from = sig_start if sig_start is not None else start
    jfa = next((i for i in range(jfa_from, len(lines)) if B.JFA_HEADING.match(lines[i])), None)
    if sig_start is not None:
        sig_end = _block_end(lines, sig_start + 1)
        signed, unnamed = read_signature_blocks(lines, sig_start, sig_end, "statement", fl)
        signed, unnamed = _officer_headings(filing, signed, unnamed)
        filing.signatures = signed + _for_sole_person(filing, signed, unnamed)
        filing.signature_dates = S.signature_dates(lines, sig_start, sig_end, fl)
        filing.signature_slots = [(fl(i), typed) for i, typed in S.signature_slots(lines, sig_start, sig_end)]
        filing.signature_page_line = fl(sig_start)
        filing.signatures += _for_shared_pages(filing, signed)
        for s in filing.signatures:
            if s.party:  # an entity named only in the signer's office is not, by that, a party
                filing.named_persons.append(NameRef(name=s.name, source="signature", line=s.line))
        # Letters and notices between the signatures and the agreement (exhibits): who signs them,
        # and through whom, is compared with the statement (CON007). They name no reporting person.
        letters_end = len(lines) if jfa is None else max(jfa, sig_end)
        filing.signatures.extend(read_signatures(lines, sig_end, letters_end, "exhibit", fl))
    if jfa is not None:
        filing.named_persons.extend(B.read_jfa_parties(lines, jfa, fl))
        agreed = read_signatures(lines, jfa, len(lines), "agreement", fl)
        filing.signatures.extend(agreed)
        filing.named_persons.extend(_undersigned_parties(filing, lines, jfa, agreed, fl))
    filing.default_clauses = read_default_clauses(lines, start, len(lines), fl)


# Only entities: an individual's name beside 'By: /s/' in a grid is as often the officer signing
# for the entity in the next cell as a party of its own.
_ENTITY = re.compile(r"\b(?:L\.?\s?L\.?\s?C|L\.?\s?P|Inc|Incorporated|Corp|Corporation|Company|Co|Fund|Trust|Ltd"
                     r"|Limited|Partners|Partnership|Group|Bank|Association|Holdings|AG|S\.?A|N\.?A|plc)\b\.?", re.I)
# 'The undersigned persons, on Feb. 13, 2008, agree': an abbreviation's point before a day ends no sentence.
_UNDERSIGNED = re.compile(r"\bthe\s+undersigned\b(?:[^.]|\.(?=\s+\d)){0,80}?\bagree", re.I)


def _undersigned_parties(filing: Filing, lines: list[str], jfa: int, agreed: list[Signature], fl) -> list[NameRef]:
    """An agreement among 'the undersigned' names its parties by their signatures: each entity
    signing it within the agreement's page (60 lines) is a party (COV001 looks for its cover).
    Individuals are left out (see _ENTITY)."""
    if any(r.source == "joint-filing-agreement" for r in filing.named_persons):
        return []  # the agreement's text names its parties
    text = " ".join(t.strip() for t in lines[jfa:jfa + 15])
    if not _UNDERSIGNED.search(text):
        return []
    last = fl(min(len(lines) - 1, jfa + 60))
    out, seen = [], set()
    for s in agreed:
        if s.line is None or s.line > last or s.name in seen or not B.party_like(s.name) \
                or not _ENTITY.search(s.name):
            continue
        seen.add(s.name)
        out.append(NameRef(name=s.name, source="joint-filing-agreement", line=s.line))
    return out


def _officer_headings(filing: Filing, signed: list[Signature],
                      unnamed: list[Signature]) -> tuple[list[Signature], list[Signature]]:
    """'J. Roe' / 'By: /s/ J. Roe' / 'Title: President': the officer's own name printed over a
    signature given in an office, for an entity the block does not print. Where that name has no
    cover page, the signature names no one it is given for (the officer is no reporting person)."""
    from checker.names import same_name
    from checker.parse.signature_names import same_signer
    from checker.parse.signature_patterns import _ROLE
    covers = [p.name.value for p in filing.cover_pages if p.name]
    officer = [s for s in signed if s.capacity and _ROLE.match(s.capacity) and not re.match(r"individual", s.capacity, re.I)
               and same_signer(s.name, s.signer) and not any(same_name(s.name, c) for c in covers)]
    if not officer:
        return signed, unnamed
    return ([s for s in signed if s not in officer],
            unnamed + [s.model_copy(update={"name": ""}) for s in officer])


def _for_sole_person(filing: Filing, signed: list[Signature], unnamed: list[Signature]) -> list[Signature]:
    """An officer's or attorney's signature that names no entity ('By /s/ Jane Roe' / 'President'),
    on a statement with one reporting person only: it can only be given for that person."""
    from checker.names import same_name
    names = {p.name.value for p in filing.cover_pages if p.name and not p.joint_names}
    if not unnamed or len(names) != 1 or any(p.joint_names for p in filing.cover_pages):
        return []
    [name] = names
    if any(same_name(s.name, name) for s in signed):
        return []
    return [unnamed[0].model_copy(update={"name": name})]


def _for_shared_pages(filing: Filing, signed: list[Signature]) -> list[Signature]:
    """A page printed for 'Acme, Ltd. and Jane Roe' is signed when each of them signs."""
    from checker.names import same_name
    out = []
    for page in filing.cover_pages:
        if not page.name_parts or any(same_name(s.name, page.name.value) for s in signed):
            continue
        sigs = [next((s for s in signed if same_name(s.name, part)), None) for part in page.name_parts]
        if all(sigs):
            out.append(sigs[0].model_copy(update={"name": page.name.value}))
    return out


_NEXT_DOCUMENT = re.compile(r"^(exhibit\s+[\"“]?\w+|via\s+facsimile|re:|dear\s)", re.I)
_LETTER_DATE = re.compile(r"[A-Z][a-z]+\.? \d{1,2}, (19|20)\d\d")


def _block_end(lines: list[str], start: int) -> int:
    """Signature blocks end where the next document starts: a dated letter, an exhibit or the JFA."""
    for idx in range(start, len(lines)):
        if not lines[idx] or lines[idx].isspace():
            continue  # a blank line starts nothing
        text = lines[idx].strip().replace("*", "")
        if B.JFA_HEADING.match(lines[idx]) or _NEXT_DOCUMENT.match(text):
            return idx
        if _LETTER_DATE.fullmatch(text) and idx > start + 3 and "/s/" in "\n".join(lines[start:idx]).lower() \
                and not signature_follows(lines, idx, len(lines)):  # the date of the next block
            return idx
    return len(lines)
