"""Holdings arithmetic: component sums, power rows against row 11, collective holdings,
and percent of class against the outstanding count the other reporting persons imply.

Percent of class (Rule 13d-3(d)(1)(i)): pct = 100 * A / (O + N), where A is the person's
amount, O the shares outstanding and N the shares the person may acquire that are not yet
outstanding (its own conversions and exercises only). Each person's printed percent, rounded to
the printed precision, gives an interval for O; the persons of one filing should share one O.
"""
from __future__ import annotations

import re
from decimal import Decimal

from checker.facts import power_sums
from checker.facts.common import fmt_shares, is_passive, named_pages, page_for, share_sum
from checker.model import Amount, CoverPage, Filing
from checker.names import same_entity
from checker.parse.labels import POWER_KEYS, ROW_NUMBER, ROW_TITLE

digit_distance = power_sums.digit_distance  # kept importable from here


def person_facts(filing: Filing, thresholds: dict[str, float]) -> list[dict]:
    """Each person's percent, and the outstanding count its amount and rounded percent imply."""
    passive = is_passive(filing)
    facts = []
    early = thresholds.get("early_warning")
    class_of = _class_keys(filing)
    agreement = _agreement_facts(filing)
    for page in named_pages(filing):
        if page.percent is None:
            continue
        fact = {"t": "person", "person": page.name.value, "pct": float(page.percent.value),
                "pct_s": pct_text(page.percent), "decimals": page.percent.decimals,
                "line": page.percent.line, "schedule": filing.schedule or "13D", "passive": passive,
                "class_key": class_of(page), "key": "pct"}
        if early is not None:
            fact["early_warning"] = early
        fact.update(_implied(page))
        fact.update(agreement.get(page.index, {}))
        facts.append(fact)
    return facts


def _class_keys(filing: Filing):
    """Multi-class covers list each person once per class: the page's CUSIP tells the classes
    apart, where the pages print more than one CUSIP; otherwise every page is one class."""
    from checker.identifiers import normalize_cusip
    cusips = {normalize_cusip(p.cusip.value) for p in named_pages(filing) if p.cusip}
    if len(cusips) < 2:
        return lambda page: ""
    return lambda page: normalize_cusip(page.cusip.value) if page.cusip else ""


def _issuable(amount: Amount) -> int | float:
    return share_sum(c.shares for c in amount.components if c.issuable)


def _implied(page: CoverPage) -> dict:
    agg, pct = page.aggregate, page.percent
    if not agg or agg.shares <= 0 or pct.value <= 0:
        return {}
    n = _issuable(agg)
    lo, hi = _interval(agg.shares, pct.value, pct.decimals, 0)
    return {"agg": agg.shares, "agg_s": fmt_shares(agg.shares), "issuable": n, "implied_lo": lo,
            "implied_hi": hi, "implied_lo_add": lo - n, "implied_hi_add": hi - n,
            "implied_s": f"{(lo + hi) / 2:,.0f}"}


def pct_text(percent) -> str:
    """The percent as printed, with its '%' (XML prints '5.0', text '5.0%')."""
    raw = percent.raw.strip() or str(percent.value)
    return raw if raw.endswith("%") else raw + "%"


def holdings_of(filing: Filing, name: str) -> tuple[Amount, CoverPage] | None:
    """An entity's holdings: its own row 11, or another cover's row 11 'owned by' it alone."""
    page = page_for(filing, name)
    if page and page.aggregate:
        return page.aggregate, page
    for other in named_pages(filing):
        agg = other.aggregate
        if agg and len(agg.owners) == 1 and same_entity(agg.owners[0], name):
            return agg, other
    return None


def sum_facts(filing: Filing) -> list[dict]:
    facts = []
    for page in named_pages(filing):
        facts += _component_facts(page)
        facts += _power_facts(page)
        facts += _power_row_facts(page, filing.schedule or "13D")
        facts += _power_total_facts(page, filing.schedule or "13D")
        facts += _collective_facts(filing, page)
    class_of = _class_keys(filing)
    facts += power_sums.partial_power_facts(filing, filing.schedule or "13D", class_of)
    facts += power_sums.peer_aggregate_facts(filing, class_of)
    facts += power_sums.group_row_facts(filing, filing.schedule or "13D", class_of)
    return facts


def _component_facts(page: CoverPage) -> list[dict]:
    facts, seen = [], set()
    for key in (*POWER_KEYS, "aggregate"):
        amount: Amount | None = getattr(page, key)
        if not amount or len(amount.components) < 2:
            continue
        total = sum(c.shares for c in amount.components)
        sig = (amount.shares, tuple(c.shares for c in amount.components))
        if sig in seen:
            continue  # rows 7, 9 and 11 often repeat the same breakdown: one fact
        seen.add(sig)
        parts = " + ".join(f"({c.label}) {c.shares:,}" for c in amount.components)
        facts.append({"t": "components", "person": page.name.value, "row": key.replace("_", " "),
                      "stated": amount.shares, "stated_s": fmt_shares(amount.shares), "sum": total,
                      "sum_s": fmt_shares(total), "parts": parts,
                      "line": amount.line, "evidence": amount.raw[:2000], "key": f"{key}:{sig}"})
    return facts


def _power_facts(page: CoverPage) -> list[dict]:
    amounts = [getattr(page, k) for k in POWER_KEYS]
    if page.aggregate is None or any(a is None for a in amounts):
        return []  # an unread row is a parse finding; no arithmetic on a guess
    sv, shv, sd, shd = (a.shares for a in amounts)
    agg = page.aggregate.shares
    voting, dispositive = sv + shv, sd + shd
    return [{"t": "powers", "person": page.name.value, "agg": agg, "voting": voting, "dispositive": dispositive,
             "agg_s": fmt_shares(agg), "voting_s": fmt_shares(voting), "dispositive_s": fmt_shares(dispositive),
             "low_s": fmt_shares(max(voting, dispositive)), "high_s": fmt_shares(voting + dispositive),
             "line": page.aggregate.line, "key": "powers"}]


def _power_row_facts(page: CoverPage, schedule: str) -> list[dict]:
    """Each power row that was read, beside row 11: a row can be checked against the aggregate
    even where another power row is blank or unread (then there is no 'powers' fact)."""
    if page.aggregate is None:
        return []
    read = [k for k in POWER_KEYS if getattr(page, k) is not None]
    agg = page.aggregate.shares
    return [{"t": "power_row", "person": page.name.value, "row": ROW_NUMBER[schedule][k],
             "title": ROW_TITLE[k], "shares": getattr(page, k).shares, "shares_s": fmt_shares(getattr(page, k).shares),
             "agg": agg, "agg_s": fmt_shares(agg), "rows_read": len(read),
             "line": getattr(page, k).line, "key": f"power_row:{k}"} for k in read]


_TOTALS = {"voting": ("sole_voting", "shared_voting"), "dispositive": ("sole_dispositive", "shared_dispositive")}


def _power_total_facts(page: CoverPage, schedule: str) -> list[dict]:
    """The voting (or dispositive) total beside row 11, with how far apart their digits are: a
    total that misses the aggregate by one mistyped or two swapped digits is more likely a typing
    error than a block of shares without that power."""
    agg = page.aggregate
    if agg is None or not isinstance(agg.shares, int):
        return []
    facts = []
    for kind, keys in _TOTALS.items():
        rows = [getattr(page, k) for k in keys]
        read = [r for r in rows if r is not None]
        if not read or any(not isinstance(r.shares, int) for r in read):
            continue  # both rows blank, or a fractional row: no total to compare
        total = sum(r.shares for r in read)  # a blank row adds nothing it does not state
        apart, swapped = digit_distance(total, agg.shares)
        first, second = (ROW_NUMBER[schedule][k] for k in keys)
        label = f"{first} + {second}" if len(read) == 2 else \
            (f"{first}, {second} blank" if rows[0] is not None else f"{second}, {first} blank")
        facts.append({"t": "power_total", "person": page.name.value, "kind": kind, "rows": label,
                      "total": total, "total_s": fmt_shares(total), "agg": agg.shares, "agg_s": fmt_shares(agg.shares),
                      "digits_apart": apart, "swapped": swapped, **power_sums.row_fit(page, schedule, kind),
                      "line": read[0].line or agg.line, "key": f"power_total:{kind}"})
    return facts


def _collective_facts(filing: Filing, page: CoverPage) -> list[dict]:
    agg = page.aggregate
    if not agg or len(agg.owners) < 2:
        return []
    parts = [holdings_of(filing, o) for o in agg.owners]
    if any(p is None for p in parts):
        return []  # an owner's figures are nowhere in the filing: nothing to compare
    total = sum(p[0].shares for p in parts)
    # An owner without a cover page of its own is counted through the page that reports its holding.
    borrowed = [f"{o}: {fmt_shares(a.shares)} per {src.name.value}'s row 11"
                for o, (a, src) in zip(agg.owners, parts) if not same_entity(src.name.value, o)]
    diffs = []
    if agg.components and all(len(p[0].components) == len(agg.components) for p in parts):
        for n, comp in enumerate(agg.components):
            s = sum(p[0].components[n].shares for p in parts)
            if s != comp.shares:
                diffs.append(f"({comp.label}) {comp.shares:,} stated, {s:,} by the owners' figures")
    owners = ", ".join(agg.owners)
    return [{"t": "collective", "person": page.name.value, "owners": owners, "stated": agg.shares,
             "stated_s": fmt_shares(agg.shares), "sum": total, "sum_s": fmt_shares(total),
             "component_diffs": len(diffs),
             "details": "; ".join(diffs or ["components agree"]) + "".join(f"; {b}" for b in borrowed),
             "line": agg.line,
             "evidence": agg.raw[:2000], "key": f"collective:{owners}"}]


def percent_facts(filing: Filing) -> list[dict]:
    return (_consensus_facts(filing) + _collective_percent_facts(filing)
            + _stated_outstanding_facts(filing))


def _stated_outstanding_facts(filing: Filing) -> list[dict]:
    """Each percent against the outstanding count the filing says it used. The person's own
    rights to acquire may be added to the denominator (Rule 13d-3(d)(1)(i)): the shares the cover
    breaks out as issuable, or, where the filing speaks of rights to acquire but does not break
    them out, any add-back up to what its text says may be acquired (the share figures it states
    for those rights, where it states one for every mention; else up to the whole amount); where
    it speaks of none, no add-back. [low, high]
    is the range of exact percents the count allows, for the stated count whose range comes
    closest to the percent. The printed percent may be that figure rounded (half a printed step
    either way; 0.55 of a step above, for a figure rounded twice: 22.149 -> 22.15 -> 22.2) or
    truncated (up to one step below): 'below' and 'above' are those tolerances."""
    counts = [c for c in filing.outstanding if c.shares > 0]
    if not counts:
        return []
    facts = _count_fit_facts(filing, counts)
    own = _page_counts(filing, counts)
    for page in named_pages(filing):
        agg, pct = page.aggregate or _item_aggregate(filing, page), page.percent
        if not agg or not pct or agg.shares <= 0:
            continue
        amount = float(agg.shares)
        addback = _issuable(agg) or (_rights_addback(filing, amount) if filing.rights_to_acquire else 0.0)
        mine = own.get(page.index) or counts
        ranges = [(100 * amount / (c.shares + addback), 100 * amount / c.shares) for c in mine]
        value = float(pct.value)
        low, high = min(ranges, key=lambda r: max(r[0] - value, value - r[1], 0))
        step = 10.0 ** -pct.decimals
        first = mine[0]
        facts.append({"t": "outstanding_fit", "person": page.name.value, "pct": value, "pct_s": pct_text(pct),
                      "decimals": pct.decimals, "low": low, "high": high,
                      "below": step * (1 + 1e-6), "above": step * (0.55 + 1e-6),
                      "agg_s": fmt_shares(agg.shares), "outstanding_s": fmt_shares(first.shares),
                      "computed": f"{100 * amount / first.shares:.2f}%", "where_line": first.line,
                      "line": pct.line, "evidence": first.text, "key": f"outstanding:{first.shares}"})
    return facts


def _rights_addback(filing: Filing, amount: float) -> float:
    """The most a person's denominator may take back where the cover breaks out no issuable
    shares: the shares the filing's text says may be acquired (see outstanding.rights_figure), at
    most the person's whole amount."""
    bound = filing.rights_shares
    return amount if bound is None else min(amount, float(bound))


# 'based on N shares outstanding', 'calculated using', '% of the N shares': the filing says its
# percents rest on the count (a count merely said to be outstanding may serve another purpose).
_BASIS = re.compile(r"\s*(?:based|calculated|computed|%|percent)", re.I)


def _count_fit_facts(filing: Filing, counts) -> list[dict]:
    """Where the filing states two or more different counts it says its percents are based on,
    each such count against the person whose percent comes closest to it, computed strictly
    (only the rights to acquire the cover breaks out are added to the denominator), and how many
    of the other stated counts some person's percent does follow from that way. The catalogue
    decides: a count that gives no percent, beside one that does, is no basis of any."""
    based = [c for c in counts if _BASIS.match(c.text)]
    if len({c.shares for c in based}) < 2:
        return []
    people = [p for p in named_pages(filing) if p.aggregate and p.percent and p.aggregate.shares > 0]
    if not people:
        return []
    fits = {c.shares: _closest(people, c.shares) for c in based}
    facts = []
    for c in based:
        miss, page, low, high, step = fits[c.shares]
        others = sum(1 for n, f in fits.items() if n != c.shares and f[0] == 0)
        facts.append({"t": "count_fit", "person": page.name.value, "pct": float(page.percent.value),
                      "pct_s": pct_text(page.percent), "low": low, "high": high,
                      "below": step * (1 + 1e-6), "above": step * (0.55 + 1e-6),
                      "agg_s": fmt_shares(page.aggregate.shares), "outstanding_s": fmt_shares(c.shares),
                      "computed": f"{100 * float(page.aggregate.shares) / c.shares:.2f}%",
                      "counts": len(fits), "others_fit": others, "line": c.line, "evidence": c.text,
                      "key": f"count:{c.shares}"})
    return facts


def _closest(people: list[CoverPage], count: int):
    """(miss in printed steps, page, low, high, step) for the person whose percent comes closest
    to amount / count (0 where it lies within THR014's tolerances)."""
    best = None
    for page in people:
        amount = float(page.aggregate.shares)
        low, high = 100 * amount / (count + _issuable(page.aggregate)), 100 * amount / count
        value, step = float(page.percent.value), 10.0 ** -page.percent.decimals
        miss = max(low - step * (1 + 1e-6) - value, value - high - step * (0.55 + 1e-6), 0) / step
        if best is None or miss < best[0]:
            best = (miss, page, low, high, step)
    return best


def _page_counts(filing: Filing, counts) -> dict[int, list]:
    """The counts printed in a cover page's own notes ('* Based upon 34,723,185 issued and
    outstanding shares' under row 13), by page: that page's percent rests on them, whatever
    count another page or an item states. A count printed after the last page (in the items)
    belongs to no one page."""
    pages = sorted((p for p in filing.cover_pages if p.line), key=lambda p: p.line)
    first_item = min((i.line for i in filing.items if i.line), default=None)
    out: dict[int, list] = {}
    for k, page in enumerate(pages):
        end = pages[k + 1].line if k + 1 < len(pages) else first_item
        if end is None:
            continue
        mine = [c for c in counts if c.line is not None and page.line <= c.line < end]
        if mine:
            out[page.index] = mine
    return out


def _item_aggregate(filing: Filing, page: CoverPage) -> Amount | None:
    """Where row 11 was not read, the amount Item 4/5 states for the same person (and only one)."""
    found = {h.aggregate.shares: h.aggregate for h in filing.item_holdings if h.aggregate is not None
             and (same_entity(h.person, page.name.value) if h.person else len(named_pages(filing)) == 1)}
    return next(iter(found.values())) if len(found) == 1 else None


def _interval(amount, pct: Decimal, decimals: int, addback: int) -> tuple[float, float]:
    # Open at both ends: two printed values one step apart (8.5 and 8.6) share no exact value.
    half = 0.5 * 10 ** -decimals * (1 - 1e-6)
    hi, lo = float(pct) + half, max(float(pct) - half, 1e-9)
    return float(amount) * 100 / hi - addback, float(amount) * 100 / lo - addback


def _largest_overlaps(intervals: dict) -> list[frozenset]:
    """Every largest set of persons whose implied outstanding counts share a common point, in
    the order of their lowest such point. Two or more where the percents split: 28.8% and 28.9%
    of the same amount, and a third person's coarser percent that fits either count."""
    points = sorted({x for iv in intervals.values() for x in iv})
    found: list[frozenset] = []
    for x in points:
        here = frozenset(n for n, (a, b) in intervals.items() if a - 1e-6 <= x <= b + 1e-6)
        if not found or len(here) > len(found[0]):
            found = [here]
        elif len(here) == len(found[0]) and here not in found:
            found.append(here)
    return found


def _class_groups(filing: Filing) -> dict[str, list[CoverPage]]:
    """The pages with a positive amount and percent, by class (see _class_keys)."""
    class_of = _class_keys(filing)
    groups: dict[str, list[CoverPage]] = {}
    for p in named_pages(filing):
        if p.aggregate and p.percent and p.aggregate.shares > 0 and p.percent.value > 0:
            groups.setdefault(class_of(p), []).append(p)
    return groups


def _readings(people: list[CoverPage]) -> tuple[dict, dict]:
    """Each person's implied outstanding interval, plain and less its own issuable shares."""
    plain = {p.name.value: _interval(p.aggregate.shares, p.percent.value, p.percent.decimals, 0)
             for p in people}
    addback = {p.name.value: _interval(p.aggregate.shares, p.percent.value, p.percent.decimals,
                                       _issuable(p.aggregate)) for p in people}
    return plain, addback


def _agreement_facts(filing: Filing) -> dict[int, dict]:
    """Per page: in how many of its class's largest agreeing sets (see _largest_overlaps) the
    person is, in either reading, and the midpoint of the first such set's common count its own
    percent does not reach (where there is one). The catalogue decides what a split means."""
    out: dict[int, dict] = {}
    for people in _class_groups(filing).values():
        if len(people) < 2:
            continue
        plain, addback = _readings(people)
        sets, sets_add = _largest_overlaps(plain), _largest_overlaps(addback)
        for p in people:
            name = p.name.value
            fact = {"in_sets": sum(1 for s in sets if name in s),
                    "in_sets_add": sum(1 for s in sets_add if name in s)}
            missed = next((s for s in sets if name not in s), None)
            if missed is not None:
                lo = max(plain[n][0] for n in missed)
                hi = min(plain[n][1] for n in missed)
                fact["missed_mid_s"] = f"{(lo + hi) / 2:,.0f}"
            out[p.index] = fact
    return out


def _consensus_facts(filing: Filing) -> list[dict]:
    """Per class: the outstanding count most persons' percents agree on, with and without each
    person's own rights to acquire added back (the conditions compare each person against it)."""
    facts = []
    for class_key, people in _class_groups(filing).items():
        if len(people) < 2:
            continue
        plain, addback = _readings(people)
        sets, sets_add = _largest_overlaps(plain), _largest_overlaps(addback)
        best_plain, best_add = set(sets[0]), set(sets_add[0])
        lo = max(plain[n][0] for n in best_plain)
        hi = min(plain[n][1] for n in best_plain)
        ref_lo, ref_hi = plain[sorted(best_plain)[0]]
        facts.append({"t": "consensus", "class_key": class_key, "persons": len(people), "size": len(best_plain),
                      "lo": lo, "hi": hi, "size_add": len(best_add),
                      "lo_add": max(addback[n][0] for n in best_add),
                      "hi_add": min(addback[n][1] for n in best_add),
                      "issuable_persons": sum(1 for p in people if _issuable(p.aggregate) > 0),
                      "sets": len(sets), "sets_add": len(sets_add),
                      "mid_s": f"{(lo + hi) / 2:,.0f}", "ref_mid_s": f"{(ref_lo + ref_hi) / 2:,.0f}",
                      "line": people[0].percent.line, "key": "denominator"})
    return facts


def _collective_percent_facts(filing: Filing) -> list[dict]:
    facts = []
    for page in named_pages(filing):
        agg, pct = page.aggregate, page.percent
        if not agg or not pct or len(agg.owners) < 2:
            continue
        found = [holdings_of(filing, owner) for owner in agg.owners]
        if any(f is None or f[1].percent is None for f in found):
            continue  # an owner's percent is nowhere in the filing: nothing to compare
        owner_pcts = [source.percent for _, source in found]
        total = sum(p.value for p in owner_pcts)
        tol = sum(Decimal("0.5") * Decimal(10) ** -p.decimals for p in owner_pcts) \
            + Decimal("0.5") * Decimal(10) ** -pct.decimals
        issuable = sum(1 for amount, _ in found for c in amount.components if c.issuable)
        facts.append({"t": "collective_pct", "person": page.name.value, "pct": float(pct.value),
                      "pct_s": pct_text(pct), "sum_s": f"{total}%", "owners": ", ".join(agg.owners),
                      "low": float(total - tol), "high": float(total + tol), "issuable": issuable,
                      "line": pct.line, "key": "collective-pct"})
    return facts
