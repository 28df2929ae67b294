"""The outstanding share count a filing says its percents rest on.

Item 5(a) of a 13D (Item 4 of a 13G, or a cover-page footnote) usually says 'based on N shares
of Common Stock outstanding as of DATE, as reported in the Issuer's Form 10-Q'. The count is
read from the items' text, whatever the format the filing came in.
"""
from __future__ import annotations

import re
from decimal import Decimal

from checker.model import Filing, OutstandingCount
from checker.parse import values as V

_LEAD = (r"(?:based\s+(?:up)?on|calculated\s+(?:on\s+the\s+basis\s+of|using|based\s+on)|computed\s+(?:on|using)|"
         r"(?:%|percent)\s+of)\s+(?:an?\s+|the\s+)?(?:sum\s+of\s+(?:the\s+)?)?"
         r"(?:aggregate\s+(?:total\s+)?of\s+|total\s+of\s+|approximately\s+)?")
# An outstanding count is whole: printed with cents ('15,134,200.00') it is read without them; a
# count with another fraction is no count here (never read as its whole part).
_CENTS = r"(?:\.0+)?(?!\.?\d)"
_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d{5,})" + _CENTS + r"\s+"
_SHARES = r"(?:\w+\s+){0,2}?(?:shares|ordinary\s+shares|common\s+shares|units)\b"
# "based on 36,282,883 shares of Common Stock outstanding as of ...", "1.3% of the sum of the
# 19,256,251 outstanding Common Shares plus ...", "... 19,256,251 Common Shares that ... were outstanding".
# 'calculated based on an aggregate total of 106,130,396 issued and outstanding as of ...': the
# class named nowhere, but 'issued and outstanding' after the count says what it counts.
OUTSTANDING = re.compile(_LEAD + _COUNT + r"(?:(?:issued\s+and\s+)?outstanding\s+" + _SHARES
                         + r"|issued\s+and\s+outstanding\b(?!\s+(?:warrants?|options?|notes?|units|preferred)\b)|" + _SHARES
                         + r"[^.;]{0,160}?\boutstanding)", re.I | re.S)
_N = r"(\d{1,3}(?:,\d{3}){2,}|\d{7,})" + _CENTS
# The count stated without 'based on': 'there were 20,563,426 shares of Common Stock outstanding',
# 'of which 57,214,587 shares were issued and outstanding', 'an aggregate total of 106,130,396
# issued and outstanding', 'BRT had 8,774,324 Beneficial Shares outstanding', 'dividing 1,337,185
# by 17,990,904, the number of shares ... outstanding', 'the number of shares outstanding ... is
# 12,300,000'. Only words may stand between the count and 'outstanding' (no '%', no comma), so
# '520,067 shares, or 4.0% of the outstanding shares' (a holding) is not a count.
PLAIN = re.compile(
    r"(?<![\d,.$])" + _N + r"\s+(?:[A-Za-z][\w\-]*\s+){0,7}?(?:issued\s+and\s+)?outstanding\b"
    r"|\bby\s+" + _N + r",\s+the\s+(?:total\s+)?number\s+of\s+(?:[\w\-]+\s+){0,8}?outstanding\b"
    r"|\bthere\s+(?:were|are|was)\s+outstanding\b[^.;%$]{0,60}?(?<![\d,.$])" + _N + r"\s+shares\b"
    r"|\bnumber\s+of\s+(?:[\w\-]+\s+){0,4}?outstanding\b[^.;%$]{0,80}?\bis\s+" + _N + r"(?!\d|,\d)"
    r"|\bdenominator\s+(?:of\s+which\s+)?is\s+" + _N + r"(?!\d|,\d)",
    re.I | re.S)
# A count stated without 'based on' is the class count only where percents are in view, and not
# where it is one part of a list ('the sum of (i) 57,834,779 shares outstanding and (ii) ...',
# '(i) holders of the 5,935,000 outstanding units of the other partnership were entitled ...').
_PART_LABEL = re.compile(r"\(\s*(?:[ivx]{1,4}|[a-h]|\d)\s*\)[^()]{0,40}$", re.I)
_PERCENT_NEAR = re.compile(r"%|\bper\s*cent", re.I)


def _plain_counts(text: str):
    # Speed only: every alternative of PLAIN holds the word "outstanding" or "denominator"; an
    # ASCII text with neither (IGNORECASE is lower-casing there) cannot match, so it is not scanned.
    if text.isascii():
        low = text.lower()
        if "outstanding" not in low and "denominator" not in low:
            return
    for m in PLAIN.finditer(text):
        before = text[max(0, m.start() - 45):m.start()]
        if _PART_LABEL.search(before):
            continue
        if not _PERCENT_NEAR.search(text, max(0, m.start() - 400), m.end() + 400):
            continue
        yield m


# Shares a person may acquire: the words filers use for them. The form's own instruction ('a right
# to acquire an underlying security see 13d-3(d)(1)') and Item 4's 'reserve the right to acquire
# additional securities' speak of no holding.
RIGHTS = re.compile(r"issuable|upon\s+(?:the\s+)?(?:exercise|conversion)|exercisable|warrants?\b|"
                    r"options?\s+to\s+(?:purchase|acquire|buy)|convertible|"
                    r"right\s+to\s+acquire(?!\s+(?:an\s+underlying|additional|,|or\s+dispose))", re.I)

# Speed only: RIGHTS's alternatives one by one, each behind the literal it starts with. An ASCII
# text without that literal (IGNORECASE is lower-casing there) cannot match the alternative, so
# the search runs only where it can succeed; a text with other characters is searched as it is.
_RIGHTS_PARTS = [(head, re.compile(part, re.I)) for head, part in (
    ("issuable", r"issuable"), ("upon", r"upon\s+(?:the\s+)?(?:exercise|conversion)"),
    ("exercisable", r"exercisable"), ("warrant", r"warrants?\b"),
    ("option", r"options?\s+to\s+(?:purchase|acquire|buy)"), ("convertible", r"convertible"),
    ("right", r"right\s+to\s+acquire(?!\s+(?:an\s+underlying|additional|,|or\s+dispose))"))]


def mentions_rights(text: str) -> bool:
    """RIGHTS.search(text) is not None, found faster."""
    low = text.lower() if text.isascii() else None
    return any((low is None or head in low) and rx.search(text) for head, rx in _RIGHTS_PARTS)


# Rights to acquire that are no reporting person's: the underwriters' (over-allotment) option of
# an offering ('assuming no exercise of the underwriters' overallotment option to purchase
# additional shares'), a lock-up's promise not to create any ('... pledge, grant any option,
# right or warrant to purchase ...'), and a covenant's exception for the issuer's own issuance of
# shares to the holders of its options ('... an issuance or sale of any capital stock of the
# Issuer, other than an issuance of shares of capital stock upon the exercise of options to
# purchase shares of capital stock of the Issuer'): the issuer issues, whoever holds the options;
# options said to be held by or granted to someone are left to be read as rights. And the verb of
# a contract's representations ('each Shareholder represents and warrants to THORN').
_OTHERS_RIGHTS = re.compile(
    r"\brepresents?\s*,?\s+and\s+warrants\b|\bwarrants\s+and\s+represents\b|"
    r"\bunderwriters?(?:['’]s?|s['’])?\s+(?:[\w\-]+\s+){0,2}?option\s+to\s+(?:purchase|acquire|buy)"
    r"|\bgrant\s+any\s+option\s*,?\s*(?:right\s*,?\s*)?(?:or\s+)?warrant\s+(?:to\s+purchase|for\s+the\s+sale)"
    r"|\bother\s+than\s+(?:an?\s+|the\s+|any\s+)?issu(?:ance|ing)s?\s+(?:or\s+sale\s+)?of\s+(?:[\w\-]+\s+){0,8}?"
    r"upon\s+(?:the\s+)?exercise\s+of\s+(?:[\w\-]+\s+){0,3}?options?\b"
    r"(?:\s+to\s+(?:purchase|acquire|buy)\s+(?:[\w\-]+\s+){0,6}?of\s+(?:the\s+)?(?:Issuer|Company)\b)?"
    r"(?![^.;]{0,120}?\b(?:held|granted|owned|issued\s+to|beneficially|reporting\s+persons?)\b)", re.I)


def _without_others_rights(text: str) -> str:
    low = text.lower()
    if "underwrit" not in low and "grant any" not in low and "other than" not in low and "represents" not in low:
        return text  # speed only: no phrase can match
    return _OTHERS_RIGHTS.sub(" ", text)


# A right to acquire stated with its share figure, in shares (a count of warrants or options may
# stand for more shares or fewer): the figure before the words ('59,333 shares of Common Stock
# issuable upon the exercise of 59,333 Warrants', '1,071,082 shares of Issuer's Common Stock that
# Dr. Skeen may acquire upon exercise of vested stock options') or after them ('warrants to
# purchase 500,000 shares', 'the right to acquire an additional 12,991,501 shares of common stock',
# 'convertible into 2,500,000 shares'). The phrase runs on over the words that name the right
# ('upon the exercise of ... Warrants'). No 'and' between the figure and the words: '20,000 shares
# of Common Stock and warrants' states the shares held, not what the warrants buy.
# A share figure, a fraction kept ('366,000.00', '1,234.5678'): not a price ('$8.50') nor a part of one.
_FIG = r"(?<![\d,.$])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{5,}(?:\.\d+)?)(?![\d,]|\.\d)"
_RIGHT_WORDS = (r"(?:issuable|underlying|exercisable|convertible|(?:upon|on)\s+(?:the\s+)?(?:exercise|conversion)"
                r"|subject\s+to\s+(?:[\w\-]+\s+){0,2}?(?:options?|warrants?)|(?:may|could|has\s+the\s+right\s+to)\s+"
                r"acquire|(?:options?|warrants?)\b)")
_RIGHT_TAIL = (r"(?:[^.;]{0,40}?\b(?:upon|on)\s+(?:the\s+)?(?:exercise|conversion)\s+of\s+(?:[\w\-,]+\s+){0,6}?"
               r"(?:options?|warrants?|rights?|notes?|debentures?|shares|stock|units)\b)?")
RIGHTS_FIGURE = re.compile(
    _FIG + r"\s+(?:(?!(?:and|or|plus)\b)[\w\-’'.]+\s+){0,3}?shares\b(?:\s+(?!(?:and|or|plus)\b)[\w\-’'.]+){0,8}?\s+"
    + _RIGHT_WORDS
    + r"(?:\s+(?:within\s+60\s+days|to\s+(?:purchase|acquire|buy)))?" + _RIGHT_TAIL
    + r"|(?:(?:options?|warrants?)\s+(?:[\w\-]+\s+){0,4}?(?:to\s+(?:purchase|acquire|buy)|exercisable\s+(?:for|into))"
      r"|right\s+to\s+acquire|convertible\s+into|exercisable\s+(?:for|into))"
    r"\s+(?:up\s+to\s+|an\s+additional\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+|approximately\s+)*"
    + _FIG.replace("?P<n>", "?P<m>") + r"\s+(?:[\w\-]+\s+){0,4}?shares\b", re.I)


def rights_figure(texts) -> int | Decimal | None:
    """What the texts say the persons may acquire, at most: the sum of the different share figures
    they state for rights to acquire (a figure repeated on each cover page and in Item 5 is one
    right; two rights of one person are two figures), where every mention of a right (RIGHTS)
    lies within such a statement. None where one mention states no figure in shares (the shares
    it stands for are not known) or where there is none."""
    figures = set()
    for text in texts:
        flat = re.sub(r"\s+", " ", text)
        spans = []
        for m in RIGHTS_FIGURE.finditer(flat):
            spans.append((m.start(), m.end()))
            figures.add(V.read_number(m.group("n") or m.group("m")))
        for m in RIGHTS.finditer(flat):
            if not any(a <= m.start() and m.end() <= b for a, b in spans):
                return None
    return sum(figures) if figures else None


def read_outstanding(filing: Filing, doc=None) -> None:
    """Counts from the items, then from the cover pages' footnotes (the text before Item 1)."""
    texts = [doc.text] if doc is not None and doc.text else [i.text for i in filing.items]
    texts += [p.comments or "" for p in filing.cover_pages]
    texts = [_without_others_rights(t) for t in texts if t]
    filing.rights_to_acquire = any(mentions_rights(t) for t in texts)
    if filing.rights_to_acquire:
        filing.rights_shares = rights_figure(texts)
    seen = set()
    for item in filing.items:
        # Speed only: every OUTSTANDING match holds the word "outstanding"; an ASCII item without it
        # is passed over (for ASCII text, IGNORECASE is lower-casing) instead of scanning it position
        # by position. The plain counts are read either way ('the denominator of which is N').
        lacks_word = item.text.isascii() and "outstanding" not in item.text.lower()
        for m in [*([] if lacks_word else OUTSTANDING.finditer(item.text)), *_plain_counts(item.text)]:
            _add(filing, seen, m, item.line)
    if doc is not None and doc.text and doc.xml is None:
        _from_cover_notes(filing, seen, doc)
        _from_percent_rows(filing, seen, doc)


def _from_cover_notes(filing: Filing, seen: set, doc) -> None:
    """'(3) Based on 22,372,185 shares ... outstanding' printed under row 13: the count the
    cover percents rest on, though no item repeats it."""
    first_item = min((i.line for i in filing.items if i.line), default=None)
    lines = doc.text.split("\n")
    for idx, text in enumerate(lines):
        if first_item is not None and doc.file_line(idx) >= first_item:
            break
        if "outstanding" not in text.lower():
            continue
        para = " ".join(lines[max(0, idx - 2): idx + 2])  # a sentence wrapped over a few lines
        for m in [*OUTSTANDING.finditer(para), *_plain_counts(para)]:
            _add(filing, seen, m, doc.file_line(idx))


# The count printed in a cover page's percent row itself: '9.66% at 5/19/03 based on 8,460,187
# common shares' (no 'outstanding'), or the division 'Ariel: 3,355,502/61,145,088=5.5%' (its
# numerator the page's row 11).
_ROW_BASIS = re.compile(r"\bbased\s+(?:up)?on\s+(?:an?\s+|the\s+)?(?P<n>\d{1,3}(?:,\d{3}){2,}|\d{7,})\s+"
                        r"(?:[A-Za-z][\w\-]*\s+){0,2}?(?:shares|units)\b"
                        r"(?!\s+(?:issuable|underlying|of\s+(?:series|preferred|class\s+[a-z]\b)))", re.I)
_ROW_DIVISION = re.compile(r"(?<![\d,.])(?P<a>\d{1,3}(?:,\d{3})+|\d{4,})\s*/\s*"
                           r"(?P<n>\d{1,3}(?:,\d{3}){2,}|\d{7,})\s*=\s*\d+(?:\.\d+)?\s*%")


def _from_percent_rows(filing: Filing, seen: set, doc) -> None:
    """A count printed in a cover page's own percent row (a line of the row's line and the two
    after it, before Item 1, that prints a percent): the basis of that page's percent, though
    the word 'outstanding' is not printed."""
    wanted: dict[int, list] = {}
    for page in filing.cover_pages:
        if page.percent is not None and page.percent.line is not None:
            for ln in range(page.percent.line, page.percent.line + 3):
                wanted.setdefault(ln, []).append(page)
    if not wanted:
        return
    first_item = min((i.line for i in filing.items if i.line), default=None)
    for idx, text in enumerate(doc.text.split("\n")):
        line = doc.file_line(idx)
        if first_item is not None and line >= first_item:
            break
        if line not in wanted or "%" not in text:
            continue
        for m in _ROW_BASIS.finditer(text):
            _add(filing, seen, m, line)
        for m in _ROW_DIVISION.finditer(text):
            amount = int(m.group("a").replace(",", ""))
            if any(p.aggregate is not None and p.aggregate.shares == amount for p in wanted[line]):
                shares = int(m.group("n").replace(",", ""))
                if shares not in seen:
                    seen.add(shares)
                    filing.outstanding.append(OutstandingCount(shares=shares, text=m.group(0), line=line))


def _add(filing: Filing, seen: set, m: re.Match, line: int | None) -> None:
    shares = int(next(g for g in m.groups() if g).replace(",", ""))
    if shares not in seen:
        seen.add(shares)
        filing.outstanding.append(OutstandingCount(
            shares=shares, text=re.sub(r"\s+", " ", m.group(0))[:300], line=line))
