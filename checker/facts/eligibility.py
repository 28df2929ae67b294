"""Which schedule the filing may use and whether it is an exit: rule boxes, 5 % exits, and
original filings that report nothing."""
from __future__ import annotations

import datetime as dt

from checker.deadlines import regime as deadline_regime
from checker.facts.common import day, is_amendment, named_pages, page_names
from checker.facts.holdings import pct_text
from checker.model import Filing
from checker.names import same_name


def eligibility_facts(filing: Filing) -> list[dict]:
    """The highest percent, the exit box and the amounts at a glance (exit filings, 13G Item 5)."""
    pages = [p for p in named_pages(filing) if p.percent is not None]
    if not pages:
        return []
    top = max(pages, key=lambda p: p.percent.value)
    exit_checked = bool(filing.exit_box and filing.exit_box.value)
    aggregates = [p.aggregate.shares for p in named_pages(filing) if p.aggregate is not None]
    fact = {"t": "holding_summary", "schedule": filing.schedule or "13D", "amended": is_amendment(filing),
            "exit_box": exit_checked, "top_person": top.name.value, "top_pct": float(top.percent.value),
            "top_pct_s": pct_text(top.percent), "percent_count": len(pages), "pages": len(named_pages(filing)),
            "group_a": any(p.group_box in ("a", "ab") for p in named_pages(filing)),
            "percent_max": float(top.percent.value), "aggregate_count": len(aggregates),
            "first_page_line": pages[0].line,
            "line": (filing.exit_box.line if filing.exit_box and exit_checked else top.percent.line),
            "key": "exit"}
    if aggregates:
        fact["aggregate_max"] = max(aggregates)
    return [fact]


def change_facts(filing: Filing, previous: Filing | None) -> list[dict]:
    """Each person's percent against its percent in the previous filing (Rule 13d-2(a): a change
    of one percent of the class or more is material), in percentage points of the class."""
    if previous is None:
        return []
    before = {}
    for page in named_pages(previous):
        if page.percent is not None:
            for name in page_names(page):
                before[name] = page.percent
    facts = []
    for page in named_pages(filing):
        if page.percent is None:
            continue
        for name in page_names(page):
            prior = next((pct for n, pct in before.items() if same_name(n, name)), None)
            if prior is None:
                continue
            delta = page.percent.value - prior.value
            facts.append({"t": "pct_change", "person": name, "before": pct_text(prior),
                          "after": pct_text(page.percent), "delta": float(delta),
                          "points": f"{delta:+}", "amended": is_amendment(filing),
                          "line": page.percent.line, "key": f"change:{prior.value}:{page.percent.value}"})
    return facts


def institution_deadline_facts(filing: Filing, filed: dt.date | None) -> list[dict]:
    """Rule 13d-1(b)(2): a qualified institution whose ownership exceeds 10 % at the end of a
    month files its initial 13G within 10 days after that month ends (from 30 Sep 2024: 5
    business days). Computed only where the filing shows it: an original, the 13d-1(b) box alone,
    a person above 10 % as of a date of event that is a month's last day."""
    filed = (filing.filing_date.value if filing.filing_date else None) or filed
    boxes = {d.value.replace(" ", "").lower() for d in filing.rule_designations}
    if (filing.schedule != "13G" or is_amendment(filing) or boxes != {"rule13d-1(b)"}
            or filing.event_date is None or filed is None):
        return []
    event = filing.event_date.value
    if (event + dt.timedelta(days=1)).day != 1:
        return []
    pages = [p for p in named_pages(filing) if p.percent is not None]
    if not pages:
        return []
    top = max(pages, key=lambda p: p.percent.value)
    reg = deadline_regime("13g-institution-10pct", event)
    due, regime = reg.due(event), reg.describe(event)
    return [{"t": "institution_deadline", "person": top.name.value, "pct": float(top.percent.value),
             "pct_s": pct_text(top.percent), "event": event.isoformat(), "due": due.isoformat(),
             "due_day": day(due), "filed": filed.isoformat(), "filed_day": day(filed), "regime": regime,
             "line": filing.event_date.line or 1, "key": "institution-deadline"}]
