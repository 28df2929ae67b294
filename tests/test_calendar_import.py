"""checker.calendar loads the US holiday calendar without importing every country of `holidays`,
gives the same holidays as holidays.US, and leaves `holidays` importable as usual afterwards."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import datetime as dt, sys
from checker import calendar
assert not calendar.is_business_day(dt.date(2024, 7, 4)) and calendar.is_business_day(dt.date(2024, 7, 5))
assert not any(m.startswith("holidays.countries") for m in sys.modules), "countries imported"
import holidays
for year in range(1990, 2036):
    assert calendar._federal(year) == frozenset(holidays.US(years=[year]).keys()), year
import holidays.countries
assert holidays.countries.united_states.US(years=[2024]) == holidays.US(years=[2024])
assert holidays.countries.Afghanistan is not None
print("ok")
"""


def test_us_calendar_alone_and_the_same():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
