"""A person's percent against the stated outstanding count with and without the shares the
person may acquire that its amount is said to include (Rule 13d-3(d)(1)(i): those shares are
added to the class outstanding for that person's percent).

One ``included_rights_fit`` fact per person whose amount certainly includes such shares: the
cover's own row-11 components marked issuable, where they add up to row 11, or a breakdown in
the items whose parts add up to the amount (checker/parse/rights_parts.py), where that amount is
one person's alone. The fact carries both computed percents and THR014's tolerances; the
catalogue (THR019) compares.
"""
from __future__ import annotations

from checker.facts.common import fmt_shares, named_pages, share_sum
from checker.facts.holdings import _page_counts, pct_text
from checker.model import Filing
from checker.parse.rights_parts import count_adds_figure, count_adds_rights, read_rights_parts


def included_rights_facts(filing: Filing) -> list[dict]:
    counts = [c for c in filing.outstanding if c.shares > 0]
    if not counts:
        return []
    pages = [p for p in named_pages(filing) if p.aggregate and p.percent and isinstance(p.aggregate.shares, int)
             and p.aggregate.shares > 0 and p.percent.value > 0]
    if not pages:
        return []
    texts = [i.text for i in filing.items if i.text] + [p.comments or "" for p in filing.cover_pages]
    by_amount: dict[int, list] = {}
    for p in pages:
        by_amount.setdefault(p.aggregate.shares, []).append(p)
    stated = _item_parts(filing, {a for a, ps in by_amount.items() if len(ps) == 1})
    own = _page_counts(filing, counts)
    facts = []
    for page in pages:
        agg, pct = page.aggregate, page.percent
        found = _cover_parts(agg) or stated.get(agg.shares if len(by_amount[agg.shares]) == 1 else None)
        if not found:
            continue
        rights, where, line, evidence = found
        mine = {c.shares: c for c in (own.get(page.index) or counts)}
        if len(mine) != 1:
            continue  # several counts: which one the percent rests on is THR014's and THR016's
        count = next(iter(mine.values()))
        amount, value = float(agg.shares), float(pct.value)
        plain, addback = 100 * amount / count.shares, 100 * amount / (count.shares + rights)
        step = 10.0 ** -pct.decimals
        facts.append({"t": "included_rights_fit", "person": page.name.value, "pct": value, "pct_s": pct_text(pct),
                      "decimals": pct.decimals, "agg_s": fmt_shares(agg.shares), "rights": rights,
                      "rights_s": fmt_shares(rights), "outstanding_s": fmt_shares(count.shares),
                      "plain": plain, "plain_s": f"{plain:.2f}%", "addback": addback, "addback_s": f"{addback:.2f}%",
                      "below": step * (1 + 1e-6), "above": step * (0.55 + 1e-6),
                      "count_adds": count_adds_rights(texts, count.shares),
                      "adds_these": isinstance(rights, int) and count_adds_figure(texts, count.shares, rights),
                      "parts_where": where, "parts_line": line,
                      "line": pct.line, "evidence": evidence[:2000], "key": f"included-rights:{count.shares}:{rights}"})
    return facts


def _cover_parts(agg) -> tuple[int, str, int | None, str] | None:
    """Row 11's own components, where they add up to it and some are marked issuable."""
    comps = agg.components
    if len(comps) < 2 or sum(c.shares for c in comps) != agg.shares:
        return None
    rights = share_sum(c.shares for c in comps if c.issuable)
    return (rights, "row 11", agg.line, agg.raw) if rights > 0 else None


def _item_parts(filing: Filing, amounts: set[int]) -> dict[int, tuple[int, str, int | None, str]]:
    """Per amount, the rights to acquire an items' breakdown of it holds, where every breakdown of
    that amount found says the same."""
    found: dict[int, set] = {}
    where: dict[int, tuple[str, int | None, str]] = {}
    if not amounts:
        return {}
    for item in filing.items:
        for b in read_rights_parts(item.text or "", amounts):
            found.setdefault(b.total, set()).add(share_sum([b.rights]))  # floats: see share_sum
            line = item.text_line((item.text or "")[:b.offset].count("\n"))  # the amount's own line
            where.setdefault(b.total, (f"Item {item.number}", line, b.text))
    return {a: (next(iter(r)), *where[a]) for a, r in found.items() if len(r) == 1}
