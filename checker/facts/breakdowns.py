"""Breakdowns the statement's Items state in words, one ``text_breakdown`` fact each: the total
printed, the sum of its parts. The catalogue (rules/sums.yaml, SUM008) compares the two."""
from __future__ import annotations

from checker.facts.common import fmt_shares, named_pages, page_names
from checker.model import Filing
from checker.parse.breakdowns import read_breakdowns

POWER_AND_AGG = ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "aggregate")


def breakdown_facts(filing: Filing) -> list[dict]:
    pages = named_pages(filing)
    persons = sorted({n for p in pages for n in page_names(p)})
    # A breakdown a cover row prints too is SUM001's (the row's components): not twice.
    seen = {(a.shares, tuple(c.shares for c in a.components)) for p in pages for k in POWER_AND_AGG
            if (a := getattr(p, k)) is not None and len(a.components) >= 2}
    out = []
    for item in filing.items:
        for b in read_breakdowns(item.text or ""):
            total = sum(n for _, n in b.parts)
            sig = (b.total, tuple(n for _, n in b.parts))
            if sig in seen:
                continue  # the same sentence repeated for each person: one fact
            seen.add(sig)
            line = item.text_line((item.text or "")[:b.offset].count("\n")) or 1
            fact = {"t": "text_breakdown", "item": item.number, "stated": b.total, "stated_s": fmt_shares(b.total),
                    "sum": total, "sum_s": fmt_shares(total),
                    "parts": " + ".join(f"({lab}) {n:,}" for lab, n in b.parts),
                    "line": line, "evidence": b.text[:2000], "key": f"breakdown:{item.number}:{sig}"}
            who = _owner(pages, persons, b.total, b.text)
            if who:
                fact["person"] = who
            out.append(fact)
    return out


def _owner(pages, persons: list[str], total: int, sentence: str) -> str | None:
    """The person the breakdown is about where that is certain: the only reporting person, the
    only one the sentence names, or the only one with a cover row of that amount."""
    if len(persons) == 1:
        return persons[0]
    flat = " ".join(sentence.split()).casefold()
    named = [n for n in persons if " ".join(n.split()).casefold() in flat]
    if len(named) == 1:
        return named[0]
    hits = {p.name.value for p in pages for k in POWER_AND_AGG
            if getattr(p, k) is not None and getattr(p, k).shares == total}
    return next(iter(hits)) if len(hits) == 1 else None
