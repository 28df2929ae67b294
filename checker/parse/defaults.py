"""Default triggers in the items and exhibits: notices and assertions of default, cure and
covenant periods, default interest and redemption/acceleration elections.

The text is cut into sentences that keep the line they start on. Dates are read from the
sentence itself; a covenant's anchor date ('the Closing occurred on ...') and its stated last
day ('not later than ...') may also stand in the next sentence.
"""
from __future__ import annotations

import re

from checker.model import DefaultClause
from checker.parse import values as V

NOTICE = re.compile(r"notice\s+of\s+(?:an?\s+)?(?:events?\s+of\s+)?default", re.I)
NOTICE_SENT = re.compile(r"\b(?:sent|delivered|served|gave|issued|provided)\b.{0,80}notice\s+of\s+(?:an?\s+)?(?:events?\s+of\s+)?default"
                         r"|notice\s+of\s+(?:an?\s+)?(?:events?\s+of\s+)?default\s+(?:dated|sent|delivered)"
                         r"|^re:\s*notice\s+of", re.I)
REFERENCED_DATE = re.compile(r"dated\s+(?:as\s+of\s+)?$", re.I)
STANDALONE_DATE = re.compile(r"^\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+(?:19|20)\d\d\s*$")
ASSERTION = re.compile(r"\b(?:is|are|was)\s+(?:now\s+)?in\s+default\b|events?\s+of\s+default\s+(?:have|has)\s+"
                       r"occurred|default\s+(?:has|have)\s+occurred", re.I)
PERIOD = re.compile(
    r"within\s+(?P<count>\w+(?:-\w+)?)\s*(?:\(\d+\)\s*)?(?P<unit>business\s+days?|calendar\s+days?|days?)"
    r"(?:\s+(?:after|following|of)\s+(?:the\s+)?(?:date\s+of\s+)?(?:(?:receipt|delivery)\s+of\s+(?:written\s+)?)?"
    r"(?P<anchor>[\w ]{0,40}?)(?=[,.;(\"”]|\s+(?:of|sent|by|to|from|thereof)\b))?",
    re.I)
CURE = re.compile(r"\bcur(?:e|ed|ing)\b", re.I)
ANCHOR_DATE = re.compile(r"(?P<what>closing|notice|effective\s+date)\s+(?:occurred|was\s+given|was\s+sent|"
                         r"took\s+place)\s+on\s+", re.I)
DEADLINE = re.compile(r"(?:not\s+later\s+than|no\s+later\s+than|on\s+or\s+before|\bby)\s+(?=\w+\.?\s+\d)", re.I)
RATE = re.compile(r"(?:interest\s+rate|default\s+rate|rate\s+of\s+interest).{0,100}?\d+(?:\.\d+)?" + V.PCT_SIGN + r"\)?\s*"
                  r"per\s+annum", re.I)
ELECTION = re.compile(r"elect(?:s|ed|ing)?\s+to\s+(?:redeem|accelerate|declare|require)|"
                      r"(?:declares?|declared|declaring)\s+.{0,60}immediately\s+due|"
                      r"\baccelerat(?:e|ed|es|ing)\s+(?:the\s+)?(?:maturity|indebtedness|notes?|loans?|obligations)|"
                      r"\bdemand(?:s|ed)?\s+(?:the\s+)?(?:immediate\s+)?(?:re)?payment", re.I)
# Shares actually pledged (not the form's or an agreement's generic "pledge" wording).
PLEDGE = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?pledged\b|\b(?:are|were|is)\s+(?:currently\s+)?pledged\b|"
                    r"\bpledged\s+(?:as\s+collateral|to\s+secure)|\bheld\s+in\s+(?:a\s+)?margin\s+accounts?", re.I)


# Compiled once (re.split/re.search with a pattern string look it up in re's cache every call).
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)][.;][\"”])\s+(?=[A-Z(\"“])|(?<=[a-z0-9)][.;])\s+(?=[A-Z(\"“])")
_SENTENCE_END = re.compile(r"[a-z0-9)\"”][.;][\"”]?$")


def sentences(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """(line index, sentence) for the text between two line indexes."""
    out: list[tuple[int, str]] = []
    buf, buf_line = "", None
    for idx in range(start, end):
        text = lines[idx].replace("**", "").replace("*", "").strip()
        if not text:
            if buf:
                out.append((buf_line, buf.strip()))
            buf, buf_line = "", None
            continue
        for part in _SENTENCE_BREAK.split(text):
            if buf_line is None:
                buf_line = idx
            buf += " " + part
            if _SENTENCE_END.search(part) and not ABBREVIATION.search(part):
                out.append((buf_line, buf.strip()))
                buf, buf_line = "", None
    if buf:
        out.append((buf_line, buf.strip()))
    return out


# A paragraph without one of these words has no default clause: skip it before sentence work.
# "Mr. Doe", "Acme Co. Inc." and "No. 2" do not end a sentence.
ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Inc|Co|Corp|Ltd|No|Nos|St|Jr|Sr|Sec|Ave|U\.S|L\.P|N\.A|v|vs)\.$")
# Matched against the lower-cased paragraph (cheaper than an ignore-case search; every keyword is ASCII).
KEYWORDS = re.compile(r"default|cur(?:e|ed|ing)\b|\bdays?\b|interest|\belect|immediately\s+due|accelerat|demand|"
                      r"pledg|margin")


# Speed only: KEYWORDS.search(text) is true where one of its plain words is in the text, else
# where one of its other branches matches. Each branch is searched alone and starts with its
# literal ('\bday' as 'day(?<=\bday)'), so that the regex engine can skip to that literal: the
# alternation was tried at every position and cost most of the default-clause reading.
_OTHER_BRANCHES = tuple(re.compile(p) for p in (
    r"cur(?:e|ed|ing)\b", r"day(?<=\bday)s?\b", r"elect(?<=\belect)", r"immediately\s+due"))


def _has_keyword(lowered: str) -> bool:
    """KEYWORDS.search(lowered) is not None, in fewer steps (tests check the equivalence)."""
    if ("default" in lowered or "interest" in lowered or "accelerat" in lowered or "demand" in lowered
            or "pledg" in lowered or "margin" in lowered):
        return True
    return any(branch.search(lowered) for branch in _OTHER_BRANCHES)


def _paragraphs(lines: list[str], start: int, end: int):
    """(first, end) line ranges of the paragraphs that mention a default-clause keyword."""
    first = None
    for idx in range(start, end + 1):
        blank = idx == end or not lines[idx].strip()
        if not blank and first is None:
            first = idx
        elif blank and first is not None:
            if _has_keyword(" ".join(lines[first:idx]).lower()):
                yield first, idx
            first = None


def read_default_clauses(lines: list[str], start: int, end: int, file_line) -> list[DefaultClause]:
    sents = [s for a, b in _paragraphs(lines, start, end) for s in sentences(lines, a, b)]
    clauses: list[DefaultClause] = []
    letter_dates = _letter_dates(lines, start, end)
    for n, (idx, s) in enumerate(sents):
        nxt = sents[n + 1][1] if n + 1 < len(sents) else ""
        line = file_line(idx)
        excerpt = s[:2000]
        # A dated letter ('September 29, 2008' alone on a line) dates the sentences under it.
        letter_date = letter_dates[idx - start]
        own = _own_date(s) or letter_date
        # Speed only: an ASCII sentence without a word a pattern requires cannot match it (for
        # ASCII text, ignore-case is lower-casing); other sentences go to the regex as before.
        low = s.lower() if s.isascii() else None
        if NOTICE.search(s) and NOTICE_SENT.search(s) and own:
            clauses.append(DefaultClause(kind="notice", text=excerpt, line=line, date=own))
        if (low is None or "default" in low) and ASSERTION.search(s):
            clauses.append(DefaultClause(kind="assertion", text=excerpt, line=line, date=own))
        periods = list(PERIOD.finditer(s))
        for k, m in enumerate(periods):
            limit = periods[k + 1].start() if k + 1 < len(periods) else None
            clauses.append(_period(m, s, nxt, excerpt, line, limit))
        rate = RATE.search(s) if low is None or "rate" in low else None
        if rate:
            clauses.append(DefaultClause(kind="default-interest", text=excerpt, line=line,
                                         rates=[c[2] for c in V.parse_percent_candidates(s[rate.start():])]))
        if _may_match(low, _ELECTION_NEEDS) and ELECTION.search(s):
            clauses.append(DefaultClause(kind="election", text=excerpt, line=line))
        if _may_match(low, _PLEDGE_NEEDS) and PLEDGE.search(s):
            clauses.append(DefaultClause(kind="pledge", text=excerpt, line=line))
    return clauses


# One of these is in every text ELECTION (PLEDGE) matches: each branch holds one of them.
_ELECTION_NEEDS = ("elect", "immediately", "accelerat", "demand")
_PLEDGE_NEEDS = ("pledged", "margin")


def _may_match(low: str | None, needs: tuple[str, ...]) -> bool:
    return low is None or any(w in low for w in needs)


def _own_date(sentence: str):
    """The first date in a sentence that is not the date of a referenced document ('Note dated ...')."""
    for offset, date, _raw in V.find_dates(sentence):
        if not REFERENCED_DATE.search(sentence[max(0, offset - 20): offset]):
            return date
    return None


def _letter_dates(lines: list[str], start: int, end: int) -> list:
    """For each line, the date of the last dated letter heading at or above it (or None)."""
    out, current = [], None
    for j in range(start, end):
        # The comma is required by STANDALONE_DATE: most lines are passed over without the regex.
        if "," in lines[j] and STANDALONE_DATE.match(lines[j].replace("*", "")):
            d = V.first_date(lines[j])
            current = d[0] if d else current
        out.append(current)
    return out


def _period(m: re.Match, sentence: str, nxt: str, excerpt: str, line: int, limit: int | None) -> DefaultClause:
    count = V.count_word(m.group("count"))
    unit = "business-days" if m.group("unit").lower().startswith("business") else "days"
    anchor = (m.group("anchor") or "").strip().lower() or None
    kind = "cure-period" if CURE.search(sentence[max(0, m.start() - 40): m.start()]) else "covenant-period"
    # The next sentence may name the anchor date and last day, unless it states a period of its own.
    context = sentence if PERIOD.search(nxt) else sentence + " " + nxt
    anchor_date = stated = None
    am = ANCHOR_DATE.search(context)
    if am and (anchor is None or anchor.split()[0] == am.group("what").split()[0].lower()):
        d = V.first_date(context[am.end(): am.end() + 30])
        anchor_date = d[0] if d else None
        anchor = anchor or am.group("what").lower()
    # The stated last day follows the period, before the next period in the same sentence.
    dm = DEADLINE.search(context[:limit] if limit else context, m.end())
    if dm:
        d = V.first_date(context[dm.end(): dm.end() + 30])
        stated = d[0] if d else None
    return DefaultClause(kind=kind, text=excerpt, line=line, count=count, unit=unit,
                         anchor=anchor, anchor_date=anchor_date, stated_deadline=stated)
