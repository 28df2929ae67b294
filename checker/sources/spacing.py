"""A typed text filing's layout as the readers expect it: tabs expanded, double spacing undone.

Tabs are the typist's column stops (every 8 columns, as DOS and EDGAR's text viewer show them):
a cover page aligned with tabs is read by its columns as one aligned with spaces, never split
at its tabs into cells.

Some text filings are typed double-spaced: a blank line after every line, a paragraph break
shown by two or more. The readers take one blank line as the end of a value, a signature block
or a paragraph, so in such a filing every line would stand alone ('Duly authorized under Power
of Attorney' / '' / 'by and on behalf of FMR Corp.'). Where the whole text is double-spaced,
single blank lines are taken out and longer runs kept as one, with the line map kept so
findings still point at the user's lines.
"""
from __future__ import annotations

# At most this share of the text's lines may be followed directly by another line: a filing
# that separates its cover rows by blank lines but prints its prose single-spaced stays as it is.
ADJACENT_SHARE = 0.05
MIN_LINES = 40  # too few lines tell nothing about how a filing is typed
# Typed lines are wrapped: a text whose lines are whole paragraphs (a word processor's export,
# one line per paragraph, a blank line between) is single-spaced, its blank lines are breaks.
# Typed text fits a wide carriage's 132 columns (filings printing cover tables 103 wide are
# typed too; a paragraph export's lines run to hundreds).
WRAPPED_WIDTH = 132


TAB_STOPS = 8


def typed_layout(text: str, line_map: list[int] | None = None) -> tuple[str, list[int] | None]:
    """(text, line_map) with tabs expanded and a double-spaced text single-spaced."""
    return single_spaced(text.expandtabs(TAB_STOPS) if "\t" in text else text, line_map)


def single_spaced(text: str, line_map: list[int] | None = None) -> tuple[str, list[int] | None]:
    """(text, line_map) with a double-spaced text single-spaced; unchanged otherwise.
    ``line_map`` maps each text line to its 1-based line in the file (None: line i is i + 1)."""
    lines = text.split("\n")
    if not _double_spaced(lines):
        return text, line_map
    kept: list[str] = []
    kept_map: list[int] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].strip():
            kept.append(lines[i])
            kept_map.append(line_map[i] if line_map else i + 1)
            i += 1
            continue
        run = i
        while i < n and not lines[i].strip():
            i += 1
        if i - run >= 2 and kept:  # a paragraph break: one blank line, as single-spaced text has
            kept.append("")
            kept_map.append(line_map[run] if line_map else run + 1)
    return "\n".join(kept), kept_map


def _double_spaced(lines: list[str]) -> bool:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < MIN_LINES:
        return False
    # Most filings are single-spaced: the count of adjacent lines settles it before any sorting.
    adjacent = sum(1 for i in filled if i + 1 < len(lines) and lines[i + 1].strip())
    if adjacent > ADJACENT_SHARE * len(filled):
        return False
    widths = sorted(len(lines[i].rstrip()) for i in filled)
    return widths[int(len(widths) * 0.9)] <= WRAPPED_WIDTH
