"""Item 5's holding stated with the holder after the shares: 'The 15,770,000 shares of Atari
Common Stock beneficially owned by Time Warner will constitute approximately 26.8% of the
outstanding Atari Common Stock.'

The words between 'owned by' and the verb must name exactly one reporting person (by its name,
or by the term the statement defines for it); a person given two different figures this way is
not read.
"""
from __future__ import annotations

import re

from checker.model import Amount, ItemHolding
from checker.names import _core, normalize
from checker.parse import values as V
from checker.parse.defined_terms import persons_by_terms
from checker.parse.item_persons import _subject

_PASSIVE = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:shares|units)\b(?P<cls>[^.;%\d]{0,60}?)\s+"
    r"beneficially\s+owned\s+by\s+(?P<subj>[^.;%\d]{2,80}?)\s+(?:will\s+)?"
    r"(?:constitut(?:e|es|ed)|represent(?:s|ed)?)\s+(?:approximately\s+|about\s+)?"
    r"(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)" + V.PCT_SIGN, re.I)
# Not the class the statement is about: 'shares of Series A Preferred', 'Warrants'.
_OTHER_SECURITY = re.compile(r"\b(?:preferred|warrants?|options?|notes?|debentures?)\b", re.I)


_HYPOTHETICAL = re.compile(r"\b(?:if|assuming|were|would)\b", re.I)


def _lead(flat: str, at: int) -> str:
    """The sentence's words before the match."""
    head = flat[max(0, at - 200):at]
    ends = list(re.finditer(r"[.;]\s+(?=[A-Z(])", head))
    return head[ends[-1].end():] if ends else head


def passive_holdings(item, flat: str, starts, names: list[str], line_of, printed_percent,
                     terms: dict[str, str] | None = None) -> list[ItemHolding]:
    cores = {n: _core(normalize(n)) for n in names}
    found: dict[str, set] = {}
    first: dict[str, ItemHolding] = {}
    for m in _PASSIVE.finditer(flat):
        if _OTHER_SECURITY.search(m.group("cls")) or _HYPOTHETICAL.search(_lead(flat, m.start())):
            continue  # another security, or a holding that would be ('If the notes were converted, ...')
        person = _only_person(m.group("subj"), cores, terms)
        shares = V.read_number(m.group("n"))
        if person is None or shares is None:
            continue
        line = line_of(item, starts, m.start("n"))
        found.setdefault(person, set()).add((shares, m.group("p")))
        first.setdefault(person, ItemHolding(item=item.number, line=item.line, person=person,
                                             aggregate=Amount(shares=shares, raw=m.group("n"), line=line),
                                             percent=printed_percent(m.group("p"), line)))
    return [h for who, h in first.items() if len(found[who]) == 1]


def _only_person(subj: str, cores: dict[str, str], terms) -> str | None:
    """The one reporting person the words name: 'Time Warner'; not 'Time Warner and Games'."""
    if re.search(r"\b(?:and|or|each|any|all|would|could|might)\b|reporting\s+persons", subj, re.I):
        return None
    person = _subject(subj, cores)
    if person is None and terms:
        who = persons_by_terms(subj, terms)
        person = next(iter(who)) if len(who) == 1 else None
    return person
