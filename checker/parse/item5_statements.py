"""Item 5(b) of a 13D in prose: which powers it says the persons hold ('has the sole power to
vote', 'may be deemed to have shared voting and dispositive power'), and each statement that
someone has sole power over a number of shares, for the catalogue to compare with the cover rows
(facts/statement.py, facts/item5_powers.py).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from checker.parse import values as V
from checker.parse.item_text import NOT_ABBREVIATION


# Item 5(b) in prose: "has the sole power to vote", "may be deemed to have shared voting and
# dispositive power", "shares the power to dispose". A phrase followed by a nil amount ("shared
# power to vote: 0", "no shared power") or a reference ("Shared power to vote: See row 8 of the
# cover page") is not a statement that the power is held.
_POWER = re.compile(r"\b(?P<kind>sole|shared?|share[sd]?)\s+(?:the\s+)?(?:power|voting|dispositive|investment)", re.I)
_NIL_AFTER = re.compile(r"^[^.;\n]{0,80}?(?::|-|–|—|\|)\s*(?:-?0-?|none|nil|zero|n/?a)(?![\w,])"
                        r"|^[^.;]{0,60}?\bover\s+(?:no|zero|0)\b"
                        r"|^[^.;\n]{0,80}?(?::|\|)\s*(?:see|as\s+(?:set\s+forth|stated|reported)|refer)\b"
                        r"|^[^.;\n]{0,60}?\b(?:vote|disposition(?:\s+of)?|dispose)\s+(?:-?0-?|none|nil|zero)(?![\w,])", re.I)
_NIL_BEFORE = re.compile(r"\b(?:no|not|neither|nor|without|none)\s+(?:\w+\s+){0,3}$"
                         r"|\b(?:sole|shared?)\s+(?:or|and|and/or)\s+$|\bor\s+$", re.I)


def _listed(flat: str, hits: list, n: int) -> bool:
    """The phrase is one of the form's list of the four powers ('the number of shares as to
    which ... sole power to vote ..., shared power to vote ..., sole power to dispose ...', or a
    table's column headings): no figure and no sentence end between it and its neighbour."""
    for k in (n - 1, n + 1):
        if 0 <= k < len(hits):
            a, b = sorted((hits[k], hits[n]), key=lambda h: h.start())
            gap = flat[a.end():b.start()]
            if len(gap) < 60 and not re.search(r"[\d.;]", gap):
                return True
    return False


def item5_power_words(text: str | None) -> tuple[bool, bool]:
    """(states a sole power is held, states a shared power is held) in Item 5's prose."""
    sole = shared = False
    if not text:
        return sole, shared
    flat = " ".join(text.split())
    hits = list(_POWER.finditer(flat))
    for n, m in enumerate(hits):
        before, after = flat[max(0, m.start() - 40):m.start()], flat[m.end():m.end() + 120]
        if _NIL_BEFORE.search(before) or _NIL_AFTER.search(after) or _listed(flat, hits, n):
            continue
        if m.group("kind").lower() == "sole":
            sole = True
        else:
            shared = True
    return sole, shared


# "has the sole power to vote and the sole power to dispose of 950,000 shares", "would have the sole
# power to vote or to direct the vote of 3,268,922 shares": the amount a sole-power statement names,
# the first share count in the same clause (up to ';' or a sentence end).
# A full stop not after an initial or an abbreviation (item_text.NOT_ABBREVIATION), or any ';'.
_SENTENCE_END = re.compile(NOT_ABBREVIATION + r"\.\s+(?=[A-Z(])|;")


class SoleStatement(NamedTuple):
    subject: str                  # the sentence before the phrase: 'Mr. Roe possesses'
    powers: tuple[str, ...]       # 'voting' and/or 'dispositive', as the clause names them
    shares: int | Decimal         # a fraction kept exactly
    part: bool                    # said of shares held through another ('FMR, through its control of
                                  # FMTC, ... has') or by several ('A and its accounts each has'): a
                                  # part of the person's power, which may be larger


def item5_sole_statements(text: str | None) -> list[SoleStatement]:
    """Each statement in Item 5's prose that someone has sole power over a number of shares.
    'A and B each has sole power over N shares' gives each of them N; a subject that denies the
    power ('Neither A nor B has') or spreads it over all or any gives none, nor does a clause
    that pairs persons with counts 'respectively'."""
    if not text:
        return []
    flat = " ".join(text.split())
    hits = list(_POWER.finditer(flat))
    out = []
    for n, m in enumerate(hits):
        if m.group("kind").lower() != "sole":
            continue
        before, after = flat[max(0, m.start() - 40):m.start()], flat[m.end():m.end() + 200]
        if _NIL_BEFORE.search(before) or _NIL_AFTER.search(after) or _listed_other_kind(flat, hits, n):
            continue
        end = _SENTENCE_END.search(after)
        clause = m.group(0) + (after[:end.start()] if end else after)
        amount = _COUNT.search(clause)
        subject = _subject(flat, m.start())
        if amount is None or _SPREAD.search(subject) or _RESPECTIVELY.search(clause):
            continue
        powers = tuple(k for k, rx in (("voting", r"\bvot"), ("dispositive", r"\bdispos|\binvestment"))
                       if re.search(rx, clause[:amount.start()], re.I))
        if powers:
            out.append(SoleStatement(subject, powers, V.read_number(re.sub(r"['’]", ",", amount.group(1))),
                                     bool(_PART.search(subject))))
    return out


# A share count: '950,000 shares', "5'274'370 shares" (an apostrophe groups thousands in Swiss usage).
_COUNT = re.compile(r"(?<![\d,'’.])(\d{1,3}(?:[,'’]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+shares\b", re.I)
_SPREAD = re.compile(r"\b(?:neither|nor|not|no|none|any|all)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespective(?:ly)?\b", re.I)
_PART = re.compile(r"\b(?:through|each)\b", re.I)


def _subject(flat: str, at: int) -> str:
    """The sentence before a phrase, from its start (at most 200 characters back)."""
    head = flat[max(0, at - 200):at]
    ends = list(_SENTENCE_END.finditer(head))
    return head[ends[-1].end():] if ends else head


def _listed_other_kind(flat: str, hits: list, n: int) -> bool:
    """The phrase is in the form's list of the four powers: a neighbour of the other kind (sole
    next to shared) with no figure between ('sole power to vote and the sole power to dispose of
    950,000 shares' is one statement, not the list)."""
    near = [k for k in (n - 1, n + 1) if 0 <= k < len(hits)
            and hits[k].group("kind").lower() != hits[n].group("kind").lower()]
    return any(_listed(flat, [hits[min(k, n)], hits[max(k, n)]], 0 if k > n else 1) for k in near)
