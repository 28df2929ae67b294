"""HTML filings to plain text with a line map back to the HTML source.

The text parsers read cover pages row by row, so a table row becomes one text line
("2 | CHECK THE APPROPRIATE BOX ... | (a) ☐ (b) ☒"), block elements start new lines, and
each output line remembers the source line it came from, so findings point at the user's file.
Checkbox glyphs (Wingdings "o"/"x"/"þ"/"ý", "☒"/"☐") are ordinary characters and are kept.

Real EDGAR HTML is often broken (unclosed tags, Word exports, 20 MB exhibits, absurd nesting),
so the walk is iterative (no recursion limit) and any lxml failure falls back to a plain
regex tag strip: worse text, but never a crash or a hang.
"""
from __future__ import annotations

import html as htmllib
import re

from lxml import etree

from checker.sources.html_tables import SIGNED, ZERO_WIDTH, grid_runs, signature_grids, stacked_tables, table_of
from checker.sources.spacing import TAB_STOPS

BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "center",
    "table", "tr", "td", "th", "pre", "blockquote", "hr", "dl", "dt", "dd", "address",
    "section", "article", "header", "footer", "form", "body", "page", "caption",
})
PARAGRAPH = frozenset({"p", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre"})
SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "xml"})
# A "row" that holds a page of prose is a layout table, not a cover-page row: render it as
# normal flow instead of one enormous line.
LAYOUT_ROW_CHARS = 2000
# libxml2's HTML parser reports at most this line number; past it we count newlines ourselves.
_LINE_CAP = 65535

# NBSP and the other spaces Word exports use; zero-width characters vanish. Characters that
# str.splitlines() treats as line breaks are blanked, so text lines stay aligned with line_map.
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\n\f\v\x1c-\x1e\x85\u2028\u2029]")
_ZERO_WIDTH = re.compile("[" + ZERO_WIDTH + "]")
_MULTI_SPACE = re.compile(r" {2,}")
# A check box drawn as a picture ('ballot.jpg' / 'ballotx.jpg') reads as the box glyph.
_BOX_IMAGE = re.compile(r"(?:^|/)(ballot|check_?box|box)[_\-]?(x|checked|on)?\.(?:jpe?g|gif|png)$", re.I)


# A text filing pasted into HTML: its lines in a <pre>, no paragraph or table markup of its own.
_PRE_WRAPPED = re.compile(r"<pre\b", re.I)
_LAYOUT_TAG = re.compile(r"<(?:p|div|td|tr|table|br)\b", re.I)


def typed_in_pre(html: str) -> bool:
    """A typed text in a <pre>, and no other layout markup: a text filing pasted into HTML."""
    # layout markup first: an HTML document with any is found at its first paragraph or cell
    return not _LAYOUT_TAG.search(html) and bool(_PRE_WRAPPED.search(html))


def pre_spacing(html: str, text: str, line_map: list[int]) -> tuple[str, list[int]]:
    """A typed text in a <pre> is a text filing: single-spaced where it was typed
    double-spaced, as a plain-text one is (checker/sources/spacing.py)."""
    if typed_in_pre(html):
        from checker.sources.spacing import single_spaced
        return single_spaced(text, line_map)
    return text, line_map


def html_to_text(html: str) -> tuple[str, list[int]]:
    """Return (text, line_map): line_map[i] is the 1-based HTML source line of text line i."""
    html = html.replace("\x00", "")
    try:
        # etree.HTMLParser, not lxml.html.HTMLParser: its per-element class lookup halves speed.
        # collect_ids=False: no one looks elements up by id, and the hash table costs time.
        parser = etree.HTMLParser(encoding="utf-8", recover=True, remove_comments=True,
                                  remove_pis=True, no_network=True, collect_ids=False)
        # Bytes plus an explicit encoding: lxml refuses str input carrying an XML declaration.
        root = etree.fromstring(html.encode("utf-8", "replace"), parser)
        if root is None:
            return _regex_strip(html)
        return pre_spacing(html, *_Walker().run(root))
    except (etree.LxmlError, ValueError, RecursionError, MemoryError, OverflowError):
        return _regex_strip(html)


class _Walker:
    """One pass over the tree (iterwalk: no Python recursion, so deep nesting is safe).

    run() is the hot loop (one turn per start/end event, a few thousand per filing). Its state
    lives in local variables and the common cases (text, block starts and ends, line breaks,
    table cells) are written out inline: attribute access and method calls per event cost
    more than the work itself. tests/html_walk_reference.py keeps the earlier, plainer walk
    (one method per case), and tests check the two give the same text and line map.
    """

    __slots__ = ("grid", "grid_ends", "grid_tables", "line_map", "lines")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line_map: list[int] = []
        self.grid_tables: set = set()  # tables of signature blocks printed side by side
        self.grid_ends: set = set()  # the last table of each such grid (one table per row, or one for all)
        self.grid: list[tuple[int, list[tuple[int, str]]]] = []  # (line, [(column, text)]) per row

    def run(self, root) -> tuple[str, list[int]]:  # noqa: C901 - the hot loop, kept in one piece
        etree.strip_elements(root, *SKIP, with_tail=False)
        # lxml returns the same proxy object for a node while one is referenced, so the
        # elements iterwalk yields can be looked up in these sets.
        cover_rows = set(_COVER_ROWS(root))
        grid_tables, grid_ends = self.grid_tables, self.grid_ends = grid_runs(signature_grids(root))
        stacked = stacked_tables(root)  # tables with no break from the table before (or after)
        lines, line_map, grid = self.lines, self.line_map, self.grid
        add_line, add_map = lines.append, line_map.append
        buf: list[str] = []  # text of the line being read (cleared, never replaced)
        out = buf  # where text goes: buf, or the current cell of a row
        buf_line = None  # source line of the first visible text in out
        cursor = 1  # best estimate of the source line of the text being read
        row = row_tr = None  # the cells (lists of text) of the cover row being read, and its <tr>
        row_spans: list[int] = []  # colspan of each cell of that row
        pre_depth = 0  # not counted inside a row: the row is one line whatever it holds
        for event, el in etree.iterwalk(root, events=("start", "end")):
            if event == "start":
                line = el.sourceline
                # Past _LINE_CAP every line reads as the cap: keep counting newlines then.
                if line and (line < _LINE_CAP or line >= cursor):
                    cursor = line
                tag = el.tag  # the HTML parser lower-cases tags
                if tag in BLOCK:
                    if row is not None:  # inside a cover row only cells matter
                        if tag == "td" or tag == "th":
                            out = []
                            row.append(out)
                            span = el.get("colspan") or "1"
                            row_spans.append(int(span) if span.isdigit() and 0 < int(span) < 100 else 1)
                        else:
                            out.append(" ")  # inside a row, blocks are word breaks, not line breaks
                    else:
                        if buf:  # end the line being read
                            text = _clean("".join(buf), not pre_depth)
                            buf.clear()
                            if text:
                                add_line(text)
                                add_map(buf_line or cursor)
                            buf_line = None
                        if tag == "tr" and el in cover_rows:
                            out = []
                            row, row_tr, row_spans = [out], el, [1]  # text before the first cell
                        else:
                            if tag in PARAGRAPH and lines and lines[-1] and (el, False) not in stacked:
                                add_line("")  # a blank line, as in a text filing
                                add_map(line_map[-1])
                            if tag == "pre":
                                pre_depth += 1
                elif tag == "img":
                    box = _BOX_IMAGE.search(el.get("src") or "")
                    if box:
                        out.append(" \u2612 " if box.group(2) else " \u2610 ")
                elif out and out[-1][-1:].isdigit() and _footnote_mark(el):
                    out.append(" ")  # '500000<sup>1</sup>' is 500000 and note 1, not 5000001
                text = el.text
            elif row is None:
                tag = el.tag
                if tag in BLOCK and tag != "br":  # a <br> ends the line where it starts
                    if tag == "table" and grid and el in grid_ends:
                        self._flush_grid()
                    if buf:
                        text = _clean("".join(buf), not pre_depth)
                        buf.clear()
                        if text:
                            add_line(text)
                            add_map(buf_line or cursor)
                        buf_line = None
                    if tag in PARAGRAPH and lines and lines[-1] and (el, True) not in stacked:
                        add_line("")
                        add_map(line_map[-1])
                    if tag == "pre":
                        pre_depth -= 1
                text = el.tail
            else:  # inside a cover row only the row's own end matters
                if el is row_tr:
                    if grid_tables and table_of(row_tr) in grid_tables:
                        self._grid_row(row, row_spans, buf_line or cursor)
                    else:
                        cells = [c for c in map(_clean, map("".join, row)) if c]
                        if cells:
                            add_line(" | ".join(cells))
                            add_map(buf_line or cursor)
                    row = row_tr = buf_line = None
                    out = buf
                text = el.tail
            if not text:
                continue
            if pre_depth and row is None:  # <pre> keeps its own lines: text filings pasted into HTML
                first = True
                for part in text.split("\n"):
                    if not first:  # end the line, keeping one blank line where the pre has blanks
                        kept = _clean("".join(buf), False)
                        buf.clear()
                        if kept:
                            add_line(kept)
                            add_map(buf_line or cursor)
                        elif lines and lines[-1]:
                            add_line("")
                            add_map(cursor)
                        buf_line = None
                        cursor += 1
                    first = False
                    if buf_line is None and part.strip():
                        buf_line = cursor
                    buf.append(part)
                continue
            # Visible text (not isspace() is a copy-free strip() != ""): remember its line.
            if buf_line is None and not text.isspace():
                buf_line = cursor
            out.append(text)
            cursor += text.count("\n")
        text = _clean("".join(buf), not pre_depth)
        if text:
            add_line(text)
            add_map(buf_line or cursor)
        while lines and not lines[-1]:
            lines.pop()
            line_map.pop()
        return "\n".join(lines), line_map

    def _grid_row(self, row: list[list[str]], spans: list[int], line: int) -> None:
        """A row of a signature grid is kept with each cell's column, to be read column by column."""
        col, cells = 0, []
        for parts, span in zip(row, spans):
            text = _clean("".join(parts))
            if text:
                cells.append((col, text))
            col += span
        self.grid.append((line, cells))

    def _flush_grid(self) -> None:
        """Signature blocks printed side by side ('ACME FUND, L.P. | ACME GP, LLC' / 'By: | /s/ X |
        By: | /s/ Y'): a text reader would mix the two blocks line by line. Each block is written
        out whole, the left one first, as if the filer had printed them one under the other. The
        blocks are told apart by the '/s/' cells: a row's '/s/' cells mark where each block lies."""
        marks = sorted({c for _, cells in self.grid for c, t in cells if SIGNED.search(t)
                        and sum(1 for _, u in cells if SIGNED.search(u)) >= 2})
        bounds = [(a + b + 1) // 2 for a, b in zip(marks, marks[1:])]
        blocks: list[list[tuple[int, str]]] = [[] for _ in range(len(bounds) + 1)]
        for line, cells in self.grid:
            for k in range(len(blocks)):
                lo = bounds[k - 1] if k else -1
                hi = bounds[k] if k < len(bounds) else 10**6
                text = " ".join(t for c, t in cells if lo <= c < hi) if k else \
                    " ".join(t for c, t in cells if c < hi)
                if text:
                    blocks[k].append((line, text))
        self.grid.clear()  # run() holds this list: clear it, never replace it
        for block in blocks:
            self._paragraph_break()
            for line, text in block:
                self._add(text, line)

    def _paragraph_break(self) -> None:
        if self.lines and self.lines[-1]:
            self._add("", self.line_map[-1])  # a blank line, as in a text filing

    def _add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.line_map.append(line)


# Rows rendered as one line: a real table row (cells side by side), not a layout row that
# wraps the page (it holds a table, or more than LAYOUT_ROW_CHARS of text). One XPath call
# for the whole tree is several times cheaper than itertext() per row; table[1] lets
# libxml2 stop at the first table, and string-length() counts characters, like len().
_COVER_ROWS = etree.XPath(
    f"//tr[not(descendant::table[1])][string-length() <= {LAYOUT_ROW_CHARS}]")


# Raised text set in a smaller size after a figure: a footnote reference ('<sup>1</sup>', '<font
# style="FONT-SIZE: 70%; VERTICAL-ALIGN: text-top">1</font>'), never more digits of the figure.
_RAISED = re.compile(r"vertical-align\s*:\s*(?:super|text-top|top)", re.I)
_ORDINAL = re.compile(r"\s*(?:st|nd|rd|th)\b", re.I)


def _footnote_mark(el) -> bool:
    """An inline element raised as a footnote reference, not an ordinal's suffix ('31<sup>st</sup>')."""
    if el.tag not in ("sup", "font", "span"):
        return False
    if el.tag != "sup" and not _RAISED.search(el.get("style") or ""):
        return False
    return not _ORDINAL.match(el.text or "")


def _clean(s: str, collapse: bool = True) -> str:
    """Drop zero-width characters, turn _SPACES into spaces; collapse and strip, or rstrip."""
    if s.isascii():  # the common case, and the zero-width characters are all non-ASCII
        if collapse and "\x1f" not in s:
            return " ".join(s.split())
    elif "\u200b" in s or "\u200c" in s or "\u200d" in s or "\ufeff" in s or "\u00ad" in s:
        s = _ZERO_WIDTH.sub("", s)  # rare: five substring tests are cheaper than the regex scan
    if not collapse:  # a <pre>'s line: its tabs to the columns a browser and a text filing use
        return _SPACES.sub(" ", s.expandtabs(TAB_STOPS) if "\t" in s else s).rstrip()
    if "\x1f" in s or "\u1680" in s:
        return _MULTI_SPACE.sub(" ", _SPACES.sub(" ", s)).strip()
    # str.split()'s whitespace is exactly _SPACES, " ", "\x1f" and "\u1680", so without the
    # last two one split/join replaces, collapses and strips (tests check the equivalence).
    return " ".join(s.split())


_TAG = re.compile(r"<[^<>]{0,4000}>")


def _regex_strip(html: str) -> tuple[str, list[int]]:
    """Last resort: drop tags line by line. Line numbers stay exact (one text line per line)."""
    lines, line_map = [], []
    for n, raw in enumerate(html.split("\n"), start=1):
        text = _clean(htmllib.unescape(_TAG.sub(" ", raw)))
        if text:
            lines.append(text)
            line_map.append(n)
    return "\n".join(lines), line_map
