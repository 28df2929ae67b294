"""The HTML-to-text walk as it was before the hot loop was written out inline (session 3, issue 11
section 6): one method per case, state in attributes. Kept only as the reference that
tests/test_html_fast_walk.py holds checker.sources.html against; the two must give the same
text and the same line map for every document. Do not "fix" this file: a behaviour change goes
into checker/sources/html.py and its own tests."""
from __future__ import annotations

import re

from lxml import etree

from checker.sources.html import (_BOX_IMAGE, BLOCK, LAYOUT_ROW_CHARS, PARAGRAPH, SKIP, _LINE_CAP, _clean,
                                  _footnote_mark, pre_spacing)
from checker.sources.html_tables import grid_runs, stacked_tables
from checker.sources.html_tables import table_of as _table_of


def reference_html_to_text(html: str) -> tuple[str, list[int]]:
    """html_to_text with the reference walk (no regex fallback: the tests use well-formed input)."""
    html = html.replace("\x00", "")
    parser = etree.HTMLParser(encoding="utf-8", recover=True, remove_comments=True,
                              remove_pis=True, no_network=True, collect_ids=False)
    root = etree.fromstring(html.encode("utf-8", "replace"), parser)
    return pre_spacing(html, *ReferenceWalker().run(root))  # the same step after the walk


class ReferenceWalker:
    """One pass over the tree (iterwalk: no Python recursion, so deep nesting is safe).

    run() is the hot loop (one turn per start/end event, thousands per filing): it handles
    text itself and calls out only for block tags, and the state lives in slots.
    """

    __slots__ = ("buf", "buf_line", "cover_rows", "cursor", "grid", "grid_ends", "grid_tables", "line_map", "lines", "out",
                 "pre_depth", "row", "row_spans", "row_tr", "stacked")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line_map: list[int] = []
        self.buf: list[str] = []  # text of the line being read (cleared, never replaced)
        self.out: list[str] = self.buf  # where text goes: buf, or the current cell of a row
        self.buf_line: int | None = None  # source line of the first visible text in out
        self.cursor = 1  # best estimate of the source line of the text being read
        self.row: list[list[str]] | None = None  # cells of the table row being read
        self.row_tr = None
        self.pre_depth = 0
        self.cover_rows: set = set()
        self.row_spans: list[int] = []  # colspan of each cell of the row being read
        self.grid_tables: set = set()  # tables of signature blocks printed side by side
        self.grid_ends: set = set()  # the last table of each grid
        self.stacked: set = set()  # tables with no break from the one before or after
        self.grid: list[tuple[int, list[tuple[int, str]]]] = []  # (line, [(column, text)]) per row

    def run(self, root) -> tuple[str, list[int]]:
        etree.strip_elements(root, *SKIP, with_tail=False)
        # lxml returns the same proxy object for a node while one is referenced, so the
        # elements iterwalk yields can be looked up in this set.
        self.cover_rows = set(_COVER_ROWS(root))
        # Which tables a grid spans (its rows may be tables of their own) is shared with the
        # walk under test, as pre_spacing is.
        self.grid_tables, self.grid_ends = grid_runs(set(_SIGNATURE_GRIDS(root)))
        self.stacked = stacked_tables(root)
        for event, el in etree.iterwalk(root, events=("start", "end")):
            if event == "start":
                line = el.sourceline
                # Past _LINE_CAP every line reads as the cap: keep counting newlines then.
                if line and (line < _LINE_CAP or line >= self.cursor):
                    self.cursor = line
                tag = el.tag  # the HTML parser lower-cases tags
                if tag in BLOCK:
                    self._open(el, tag)
                elif tag == "img":
                    box = _BOX_IMAGE.search(el.get("src") or "")
                    if box:
                        self.out.append(" \u2612 " if box.group(2) else " \u2610 ")
                elif self.out and self.out[-1][-1:].isdigit() and _footnote_mark(el):
                    self.out.append(" ")
                text = el.text
            elif self.row is None:
                tag = el.tag
                if tag in BLOCK:
                    if tag == "table" and self.grid and el in self.grid_ends:
                        self._flush_grid()
                    self._close(el, tag)
                text = el.tail
            else:  # inside a cover row only the row's own end matters
                if el is self.row_tr:
                    self._flush_row()
                text = el.tail
            if not text:
                continue
            if self.pre_depth and self.row is None:
                self._pre_text(text)
                continue
            # Visible text (not isspace() is a copy-free strip() != ""): remember its line.
            if self.buf_line is None and not text.isspace():
                self.buf_line = self.cursor
            self.out.append(text)
            self.cursor += text.count("\n")
        self._flush()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
            self.line_map.pop()
        return "\n".join(self.lines), self.line_map

    # Inside a cover row only cells and the row's own end matter. A <pre> in a row is not
    # counted in pre_depth: the row is one line whatever it holds, and the pre ends first.
    def _open(self, el, tag: str) -> None:
        if self.row is not None:
            if tag == "td" or tag == "th":
                self.out = []
                self.row.append(self.out)
                span = el.get("colspan") or "1"
                self.row_spans.append(int(span) if span.isdigit() and 0 < int(span) < 100 else 1)
            else:
                self.out.append(" ")  # inside a row, blocks are word breaks, not line breaks
            return
        if self.buf:
            self._flush()
        if tag == "tr" and el in self.cover_rows:
            self.out = []
            self.row, self.row_tr = [self.out], el
            self.row_spans = [1]  # text before the first cell
            return
        if tag in PARAGRAPH and (el, False) not in self.stacked:
            self._paragraph_break()
        if tag == "pre":
            self.pre_depth += 1

    def _close(self, el, tag: str) -> None:
        if tag == "br":
            return  # a <br> ends the line where it starts
        if self.buf:
            self._flush()
        if tag in PARAGRAPH and (el, True) not in self.stacked:
            self._paragraph_break()
        if tag == "pre":
            self.pre_depth -= 1

    def _pre_text(self, text: str) -> None:
        """<pre> keeps its own lines: text filings pasted into HTML."""
        for i, part in enumerate(text.split("\n")):
            if i:
                self._flush(keep_blank=True)
                self.cursor += 1
            if self.buf_line is None and part.strip():
                self.buf_line = self.cursor
            self.buf.append(part)

    def _flush(self, keep_blank: bool = False) -> None:
        """End the text line being read (the hot paths call it only when buf holds text)."""
        line = _clean("".join(self.buf), not self.pre_depth)
        self.buf.clear()
        if line:
            self._add(line, self.buf_line or self.cursor)
        elif keep_blank and self.lines and self.lines[-1]:
            self._add("", self.cursor)
        self.buf_line = None

    def _paragraph_break(self) -> None:
        if self.lines and self.lines[-1]:
            self._add("", self.line_map[-1])  # a blank line, as in a text filing

    def _flush_row(self) -> None:
        if self.row_tr is not None and _table_of(self.row_tr) in self.grid_tables:
            self._grid_row()
        else:
            cells = [c for c in map(_clean, map("".join, self.row or ())) if c]
            if cells:
                self._add(" | ".join(cells), self.buf_line or self.cursor)
        self.row, self.row_tr, self.buf_line = None, None, None
        self.out = self.buf

    def _grid_row(self) -> None:
        """A row of a signature grid is kept with each cell's column, to be read column by column."""
        col, cells = 0, []
        for parts, span in zip(self.row or (), self.row_spans):
            text = _clean("".join(parts))
            if text:
                cells.append((col, text))
            col += span
        self.grid.append((self.buf_line or self.cursor, cells))

    def _flush_grid(self) -> None:
        """Signature blocks printed side by side ('ACME FUND, L.P. | ACME GP, LLC' / 'By: | /s/ X |
        By: | /s/ Y'): a text reader would mix the two blocks line by line. Each block is written
        out whole, the left one first, as if the filer had printed them one under the other. The
        blocks are told apart by the '/s/' cells: a row's '/s/' cells mark where each block lies."""
        marks = sorted({c for _, cells in self.grid for c, t in cells if _SIGNED.search(t)
                        and sum(1 for _, u in cells if _SIGNED.search(u)) >= 2})
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
        self.grid = []
        for block in blocks:
            self._paragraph_break()
            for line, text in block:
                self._add(text, line)

    def _add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.line_map.append(line)


# Rows rendered as one line: a real table row (cells side by side), not a layout row that
# wraps the page (it holds a table, or more than LAYOUT_ROW_CHARS of text). One XPath call
# for the whole tree is several times cheaper than itertext() per row; table[1] lets
# libxml2 stop at the first table, and string-length() counts characters, like len().
_COVER_ROWS = etree.XPath(
    f"//tr[not(descendant::table[1])][string-length() <= {LAYOUT_ROW_CHARS}]")


# A table of signature blocks side by side: some row holds two or more '/s/' cells (no nested table).
_SIGNATURE_GRIDS = etree.XPath(
    "//table[not(descendant::table)][.//tr[count(*[self::td or self::th][contains(translate(., 'S', 's'), '/s/')]) >= 2]]")
_SIGNED = re.compile(r"/s/", re.I)


