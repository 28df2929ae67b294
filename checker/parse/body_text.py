"""The rest of a text filing: the title page, the items, exhibits and the joint filing
agreement's parties (signatures: ``checker.parse.signatures``; 13G boxes: ``checker.parse.boxes``)."""
from __future__ import annotations

import re

from checker.model import DateValue, Exhibit, Item, NameRef, TextValue
from checker.names import split_names
from checker.parse import values as V

# The form's name as the statement prints it: 'Schedule 13D', older filings' 'SCHEDULE 13-D'.
SCHEDULE_13 = r"schedule\s+13\s*-?\s*"
FORM_LINE = re.compile(r"\b(?:form\s+)?(SC\s+13\s*-?\s*|" + SCHEDULE_13 + r")([DG])(\s*/\s*A)?\b", re.I)
# "(Amendment No. _2_)", or the number in words ("(Amendment No. Two)")
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=1)}
AMENDMENT = re.compile(r"\bamendment\s+no\.?\s*:?\s*_*\s*(\d{1,3}(?!\d)|(?:" + "|".join(_NUMBER_WORDS) + r")\b)", re.I)


def amendment_number(m: re.Match) -> int:
    """The number an AMENDMENT match states, in figures or in words."""
    g = m.group(1)
    return int(g) if g.isdigit() else _NUMBER_WORDS[g.lower()]


ITEM = re.compile(r"^[\s*#]*item\s+(\d{1,2})\s*(?:\(\s*[a-j]\s*\))?\s*[.:\-–]?\s*(.*)$", re.I)
SIGNATURE_HEADING = re.compile(r"^[\s*#]*signatures?[\s.:*]*$", re.I)
EXHIBIT_REF = re.compile(r"^[\s*#]*exhibit\s+(?:no\.?\s*)?([A-Z0-9][\w.\-]{0,6})[\s.:*]*(.*)$", re.I)
# A heading that is the agreement's title and nothing else ('Joint Filing Agreement dated ...' in
# Item 7 is a reference to it, not the agreement).
JFA_HEADING = re.compile(
    r"^[\s*#]*(?:exhibit\s+[\w.\-\"“”]+\s*[-–:.]?\s*)?(?:joint\s+filing\s+(?:agreement|statement|undertaking)"
    r"|agreement\s+(?:of|for|regarding|relating\s+to)\s+joint\s+filing|(?:rule\s+13d-1\S*\s+)?agreement)"
    r"(?:\s+pursuant\s+to\s+rule\s+13d-1\S*)?[\s.*]*$", re.I)
PARENTHETICAL = {
    "issuer": re.compile(r"\(\s*name\s+of\s+(?:the\s+)?issuer\s*\)", re.I),
    "security_class": re.compile(r"\(\s*title\s+(?:and\s+)?(?:of\s+)?class\s+of\s+securities\s*\)", re.I),
    "cusip": re.compile(r"\(\s*cusip\s+number\s*\)", re.I),
    "event_date": re.compile(r"\(\s*date\s+of\s+event\s+which\s+requires?d?\s+filing", re.I),
}
# Title pages without the printed form's captions: "NAME OF ISSUER: Neozyme II Corp.", "Cusip # 114537103".
INLINE = {
    "issuer": re.compile(r"^\s*name\s+of\s+issuer\s*:\s*(\S.*)$", re.I),
    "security_class": re.compile(r"^\s*title\s+of\s+class\s+of\s+securities\s*:\s*(\S.*)$", re.I),
    "cusip": re.compile(r"^\s*cusip\s*(?:no\.?|number|#)\s*:?\s*([0-9A-Z][0-9A-Z \-]{6,14}[0-9A-Z])\s*$", re.I),
}
_INLINE_HEAD = re.compile(r"\s*(?:name|title|cusip)", re.I)  # what every INLINE pattern starts with


_WHITESPACE = re.compile(r"\s+")  # compiled once: _clean and value_above run on many lines
_RULE_LINE = re.compile(r"[_\-=\s]*")


def _clean(text: str) -> str:
    return _WHITESPACE.sub(" ", text.replace("**", "").replace("\\$", "$")).strip(" _*")


def value_above(lines: list[str], idx: int) -> tuple[int, str] | None:
    """The value printed above a parenthetical caption such as '(Name of Issuer)'."""
    for j in range(idx - 1, max(-1, idx - 6), -1):
        text = _clean(lines[j])
        if text and any(rx.search(text) for rx in PARENTHETICAL.values()):
            return None  # the caption above is another value's: this one is left blank
        if text and not _RULE_LINE.fullmatch(text):
            return j, text
    return None


def read_title_page(lines: list[str], limit: int) -> dict:
    """Form type, amendment number, issuer, class, CUSIP and event date from the title page."""
    out: dict = {}
    inline: dict = {}
    for idx in range(min(limit, len(lines))):
        line = lines[idx]
        if not line or line.isspace():
            continue  # none of the patterns below matches a blank line
        if "form_type" not in out:
            m = _form_line(line)
            if m:
                amended = bool(m.group(3))
                out["form_type"] = (f"SC 13{m.group(2).upper()}" + ("/A" if amended else ""), idx)
        if "amendment_no" not in out:
            m = _amendment(line)
            if m:
                out["amendment_no"] = (amendment_number(m), idx)
        if "(" in line:  # every caption is parenthesised
            _read_parenthetical(lines, idx, out)
        if _INLINE_HEAD.match(line):
            for key, rx in INLINE.items():
                m = rx.match(line)
                if m and key not in inline:
                    inline[key] = (_clean(m.group(1)), idx)
    for key, value in inline.items():
        out.setdefault(key, value)
    return out


def find_amendment(lines: list[str], limit: int) -> tuple[int, int] | None:
    """(amendment number, line index) of the first 'Amendment No. N' in the first ``limit`` lines:
    what ``read_title_page`` gives as ``amendment_no``, without reading the rest."""
    for idx in range(min(limit, len(lines))):
        m = _amendment(lines[idx])
        if m:
            return amendment_number(m), idx
    return None


# Cheap tests before the title-page patterns, which most lines fail. The ASCII test keeps them
# exact: IGNORECASE also folds a few non-ASCII letters that str.lower() does not.
def _may_contain(line: str, word: str) -> bool:
    return word in line.lower() or not line.isascii()


def _form_line(line: str) -> re.Match | None:
    text = line.replace("**", "") if "*" in line else line
    return FORM_LINE.search(text) if "13" in text else None


def _amendment(line: str) -> re.Match | None:
    return AMENDMENT.search(line) if _may_contain(line, "amendment") else None


def _read_parenthetical(lines: list[str], idx: int, out: dict) -> None:
    """'(Name of Issuer)' and the other captions: the value is printed above the caption."""
    for key, rx in PARENTHETICAL.items():
        m = rx.search(lines[idx]) if key not in out else None
        if m:
            # 'Insteel Industries, Inc. (Name of Issuer)': the value on the caption's own line, where
            # an HTML cell prints both with only a rule between them; else the line above
            before = _clean(lines[idx][:m.start()])
            if before and not _RULE_LINE.fullmatch(before) and not any(r.search(before) for r in PARENTHETICAL.values()):
                out[key] = (before, idx)
                continue
            above = value_above(lines, idx)
            if above:
                out[key] = (above[1], above[0])


# 'Item 3 herein.', 'Item 6 hereto, the power to dispose ...': prose wrapped so that a reference
# to an item starts a line; no separator after the number and a lower-case word are no heading,
# nor, in a text typed in capitals, a word of prose no item's title starts with ('ITEM 3 HEREIN.').
_PROSE_REFERENCE = re.compile(r"^[\s*#]*(?i:item)\s+\d{1,2}\s+(?:[a-z]|(?i:here(?:in|to|of|under)|above|below|of|and|"
                              r"or|to|in|is|are|as|for|with|which|that|shall|will|may)\b)")


# An HTML table row with the heading in its first cell and the whole item in the next ('Item 4 |
# Ownership (a) Amount beneficially owned: 133,316,008 shares (b) ...'): a heading however long.
_CELL_HEADING = re.compile(r"^[\s*#]*item\s+\d{1,2}\s*(?:\(\s*[a-j]\s*\))?\s*[.:\-–]?\s*\|\s*", re.I)


def read_items(lines: list[str], start: int, end: int) -> list[tuple[int, Item]]:
    """Item headings ('Item 4. Purpose of Transaction.') and their text, up to the signatures."""
    found: list[tuple[int, Item]] = []
    first: dict[int, str] = {}  # the item's text printed in the heading's row, after its first cell
    for idx in range(start, end):
        m = ITEM.match(lines[idx]) if _may_contain(lines[idx], "item") else None
        if m and len(lines[idx]) < 200 and not _PROSE_REFERENCE.match(lines[idx]):
            found.append((idx, Item(number=m.group(1), title=_clean(m.group(2)))))
        elif m and (cell := _CELL_HEADING.match(lines[idx])):
            found.append((idx, Item(number=m.group(1), title="")))
            first[idx] = lines[idx][cell.end():]
    for n, (idx, item) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else end
        rows = ([(idx, first[idx])] if idx in first else []) + [(i, lines[i]) for i in range(idx + 1, stop)]
        while rows and not rows[0][1].strip():
            rows.pop(0)  # the blank lines after the heading: the text starts at its first words
        item.text = "\n".join(t for _, t in rows).strip()
        item.text_lines = [i for i, _ in rows][:item.text.count("\n") + 1]  # line indexes; text.py maps them
    return found


# The certification opens the signature page, its heading maybe on the same line ('Signature After
# reasonable inquiry ...': a heading cell beside the text, or typed as a run-in heading).
_AFTER_INQUIRY = re.compile(r"^\s*(?:signatures?[\s.:*\-–—]*)?after\s+reasonable\s+inquiry", re.I)


def find_signature_start(lines: list[str], start: int) -> int | None:
    for idx in range(start, len(lines)):
        line = lines[idx]
        if (_may_contain(line, "signature") and SIGNATURE_HEADING.match(line)) \
                or (_may_contain(line, "inquiry") and _AFTER_INQUIRY.match(line)):
            return idx
    return None


# -- the joint filing agreement's parties ---------------------------------------------------
_AMONG = re.compile(r"by\s+and\s+(?:among|between)\s+(?!the\s+undersigned|them\b|each\s+of\s+the)", re.I)
_AGREE = re.compile(r"^(?P<names>.{3,400}?)\s+(?:each\s+)?hereby\s+(?:agree|consent|confirm)", re.I | re.S)
_LIST_END = re.compile(r"\s*(?:\((?:the|each|collectively)\b|\bhereby\b|\bwith\s+respect\b|\bthat\b|\bwhereby\b"
                       r"|\bregarding\b|\brelating\b|\beach\s+of\s+whom\b|\bthe\s+parties\b|;)", re.I)
_DEFINED = re.compile(r"\s*\(\s*(?:the\s+)?[“\"‘'][^”\"’']{1,40}[”\"’']\s*\)\s*,?\s*(?:and\s+)?", re.I)
_LEGAL_ABBR = re.compile(r"(?:\b(?:L\.\s?P|L\.\s?L\.\s?C|Inc|Ltd|Co|Corp|N\.\s?A|S\.\s?A|Jr|Sr|Mr|Ms|Dr)|\b[A-Z])\.$")
_NOT_A_NAME = re.compile(r"\b(?:hereby|agree[sd]?|undersigned|statement|schedule|filed?|filing|shall|will|"
                         r"securities|exchange|commission|pursuant|amendment|behalf|respect|parties|counterparts?)\b",
                         re.I)


def read_jfa_parties(lines: list[str], start: int, file_line) -> list[NameRef]:
    """Parties named in a joint filing agreement: 'by and among A, B and C.' or 'A and B hereby
    agree ...'. An agreement among 'the undersigned' names nobody here (its signatures do); a
    list that does not read as names gives nothing rather than a clause as a reporting person."""
    para = _paragraph_with(lines, start, re.compile(r"by\s+and\s+(?:among|between)\s|hereby\s+(?:agree|consent)",
                                                    re.I))
    if para is None:
        return []
    line_idx, text = para
    m = _AMONG.search(text)
    if m:
        body = _sentence(text[m.end():])
    else:
        am = _AGREE.match(text)
        if not am:
            return []
        body = am.group("names")
    body = _LIST_END.split(body, 1)[0]
    names = _party_names(body)
    if not names or not all(_party_like(n) for n in names):
        return []
    line = file_line(line_idx)
    return [NameRef(name=n, source="joint-filing-agreement", line=line) for n in names]


def _sentence(text: str) -> str:
    """Text up to the end of its first sentence; 'L.P.' and initials do not end a sentence."""
    for m in re.finditer(r"\.(?=\s+[A-Z(\"“]|\s*$)", text):
        if not _LEGAL_ABBR.search(text[:m.end()]):
            return text[:m.start()]
    return text


def _party_names(body: str) -> list[str]:
    if _DEFINED.search(body):  # 'A ("CRMC") and B ("CG")': the defined terms end each name
        parts = [p for p in _DEFINED.split(body) if p.strip()]
        return [_clean(p).strip(" ,") for p in parts]
    return [_clean(n) for n in split_names(body) if re.search(r"[A-Za-z]{2}", n)]


def _party_like(name: str) -> bool:
    words = name.split()
    return (0 < len(words) <= 10 and name[:1].isupper() and not _NOT_A_NAME.search(name)
            and not V.first_date(name) and not re.search(r"\d{3,}", name))


def party_like(name: str) -> bool:
    """A signature's name that reads as an entity or a person (for the agreement's parties)."""
    return _party_like(name) and "|" not in name and ":" not in name


def _paragraph_with(lines: list[str], start: int, rx: re.Pattern) -> tuple[int, str] | None:
    """The paragraph (lines up to a blank line) in which rx first matches, within 40 lines."""
    for idx in range(start, min(len(lines), start + 40)):
        if rx.search(lines[idx]):
            first = idx
            while first > start + 1 and lines[first - 1].strip():
                first -= 1  # 'A and B hereby agree' may start on the line before
            end = idx
            while end < len(lines) and lines[end].strip():
                end += 1
            return idx, " ".join(ln.strip() for ln in lines[first:end])
    return None


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
        line = file_line(raw["cusip"][1])
        cusips = [TextValue(value=c, line=line) for c in split_cusips(raw["cusip"][0])]
        if cusips:
            out["cusip"], out["cusips"] = cusips[0], cusips
    if "event_date" in raw and V.first_date(raw["event_date"][0]):
        d, text = V.first_date(raw["event_date"][0])
        out["event_date"] = DateValue(value=d, raw=text, line=file_line(raw["event_date"][1]))
    return out


def split_cusips(text: str) -> list[str]:
    """'228569-10-9' -> ['228569109']; '123456789; 987654321' -> both; 'None' -> []."""
    out = []
    for part in re.split(r"[,;/]|\band\b|\s{3,}", text, flags=re.I):
        value = V.read_cusip(part)
        if re.fullmatch(r"[0-9A-Z]{6,12}", value) and re.search(r"\d", value):
            out.append(value)
    return out
