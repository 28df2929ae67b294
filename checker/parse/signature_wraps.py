"""Signature lines read together before the heading is taken as names: wrapped headings (an
alias in parentheses, 'X and on behalf of Y', a name wrapped before its parenthesised part) and
starred blocks signed through an attorney-in-fact.

Old text filings print long entity names over several lines. Two wraps need reading before the
heading lines are taken as names: a parenthesised alias ('(formerly known as Charter Security' /
'Life Insurance Company (Louisiana))') belongs to the name above it and is no name of its own;
and 'ACME LIFE COMPANY' / 'and on behalf of Acme Security' / 'Insurance Company of Ohio' names
two entities, the second wrapped until its legal form (or the end of the heading).
"""
from __future__ import annotations

import re

from checker.parse.signature_patterns import _BARE_BY_LINE, _BY, _CAPTION, _NOISE, _RULE, CONFORMED_MARK

JOINED = "\x00"  # a line whose text was joined to another; the heading walk skips it
_ALIAS_WORDS = (r"(?:formerly(?:\s+known\s+as)?|f/k/a|f\.k\.a\.?|fka|now\s+known\s+as|n/k/a|a/k/a|"
                r"also\s+known\s+as|successor\s+(?:to|in\s+interest\s+to))")
_ALIAS_LINE = re.compile(r"^\(\s*" + _ALIAS_WORDS + r"\b", re.I)
_ALIAS = re.compile(r"\s*\(\s*" + _ALIAS_WORDS + r"\b(?:[^()]|\([^()]*\))*\)", re.I)
_BEHALF = re.compile(r"^(.*?)[\s,]*\b(?:(?:for\s+itself|individually)\s+)?(?:and\s+)?on\s+behalf\s+of\s+(.+)$", re.I)


def join_wraps(text: list[str], start: int, end: int) -> None:
    """Join a parenthesis left open to the lines that close it, and an alias line to the name
    above it (the later lines become JOINED)."""
    for k in range(start, end):
        _close_parenthesis(text, k, end)
    for k in range(start + 1, end):
        above = _above(text, k, start)
        if _ALIAS_LINE.match(text[k]) and above is not None and not CONFORMED_MARK.search(text[above]):
            text[above], text[k] = f"{text[above]} {text[k]}", JOINED


def _close_parenthesis(text: list[str], k: int, end: int) -> None:
    t = text[k]
    if not t or t == JOINED or CONFORMED_MARK.search(t) or t.count("(") <= t.count(")"):
        return
    depth, j = t.count("(") - t.count(")"), k
    while depth > 0 and j + 1 < min(end, k + 4) and text[j + 1] and text[j + 1] != JOINED \
            and not CONFORMED_MARK.search(text[j + 1]):
        j += 1
        t = f"{t} {text[j]}"
        depth += text[j].count("(") - text[j].count(")")
    if depth == 0 and j > k:
        text[k] = t
        text[k + 1:j + 1] = [JOINED] * (j - k)


def _above(text: list[str], k: int, start: int) -> int | None:
    """The line right above k (past JOINED lines), when it has text."""
    j = k - 1
    while j >= start and text[j] == JOINED:
        j -= 1
    return j if j >= start and text[j].strip() else None


def strip_alias(t: str) -> str:
    """'MetLife Security Insurance Company (formerly known as ...)' -> the name before the alias."""
    return _ALIAS.sub("", t)


def behalf(t: str) -> tuple[str, str] | None:
    """'METROPOLITAN LIFE INSURANCE COMPANY and on behalf of MetLife Security' -> (first, second
    begun); the first may be empty (it is on the lines above)."""
    m = _BEHALF.match(t)
    return (m.group(1).strip(" ,"), m.group(2).strip(" ,")) if m else None


def behalf_name(begun: str, below: list[str], legal_end: re.Pattern) -> tuple[str, list[str]]:
    """The second name of 'on behalf of': its first part and the heading lines below it up to its
    legal form; the lines after that stay names of their own."""
    name, rest = begun, list(below)
    while rest and not legal_end.search(strip_alias(name).strip(" ,")):
        name = f"{name} {rest.pop(0)}"
    return strip_alias(name).strip(" ,"), rest


def blank(t: str) -> bool:
    """A line that holds no heading text: empty, joined away, a rule, page noise or a caption."""
    return not t or t == JOINED or bool(_RULE.match(t)) or bool(_NOISE.match(t)) or bool(_CAPTION.match(t)) \
        or bool(_BARE_BY_LINE.match(t))


_STAR_SIGNATURE = re.compile(r"^by\s*:?\s*\*+$", re.I)
_STAR_ATTORNEY = re.compile(r"^\*+\s*(?:by|signature)\b.*?" + CONFORMED_MARK.pattern, re.I)


def conform_starred(lines: list[str], text: list[str], start: int, end: int) -> None:
    """'By: *' over 'Anthony Roe, its Manager', and at the end '* By: /s/ Kemper Roe, attorney-in-
    fact': each starred block is signed by the person printed under it, through the attorney. The
    star is read as that person's conformed signature ('By: /s/ Anthony Roe')."""
    if not any(_STAR_ATTORNEY.match(lines[i].strip()) for i in range(start, min(end, len(lines)))):
        return
    for k in range(start, end - 1):
        if _STAR_SIGNATURE.match(text[k]) and text[k + 1] and not blank(text[k + 1]):
            text[k] = "By: /s/ " + text[k + 1].split(",")[0].strip()


_PAREN_TAIL = re.compile(r"^\([A-Z][^()]{0,30}\),?\s+[A-Z]")


def join_parenthesised(text: list[str], start: int, end: int) -> None:
    """'ACME LIFE SCIENCES FUND' / '(OFFSHORE), LTD.': a heading wrapped before its parenthesised
    part is one name; the second line is joined to the first (and left blank)."""
    for k in range(start + 1, end):
        prev = text[k - 1]
        if _PAREN_TAIL.match(text[k]) and prev and not blank(prev) and not CONFORMED_MARK.search(prev) \
                and not _BY.match(prev):
            text[k - 1], text[k] = f"{prev} {text[k]}", ""
