"""The defects. Each operator plants ONE defect by editing the raw file's text, at the place
the parser says the value is (its line numbers), and says how to tell that the edit landed
(the mutant's parse shows the planted value). Where an operator does not apply to a file it
says why (a Skip), so the table can tell "not applicable" from "missed".
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from checker import calendar as cal
from checker import identifiers as ids
from checker.model import CoverPage, Filing
from checker.names import same_person
from checker.pipeline import CheckOptions

from .locate import (Raw, Span, find_box, find_name, find_number, find_numbers, number_tokens, sentence_before,
                     signature_floor)
from .observable import (AMENDMENT_UNOBSERVABLE, PCT_GROUP_UNOBSERVABLE, PCT_UNOBSERVABLE, POWER_UNOBSERVABLE,
                         amendment_seen, pct_seen_by, power_seen_by, visible_text)

POWER_FIELDS = ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive")
NEW_13D = dt.date(2024, 2, 5)
NEW_13G = dt.date(2024, 9, 30)


@dataclass
class Ctx:
    rel: str  # the file's path relative to the corpus root (seeds the choices)
    data: bytes
    raw: Raw
    filing: Filing
    fmt: str  # text | html | xml
    seed: int

    def rng(self, op: str) -> random.Random:
        return random.Random(f"{self.seed}:{self.rel}:{op}")

    @property
    def pages(self) -> list[CoverPage]:
        return [p for p in self.filing.cover_pages if p.name is not None]


@dataclass
class Mutant:
    op: str
    data: bytes
    note: str  # what changed, for the diagnosis
    verify: Callable[[Filing], str | None]  # None when the planted value is what the parser reads
    categories: frozenset[str]
    person: str | None = None
    also_person: tuple[str, ...] = ()  # other names the finding may carry (a renamed signatory)
    rules: frozenset[str] | None = None  # when set, the new finding must be one of these rules
    tags: tuple[str, ...] = ()  # sub-groups for the report (persons, convertible, regime, ...)
    line: int | None = None
    options: CheckOptions | None = None
    baseline_options: CheckOptions | None = None


@dataclass
class Skip:
    op: str
    reason: str
    tags: tuple[str, ...] = ()
    unobservable: bool = False  # the planted figure could not be seen by any reader (observable.py)


Result = list  # of Mutant | Skip


# ---------------------------------------------------------------------------- helpers

def _page_by_name(filing: Filing, name: str) -> CoverPage | None:
    return next((p for p in filing.cover_pages if p.name and p.name.value == name), None)


def _digit_change(token: str, rng: random.Random) -> str:
    """One digit of the token typed wrong (a leading digit never becomes 0)."""
    pos = [i for i, c in enumerate(token) if c.isdigit()]
    i = rng.choice(pos)
    lead = i == pos[0] and len(pos) > 1
    choices = [d for d in ("123456789" if lead else "0123456789") if d != token[i]]
    return token[:i] + rng.choice(choices) + token[i + 1:]


def _material_digit_change(token: str, rng: random.Random) -> str:
    """One of the two leading digits typed wrong, so that the count moves by 5 % or more:
    a typo in the last digits changes no printed percent and no reviewer could see it."""
    pos = [i for i, c in enumerate(token) if c.isdigit()][:2]
    old = int(token.replace(",", ""))
    choices = [(i, d) for i in pos for d in ("123456789" if i == pos[0] else "0123456789")
               if d != token[i] and abs(int((token[:i] + d + token[i + 1:]).replace(",", "")) - old) >= 0.05 * old]
    i, d = rng.choice(choices)
    return token[:i] + d + token[i + 1:]


def _fmt_like(token: str, n: int) -> str:
    return f"{n:,}" if "," in token else str(n)


def _token_value(token: str) -> Decimal:
    return Decimal(token.replace(",", ""))


def _amount_value(page: CoverPage | None, fld: str):
    a = getattr(page, fld, None) if page else None
    return None if a is None else a.shares


def _expect_amount(name: str, fld: str, new: Decimal) -> Callable[[Filing], str | None]:
    def verify(f: Filing) -> str | None:
        got = _amount_value(_page_by_name(f, name), fld)
        return None if got is not None and Decimal(got) == new else f"mutant parse reads {fld} {got}"
    return verify


def _persons_tag(n: int) -> str:
    return "1 person" if n == 1 else "2 persons" if n == 2 else "3+ persons"


def _nonzero(a) -> bool:
    return a is not None and a.shares != 0 and a.line is not None


# ---------------------------------------------------------------------------- amounts

def _edit_amount(ctx: Ctx, op: str, fld: str, change: Callable[[str, random.Random], str | None],
                 categories: frozenset[str], pages: list[CoverPage] | None = None,
                 seen_by: Callable[[CoverPage, Span, str], str | None] | None = None) -> Result:
    rng = ctx.rng(op)
    pages = [p for p in (pages if pages is not None else ctx.pages) if _nonzero(getattr(p, fld))]
    if not pages:
        return [Skip(op, f"no person with a non-zero {fld} on a known line")]
    page = rng.choice(pages)
    amount = getattr(page, fld)
    span = find_number(ctx.raw, amount.line, number_tokens(amount.shares))
    if span is None:
        return [Skip(op, f"{fld} {amount.shares} not found as printed near line {amount.line}")]
    new = change(span.text, rng)
    if new is None or new == span.text:
        return [Skip(op, f"{fld} {span.text} too small for this change")]
    seen = seen_by(page, span, new) if seen_by else None
    if seen_by and seen is None:
        return [Skip(op, POWER_UNOBSERVABLE, (_persons_tag(len(ctx.pages)),), unobservable=True)]
    name = page.name.value
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new),
                   f"{fld} of {name}: {span.text} -> {new} (line {ctx.raw.line_of(span.start)})",
                   _expect_amount(name, fld, _token_value(new)), categories, person=name,
                   line=ctx.raw.line_of(span.start),
                   tags=(_persons_tag(len(ctx.pages)), "up" if _token_value(new) > _token_value(span.text) else "down")
                   + ((seen,) if seen else ()))]


# A changed cover amount breaks a sum or a percent, or no longer matches the figure Item 4/5
# states for it (CON008, a consistency rule).
SUMS_OR_PCT = frozenset({"sums", "thresholds", "consistency"})


def op_agg_digit(ctx: Ctx) -> Result:
    return _edit_amount(ctx, "agg_digit", "aggregate", _digit_change, SUMS_OR_PCT)


def op_agg_plus1(ctx: Ctx) -> Result:
    def plus1(tok, _rng):
        if "." in tok:
            return None
        return _fmt_like(tok, int(tok.replace(",", "")) + 1)
    return _edit_amount(ctx, "agg_plus1", "aggregate", plus1, SUMS_OR_PCT)


def op_agg_plus1pct(ctx: Ctx) -> Result:
    def plus1pct(tok, _rng):
        if "." in tok:
            return None
        n = int(tok.replace(",", ""))
        m = round(n * 1.01)
        return _fmt_like(tok, m) if m != n else None
    return _edit_amount(ctx, "agg_plus1pct", "aggregate", plus1pct, SUMS_OR_PCT)


def op_power_digit(ctx: Ctx) -> Result:
    rng = ctx.rng("power_digit")
    choices = [(p, f) for p in ctx.pages for f in POWER_FIELDS if _nonzero(getattr(p, f))]
    if not choices:
        return [Skip("power_digit", "no non-zero power row on a known line")]
    page, fld = rng.choice(choices)

    def seen_by(pg: CoverPage, span: Span, new: str) -> str | None:
        rows = {f: _amount_value(pg, f) for f in POWER_FIELDS + ("aggregate",)}
        after = dict(rows, **{fld: _token_value(new)})
        return power_seen_by(ctx.raw, len(ctx.pages), span, rows, after)
    out = _edit_amount(ctx, "power_digit", fld, _digit_change, frozenset({"sums", "consistency"}), pages=[page],
                       seen_by=seen_by)
    for m in out:
        m.tags = m.tags + (fld,)
    return out


# A stated breakdown: a share count, then (in the same clause, no other figure between) words
# saying it is made of parts, then the parts, labelled in sequence ((i), (ii) / (a), (b) / (1), (2))
# or as 'N shares ... and M shares'; the parts must add up to the count printed before them.
# Written here, apart from the checker's reader, so the harness measures what the parser misses.
_WHOLE = re.compile(r"(?<![\d,.$])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d%]|[,.]\d)[^.;:%\d$]{0,160}?"
                    r"\b(?:consist(?:s|ing|ed)?\s+of|compris(?:ed\s+of|es|ing)|made\s+up\s+of)\s*:?\s*", re.I)
_COUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d]|[,.]\d)")
_SEQ = ("i ii iii iv v vi".split(), list("abcdef"), list("123456"))


def _amounts(ctx: Ctx) -> dict[int, list[str]]:
    """Every cover amount (aggregate and power rows) -> the persons who state it."""
    out: dict[int, list[str]] = {}
    for p in ctx.pages:
        for f in POWER_FIELDS + ("aggregate",):
            a = getattr(p, f)
            if a is not None and a.shares and isinstance(a.shares, int):
                out.setdefault(a.shares, [])
                if p.name.value not in out[a.shares]:
                    out[a.shares].append(p.name.value)
    return out


def find_breakdowns(ctx: Ctx) -> list[tuple[list[Span], int]]:
    """Stated breakdowns whose parts add up to the total printed before them (see _WHOLE)."""
    text = re.sub(r"<[^>]*>|&nbsp;|&#160;", lambda m: " " * len(m.group(0)), ctx.raw.text)
    body = max(text.find("</SEC-HEADER>"), 0)
    out = []
    for m in _WHOLE.finditer(text, body):
        total = int(m.group(1).replace(",", ""))
        stop = re.compile(r"\.(?=\s+[A-Z]|\s*$)|;\s*(?![(]?\s*(?:and\s+)?\(?[ivx\da-f]{1,3}\))").search(text, m.end())
        clause = (m.end(), stop.start() if stop else min(len(text), m.end() + 1500))
        parts = _labelled_parts(text, *clause) or _share_parts(text, *clause)
        if len(parts) >= 2 and sum(int(p.text.replace(",", "")) for p in parts) == total:
            out.append((parts, total))
    return out


def _labelled_parts(text: str, lo: int, hi: int) -> list[Span]:
    labels = list(re.finditer(r"\(\s*([ivx]{1,3}|[a-f]|[1-6])\s*\)\s*(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d%]|[,.]\d)",
                              text[lo:hi], re.I))
    if not labels or text[lo:lo + labels[0].start()].strip():
        return []
    seq = next((s for s in _SEQ if s[0] == labels[0].group(1).lower()), None)
    if seq is None:
        return []
    out = []
    for k, m in enumerate(labels):
        if k >= len(seq) or m.group(1).lower() != seq[k]:
            break
        out.append(Span(lo + m.start(2), lo + m.end(2), m.group(2)))
    return out


def _share_parts(text: str, lo: int, hi: int) -> list[Span]:
    hits = list(re.finditer(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d%]|[,.]\d)\s+shares\b", text[lo:hi], re.I))
    if len(hits) < 2 or text[lo:lo + hits[0].start()].strip():
        return []
    return [Span(lo + h.start(1), lo + h.end(1), h.group(1)) for h in hits]


def op_component_digit(ctx: Ctx) -> Result:
    op = "component_digit"
    rng = ctx.rng(op)
    found = find_breakdowns(ctx)
    if not found:
        return [Skip(op, "no stated breakdown (a count, 'consisting of', parts that add up to it)")]
    comps, total = rng.choice(found)
    span = rng.choice(comps)
    new = _digit_change(span.text, rng)
    persons = _amounts(ctx).get(total, [])
    pages = {p.name.value: p for p in ctx.pages}
    before = {n: [(f, getattr(pages[n], f).shares if getattr(pages[n], f) else None)
                  for f in POWER_FIELDS + ("aggregate",)] for n in persons}

    def verify(f: Filing) -> str | None:
        for n in persons:
            p = _page_by_name(f, n)
            now = [(fl, getattr(p, fl).shares if p and getattr(p, fl) else None) for fl in POWER_FIELDS + ("aggregate",)]
            if now != before[n]:
                return f"cover rows of {n} changed too"
        return None
    line = ctx.raw.line_of(span.start)
    # The breakdown's owner is the person with a cover row of that total where there is one;
    # otherwise any new sums finding counts (the sentence names its holder in words).
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new),
                   f"component {span.text} -> {new} of a {len(comps)}-part breakdown of {total:,} (line {line})",
                   verify, frozenset({"sums"}), person=persons[0] if len(persons) == 1 else None, line=line,
                   tags=("cover amount" if persons else "total not a cover amount",))]


# ---------------------------------------------------------------------------- percents

def _pct_span(ctx: Ctx, page: CoverPage) -> Span | None:
    pct = page.percent
    m = re.search(r"\d+(?:\.\d+)?", pct.raw or "")
    if not m or Decimal(m.group(0)) != pct.value:
        return None
    return find_number(ctx.raw, pct.line, [m.group(0)])


_CONVERTIBLE = re.compile(r"conver(?:sion|tible)|exercis|warrants?\b|options?\b|right\s+to\s+acquire|underlying", re.I)


def _pct_tags(ctx: Ctx, page: CoverPage) -> tuple[str, ...]:
    """Sub-groups: how many persons; whether the person's cover page mentions shares it has
    the right to acquire (conversion, exercise, warrants, options); whether Item 5/4 states the count."""
    i = ctx.filing.cover_pages.index(page)
    span = _page_span(ctx, i)
    conv = any(c.issuable for f in POWER_FIELDS + ("aggregate",) if getattr(page, f)
               for c in getattr(page, f).components)
    conv = conv or bool(span and _CONVERTIBLE.search(ctx.raw.text, span[0], span[1]))
    return (_persons_tag(len(ctx.pages)), "convertible" if conv else "no convertible", _count_tag(ctx))


# 'based on 36,282,883 shares ... outstanding', '36,282,883 Shares outstanding': the count the
# percents rest on, as the filer prints it (to tell "no count printed" from "count not read").
_OUTSTANDING = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3}){2,}(?![\d,])[^.;]{0,120}?\boutstanding\b"
                          r"|\boutstanding\b[^.;]{0,40}?(?<![\d,])\d{1,3}(?:,\d{3}){2,}(?![\d,])", re.I)


def _count_tag(ctx: Ctx) -> str:
    if ctx.filing.outstanding:
        return "count stated"
    text = re.sub(r"<[^>]*>|&nbsp;|&#160;", " ", ctx.raw.text)
    return "count printed, not read" if _OUTSTANDING.search(text) else "no count printed"


# A cover percent that no longer matches the percent Item 4/5 states is caught by a consistency
# rule (CON008); one that no longer fits the amount and outstanding count by a thresholds rule.
PCT_CATEGORIES = frozenset({"thresholds", "consistency"})


def _edit_pct(ctx: Ctx, op: str, change: Callable[[str, random.Random], str | None],
              categories=PCT_CATEGORIES, rules=None, pages=None) -> Result:
    rng = ctx.rng(op)
    pages = [p for p in (pages if pages is not None else ctx.pages)
             if p.percent is not None and p.percent.line is not None and p.percent.value > 0]
    if not pages:
        return [Skip(op, "no person with a non-zero percent on a known line")]
    page = rng.choice(pages)
    span = _pct_span(ctx, page)
    if span is None:
        return [Skip(op, f"percent {page.percent.raw!r} not found as printed near line {page.percent.line}")]
    new = change(span.text, rng)
    if new is None or new == span.text:
        return [Skip(op, f"percent {span.text} does not allow this change")]
    seen = pct_seen_by(ctx.raw, len(ctx.pages), span, span.text, new, _printed_pairs(ctx, page, new),
                       _printed_pairs(ctx, page, span.text))
    if seen is None:
        reason = PCT_UNOBSERVABLE if len(ctx.pages) == 1 else PCT_GROUP_UNOBSERVABLE
        return [Skip(op, reason, (_persons_tag(len(ctx.pages)),), unobservable=True)]
    name, new_v = page.name.value, Decimal(new)

    def verify(f: Filing) -> str | None:
        p = _page_by_name(f, name)
        got = p.percent.value if p and p.percent else None
        return None if got == new_v else f"mutant parse reads percent {got}"
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new),
                   f"percent of {name}: {span.text} -> {new} (line {ctx.raw.line_of(span.start)})",
                   verify, categories, person=name, rules=rules, line=ctx.raw.line_of(span.start),
                   tags=_pct_tags(ctx, page) + (seen,))]


def _printed_pairs(ctx: Ctx, changed: CoverPage, new: str) -> list[tuple[Decimal, str]] | None:
    """Every person's aggregate and percent as the raw file prints them near the lines the parser
    gives (the changed person's percent replaced by ``new``), or None where a page's figures are
    not all found so, a page has a percent but no aggregate or the reverse, or the pages print
    more than one CUSIP (classes with counts of their own): then nothing is assumed."""
    from checker.identifiers import normalize_cusip
    if len({normalize_cusip(p.cusip.value) for p in ctx.pages if p.cusip}) > 1:
        return None
    pairs = []
    for p in ctx.pages:
        agg, pct = p.aggregate, p.percent
        if agg is None and pct is None:
            return None
        if agg is None or pct is None:
            return None
        if agg.shares == 0 and pct.value == 0:
            continue  # a person holding nothing implies no count
        if agg.shares <= 0 or pct.value <= 0 or agg.line is None or pct.line is None:
            return None
        tok = _pct_span(ctx, p)
        if tok is None or find_number(ctx.raw, agg.line, number_tokens(agg.shares)) is None:
            return None
        pairs.append((Decimal(agg.shares), new if p is changed else tok.text))
    return pairs


def op_pct_digit(ctx: Ctx) -> Result:
    return _edit_pct(ctx, "pct_digit", _digit_change)


def op_pct_step(ctx: Ctx) -> Result:
    def step(tok, _rng):
        places = len(tok.split(".")[1]) if "." in tok else 0
        v = Decimal(tok) + Decimal(1).scaleb(-places)
        return f"{v:.{places}f}"
    return _edit_pct(ctx, "pct_step", step)


# ---------------------------------------------------------------------------- Item 5 / Item 4

def _item_span_lines(filing: Filing, number: str) -> tuple[int, int] | None:
    items = sorted((i for i in filing.items if i.line), key=lambda i: i.line)
    for k, it in enumerate(items):
        if it.number == number:
            end = items[k + 1].line - 1 if k + 1 < len(items) else it.line + 200
            return it.line, end
    return None


def op_item_outstanding(ctx: Ctx) -> Result:
    op = "item_outstanding"
    counts = [o for o in ctx.filing.outstanding if o.line]
    if not counts:
        return [Skip(op, "no outstanding count stated in Item 5 / Item 4")]
    o = counts[0]
    span = find_number(ctx.raw, o.line, number_tokens(o.shares), after=12)
    if span is None:
        return [Skip(op, f"outstanding count {o.shares} not found as printed near line {o.line}")]
    new = _material_digit_change(span.text, ctx.rng(op))
    new_v = int(_token_value(new))

    def verify(f: Filing) -> str | None:
        return None if any(c.shares == new_v for c in f.outstanding) else "mutant parse does not read the new count"
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new),
                   f"outstanding count {span.text} -> {new} (line {ctx.raw.line_of(span.start)})",
                   verify, frozenset({"thresholds", "sums", "consistency"}), line=ctx.raw.line_of(span.start),
                   tags=(_persons_tag(len(ctx.pages)),))]


def op_item_amount(ctx: Ctx) -> Result:
    """A person's aggregate as Item 5 (13D) / Item 4 (13G) states it, typed differently from the cover."""
    op = "item_amount"
    number = "5" if ctx.filing.schedule == "13D" else "4"
    region = _item_span_lines(ctx.filing, number)
    if region is None:
        return [Skip(op, f"Item {number} not found")]
    lo, hi = region
    hits, text = [], visible_text(ctx.raw)
    for p in ctx.pages:
        if _nonzero(p.aggregate) and p.aggregate.shares >= 1000:
            spans = [sp for sp in find_numbers(ctx.raw, lo, number_tokens(p.aggregate.shares), after=hi - lo)
                     if not (p.aggregate.line and abs(ctx.raw.line_of(sp.start) - p.aggregate.line) < 3)]
            if spans:
                hits.append((p, _own_statement(ctx, text, p, spans)))
    if not hits:
        return [Skip(op, f"no cover aggregate restated in Item {number}")]
    page, span = ctx.rng(op).choice(hits)
    new = _digit_change(span.text, ctx.rng(op))
    name = page.name.value
    old_v = page.aggregate.shares

    def verify(f: Filing) -> str | None:
        return None if _amount_value(_page_by_name(f, name), "aggregate") == old_v else "cover page changed too"
    # The edited figure is the first one printed in the item that equals the chosen person's
    # aggregate; where other persons' aggregates are the same figure, it may be any of theirs
    # (a table's first row, a list by name): a finding on any of them is the right one. So may
    # a person's power row of the same figure, which a block of labels per person restates
    # ('(c)(ii) Shared power to vote ...: 16,684,593' under another person's heading).
    powers = ("aggregate", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive")
    same = tuple(p.name.value for p in ctx.pages if p.name and p is not page and p.name.value != name
                 and any(_nonzero(getattr(p, k)) and getattr(p, k).shares == old_v for k in powers))
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new),
                   f"Item {number} amount of {name}: {span.text} -> {new} (line {ctx.raw.line_of(span.start)})",
                   verify, frozenset({"thresholds", "sums", "consistency"}), person=name, also_person=same,
                   line=ctx.raw.line_of(span.start))]


_GENERIC_NAME_WORDS = {"company", "corporation", "limited", "partners", "capital", "group", "fund", "trust",
                       "management", "holdings", "investments", "associates", "advisors", "advisers", "partnership"}


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", name)} - _GENERIC_NAME_WORDS


def _own_statement(ctx: Ctx, text: str, page: CoverPage, spans: list[Span]) -> Span:
    """Of the item's figures equal to the person's aggregate, the first printed in a sentence
    that names the person and no other reporting person: a figure equal to it in a sentence
    about someone else ('the Preferred Shares owned by Mitsui-Japan are convertible into
    256,487 shares', another person's component) is not the person's statement. Else the first.
    ``text`` is the file's visible text (observable.visible_text)."""
    mine = _name_words(page.name.value)
    theirs = set().union(*(_name_words(p.name.value) for p in ctx.pages if p.name and p is not page))
    own, others = mine - theirs, theirs - mine  # the words that tell the persons apart
    for sp in spans:
        words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", sentence_before(text, sp.start))}
        if words & own and not words & others:
            return sp
    return spans[0]


# ---------------------------------------------------------------------------- cover pages

_XML_BLOCK = r"<((?:\w+:)?{tag})\b[^>]*>.*?</\1\s*>"


def _xml_element_span(raw: Raw, line: int) -> tuple[int, int] | None:
    lo, hi = raw.window(line, 0)
    m = re.search(r"<((?:\w+:)?\w+)\b", raw.text[lo:hi])
    if not m:
        return None
    tag = m.group(1)
    start = lo + m.start()
    close = re.compile(r"</" + re.escape(tag) + r"\s*>").search(raw.text, start)
    if not close:
        return None
    end = raw.offset(raw.line_of(close.end()) + 1)
    return raw.offset(line), end


def _last_value_line(p: CoverPage) -> int:
    lines = [p.line] + [getattr(p, f).line for f in POWER_FIELDS + ("aggregate", "percent", "type_codes",
                                                                   "excludes_shares", "citizenship")
                        if getattr(p, f) is not None and getattr(p, f).line]
    return max(lines)


def _page_span(ctx: Ctx, i: int) -> tuple[int, int] | None:
    pages = ctx.filing.cover_pages
    if ctx.fmt == "xml":
        return _xml_element_span(ctx.raw, pages[i].line)

    def start(k: int) -> int:
        p = pages[k]
        if p.cusip and p.cusip.line and p.cusip.line <= p.line and p.line - p.cusip.line <= 40 \
                and (k == 0 or p.cusip.line > _last_value_line(pages[k - 1])):
            return p.cusip.line
        return p.line
    if i + 1 < len(pages):
        return ctx.raw.offset(start(i)), ctx.raw.offset(start(i + 1))
    last = _last_value_line(pages[i])
    end_line = last + 1
    if ctx.fmt == "html":
        m = re.compile(r"</table\s*>", re.I).search(ctx.raw.text, ctx.raw.offset(last))
        if m and ctx.raw.line_of(m.end()) - last < 40:
            end_line = ctx.raw.line_of(m.end())
    return ctx.raw.offset(start(i)), ctx.raw.offset(end_line + 1)


def _cover_removed(ctx: Ctx, variant: str, qualifies: Callable[[str], bool]) -> Result:
    op = "cover_removed"
    pages = ctx.filing.cover_pages
    if len(pages) < 2:
        return [Skip(op, "only one cover page (removing it leaves no filing)", (variant,))]
    cands = [i for i, p in enumerate(pages) if p.name and not p.joint_names and qualifies(p.name.value)
             and sum(1 for q in pages if q.name and same_person(q.name.value, p.name.value)) == 1]
    if not cands:
        return [Skip(op, f"no cover-page person who {variant}", (variant,))]
    i = ctx.rng(f"{op}:{variant}").choice(cands)
    span = _page_span(ctx, i)
    if span is None:
        return [Skip(op, "cover page extent not found", (variant,))]
    name = pages[i].name.value
    n = len([p for p in pages if p.name])

    def verify(f: Filing) -> str | None:
        named = [p for p in f.cover_pages if p.name]
        if any(same_person(p.name.value, name) for p in named):
            return "mutant parse still has the cover page"
        return None if len(named) == n - 1 else f"mutant parse has {len(named)} named pages, expected {n - 1}"
    return [Mutant(op, ctx.raw.replace(span[0], span[1], ""),
                   f"cover page of {name} removed (lines {ctx.raw.line_of(span[0])}-{ctx.raw.line_of(span[1]) - 1})",
                   verify, frozenset({"cover-pages"}), person=name, line=pages[i].line, tags=(variant,))]


def _signs(ctx: Ctx, name: str) -> bool:
    return any(s.context == "statement" and same_person(s.name, name) for s in ctx.filing.signatures)


def _named(ctx: Ctx, source: str, name: str) -> bool:
    return any(r.source == source and same_person(r.name, name) for r in ctx.filing.named_persons)


def op_cover_removed(ctx: Ctx) -> Result:
    return (_cover_removed(ctx, "still signs", lambda n: _signs(ctx, n))
            + _cover_removed(ctx, "is a JFA party", lambda n: _named(ctx, "joint-filing-agreement", n))
            + _cover_removed(ctx, "is a header group member", lambda n: _named(ctx, "header-group", n)))


# ---------------------------------------------------------------------------- signatures

def _statement_sigs(f: Filing, name: str):
    return [s for s in f.signatures if s.context == "statement" and same_person(s.name, name)]


def _xml_sig_block(ctx: Ctx, name: str) -> Span | None:
    pat = re.compile(_XML_BLOCK.format(tag=r"(?:signatureInformation|signaturePerson)"), re.S)
    for m in pat.finditer(ctx.raw.text):
        inner = re.search(r"<(?:\w+:)?(?:reportingPersonName|signatureReportingPerson)\b[^>]*>(.*?)<",
                          m.group(0), re.S)
        if inner and inner.group(1).strip() == name:
            return Span(m.start(), m.end(), m.group(0))
    return None


def _sig_target(ctx: Ctx, op: str):
    """(the person's name, its one statement signature), or a Skip saying why there is none."""
    cands = [p for p in ctx.pages if len(_statement_sigs(ctx.filing, p.name.value)) == 1]
    if not cands:
        return Skip(op, "no cover-page person with exactly one statement signature")
    page = ctx.rng(op).choice(cands)
    return page.name.value, _statement_sigs(ctx.filing, page.name.value)[0]


def op_signature_removed(ctx: Ctx) -> Result:
    op = "signature_removed"
    target = _sig_target(ctx, op)
    if isinstance(target, Skip):
        return [target]
    name, sig = target
    if ctx.fmt == "xml":
        block = _xml_sig_block(ctx, sig.name)
        if block is None:
            return [Skip(op, "signature block not found")]
        start, end = ctx.raw.offset(ctx.raw.line_of(block.start)), ctx.raw.offset(ctx.raw.line_of(block.end) + 1)
        data, what = ctx.raw.replace(start, end, ""), "signature block"
    else:
        span = find_name(ctx.raw, sig.name, sig.line, floor=signature_floor(ctx.raw, sig.line))
        if span is None:
            return [Skip(op, f"signature name {sig.name!r} not found as printed near line {sig.line}")]
        data, what = ctx.raw.replace(span.start, span.end, ""), f"name {span.text!r} in signature block"

    def verify(f: Filing) -> str | None:
        return "mutant parse still finds the signature" if _statement_sigs(f, name) else None
    return [Mutant(op, data, f"{what} of {name} removed (line {sig.line})", verify,
                   frozenset({"consistency"}), person=name, line=sig.line)]


_RENAME_SKIP = {"THE", "AND", "FOR", "MR", "MRS", "DR"}


def _renamed(name: str) -> str | None:
    for m in re.finditer(r"[A-Za-z]{3,}", name):
        w = m.group(0)
        if w.upper() in _RENAME_SKIP:
            continue
        new = "NORTHWIND" if w.isupper() else "Northwind"
        return name[:m.start()] + new + name[m.end():]
    return None


def op_signatory_renamed(ctx: Ctx) -> Result:
    op = "signatory_renamed"
    target = _sig_target(ctx, op)
    if isinstance(target, Skip):
        return [target]
    name, sig = target
    if ctx.fmt == "xml":
        block = _xml_sig_block(ctx, sig.name)
        span = None
        if block is not None:
            k = block.text.find(sig.name)
            span = Span(block.start + k, block.start + k + len(sig.name), sig.name) if k >= 0 else None
    else:
        span = find_name(ctx.raw, sig.name, sig.line, floor=signature_floor(ctx.raw, sig.line))
    if span is None:
        return [Skip(op, f"signature name {sig.name!r} not found as printed near line {sig.line}")]
    m = re.search(r"[A-Za-z]{3,}", span.text)
    new_text = _renamed(span.text)
    if m is None or new_text is None:
        return [Skip(op, "no word to rename")]
    new_name = _renamed(sig.name) or sig.name

    def verify(f: Filing) -> str | None:
        return "mutant parse still finds the signature" if _statement_sigs(f, name) else None
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new_text),
                   f"signatory {span.text!r} -> {new_text!r} (line {ctx.raw.line_of(span.start)})", verify,
                   frozenset({"consistency", "cover-pages"}), person=name, also_person=(new_name,), line=sig.line)]


# ---------------------------------------------------------------------------- identifiers

def _cusip_span(ctx: Ctx, value: str, line: int | None) -> Span | None:
    if not line or not value:
        return None
    pat = re.compile(r"(?<![A-Za-z0-9])" + r"[\s\-]?".join(re.escape(c) for c in value) + r"(?![A-Za-z0-9])", re.I)
    lo, hi = ctx.raw.window(line, 3)
    m = pat.search(ctx.raw.text, lo, hi)
    return Span(m.start(), m.end(), m.group(0)) if m else None


def _cusip_edit(ctx: Ctx, op: str, value: str, line: int | None):
    span = _cusip_span(ctx, value, line)
    if span is None:
        return None
    if not ids.cusip_check_ok(value):
        return "invalid"
    rng = ctx.rng(op)
    body = [i for i, c in enumerate(span.text) if c.isdigit()][:-1] or [i for i, c in enumerate(span.text) if c.isdigit()]
    if not body:
        return None
    i = rng.choice(body)
    new = span.text[:i] + rng.choice([d for d in "0123456789" if d != span.text[i]]) + span.text[i + 1:]
    return span, new


def op_cusip_title(ctx: Ctx) -> Result:
    op = "cusip_title"
    c = ctx.filing.cusip
    if c is None or c.line is None:
        return [Skip(op, "no title-page CUSIP read")]
    edit = _cusip_edit(ctx, op, c.value, c.line)
    if edit == "invalid":
        return [Skip(op, "the untouched title-page CUSIP already fails its check")]
    if edit is None:
        return [Skip(op, f"CUSIP {c.value} not found as printed near line {c.line}")]
    span, new = edit
    old = c.value

    def verify(f: Filing) -> str | None:
        return None if f.cusip and f.cusip.value != old else "mutant parse reads the same title CUSIP"
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new), f"title CUSIP {span.text} -> {new}",
                   verify, frozenset({"identifiers"}), line=c.line)]


def op_cusip_cover(ctx: Ctx) -> Result:
    op = "cusip_cover"
    title = ctx.filing.cusip.value if ctx.filing.cusip else None
    pages = [p for p in ctx.pages if p.cusip and p.cusip.line and p.cusip.value == title
             and (not ctx.filing.cusip or p.cusip.line != ctx.filing.cusip.line)]
    if not pages:
        return [Skip(op, "no cover page with its own CUSIP equal to the title page's")]
    page = ctx.rng(op).choice(pages)
    edit = _cusip_edit(ctx, op, page.cusip.value, page.cusip.line)
    if edit == "invalid":
        return [Skip(op, "the untouched cover CUSIP already fails its check")]
    if edit is None:
        return [Skip(op, f"CUSIP not found as printed near line {page.cusip.line}")]
    span, new = edit
    name = page.name.value

    def verify(f: Filing) -> str | None:
        p = _page_by_name(f, name)
        return None if p and p.cusip and p.cusip.value != title else "mutant parse reads the same cover CUSIP"
    return [Mutant(op, ctx.raw.replace(span.start, span.end, new),
                   f"cover CUSIP of {name} {span.text} -> {new} (line {page.cusip.line})",
                   verify, frozenset({"identifiers"}), person=name, line=page.cusip.line)]


def _code_edit(ctx: Ctx, op: str, fld: str, bad: str) -> Result:
    pages = [p for p in ctx.pages if getattr(p, fld) and getattr(p, fld).codes and getattr(p, fld).line]
    if not pages:
        return [Skip(op, f"no {fld} codes read")]
    valid = [p for p in pages if all(c.upper() in VALID_CODES[fld] for c in getattr(p, fld).codes)]
    pages = valid or pages
    page = ctx.rng(op).choice(pages)
    codes = getattr(page, fld)
    if not all(c.upper() in VALID_CODES[fld] for c in codes.codes):
        return [Skip(op, f"untouched {fld} {codes.codes} already not all valid codes")]
    lo, hi = ctx.raw.window(codes.line, 12)
    m = None
    for code in codes.codes:
        m = re.compile(r"(?<![A-Za-z])" + re.escape(code) + r"(?![A-Za-z])").search(ctx.raw.text, lo, hi)
        while m and _in_tag(ctx.raw.text, m.start()):
            m = re.compile(r"(?<![A-Za-z])" + re.escape(code) + r"(?![A-Za-z])").search(ctx.raw.text, m.end(), hi)
        if m:
            break
    if m is None:
        return [Skip(op, f"codes {codes.raw!r} not found as printed near line {codes.line}")]
    name = page.name.value

    def verify(f: Filing) -> str | None:
        got = getattr(_page_by_name(f, name), fld, None)
        return None if got and bad in [c.upper() for c in got.codes] else f"mutant parse reads {got.codes if got else None}"
    return [Mutant(op, ctx.raw.replace(m.start(), m.end(), bad),
                   f"{fld} of {name}: {m.group(0)} -> {bad} (line {ctx.raw.line_of(m.start())})",
                   verify, frozenset({"cover-pages"}), person=name, line=ctx.raw.line_of(m.start()))]


def _in_tag(text: str, pos: int) -> bool:
    return text.rfind("<", 0, pos) > text.rfind(">", 0, pos)


# The form's lists (13D/13G instructions; 13G adds FI and the 13d-1(b)(1)(ii) kinds).
VALID_CODES = {
    "type_codes": {"BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "CO", "PN", "IN", "OO", "FI", "SAV",
                   "CF", "EA", "ST"},
    "source_of_funds": {"SC", "BK", "AF", "WC", "PF", "OO"},
}


def op_type_code(ctx: Ctx) -> Result:
    return _code_edit(ctx, "type_code_invalid", "type_codes", "LLC")


def op_source_of_funds(ctx: Ctx) -> Result:
    if ctx.filing.schedule != "13D":
        return [Skip("source_funds_invalid", "13G has no source-of-funds row")]
    return _code_edit(ctx, "source_funds_invalid", "source_of_funds", "CASH")


# ---------------------------------------------------------------------------- form type / amendment

_HEADER_TYPE = re.compile(r"^(CONFORMED SUBMISSION TYPE:[ \t]*)(\S[^\r\n]*?)[ \t]*\r?$", re.M)


def op_header_form_type(ctx: Ctx) -> Result:
    op = "header_form_type"
    m = _HEADER_TYPE.search(ctx.raw.text, 0, min(len(ctx.raw.text), 20000))
    if m is None or ctx.filing.header_form_type is None:
        return [Skip(op, "no EDGAR header form type")]
    old = m.group(2)
    doc = ctx.filing.form_type
    if doc and doc.upper().replace(" ", "").endswith("/A") != old.upper().endswith("/A"):
        return [Skip(op, f"untouched header ({old}) and document ({doc}) already disagree")]
    new = old[:-2] if old.upper().endswith("/A") else old + "/A"

    def verify(f: Filing) -> str | None:
        return None if (f.header_form_type or "").upper() == new.upper() else f"mutant header reads {f.header_form_type}"
    return [Mutant(op, ctx.raw.replace(m.start(2), m.end(2), new), f"header form type {old} -> {new}", verify,
                   frozenset({"consistency"}), line=ctx.raw.line_of(m.start()),
                   tags=("amendment -> original" if old.upper().endswith("/A") else "original -> amendment",))]


_AMEND = re.compile(r"(Amendment\s+No\.?\s*:?\s*)(\d{1,3})(?!\d)", re.I)


def op_amendment_removed(ctx: Ctx) -> Result:
    op = "amendment_removed"
    n = ctx.filing.amendment_no
    if n is None:
        return [Skip(op, "not an amendment, or no amendment number read")]
    forms = [x for x in (ctx.filing.form_type, ctx.filing.header_form_type) if x]
    if not all(x.upper().endswith("/A") for x in forms):
        return [Skip(op, f"amendment no. {n} on a filing whose form type is {' / '.join(forms)}: already inconsistent")]
    text = ctx.raw.text
    if ctx.fmt == "xml":
        m = re.search(r"<(?:\w+:)?amendmentNo\b[^>]*>\s*" + str(n) + r"\s*</(?:\w+:)?amendmentNo\s*>", text)
        if m is None:
            return [Skip(op, "amendmentNo element not found")]
        start, end = m.start(), m.end()
        new = ""
    else:
        body = text.find("</SEC-HEADER>")
        hits = [m for m in _AMEND.finditer(text, max(body, 0)) if int(m.group(2)) == n]
        if not hits:
            return [Skip(op, f"'Amendment No. {n}' not found as printed")]
        # Left blank everywhere it is printed (title page and the cover-page headers that repeat
        # it), as a template nobody filled in.
        data = ctx.data.decode("latin-1")
        for m in reversed(hits):
            data = data[:m.start(2)] + " " * len(m.group(2)) + data[m.end(2):]
        start = hits[0].start(2)
        if not amendment_seen(data):
            return [Skip(op, AMENDMENT_UNOBSERVABLE, unobservable=True)]

        def verify_text(f: Filing) -> str | None:
            return None if f.amendment_no is None else f"mutant parse reads amendment no. {f.amendment_no}"
        return [Mutant(op, data.encode("latin-1"),
                       f"amendment number {n} blanked in {len(hits)} place(s) (first line {ctx.raw.line_of(start)})",
                       verify_text, frozenset({"consistency"}), line=ctx.raw.line_of(start))]

    def verify(f: Filing) -> str | None:
        return None if f.amendment_no is None else f"mutant parse reads amendment no. {f.amendment_no}"
    return [Mutant(op, ctx.raw.replace(start, end, new), f"amendment number {n} removed (line {ctx.raw.line_of(start)})",
                   verify, frozenset({"consistency"}), line=ctx.raw.line_of(start))]


# ---------------------------------------------------------------------------- deadlines

def own_deadline(f: Filing, event: dt.date) -> tuple[str, dt.date]:
    """The deadline by regime, read from the rules (reference notes §5), independently of the
    checker's own computation; for 13G the longest that can apply."""
    form = (f.form_type or f.header_form_type or "").upper()
    amended = f.amendment_no is not None or form.endswith("/A")
    nbd = cal.next_business_day_on_or_after
    if f.schedule == "13D":
        if event >= NEW_13D:
            return ("13D/A 2024+" if amended else "13D 2024+"), cal.add_business_days(event, 2 if amended else 5)
        if amended:
            return "13D/A pre-2024 (promptly)", cal.add_business_days(event, 2)
        return "13D pre-2024", nbd(event + dt.timedelta(days=10))
    passive = any("13d-1(c)" in d.value.replace(" ", "").lower() for d in f.rule_designations)
    era = "2024+" if event >= NEW_13G else "pre-2024"
    if passive and not amended:
        due = cal.add_business_days(event, 5) if event >= NEW_13G else nbd(event + dt.timedelta(days=10))
        return f"13G(c) {era}", due
    if event >= NEW_13G:
        q = ((event.month - 1) // 3 + 1) * 3
        qend = dt.date(event.year + (q == 12), q % 12 + 1, 1) - dt.timedelta(days=1)
        due = nbd(qend + dt.timedelta(days=45))
    else:
        due = nbd(dt.date(event.year, 12, 31) + dt.timedelta(days=45))
    return (f"13G/A {era}" if amended else f"13G(b)/(d) {era}"), due


_FILED = re.compile(r"^(FILED AS OF DATE:[ \t]*)(\d{8})", re.M)


def op_late_filing(ctx: Ctx) -> Result:
    op = "late_filing"
    f = ctx.filing
    if f.schedule not in ("13D", "13G"):
        return [Skip(op, "schedule not read")]
    if f.event_date is None:
        return [Skip(op, "no date of event read")]
    event = f.event_date.value
    regime, due = own_deadline(f, event)
    late = cal.add_business_days(due, 1)
    verify_date = late

    def verify(g: Filing) -> str | None:
        got = g.filing_date.value if g.filing_date else None
        return None if got in (None, verify_date) else f"mutant parse reads filing date {got}"
    m = _FILED.search(ctx.raw.text, 0, min(len(ctx.raw.text), 20000))
    if m and f.filing_date:
        if f.filing_date.value > due:
            return [Skip(op, f"untouched file already filed after the {regime} deadline", (regime,))]
        return [Mutant(op, ctx.raw.replace(m.start(2), m.end(2), late.strftime("%Y%m%d")),
                       f"FILED AS OF DATE {m.group(2)} -> {late:%Y%m%d} (event {event}, due {due})", verify,
                       frozenset({"deadlines"}), rules=frozenset({"DLN002", "DLN003"}),
                       line=ctx.raw.line_of(m.start()), tags=(regime,))]
    return [Mutant(op, ctx.data, f"--filed {late} (event {event}, due {due}); baseline --filed {event}", verify,
                   frozenset({"deadlines"}), rules=frozenset({"DLN002", "DLN003"}), tags=(regime,),
                   options=CheckOptions(filed=late), baseline_options=CheckOptions(filed=event))]


# ---------------------------------------------------------------------------- 13G boxes

def _passive(f: Filing) -> bool:
    return any("13d-1(c)" in d.value.replace(" ", "").lower() for d in f.rule_designations)


def op_passive_20pct(ctx: Ctx) -> Result:
    op = "passive_20pct"
    if ctx.filing.schedule != "13G":
        return [Skip(op, "not a 13G")]
    if not _passive(ctx.filing):
        return [Skip(op, "no Rule 13d-1(c) box read as checked")]

    def to20(tok, _rng):
        v = Decimal(tok)
        if v < 10:
            return "2" + tok
        if v < 20 and tok[0] == "1":
            return "2" + tok[1:]
        return None
    return _edit_pct(ctx, op, to20, rules=frozenset({"THR005"}))


def op_exit_box(ctx: Ctx) -> Result:
    op = "exit_box_checked"
    f = ctx.filing
    if f.schedule != "13G":
        return [Skip(op, "not a 13G")]
    over = [p for p in ctx.pages if p.percent and p.percent.value > 5]
    if not over:
        return [Skip(op, "no person above 5 %")]
    box = f.exit_box
    if box is None or box.line is None:
        return _exit_box_unread(ctx, op)
    if box.value:
        return [Skip(op, "Item 5 box already checked")]
    if ctx.fmt == "xml":
        lo, hi = ctx.raw.window(box.line, 0)
        m = re.compile(r">\s*(N|false|0)\s*<", re.I).search(ctx.raw.text, lo, hi)
        if m is None:
            return [Skip(op, "Item 5 flag value not found")]
        span, checked = Span(m.start(1), m.end(1), m.group(1)), "Y"
    else:
        hit = find_box(ctx.raw, box.line, after=6, before=1)
        if hit is None:
            return [Skip(op, f"no unchecked box marker near line {box.line}")]
        span, checked = hit

    def verify(g: Filing) -> str | None:
        return None if g.exit_box and g.exit_box.value else "mutant parse does not read the box as checked"
    return [Mutant(op, ctx.raw.replace(span.start, span.end, checked),
                   f"Item 5 box {span.text!r} -> {checked!r} (line {ctx.raw.line_of(span.start)})", verify,
                   frozenset({"thresholds"}), rules=frozenset({"THR011"}), line=box.line)]


_EXIT_PHRASE = re.compile(r"ceased\s+to\s+be\s+the\s+beneficial\s+owner\s+of\s+more\s+than\s+(?:five|5)\s+percent", re.I)


def _exit_box_unread(ctx: Ctx, op: str) -> Result:
    """The parser did not read the Item 5 box: find it by the form's own wording, check it, and
    count the mutant as planted (the filing now says 'checked'; not reading it is a miss)."""
    if ctx.fmt == "xml":
        return [Skip(op, "Item 5 flag absent in the XML", ("box not read untouched",))]
    text = re.sub(r"<[^>]*>", lambda m: " " * len(m.group(0)), ctx.raw.text)  # same offsets, no markup
    m = _EXIT_PHRASE.search(text)
    if m is None:
        return [Skip(op, "no Item 5 'ceased to be the beneficial owner of more than five percent' wording",
                     ("box not read untouched",))]
    hit = find_box(ctx.raw, ctx.raw.line_of(m.start()), after=4)
    if hit is None:
        return [Skip(op, "no unchecked box marker after the Item 5 wording", ("box not read untouched",))]
    span, checked = hit
    return [Mutant(op, ctx.raw.replace(span.start, span.end, checked),
                   f"Item 5 box {span.text!r} -> {checked!r} (line {ctx.raw.line_of(span.start)}; the untouched parse "
                   "reads no Item 5 box)", lambda g: None, frozenset({"thresholds"}), rules=frozenset({"THR011"}),
                   line=ctx.raw.line_of(span.start), tags=("box not read untouched",))]


def _two_boxes_unread(ctx: Ctx, op: str) -> Result:
    """No rule box read as checked: check two of the (b)/(c)/(d) boxes as printed; the filing
    then claims two rules whatever the parser makes of it."""
    if ctx.fmt == "xml":
        return [Skip(op, "no rule designation in the XML", ("no box read untouched",))]
    text = re.sub(r"<[^>]*>", lambda m: " " * len(m.group(0)), ctx.raw.text)
    spans = []
    for letter in "bcd":
        for m in re.finditer(rf"13d-1\s*\(\s*{letter}\s*\)", text):
            ln = ctx.raw.line_of(m.start())
            hit = find_box(ctx.raw, ln, after=1, before=1, must_mention=rf"13d-1\s*\(\s*{letter}\s*\)")
            if hit:
                spans.append(hit)
                break
    if len(spans) < 2:
        return [Skip(op, "0 rule boxes read as checked and fewer than two unchecked rule boxes found",
                     ("no box read untouched",))]
    data, note = ctx.raw.text, []
    for span, checked in sorted(spans[:2], key=lambda h: -h[0].start):
        data = data[:span.start] + checked + data[span.end:]
        note.append(f"line {ctx.raw.line_of(span.start)}")
    return [Mutant(op, data.encode("latin-1"), f"two rule boxes checked ({', '.join(reversed(note))}); the untouched "
                   "parse reads none", lambda g: None, frozenset({"thresholds"}), rules=frozenset({"THR009"}),
                   tags=("no box read untouched",))]


def op_two_rule_boxes(ctx: Ctx) -> Result:
    op = "two_rule_boxes"
    f = ctx.filing
    if f.schedule != "13G":
        return [Skip(op, "not a 13G")]
    if not f.rule_designations:
        return _two_boxes_unread(ctx, op)
    if len(f.rule_designations) != 1 or f.rule_designations[0].line is None:
        return [Skip(op, f"{len(f.rule_designations)} rule boxes read as checked (need exactly one)")]
    d = f.rule_designations[0]
    has = re.search(r"13d-1\s*\(\s*([bcd])", d.value, re.I)
    mine = has.group(1).lower() if has else "b"
    other = "c" if mine != "c" else "b"
    if ctx.fmt == "xml":
        lo, hi = ctx.raw.window(d.line, 0)
        seg = ctx.raw.text[lo:hi]
        new_line = re.sub(r"13d-1\s*\(\s*[bcd]\s*\)", f"13d-1({other})", seg, count=1)
        data = ctx.raw.replace(hi, hi, new_line if new_line.endswith("\n") else new_line + "\n")
        note = f"second <designateRulePursuantThisScheduleFiled> Rule 13d-1({other}) added after line {d.line}"
    else:
        hit = None
        for letter in [x for x in "bcd" if x != mine]:
            hit = find_box(ctx.raw, d.line, after=6, before=6, must_mention=rf"13d-1\s*\(\s*{letter}\s*\)")
            if hit:
                break
        if hit is None:
            return [Skip(op, f"no unchecked rule box near line {d.line}")]
        span, checked = hit
        data = ctx.raw.replace(span.start, span.end, checked)
        note = f"rule box {span.text!r} -> {checked!r} (line {ctx.raw.line_of(span.start)})"

    def verify(g: Filing) -> str | None:
        return None if len(g.rule_designations) >= 2 else f"mutant parse reads {len(g.rule_designations)} boxes"
    return [Mutant(op, data, note, verify, frozenset({"thresholds"}), rules=frozenset({"THR009"}), line=d.line)]


OPERATORS: dict[str, Callable[[Ctx], Result]] = {
    "agg_digit": op_agg_digit,
    "agg_plus1": op_agg_plus1,
    "agg_plus1pct": op_agg_plus1pct,
    "power_digit": op_power_digit,
    "component_digit": op_component_digit,
    "pct_digit": op_pct_digit,
    "pct_step": op_pct_step,
    "item_outstanding": op_item_outstanding,
    "item_amount": op_item_amount,
    "cover_removed": op_cover_removed,
    "signature_removed": op_signature_removed,
    "signatory_renamed": op_signatory_renamed,
    "cusip_title": op_cusip_title,
    "cusip_cover": op_cusip_cover,
    "type_code_invalid": op_type_code,
    "source_funds_invalid": op_source_of_funds,
    "header_form_type": op_header_form_type,
    "amendment_removed": op_amendment_removed,
    "late_filing": op_late_filing,
    "passive_20pct": op_passive_20pct,
    "exit_box_checked": op_exit_box,
    "two_rule_boxes": op_two_rule_boxes,
}
