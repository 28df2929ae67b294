"""Default triggers and filing deadlines: the dates they set running, on a business-day calendar."""
from __future__ import annotations

import datetime as dt

from checker import calendar as cal
from checker.deadlines import regime
from checker.facts.common import day, fmt_date, is_amendment, is_passive
from checker.model import DefaultClause, Filing

UNIT_WORDS = {"days": "days", "business-days": "business days"}


def default_facts(filing: Filing) -> list[dict]:
    clauses = filing.default_clauses
    notices = [c for c in clauses if c.kind == "notice" and c.date]
    first_notice = min((c.date for c in notices), default=None)
    statement_date = _statement_date(filing)
    facts: list[dict] = []
    seen_notice_dates = set()
    for c in notices:
        if c.date not in seen_notice_dates:
            seen_notice_dates.add(c.date)
            facts.append({"t": "default_notice", "date": fmt_date(c.date), "day": day(c.date),
                          "item": _item_of(filing, c), "line": c.line, "evidence": c.text,
                          "key": f"notice:{c.date}"})
    facts += _cure_facts(clauses, first_notice)
    facts += _assertion_facts(clauses, statement_date)
    facts += _period_facts(clauses)
    for c in clauses:
        if c.kind in ("default-interest", "election", "pledge"):
            fact = {"t": "clause", "kind": c.kind, "line": c.line, "evidence": c.text,
                    "key": f"rate:{','.join(c.rates)}" if c.kind == "default-interest" else c.text[:80]}
            if c.kind == "default-interest":
                fact["rates"] = ", ".join(c.rates)
            facts.append(fact)
    if filing.event_date:
        facts.append({"t": "event_date", "date": fmt_date(filing.event_date.value),
                      "day": day(filing.event_date.value), "line": filing.event_date.line, "key": "event"})
    return facts


def _statement_date(filing: Filing) -> dt.date | None:
    dates = [s.date.value for s in filing.signatures if s.context == "statement" and s.date]
    return max(dates) if dates else (filing.event_date.value if filing.event_date else None)


def _item_of(filing: Filing, clause: DefaultClause) -> str:
    """The item a sentence stands in: the last item heading above it ('' before the items)."""
    items = sorted((i for i in filing.items if i.line), key=lambda i: i.line)
    current = None
    for item in items:
        if item.line <= (clause.line or 0):
            current = item
    return current.number if current else ""


def _cure_facts(clauses: list[DefaultClause], notice_date: dt.date | None) -> list[dict]:
    facts, seen = [], set()
    for c in clauses:
        if c.kind != "cure-period" or c.count is None:
            continue
        start = c.anchor_date or (notice_date if "notice" in (c.anchor or "") else None)
        sig = (c.count, c.unit, c.anchor, start)
        if sig in seen:
            continue
        seen.add(sig)
        fact = {"t": "cure_period", "count": c.count, "unit": UNIT_WORDS[c.unit], "anchor": c.anchor or "the trigger",
                "line": c.line, "evidence": c.text, "key": f"cure:{sig}"}
        if start:
            end = cal.add_period(start, c.count, c.unit)
            fact.update(start=fmt_date(start), start_day=day(start), end=fmt_date(end), end_day=day(end))
        facts.append(fact)
    return facts


def _assertion_facts(clauses: list[DefaultClause], statement_date: dt.date | None) -> list[dict]:
    facts, seen = [], set()
    for c in clauses:
        if c.kind != "assertion":
            continue
        when = c.date or statement_date
        if when is None or when in seen:
            continue
        seen.add(when)
        facts.append({"t": "default_assertion", "date": fmt_date(when), "day": day(when), "line": c.line,
                      "evidence": c.text, "key": f"assert:{when}"})
    return facts


def _period_facts(clauses: list[DefaultClause]) -> list[dict]:
    """One period described in days and in business days; a stated last day that does not
    follow from the period as described."""
    facts = []
    periods = [c for c in clauses if c.kind == "covenant-period" and c.count is not None]
    groups: dict[tuple, list[DefaultClause]] = {}
    for c in periods:
        groups.setdefault((c.count, c.anchor), []).append(c)
    for (count, anchor), group in groups.items():
        units = {c.unit for c in group}
        first = min(group, key=lambda c: c.line or 0)
        lines = ", ".join(str(c.line) for c in group)
        start = next((c.anchor_date for c in group if c.anchor_date), None)
        detail = ""
        if start and len(units) > 1:
            detail = (f"; from {fmt_date(start)}, {count} days end on "
                      f"{fmt_date(cal.add_period(start, count, 'days'))} and {count} business days on "
                      f"{fmt_date(cal.add_period(start, count, 'business-days'))}")
        facts.append({"t": "period_group", "count": count, "anchor": anchor or "the trigger",
                      "units": len(units), "lines": lines, "detail": detail, "line": first.line,
                      "evidence": first.text, "key": f"units:{count}:{anchor}"})
    for c in periods:
        if c.anchor_date and c.stated_deadline:
            computed = cal.add_period(c.anchor_date, c.count, c.unit)
            other = "business-days" if c.unit == "days" else "days"
            alt = cal.add_period(c.anchor_date, c.count, other)
            facts.append({"t": "covenant_period", "count": c.count, "unit": UNIT_WORDS[c.unit],
                          "anchor_date": fmt_date(c.anchor_date), "stated": fmt_date(c.stated_deadline),
                          "stated_day": day(c.stated_deadline), "computed": fmt_date(computed),
                          "end_day": day(computed),
                          "note": (f"; {fmt_date(c.stated_deadline)} is {c.count} {UNIT_WORDS[other]} later"
                                   if alt == c.stated_deadline and alt != computed else ""),
                          "line": c.line, "evidence": c.text, "key": f"stated:{c.count}:{c.stated_deadline}"})
    return facts


def deadline_facts(filing: Filing, filed: dt.date | None, as_of: dt.date | None) -> list[dict]:
    """The filing deadline from the date of event, by schedule and regime (reference notes §5)."""
    # The EDGAR header's filing date is a fact; --filed stands in for it on a draft.
    filed = (filing.filing_date.value if filing.filing_date else None) or filed
    when = filed or as_of
    if filing.schedule not in ("13D", "13G") or filing.event_date is None or when is None:
        return []
    event = filing.event_date.value
    amended = is_amendment(filing)
    if filing.schedule == "13G":
        due, regime = _13g_deadline(filing, event, amended)
    else:
        due, regime = _13d_deadline(event, amended)
    lag = cal.business_days_between(event, when)
    fact = {"t": "deadline", "event": fmt_date(event), "event_day": day(event), "regime": regime, "lag": lag,
            "filed": fmt_date(when), "filed_day": day(when), "basis": "filed" if filed else "as of",
            "due": fmt_date(due) if due else "promptly", "line": filing.event_date.line, "key": "deadline"}
    if due:
        fact["due_day"] = day(due)
    return [fact]


def _13g_deadline(filing: Filing, event: dt.date, amended: bool) -> tuple[dt.date, str]:
    """The longest deadline that can apply, so that 'late' is never said of a timely filing:
    shorter ones (10 % crossings: 2 or 5 business days) depend on facts the filing may not state."""
    if is_passive(filing) and not amended:
        reg = regime("13g-passive-original", event)
        return reg.due(event), reg.describe(event)
    reg = regime("13g-periodic", event)
    return reg.due(event), reg.describe(event, rule="Rule 13d-2(b)" if amended else "Rule 13d-1(b)/(d)")


def _13d_deadline(event: dt.date, amended: bool) -> tuple[dt.date | None, str]:
    """Before 5 Feb 2024: 10 days (original), 'promptly' (amendment); since: 5 and 2 business days."""
    reg = regime("13d-amendment" if amended else "13d-original", event)
    return reg.due(event), reg.describe(event)
