"""The rest of a text filing: the title page, the items, signatures, exhibits and the joint
filing agreement's parties."""
from __future__ import annotations

import re

from checker.model import DateValue, Exhibit, Item, NameRef, Signature, TextValue
from checker.names import split_names
from checker.parse import values as V

FORM_LINE = re.compile(r"\b(?:form\s+)?(SC|schedule)\s+13\s*([DG])(\s*/\s*A)?\b", re.I)
AMENDMENT = re.compile(r"\bamendment\s+no\.?\s*:?\s*(\d{1,3})\b", re.I)
ITEM = re.compile(r"^[\s*#]*item\s+(\d{1,2})\s*(?:\(\s*[a-j]\s*\))?\s*[.:\-–]?\s*(.*)$", re.I)
SIGNATURE_HEADING = re.compile(r"^[\s*#]*signatures?[\s.:*]*$", re.I)
EXHIBIT_REF = re.compile(r"^[\s*#]*exhibit\s+(?:no\.?\s*)?([A-Z0-9][\w.\-]{0,6})[\s.:*]*(.*)$", re.I)
JFA_HEADING = re.compile(r"^[\s*#]*(?:exhibit\s+\S+\s*[-–:]?\s*)?joint\s+filing\s+agreement[\s.*]*$", re.I)
PARENTHETICAL = {
    "issuer": re.compile(r"\(\s*name\s+of\s+(?:the\s+)?issuer\s*\)", re.I),
    "security_class": re.compile(r"\(\s*title\s+of\s+class\s+of\s+securities\s*\)", re.I),
    "cusip": re.compile(r"\(\s*cusip\s+number\s*\)", re.I),
    "event_date": re.compile(r"\(\s*date\s+of\s+event\s+which\s+requires\s+filing", re.I),
}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "").replace("\\$", "$")).strip(" _*")


def value_above(lines: list[str], idx: int) -> tuple[int, str] | None:
    """The value printed above a parenthetical caption such as '(Name of Issuer)'."""
    for j in range(idx - 1, max(-1, idx - 6), -1):
        text = _clean(lines[j])
        if text and not re.fullmatch(r"[_\-=\s]*", text):
            return j, text
    return None


def read_title_page(lines: list[str], limit: int) -> dict:
    """Form type, amendment number, issuer, class, CUSIP and event date from the title page."""
    out: dict = {}
    for idx in range(min(limit, len(lines))):
        line = lines[idx]
        if "form_type" not in out:
            m = FORM_LINE.search(line.replace("**", ""))
            if m:
                amended = bool(m.group(3))
                out["form_type"] = (f"SC 13{m.group(2).upper()}" + ("/A" if amended else ""), idx)
        if "amendment_no" not in out:
            m = AMENDMENT.search(line)
            if m:
                out["amendment_no"] = (int(m.group(1)), idx)
        for key, rx in PARENTHETICAL.items():
            if key not in out and rx.search(line):
                above = value_above(lines, idx)
                if above:
                    out[key] = (above[1], above[0])
    return out


def read_items(lines: list[str], start: int, end: int) -> list[tuple[int, Item]]:
    """Item headings ('Item 4. Purpose of Transaction.') and their text, up to the signatures."""
    found: list[tuple[int, Item]] = []
    for idx in range(start, end):
        m = ITEM.match(lines[idx])
        if m and len(lines[idx]) < 200:
            found.append((idx, Item(number=m.group(1), title=_clean(m.group(2)))))
    for n, (idx, item) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else end
        item.text = "\n".join(lines[idx + 1: stop]).strip()
    return found


def find_signature_start(lines: list[str], start: int) -> int | None:
    for idx in range(start, len(lines)):
        if SIGNATURE_HEADING.match(lines[idx]) or re.match(
                r"^\s*after\s+reasonable\s+inquiry", lines[idx], re.I):
            return idx
    return None


_BY = re.compile(r"^\s*by\s*:\s*(.*)$", re.I)
_SLASH_S = re.compile(r"/s/\s*(.+)$", re.I)
_NAME_TITLE = re.compile(r"^\s*(?:name|title|its)\s*:\s*(.*)$", re.I)
_DATED = re.compile(r"^\s*(?:dated?|date)\s*:?\s*(.+)$", re.I)


def read_signatures(lines: list[str], start: int, end: int, context: str, file_line) -> list[Signature]:
    """Signature blocks: an entity heading, 'By:' lines, '/s/ Signer', 'Signer, Capacity'."""
    sigs: list[Signature] = []
    entity: list[str] = []
    in_by = False
    date = None
    idx = start
    while idx < end:
        text = _clean(lines[idx])
        if not text:
            idx += 1
            continue
        dm = _DATED.match(text)
        if dm and V.first_date(dm.group(1)):
            d, raw = V.first_date(dm.group(1))
            date = DateValue(value=d, raw=raw, line=file_line(idx))
        elif _SLASH_S.search(text):
            signer = _clean(_SLASH_S.search(text).group(1))
            capacity, idx = _capacity(lines, idx + 1, end, signer)
            name = " ".join(entity) if entity else signer
            sigs.append(Signature(name=name, signer=signer, capacity=capacity, date=date,
                                  line=file_line(idx), context=context))
            entity, in_by = [], False
        elif _BY.match(text):
            in_by = True
        elif not in_by and _looks_like_entity(text):
            entity.append(text)
        elif not in_by:
            entity = []  # prose or a bracketed note: not part of a signature heading
        idx += 1
    return sigs


def _capacity(lines: list[str], idx: int, end: int, signer: str) -> tuple[str | None, int]:
    """'Nelson Obus, President' or 'Name: ... / Title: ...' after the /s/ line."""
    while idx < end and not _clean(lines[idx]):
        idx += 1
    if idx >= end:
        return None, idx - 1
    text = _clean(lines[idx])
    if text.lower().startswith(signer.lower().split(",")[0].lower()) and "," in text:
        return text.split(",", 1)[1].strip(), idx
    title = _NAME_TITLE.match(text)
    if title:
        nxt = _clean(lines[idx + 1]) if idx + 1 < end else ""
        tm = _NAME_TITLE.match(nxt)
        return (tm.group(1) if tm else None), (idx + 1 if tm else idx)
    return None, idx - 1


def _looks_like_entity(text: str) -> bool:
    return (len(text) < 90 and not V.first_date(text) and not text.endswith(":") and not text.startswith("[")
            and re.search(r"[A-Za-z]{3}", text) is not None
            and not re.match(r"^(general partner|managing member|its\b|very truly|sincerely)", text, re.I))


def read_jfa_parties(lines: list[str], start: int, file_line) -> list[NameRef]:
    """Parties named in a joint filing agreement: 'by and among A, B and C.'"""
    para = _paragraph_with(lines, start, re.compile(r"by\s+and\s+(?:among|between)\s", re.I))
    if para is None:
        return []
    line_idx, text = para
    m = re.search(r"by\s+and\s+(?:among|between)\s+(.+?)\s*$", text, re.I | re.S)
    if not m:
        return []
    body = re.split(r"\b(?:the\s+parties|hereby|each\s+of\s+whom|\(the\s+)", m.group(1), flags=re.I)[0]
    line = file_line(line_idx)
    return [NameRef(name=_clean(n), source="joint-filing-agreement", line=line)
            for n in _split_party_list(body)]


def _paragraph_with(lines: list[str], start: int, rx: re.Pattern) -> tuple[int, str] | None:
    """The paragraph (lines up to a blank line) in which rx first matches, within 40 lines."""
    for idx in range(start, min(len(lines), start + 40)):
        if rx.search(lines[idx]):
            end = idx
            while end < len(lines) and lines[end].strip():
                end += 1
            return idx, " ".join(ln.strip() for ln in lines[idx:end])
    return None


def _split_party_list(text: str) -> list[str]:
    names = split_names(text)
    # 'L.P.' inside a name ends in '.', which the sentence regex may cut at: rejoin handled by
    # split_names; drop empty or obviously non-name pieces.
    return [n for n in names if re.search(r"[A-Za-z]{2}", n)]


def read_exhibit_list(item7: Item | None, item7_line: int | None, file_line) -> list[Exhibit]:
    """'Exhibit A' followed by its description in Item 7."""
    if item7 is None:
        return []
    rows = [ln for ln in item7.text.split("\n")]
    out: list[Exhibit] = []
    for n, ln in enumerate(rows):
        m = EXHIBIT_REF.match(ln)
        if not m:
            continue
        title = _clean(m.group(2)) or next((_clean(r) for r in rows[n + 1: n + 4] if _clean(r)), "")
        kind = ("joint-filing-agreement" if re.search(r"joint\s+filing", title, re.I)
                else "notice" if re.search(r"notice", title, re.I)
                else "letter" if re.search(r"letter", title, re.I) else "other")
        d = V.first_date(title)
        line = file_line(item7_line + 1 + n) if item7_line is not None else None
        out.append(Exhibit(label=m.group(1).upper(), title=title, kind=kind, line=line,
                           date=DateValue(value=d[0], raw=d[1], line=line) if d else None))
    return out


def title_values(raw: dict, file_line) -> dict:
    """The raw (value, line index) pairs of the title page as model values."""
    out = {}
    for key in ("issuer", "security_class"):
        if key in raw:
            out[key] = TextValue(value=raw[key][0], line=file_line(raw[key][1]))
    if "cusip" in raw:
        out["cusip"] = TextValue(value=re.sub(r"[\s\-]", "", raw["cusip"][0]).upper(),
                                 line=file_line(raw["cusip"][1]))
    if "event_date" in raw and V.first_date(raw["event_date"][0]):
        d, text = V.first_date(raw["event_date"][0])
        out["event_date"] = DateValue(value=d, raw=text, line=file_line(raw["event_date"][1]))
    return out
