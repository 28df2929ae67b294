"""One failing and one passing case per rule, on small synthetic filings (sqlfluff-style).

Each case is a function returning (filing, options); FAIL cases must produce the rule, PASS
cases must not. A meta-test checks every catalogue rule has both.
"""
from __future__ import annotations

import datetime as dt

import pytest

from decimal import Decimal

from checker.model import Flag, ItemHolding, Percent, TextValue
from checker.pipeline import CheckOptions, check_filing
from checker.rulebook import load_catalogue
from filing_builder import amount, clause, clean_pair, filing, issue, page

D = dt.date


def fund_and_manager(**manager_kw):
    fund = page("Alpha Fund LP", 1_000_000, 5.5)
    kw = dict(types=("OO",), funds=("AF",), owners=["Alpha Fund LP"], line=40)
    kw.update(manager_kw)
    agg = kw.pop("agg", 1_000_000)
    pct = kw.pop("pct", 5.5)
    return filing(fund, page("Alpha Capital LLC", agg, pct, **kw))


def cured_default(assert_on, notice_on=D(2008, 9, 29)):
    return filing(*clean_pair(), clauses=[
        clause("notice", date=notice_on, line=300),
        clause("cure-period", count=10, unit="business-days", anchor="notice", line=301),
        clause("assertion", date=assert_on, line=302)])


def periods(*units, anchor_date=D(2007, 1, 3), stated=None):
    return filing(*clean_pair(), clauses=[
        clause("covenant-period", count=5, unit=u, anchor="closing", anchor_date=anchor_date,
               stated_deadline=stated, line=310 + n) for n, u in enumerate(units)])


def two_persons(pct_b, agg_b=2_000_000):
    a = page("Alpha Fund LP", 1_000_000, 2.00)
    b = page("Beta Fund LP", agg_b, pct_b, line=40)
    c = page("Gamma Fund LP", 3_000_000, 6.00, line=70)
    return filing(a, b, c)


CASES = {
    "PAR001": (lambda: filing(issues=[issue("not-a-filing")]), lambda: filing(*clean_pair())),
    "PAR002": (lambda: filing(*clean_pair(), issues=[issue("fragment")]), lambda: filing(*clean_pair())),
    "PAR003": (lambda: filing(*clean_pair(), issues=[issue("unplaced-value")]), lambda: filing(*clean_pair())),
    "PAR004": (lambda: filing(*clean_pair(), issues=[issue("unreadable-number")]), lambda: filing(*clean_pair())),
    "PAR008": (lambda: filing(*clean_pair(), issues=[issue("percent-bound")]), lambda: filing(*clean_pair(), issues=[issue("unreadable-number")])),
    "PAR005": (lambda: filing(issues=[issue("malformed-xml")]), lambda: filing(*clean_pair())),
    "SUM001": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, components=[("i", 600, False), ("ii", 401, True)])),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, components=[("i", 600, False), ("ii", 400, True)]))),
    "SUM002": (lambda: filing(page("Alpha Fund LP", 900, 5.5, sv=1_000, sd=1_000)),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, sv=1_000, sd=1_000))),
    "SUM003": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, sv=1_000, sd=800)),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, sv=1_000, sd=1_000))),
    "SUM004": (lambda: filing(page("A Fund LP", 100, 1.0), page("B Fund LP", 200, 2.0, line=40),
                              page("M LLC", 301, 3.0, owners=["A Fund LP", "B Fund LP"], line=70)),
               lambda: filing(page("A Fund LP", 100, 1.0), page("B Fund LP", 200, 2.0, line=40),
                              page("M LLC", 300, 3.0, owners=["A Fund LP", "B Fund LP"], line=70))),
    "THR001": (lambda: two_persons(7.00), lambda: two_persons(4.00)),
    "THR002": (lambda: filing(page("Alpha Fund LP", 1_000, 5.0, decimals=1)),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.1, decimals=1))),
    "THR003": (lambda: filing(page("Alpha Fund LP", 1_000, 5.1)), lambda: filing(page("Alpha Fund LP", 1_000, 5.0))),
    "THR004": (lambda: filing(page("Alpha Fund LP", 1_000, 10.5)), lambda: filing(page("Alpha Fund LP", 1_000, 10.0))),
    "THR005": (lambda: filing(page("Alpha Fund LP", 1_000, 20.0), form="SC 13G", designations=["Rule 13d-1(c)"]),
               lambda: filing(page("Alpha Fund LP", 1_000, 20.0), form="SC 13G", designations=["Rule 13d-1(b)"])),
    "THR006": (lambda: filing(page("A Fund LP", 100, 1.00), page("B Fund LP", 200, 2.00, line=40),
                              page("M LLC", 300, 3.10, owners=["A Fund LP", "B Fund LP"], line=70)),
               lambda: filing(page("A Fund LP", 100, 1.00), page("B Fund LP", 200, 2.00, line=40),
                              page("M LLC", 300, 3.00, owners=["A Fund LP", "B Fund LP"], line=70))),
    "THR007": (lambda: filing(page("A LP", 1_000_000, 2.00, components=[("i", 500_000, False), ("ii", 500_000, True)]),
                              page("B LP", 3_000_000, 6.00, components=[("i", 1_000_000, False), ("ii", 2_000_000, True)],
                                   line=40)),
               # 1,000,000 / (49.5M + 0.5M) = 2.00%; 3,000,000 / (49.5M + 2M) = 5.83%
               lambda: filing(page("A LP", 1_000_000, 2.00, components=[("i", 500_000, False), ("ii", 500_000, True)]),
                              page("B LP", 3_000_000, 5.83, components=[("i", 1_000_000, False), ("ii", 2_000_000, True)],
                                   line=40))),
    "THR008": (lambda: (filing(page("Alpha Fund LP", 1_000, 4.8)), CheckOptions(thresholds={"early_warning": 4.5})),
               lambda: (filing(page("Alpha Fund LP", 1_000, 4.2)), CheckOptions(thresholds={"early_warning": 4.5}))),
    "COV001": (lambda: filing(*clean_pair(), named=["Alpha Offshore Ltd"]), lambda: filing(*clean_pair(), named=["Alpha Fund, L.P."])),
    "COV002": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, rows=[r for r in range(1, 15) if r != 8])),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5))),
    "COV003": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5), page("ALPHA FUND, L.P.", 1_000, 5.5, line=40), signers=["Alpha Fund LP"]),
               lambda: filing(*clean_pair())),
    "COV004": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, types=("LLC",))),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, types=("PN",)))),
    "COV005": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, funds=("N/A",))),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, funds=("AF", "OO")))),
    "IDN001": (lambda: filing(*clean_pair(), cusip="03783310"), lambda: filing(*clean_pair())),
    "IDN002": (lambda: filing(*clean_pair(), cusip="037833101"), lambda: filing(*clean_pair(), cusip="48213Y107")),
    "IDN003": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, cusip="969490101"), cusip="27890G100"),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, cusip="27890G100"), cusip="27890G100")),
    "IDN004": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, irs="13-368849")),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, irs="13-3688497"))),
    "IDN005": (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, irs="07-1144442")),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.5, irs="00-0000000"))),
    "CON001": (lambda: filing(page("A LP", 1_000, 5.5, group="a"), page("B LP", 1_000, 5.5, group="b", line=40)),
               lambda: filing(page("A LP", 1_000, 5.5, group="b"), page("B LP", 1_000, 5.5, group="b", line=40))),
    "CON002": (lambda: filing(*clean_pair(), named=["Alpha Funds LP"]), lambda: filing(*clean_pair(), named=["ALPHA FUND, L.P."])),
    "CON003": (lambda: filing(*clean_pair(), form="SC 13D/A"), lambda: filing(*clean_pair(), form="SC 13D/A", amendment=1)),
    "CON004": (lambda: filing(*clean_pair(), signers=["Alpha Fund LP"]), lambda: filing(*clean_pair())),
    "DLN001": (lambda: (filing(*clean_pair()), CheckOptions(filed=D(2025, 3, 5))), lambda: filing(*clean_pair())),
    # event Mon 2025-03-03: 5 business days -> Mon 2025-03-10
    "DLN002": (lambda: (filing(*clean_pair()), CheckOptions(filed=D(2025, 3, 11))),
               lambda: (filing(*clean_pair()), CheckOptions(filed=D(2025, 3, 10)))),
    "DLN003": (lambda: (filing(*clean_pair(), form="SC 13D/A", amendment=1, event=D(2008, 9, 29)), CheckOptions(filed=D(2008, 10, 6))),
               lambda: (filing(*clean_pair(), form="SC 13D/A", amendment=1, event=D(2008, 9, 29)), CheckOptions(filed=D(2008, 9, 30)))),
    "DEF001": (lambda: cured_default(D(2008, 10, 20)), lambda: filing(*clean_pair())),
    "DEF002": (lambda: cured_default(D(2008, 10, 20)), lambda: filing(*clean_pair())),
    # ten business days from 2008-09-29 end 2008-10-14 (Columbus Day skipped)
    "DEF003": (lambda: cured_default(D(2008, 10, 13)), lambda: cured_default(D(2008, 10, 14))),
    "DEF004": (lambda: periods("days", "business-days"), lambda: periods("business-days", "business-days")),
    "DEF005": (lambda: periods("days", stated=D(2007, 1, 10)), lambda: periods("business-days", stated=D(2007, 1, 10))),
    "DEF006": (lambda: filing(*clean_pair(), clauses=[clause("default-interest", rates=["18%"])]), lambda: filing(*clean_pair())),
    "DEF007": (lambda: filing(*clean_pair(), clauses=[clause("election")]), lambda: filing(*clean_pair())),
    "DEF008": (lambda: _item4_notice(D(2008, 9, 29)), lambda: _item4_notice(D(2008, 9, 30))),
    "DEF009": (lambda: filing(*clean_pair(), clauses=[clause("pledge")]), lambda: filing(*clean_pair())),
    "THR009": (lambda: filing(page("Alpha Fund LP", 1_000, 6.0), form="SC 13G",
                              designations=["Rule 13d-1(b)", "Rule 13d-1(c)"]),
               lambda: filing(page("Alpha Fund LP", 1_000, 6.0), form="SC 13G", designations=["Rule 13d-1(c)"])),
    "THR010": (lambda: filing(page("Alpha Fund LP", 1_000, 4.9), form="SC 13G/A", amendment=2),
               lambda: filing(page("Alpha Fund LP", 1_000, 5.1), form="SC 13G/A", amendment=2)),
    "THR011": (lambda: _exit_box(6.2), lambda: _exit_box(0.0)),
    "COV006": (lambda: filing(page("Alpha Fund LP", 0, 0.0)), lambda: filing(page("Alpha Fund LP", 0, 0.0),
                                                                            form="SC 13D/A", amendment=3)),
    "CON005": (lambda: _with(filing(*clean_pair()), header_form_type="SC 13G/A"),
               lambda: _with(filing(*clean_pair()), header_form_type="SC 13D")),
    "CON006": (lambda: _with(filing(*clean_pair()), header_issuer=TextValue(value="Other Holdings Inc")),
               lambda: _with(filing(*clean_pair()), header_issuer=TextValue(value="EXAMPLE CORP"))),
}

def _changed(before, after, form="SC 13D/A"):
    prior = filing(page("Alpha Fund LP", 1_000, before), form="SC 13D/A", amendment=1)
    now = filing(page("ALPHA FUND, L.P.", 1_000, after), form=form, amendment=2 if form.endswith("/A") else None)
    return now, CheckOptions(previous=prior)


def _signature_page(signers=None):
    f = filing(*clean_pair(), signers=signers)
    f.signature_page_line = 390
    return f


# A signature page on which nothing could be placed: PAR009; one signature read is enough for CON004.
CASES["PAR009"] = (lambda: _signature_page(signers=[]), lambda: _signature_page())
CASES["THR012"] = (lambda: _changed(6.2, 7.3), lambda: _changed(6.2, 7.1),
                   lambda: _changed(7.3, 6.3), lambda: _changed(7.3, 6.31))
CASES["THR013"] = (lambda: _changed(6.2, 7.5, form="SC 13D"), lambda: _changed(6.2, 7.5))


def _stated(pct, components=(), rights=False):
    from checker.model import OutstandingCount
    f = filing(page("Alpha Fund LP", 1_500_000, pct, components=components))
    f.outstanding = [OutstandingCount(shares=20_000_000, line=300)]
    f.rights_to_acquire = rights  # the text speaks of warrants, options or conversion
    return f


def _two_counts(second: int):
    """THR016: two counts the filing says its percents are based on; 7.5% fits 20,000,000."""
    from checker.model import OutstandingCount
    f = filing(page("Alpha Fund LP", 1_500_000, 7.5))
    f.outstanding = [OutstandingCount(shares=20_000_000, line=300, text="based on 20,000,000 shares outstanding"),
                     OutstandingCount(shares=second, line=320, text=f"based on {second:,} shares outstanding")]
    return f


CASES["THR016"] = (lambda: _two_counts(25_000_000), lambda: _two_counts(20_010_000))


# 1,500,000 / 20,000,000 = 7.50%; with 500,000 issuable added back: 1,500,000 / 20,500,000 = 7.32%.
ISSUABLE = [("i", 1_000_000, False), ("ii", 500_000, True)]

def _included(pct, components=ISSUABLE, basis="based on 20,000,000 shares outstanding"):
    """THR019: row 11's components say 500,000 of the 1,500,000 shares are issuable."""
    from checker.model import Item, OutstandingCount
    f = filing(page("Alpha Fund LP", 1_500_000, pct, components=components),
               items=[Item(number="5", text=f"(a) The percentages are {basis}.", line=300)])
    f.outstanding = [OutstandingCount(shares=20_000_000, line=300)]
    return f


# 7.50% = 1,500,000 / 20,000,000 (7.49 its truncation); 7.32% with the 500,000 added back.
CASES["THR019"] = (lambda: _included(7.5), lambda: _included(7.32),
                   lambda: _included(7.49), lambda: _included(7.5, basis="based on 20,000,000 shares plus the shares issuable"),
                   lambda: _included(7.5), lambda: _included(7.5, components=[("i", 1_000_000, False), ("ii", 400_000, True)]))
# THR020: the count's sentence adds the person's 500,000 issuable shares, so only 7.32% is right.
_ADDS_THEM = "based on the sum of 20,000,000 shares outstanding plus the 500,000 shares issuable upon exercise"
CASES["THR020"] = (lambda: _included(7.5, basis=_ADDS_THEM), lambda: _included(7.32, basis=_ADDS_THEM),
                   lambda: _included(7.1, basis=_ADDS_THEM),
                   lambda: _included(7.5, basis=_ADDS_THEM.replace("500,000", "400,000")))  # another figure added
CASES["THR014"] = (lambda: _stated(9.5), lambda: _stated(7.5),
                   lambda: _stated(7.1, ISSUABLE), lambda: _stated(7.32, ISSUABLE),
                   lambda: _stated(7.56), lambda: _stated(7.0, rights=True),  # 7.0: an add-back of 1.43 M shares
                   lambda: _stated(7.0), lambda: _stated(7.4, rights=True),  # no rights mentioned: no add-back
                   lambda: _stated(7.6), lambda: _stated(7.5))  # exactly 7.50%: one printed step above is a difference


def _signed(by_statement, by_notice):
    from checker.model import Signature
    f = filing(*clean_pair())
    f.signatures += [Signature(name="ALPHA FUND, L.P.", signer="Jo Roe", by=by_statement, line=401),
                     Signature(name="Alpha Fund LP", signer="Jo Roe", by=by_notice, line=460, context="exhibit")]
    return f


CASES["CON007"] = (lambda: _signed("Alpha Capital LLC", "Beta Advisers Inc."),
                   lambda: _signed("Alpha Capital LLC", "ALPHA CAPITAL, L.L.C."))

# 13G: a 13d-1(c) original is due 5 business days after the event (from 30 Sep 2024);
# event Wed 2025-11-19 -> Wed 2025-11-26 (Thanksgiving, 27 Nov, is no business day).
G_PASSIVE = dict(form="SC 13G", designations=["Rule 13d-1(c)"], event=D(2025, 11, 19))
# A 13G/A for the quarter ending 30 Sep 2025 is due 45 days later, Fri 2025-11-14.
G_AMEND = dict(form="SC 13G/A", amendment=1, designations=["Rule 13d-1(b)"], event=D(2025, 9, 30))
CASES["DLN002"] = CASES["DLN002"] + (
    lambda: (filing(*clean_pair(), **G_PASSIVE), CheckOptions(filed=D(2025, 11, 28))),
    lambda: (filing(*clean_pair(), **G_PASSIVE), CheckOptions(filed=D(2025, 11, 26))),
    lambda: (filing(*clean_pair(), **G_AMEND), CheckOptions(filed=D(2025, 11, 17))),
    lambda: (filing(*clean_pair(), **G_AMEND), CheckOptions(filed=D(2025, 11, 14))))


def _with(f, **fields):
    for k, v in fields.items():
        setattr(f, k, v)
    return f


def _exit_box(pct):
    f = filing(page("Alpha Fund LP", 1_000, pct), form="SC 13G/A", amendment=1)
    f.exit_box = Flag(value=True, line=60)
    return f


def _item4_notice(notice_on):
    from checker.model import Item
    return filing(*clean_pair(), event=D(2008, 9, 30), items=[Item(number="4", line=290)],
                  clauses=[clause("notice", date=notice_on, line=300)])


def run(case):
    made = case()
    f, options = made if isinstance(made, tuple) else (made, CheckOptions())
    return check_filing(f, options)


def test_every_rule_has_cases():
    # WAV (raised by checker/waivers.py) and PAR006 (raised by the engine when a rule fails,
    # tested in test_engine.py) are not matched from filing facts.
    engine_rules = {r.code for r in load_catalogue() if not r.code.startswith("WAV") and r.code != "PAR006"}
    assert engine_rules - set(CASES) == set()


def test_clean_pair_has_no_problem_findings():
    result = check_filing(filing(*clean_pair()), CheckOptions())
    assert [f.rule_id for f in result.findings if f.severity != "info"] == []


def test_missing_value_is_never_zero():
    f = filing(page("Alpha Fund LP", None, None))
    result = check_filing(f, CheckOptions())
    [person] = result.reporting_persons
    assert person.aggregate is None and person.percent is None
    assert {"COV002"} <= {x.rule_id for x in result.findings}


def test_unprinted_checkbox_rows_are_not_missing_rows():
    """Abbreviated covers (and XML) leave unchecked boxes out: rows 2, 5 and 12 absent is fine."""
    rows = [r for r in range(1, 15) if r not in (2, 5, 12)]
    result = check_filing(filing(page("Alpha Fund LP", 1_000, 5.5, rows=rows)), CheckOptions())
    assert "COV002" not in {f.rule_id for f in result.findings}


def test_zero_zero_fund_code_gets_a_hint():
    result = check_filing(filing(page("Alpha Fund LP", 1_000, 5.5, funds=("00",))), CheckOptions())
    [f] = [f for f in result.findings if f.rule_id == "COV005"]
    assert "OO, letters" in f.message


def test_header_filing_date_wins_over_filed_option():
    from checker.model import DateValue
    f = filing(*clean_pair())  # 13D, event Mon 2025-03-03, due Mon 2025-03-10
    f.filing_date = DateValue(value=D(2025, 3, 7))
    result = check_filing(f, CheckOptions(filed=D(2025, 3, 20)))
    [info] = [x for x in result.findings if x.rule_id == "DLN001"]
    assert "filed 2025-03-07" in info.message
    assert "DLN002" not in {x.rule_id for x in result.findings}


# Row 11 above both power totals (600,000 voting alone + 300,000 dispositive alone would explain it).
CASES["SUM005"] = (lambda: filing(page("Alpha Fund LP", 900_000, 5.5, sv=600_000, sd=600_000)),
                   lambda: filing(page("Alpha Fund LP", 600_000, 5.5, sv=600_000, sd=600_000)),
                   lambda: filing(page("Alpha Fund LP", 900_000, 5.5, sv=700_000, sd=800_000)),
                   # above the sum is SUM002's error, not this warning
                   lambda: filing(page("Alpha Fund LP", 1_600_000, 5.5, sv=700_000, sd=800_000)))


def _two(pct_b, agg_b=1_000_000, comps_b=()):
    # 1,000,000 at 5.00% implies 19.8-20.2 M outstanding.
    return filing(page("Alpha Fund LP", 1_000_000, 5.00),
                  page("Alpha Capital LLC", agg_b, pct_b, line=40, components=comps_b))


CASES["THR015"] = (lambda: _two(6.00), lambda: _two(5.00), lambda: _two(9.00, 2_000_000),
                   # 1,500,000 of which 500,000 issuable: 1.5 M / (20 M + 0.5 M) = 7.32%: fits with the add-back
                   lambda: _two(7.32, 1_500_000, [("i", 1_000_000, False), ("ii", 500_000, True)]))


def _split(pct_c, decimals_c=0, agg_c=3_000_000):
    """Two persons with the same amount one printed step apart (5.5% ~ 18.2 M outstanding, 5.6%
    ~ 17.9 M); a third whose 3,000,000 shares at 17% fit 17.1-18.2 M: either count."""
    return filing(page("Alpha Fund LP", 1_000_000, 5.5, decimals=1),
                  page("Alpha Capital LLC", 1_000_000, 5.6, decimals=1, line=40),
                  page("Jane Roe", agg_c, pct_c, decimals=decimals_c, line=70))


# At 16.8% the third person fits only the 5.6% count, at 16.50% only the 5.5% one: a majority,
# and THR001's outlier instead. 6,000,000 shares at 33% (17.9-18.5 M) fit either count again.
CASES["THR017"] = (lambda: _split(17), lambda: _split(16.8, 1), lambda: _split(33, 0, 6_000_000),
                   lambda: _split(16.5, 2))


def test_thr017_flags_both_sides_of_the_split_and_not_the_person_that_fits_both():
    found = sorted((f.person, f.line) for f in run(CASES["THR017"][0]).findings if f.rule_id == "THR017")
    assert found == [("Alpha Capital LLC", 52), ("Alpha Fund LP", 22)]
    assert "THR001" not in {f.rule_id for f in run(CASES["THR017"][0]).findings}
    assert [(f.person, f.line) for f in run(CASES["THR017"][1]).findings if f.rule_id == "THR001"] == [("Alpha Fund LP", 22)]


def _original_13g(pct, exit_box=False, pages=1):
    f = filing(*[page(f"Alpha Fund {n} LP", 1_000_000, pct, line=10 + 40 * n) for n in range(pages)], form="SC 13G")
    if exit_box:
        f.exit_box = Flag(value=True, line=300)
    return f


# An original 13G's only person below 5 %: fires; above it, with the exit box checked, or with
# several persons (a group's holdings count together) it does not.
CASES["THR018"] = (lambda: _original_13g(4.0), lambda: _original_13g(6.0), lambda: _original_13g(0.5),
                   lambda: _original_13g(4.0, exit_box=True), lambda: _original_13g(4.0),
                   lambda: _original_13g(4.0, pages=2))


def _classes(pct_outlier):
    """A multi-class cover: three persons per class, each class with its own CUSIP and count."""
    pages = []
    for n, (cusip, base) in enumerate((("037833100", 1_000_000), ("27890G100", 4_000_000))):
        for k, name in enumerate(("Alpha Fund LP", "Alpha Capital LLC", "Alpha GP LLC")):
            pct = 5.0 if n == 0 else 10.0  # class 1: 20 M outstanding; class 2: 40 M
            if n == 1 and k == 2:
                pct = pct_outlier
            pages.append(page(name, base, pct, cusip=cusip, line=10 + 40 * len(pages)))
    return filing(*pages)


# Per class, the persons agree; without classes the two groups would look like two outliers.
CASES["THR001"] = CASES["THR001"] + (lambda: _classes(12.0), lambda: _classes(10.0))


def _types(*codes):
    return filing(page("Alpha Fund LP", 1_000, 5.5, types=codes))


# Several codes on one row, however separated, each checked against the form's list.
CASES["COV004"] = CASES["COV004"] + (lambda: _types("IN, XX"), lambda: _types("IN, HC"),
                                     lambda: _types("PN/QQ"), lambda: _types("PN/IA"),
                                     lambda: _types("CO; ZZ"), lambda: _types("CO; HC"),
                                     lambda: _types("IA", "LL"), lambda: _types("IA HC"))
CASES["COV005"] = CASES["COV005"] + (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, funds=("OO and XX",))),
                                     lambda: filing(page("Alpha Fund LP", 1_000, 5.5, funds=("OO and PF",))))


def test_thr015_names_each_person_with_the_other_persons_reading():
    """Which of the two percents is wrong the figures cannot tell: each person gets the finding."""
    found = sorted((f.person, f.line, f.message) for f in run(CASES["THR015"][0]).findings if f.rule_id == "THR015")
    assert [(p, ln) for p, ln, _ in found] == [("Alpha Capital LLC", 52), ("Alpha Fund LP", 22)]
    assert found[0][2].startswith("6.0% of 1,000,000 implies about 16,666,678 shares outstanding, but Alpha Fund LP's 5.0% implies about 20,000,020")
    assert found[1][2].startswith("5.0% of 1,000,000 implies about 20,000,020 shares outstanding, but Alpha Capital LLC's 6.0%")


def test_multi_class_outlier_is_the_person_of_that_class():
    hits = [(f.person, f.line) for f in run(lambda: _classes(12.0)).findings if f.rule_id == "THR001"]
    assert hits == [("Alpha GP LLC", 222)]


def test_several_type_codes_give_one_finding_per_invalid_code():
    hits = [f.message for f in run(lambda: _types("IN, XX; YY")).findings if f.rule_id == "COV004"]
    assert hits == ["type of reporting person 'XX' is not a Schedule 13D code",
                    "type of reporting person 'YY' is not a Schedule 13D code"]


def _xml(f, items=("1", "2", "3", "4", "5", "6", "7")):
    from checker.model import Item
    f.format = "xml"
    f.items = [Item(number=n, text=f"Item {n} text", line=100 + int(n)) for n in items]
    return f


CASES["REQ001"] = (lambda: filing(), lambda: filing(*clean_pair()),
                   lambda: filing(form="SC 13G"), lambda: filing(form="SC 13D/A", amendment=2))
def _item4(shares, pct="5.5"):
    held = ItemHolding(item="4", person="Alpha Fund LP", aggregate=amount(shares, line=300),
                       percent=Percent(value=Decimal(pct), decimals=len(pct.split(".")[1]), raw=pct, line=301),
                       line=299)
    return _with(filing(page("Alpha Fund LP", 1_000, 5.5, decimals=1), form="SC 13G"), item_holdings=[held])


def _blank_sole_voting(shared):
    fund = page("Alpha Fund LP", 1_000, 5.5, shv=shared)
    fund.sole_voting = None
    return filing(fund)


CASES["SUM007"] = (lambda: filing(page("Alpha Fund LP", 1_482_760, 5.5, sv=1_422_760, sd=1_482_760)),
                   lambda: filing(page("Alpha Fund LP", 1_482_760, 5.5, sv=1_482_760, sd=1_482_760)),
                   lambda: filing(page("Alpha Fund LP", 14_270_000, 5.5, sv=14_270_000, sd=14_720_000)),
                   lambda: filing(page("Alpha Fund LP", 1_482_760, 5.5, sv=1_000_000, sd=1_482_760)))
CASES["SUM006"] = (lambda: _blank_sole_voting(1_200), lambda: _blank_sole_voting(1_000))
CASES["CON008"] = (lambda: _item4(1_001), lambda: _item4(1_000, "5.54"), lambda: _item4(1_000, "5.7"),
                   lambda: _item4(1_000, "5.5"))
CASES["PAR007"] = (lambda: filing(form="SC 13D/A", amendment=2),
                   lambda: filing(*clean_pair(), form="SC 13D/A", amendment=2))
CASES["REQ002"] = (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, cusip=None), cusip=None),
                   lambda: filing(page("Alpha Fund LP", 1_000, 5.5), cusip=None),
                   lambda: filing(page("Alpha Fund LP", 1_000, 5.5, cusip=None), cusip=None, form="SC 13G"),
                   lambda: filing(page("Alpha Fund LP", 1_000, 5.5, cusip=None)))
CASES["REQ003"] = (lambda: _with(filing(*clean_pair(), event=None), format="html"),
                   lambda: _with(filing(*clean_pair()), format="html"),
                   lambda: _xml(filing(*clean_pair(), event=None)),
                   lambda: _with(filing(*clean_pair(), event=None, form="SC 13G"), format="html"))
CASES["REQ004"] = (lambda: _xml(filing(*clean_pair(), signers=[])), lambda: _xml(filing(*clean_pair())))
CASES["REQ005"] = (lambda: _xml(filing(*clean_pair()), items=("1", "2", "3", "5", "6", "7")),
                   lambda: _xml(filing(*clean_pair())),
                   lambda: _xml(filing(*clean_pair(), form="SC 13G"), items=("1", "2", "3")),
                   lambda: _xml(filing(*clean_pair(), form="SC 13D/A", amendment=1), items=("5",)))
CASES["REQ006"] = (lambda: _xml(filing(*clean_pair()), items=("1", "2", "3", "4", "6", "7")),
                   lambda: _xml(filing(*clean_pair())),
                   lambda: _xml(filing(*clean_pair()), items=("1", "2", "3", "4", "6", "7")),
                   lambda: _xml(filing(*clean_pair(), form="SC 13G"), items=("1", "2", "3", "4")))


def _blank_shared(agg, sole=1_000_000, name="Alpha Fund LP", line=10):
    p = page(name, agg, 5.5, sv=sole, sd=sole, line=line)
    p.shared_voting = p.shared_dispositive = None
    return p


def _rows_unread(name, agg, line=10):
    p = page(name, agg, 6.3, line=line)
    p.sole_voting = p.shared_voting = p.sole_dispositive = p.shared_dispositive = None
    p.unread_rows = [7, 8, 9, 10]
    return p


def _blank_sole(agg, shared=259_487):
    p = page("Mitsui & Co., Ltd.", agg, 1.3, shv=shared, shd=shared)
    p.sole_voting = p.sole_dispositive = None
    return p


# CASES: (fail, pass, fail, pass, ...)
CASES["SUM009"] = (lambda: filing(page("Alpha Fund LP", 4_935_312, 5.5, sv=4_862_532, shv=72_760, sd=4_862_532, shd=72_780)),
                   lambda: filing(page("Alpha Fund LP", 4_935_312, 5.5, sv=4_862_532, shv=72_000, sd=4_862_532, shd=72_780)),
                   lambda: filing(page("Alpha Fund LP", 4_935_312, 5.5, sv=4_862_532, shv=27_780, sd=4_862_532, shd=72_780)),
                   # the total itself one digit off: SUM007's
                   lambda: filing(page("Alpha Fund LP", 1_060_000, 5.5, sv=1_000_000, shv=50_000, sd=1_010_000, shd=50_000)))
CASES["SUM010"] = (lambda: filing(_blank_shared(1_062_366)),
                   lambda: filing(_blank_shared(1_000_000)),
                   lambda: filing(_blank_sole(262_082)),
                   # group members each report the group's total
                   lambda: filing(_blank_shared(1_000_000, 400_000), _blank_shared(1_000_000, 600_000, "Alpha Capital LLC", 40)),
                   lambda: filing(_blank_shared(1_000_300, 400_000), _blank_shared(1_000_000, 600_000, "Alpha Capital LLC", 40)),
                   # one member reports the group's total, the other its own holding
                   lambda: filing(_blank_shared(1_000_000, 400_000), page("Alpha Capital LLC", 600_000, 3.3, line=40)))
CASES["SUM011"] = (lambda: filing(_rows_unread("Franklin Resources, Inc.", 10_287_268), _rows_unread("Charles B. Johnson", 10_287_268, 40),
                                  _rows_unread("Rupert H. Johnson, Jr.", 10_287_269, 70)),
                   # a person whose own rows differ holds a different amount
                   lambda: filing(_rows_unread("Franklin Resources, Inc.", 10_287_268), _rows_unread("Charles B. Johnson", 10_287_268, 40),
                                  page("Rupert H. Johnson, Jr.", 10_288_268, 6.3, sv=1_000, shv=10_287_268, sd=1_000,
                                       shd=10_287_268, line=70)),
                   lambda: filing(_rows_unread("Franklin Resources, Inc.", 10_287_268), _rows_unread("Charles B. Johnson", 10_287_268, 40),
                                  _rows_unread("Rupert H. Johnson, Jr.", 10_278_268, 70)),
                   # one other person is no group to differ from
                   lambda: filing(_rows_unread("Franklin Resources, Inc.", 10_287_268), _rows_unread("Rupert H. Johnson, Jr.", 10_287_269, 40)))


def _group(adam_sd, amh_sv=24_900, adam_shv=0, adam_sv=150_000):
    """Three persons reporting the group's 576,927 as row 9 and their own sole power in rows 5-8."""
    return filing(page("AMH Equity LLC", 576_927, 8.68, sv=amh_sv, sd=24_900),
                  page("Leviticus Partners, L.P.", 576_927, 8.68, sv=402_027, sd=402_027, line=40),
                  page("Adam Hutt", 576_927, 8.68, sv=adam_sv, sd=adam_sd, shv=adam_shv, line=70), form="SC 13G")


CASES["SUM012"] = (lambda: _group(150_005),
                   lambda: _group(149_995),  # rows that add up to less: shares without dispositive power
                   lambda: _group(510_000),  # two digits swapped
                   lambda: _group(150_005, amh_sv=25_900),  # the voting rows do not add up either
                   lambda: _group(150_000, adam_sv=150_600),  # the voting rows above the total
                   lambda: _group(150_005, adam_shv=1_000))  # shared power: the rows may overlap


def test_a_draft_with_only_a_title_page_gets_the_required_item_findings():
    """Issue 9: a minimal 13D (title page, no cover page, no CUSIP, no date) passed with exit 0."""
    draft = _with(filing(cusip=None, event=None, signers=[]), format="html")
    found = {(f.rule_id, f.severity) for f in check_filing(draft, CheckOptions()).findings}
    assert {("REQ001", "error"), ("REQ002", "warning"), ("REQ003", "error")} <= found


def _inconclusive_addback(pct_c):
    """Plain reading: A and B imply 20 M outstanding. With each person's own issuable shares
    added back, no two persons agree (A 19.3-19.7 M, B 19.9-20.1 M, C elsewhere): the add-back
    reading is inconclusive, so the plain reading decides about C."""
    return filing(page("A LP", 1_000_000, 5.00, components=[("i", 500_000, False), ("ii", 500_000, True)]),
                  page("B LP", 2_000_000, 10.00, line=40),
                  page("C LP", 3_000_000, pct_c, components=[("i", 1, False), ("ii", 2_999_999, True)], line=70))


CASES["THR001"] = CASES["THR001"] + (lambda: _inconclusive_addback(12.00), lambda: _inconclusive_addback(15.00))


def _xml_title(**fields):
    f = _xml(filing(*clean_pair()))
    f.security_class = TextValue(value="Common Stock", line=6)
    f.issuer_cik = TextValue(value="0000000001", line=4)
    return _with(f, **fields)


CASES["REQ007"] = (lambda: _xml_title(security_class=None), lambda: _xml_title(),
                   lambda: _xml_title(issuer_cik=None), lambda: _with(_xml_title(security_class=None), format="html"))


def test_xml_title_page_message_lists_every_missing_element():
    [f] = [f for f in run(lambda: _xml_title(security_class=None, cusip=None)).findings if f.rule_id == "REQ007"]
    assert f.message == "mandatory XML title-page element(s) absent: securitiesClassTitle, issuerCUSIP"


# -- session 3: filers, signatures, dates (the `statement`, `power_words`, `legal_form` facts) --
def _g(box="Rule 13d-1(c)", cert=None, types=None, **fields):
    from checker.model import Codes, Item
    items = [Item(number="10", text=cert, line=300)] if cert else []
    f = filing(page("Alpha Fund LP", 1_000, 5.5), form="SC 13G", designations=[box] if box else [], items=items)
    if types:
        f.filer_types = Codes(codes=list(types), line=250)
    return _with(f, **fields)


PASSIVE_CERT = "the securities referred to above were not acquired and are not held for the purpose of changing control"
INSTITUTION_CERT = ("the securities referred to above were acquired and are held in the ordinary course of business "
                    "and were not acquired and are not held for the purpose of changing control")


def _item5(text, **page_kw):
    from checker.model import Item
    return filing(page("Alpha Fund LP", 1_000, 5.5, **page_kw), items=[Item(number="5", text=text, line=200)])


CASES["CON009"] = (lambda: _with(filing(*clean_pair()), amends_line=120),
                   lambda: _with(filing(*clean_pair(), form="SC 13D/A", amendment=1), amends_line=120))
CASES["CON010"] = (lambda: (filing(*clean_pair(), event=D(2025, 3, 5)), CheckOptions(filed=D(2025, 3, 4))),
                   lambda: (filing(*clean_pair(), event=D(2025, 3, 5)), CheckOptions(filed=D(2025, 3, 5))))


def _undated():
    f = filing(*clean_pair())
    for s in f.signatures:
        s.date = None
    return f


CASES["CON011"] = (_undated, lambda: filing(*clean_pair()), _undated, lambda: _with(_undated(), format="xml"),
                   _undated, lambda: _with(_undated(), signatures=[]))
CASES["CON012"] = (lambda: _g(box=None, rule_lines=3), lambda: _g(rule_lines=3),
                   lambda: _g(box=None, rule_lines=2), lambda: _g(box=None, rule_lines=0))
CASES["CON013"] = (lambda: _g(box="Rule 13d-1(b)"), lambda: _g(box="Rule 13d-1(b)", types=("IA",)),
                   lambda: _g(box="Rule 13d-1(b)", cert=INSTITUTION_CERT), lambda: _g(box="Rule 13d-1(c)"))
CASES["CON014"] = (lambda: _g(box="Rule 13d-1(b)", cert=PASSIVE_CERT, types=("IA",)),
                   lambda: _g(box="Rule 13d-1(b)", cert=INSTITUTION_CERT, types=("IA",)),
                   lambda: _g(cert=INSTITUTION_CERT), lambda: _g(cert=PASSIVE_CERT),
                   lambda: _g(cert=INSTITUTION_CERT), lambda: _g(cert=INSTITUTION_CERT + ". " + PASSIVE_CERT))
CASES["CON015"] = (lambda: _item5("it may be deemed to have shared voting and dispositive power over them"),
                   lambda: _item5("it has sole power to vote and dispose; shared power to vote: -0-"),
                   lambda: _item5("it shares the power to vote them"),
                   lambda: _item5("it shares the power to vote them", shv=1_000, sv=0),
                   lambda: _item5("it has shared voting power over 500 of them"),
                   lambda: _item5("see the sole or shared power rows of the cover page"),
                   lambda: _item5("it may be deemed to have shared voting and dispositive power over them"),
                   lambda: _item5("it has no shared power over them"))
CASES["CON016"] = (lambda: filing(page("Alpha Fund LP", 1_000, 5.5, types=("CO",))),
                   lambda: filing(page("Alpha Fund LP", 1_000, 5.5, types=("PN",))),
                   lambda: filing(page("Alpha Holdings Inc.", 1_000, 5.5, types=("PN",))),
                   lambda: filing(page("Alpha Holdings Inc.", 1_000, 5.5, types=("CO", "HC"))),
                   lambda: filing(page("Alpha Fund, L.P.", 1_000, 5.5, types=("CO",))),
                   lambda: filing(page("Alpha Fund L.P.", 1_000, 5.5, types=("CO", "PN"))),
                   lambda: filing(page("Alpha Partners Limited Partnership", 1_000, 5.5, types=("CO",))),
                   lambda: filing(page("Alpha Capital LLC", 1_000, 5.5, types=("CO",))))
def _jfa(**fields):
    return _with(filing(*clean_pair()), format="edgar-submission", **fields)


CASES["REQ008"] = (_jfa, lambda: _with(filing(*clean_pair(), named=["Alpha Fund LP", "Alpha Capital LLC"]),
                                       format="edgar-submission"),
                   _jfa, lambda: _jfa(joint_filing_line=210),
                   _jfa, lambda: _with(filing(*clean_pair()), format="text"),
                   _jfa, lambda: _with(filing(*clean_pair(), form="SC 13D/A", amendment=1), format="edgar-submission"),
                   _jfa, lambda: _with(filing(page("Alpha Fund LP", 1_000, 5.5)), format="edgar-submission"))


# In XML a reporting person without a signature is reported even when no one signs (the
# signature elements cannot be missed); in text the parser may miss a whole signature page.
CASES["CON004"] = CASES["CON004"] + (lambda: _xml(filing(*clean_pair(), signers=[])),
                                     lambda: filing(*clean_pair(), signers=[]))


def _ciks(subject, filer):
    return _with(filing(*clean_pair()), header_subject_cik=TextValue(value=subject, line=20),
                 header_filer_cik=TextValue(value=filer, line=30))


CASES["IDN006"] = (lambda: _ciks("0000025445", "25445"), lambda: _ciks("0000025445", "0000012345"))


CASES["CON017"] = (lambda: _with(filing(*clean_pair()), signature_slots=[(402, 0)]),
                   lambda: _with(filing(*clean_pair()), signature_slots=[(402, 6)]),
                   lambda: _with(filing(*clean_pair()), signature_slots=[(400, 6), (402, 0)]),
                   lambda: _with(filing(*clean_pair()), signature_slots=[(402, 0)], format="xml"))


def _institution(pct, event=D(2020, 12, 31), box="Rule 13d-1(b)", form="SC 13G", **kw):
    return filing(page("Alpha Fund LP", 1_000, pct), form=form, designations=[box], event=event, **kw)


# 13d-1(b) original above 10% at 31 Dec 2020: due Mon 11 Jan 2021 (10 Jan is a Sunday); from
# 30 Sep 2024, 5 business days after the month end (31 Dec 2025 -> Thu 8 Jan 2026).
CASES["DLN004"] = (lambda: (_institution(12.0), CheckOptions(filed=D(2021, 1, 12))),
                   lambda: (_institution(12.0), CheckOptions(filed=D(2021, 1, 11))),
                   lambda: (_institution(12.0, event=D(2025, 12, 31)), CheckOptions(filed=D(2026, 1, 9))),
                   lambda: (_institution(12.0, event=D(2025, 12, 31)), CheckOptions(filed=D(2026, 1, 8))),
                   lambda: (_institution(12.0), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(10.0), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(12.0), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(12.0, event=D(2020, 12, 30)), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(12.0), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(12.0, box="Rule 13d-1(c)"), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(12.0), CheckOptions(filed=D(2021, 2, 1))),
                   lambda: (_institution(12.0, form="SC 13G/A", amendment=1), CheckOptions(filed=D(2021, 2, 1))))


CASES["REQ009"] = (lambda: _with(filing(*clean_pair(), event=None), event_date_blank=True, event_caption_line=18),
                   lambda: _with(filing(*clean_pair()), event_caption_line=18),
                   lambda: _with(filing(*clean_pair(), event=None), event_date_blank=True, event_caption_line=18),
                   lambda: _with(filing(*clean_pair(), event=None), event_caption_line=18))


CASES["CON018"] = (lambda: _g(eligibility_claim=TextValue(value="13d-1(b)", line=480)),
                   lambda: _g(eligibility_claim=TextValue(value="13d-1(c)", line=480)),
                   lambda: _g(eligibility_claim=TextValue(value="13d-1(c)", line=480), rule_designations=[
                       TextValue(value="Rule 13d-1(b)")]),
                   lambda: _g(box=None))


def _item5_zero(text):
    f = _item5(text)
    f.cover_pages = [page("Alpha Fund LP", 0, 0.0)]
    return f


NOT_ANSWERED = "(a) Not Applicable. (b) Not Applicable. (c) Not Applicable. (d) Not Applicable. (e) Not Applicable."
CASES["REQ010"] = (lambda: _item5(NOT_ANSWERED), lambda: _item5("(a) 1,000 shares (5.5%). (b) sole. (c) None."),
                   lambda: _item5(NOT_ANSWERED), lambda: _with(_item5(NOT_ANSWERED), amendment_no=1, form_type="SC 13D/A"),
                   lambda: _item5(NOT_ANSWERED), lambda: _item5_zero(NOT_ANSWERED))


def _excludes(checked):
    f = _with(filing(*clean_pair()), excludes_note_line=60)
    f.cover_pages[0].excludes_shares = Flag(value=checked, line=21)
    return f


CASES["CON019"] = (lambda: _excludes(False), lambda: _excludes(True),
                   lambda: _excludes(False), lambda: filing(*clean_pair()))


# Item 5 names a person's sole power over a number of shares; the person's own row 7 / 9 says otherwise.
CASES["CON020"] = (lambda: _item5("(b) Alpha Fund LP has the sole power to vote and the sole power to dispose of 600 shares."),
                   lambda: _item5("(b) Alpha Fund LP has the sole power to vote and the sole power to dispose of 1,000 shares."),
                   lambda: _item5("(b) The Reporting Person has sole power to vote 1,500 shares."),
                   lambda: _item5("(b) Neither Alpha Fund LP nor its partners has the sole power to vote 600 shares."))


# A 13G/A with no date of event reporting the holdings at 31 Dec 2022: due Tue 14 Feb 2023.
def _year_end(text):
    from checker.model import Item
    return _institution(6.0, event=None, form="SC 13G/A", amendment=1,
                        items=[Item(number="4", text=text, line=60)])


CASES["DLN005"] = (lambda: (_year_end("the shares held at December 31, 2022"), CheckOptions(filed=D(2023, 2, 15))),
                   lambda: (_year_end("the shares held at December 31, 2022"), CheckOptions(filed=D(2023, 2, 14))),
                   lambda: (_year_end("the shares held at December 31, 2022"), CheckOptions(filed=D(2023, 2, 15))),
                   lambda: (_year_end("based on the shares outstanding as of December 31, 2022"),
                            CheckOptions(filed=D(2023, 2, 15))))


# A 13d-1(c) original, no date of event, percent as of Wed 1 Mar 2023: due Mon 13 Mar 2023 at the latest.
def _as_of(event=None):
    from checker.model import DateValue
    f = _institution(6.0, event=event, box="Rule 13d-1(c)")
    f.percent_as_of = DateValue(value=D(2023, 3, 1), raw="March 1, 2023", line=20)
    return f


CASES["DLN006"] = (lambda: (_as_of(), CheckOptions(filed=D(2023, 3, 14))),
                   lambda: (_as_of(), CheckOptions(filed=D(2023, 3, 13))),
                   lambda: (_as_of(), CheckOptions(filed=D(2023, 3, 14))),
                   lambda: (_as_of(event=D(2023, 3, 10)), CheckOptions(filed=D(2023, 3, 14))))


# Item 5 recites a 5% crossing on Mon 9 Jan 2023 and the first 13D's filing: due Thu 19 Jan 2023
# (10 days); a crossing on Mon 6 Jan 2025: due Mon 13 Jan 2025 (5 business days).
def _recited(filed_on, crossed="January 9, 2023"):
    return _item5(f"(c) On {crossed}, Alpha Fund LP became the beneficial owner of more than five percent of "
                  f"the Common Stock. A Schedule 13D was filed on {filed_on}.")


CASES["DLN007"] = (lambda: _recited("January 20, 2023"), lambda: _recited("January 19, 2023"),
                   lambda: _recited("January 14, 2025", "January 6, 2025"), lambda: _recited("January 13, 2025", "January 6, 2025"),
                   lambda: _recited("March 3, 2025"),
                   lambda: _item5("(c) A Schedule 13D was filed on March 3, 2025."))


# The form's list of the four powers, or a reference to the cover rows, states no power held.
CASES["CON015"] = CASES["CON015"] + (
    lambda: _item5("it may be deemed to have shared voting and dispositive power over them"),
    lambda: _item5("the number of shares as to which it has sole power to vote, shared power to vote, sole power "
                   "to dispose or shared power to dispose is set forth in rows 7 to 10"),
    lambda: _item5("it may be deemed to have shared voting and dispositive power over them"),
    lambda: _item5("(ii) Shared power to vote or to direct the vote: See row 8 of the cover page"))


def _breakdown(second: str):
    from checker.model import Item
    text = (f"Alpha Fund LP beneficially owns 1,000,000 shares of Common Stock, consisting of (i) 600,000 shares "
            f"held directly and (ii) {second} shares issuable upon exercise of warrants.")
    return filing(*clean_pair(), items=[Item(number="5", line=300, text=text)])


CASES["SUM008"] = (lambda: _breakdown("400,002"), lambda: _breakdown("400,000"))


def _group_item4(shares):
    """13G Item 4 printed once (no person named) for a fund (1,000,000) and its manager (1,500,000)."""
    fund, manager = clean_pair()
    manager.aggregate = amount(1_500_000, line=50)
    held = ItemHolding(item="4", person=None, aggregate=amount(shares, line=300), line=299)
    return _with(filing(fund, manager, form="SC 13G"), item_holdings=[held])


CASES["CON021"] = (lambda: _group_item4(1_500_900), lambda: _group_item4(1_500_000),
                   lambda: _group_item4(2_400_000), lambda: _group_item4(2_500_000))


def _group_power(shares):
    """13D Item 5 for the Reporting Persons together: the fund's shared voting power 0, the
    manager's 1,000,000; the group's shared voting power stated once."""
    fund, manager = clean_pair()
    fund.shared_voting = amount(0, line=30)
    manager.shared_voting = amount(1_000_000, line=60)
    held = ItemHolding(item="5", person=None, shared_voting=amount(shares, line=300), line=299)
    return _with(filing(fund, manager), item_holdings=[held])


CASES["CON021"] += (lambda: _group_power(1_000_700), lambda: _group_power(1_000_000))


def _group_power_blank_row(shares):
    """13G Item 4 printed once for three persons: sole voting 1,000,000 and 500,000, the third
    person's row 11 0 and its power rows blank ('-'): that row is 0 (no power exceeds row 11)."""
    from tests.filing_builder import page
    fund, manager = clean_pair()
    manager.sole_voting = amount(500_000, line=46)
    manager.aggregate = amount(1_500_000, line=50)
    idle = page("Alpha Offshore Ltd", 0, 0.0, line=70)
    idle.sole_voting = None
    held = ItemHolding(item="4", person=None, sole_voting=amount(shares, line=300), line=299)
    return _with(filing(fund, manager, idle, form="SC 13G"), item_holdings=[held])


CASES["CON021"] += (lambda: _group_power_blank_row(1_500_001), lambda: _group_power_blank_row(1_500_000))


def _part(shares):
    """13D Item 5: 'Alpha Capital LLC directly owns N shares', its row 11 1,000,000."""
    fund, manager = clean_pair()
    part = ItemHolding(item="5", person=manager.name.value, aggregate=amount(shares, line=300), line=299)
    return _with(filing(fund, manager), item_parts=[part])


CASES["CON022"] = (lambda: _part(1_000_001), lambda: _part(1_000_000), lambda: _part(2_000_000), lambda: _part(400_000))


def _legal_box(checked, item2):
    """A 13D whose first cover page's row 5 box is checked (or not), with Item 2's text."""
    from checker.model import Item
    fund, manager = clean_pair()
    fund.legal_proceedings = Flag(value=checked, raw="(X)" if checked else "[ ]", line=28)
    return _with(filing(fund, manager), items=[Item(number="2", line=82, text=item2, text_lines=[84, 85])])


_NONE = "(d) Criminal Conviction: Not Applicable.\n(e) Civil Proceedings: None."
CASES["CON023"] = (lambda: _legal_box(True, _NONE), lambda: _legal_box(False, _NONE),
                   lambda: _legal_box(True, "(d)-(e) None of the Reporting Persons has been convicted or a party to such a proceeding."),
                   lambda: _legal_box(True, "(d) None.\n(e) Except as set forth in Schedule A, none."),
                   # every person's (d) and (e) say none: fires; one person's (d) of two discloses: passes
                   lambda: _legal_box(True, _NONE + "\n" + _NONE),
                   lambda: _legal_box(True, _NONE + "\n(d) In 2019 a Reporting Person was convicted of fraud.\n(e) None."))


# CASES[code] = (fail, pass[, fail, pass, ...]): even positions must fire, odd ones must not.
FAILING = [(code, n) for code in sorted(CASES) for n in range(0, len(CASES[code]), 2)]
PASSING = [(code, n) for code in sorted(CASES) for n in range(1, len(CASES[code]), 2)]


@pytest.mark.parametrize("code,n", FAILING)
def test_rule_fails(code, n):
    result = run(CASES[code][n])
    assert code in {f.rule_id for f in result.findings}, [f"{f.rule_id}: {f.message}" for f in result.findings]


@pytest.mark.parametrize("code,n", PASSING)
def test_rule_passes(code, n):
    result = run(CASES[code][n])
    hits = [f.message for f in result.findings if f.rule_id == code]
    assert not hits


def test_a_name_variant_is_reported_under_the_cover_page_name():
    [f] = [f for f in run(CASES["CON002"][0]).findings if f.rule_id == "CON002"]
    assert (f.person, f.line) == ("Alpha Fund LP", 450)
    assert f.message == "named 'Alpha Funds LP' in the joint filing agreement, which differs from the cover page name"


