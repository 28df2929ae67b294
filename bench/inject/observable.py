"""Whether a planted figure can be seen at all, decided from the raw filing text alone.

A percent or power figure a filing prints once, for its only reporting person, with no share
count outstanding printed anywhere and no arithmetic relation of the form broken by the change,
cannot be told from the truth by any reader without outside data (the issuer's own reports).
Such a mutant measures nothing: the harness skips it, with the reason, and the report counts
these skips apart so that nothing is hidden.

The test must not depend on what the checker reads (that is the thing measured): it searches
the raw text, with markup blanked out, and only uses the parser's output to know which printed
token was changed (the span the operator edits) and how many cover pages there are.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from .locate import Raw, Span

UNOBSERVABLE = "unobservable"

_TAG = re.compile(r"<[^>]*>|&nbsp;|&#160;|&#xa0;|&#37;|&#x25;")


_HEADER_END = re.compile(r"</SEC-HEADER>|<DOCUMENT>", re.I)


def visible_text(raw: Raw) -> str:
    """The raw text with markup and &nbsp; blanked to spaces of the same length, so offsets
    (the edited span) stay those of the file; '&#37;' (a percent sign) is kept as '%'. The
    EDGAR envelope before the first document (header, PEM signature blob) is blanked too: it
    holds no figure of the filer's, only digits of keys and file numbers."""
    def blank(m: re.Match) -> str:
        s = m.group(0)
        return "%".ljust(len(s)) if s.lower() in ("&#37;", "&#x25;") else " " * len(s)
    m = _HEADER_END.search(raw.text)
    head = m.end() if m else 0
    return " " * head + _TAG.sub(blank, raw.text[head:])


# How many reporting persons the raw text names: cover-page name labels (text, HTML) or XML
# person elements. The larger of this and the parsed cover pages is used, so a page the
# parser missed still makes the filing a multi-person one (more ways to observe the figure).
_NAME_LABEL = re.compile(r"names?\s+of\s+reporting\s+persons?", re.I)
_XML_PERSON = re.compile(r"<(?:\w+:)?reportingPersonName\b", re.I)


_XML_PERSON_NAME = re.compile(r"<(?:\w+:)?reportingPersonName\b[^>]*>([^<]*)<", re.I)


def reporting_persons(raw: Raw, parsed_pages: int) -> int:
    """XML persons are counted by distinct name: the form repeats each person's name in its own
    signature block (<signatureInformation><reportingPersonName>), which is no second person."""
    names = {" ".join(n.split()).casefold() for n in _XML_PERSON_NAME.findall(raw.text)}
    labels = len(names) or len(_XML_PERSON.findall(raw.text)) or len(_NAME_LABEL.findall(raw.text))
    return max(parsed_pages, labels)


# A count of shares outstanding printed anywhere ('based on 950,000 shares outstanding',
# '36,282,883 Shares outstanding', 'outstanding: 4,200,000'). Broader than the tag pattern in
# operators (one thousands group suffices): a doubtful count keeps the mutant applicable.
_OUTSTANDING_ANY = re.compile(
    r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,])[^.;]{0,160}?\boutstanding\b"
    r"|\boutstanding\b[^.;]{0,60}?(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,])", re.I)


# The count the percent rests on, printed without the word 'outstanding': '9.66% ... based on
# 8,460,187 common shares', or the division itself: '3,355,502/61,145,088=5.5%'.
_BASED_ON = re.compile(r"\bbased\s+(?:up)?on\s+(?:an?\s+)?(?:aggregate\s+of\s+|total\s+of\s+)?"
                       r"(?:\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,])", re.I)
_DIVISION = re.compile(r"\d[\d,]*\s*/\s*(?:\d{1,3}(?:,\d{3})+|\d{5,})\s*=")


def count_printed(text: str) -> bool:
    return any(p.search(text) for p in (_OUTSTANDING_ANY, _BASED_ON, _DIVISION))


_COUNT_TOKEN = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,])")


def printed_counts(text: str) -> set[int]:
    """The share counts of every printed count phrase (the figures in each match)."""
    out = set()
    for rx in (_OUTSTANDING_ANY, _BASED_ON, _DIVISION):
        for m in rx.finditer(text):
            out |= {int(t.replace(",", "")) for t in _COUNT_TOKEN.findall(m.group(0))}
    return {c for c in out if c > 0}


def fits_count(amount: Decimal, pct: str, count: int) -> bool:
    """``pct`` as printed is amount / count under a convention the rules accept (THR014):
    rounded (half a printed step either way; 0.55 of a step above, for a figure rounded twice)
    or truncated (up to one step below)."""
    exact = float(amount) * 100 / count
    return _in_band(pct, exact, exact)


def _in_band(pct: str, low: float, high: float) -> bool:
    """The printed ``pct`` is a figure between ``low`` and ``high`` rounded (0.55 of a printed
    step above) or truncated (up to one step below)."""
    step = 10.0 ** -_places(pct)
    return low - step * (1 + 1e-6) < float(pct) <= high + step * (0.55 + 1e-6)


def count_contradicts(text: str, old_pairs: list[tuple[Decimal, str]], new_pairs: list[tuple[Decimal, str]]) -> bool:
    """Whether a printed count shows the change: a count every old (amount, percent) pair fits
    and some new pair does not. Where no printed count fits the old percents, a count they
    fit once rights to acquire are added to it (fits_with_rights) may still be the base, and the
    change is taken as seen (a doubtful count keeps the mutant applicable); a count they fit
    under no reading is of something else (another security, another entity's units) and
    shows nothing; where every count the old percents fit the new ones fit too (a truncated
    figure for a rounded one), the counts contradict nothing."""
    counts = printed_counts(text)
    bases = [c for c in counts if all(fits_count(a, p, c) for a, p in old_pairs)]
    if not bases:
        return any(all(fits_with_rights(a, p, c) for a, p in old_pairs) for c in counts)
    return any(not all(fits_count(a, p, c) for a, p in new_pairs) for c in bases)


def fits_with_rights(amount: Decimal, pct: str, count: int) -> bool:
    """``pct`` as printed could be amount / (count + x), x being shares the person has the right
    to acquire (Rule 13d-3(d)(1) adds them to the count for that person alone), at most the
    person's whole amount. Rights only lower the percent: a percent above amount / count does
    not rest on that count, whatever rights the text leaves unstated."""
    return _in_band(pct, float(amount) * 100 / (count + float(amount)), float(amount) * 100 / count)


# 'constitute 15.3% of the Issuer's outstanding shares', '8.2% of the class': a percent stated in
# words, the person's own where its value agrees with the cover's (whole numbers included: '15%
# of the class' for 15.3); a word may hold an HTML entity ('Issuer&rsquo;s').
_OF_CLASS = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d+)?\s*(?:%|per\s*cent)\s+of\s+(?:the\s+)?(?:(?:[\w’'\-]|&#?\w+;)+\s+){0,3}?"
                       r"(?:issued\s+and\s+)?(?:outstanding|class)\b", re.I)
_LEADING_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_DECIMAL = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)(?![\d]|[.,]\d)")
_PCT_MARK = re.compile(r"\s*(?:%|per\s*cent|pct)", re.I)
# The form's own row title after its row number: '11  PERCENT OF CLASS REPRESENTED BY AMOUNT IN
# ROW (9)' states no percent.
_ROW_TITLE = re.compile(r"\s*represented\s+by\s+amount\b", re.I)
# An XML element whose text is a percent (<classPercent>5.264</classPercent>): marked by its tag.
_XML_PCT_ELEMENT = re.compile(r"<(?:\w+:)?(?:classPercent|percentOfClass\w*|percentOwned)\s*>\s*$", re.I)


def percent_restated(text: str, span: Span, new: str | None = None, raw_text: str | None = None) -> bool:
    """The percent printed at ``span`` stated again elsewhere: the same value at any precision
    ('5.5' and '5.50'), or a percent-marked figure that rounds to it at the coarser precision
    ('6.0%' for '5.95'). A bare integer ('20', or '6' for '6.00') only counts when marked
    ('20%'): bare small integers are row and item numbers; in XML a percent element's tag marks
    it (``raw_text``, the file with its markup, tells). Given the ``new`` value, a restatement
    the new value agrees with as well contradicts nothing ('5.264' in Item 4 fits the cover's
    '5.3' rounded and a '5.2' truncated alike) and does not count."""
    value = Decimal(span.text)
    places = _places(span.text)
    for m in _OF_CLASS.finditer(text):
        if span.start <= m.start() < span.end or re.match(r"(?:5|10|20)\s*(?:%|per)", m.group(0)):
            continue  # the row itself; a threshold the form mentions ('more than 5% of the class')
        if "%" not in m.group(0) and _ROW_TITLE.match(text, m.end()):
            continue  # '11  PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)': a row number and title
        tok = _LEADING_FIGURE.match(m.group(0)).group(0)
        if _witnesses(value, places, new, Decimal(tok), _places(tok), whole=True):
            return True  # the person's percent stated again in words
    for m in _DECIMAL.finditer(text):
        if span.start <= m.start() < span.end:
            continue
        tok = m.group(1)
        marked = _PCT_MARK.match(text, m.end()) is not None or (
            raw_text is not None and _XML_PCT_ELEMENT.search(raw_text, max(0, m.start() - 80), m.start()) is not None)
        v = Decimal(tok)
        if not marked and not (v == value and places > 0 and "." in tok):
            continue  # a bare figure counts only as the same decimal ('5.5' for '5.50')
        if _witnesses(value, places, new, v, _places(tok)):
            return True
    return False


def _witnesses(old: Decimal, places: int, new: str | None, stated: Decimal, stated_places: int,
               whole: bool = False) -> bool:
    """A stated percent shows the change where it agrees with the old figure and (given the
    ``new`` one) not with the new: one that agrees with neither is some other figure (another
    person's, one component's) or was already at odds before the change; one that agrees with
    both contradicts nothing."""
    if not _agrees(old, places, stated, stated_places, whole):
        return False
    return new is None or not _agrees(Decimal(new), _places(new), stated, stated_places, whole)


def _agrees(a: Decimal, pa: int, b: Decimal, pb: int, whole: bool = False) -> bool:
    """Two printed percents that can state the same exact figure: equal, or one the other
    rounded or truncated to the coarser precision (whole numbers only where ``whole``: a
    percent stated 'of the class' in words, not a bare '5%' that may be a threshold)."""
    return a == b or _rounds_together(a, pa, b, pb, 0 if whole else 1)


def _places(tok: str) -> int:
    return len(tok.split(".")[1]) if "." in tok else 0


def _rounds_together(a: Decimal, pa: int, b: Decimal, pb: int, finest_coarse: int = 1) -> bool:
    """One figure is the other rounded to the coarser of the two printed precisions, that
    precision being at least ``finest_coarse`` places (tenths by default: a whole '5%' or '10%'
    is almost always a threshold the text mentions, not the person's percent rounded)."""
    p = min(pa, pb)
    if pa == pb or p < finest_coarse:
        return False
    fine, coarse = (a, b) if pa > pb else (b, a)
    q = Decimal(1).scaleb(-p)
    return any(fine.quantize(q, rounding=r) == coarse for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN))


def amount_restated(text: str, span: Span) -> bool:
    """The share count printed at ``span`` printed again elsewhere, in either spelling."""
    n = span.text.replace(",", "")
    for m in re.finditer(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d]|[,.]\d)", text):
        if span.start <= m.start() < span.end:
            continue
        if m.group(1).replace(",", "") == n:
            return True
    return False


def pct_seen_by(raw: Raw, parsed_pages: int, span: Span, old: str, new: str,
                pairs: list[tuple[Decimal, str]] | None = None,
                old_pairs: list[tuple[Decimal, str]] | None = None) -> str | None:
    """How a reader could see a changed percent ('seen: ...', a report tag), or None when
    nothing in the filing contradicts it. With several persons, their amount / percent ratios
    state the outstanding count, to their printed precision: ``pairs`` are every person's amount
    and percent as printed (the changed one with its new percent), or None where they could not
    all be found as printed; the change is seen where they share no outstanding count, and
    otherwise only as for one person (a count printed, the percent restated, a bound crossed).
    ``old_pairs`` are the same pairs as the untouched file prints them: a printed count shows
    the change only where it contradicts the new figures and not the old (count_contradicts)."""
    persons = reporting_persons(raw, parsed_pages)
    if persons != 1 and (pairs is None or persons != parsed_pages or not share_a_count(pairs)):
        return "seen: other persons"  # their percent / aggregate ratios state the outstanding count
    text = visible_text(raw)
    if count_printed(text) and (not pairs or not old_pairs or count_contradicts(text, old_pairs, pairs)):
        return "seen: count printed"  # aggregate / count contradicts the new percent
    if percent_restated(text, span, new, raw.text):
        return "seen: restated"
    if _crosses_threshold(Decimal(old), Decimal(new), is_13g(raw)):
        return "seen: threshold"  # a bound the form states is crossed
    return None


def share_a_count(pairs: list[tuple[Decimal, str]]) -> bool:
    """Whether one outstanding count gives every (amount, printed percent) pair, each percent
    rounded to its printed precision (an open interval of half a printed step either way)."""
    lo, hi = 0.0, float("inf")
    for amount, pct in pairs:
        v = Decimal(pct)
        if amount <= 0 or v <= 0:
            return False
        half = 0.5 * 10 ** -_places(pct) * (1 - 1e-6)
        lo = max(lo, float(amount) * 100 / (float(v) + half))
        hi = min(hi, float(amount) * 100 / max(float(v) - half, 1e-9))
    return bool(pairs) and lo <= hi


PCT_GROUP_UNOBSERVABLE = ("several persons, every amount and percent still fitting one outstanding count, no printed "
                          "count that tells the change (none the untouched percents rest on), percent printed once "
                          "(or restated only as a figure that cannot tell the change): unobservable")
PCT_UNOBSERVABLE = ("one person, no printed count that tells the change (none the untouched percent rests on), "
                    "percent printed once (or restated only as a figure that cannot tell the change): unobservable")
POWER_UNOBSERVABLE = "one person, power row printed once, every row 7-11 relation kept: unobservable"


def _crosses_threshold(old: Decimal, new: Decimal, g: bool) -> bool:
    """Above 100 % nothing can be; on a 13G the 5 % line (the exit box, Item 5) and the 20 %
    line (a passive filer's ceiling) are stated bounds. A 13D percent may lawfully move across
    any line (an amendment reports a sale or a purchase)."""
    lines = (Decimal(5), Decimal(20)) if g else ()
    return new > 100 or any((old <= t) != (new <= t) for t in lines)


_FORM = re.compile(r"\b(?:SC|SCHEDULE)\s*13([DG])\b", re.I)


def is_13g(raw: Raw) -> bool:
    """The form named first in the file (the EDGAR header's type, or the cover's title)."""
    m = _FORM.search(raw.text)
    return bool(m) and m.group(1).upper() == "G"


def power_seen_by(raw: Raw, parsed_pages: int, span: Span, before: dict, after: dict) -> str | None:
    """How a reader could see a changed power row ('seen: ...'), or None. ``before`` / ``after``
    are the five rows (sole/shared voting, sole/shared dispositive, aggregate) as the filing
    prints them, None where a row is blank: a relation of the form that held before and not
    after makes the change visible."""
    if reporting_persons(raw, parsed_pages) != 1:
        return "seen: other persons"  # group relations (a member's rows within the group's)
    if amount_restated(visible_text(raw), span):
        return "seen: restated"
    if relations(before) - relations(after):
        return "seen: row relation"
    return None


def relations(rows: dict) -> set[str]:
    """The relations between rows 7-11 that hold: each power row at most the aggregate, the
    voting and dispositive totals at most the aggregate, the aggregate at most their sum and
    equal to the larger (only shares with one power alone could lift it above both), and a
    total equal to the aggregate (a total one digit off it reads as a typing error)."""
    agg = rows.get("aggregate")
    if agg is None:
        return set()
    out = set()
    for k in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"):
        if rows.get(k) is not None and rows[k] <= agg:
            out.add(f"{k}<=agg")
    v = _total(rows, "voting")
    d = _total(rows, "dispositive")
    for name, t in (("voting", v), ("dispositive", d)):
        if t is not None:
            out |= {f"{name}<=agg"} if t <= agg else set()
            out |= {f"{name}==agg"} if t == agg else set()
    if v is not None and d is not None:
        out |= {"agg<=sum"} if agg <= v + d else set()
        out |= {"agg==max"} if agg == max(v, d) else set()
    return out


def _total(rows: dict, kind: str):
    parts = [rows.get(f"sole_{kind}"), rows.get(f"shared_{kind}")]
    if all(p is None for p in parts):
        return None
    return sum(p for p in parts if p is not None)


# Marks that a statement amends an earlier one, other than its amendment number: a form type
# with '/A', words of the statement about itself ('this Amendment', 'hereby amends', 'amended
# and restated'), another numbered amendment. Not the form's boilerplate ('for any subsequent
# amendment containing information ...') nor 'the Exchange Act, as amended'.
_AMENDMENT_MARK = re.compile(r"13[DG]\s*/\s*A\b|\bthis\s+amendment\b|\bamends\b|\bamended\s+and\s+restated\b"
                             r"|\bfinal\s+amendment\b|\bamendment\s+no\.?\s*:?\s*\d", re.I)
AMENDMENT_UNOBSERVABLE = ("amendment number blanked where it was the only mark of an amendment (no '/A' form type, "
                          "no header, no words about amending): reads as an original with the template unfilled: unobservable")


def amendment_seen(mutant_text: str) -> bool:
    """Whether the mutant still says, anywhere (the EDGAR header's form type included), that it
    amends a statement."""
    return _AMENDMENT_MARK.search(re.sub(r"<[^>]*>|&nbsp;|&#160;", " ", mutant_text)) is not None
