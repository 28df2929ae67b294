"""The deadline table (checker/deadlines.py): each kind of filing on either side of the day its
regime changed, with the day the period ends and the words a finding cites."""
import datetime as dt

import pytest

from checker.deadlines import NEW_13D_REGIME, NEW_13G_REGIME, regime

D = dt.date


@pytest.mark.parametrize("kind,event,due,words", [
    # 13D original: 10 calendar days before 5 Feb 2024 (moved off a weekend), 5 business days from it.
    ("13d-original", D(2024, 2, 2), D(2024, 2, 12), "10 days, Rule 13d-1(a) before 5 Feb 2024"),
    ("13d-original", NEW_13D_REGIME, D(2024, 2, 12), "5 business days, Rule 13d-1(a) as amended 2023"),
    ("13d-original", D(2023, 12, 28), D(2024, 1, 8), "10 days, Rule 13d-1(a) before 5 Feb 2024"),  # 7 Jan is a Sunday
    ("13d-amendment", D(2024, 2, 2), None, "Rule 13d-2(a) before 5 Feb 2024"),
    ("13d-amendment", NEW_13D_REGIME, D(2024, 2, 7), "2 business days, Rule 13d-2(a) as amended 2023"),
    ("13g-passive-original", D(2024, 9, 27), D(2024, 10, 7), "10 days, Rule 13d-1(c) before 30 Sep 2024"),
    ("13g-passive-original", NEW_13G_REGIME, D(2024, 10, 7), "5 business days, Rule 13d-1(c) as amended 2023"),
    # 13G periodic filings: 45 days after the calendar year, then after the calendar quarter.
    ("13g-periodic", D(2024, 9, 27), D(2025, 2, 14), "45 days after the year ending 2024-12-31, R before 30 Sep 2024"),
    ("13g-periodic", NEW_13G_REGIME, D(2024, 11, 14), "45 days after the quarter ending 2024-09-30, R as amended 2023"),
    ("13g-institution-10pct", D(2024, 8, 31), D(2024, 9, 10), "10 days after the month end, Rule 13d-1(b)(2) before 30 Sep 2024"),
    ("13g-institution-10pct", D(2024, 10, 31), D(2024, 11, 7),
     "5 business days after the month end, Rule 13d-1(b)(2) as amended 2023"),
])
def test_each_regime_gives_its_due_day_and_citation(kind, event, due, words):
    reg = regime(kind, event)
    assert reg.due(event) == due
    assert reg.describe(event, rule="R") == words
