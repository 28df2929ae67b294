"""Holdings arithmetic: component sums, power rows against row 11, collective holdings,
and percent of class against the outstanding count the other reporting persons imply.

Percent of class (Rule 13d-3(d)(1)(i)): pct = 100 * A / (O + N), where A is the person's
amount, O the shares outstanding and N the shares the person may acquire that are not yet
outstanding (its own conversions and exercises only). Each person's printed percent, rounded to
the printed precision, gives an interval for O; the persons of one filing should share one O.
"""
from __future__ import annotations

from decimal import Decimal

from checker.facts.common import fmt_shares, named_pages, page_for
from checker.model import Amount, CoverPage, Filing
from checker.names import same_entity
from checker.parse.labels import POWER_KEYS


def person_facts(filing: Filing, thresholds: dict[str, float]) -> list[dict]:
    passive = any("13d-1(c)" in d.value.replace(" ", "").lower() for d in filing.rule_designations)
    facts = []
    early = thresholds.get("early_warning")
    for page in named_pages(filing):
        if page.percent is None:
            continue
        pct = float(page.percent.value)
        fact = {"t": "person", "person": page.name.value, "pct": pct, "pct_s": pct_text(page.percent),
                "line": page.percent.line, "schedule": filing.schedule or "13D", "passive": passive,
                "key": "pct"}
        if early is not None and early <= pct <= 5:
            fact["early_warning"] = early
        facts.append(fact)
    return facts


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
        facts += _collective_facts(filing, page)
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
            continue  # rows 7, 9 and 11 often repeat the same breakdown: check it once
        seen.add(sig)
        parts = " + ".join(f"({c.label}) {c.shares:,}" for c in amount.components)
        facts.append({"t": "components", "person": page.name.value, "row": key.replace("_", " "),
                      "stated": amount.shares, "stated_s": fmt_shares(amount.shares), "sum": total,
                      "sum_s": fmt_shares(total), "parts": parts, "delta": amount.shares - total,
                      "line": amount.line, "evidence": amount.raw[:2000], "key": f"{key}:{sig}"})
    return facts


def _power_facts(page: CoverPage) -> list[dict]:
    amounts = [getattr(page, k) for k in POWER_KEYS]
    if page.aggregate is None or any(a is None for a in amounts):
        return []  # an unread row is a parse finding; no arithmetic on a guess
    sv, shv, sd, shd = (a.shares for a in amounts)
    agg = page.aggregate.shares
    voting, dispositive = sv + shv, sd + shd
    return [{"t": "powers", "person": page.name.value, "agg": agg, "agg_s": fmt_shares(agg),
             "voting_s": fmt_shares(voting), "dispositive_s": fmt_shares(dispositive),
             "low_s": fmt_shares(max(voting, dispositive)), "high_s": fmt_shares(voting + dispositive),
             "in_range": max(voting, dispositive) <= agg <= voting + dispositive,
             "equals_dispositive": agg == dispositive, "line": page.aggregate.line, "key": "powers"}]


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
             "mismatch": total != agg.shares or bool(diffs),
             "details": "; ".join(diffs or ["components agree"]) + "".join(f"; {b}" for b in borrowed),
             "line": agg.line,
             "evidence": agg.raw[:2000], "key": f"collective:{owners}"}]


def percent_facts(filing: Filing) -> list[dict]:
    return (_implied_outstanding_facts(filing) + _collective_percent_facts(filing)
            + _stated_outstanding_facts(filing))


def _stated_outstanding_facts(filing: Filing) -> list[dict]:
    """Each percent against the outstanding count the filing says it used. The person's own
    rights to acquire may be added to the denominator (Rule 13d-3(d)(1)(i)); where the cover does
    not break them out, any add-back up to the whole amount is allowed, so only a percent that no
    reading explains is reported. Tolerance as in the reference notes: 0.1 point, 0.05 with two
    decimals."""
    counts = [c for c in filing.outstanding if c.shares > 0]
    if not counts:
        return []
    facts = []
    for page in named_pages(filing):
        agg, pct = page.aggregate, page.percent
        if not agg or not pct or agg.shares <= 0:
            continue
        amount = float(agg.shares)
        issuable = sum(c.shares for c in agg.components if c.issuable)
        tol = 0.05 if pct.decimals >= 2 else 0.1
        fits = False
        for c in counts:
            high = 100 * amount / c.shares
            low = 100 * amount / (c.shares + (issuable or amount))
            fits = fits or (low - tol <= float(pct.value) <= high + tol)
        if not fits:
            c = counts[0]
            facts.append({"t": "pct_vs_outstanding", "person": page.name.value, "pct_s": pct_text(pct),
                          "agg_s": fmt_shares(agg.shares), "outstanding_s": fmt_shares(c.shares),
                          "computed": f"{100 * amount / c.shares:.2f}%", "where_line": c.line,
                          "line": pct.line, "evidence": c.text, "key": f"outstanding:{c.shares}"})
    return facts


def _interval(amount: int, pct: Decimal, decimals: int, addback: int) -> tuple[float, float]:
    half = 0.5 * 10 ** -decimals
    hi, lo = float(pct) + half, max(float(pct) - half, 1e-9)
    return float(amount) * 100 / hi - addback, float(amount) * 100 / lo - addback


def _best_overlap(intervals: dict[str, tuple[float, float]]) -> set[str]:
    """The largest set of persons whose implied outstanding counts share a common point."""
    points = sorted({x for iv in intervals.values() for x in iv})
    best: set[str] = set()
    for x in points:
        here = {n for n, (a, b) in intervals.items() if a - 1e-6 <= x <= b + 1e-6}
        if len(here) > len(best):
            best = here
    return best


def _implied_outstanding_facts(filing: Filing) -> list[dict]:
    people = [p for p in named_pages(filing) if p.aggregate and p.percent and p.aggregate.shares > 0
              and p.percent.value > 0]
    if len(people) < 2:
        return []
    plain, addback, issuable = {}, {}, {}
    for p in people:
        n = sum(c.shares for c in p.aggregate.components if c.issuable)
        issuable[p.name.value] = n
        plain[p.name.value] = _interval(p.aggregate.shares, p.percent.value, p.percent.decimals, 0)
        addback[p.name.value] = _interval(p.aggregate.shares, p.percent.value, p.percent.decimals, n)
    best_plain, best_add = _best_overlap(plain), _best_overlap(addback)
    facts = []
    majority = len(people) / 2
    for p in people:
        name = p.name.value
        out_plain = len(best_plain) >= 2 and len(best_plain) > majority and name not in best_plain
        out_add = len(best_add) >= 2 and len(best_add) > majority and name not in best_add
        if out_plain and out_add:
            ref = sorted(best_plain)[0]
            lo, hi = plain[ref]
            facts.append({"t": "pct_check", "person": name, "pct_s": pct_text(p.percent),
                          "agg_s": fmt_shares(p.aggregate.shares), "implied": f"{(lo + hi) / 2:,.0f}",
                          "own": f"{sum(plain[name]) / 2:,.0f}", "line": p.percent.line, "key": "pct"})
    with_issuable = [n for n, v in issuable.items() if v > 0]
    if len(best_plain) == len(people) and len(best_add) < len(people) and len(with_issuable) >= 2:
        lo = max(a for a, _ in plain.values())
        hi = min(b for _, b in plain.values())
        facts.append({"t": "denominator", "persons": len(people), "implied": f"{(lo + hi) / 2:,.0f}",
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
        any_issuable = any(c.issuable for amount, _ in found for c in amount.components)
        too_high = pct.value > total + tol
        # With rights to acquire added to each denominator, the whole may be a little less
        # than the sum of its parts; without them it must match.
        too_low = pct.value < total - tol and not any_issuable
        facts.append({"t": "collective_pct", "person": page.name.value, "pct_s": pct_text(pct),
                      "sum_s": f"{total}%", "owners": ", ".join(agg.owners),
                      "mismatch": too_high or too_low, "line": pct.line, "key": "collective-pct"})
    return facts
