"""Deadlines that only the body's dates give: a Schedule 13G amendment with no date of event,
whose items state the holdings as of a calendar year's end, was due 45 days after that year
(Rule 13d-2(b)); the filing date is set beside that."""
from __future__ import annotations

import datetime as dt

from checker import calendar as cal
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
    due = cal.next_business_day_on_or_after(end + dt.timedelta(days=45))
    return [{"t": "year_end_deadline", "holding": end.isoformat(), "due": due.isoformat(), "due_day": day(due),
             "filed": filed.isoformat(), "filed_day": day(filed), "line": item.line or 1, "key": "year-end-deadline"}]
