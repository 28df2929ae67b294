"""Shares the item says a reporting person holds as part of its holding: 'Mr. Schechter directly
owned 100,000 Shares', 'BridgeBio Pharma, LLC, a wholly-owned subsidiary of the Reporting Person,
is the record holder of 24,575,501 shares', 'CIC ... may be deemed to share beneficial ownership
of 420,830 shares ... held by another wholly-owned subsidiary', 'Strategic Value Partners ...
shared voting and dispositive power with respect to all 20,998,167 shares', 'Don F. Gaston co-owns
403,900 Units with his wife, Paula B. Gaston' (both), 'JEDI II owns shares of Preferred Stock which
are presently convertible into 3,026,634 shares of Common Stock' (Rule 13d-3(d)(1)).

Such a figure need not be the person's whole holding (Mr. Radoff directly owns 357,500 shares and
beneficially owns 3,534,314 through the funds he controls), so it is never compared for equality;
but shares a person owns directly, holds of record, or has voting or dispositive power over are
shares it beneficially owns (Rule 13d-3(a)): none of them can exceed its row 11. A sentence about
another time ('prior to', 'following', 'would', 'upon'), another security (warrants, preferred), a
transaction ('sold', 'purchased'), or several figures for one person is not read.
"""
from __future__ import annotations

import re

from checker.model import Amount, Item, ItemHolding
from checker.parse import values as V
from checker.names import _core, normalize
from checker.parse.item_persons import _subject, per_person_holdings

_N = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
# The verbs of a part: direct or record ownership, a share of beneficial ownership, a power.
_PART = re.compile(
    r"(?P<verb>\bdirectly\s+(?:own(?:s|ed)?|h(?:olds|eld))|\b(?:own(?:s|ed)?|h(?:olds|eld))\s+directly"
    r"|\b(?:is|was)\s+the\s+(?:record|direct)\s+(?:holder|owner)\s+of"
    r"|\b(?:own(?:s|ed)?|h(?:olds|eld))\s+of\s+record"
    r"|\bmay\s+be\s+deemed\s+to\s+share\s+beneficial\s+ownership\s+of"
    # owned jointly: 'Don F. Gaston co-owns 403,900 Units with his wife, Paula B. Gaston'
    r"|\bco-?own(?:s|ed)?"
    # a right to acquire now (Rule 13d-3(d)(1)): 'JEDI II owns shares of Preferred Stock which are
    # presently convertible into 3,026,634 shares of Common Stock'
    r"|\bown(?:s|ed)?\s+(?:shares\s+of\s+)?(?:[\w\-]+\s+){0,4}?(?:preferred\s+stock|preferred\s+shares|notes|debentures)"
    r"\s+(?:which|that)\s+(?:are|is)\s+(?:presently|currently|immediately)\s+convertible\s+into"
    r"|\b(?:has|had|have|shares?|shared)\s+(?:sole\s+|shared\s+)?(?:voting\s+and\s+dispositive|voting|dispositive)"
    r"\s+power\s+(?:with\s+respect\s+to|over)(?:\s+(?:all|each)(?:\s+of)?)?(?:\s+the)?)"
    r"\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?" + _N +
    # shares of the class, not of another security, and no second figure joined to it
    r"\s+(?:shares|units)\b(?!\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:preferred|warrants?|options?|notes?|debentures?|units|class\s+[a-z]\b))"
    r"(?!(?:\s+of(?:\s+[A-Za-z][\w\-]*){1,4})?\s*(?:,\s*)?(?:and|plus)\s+\d)"
    # nor shares held for others or only partly the holder's ('as nominee', 'of which it votes ...')
    r"(?![^.;]{0,80}?\b(?:of\s+which|as\s+(?:a\s+)?(?:nominee|custodian)|for\s+the\s+(?:benefit|account)\s+of"
    r"|on\s+behalf\s+of)\b)", re.I)
# Words of another time, a hypothesis, a negation or a transaction in the clause before the
# figure; or a holder that is not the person ('its parent', 'an affiliate of', 'a stockholder of').
_NOT_NOW = re.compile(r"\b(?:would|could|will|upon|assum\w*|if|prior|before|after|following|until|"
                      r"previously|formerly|former|sold|sell|purchas\w*|acquir\w*|transferr?\w*|distribut\w*|"
                      r"exchang\w*|conver\w*|exercis\w*|received?|contribut\w*|issued|immediately|"
                      r"not|no|neither|nor|disclaims?|except|other\s+than|"
                      r"(?<!being\sthe\s)(?<!as\sthe\s)parents?|affiliat\w*|stockholders?|shareholders?)\b", re.I)
_TITLE = re.compile(r"\b(?:Mr|Ms)\.\s+(?=[A-Z][a-z])")
_OPENING = re.compile(r"^(?:[\s,|]*(?:and|but|however|further|also|in\s+addition|accordingly|"
                      r"(?:as\s+of|on)\s+[^,]{3,80}?(?:,\s*(?:19|20)\d\d)?(?=,))\b\s*,?)*[\s,|]*", re.I)
_FIGURE = re.compile(r"\d\s+(?:shares|units)\b(?:\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:stock|shares|units)\b)?", re.I)
# (not after an initial or a short abbreviation: 'Don F. Gaston', 'Mr.', 'Inc.')
_CLAUSE_START = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d)|(?<=\)))[.;:]\s+|:\s+|\(\s*(?:[a-z]|[ivx]{1,4})\s*\)\s+", re.I)
# The one person of a one-person filing, by the form's words or as the parent of the holder.
_THE_PERSON = re.compile(r"^\s*(?:(?:as\s+of|on)\s+[^,]{3,80},\s*)?(?:the\s+reporting\s+person"
                         r"|(?:[^,]|,\s*(?:LLC|L\.?L\.?C\.?|L\.?P\.?|Inc\.?|Ltd\.?|Corp\.?)(?=[\s,])){2,80},\s*an?\s+wholly[\s\-]+owned\s+subsidiary\s+of\s+the\s+reporting\s+person)"
                         r"\s*,?\s*$", re.I)


def read_item_parts(item: Item, names: list[str], terms: dict[str, str], family: dict[str, str],
                    flatten, line_of) -> list[ItemHolding]:
    """The share count the item says each person holds as a part (ItemHolding.aggregate); a
    person given two different counts is not read."""
    flat, starts = flatten(item.text)
    # 'Mr. Schechter directly owned 100,000 Shares': the title blanked (offsets kept), so that the
    # surname of the one individual reporting person who bears it names him ('Mrs.' may be a wife's)
    flat = _TITLE.sub(lambda m: " " * len(m.group(0)), flat)

    def clause(m: re.Match) -> str:
        # from the clause's start, or the figure of the clause before ('..., and JEDI II owns')
        begin = max((e.end() for e in _CLAUSE_START.finditer(flat, 0, m.start())), default=0)
        begin = max([begin] + [e.end() for e in _FIGURE.finditer(flat, begin, m.start())])
        return flat[begin:m.start()]

    cores = [_core(normalize(n)) for n in names]
    starts_words = [c for c in cores if len(c) >= 4] + [normalize(t) for t in terms] + list(family)

    def keep(m: re.Match) -> bool:
        # the holder is the clause's subject: a reporting person's name, term or surname opens
        # it ('Shares held by Fund A are voted by B, which has sole voting power over N' is not
        # Fund A's), after a date, a connective or the form's '(a)'
        text = clause(m)
        if _NOT_NOW.search(text):
            return False
        if len(names) == 1 and _THE_PERSON.search(text):
            return True
        rest = " " + normalize(_OPENING.sub("", text)) + " "
        return any(rest.startswith(" " + w + " ") for w in starts_words if w)

    if len(names) == 1:
        # 'the Reporting Person' or its wholly-owned subsidiary ('BridgeBio Pharma, LLC, a
        # wholly-owned subsidiary of the Reporting Person, is the record holder of ...')
        hits = [m for m in _PART.finditer(flat) if keep(m) and _THE_PERSON.search(clause(m))]
        if len({m.group("n") for m in hits}) != 1:
            return per_person_holdings(item, flat, starts, names, _PART, line_of, keep=keep) if not hits else []
        m = hits[0]
        shares = V.read_number(m.group("n"))
        if shares is None:
            return []
        line = line_of(item, starts, m.start("n"))
        return [ItemHolding(item=item.number, line=item.line, person=names[0],
                            aggregate=Amount(shares=shares, raw=m.group("n"), line=line))]
    found = per_person_holdings(item, flat, starts, names, _PART, line_of, keep=keep, terms=terms, surnames=family)
    return _with_co_owners(item, flat, starts, names, found, keep, line_of)


# '... co-owns 403,900 Units with his wife, Paula B. Gaston, representing ...': the co-owner named
# after 'with' (a reporting person by its full name) owns them too.
_CO_OWNED = re.compile(r"\bco-?own(?:s|ed)?\s+" + _N + r"\s+(?:shares|units)\b\s+with\s+(?P<who>(?:[^.;%\d]|(?<=\b[A-Z])\.){2,80})", re.I)


def _with_co_owners(item: Item, flat: str, starts, names: list[str], found: list[ItemHolding], keep,
                    line_of) -> list[ItemHolding]:
    cores = {n: _core(normalize(n)) for n in names}
    by_person = {h.person: h for h in found}
    for m in _CO_OWNED.finditer(flat):
        who = _subject(m.group("who"), cores)
        shares = V.read_number(m.group("n"))
        if who is None or shares is None or not keep(m):
            continue
        held = by_person.get(who)
        if held is not None and held.aggregate.shares != shares:
            by_person[who] = None  # two counts for one person: not read
        elif held is None and who not in by_person:
            line = line_of(item, starts, m.start("n"))
            by_person[who] = ItemHolding(item=item.number, line=item.line, person=who,
                                         aggregate=Amount(shares=shares, raw=m.group("n"), line=line))
    return [h for h in by_person.values() if h is not None]
