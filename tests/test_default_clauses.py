"""Default-trigger sentences as filings phrase them: what the parser must read, and what not."""
from __future__ import annotations

import datetime as dt

from checker.parse.defaults import read_default_clauses

D = dt.date


def clauses(text: str):
    lines = text.strip("\n").split("\n")
    return read_default_clauses(lines, 0, len(lines), lambda i: i + 1)


def kinds(text: str) -> list[str]:
    return [c.kind for c in clauses(text)]


def test_cure_period_after_receipt_of_written_notice():
    [c] = [c for c in clauses("""
An Event of Default occurs if the Company fails to cure such breach within thirty (30) days
after receipt of written notice thereof from the Holder.
""") if c.kind == "cure-period"]
    assert (c.count, c.unit, c.anchor) == (30, "days", "notice")


def test_notice_issued_and_assertion_dated():
    found = clauses("""
On March 3, 2023, the Reporting Persons issued a notice of default to the Issuer. The Issuer
is in default of the Credit Agreement.
""")
    notice = next(c for c in found if c.kind == "notice")
    assert notice.date == D(2023, 3, 3)
    assert "assertion" in [c.kind for c in found]


def test_default_rate_and_acceleration():
    found = kinds("""
Upon an Event of Default the Notes bear interest at the Default Rate of eighteen percent (18%)
per annum. The Holders declared all amounts outstanding immediately due and payable and
accelerated the maturity of the Notes.
""")
    assert "default-interest" in found and "election" in found


def test_pledges_are_read_but_generic_pledge_wording_is_not():
    assert "pledge" in kinds("Mr. Doe has pledged 662,000 shares of Common Stock to secure a loan.")
    assert "pledge" in kinds("All of the shares are held in margin accounts at a broker.")
    assert kinds("""
Item 6 covers any contract, including a pledge or contingency the occurrence of which would give
another person voting power. The holder may not offer, sell, pledge or otherwise transfer the shares.
""") == []


def test_definitions_are_not_assertions():
    assert "assertion" not in kinds(
        "An Event of Default occurs when the Company fails to perform a covenant within ten days.")


def test_abbreviations_do_not_end_a_sentence():
    [c] = clauses("Mr. Doe has pledged 662,000 shares of Common Stock to Acme Co. Inc. to secure a loan.")
    assert c.text.startswith("Mr. Doe has pledged") and c.text.endswith("to secure a loan.")
