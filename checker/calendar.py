"""Business days: Monday to Friday, less US federal holidays (the `holidays` package).

Used for cure periods ('ten Business Days after notice'), covenant deadlines and the 13D/13G
filing deadlines. The SEC's 'business day' excludes federal holidays (17 CFR 201.104);
a holiday on a weekend closes the observed weekday, which `holidays.US` includes.
"""
from __future__ import annotations

import datetime as dt
import functools


@functools.lru_cache(maxsize=64)
def _federal(year: int) -> frozenset[dt.date]:
    import holidays  # ~100 ms to import: only when a deadline rule needs a calendar
    return frozenset(holidays.US(years=[year]).keys())


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _federal(day.year)


def add_business_days(start: dt.date, count: int) -> dt.date:
    """The count-th business day after start (start itself is day 0)."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            remaining -= 1
    return day


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after start up to and including end (0 when end <= start)."""
    n, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            n += 1
    return n


def add_period(start: dt.date, count: int, unit: str) -> dt.date:
    return add_business_days(start, count) if unit == "business-days" else start + dt.timedelta(days=count)


def next_business_day_on_or_after(day: dt.date) -> dt.date:
    """Rule 0-3(a): a deadline on a weekend or holiday moves to the next business day."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day
