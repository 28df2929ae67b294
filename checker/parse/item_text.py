"""The text of 13D Item 5 / 13G Item 4 as the readers see it: an item printed in parts under
their own headings joined into one (each part at its line), the text flattened to one line with
where each source line starts, and a flattened offset's file line.
"""
from __future__ import annotations

import re

from checker.model import Filing, Item, Percent
from checker.parse import values as V

# A full stop that ends a sentence is not after an initial ('W. Marxe', 'L.P.') or an
# abbreviation ('Inc.', 'Mr.'), in either case: a statement typed in capitals ends its sentences
# after capitals ('SHARES.  NEITHER FMR ...'), so a lower-case letter before the stop is no test.
# ('L.P.' and 'U.S.' end in a one-letter initial.)
NOT_ABBREVIATION = r"(?<!\b[A-Z])(?<!\b(?i:corp))(?<!\b(?i:inc|ltd|mrs))(?<!\b(?i:co|no|mr|ms|dr|jr|sr|st))"
# A sentence or clause ends: '.' or ';' and a capital or '(' after it.
SENTENCE_END = re.compile(NOT_ABBREVIATION + r"[.;]\s+(?=[A-Z(])")


def item_text(filing: Filing, number: str) -> Item | None:
    """The item's text: where an HTML table prints the heading apart from the text ('Item 5.' in
    one cell, an empty item, then the text), the one with the most text; where the item is
    printed in parts, each under its own heading ('ITEM 4 (a) AMOUNT BENEFICIALLY OWNED: ...',
    'ITEM 4 (b) PERCENT OF CLASS: ...'), the parts joined, each at its own line."""
    found = [i for i in filing.items if i.number == number]
    if not found:
        return None
    parts = sorted((i for i in found if i.text.strip() or (i.title or "").strip()), key=lambda i: i.line or 0)
    if len(parts) > 1 and all(i.line for i in parts) and _in_sequence(filing, parts):
        return _joined(parts)
    return max(found, key=lambda i: len(i.text.strip()))


def _in_sequence(filing: Filing, parts: list[Item]) -> bool:
    """The parts follow one another (no other item between them) and do not overlap."""
    lo, hi = parts[0].line, parts[-1].line
    between = [i for i in filing.items if i.line and lo < i.line < hi and i.number != parts[0].number]
    ends = [p.line + p.text.count("\n") for p in parts]
    return not between and all(ends[k] < parts[k + 1].line for k in range(len(parts) - 1))


def _joined(parts: list[Item]) -> Item:
    """Each part's heading words (its label and figure: '(a) AMOUNT BENEFICIALLY OWNED: 152,350
    SHARES,') on its heading line, its text on the lines after."""
    texts = [(p.title or "") + "\n" + p.text for p in parts]
    text, lines = texts[0], _part_lines(parts[0])
    for k in range(1, len(parts)):
        gap = parts[k].line - (parts[0].line + text.count("\n"))  # blank lines keep each part at its line
        text = text + "\n" * max(gap, 1) + texts[k]
        lines += [lines[-1]] * (max(gap, 1) - 1) + _part_lines(parts[k])
    return Item(number=parts[0].number, title=parts[0].title, text=text, line=parts[0].line, text_lines=lines)


def _part_lines(part: Item) -> list[int]:
    """The file lines of a part's heading and its text's lines (where the reader did not record
    them, the text's lines follow the heading)."""
    n = part.text.count("\n") + 1
    return [part.line or 0] + (part.text_lines[:n] if len(part.text_lines) >= n
                               else [(part.line or 0) + 1 + k for k in range(n)])



def printed_percent(raw: str, line: int | None) -> Percent:
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return Percent(value=V.Decimal(raw), decimals=decimals, raw=raw + "%", line=line)


def flatten(text: str) -> tuple[str, list[int]]:
    """The text on one line (spaces folded) and, for each source line, where it starts in it."""
    out, starts, pos = [], [], 0
    for ln in text.split("\n"):
        starts.append(pos)
        part = " ".join(ln.split())
        out.append(part)
        pos += len(part) + 1
    return " ".join(out), starts


def line_of(item: Item, starts: list[int], offset: int) -> int | None:
    k = max(i for i, s in enumerate(starts) if s <= offset) if starts else 0
    return item.text_line(k)

