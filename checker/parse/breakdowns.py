"""Breakdowns the statement's prose gives of a holding: 'Mr. Mody beneficially owns 2,050,000
shares of Common Stock, consisting of (i) 950,000 shares owned directly by him and (ii) 1,100,000
shares owned directly by his wife'.

Only a breakdown whose words say the parts make up the whole ('consisting of', 'comprised of',
'comprises', 'made up of') and whose total is printed in the same sentence right before those
words is read: 'includes' and 'of which' may list only some parts, and a total stated elsewhere
(a table cell a footnote refers to) cannot be tied to the parts with confidence. The parts are
the counts that follow each label of one labelled run ((i), (ii), ... or (a), (b), ... or (1),
(2), ...), or, unlabelled, the 'N shares' that follow one another up to the sentence's end.
Cover-page rows are read by values.parse_amount (their components); this reads Item text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.parse.item_text import NOT_ABBREVIATION

_N = r"\d{1,3}(?:,\d{3})+|\d{3,}"
# The total: a share count (not a percent, a price or a year), then no other figure up to the
# words that say what it is made of, within one clause.
_HEAD = re.compile(
    r"(?<![\d,.$])(?P<total>" + _N + r")(?![\d%]|[,.]\d)(?P<between>[^.;:%\d$]{0,160}?)"
    r"\b(?:consist(?:s|ing|ed)?\s+of|compris(?:ed\s+of|es|ing)|made\s+up\s+of)\s*:?\s*", re.I)
_LABEL = re.compile(r"\(\s*(?P<label>[ivx]{1,4}|[a-h]|[1-9])\s*\)\s*(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?"
                    r"(?P<n>" + _N + r"|\d{1,2})(?![\d%]|[,.]\d)", re.I)
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
_SHARES = re.compile(r"(?<![\d,.$])(?P<n>" + _N + r"|\d{1,2})(?![\d%]|[,.]\d)\s+(?:[\w\-]+\s+){0,2}?"
                     r"(?:shares|units)\b", re.I)
# A sentence ends at '.' before a capital or the end, but not after a one-letter initial or the
# usual abbreviations ('Inc.', 'No.', 'Mr.'), nor inside a number.
_END = re.compile(NOT_ABBREVIATION + r"\.(?=\s+[A-Z(]|\s*$)")


@dataclass
class Breakdown:
    total: int
    parts: list[tuple[str, int]]  # (label, shares); unlabelled parts get a, b, ...
    offset: int  # where the total is printed, in the text given
    text: str  # the sentence, flattened


def read_breakdowns(text: str) -> list[Breakdown]:
    flat = re.sub(r"\s", " ", text)  # one char for one: offsets stay those of the text
    out = []
    for m in _HEAD.finditer(flat):
        if re.search(r"\b(?:of\s+the\s+)?outstanding\b|\bper\s+share\b", m.group("between"), re.I):
            continue  # the issuer's outstanding count ('30,000,000 shares outstanding, consisting of')
        end = _END.search(flat, m.end())
        sentence = flat[m.end():end.start() if end else min(len(flat), m.end() + 1500)]
        parts = _labelled(sentence) or _unlabelled(sentence)
        if len(parts) >= 2:
            begin = _sentence_start(flat, m.start())
            out.append(Breakdown(int(m.group("total").replace(",", "")), parts, m.start(),
                                 re.sub(r" +", " ", flat[begin:m.end() + len(sentence)]).strip()))
    return out


# A part counted in another security ('(ii) 100,000 shares of Preferred Stock convertible into
# 212,766 shares of Common Stock'): the part is the count it converts into, where printed.
_OTHER_SECURITY = re.compile(r"^\s*(?:shares\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?)?"
                             r"(?:preferred|warrants?|options?|notes?|debentures?|units|series\s+[a-z]\b|class\s+[b-z]\b)",
                             re.I)
_CONVERTS_FOR = re.compile(r"\b(?:convertible|exercisable|exchangeable)\s+(?:in)?(?:to|for)\s+(?P<n>" + _N + r")"
                           r"(?![\d%]|[,.]\d)", re.I)


def _sentence_start(flat: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (the holder is named there), at most 300 back."""
    lo = max(0, pos - 300)
    ends = [m.end() for m in _END.finditer(flat, lo, pos)]
    return ends[-1] if ends else lo


def _labelled(sentence: str) -> list[tuple[str, int]]:
    """The run of labels starting right after the head: each label the next of its sequence.
    A part counted in another security without the count it converts into makes the whole
    breakdown unreadable (no sum of unlike units)."""
    hits: list[re.Match] = []
    for m in _LABEL.finditer(sentence):
        label = m.group("label").lower()
        if not hits:
            if sentence[:m.start()].strip() or label not in ("i", "a", "1"):
                return []  # the parts must start right after 'consisting of'
        elif label != _next(hits[-1].group("label").lower()):
            break
        hits.append(m)
    parts = []
    for k, m in enumerate(hits):
        n = int(m.group("n").replace(",", ""))
        desc = sentence[m.end():hits[k + 1].start() if k + 1 < len(hits) else len(sentence)]
        if _OTHER_SECURITY.match(desc):
            conv = _CONVERTS_FOR.search(desc)
            if not conv:
                return []
            n = int(conv.group("n").replace(",", ""))
        parts.append((m.group("label").lower(), n))
    return parts


def _next(label: str) -> str:
    if label in _ROMAN[:-1]:
        return _ROMAN[_ROMAN.index(label) + 1]
    if label.isdigit():
        return str(int(label) + 1)
    return chr(ord(label) + 1)


def _unlabelled(sentence: str) -> list[tuple[str, int]]:
    """'consisting of 268,007 shares of Common Stock and 436,121 shares issuable ...': the share
    counts one after another, the first right after the head, each joined by 'and' or a comma."""
    hits = list(_SHARES.finditer(sentence))
    if len(hits) < 2 or sentence[:hits[0].start()].strip():
        return []
    if any(_OTHER_SECURITY.match(sentence, h.end("n")) for h in hits):
        return []  # a count of another security among the parts: unlike units
    return [(chr(ord("a") + k), int(h.group("n").replace(",", ""))) for k, h in enumerate(hits)]
