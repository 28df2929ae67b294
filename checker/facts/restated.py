"""Cover-page figures that 13G Item 4 or 13D Item 5(a) state again in words.

The parser reads the item's figures into ``Filing.item_holdings`` only where they are stated
once and about one person; here each figure is paired with the same person's cover row. A
percent becomes the interval its printed digits allow, so '5.3' and '5.26' are the same
figure and '8.2' (truncated) fits '8.26'; share counts are compared exactly.
"""
from __future__ import annotations

from decimal import Decimal

from checker.facts.common import fmt_shares, named_pages, page_for
from checker.facts.holdings import pct_text
from checker.model import Filing, ItemHolding, Percent

AMOUNT_FIELDS = {"aggregate": "aggregate amount", "sole_voting": "sole voting power",
                 "shared_voting": "shared voting power", "sole_dispositive": "sole dispositive power",
                 "shared_dispositive": "shared dispositive power"}


def restated_facts(filing: Filing) -> list[dict]:
    facts = []
    for held in filing.item_holdings:
        page = _page_about(filing, held)
        if page is None:
            continue  # the item names nobody the cover pages know: nothing to compare with
        base = {"t": "restated", "person": page.name.value, "item": held.item,
                "line": held.line, "evidence": None}
        for key, what in AMOUNT_FIELDS.items():
            cover, item = getattr(page, key), getattr(held, key)
            if cover is not None and item is not None:
                facts.append({**base, "what": what, "cover_s": fmt_shares(cover.shares),
                              "item_s": fmt_shares(item.shares), "cover_line": cover.line,
                              "cover_lo": cover.shares, "cover_hi": cover.shares,
                              "item_lo": item.shares, "item_hi": item.shares,
                              "line": item.line or held.line, "evidence": item.raw[:500] or None,
                              "key": f"restated:{held.item}:{key}"})
        if page.percent is not None and held.percent is not None:
            (clo, chi), (ilo, ihi) = _spans(page.percent, held.percent)
            facts.append({**base, "what": "percent of class", "cover_s": pct_text(page.percent),
                          "item_s": pct_text(held.percent), "cover_line": page.percent.line,
                          "cover_lo": clo, "cover_hi": chi, "item_lo": ilo, "item_hi": ihi,
                          "line": held.percent.line or held.line,
                          "evidence": held.percent.raw[:500] or None,
                          "key": f"restated:{held.item}:percent"})
    return facts


def _page_about(filing: Filing, held: ItemHolding):
    if held.person:
        return page_for(filing, held.person)
    pages = named_pages(filing)
    return pages[0] if len(pages) == 1 else None  # one person: the item can only be about it


def _spans(cover: Percent, item: Percent) -> tuple[tuple[float, float], tuple[float, float]]:
    """Printed to the same precision, the two are one figure and must be equal (5.22 and 5.23
    differ); printed to different precisions, each stands for the interval its digits allow."""
    if cover.decimals == item.decimals:
        return (float(cover.value),) * 2, (float(item.value),) * 2
    return _span(cover), _span(item)


def _span(percent: Percent) -> tuple[float, float]:
    unit = Decimal(1).scaleb(-percent.decimals)
    return float(percent.value - unit / 2), float(percent.value + unit)
