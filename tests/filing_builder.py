"""Small synthetic filings for rule tests: each case changes one thing on a clean filing."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from checker.model import (Amount, Codes, Component, CoverPage, DateValue, DefaultClause, Filing, Flag,
                           NameRef, ParseIssue, Percent, Signature, TextValue)

ALL_13D_ROWS = list(range(1, 15))


def amount(shares, components=(), owners=(), line=20):
    if shares is None:
        return None
    comps = [Component(label=label, shares=n, issuable=issuable) for label, n, issuable in components]
    return Amount(shares=shares, raw=f"{shares:,}", line=line, components=comps, owners=list(owners))


def page(name, agg, pct, *, index=0, sv=None, shv=0, sd=None, shd=0, components=(), owners=(),
         funds=("WC",), types=("PN",), group=None, irs=None, cusip="037833100", decimals=2,
         rows=None, line=10):
    sv = agg if sv is None else sv
    sd = agg if sd is None else sd
    return CoverPage(
        index=index, line=line, name=TextValue(value=name, line=line), group_box=group, group_line=line + 1,
        irs_number=TextValue(value=irs, line=line) if irs else None,
        cusip=TextValue(value=cusip, line=line - 1) if cusip else None,
        source_of_funds=Codes(codes=list(funds), raw=" ".join(funds), line=line + 3),
        legal_proceedings=Flag(value=False, line=line + 4), citizenship=TextValue(value="Delaware", line=line + 5),
        sole_voting=amount(sv, line=line + 6),
        shared_voting=amount(shv, line=line + 7),
        sole_dispositive=amount(sd, line=line + 8),
        shared_dispositive=amount(shd, line=line + 9),
        aggregate=amount(agg, components, owners, line=line + 10),
        excludes_shares=Flag(value=False, line=line + 11),
        percent=Percent(value=Decimal(str(pct)), decimals=decimals, raw=f"{pct}%", line=line + 12)
        if pct is not None else None,
        type_codes=Codes(codes=list(types), raw=" ".join(types), line=line + 13),
        rows_seen=list(rows if rows is not None else ALL_13D_ROWS))


def filing(*pages, form="SC 13D", amendment=None, cusip="037833100", event=dt.date(2025, 3, 3),
           signers=None, named=(), clauses=(), items=(), issues=(), schedule=None, designations=()):
    pages = list(pages)
    for n, p in enumerate(pages):
        p.index = n
    signers = [p.name.value for p in pages] if signers is None else signers
    return Filing(
        path="synthetic.txt", schedule=schedule or ("13G" if "13G" in form else "13D"), form_type=form,
        form_type_line=3, amendment_no=amendment, issuer=TextValue(value="Example Corp", line=5),
        cusip=TextValue(value=cusip, line=8) if cusip else None,
        event_date=DateValue(value=event, line=12) if event else None,
        cover_pages=pages,
        signatures=[Signature(name=s, signer=s, date=DateValue(value=event or dt.date(2025, 3, 3)), line=400)
                    for s in signers],
        named_persons=[NameRef(name=s, source="signature", line=400) for s in signers]
        + [NameRef(name=n, source="joint-filing-agreement", line=450) for n in named],
        default_clauses=list(clauses), items=list(items), issues=list(issues),
        rule_designations=[TextValue(value=d) for d in designations])


def clean_pair():
    """Two joint filers, consistent in every respect: a fund and its manager."""
    fund = page("Alpha Fund LP", 1_000_000, 5.5)
    manager = page("Alpha Capital LLC", 1_000_000, 5.5, types=("OO",), funds=("AF",), owners=["Alpha Fund LP"],
                   line=40)
    return fund, manager


def clause(kind, line=300, **kw):
    return DefaultClause(kind=kind, text=f"{kind} text", line=line, **kw)


def issue(kind, message="x"):
    return ParseIssue(kind=kind, message=message, line=7)
