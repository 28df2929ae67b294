"""What the statement says about itself in words: the Item 10 certification it gives, whether it
says it is filed jointly, whether it says it amends an earlier statement, the dates on its
signature page, the year end and dates it recites, and which Rule 13d-1 lines a 13G's title
page prints (checked or not).

Each reader returns what the text states (a kind, a line, a date), never a verdict: the
catalogue compares these with the cover pages and the boxes (rules/consistency.yaml).
"""
from __future__ import annotations

import datetime as dt
import re

from checker.model import DateValue
from checker.parse import values as V
from checker.parse.body_text import SCHEDULE_13

# Item 10. Rule 13d-1(b) filers certify that the securities were "acquired and are held in the
# ordinary course of business and were not acquired ... for the purpose of ... changing or
# influencing the control"; 13d-1(c) filers certify only the second half (17 CFR 240.13d-102,
# Item 10(a) and (b)).
_ORDINARY = re.compile(r"ordinary\s+course\s+of\s+(?:its\s+|their\s+)?business", re.I)
_NOT_CONTROL = re.compile(r"not\s+acquired\s+and\s+(?:are|is)\s+not\s+held\s+for\s+the\s+purpose", re.I)


def certification_kind(text: str | None) -> str | None:
    """'13d-1(b)', '13d-1(c)', 'both' (two certifications, as joint filers under both rules
    give), or None (no certification wording: 'Not applicable', or no Item 10)."""
    if not text:
        return None
    flat = " ".join(text.split())
    passive = len(_NOT_CONTROL.findall(flat))
    ordinary = len(_ORDINARY.findall(flat))
    if not passive:
        return None
    if ordinary and passive > ordinary:
        return "both"
    return "13d-1(b)" if ordinary else "13d-1(c)"


# Rule 13d-1(k)(1): joint filers file one statement "provided that ... such person ... agreement
# in writing ... filed as an exhibit"; a sentence of the statement saying so is the practice too.
_JOINT = re.compile(r"joint(?:ly)?[\s\-]+fil|13d\s*-\s*1\s*\(\s*k\s*\)|13d\s*-\s*1\s*\(\s*f\s*\)\s*\(\s*1\s*\)"
                    r"|fil\w*\s+(?:this\s+|the\s+)?(?:statement|schedule|amendment)[^.]{0,80}?\bjointly"
                    r"|\bjointly\s+fil|on\s+behalf\s+of\s+(?:each\s+of\s+)?(?:all\s+of\s+)?the\s+(?:undersigned|reporting\s+persons)"
                    r"|agree\w*\s+[^.]{0,100}?\b(?:on\s+behalf\s+of\s+each|jointly)", re.I)


def joint_filing_line(lines: list[str]) -> int | None:
    """Index of the first line that says the statement is filed jointly or refers to the joint
    filing agreement (anywhere: an item, an exhibit, the signature page)."""
    for idx, line in enumerate(lines):
        low = line.lower()  # the cheap test must not miss a statement typed in capitals
        if ("oint" in low or "13d" in low or "ehalf" in low or "gree" in low) and _JOINT.search(
                line + " " + (lines[idx + 1] if idx + 1 < len(lines) else "")):
            return idx
    return None


# "This Amendment No. 3 ... amends", "amends and supplements the Schedule 13D": the statement
# says it amends an earlier one of the same schedule.
def amends_line(lines: list[str], schedule: str | None, start: int = 0) -> int | None:
    letter = "G" if schedule == "13G" else "D"
    rx = re.compile(r"\bthis\s+amendment\b(?!\s+(?:to|of)\s+(?:the\s+)?(?:credit|loan|purchase|merger|"
                    r"agreement|plan|indenture))"
                    r"|\bamends?\s+(?:and\s+(?:supplements?|restates?)\s+)?(?:the\s+|its\s+|their\s+)?"
                    r"(?:statement\s+on\s+|original\s+|initial\s+)?(?:" + SCHEDULE_13 + letter + r"|statement\s+on\s+schedule)",
                    re.I)
    for idx in range(start, len(lines)):
        line = lines[idx]
        if "mend" in line.lower() and rx.search(line):
            return idx
    return None


_DATED = re.compile(r"^\s*(?:dated?|date)\b\s*(?:as\s+of\s*)?:?\s*(.*)$", re.I)
_SHORT_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d\d)$")  # 'Date: 02/09/15' (month/day/year)


def signature_dates(lines: list[str], start: int, end: int, file_line) -> list[DateValue]:
    """The dates printed on the signature page: 'Date: February 13, 2004', 'Dated as of ...', or
    a line that is a date alone ('February 13, 2004' above a 'Date' caption)."""
    out: list[DateValue] = []
    if end < len(lines) and V.first_date(lines[end].strip()) and len(lines[end].strip()) < 40:
        end += 1  # the date alone below the last block ends the blocks (parse/text.py) but is theirs
    for idx in range(start, min(end, len(lines))):
        text = re.sub(r"\s+,", ",", lines[idx].strip().strip("*").strip())  # 'December 19 , 2001'
        if not text or len(text) > 120:
            continue
        m = _DATED.match(text)
        body = m.group(1) if m else text
        found = V.first_date(body) or (_short_year(body.strip()) if m else None)
        if found is None or (m is None and len(text) > 40):
            continue
        out.append(DateValue(value=found[0], raw=found[1], line=file_line(idx)))
    return out


def _short_year(text: str):
    m = _SHORT_YEAR.match(text)
    if not m:
        return None
    try:
        return dt.date(2000 + int(m.group(3)) if int(m.group(3)) < 70 else 1900 + int(m.group(3)),
                       int(m.group(1)), int(m.group(2))), text
    except ValueError:
        return None


# A conformed signature with no name ('/s/' and nothing after it), or the form's 'Signature'
# caption under a rule with nothing typed on the rule's line (the line above is another caption).
# '/s/ Jo Roe', 'By:/s/ ____': what is typed after the mark, up to a rule or the line's end.
_CONFORMED = re.compile(r"(?:^|(?<=[\s:]))/s/\s*(.*?)(?=[-_]{3,}|$|\s/s/)", re.I)
_SIG_CAPTION = re.compile(r"^\(?signature\)?$", re.I)
_RULE = re.compile(r"^[-_=\s]{5,}$")
_CAPTION = re.compile(r"^\(?(?:date|dated|name|title|name\s*/\s*title|signature|signatures?\s+page)\)?:?$", re.I)


def signature_slots(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """The signature page's signature slots, as (line index, characters typed in the slot): a
    conformed signature ('/s/' and what is typed after it, up to a rule of dashes or underscores;
    the fewest where a line holds several), or the form's 'Signature' caption under a rule and the
    line printed over that rule (nothing when it is another caption or the page heading)."""
    out = []
    for idx in range(start, min(end, len(lines))):
        text = lines[idx].strip()
        typed = [len(m.group(1).strip()) for m in _CONFORMED.finditer(text)] if "/s/" in text.lower() else []
        if typed:
            out.append((idx, min(typed)))
        elif _SIG_CAPTION.match(text) and idx > start:
            above = _prev_filled(lines, idx, start)
            if above is not None and _RULE.match(lines[above]):
                over = _prev_filled(lines, above, start)
                blank = over is None or _CAPTION.match(lines[over].strip()) or over == start
                out.append((idx, 0 if blank else len(lines[over].strip())))
    return out


def _prev_filled(lines: list[str], idx: int, floor: int) -> int | None:
    for j in range(idx - 1, floor - 1, -1):
        if lines[j].strip():
            return j
    return None


_EVENT_CAPTION = re.compile(r"date\s+of\s+(?:the\s+)?event\s+which\s+require[sd]?", re.I)


def event_caption_line(lines: list[str], limit: int) -> int | None:
    """Index of the title page's '(Date of Event Which Requires Filing of this Statement)'
    caption (the form prints it under the date the filer fills in)."""
    for idx in range(min(limit, len(lines))):
        if ("vent" in lines[idx] or "VENT" in lines[idx]) and _EVENT_CAPTION.search(lines[idx]):  # capitals too
            return idx
    return None


def event_date_blank(lines: list[str], caption: int | None) -> bool:
    """The caption's own line has nothing before it and the nearest filled line above it (rules
    of dashes skipped) is another caption or the heading: the date was left blank."""
    if caption is None:
        return False
    m = _EVENT_CAPTION.search(lines[caption])
    if re.search(r"\d", lines[caption][:m.start()] + lines[caption][m.end():]):
        return False  # 'December 31, 2020 (Date of Event ...)' or '... Statement: December 31, 2015'
    below = next((t.strip() for t in lines[caption + 1:caption + 4] if t.strip()), "")
    if V.first_date(below) and len(below) < 40:
        return False  # the date printed under the caption
    for j in range(caption - 1, max(-1, caption - 8), -1):
        t = lines[j].strip()
        if not t or _RULE.match(t):
            continue
        return t.startswith("(") and t.endswith(")") and not re.search(r"\d{4}", t)
    return False


# 'each of them is entitled to (individually) use Schedule 13G pursuant to Rule 13d-1(c)': the
# joint filers' own statement of the rule they may file under (Rule 13d-1(k)(1)(i)).
_ENTITLED = re.compile(r"entitled\s+to\s+(?:individually\s+)?(?:use|file(?:\s+on)?)\s+(?:this\s+|the\s+)?"
                       r"(?:statement\s+on\s+)?" + SCHEDULE_13 + r"G\s+(?:pursuant\s+to|under)\s+rule\s+13d\s*-\s*1\s*"
                       r"\(\s*([bcd])\s*\)", re.I)


def eligibility_claim(lines: list[str]) -> tuple[str, int] | None:
    """('13d-1(c)', line index) where the filing says under which rule its persons may use 13G."""
    for idx, line in enumerate(lines):
        if "ntitled" not in line.lower():
            continue
        m = _ENTITLED.search(" ".join([line.strip(), *(t.strip() for t in lines[idx + 1:idx + 3])]))
        if m:
            return f"13d-1({m.group(1).lower()})", idx
    return None


_SUBPARAGRAPH = re.compile(r"\((?:[a-h]|i{1,3}|iv|vi{0,3}|\d)\)", re.I)
_NOT_APPLICABLE = re.compile(r"\bnot\s+applicable\b|\bN/A\b|\bnone\b", re.I)


def item_answers(text: str | None) -> tuple[bool, bool]:
    """(the item states any figure, the item answers 'Not applicable' / 'None' somewhere);
    subparagraph labels '(a)'-'(h)', '(i)'-'(viii)', '(1)' are no figures."""
    if not text:
        return False, False
    flat = _SUBPARAGRAPH.sub(" ", " ".join(text.split()))
    return bool(re.search(r"\d", flat)), bool(_NOT_APPLICABLE.search(flat))


# A cover page's own note that its row 11 leaves shares out: '(4) Excludes 784,512 ordinary
# shares held by ...' (the row 12 box says so on the form).
_EXCLUDES_NOTE = re.compile(r"^\W*(?:\(?\d{1,2}\)?\s*)?(?:the\s+(?:amount|number)\s+in\s+row\s+11\s+)?excludes?\s+"
                            r"(?:an\s+aggregate\s+of\s+)?[\d,]{3,}\s+(?:\w+\s+){0,2}shares", re.I)
_ITEM_ONE = re.compile(r"^\W*item\s*1\b", re.I)


def excludes_note_line(lines: list[str], start: int, stop: int) -> int | None:
    """Index of such a note among the cover pages and their footnotes (up to Item 1)."""
    for idx in range(start, min(stop, len(lines))):
        line = lines[idx]
        if _ITEM_ONE.match(line):
            return None
        if "xclude" in line.lower() and _EXCLUDES_NOTE.match(line.replace("|", " ").strip()):
            return idx
    return None


# 'held by D.E. Shaw at December 31, 1995', 'as of December 31, 2020': the holdings a 13G reports
# are as of a calendar year's end. An issuer's count 'outstanding as of December 31' is not one.
_YEAR_END = re.compile(r"\b(?:at|as\s+of|on)\s+(?:(?:December|Dec\.?)\s+31(?:st)?\s*,?\s*|12\s*[/\-.]\s*31\s*[/\-.]\s*"
                       r"|31(?:st)?\s+(?:December|Dec\.?)\s*,?\s*)"
                       # 'December 31, 1995', 'Dec. 31st, 1995', '12/31/1995', '31 December 1995'
                       r"((?:19|20)\d\d)\b", re.I)
_OUTSTANDING_BEFORE = re.compile(r"\b(?:outstanding|issued|reported|fiscal|quarter(?:ly)?|period|ended)\b[^.;]{0,30}$",
                                 re.I)


def year_end_holding(text: str | None) -> int | None:
    """The latest calendar year whose end the text says holdings are stated as of."""
    if not text:
        return None
    flat = " ".join(text.split())
    years = [int(m.group(1)) for m in _YEAR_END.finditer(flat)
             if not _OUTSTANDING_BEFORE.search(flat[max(0, m.start() - 60):m.start()])]
    return max(years, default=None)


# The percent row dated in place: '8.2% as of November 9, 1998'. A date after an issuer's count
# ('based on 8,647,000 shares outstanding as of ...') dates the count, not the holding.
_PERCENT_AS_OF = re.compile(r"\d(?:\.\d+)?" + V.PCT_SIGN + r"\s*(?:as\s+of|at|on)\s+(.{6,30})", re.I)


def percent_as_of(lines: list[str], start: int, end: int) -> tuple[dt.date, str, int] | None:
    """(the latest date a cover page's percent is given as of, its text, its line index)."""
    found = []
    for idx in range(start, min(end, len(lines))):
        m = _PERCENT_AS_OF.search(lines[idx]) if V.HAS_PCT.search(lines[idx]) else None
        date = V.first_date(m.group(1)) if m else None
        if date and m.group(1).lower().startswith(date[1].lower()[:3]):
            found.append((date[0], date[1], idx))
    return max(found, default=None)


# A history recited in the items: 'on March 18, 1997, the Reporting Person became the beneficial
# owner of five percent or more ...  A Schedule 13D was filed on August 15, 1997'.
_CROSSED = re.compile(r"\bbec(?:a|o)me\s+the\s+(?:beneficial\s+)?owner\s+of\s+(?:more\s+than\s+)?(?:five|5)\s*"
                      r"(?:percent|%|per\s+cent)", re.I)
_FIRST_FILED = re.compile(r"\b" + SCHEDULE_13 + r"D\s+was\s+filed\s+(?:with\s+the\s+\w+\s+)?on\s+(.{6,30})", re.I)


def recited_crossing(text: str | None) -> tuple[dt.date, dt.date] | None:
    """(the date the items say a person crossed 5 %, the date they say its Schedule 13D was filed),
    when one paragraph says both and the filing is the later."""
    text = text or ""
    if text.isascii():  # speed only: both patterns' literals must be there (IGNORECASE is lower-casing)
        low = text.lower()
        if "owner" not in low or "13d" not in low or "filed" not in low:
            return None
    for para in re.split(r"\n\s*\n", text):
        flat = " ".join(para.split())
        crossed = next((s for s in re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", flat) if _CROSSED.search(s)), None)
        filed = _FIRST_FILED.search(flat)
        if crossed is None or filed is None:
            continue
        on, when = _crossing_date(crossed), V.first_date(filed.group(1))
        if on and when and when[0] > on:
            return on, when[0]
    return None


def _crossing_date(sentence: str) -> dt.date | None:
    """The date nearest before the crossing words ('on May 21, 1996, ... commenced acquiring ...,
    and on March 18, 1997, ... became the beneficial owner of five percent'), else the first after."""
    at = _CROSSED.search(sentence).start()
    dates = V.find_dates(sentence)
    before = [d for pos, d, _ in dates if pos < at]
    return before[-1] if before else next((d for pos, d, _ in dates if pos > at), None)

