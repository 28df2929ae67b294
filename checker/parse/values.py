"""Reading single values out of cover-page text: amounts, percents, codes, boxes and dates.

Each reader returns ``None`` when the text holds no value it can read with confidence; the
caller decides whether that is a blank row or a parse finding.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from checker.model import Amount, Component
from checker.names import split_names

# "1,204,350", "1204350", "-0-", "0", "14,051,904 (1)", "- 1,200 -", "4,065,101*", "1,234.5678": the
# number, with separators or without, maybe wrapped in hyphens, maybe followed by a footnote marker.
# ``tail`` is whatever digits and separators run on after it: "1,353,4681" is a grouped number with a
# footnote "1" glued on; "1,353,46" or "1,234,567,8" cannot be read with confidence.
_NUMBER = re.compile(r"^[\s\-–—(*]*(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<tail>[\d,.]*)(?![A-Za-z])")
_NUMBER_START = re.compile(r"^[\s\-–—(*]*\d")
MAX_DIGITS = 15  # more shares than any issuer has ever had outstanding: not a share count
# Printed instead of 0: words, "-0-", a short dash or a short blank line ("_____"), each maybe
# with a footnote marker. Blank is not among them: a blank row stays None.
_FOOTNOTE = r"(?:\s*(?:\(\s*[\w*]{1,3}\s*\)|\*|[†‡§]))*"
# A pointer after the word says where the row is explained, not another value: 'None (See Item
# 4(a))' is 0 as '-0- (See Item 4(a))' is.
_SEE_NOTE = r"(?:\s*\(\s*see\b[^()]*(?:\([^()]*\)[^()]*)*\))?"
_ZERO_WORDS = re.compile(r"^[\s*]*(?:none|nil|zero|-0-|[-–—]{1,3}|_{2,20})" + _FOOTNOTE
                         + r"(?:\s+shares?)?" + _SEE_NOTE + r"[\s.]*$", re.I)
# A share count in words around it: '1,234,567', '1234567', and a fraction kept ('1,234.5678 units'
# of a partnership, '1,000,000.00').
COUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A part's description runs to the next ';' or the next labelled part: '(i) 100 shares held
# directly and (ii) 50 shares issuable ...' has two parts, not one that swallows '(ii)'.
_COMPONENT = re.compile(
    r"\(\s*(?P<label>[ivx]+|[a-h])\s*\)\s*(?P<shares>" + COUNT + r")\s+shares?\b"
    r"(?P<desc>(?:(?!\(\s*(?:[ivx]+|[a-h])\s*\)\s*\d)[^;])*)", re.I)
_OWNERS = re.compile(r"\b(?:collectively\s+)?(?:owned|held)\s+(?:directly\s+)?by\s+(?P<names>.+?)\s*\.?\s*$",
                     re.I | re.S)
_ISSUABLE = re.compile(r"issuable\s+upon\s+(?:the\s+|an?\s+)?(?:conversion|exercise)|underlying|"
                       r"right\s+to\s+acquire", re.I)


def parse_amount(text: str, line: int | None) -> Amount | None:
    """The share count at the start of a cover-page value, with components and owners."""
    flat = re.sub(r"\s+", " ", text).strip()
    if _ZERO_WORDS.match(flat):
        return Amount(shares=0, raw=flat, line=line)
    shares = read_number(flat)
    if shares is None:
        return None
    components = [
        Component(label=c["label"].lower(), shares=read_number(c["shares"]),
                  description=c["desc"].strip(" ,."), issuable=bool(_ISSUABLE.search(c["desc"])))
        for c in _COMPONENT.finditer(flat)
    ] or _unlabelled_parts(flat) or _of_which_parts(flat, shares)
    owners: list[str] = []
    om = _OWNERS.search(flat)
    if om:
        owners = split_names(om.group("names"))
    return Amount(shares=shares, raw=flat, line=line, components=components, owners=owners)


# '709,128 total shares consisting of 268,007 shares of Common Stock and 436,121 shares of Common
# Stock issuable upon conversion': the parts of a breakdown printed without (i)/(ii) labels, after
# words that say the parts make up the whole ('includes' does not: it may list only some).
_WHOLE_OF = re.compile(r"\b(?:consist(?:s|ing)\s+of|compris(?:ed\s+of|es|ing))\s+", re.I)
_PART = re.compile(r"(?P<shares>" + COUNT + r")\s+shares?\b(?P<desc>(?:(?<![\d,])(?!\d[\d,.]*\s+shares?\b)[^;]|(?<=[\d,])[^;])*)", re.I)


def _unlabelled_parts(flat: str) -> list[Component]:
    text = _clause_after(flat, _WHOLE_OF, r"[.;](?:\s|$)")
    parts = list(_PART.finditer(text or ""))
    if len(parts) < 2 or parts[0].start() != 0:
        return []  # not a list of counted parts right after 'consisting of'
    return [_component(k, read_number(p["shares"]), p["desc"]) for k, p in enumerate(parts)]


# '259,487 shares (of which 256,487 shares are issuable upon conversion of 120,000 shares of
# Preferred Stock and 3,000 shares are issuable upon the exercise of stock options)': each part a
# count with its verb ('N shares are ...'). 'of which' may name only some parts, so they are the
# row's components only where they add up to it.
_OF_WHICH = re.compile(r"\bof\s+which\s+", re.I)
_OF_WHICH_PART = re.compile(r"(?<![\d,.])(?P<shares>" + COUNT + r")\s+shares?\s+(?:are|is|were|was)\b", re.I)


def _of_which_parts(flat: str, total) -> list[Component]:
    text = _clause_after(flat, _OF_WHICH, r"[;)](?:\s|$)|\.(?:\s|$)")
    heads = list(_OF_WHICH_PART.finditer(text or ""))
    if len(heads) < 2 or heads[0].start() != 0:
        return []
    ends = [h.start() for h in heads[1:]] + [len(text)]
    parts = [(read_number(h["shares"]), text[h.end():e].strip(" ,.").removesuffix(" and")) for h, e in zip(heads, ends)]
    if any(n is None for n, _ in parts) or sum(n for n, _ in parts) != total:
        return []
    return [_component(k, n, desc) for k, (n, desc) in enumerate(parts)]


def _clause_after(flat: str, opener: re.Pattern, end: str) -> str | None:
    """The words after ``opener`` up to the clause's end, or None where it is not printed."""
    m = opener.search(flat)
    return re.split(end, flat[m.end():], maxsplit=1)[0] if m else None


def _component(k: int, shares, desc: str) -> Component:
    return Component(label=chr(ord("a") + k), shares=shares, description=desc.strip(" ,."),
                     issuable=bool(_ISSUABLE.search(desc)))


def read_number(text: str) -> int | Decimal | None:
    """The share count a value starts with: an int, or a Decimal where a fraction is printed
    (units of partnerships and BDCs: '1,234.5678'); None where it cannot be read with confidence."""
    m = _NUMBER.match(text)
    if not m:
        return None
    digits, frac = m.group("int").replace(",", ""), m.group("frac") or ""
    if m.group("tail").rstrip(".,") and _footnote_tail(m) is None:
        return None  # digits that run on irregularly: not a number to guess at
    if len(digits) > MAX_DIGITS:
        return None
    if frac.strip(".0"):
        return Decimal(digits + frac)
    return int(digits)


def glued_footnote(text: str) -> str | None:
    """The footnote mark read_number took off a grouped number: '1,353,4681' is 1,353,468 with a
    footnote '1' run onto it (a fourth digit after the last comma cannot be part of the number);
    None where the value was read as printed."""
    m = _NUMBER.match(text)
    return _footnote_tail(m) if m else None


def _footnote_tail(m: re.Match) -> str | None:
    """The one digit run onto a grouped whole number ('1,353,468' + '1'), or None."""
    tail = m.group("tail").rstrip(".,")
    if m.group("frac") or "," not in m.group("int") or not re.fullmatch(r"\d", tail):
        return None
    return tail


def unreadable_number(text: str) -> bool:
    """A value that starts like a number but is not one parse_amount can read ('1,353,46')."""
    flat = re.sub(r"\s+", " ", text).strip()
    return bool(_NUMBER_START.match(flat)) and not _ZERO_WORDS.match(flat) and read_number(flat) is None


_CUSIP_GROUPS = re.compile(r"([0-9A-Z]{6})[\s\-]?([0-9A-Z]{2})[\s\-]?([0-9A-Z])(?![0-9A-Z])")
# What is glued to a CUSIP on real title and cover pages: a page marker, the form, a footnote.
_CUSIP_TAIL = re.compile(r"^(?:PAGE|SCHEDULE|SC13|13D|13G|CUSIP|\(\w{1,2}\)|\*)")


def read_cusip(text: str) -> str:
    """The CUSIP in a 'CUSIP No.' value: '037833 10 0', '037833-10-0'; and where something is run
    together with it ('037833100Page 2', '037833100 13G', '0378331001' with a footnote '1'), the
    nine characters that are the CUSIP. Anything else is returned compacted, as printed, for the
    identifier rules to judge."""
    from checker.identifiers import cusip_check_ok
    upper = text.strip().upper()
    compact = re.sub(r"[\s\-]", "", upper)
    if len(compact) <= 9:
        return compact
    m = _CUSIP_GROUPS.match(upper)
    if m:
        return "".join(m.groups())
    head, rest = compact[:9], compact[9:]
    if _CUSIP_TAIL.match(rest) or (re.fullmatch(r"\d", rest) and cusip_check_ok(head)):
        return head
    return compact


# What marks a figure as a percent: the sign or the word ('6.1%', '6.1 percent', '6.1 per cent',
# '6.1 pct.'); filers of the 1990s often wrote the word. Every reader of percents uses this one.
PCT_MARK = r"(?:%|(?i:per\s?cent)(?![A-Za-z])|(?i:pct)\b)"
PCT_SIGN = r"\s*" + PCT_MARK
HAS_PCT = re.compile(PCT_MARK)  # a cheap test before a percent pattern is tried on a line
# Not after a comma: '19,7%' is not 7% (see parse_comma_percent).
_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d+)?|\.\d+)" + PCT_SIGN)
# The value alone, maybe with a footnote mark ('15.6 (5)', '47.53 1') or a pointer to where it is explained
# ('7.04 Refer to Item 4 below.', '7.04 (see Item 4)'): nothing else that could be the value.
_POINTER = (r"(?:\s*\(?\s*(?:see|refer\s+to)\s+(?:item|row|footnote|note|the)\b"
            r"(?:\s*(?:[A-Za-z]+\b|\d{1,2}\b(?:\s*\([a-z]\))?|[().,;:]))*)?")
# A raised footnote number set apart by the HTML ('47.53<sup>1</sup>' reads '47.53 1') is a mark too.
_BARE_DECIMAL = re.compile(r"^\s*(\d{0,3}\.\d+|\d{1,3})(?:\s+[1-9](?=\s*$))?" + _FOOTNOTE + _POINTER + r"\s*$", re.I)
# A percent typed with a comma as its decimal mark: '19,7395**', '5,5 %'. The comma is followed by
# other than exactly three digits, so it cannot separate thousands. The value is this one number,
# alone or closed by a '%' or a footnote marker before the note's own text ('19,7395** **The
# percentages used herein are calculated ...'), so no grouped share count is taken for it.
_COMMA_DECIMAL = re.compile(r"^\s*(?P<int>\d{1,3}),(?P<frac>\d{1,2}|\d{4,8})(?![\d,.])"
                            r"(?P<close>\s*%?(?:\s*(?:\(\s*[\w*]{1,3}\s*\)|\*|[†‡§]))*)\s*(?P<rest>.*)$", re.S)


def parse_percent_candidates(text: str) -> list[tuple[Decimal, int, str]]:
    """All 'N.NN%' (or 'N.NN percent') values in the text (value, decimals printed, raw)."""
    out = []
    for m in _PERCENT.finditer(text):
        raw = m.group(1)
        if not raw or raw == ".":
            continue
        try:
            value = Decimal(raw)
        except InvalidOperation:
            continue
        out.append((value, len(raw.split(".")[1]) if "." in raw else 0, m.group(0).strip()))
    return out


def parse_bare_percent(text: str) -> tuple[Decimal, int, str] | None:
    """A percent printed without '%' ('8.34'): only when the whole value is one decimal number."""
    m = _BARE_DECIMAL.match(text)
    if not m or "." not in m.group(1):
        return None
    raw = m.group(1)
    return Decimal(raw), len(raw.split(".")[1]), raw


def parse_comma_percent(text: str) -> tuple[Decimal, int, str] | None:
    """A percent typed with a decimal comma ('19,7395**' is 19.7395): (value, decimals, raw), only
    when the whole value is that one number and the comma cannot be a thousands separator, and
    the value is a percent (at most 100). The caller tells the reviewer how it was read."""
    m = _COMMA_DECIMAL.match(text)
    if not m or (m.group("rest") and not m.group("close").strip()):
        return None
    value = Decimal(f"{m.group('int')}.{m.group('frac')}")
    if value > 100:
        return None
    return value, len(m.group("frac")), f"{m.group('int')},{m.group('frac')}"


# An x standing alone marks a box: "[X]", "/X/", "|X|", "__X__", "(b)x". Underscores around it are
# the blank line it was typed on, so they do not make it part of a word.
# '(X)' is a checked box only where nothing follows it: '(x) any action similar to ...' is the
# tenth part of a list (Item 4's '(a)' to '(j)' run on in roman numerals elsewhere).
_CHECKED = re.compile(r"checked|\[\s*[xX✓✔]\s*\]|☒|þ|ý|✓|✔|■|(?<![A-Za-z0-9(])[xX](?![A-Za-z0-9)])"
                      r"|\(\s*[xX]\s*\)(?=\W*$)")


def box_checked(text: str) -> bool:
    return bool(_CHECKED.search(text))


def group_boxes(text: str) -> str | None:
    """Row 2: which of the (a)/(b) boxes is checked: 'a', 'b', 'ab' or None."""
    m_a = re.search(r"\(\s*a\s*\)", text, re.I)
    m_b = re.search(r"\(\s*b\s*\)", text, re.I)
    if not m_a or not m_b or m_b.start() < m_a.start():
        return None
    a = box_checked(text[m_a.end():m_b.start()])
    b = box_checked(text[m_b.end():])
    return ("a" if a else "") + ("b" if b else "") or None


# The form's symbols are two letters ('PN', 'WC'; '00' typed for OO); 'N/A' and 'WC/PF' are
# written with a slash. Anything longer is a word.
_CODE_SHAPED = re.compile(r"[A-Z0-9]{2}(/[A-Z0-9]{2})*|N/A")


def _all_codes(tokens: list[str]) -> bool:
    return all(_CODE_SHAPED.fullmatch(t.strip(".*()")) for t in tokens)


def split_codes(text: str) -> list[str]:
    """'WC', 'AF, OO', 'WC/PF', 'N/A', 'H.C.' -> codes as printed (N/A stays one token).

    Notes printed beside the codes are not codes: '(See Item 4)', '- limited liability company'.
    """
    raw = text
    text = re.sub(r"\([^()]*\)|\[[^\]]*\]", " ", text)
    text = re.split(r"\s[-–—:]\s", text)[0]
    text = re.sub(r"\b([A-Z])\.\s?([A-Z])\.(?!\w)", r"\1\2", text.strip().upper())  # H.C. -> HC
    tokens = [t for t in re.split(r"[,;\s]+|\bAND\b|&", text) if t]  # text is upper-cased above
    # The form's own 'FOOTNOTES' caption printed under the last row is not a code.
    tokens = [t for t in tokens if t.strip(".*:") not in ("FOOTNOTES", "FOOTNOTE")]
    # Nor the page number printed under the last row with no rule between ('IN' / '5').
    paged = [t for t in tokens if not re.fullmatch(r"\d{1,3}", t)]
    if paged and paged != tokens and _all_codes(paged):
        tokens = paged
    if not _all_codes(tokens):
        # 'First Union Corporation (HC)': the codes are in the parentheses beside a name.
        inside = [t for group in re.findall(r"\(([^()]*)\)", raw.upper()) for t in re.split(r"[,;\s]+", group) if t]
        if inside and _all_codes(inside):
            tokens = inside
        else:
            # A phrase ('NOT APPLICABLE', 'See Item 3 of this Statement') is one answer, not
            # words to be judged one by one as codes; the rules report it whole.
            phrase = " ".join(tokens).strip(".*()")
            return [phrase] if phrase else []
    out: list[str] = []
    for t in tokens:
        t = t.strip(".*()")
        if "/" in t and all(re.fullmatch(r"[A-Z]{2}", p) for p in t.split("/")) and t != "N/A":
            out.extend(t.split("/"))
        elif t:
            out.append(t)
    return out


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()}
_MONTH_NAME = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
DATE_WORDS = re.compile(r"\b" + _MONTH_NAME + r"\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
                        re.I)
DATE_NUMERIC = re.compile(r"\b(?P<m>\d{1,2})[/-](?P<d>\d{1,2})[/-](?P<y>(?:19|20)\d\d)\b")
# The day first: '14 February 2020' (as filers outside the US write it), '14th February, 2020',
# 'this 14th day of February, 2020'.
DATE_DAY_FIRST = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?" + _MONTH_NAME
                            + r"\b\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)


def find_dates(text: str) -> list[tuple[int, dt.date, str]]:
    """Every date in the text: (offset, date, raw), in order of appearance."""
    if "19" not in text and "20" not in text:
        return []  # every date pattern ends in a 19xx or 20xx year: most lines have none
    found = []
    for rx in (DATE_WORDS, DATE_DAY_FIRST):
        for m in rx.finditer(text):
            month = _MONTH_ABBR.get(m.group("month").lower()[:3])
            try:
                found.append((m.start(), dt.date(int(m.group("year")), month, int(m.group("day"))), m.group(0)))
            except (TypeError, ValueError):
                continue
    for m in DATE_NUMERIC.finditer(text):
        try:
            found.append((m.start(), dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), m.group(0)))
        except ValueError:
            continue
    return sorted(found)


def first_date(text: str) -> tuple[dt.date, str] | None:
    dates = find_dates(text)
    return (dates[0][1], dates[0][2]) if dates else None


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty-five": 45, "forty five": 45, "sixty": 60, "ninety": 90})


def count_word(text: str) -> int | None:
    """'ten' -> 10, '10' -> 10, 'five (5)' -> 5."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    return _NUMBER_WORDS.get(t)
