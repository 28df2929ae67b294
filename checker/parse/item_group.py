"""13D Item 5 / 13G Item 4 statements about the reporting persons together rather than one of
them: the group's one figure ('the aggregate number of shares to which this Schedule 13D relates
is N'), the four powers in the cover rows' words ('... held by the Reporting Persons is as
follows: Sole Voting Power 0 Shared Voting Power N ...'), and the percent of a cover page that
names several individuals. Whose figure each is the words do not say; checker/facts/restated.py
compares it only where that is no guess (every cover agrees, or against every row and sum of
rows: CON021).
"""
from __future__ import annotations

import re

from checker.model import Amount, Item, ItemHolding
from checker.parse import values as V
from checker.parse.body_text import SCHEDULE_13
from checker.parse.item_text import flatten as _flatten
from checker.parse.item_text import line_of as _line
from checker.parse.item_text import printed_percent as _printed_percent

_N = r"\d{1,3}(?:,\d{3})+|\d+"
_GROUP_PCT = (r"(?:[^.;%\d]{0,80}?(?:representing|represents?|represented|constitut(?:ing|es?|ed)|\bor\b)"
              r"[^.;%\d]{0,40}?(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN + r")?")
# Item 5(a) about the reporting persons as a whole: 'The aggregate number of shares of Common
# Stock to which this Schedule 13D relates is 3,432,956 shares', 'certain of the Reporting
# Persons may be deemed to have shared voting power with respect to (and therefore beneficially
# own) 19,605,379 shares', 'The beneficial ownership of an aggregate of 379,833 shares of Common
# Stock reported herein'. Whose figure it is the words do not say; restated.py compares it only
# where every cover page states the same figure.
_GROUP = re.compile(
    r"(?:\baggregate\s+number\s+(?:and\s+percentage\s+)?of\s+(?:[\w\-]+\s+){0,4}?to\s+which\s+this\s+"
    r"(?:" + SCHEDULE_13 + r"D|statement|amendment)(?:\s+[\w\-]+){0,3}?\s+relates?\s+(?:is|are|was)\s+(?:approximately\s+)?"
    r"(?P<n1>" + _N + r")\s+(?:shares|units)\b"
    # (a statute cited between: 'who comprise a "group" within the meaning of Section 13(d)(3) of the Act')
    r"|\b(?:the|certain\s+of\s+the|each\s+of\s+the|all\s+of\s+the)\s+reporting\s+persons\b"
    r"(?:[^.;%\d]|\b1[34][a-z]?(?:-\d+)?(?:\(\w{1,3}\))+|\b(?:19|20)\d\d\b){0,160}?"
    r"\b(?:beneficially\s+own(?:s|ed)?|own(?:s|ed)?\s+beneficially|(?:the\s+)?beneficial\s+owners?\s+of)"
    r"[\s)\]\"”]{1,4}(?:in\s+the\s+aggregate\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?"
    r"(?P<n2>" + _N + r")\s+(?:shares|units)\b"
    r"|\bbeneficial\s+ownership\s+of\s+an\s+aggregate\s+of\s+(?P<n3>" + _N + r")\s+shares\b"
    r"(?=[^.;%\d]{0,60}?\breported\s+herein))" + _GROUP_PCT, re.I)


def group_holding(item: Item) -> ItemHolding | None:
    """The one figure (and percent) the item states for the reporting persons as a whole."""
    flat, starts = _flatten(item.text)
    hits = list(_GROUP.finditer(flat))
    if not hits or any(_SPLIT.search(_rest_of_sentence(flat, m)) for m in hits):
        return None
    stated = {(m.group("n1") or m.group("n2") or m.group("n3"), m.group("p")) for m in hits}
    if len({n for n, _ in stated}) != 1 or len({p for _, p in stated if p}) > 1:
        return None  # two figures for the group: not read
    m = hits[0]
    raw = m.group("n1") or m.group("n2") or m.group("n3")
    shares = V.read_number(raw)
    if shares is None:
        return None
    line = _line(item, starts, m.start())
    p = next((p for _, p in stated if p), None)
    return ItemHolding(item=item.number, line=item.line, aggregate=Amount(shares=shares, raw=raw, line=line),
                       percent=_printed_percent(p, line) if p else None)


POWER_KEYS = ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive")
_FIGURE_KEYS = ("aggregate", "percent") + POWER_KEYS


def same_group(h: ItemHolding, group: ItemHolding) -> bool:
    """A figure for no one in particular read already (an XML element read alone and in the
    item's joined text): no second holding."""
    if h.person is not None:
        return False
    if group.aggregate is not None and h.aggregate is not None:
        return h.aggregate.shares == group.aggregate.shares
    return all((getattr(h, k) and getattr(h, k).shares) == (getattr(group, k) and getattr(group, k).shares)
               for k in _FIGURE_KEYS if k != "percent")


# Item 5 about the reporting persons together, in the cover rows' words: 'The aggregate
# beneficial ownership of the Common Stock held by the Reporting Persons is as follows: Sole
# Voting Power 0 Shared Voting Power 7,207,424.4 Sole Dispositive Power 0 Shared Dispositive
# Power 7,207,424.4'. The sentence names the Reporting Persons as a whole (no one of them, no
# part: 'other than', 'respectively' are not read) and ends in a colon; the rows follow it.
_GROUP_INTRO = re.compile(
    r"\b(?:aggregate|combined|total)\s+beneficial\s+ownership\s+(?:of\s+(?:[\w\-]+\s+){1,5}?)?"
    r"(?:held\s+by|of)\s+the\s+reporting\s+persons\s+(?:is|are)\s+as\s+follows\s*:", re.I)
_ROW_WORDS = {
    "sole_voting": r"sole\s+voting\s+power",
    "shared_voting": r"shared\s+voting\s+power",
    "sole_dispositive": r"sole\s+dispositive\s+power",
    "shared_dispositive": r"shared\s+dispositive\s+power",
}
_ROW_RX = {k: re.compile(r"\b" + v + r"\b[\s:|]*", re.I) for k, v in _ROW_WORDS.items()}
_ANY_ROW = re.compile("|".join(_ROW_WORDS.values()), re.I)
_ROW_VALUE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,4})?(?=[\s;,]|\.?(?:\s|$))")


def group_powers(item: Item) -> ItemHolding | None:
    """The four powers the item states for the reporting persons together: each row's words
    printed once in the whole item, after the sentence that introduces them, its figure right
    after its words and nothing else before the next row."""
    flat, starts = _flatten(item.text)
    intros = list(_GROUP_INTRO.finditer(flat))
    if len(intros) != 1 or _SPLIT.search(flat[max(flat.rfind(".", 0, intros[0].start()), 0):intros[0].end()]):
        return None
    values = {}
    for key, rx in _ROW_RX.items():
        hits = list(rx.finditer(flat))
        if len(hits) != 1 or hits[0].start() < intros[0].end() or hits[0].start() - intros[0].end() > 400:
            return None
        nxt = _ANY_ROW.search(flat, hits[0].end())
        text = flat[hits[0].end():nxt.start() if nxt else len(flat)]
        m = _ROW_VALUE.match(text)
        if not m or (nxt is not None and text[m.end():].strip()):
            return None
        shares = V.read_number(m.group(0))
        if shares is None:
            return None
        values[key] = Amount(shares=shares, raw=m.group(0), line=_line(item, starts, hits[0].start()))
    return ItemHolding(item=item.number, line=item.line, **values)


# One cover page for several individuals ('Austin W. Marxe and David M. Greenhouse'): Item 5's
# sentence about all of them together, 'Messrs. Marxe and Greenhouse are deemed to beneficially
# own a total of 2,398,434 shares of Common Stock and 1,666,667 Warrants or 27.8% of the
# outstanding shares', gives the page's percent (the percent of the whole holding, however it is
# composed; the amount of a compound holding is not read).
_JOINT_VERB = re.compile(r"\b(?:(?:are|is|may\s+be)\s+deemed\s+to\s+(?:beneficially\s+own|be\s+the\s+beneficial\s+owners?\s+of)"
                         r"|beneficially\s+own)\b(?P<rest>[^.;%]{0,200}?)(?:\bor|,?\s*(?:representing|constituting))\s+"
                         r"(?:approximately\s+|about\s+)?(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN + r"\s+of\s+the\s+"
                         r"(?:issued\s+and\s+)?outstanding\b", re.I)


def joint_page_percent(item: Item, joint: list[str]) -> ItemHolding | None:
    surnames = [n.split()[-1].strip(".,") for n in joint]
    if len(surnames) < 2 or any(len(s) < 3 for s in surnames) or len(set(surnames)) != len(surnames):
        return None
    flat, starts = _flatten(item.text)
    found = []
    for m in _JOINT_VERB.finditer(flat):
        begin = max(flat.rfind(". ", 0, m.start()), flat.rfind(";", 0, m.start()), -1) + 1
        subject = flat[begin:m.start()]
        if all(re.search(r"\b" + re.escape(s) + r"\b", subject) for s in surnames) \
                and not re.search(r"\b(?:each|respectively|other\s+than|except|not)\b", subject + m.group("rest"), re.I):
            found.append(m)
    if len({m.group("p") for m in found}) != 1:
        return None
    line = _line(item, starts, found[0].start("p"))
    return ItemHolding(item=item.number, line=item.line, percent=_printed_percent(found[0].group("p"), line))


def _rest_of_sentence(flat: str, m: re.Match) -> str:
    """The match and the words after it up to the sentence's end."""
    end = re.compile(r"(?<=[a-z\d)])\.\s+(?=[A-Z(])|;").search(flat, m.end())
    return flat[m.start():end.start() if end else len(flat)]


# 'the Reporting Persons ... respectively', 'other than', 'excluding': the words speak of parts.
_SPLIT = re.compile(r"\brespectively\b|\bother\s+than\b|\bexclud|\bexcept\b|\bnone\s+of\b|\bnot\b"
                    r"|\b(?:and|plus)\s+(?:\d{1,3}(?:,\d{3})+|\d+)\s+(?:shares|units)\b", re.I)

