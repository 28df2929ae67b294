"""Power rows against row 11 where the plain totals say nothing: a row of a two-row total that
misses, by one digit, the figure that would make the total the aggregate; an aggregate above the
rows read beside blank rows; one person's aggregate one digit from the figure its peers report
on otherwise identical cover pages.

Each fact states arithmetic over what the filing prints; the catalogue (rules/sums.yaml) decides.
"""
from __future__ import annotations

from collections import Counter

from checker.facts.common import fmt_shares, named_pages
from checker.model import CoverPage, Filing
from checker.parse.labels import POWER_KEYS, ROW_NUMBER, ROW_TITLE

_TOTALS = {"voting": ("sole_voting", "shared_voting"), "dispositive": ("sole_dispositive", "shared_dispositive")}


def digit_distance(a: int, b: int) -> tuple[int, bool]:
    """How many digit positions differ between two numbers of the same length (99 for different
    lengths), and whether they differ by two adjacent digits swapped (14,720,000 / 14,270,000)."""
    sa, sb = str(a), str(b)
    if len(sa) != len(sb):
        return 99, False
    diff = [i for i, (x, y) in enumerate(zip(sa, sb)) if x != y]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and sa[diff[0]] == sb[diff[1]] and sa[diff[1]] == sb[diff[0]]
    return len(diff), swapped


def _whole(amount) -> bool:
    return amount is not None and isinstance(amount.shares, int)


# ------------------------------------------------------------------ a row of a two-row total

def row_fit(page: CoverPage, schedule: str, kind: str) -> dict:
    """For a voting (or dispositive) total of two non-zero rows, each row against its balance:
    row 11 less the other row, the figure that would make the total equal row 11. Fields for the
    'power_total' fact: the fewest digits by which a row misses its balance, and the rows that
    miss it by that many. None where a row is blank, zero or fractional."""
    agg = page.aggregate
    rows = [getattr(page, k) for k in _TOTALS[kind]]
    if not _whole(agg) or not all(_whole(r) and r.shares > 0 for r in rows):
        return {"rows_nonzero": sum(1 for r in rows if r is not None and r.shares)}
    fits = []
    for n, (key, row) in enumerate(zip(_TOTALS[kind], rows)):
        balance = agg.shares - rows[1 - n].shares
        if balance <= 0 or balance == row.shares:
            continue
        apart, swapped = digit_distance(row.shares, balance)
        fits.append((1 if swapped else apart, swapped, key, row, balance))
    if not fits:
        return {"rows_nonzero": 2}
    least = min(f[0] for f in fits)
    closest = [f for f in fits if f[0] == least]
    return {"rows_nonzero": 2, "row_digits_apart": least, "row_swapped": any(f[1] for f in closest),
            "row_fixes": " or ".join(f"row {ROW_NUMBER[schedule][key]} ({ROW_TITLE[key]}) {fmt_shares(row.shares)} "
                                     f"would be {fmt_shares(balance)}" for _, _, key, row, balance in closest)}


# ------------------------------------------------------------------ blank rows beside row 11

def partial_power_facts(filing: Filing, schedule: str, class_of) -> list[dict]:
    """A cover page with one or more power rows blank (label printed, no value) and none unread, and
    at least one row of each kind read: row 11 against the voting and dispositive rows read
    (a blank row adds nothing), with what could account for a larger row 11 in a joint filing:
    how many other persons report the same aggregate, and the voting and dispositive rows of
    every person of the class added up (a group's members may each report the group's total)."""
    numbers = ROW_NUMBER[schedule]
    pages = named_pages(filing)
    facts = []
    for page in pages:
        agg = page.aggregate
        if not _whole(agg) or agg.shares <= 0:
            continue
        rows = {k: getattr(page, k) for k in POWER_KEYS}
        blank = [k for k in POWER_KEYS if rows[k] is None]
        if not blank or any(numbers[k] in page.unread_rows or numbers[k] not in page.rows_seen for k in blank):
            continue  # every row read ('powers' fact), or a row unread or its label not found: a parse finding
        if any(r is not None and not _whole(r) for r in rows.values()):
            continue
        totals = {kind: [rows[k].shares for k in keys if rows[k] is not None] for kind, keys in _TOTALS.items()}
        if not all(totals.values()):
            continue  # no row of one kind read: nothing to compare that kind with
        mine = class_of(page)
        peers = [p for p in pages if p is not page and class_of(p) == mine]
        group = {kind: sum(_read_total(p, keys) for p in [page, *peers]) for kind, keys in _TOTALS.items()}
        voting, dispositive = sum(totals["voting"]), sum(totals["dispositive"])
        facts.append({"t": "powers_partial", "person": page.name.value, "agg": agg.shares, "agg_s": fmt_shares(agg.shares),
                      "voting": voting, "voting_s": fmt_shares(voting),
                      "dispositive": dispositive, "dispositive_s": fmt_shares(dispositive),
                      "blank": ", ".join(f"{numbers[k]} ({ROW_TITLE[k]})" for k in blank),
                      "same_agg": sum(1 for p in peers if _whole(p.aggregate) and p.aggregate.shares == agg.shares),
                      "group_voting": group["voting"], "group_dispositive": group["dispositive"],
                      "line": agg.line, "key": "powers_partial"})
    return facts


def _read_total(page: CoverPage, keys) -> int:
    return sum(getattr(page, k).shares for k in keys if _whole(getattr(page, k)))


# ------------------------------------------------------------------ one person against its peers

def peer_aggregate_facts(filing: Filing, class_of) -> list[dict]:
    """Each person's aggregate against a different aggregate that two or more other persons of
    the same class report alike (a parent and its subsidiaries, a fund, its general partner and
    their managers): how far apart the two are in digits and shares, and in how many of the other
    figures of the page (rows 7-10 and the percent) the person differs from those persons."""
    pages = [p for p in named_pages(filing) if _whole(p.aggregate) and p.aggregate.shares > 0]
    facts = []
    for page in pages:
        mine = class_of(page)
        others = [p for p in pages if p is not page and class_of(p) == mine]
        counts = Counter(p.aggregate.shares for p in others)
        agg = page.aggregate.shares
        for figure, n in sorted(counts.items()):
            if n < 2 or figure == agg:
                continue
            peers = [p for p in others if p.aggregate.shares == figure]
            apart, swapped = digit_distance(agg, figure)
            differ = sum(1 for key in (*POWER_KEYS, "percent")
                         if any(_figure(page, key) != _figure(p, key) for p in peers))
            facts.append({"t": "peer_aggregate", "person": page.name.value, "agg": agg, "agg_s": fmt_shares(agg),
                          "peer_agg": figure, "peer_agg_s": fmt_shares(figure), "peers": n,
                          "peer_names": ", ".join(p.name.value for p in peers),
                          "digits_apart": apart, "swapped": swapped, "diff": agg - figure,
                          "rows_differ": differ, "line": page.aggregate.line, "key": f"peer_aggregate:{figure}"})
    return facts


def _figure(page: CoverPage, key: str):
    value = getattr(page, key)
    if value is None:
        return None
    return value.value if key == "percent" else value.shares


# ------------------------------------------------------------------ a group's rows against its total

def group_row_facts(filing: Filing, schedule: str, class_of) -> list[dict]:
    """A joint filing whose persons (two or more, one class) all report the same aggregate and
    sole power only (every shared row 0 or blank, every sole row read): each person's voting and
    dispositive rows added over the persons, against that aggregate. For each kind whose rows do
    not add up to it, each person whose row of that kind differs from its own row of the other
    kind, with the row's balance (the aggregate less the other persons' rows of that kind: the
    figure that would make them add up) and how far apart the two are in digits."""
    groups: dict[str, list[CoverPage]] = {}
    for page in named_pages(filing):
        groups.setdefault(class_of(page), []).append(page)
    facts = []
    for pages in groups.values():
        if len(pages) < 2 or not _sole_only_group(pages, schedule):
            continue
        agg = pages[0].aggregate.shares
        sums = {kind: sum(getattr(p, keys[0]).shares for p in pages) for kind, keys in _TOTALS.items()}
        for kind, other in (("voting", "dispositive"), ("dispositive", "voting")):
            if sums[kind] == agg:
                continue
            key, other_key = _TOTALS[kind][0], _TOTALS[other][0]
            for page in pages:
                row, own_other = getattr(page, key), getattr(page, other_key)
                balance = agg - (sums[kind] - row.shares)
                if row.shares == own_other.shares or balance < 0:
                    continue
                apart, swapped = digit_distance(row.shares, balance)
                facts.append({"t": "group_row", "person": page.name.value, "kind": kind, "other": other,
                              "row": ROW_NUMBER[schedule][key], "title": ROW_TITLE[key],
                              "shares": row.shares, "shares_s": fmt_shares(row.shares),
                              "balance": balance, "balance_s": fmt_shares(balance),
                              "agg": agg, "agg_s": fmt_shares(agg), "persons": len(pages),
                              "sum": sums[kind], "sum_s": fmt_shares(sums[kind]), "other_sum": sums[other],
                              "digits_apart": apart, "swapped": swapped,
                              "line": row.line or page.line, "key": f"group_row:{kind}"})
    return facts


def _sole_only_group(pages: list[CoverPage], schedule: str) -> bool:
    first = pages[0].aggregate
    if not _whole(first) or first.shares <= 0:
        return False
    for page in pages:
        if not _whole(page.aggregate) or page.aggregate.shares != first.shares:
            return False
        if not all(_whole(getattr(page, keys[0])) for keys in _TOTALS.values()):
            return False
        for keys in _TOTALS.values():
            shared = getattr(page, keys[1])
            if shared is None and ROW_NUMBER[schedule][keys[1]] in page.unread_rows:
                return False  # an unread shared row: it may hold shares
            if shared is not None and shared.shares != 0:
                return False
    return True
