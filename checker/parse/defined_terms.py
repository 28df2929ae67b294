"""The short names a statement defines for its reporting persons: 'Mill Road Capital III, L.P., a
Cayman Islands exempted limited partnership (the "Fund")', 'ARCH Venture Fund XII, L.P. ("AVF
XII")'. A later sentence about 'the Fund' is about that person.

A term counts only where it follows a reporting person's full name as printed (maybe with a
description after a comma: ', a Delaware limited partnership'), and only where it is defined
for one person: a term defined for two, or for a name that is not a reporting person's, is none.
"""
from __future__ import annotations

import re

# ', a Cayman Islands exempted limited partnership' / ', an individual': no sentence end, no quote.
_DESCRIPTION = r"(?:\s*,\s*an?\s+[^()\"“”;.]{0,100}?)?"
_TERM = r"\s*\(\s*(?:the\s+)?[\"“](?P<term>[A-Z][^\"“”()]{0,39}?)\s*[\"”]\s*\)"


MAX_NAME_WORDS = 24


def defined_terms(texts: list[str], names: list[str]) -> dict[str, str]:
    """{term: reporting person's name} for the terms the texts define for exactly one person."""
    flat = " ".join(" ".join(t.split()) for t in texts if t)
    found: dict[str, set[str]] = {}
    for name in names:
        words = re.findall(r"[A-Za-z0-9&]+", name)
        if not words or len(words) > MAX_NAME_WORDS:
            continue  # no name is that long: a garbled row read as one must not cost a scan per word
        rx = re.compile(r"(?<![\w])" + r"[\W_]*".join(map(re.escape, words)) + r"\.?" + _DESCRIPTION + _TERM, re.I)
        for m in rx.finditer(flat):
            found.setdefault(m.group("term").strip(), set()).add(name)
    return {term: next(iter(who)) for term, who in found.items()
            if len(who) == 1 and term.lower() not in {n.lower() for n in names}}


def statement_terms(item_texts: list[str], document_text: str, names: list[str]) -> dict[str, str]:
    """The terms the items define, and then those defined only elsewhere in the statement: an
    amendment uses the terms of the original it amends, and where it restates none of its
    items the definition may survive only in a schedule after the signatures ('The following
    table sets forth the name, position with China Investment Corporation ("CIC") ...'). A term
    the items define is theirs, even where the whole text defines it for two persons."""
    terms = defined_terms(item_texts, names)
    if document_text:
        for term, who in defined_terms([document_text], names).items():
            terms.setdefault(term, who)
    return terms


def persons_by_terms(text: str, terms: dict[str, str]) -> set[str]:
    """The persons whose terms the text uses as printed (its capitals: 'the Fund', not 'a fund');
    a term inside a longer one ('AP Fresco' in 'AP Fresco GP') is the longer one's."""
    taken: list[tuple[int, int]] = []
    out = set()
    for term in sorted(terms, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w])" + re.escape(term) + r"(?![\w])", text):
            if not any(a <= m.start() and m.end() <= b for a, b in taken):
                taken.append((m.start(), m.end()))
                out.add(terms[term])
    return out
