"""Business days: Monday to Friday, less US federal holidays (the `holidays` package).

Used for cure periods ('ten Business Days after notice'), covenant deadlines and the 13D/13G
filing deadlines. The SEC's 'business day' excludes federal holidays (17 CFR 201.104);
a holiday on a weekend closes the observed weekday, which `holidays.US` includes.
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib
import sys
import threading

_US_MODULE = "holidays.countries.united_states"
_LOCK = threading.Lock()


@functools.lru_cache(maxsize=64)
def _federal(year: int) -> frozenset[dt.date]:
    return frozenset(_us_calendar()(years=[year]).keys())


@functools.lru_cache(maxsize=1)
def _us_calendar():
    """holidays.US, imported only when a deadline rule needs a calendar, and without the rest of
    the world: `holidays.US` loads the package holidays.countries, whose __init__ imports all 250
    countries (over 100 ms a process). The US module alone needs only the holidays core, so the
    package is put in place unexecuted while that one module loads, and both are taken out of
    sys.modules again after: a later `import holidays.countries` runs as if nothing had happened.
    It is the same class, the same holidays; anything unexpected falls back to the ordinary import."""
    with _LOCK:
        if "holidays.countries" in sys.modules or _US_MODULE in sys.modules:
            return importlib.import_module(_US_MODULE).US
        try:
            import importlib.util
            spec = importlib.util.find_spec("holidays.countries")  # imports the holidays core only
            sys.modules["holidays.countries"] = importlib.util.module_from_spec(spec)
            try:
                return importlib.import_module(_US_MODULE).US
            finally:
                sys.modules.pop(_US_MODULE, None)
                stub = sys.modules.pop("holidays.countries", None)
                core = sys.modules.get("holidays")
                if core is not None and getattr(core, "countries", None) is stub:
                    delattr(core, "countries")
        except Exception:  # noqa: BLE001 - a holidays release laid out otherwise: the slow way
            import holidays
            return holidays.US


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
