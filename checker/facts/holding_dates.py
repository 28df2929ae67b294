"""Deadlines that only the statement's other dates give, where the title page has no date of
event: a 13G amendment whose items state the holdings as of a calendar year's end was due 45 days
after that year (Rule 13d-2(b)); a 13d-1(c) original whose cover gives the percent as of a date
was due 10 days after it at the latest; a history in the items of a 5 % crossing and of the
first Schedule 13D's filing dates that filing. The filing date is set beside each."""
from __future__ import annotations

import datetime as dt

from checker.deadlines import regime as deadline_regime
from checker.facts.common import day, is_amendment
from checker.model import Filing
from checker.parse import statements as S


def year_end_deadline_facts(filing: Filing, filed: dt.date | None) -> list[dict]:
    filed = (filing.filing_date.value if filing.filing_date else None) or filed
    if filing.schedule != "13G" or not is_amendment(filing) or filing.event_date is not None or filed is None:
        return []
    found = [(year, item) for item in filing.items if (year := S.year_end_holding(item.text)) is not None]
    if not found:
        return []
    year, item = max(found, key=lambda f: f[0])
    end = dt.date(year, 12, 31)
    if filed <= end:
        return []
    due = deadline_regime("13g-periodic", end).due(end)
    return [{"t": "year_end_deadline", "holding": end.isoformat(), "due": due.isoformat(), "due_day": day(due),
             "filed": filed.isoformat(), "filed_day": day(filed), "line": item.line or 1, "key": "year-end-deadline"}]


def as_of_deadline_facts(filing: Filing, filed: dt.date | None) -> list[dict]:
    """Rule 13d-1(c): a passive investor files within 10 days (5 business days from 30 Sep 2024)
    after crossing 5 %. An original 13G (13d-1(c) box alone) with no date of event whose cover
    gives the percent as of a date held more than 5 % by then: that date bounds the deadline."""
    filed = (filing.filing_date.value if filing.filing_date else None) or filed
    boxes = {d.value.replace(" ", "").lower() for d in filing.rule_designations}
    held = filing.percent_as_of
    if (filing.schedule != "13G" or is_amendment(filing) or boxes != {"rule13d-1(c)"} or filing.event_date is not None
            or held is None or filed is None):
        return []
    reg = deadline_regime("13g-passive-original", held.value)
    due, regime = reg.due(held.value), reg.describe(held.value)
    return [{"t": "as_of_deadline", "as_of": held.value.isoformat(), "due": due.isoformat(), "due_day": day(due),
             "filed": filed.isoformat(), "filed_day": day(filed), "regime": regime,
             "line": held.line or 1, "key": "as-of-deadline"}]


def recited_deadline_facts(filing: Filing) -> list[dict]:
    """Rule 13d-1(a): a Schedule 13D is due 10 days (from 5 Feb 2024, 5 business days) after the
    acquisition that crosses 5 %. The items' own history of the crossing and of the first 13D's
    filing is set beside that deadline."""
    for item in filing.items:
        recited = S.recited_crossing(item.text)
        if recited is None:
            continue
        crossed, first = recited
        reg = deadline_regime("13d-original", crossed)
        due, regime = reg.due(crossed), reg.describe(crossed)
        return [{"t": "recited_deadline", "item": item.number, "crossed": crossed.isoformat(),
                 "first_filed": first.isoformat(), "first_filed_day": day(first), "due": due.isoformat(),
                 "due_day": day(due), "regime": regime, "line": item.line or 1, "key": "recited-deadline"}]
    return []
