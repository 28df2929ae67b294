"""Schedule 13G check boxes in text and HTML filings: the rule boxes on the title page
(Rule 13d-1(b)/(c)/(d)), Item 3 (type of person filing) and Item 5 (5 percent or less).

A box is read only where one is printed ("[X]", "[ ]", "☒", "☐", "þ", "¨", "x", "/X/", "__X__",
"( )"). Prose with no box ("the person filing is a parent holding company") is read for Item 3
only when it names one of the form's types plainly.
"""
from __future__ import annotations

import re

from checker.model import Codes, Flag, Item, TextValue

_RULE_REF = re.compile(r"rule\s+13d\s*-\s*1\s*\(\s*([bcd])\s*\)(?!\s*\()", re.I)
_BOX = re.compile(r"\[\s*[xX✓✔]?\s*\]|\(\s*[xX]?\s*\)|☒|☐|þ|ý|¨|■|□|/\s*[xX]?\s*/|_+[xX]?_+|(?<![\w(])[xXo](?![\w)])")
_CHECKED = re.compile(r"\[\s*[xX✓✔]\s*\]|\(\s*[xX]\s*\)|☒|þ|ý|■|/\s*[xX]\s*/|_+[xX]_+|(?<![\w(])[xX](?![\w)])")
FILER_TYPES = (  # the form's descriptions, most specific first
    ("BD", r"broker|dealer"), ("IC", r"insurance\s+company"), ("IV", r"investment\s+company"),
    ("IA", r"investment\s+advis[eo]r"), ("EP", r"employee\s+benefit|pension\s+fund|endowment"),
    ("HC", r"parent\s+holding|control\s+person"), ("SA", r"savings\s+association"), ("CP", r"church\s+plan"),
    ("FI", r"non-?\s*u\.?\s*s\.?\s+institution"), ("BK", r"\bbank\b"), ("OO", r"\bgroup\b"),
)
# An Item 3 option: an optional letter, a box, the description ("(e) [X] Investment Adviser ...",
# "[X] A parent holding company ...", "(e) | ☒ Investment Advisor ...").
# Possessive quantifiers (*+): on a line of a million spaces a backtracking '\s*' would try
# every split of the run against the next '\s*' (quadratic: a hang, found by bench/fuzz.py).
_OPTION = re.compile(r"^\s*+(?:\(?\s*+[a-k]\s*+[).]\s*+)?(?P<box>\[\s*[xX✓✔]?\s*\]|\(\s*[xX]?\s*\)|☒|☐|þ|ý|¨|■|□"
                     r"|/\s*[xX]?\s*/|_+[xX]?_+|[xXo](?=\s))\s*(?P<desc>\S.*)$", re.I)
# Rule 13d-1(b)(1)(ii)(A)-(K): the institutions, in the rule's order ((J), a non-U.S. institution
# since 2016, was the group clause before; either way a type is stated).
_CLAUSE = re.compile(r"13d\s*-\s*1\s*\(\s*b\s*\)\s*\(\s*1\s*\)\s*\(\s*ii\s*\)\s*\(\s*([A-K])\s*\)", re.I)
_CLAUSE_CODES = dict(zip("ABCDEFGHIJK", ("BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "FI", "OO")))
_PROSE_TYPE = re.compile(r"person\s+filing[^.;]{0,60}?\bis\s+(?:a|an)\s+([^.;]{5,160})", re.I)


def rule_designations(lines: list[str], limit: int, file_line) -> list[TextValue]:
    """The checked 'Rule 13d-1(x)' boxes of the title page (lines before the first cover page)."""
    out: list[TextValue] = []
    for idx in range(min(limit, len(lines))):
        line = lines[idx]
        refs = list(_RULE_REF.finditer(line))
        for n, ref in enumerate(refs):
            before = line[refs[n - 1].end() if n else 0:ref.start()]
            after = line[ref.end():refs[n + 1].start() if n + 1 < len(refs) else len(line)]
            box = _box(before, last=True) or _box(after, last=False)
            if box is None:
                continue  # a rule named in prose ("Rules 13d-1(b), (c) and (d)"), not a box
            value = f"Rule 13d-1({ref.group(1).lower()})"
            if _CHECKED.fullmatch(box.strip()) and value not in {t.value for t in out}:
                out.append(TextValue(value=value, line=file_line(idx)))
    for idx, letter, box in _boxes_on_own_lines(lines, limit):
        value = f"Rule 13d-1({letter})"
        if _CHECKED.fullmatch(box) and value not in {t.value for t in out}:
            out.append(TextValue(value=value, line=file_line(idx)))
    return out


def _boxes_on_own_lines(lines: list[str], limit: int) -> list[tuple[int, str, str]]:
    """'☒' / 'Rule 13d-1(b)' / '□' / 'Rule 13d-1(c)': each box on a line of its own, the rule on
    the next (or, boxes after, the one before). Which side the boxes stand on is the side the
    first rule line of the list has one: a box between two rules belongs to one of them only."""
    rules = [(idx, m.group(1).lower()) for idx in range(min(limit, len(lines)))
             if (m := _RULE_ONLY.fullmatch(lines[idx].strip()))]
    if not rules:
        return []

    def lone_box(idx: int, step: int) -> str | None:
        j = idx + step
        while 0 <= j < min(limit, len(lines)) and not lines[j].strip():
            j += step
        text = lines[j].strip() if 0 <= j < min(limit, len(lines)) else ""
        return text if _BOX.fullmatch(text) else None
    step = -1 if lone_box(rules[0][0], -1) else 1
    return [(idx, letter, box) for idx, letter in rules if (box := lone_box(idx, step))]


# A rule reference alone on its line, no box beside it.
_RULE_ONLY = re.compile(r"(?:rule\s+)?13d\s*-\s*1\s*\(\s*([bcd])\s*\)\.?", re.I)


_RULE_LINE = re.compile(r"^[\W_xXo]*(?:rule\s+)?13d\s*-\s*1\s*\(\s*([bcd])\s*\)[\W_xXo]*$", re.I)


def rule_lines(lines: list[str], limit: int) -> int:
    """How many of the title page's Rule 13d-1(b)/(c)/(d) lines are printed as a list to check
    (a line that is the rule reference, with or without a box): the form asks to check one."""
    found = set()
    for idx in range(min(limit, len(lines))):
        line = lines[idx]
        if ("13d" in line or "13D" in line) and len(line) < 200:  # capitals too
            m = _RULE_LINE.match(line.replace("|", " ").strip())
            if m:
                found.add(m.group(1).lower())
    return len(found)


_ITEM3_C = re.compile(r"filed\s+pursuant\s+to\s+rule\s+13d\s*-\s*1\s*\(\s*c\s*\)\s*,?\s*check\s+this\s+box\W{0,4}(?P<box>.{0,12})", re.I)


def item3_rule_box(items: list[Item]) -> TextValue | None:
    """The 13G form before 1998 put the 13d-1(c) box in Item 3 ('If this statement is filed
    pursuant to Rule 13d-1(c), check this box. [x]'): a rule box like the title page's."""
    for item in items:
        for k, row in enumerate((item.title + "\n" + item.text).split("\n")):
            m = _ITEM3_C.search(row)
            box = _box(m.group("box"), last=False) if m else None
            if box and _CHECKED.fullmatch(box.strip()):
                return TextValue(value="Rule 13d-1(c)", line=(item.line if k == 0 else item.text_line(k - 1)) or None)
    return None


def _box(text: str, last: bool) -> str | None:
    """The box glyph right next to a rule reference (the last one before it, or the first after)."""
    text = text.replace("|", " ")
    hits = [m.group(0) for m in _BOX.finditer(text)]
    if not hits:
        return None
    rest = text.split(hits[-1] if last else hits[0])
    gap = rest[-1] if last else rest[0]
    return (hits[-1] if last else hits[0]) if len(gap.strip()) <= 3 else None


def filer_types(items: list[Item]) -> Codes | None:
    """Item 3: the checked options' codes, over every Item 3 (some filings repeat the items per
    reporting person); or the plain statement 'the person filing is a ...'."""
    if not items:
        return None
    codes: list[str] = []
    raw: list[str] = []
    for item in items:
        _item3_codes(item, codes, raw)
    return Codes(codes=codes, raw="; ".join(raw), line=items[0].line) if codes else None


def _item3_codes(item3: Item, codes: list[str], raw: list[str]) -> None:
    text = _joined_options((item3.title + "\n" + item3.text).split("\n"))
    options = [m for m in (_OPTION.match(row.replace("|", " ")) for row in text) if m]
    for m in options:
        if not _CHECKED.fullmatch(m.group("box").strip()):
            continue
        code = _code_for(m.group("desc"))
        if code and code not in codes:
            codes.append(code)
            raw.append(m.group(0).strip()[:80])
    if not options:
        flat = " ".join(t.strip() for t in text)
        prose = _PROSE_TYPE.search(flat)
        code = _code_for(prose.group(1)) if prose else None
        if code and code not in codes:
            codes.append(code)
            raw.append(prose.group(0)[:80])
        # No checklist printed: 'An investment adviser in accordance with 240.13d-1(b)(1)(ii)(E).'
        # names the type by the rule's own clause letter.
        for m in _CLAUSE.finditer(flat):
            code = _CLAUSE_CODES[m.group(1).upper()]
            if code not in codes:
                codes.append(code)
                raw.append(flat[max(0, m.start() - 60):m.end()][:80])


_LETTER_ALONE = re.compile(r"\(?\s*[a-k]\s*[).]")


def _joined_options(rows: list[str]) -> list[str]:
    """'(e)' / '☒' / 'An investment adviser ...' (an option's letter, box and description each on
    a line of their own, as a checklist typed in paragraphs prints them): one line, as the
    option's cells in a table row read."""
    out: list[str] = []
    held = ""
    for row in rows:
        t = row.strip()
        if t and (_LETTER_ALONE.fullmatch(t) or _BOX.fullmatch(t)):
            held = f"{held} {t}".strip()
            continue
        if held and t:
            out.append(f"{held} {t}")
            held = ""
        else:
            out.append(row)
    return out + ([held] if held else [])


def _code_for(description: str) -> str | None:
    for code, rx in FILER_TYPES:
        if re.search(rx, description, re.I):
            return code
    return None


def exit_box(item5: Item | None) -> Flag | None:
    """Item 5: the '5 percent or less' box, checked or not; None when no box is printed."""
    if item5 is None:
        return None
    line = item5.line
    text = " ".join((item5.title + " " + item5.text).split("\n")[:8]).replace("|", " ")
    boxes = [m.group(0) for m in _BOX.finditer(text) if not re.fullmatch(r"[xXo]", m.group(0))]
    if not boxes:
        loose = re.search(r"check\s+the\s+following\W{0,6}([xX])\W", text)
        return Flag(value=True, raw=loose.group(0)[-20:], line=line) if loose else None
    box = boxes[-1]
    return Flag(value=bool(_CHECKED.fullmatch(box.strip())), raw=box, line=line)
