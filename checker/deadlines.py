"""The filing deadlines of Schedules 13D and 13G: every period, the rule that sets it and the day
its regime changed, defined once. The fact builders (checker/facts/defaults.py, eligibility.py,
holding_dates.py) ask this table for the deadline that applies and compute nothing of their own.

Sources: Rules 13d-1(a), (b)(2), (c), (d) and 13d-2(a), (b), 17 CFR 240.13d-1 and 240.13d-2, before
and after Release 33-11253 (Oct 2023): the 13D periods changed on 5 Feb 2024, the 13G periods on
30 Sep 2024 (Release 34-98704, 88 FR 76896; summarised in the reference notes, sec-13dg-rules.md §5).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from checker import calendar as cal

NEW_13D_REGIME = dt.date(2024, 2, 5)   # Release 33-11253: 13D 5 / 2 business days
NEW_13G_REGIME = dt.date(2024, 9, 30)  # Release 33-11253: 13G 45 days after the quarter, 5 business days


@dataclass(frozen=True)
class Period:
    """A period of calendar days (a deadline on a weekend or holiday moves to the next business
    day, Rule 0-3) or of business days."""
    count: int
    unit: Literal["days", "business-days"]

    def end(self, start: dt.date) -> dt.date:
        if self.unit == "business-days":
            return cal.add_business_days(start, self.count)
        return cal.next_business_day_on_or_after(start + dt.timedelta(days=self.count))


@dataclass(frozen=True)
class Regime:
    """One deadline: the period (None: 'promptly', no fixed day), what it runs from, and the
    words a finding cites it by (`{rule}` and `{anchor}` are filled in by `describe`)."""
    period: Period | None
    anchor: Literal["event", "month end", "quarter end", "year end"]
    words: str

    def due(self, event: dt.date) -> dt.date | None:
        return self.period.end(anchor_day(self.anchor, event)) if self.period else None

    def describe(self, event: dt.date, rule: str = "") -> str:
        return self.words.format(rule=rule, anchor=anchor_day(self.anchor, event).isoformat())


# Kind of filing -> (regime before the change, regime from the change, day of the change).
REGIMES: dict[str, tuple[Regime, Regime, dt.date]] = {
    "13d-original": (Regime(Period(10, "days"), "event", "10 days, Rule 13d-1(a) before 5 Feb 2024"),
                     Regime(Period(5, "business-days"), "event", "5 business days, Rule 13d-1(a) as amended 2023"),
                     NEW_13D_REGIME),
    "13d-amendment": (Regime(None, "event", "Rule 13d-2(a) before 5 Feb 2024"),
                      Regime(Period(2, "business-days"), "event", "2 business days, Rule 13d-2(a) as amended 2023"),
                      NEW_13D_REGIME),
    "13g-passive-original": (Regime(Period(10, "days"), "event", "10 days, Rule 13d-1(c) before 30 Sep 2024"),
                             Regime(Period(5, "business-days"), "event",
                                    "5 business days, Rule 13d-1(c) as amended 2023"),
                             NEW_13G_REGIME),
    # Rule 13d-1(b)/(d) originals and Rule 13d-2(b) amendments: the longest period that can apply.
    "13g-periodic": (Regime(Period(45, "days"), "year end", "45 days after the year ending {anchor}, {rule} before 30 Sep 2024"),
                     Regime(Period(45, "days"), "quarter end",
                            "45 days after the quarter ending {anchor}, {rule} as amended 2023"),
                     NEW_13G_REGIME),
    "13g-institution-10pct": (Regime(Period(10, "days"), "event",
                                     "10 days after the month end, Rule 13d-1(b)(2) before 30 Sep 2024"),
                              Regime(Period(5, "business-days"), "event",
                                     "5 business days after the month end, Rule 13d-1(b)(2) as amended 2023"),
                              NEW_13G_REGIME),
}


def regime(kind: str, event: dt.date) -> Regime:
    """The regime of this kind of filing for an event on this day."""
    before, after, changed = REGIMES[kind]
    return after if event >= changed else before


def anchor_day(anchor: str, event: dt.date) -> dt.date:
    if anchor == "year end":
        return dt.date(event.year, 12, 31)
    if anchor == "quarter end":
        month = ((event.month - 1) // 3 + 1) * 3
        return dt.date(event.year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return event  # 'event' and 'month end' (the event is the month's last day)

