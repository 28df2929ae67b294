"""Shares a person may acquire that its stated amount includes, where the statement says so with
certainty: a breakdown in the items' prose whose parts add up exactly to the person's amount.

'Mr. DeMare owned beneficially 1,169,725 (7.7%, ...) of the Issuer's common shares. Mr. DeMare's
beneficial ownership includes: Individually, 658,575 shares ..., options to acquire an additional
166,000 common shares, ... Through DNG Capital, 145,150 shares ..., warrants to acquire an
additional 200,000 common shares' reads as 1,169,725 = 658,575 + 166,000 + 145,150 + 200,000, of
which 366,000 are shares the person may acquire.

Only a breakdown introduced by words that say the amount holds its parts ('includes', 'including',
'consisting of', 'comprised of', 'made up of', 'composed of') within a few
hundred characters after the amount is read, and only where the share figures that follow
(a figure followed by 'shares', or stated as what a right buys: 'warrants to purchase 200,000
shares') add up to the amount exactly before they exceed it: 'includes' may list only some parts,
and parts that do not add up tie nothing to the amount. Figures without 'shares' ('41,000 at a
price of $0.23') are details of a part, not parts. A breakdown that speaks of rights not
exercisable within 60 days, of shares excluded or not included, is not read. The parts that are rights to
acquire are the figures outstanding.RIGHTS_FIGURE reads as such.

Also here: whether the words around an outstanding count say it already holds shares not yet
outstanding ('based on 15,134,200 shares outstanding plus 366,000 shares issuable upon exercise').
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.parse import values as V
from checker.parse.item_text import NOT_ABBREVIATION
from checker.parse.outstanding import RIGHTS_FIGURE, mentions_rights

Shares = int | Decimal  # a whole count, or a fraction kept exactly

_FIG = re.compile(r"(?<![\d,.$])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{4,}(?:\.\d+)?)(?!\d|,\d|\.\d|\s*%)")
_INCLUDE = re.compile(r"\b(?:includ(?:es|ing|e)|consist(?:s|ing|ed)?\s+of|compris(?:ed\s+of|es|ing)"
                      r"|made\s+up\s+of|composed\s+of)\b\s*:?", re.I)
# A figure counted in shares: '658,575 shares', '145,150 common shares', '300,000 shares of Class A'.
_SHARES_AFTER = re.compile(r"\s+(?:[\w\-’'.]+\s+){0,3}?shares\b", re.I)
# Where a right to acquire is named before its figure ('warrants to acquire an additional 200,000').
_RIGHT_HEAD = re.compile(r"\b(?:options?|warrants?|right|convertible|exercisable)\b", re.I)
# Rights the person may not acquire within 60 days, or shares the amount leaves out.
_NOT_WITHIN = re.compile(
    r"\bnot\s+(?:currently\s+|yet\s+|presently\s+|immediately\s+)?(?:be\s+)?(?:exercisable|convertible|vested)"
    r"|\bunvested\b|\bexclud|\bnot\s+includ|\bdoes\s+not\s+reflect"
    r"|\b(?:exercisable|convertible|vest(?:s|ing)?)\s+(?:only\s+)?(?:after|beginning|commencing|on\s+or\s+after|upon\s+the\s+occurrence)"
    r"|\bmore\s+than\s+(?:60|sixty)\s+days", re.I)
_WINDOW_HEAD = 400  # the inclusion word after the amount, at most this far
_WINDOW_PARTS = 1500  # the parts after the inclusion word, at most this far


@dataclass
class RightsParts:
    total: Shares  # the amount the parts add up to
    parts: list[tuple[Shares, bool]]  # (shares, a right to acquire?) in the order printed
    rights: Shares  # the shares of the parts that are rights to acquire
    offset: int  # where the amount is printed, in the text given
    text: str  # from the amount to the last part, flattened


def _figure(m: re.Match) -> int | Decimal:
    return V.read_number(m.group("n"))  # a fraction kept ('366,000.00' is whole: an int)


def read_rights_parts(text: str, amounts: set[int]) -> list[RightsParts]:
    """Each breakdown of one of ``amounts`` whose parts add up to it and hold a right to acquire."""
    flat = re.sub(r"\s", " ", text)  # one char for one: offsets stay those of the text
    out: list[RightsParts] = []
    for m in _FIG.finditer(flat):
        total = _figure(m)
        if total not in amounts:
            continue
        head = _INCLUDE.search(flat, m.end(), min(len(flat), m.end() + _WINDOW_HEAD))
        if not head:
            continue
        found = _parts(flat, head.end(), total)
        if not found:
            continue
        parts, end = found
        rights = sum(n for n, right in parts if right)
        if len(parts) < 2 or rights <= 0:
            continue
        span = flat[m.start():_sentence_end(flat, end)]
        if _NOT_WITHIN.search(span):
            continue
        out.append(RightsParts(total, parts, rights, m.start(), re.sub(r" +", " ", span).strip()))
    return out


def _parts(flat: str, start: int, total: Shares) -> tuple[list[tuple[Shares, bool]], int] | None:
    """The share figures from ``start`` on, up to where they add up to ``total``; None where they
    pass it, or do not reach it within the window."""
    parts: list[tuple[Shares, bool]] = []
    running = 0
    for f in _FIG.finditer(flat, start, min(len(flat), start + _WINDOW_PARTS)):
        right = _is_right(flat, f)
        if not right and not _SHARES_AFTER.match(flat, f.end()):
            continue  # a price, a date, a count of warrants, a detail of a part: no part
        running += _figure(f)
        parts.append((_figure(f), right))
        if running == total:
            return parts, f.end()
        if running > total:
            return None
    return None


# Shares already acquired by exercising or converting: outstanding, no right to acquire ('400,000
# shares acquired upon the exercise of warrants', 'upon exercise of previously exercised options').
_DONE = re.compile(r"\b(?:acquired|received|purchased|bought|obtained|(?<!be\s)issued|exercised|converted)\b", re.I)


def _is_right(flat: str, f: re.Match) -> bool:
    """The figure is what a right to acquire buys: RIGHTS_FIGURE reads it so, from the figure on
    ('166,000 shares issuable upon exercise of options') or from the words naming the right just
    before it ('options to acquire an additional 166,000 common shares'); not shares the words say
    were acquired by exercise or conversion."""
    after = RIGHTS_FIGURE.match(flat, f.start())
    if after and after.group("n") is not None and after.start("n") == f.start():
        return not _DONE.search(after.group(0))
    for h in _RIGHT_HEAD.finditer(flat, max(0, f.start() - 100), f.start()):
        before = RIGHTS_FIGURE.match(flat, h.start())
        if before and before.group("m") is not None and before.start("m") == f.start():
            return not _DONE.search(flat, max(0, h.start() - 40), f.start())
    return False


_END = re.compile(NOT_ABBREVIATION + r"[.;](?=\s|$)")


def _sentence_end(flat: str, pos: int) -> int:
    m = _END.search(flat, pos)
    return m.start() if m else min(len(flat), pos + 300)


def _sentence_start(flat: str, pos: int) -> int:
    lo = max(0, pos - 400)
    ends = [m.end() for m in _END.finditer(flat, lo, pos)]
    return ends[-1] if ends else lo


# Words that say a count is more than the shares outstanding: it adds, assumes or deems others.
_ADDS = re.compile(r"\bplus\b|\bassum|\bdeemed\b|\btogether\s+with\b|\bsum\s+of\b|\binclud|\badd(?:ed|ing|s)?\b"
                   r"|\baddition|\bas\s+if\b|\bexercise|\bconver|13d-3|\bfully[\s\-]diluted", re.I)


def count_adds_rights(texts, count: int) -> bool:
    """Whether the words around a stated count (its sentence, from up to 100 characters before
    the count to the sentence's end) say it adds shares not yet outstanding or speak of rights to
    acquire: 'based on 15,134,200 shares outstanding plus 366,000 shares issuable upon exercise',
    'the sum of N shares outstanding and ...', 'assuming the exercise of the warrants'. True also
    where the count is printed nowhere in the texts (its words cannot be read)."""
    forms = {f"{count:,}", str(count)}
    seen = False
    for text in texts:
        flat = re.sub(r"\s+", " ", text or "")
        for form in forms:
            for m in re.finditer(r"(?<![\d,.])" + re.escape(form) + r"(?![\d]|,\d)", flat):
                seen = True
                begin = max(_sentence_start(flat, m.start()), m.start() - 100)
                words = flat[begin:m.start()] + " " + flat[m.end():_sentence_end(flat, m.end())]
                if _ADDS.search(words) or mentions_rights(words):
                    return True
    return not seen


def count_adds_figure(texts, count: int, figure) -> bool:
    """Whether a stated count's sentence adds that very figure to it: '1.3% of the sum of the
    19,256,251 Common Shares ... outstanding on September 30, 1993 plus the 259,487 Common Shares
    issuable upon conversion', 'based on N shares outstanding and the R shares issuable'."""
    counts = "|".join(re.escape(f) for f in sorted({f"{count:,}", str(count)}))
    figures = "|".join(re.escape(f) for f in sorted({f"{figure:,}", str(figure)}))
    after = re.compile(r"\b(?:plus|and)\s+(?:the\s+|an\s+additional\s+)?(?<![\d,.])(?:" + figures + r")(?![\d]|,\d)", re.I)
    for text in texts:
        flat = re.sub(r"\s+", " ", text or "")
        for m in re.finditer(r"(?<![\d,.])(?:" + counts + r")(?![\d]|,\d)", flat):
            if after.search(flat, m.end(), _sentence_end(flat, m.end())):
                return True
    return False
