"""Cover-page figures that 13G Item 4 or 13D Item 5(a) state again in words.

The parser reads the item's figures into ``Filing.item_holdings`` only where they are stated
once and about one person; here each figure is paired with the same person's cover row. A
percent becomes the interval its printed digits allow, so '5.3' and '5.26' are the same
figure and '8.2' (truncated) fits '8.26'; share counts are compared exactly.
"""
from __future__ import annotations

from decimal import Decimal

from checker.facts.common import fmt_shares, named_pages, page_for
from checker.facts.holdings import digit_distance, pct_text
from checker.model import Filing, ItemHolding, Percent

AMOUNT_FIELDS = {"aggregate": "aggregate amount", "sole_voting": "sole voting power",
                 "shared_voting": "shared voting power", "sole_dispositive": "sole dispositive power",
                 "shared_dispositive": "shared dispositive power"}


def restated_facts(filing: Filing) -> list[dict]:
    facts = []
    for held in filing.item_holdings:
        for page, fields in _pages_about(filing, held):
            facts += _pair_facts(held, page, fields)
        facts += _group_facts(filing, held)
    for part in filing.item_parts:
        facts += _part_facts(filing, part)
    return facts


def _part_facts(filing: Filing, part: ItemHolding) -> list[dict]:
    """Shares the item says the person holds as a part of its holding (directly, of record, by
    a power over them) beside the person's row 11: a ``held_part`` fact for the rule to compare
    (a part is beneficially owned, so it cannot exceed the row)."""
    page = page_for(filing, part.person) if part.person else None
    item = part.aggregate
    if page is None or page.aggregate is None or item is None \
            or not (_exact(item.shares) and _exact(page.aggregate.shares)):
        return []
    return [{"t": "held_part", "person": page.name.value, "item": part.item,
             "part_s": fmt_shares(item.shares), "part_n": item.shares,
             "cover_s": fmt_shares(page.aggregate.shares), "cover_n": page.aggregate.shares,
             "cover_line": page.aggregate.line, "line": item.line or part.line,
             "evidence": item.raw[:500] or None, "key": f"held_part:{part.item}:{item.shares}"}]


def _group_facts(filing: Filing, held: ItemHolding) -> list[dict]:
    """An amount the item states once for no one in particular (13G Item 4 printed once for
    several persons whose covers differ; Item 5 about 'the Reporting Persons'): whichever
    person or persons it speaks of, it is one person's row or the combined holding of some
    of them. A ``group_figure`` fact gives the figure and the closest such row or sum (the
    catalogue compares them), named for the person whose row is closest to it (which row it should have been the figures cannot tell). The aggregate
    (row 11) and, where the item states them, the four powers (rows 7 to 10), each alone:
    a group's shared voting power is some member's row 8 or the sum of some members' rows."""
    if held.person:
        return []
    rows = _GROUP_ROWS_13G if filing.schedule == "13G" else _GROUP_ROWS_13D
    facts = []
    for key, row in rows.items():
        facts += _group_field(filing, held, key, row)
    return facts


_GROUP_ROWS_13D = {"aggregate": "row 11", "sole_voting": "row 7", "shared_voting": "row 8",
                   "sole_dispositive": "row 9", "shared_dispositive": "row 10"}
_GROUP_ROWS_13G = {"aggregate": "row 9", "sole_voting": "row 5", "shared_voting": "row 6",
                   "sole_dispositive": "row 7", "shared_dispositive": "row 8"}


def _group_field(filing: Filing, held: ItemHolding, key: str, row: str) -> list[dict]:
    item = getattr(held, key)
    if item is None or not _exact(item.shares):
        return []
    # A power row left blank ('-' unread) on a page whose row 11 is 0 is 0: shares a person has
    # any power over are shares it beneficially owns (Rule 13d-3(a)), so no power exceeds row 11.
    named = named_pages(filing)
    zero = [p for p in named if getattr(p, key) is None and p.aggregate is not None and p.aggregate.shares == 0]
    pages = [p for p in named if getattr(p, key) is not None]
    if len(pages) + len(zero) != len(named) or len(pages) < 2 or _agree(pages, key):
        return []
    rows = [getattr(p, key).shares for p in pages]
    if not all(_exact(r) for r in rows):
        return []
    sums = _subset_sums(rows)
    if sums is None:
        return []
    closest = min(sums, key=lambda s: (abs(s - item.shares), s))  # the item's figure itself where it is one
    near = min(pages, key=lambda p: (digit_distance(getattr(p, key).shares, item.shares)[0],
                                     abs(getattr(p, key).shares - item.shares)))
    cover = getattr(near, key)
    what = "the amount beneficially owned" if key == "aggregate" else f"the {AMOUNT_FIELDS[key]}"
    suffix = "" if key == "aggregate" else f":{key}"
    return [{"t": "group_figure", "person": near.name.value, "item": held.item, "what": what,
             "row": row, "item_n": item.shares, "closest_n": closest,
             "item_s": fmt_shares(item.shares), "cover_s": fmt_shares(cover.shares),
             "cover_line": cover.line, "persons": len(pages),
             "rows_s": ", ".join(sorted({fmt_shares(r) for r in rows})),
             "line": item.line or held.line, "evidence": item.raw[:500] or None,
             "key": f"group_figure:{held.item}:{item.shares}{suffix}"}]


def _exact(shares) -> bool:
    """A whole count or a Decimal printed with its fraction (EDGAR XML's two decimals): sums
    of these are exact."""
    return isinstance(shares, (int, Decimal)) and not isinstance(shares, bool)


def _subset_sums(values: list[int], cap: int = 50000) -> set[int] | None:
    """Every sum of one or more of the values (None where there are too many to list)."""
    sums: set[int] = set()
    for v in values:
        sums |= {s + v for s in sums} | {v}
        if len(sums) > cap:
            return None
    return sums


def _pair_facts(held: ItemHolding, page, fields: set[str]) -> list[dict]:
    facts = []
    base = {"t": "restated", "person": page.name.value, "item": held.item,
            "line": held.line, "evidence": None}
    for key, what in AMOUNT_FIELDS.items():
        cover, item = getattr(page, key), getattr(held, key)
        if key in fields and cover is not None and item is not None:
            facts.append({**base, "what": what, "cover_s": fmt_shares(cover.shares),
                          "item_s": fmt_shares(item.shares), "cover_line": cover.line,
                          "cover_lo": cover.shares, "cover_hi": cover.shares,
                          "item_lo": item.shares, "item_hi": item.shares,
                          "line": item.line or held.line, "evidence": item.raw[:500] or None,
                          "key": f"restated:{held.item}:{key}"})
    if "percent" in fields and page.percent is not None and held.percent is not None:
        (clo, chi), (ilo, ihi) = _spans(page.percent, held.percent)
        facts.append({**base, "what": "percent of class", "cover_s": pct_text(page.percent),
                      "item_s": pct_text(held.percent), "cover_line": page.percent.line,
                      "cover_lo": clo, "cover_hi": chi, "item_lo": ilo, "item_hi": ihi,
                      "line": held.percent.line or held.line,
                      "evidence": held.percent.raw[:500] or None,
                      "key": f"restated:{held.item}:percent"})
    return facts


_ALL_FIELDS = {*AMOUNT_FIELDS, "percent"}


def _pages_about(filing: Filing, held: ItemHolding) -> list[tuple[object, set[str]]]:
    """The cover pages a holding is about, each with the fields to compare. A holding of one
    person compares every field; with several persons and a single Item 4 for all of them
    (the item names nobody), a field is compared only where every cover page states the same
    figure for it: whichever person the item speaks of, that is its figure."""
    if held.person:
        page = page_for(filing, held.person)
        return [(page, _ALL_FIELDS)] if page is not None else []
    pages = named_pages(filing)
    if len(pages) == 1:
        return [(pages[0], _ALL_FIELDS)]  # one person: the item can only be about it
    # A figure for the persons together that is the sum of their rows (each holds its own
    # shares) is the group's total, not a figure to compare with each row.
    fields = {f for f in _ALL_FIELDS if _agree(pages, f) and not _is_sum(pages, held, f)}
    return [(p, fields) for p in pages] if fields else []


def _is_sum(pages, held: ItemHolding, field: str) -> bool:
    item = getattr(held, field)
    if item is None:
        return False
    if field == "percent":
        total = sum(p.percent.value for p in pages)
        return abs(item.value - total) <= Decimal("0.5") * Decimal(10) ** -min(item.decimals, 2) * len(pages)
    return item.shares == sum(getattr(p, field).shares for p in pages)


def _agree(pages, field: str) -> bool:
    values = [getattr(p, field) for p in pages]
    if any(v is None for v in values):
        return False
    if field == "percent":
        return len({(v.value, v.decimals) for v in values}) == 1
    return len({v.shares for v in values}) == 1


def _spans(cover: Percent, item: Percent) -> tuple[tuple[float, float], tuple[float, float]]:
    """Printed to the same precision, the two are one figure and must be equal (5.22 and 5.23
    differ); printed to different precisions, each stands for the interval its digits allow."""
    if cover.decimals == item.decimals:
        return (float(cover.value),) * 2, (float(item.value),) * 2
    return _span(cover), _span(item)


def _span(percent: Percent) -> tuple[float, float]:
    unit = Decimal(1).scaleb(-percent.decimals)
    return float(percent.value - unit / 2), float(percent.value + unit)
