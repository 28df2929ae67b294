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
_ZERO_WIDTH = re.compile("[\u200b-\u200d\ufeff\u00ad]")
_MULTI_SPACE = re.compile(r" {2,}")


def html_to_text(html: str) -> tuple[str, list[int]]:
    """Return (text, line_map): line_map[i] is the 1-based HTML source line of text line i."""
    html = html.replace("\x00", "")
    try:
        # etree.HTMLParser, not lxml.html.HTMLParser: its per-element class lookup halves speed.
        parser = etree.HTMLParser(encoding="utf-8", recover=True, remove_comments=True,
                                      remove_pis=True, no_network=True)
        # Bytes plus an explicit encoding: lxml refuses str input carrying an XML declaration.
        root = etree.fromstring(html.encode("utf-8", "replace"), parser)
        if root is None:
            return _regex_strip(html)
        return _Walker().run(root)
    except (etree.LxmlError, ValueError, RecursionError, MemoryError, OverflowError):
        return _regex_strip(html)


class _Walker:
    """One pass over the tree (iterwalk: no Python recursion, so deep nesting is safe)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line_map: list[int] = []
        self.buf: list[str] = []
        self.buf_line: int | None = None
        self.cursor = 1  # best estimate of the source line of the text being read
        self.row: list[list[str]] | None = None  # cells of the table row being read
        self.row_tr = None
        self.pre_depth = 0

    def run(self, root) -> tuple[str, list[int]]:
        etree.strip_elements(root, *SKIP, with_tail=False)
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""  # the HTML parser lower-cases tags
            if event == "start":
                self._start(el, tag)
            else:
                self._end(el, tag)
        self._flush()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
            self.line_map.pop()
        return "\n".join(self.lines), self.line_map

    def _start(self, el, tag: str) -> None:
        line = el.sourceline
        if line and not (line >= _LINE_CAP and self.cursor > line):
            self.cursor = line
        if self.row is not None:
            if tag == "td" or tag == "th":
                self.row.append([])
            elif tag in BLOCK:
                self._emit(" ")  # inside a row, blocks are word breaks, not line breaks
        elif tag == "tr" and _is_cover_row(el):
            self._flush()
            self.row, self.row_tr = [[]], el
        elif tag in BLOCK:
            self._flush(paragraph=tag in PARAGRAPH)
        if tag == "pre":
            self.pre_depth += 1
        if el.text:
            self._text(el.text)

    def _end(self, el, tag: str) -> None:
        if el is self.row_tr:
            self._flush_row()
        elif self.row is None and tag in BLOCK and tag != "br":
            self._flush(paragraph=tag in PARAGRAPH)
        if tag == "pre":
            self.pre_depth -= 1
        if el.tail:
            self._text(el.tail)

    def _text(self, text: str) -> None:
        if self.pre_depth and self.row is None:
            # <pre> keeps its own lines: text filings pasted into HTML.
            for i, part in enumerate(text.split("\n")):
                if i:
                    self._flush(keep_blank=True)
                    self.cursor += 1
                self._emit(part)
            return
        self._emit(text)
        self.cursor += text.count("\n")

    def _emit(self, s: str) -> None:
        if self.buf_line is None and s.strip():
            self.buf_line = self.cursor
        (self.row[-1] if self.row is not None else self.buf).append(s)

    def _flush(self, paragraph: bool = False, keep_blank: bool = False) -> None:
        line = _clean("".join(self.buf), collapse=not self.pre_depth)
        self.buf = []
        if line:
            self._add(line, self.buf_line or self.cursor)
        elif keep_blank and self.lines and self.lines[-1]:
            self._add("", self.cursor)
        if paragraph and self.lines and self.lines[-1]:
            self._add("", self.line_map[-1])  # a paragraph break, as in a text filing
        self.buf_line = None

    def _flush_row(self) -> None:
        cells = [c for c in (_clean("".join(cell)) for cell in self.row or []) if c]
        if cells:
            self._add(" | ".join(cells), self.buf_line or self.cursor)
        self.row, self.row_tr, self.buf_line = None, None, None

    def _add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.line_map.append(line)


def _is_cover_row(tr) -> bool:
    """A real table row (cells side by side), not a layout row wrapping the page."""
    if next(tr.iterdescendants("table"), None) is not None:
        return False
    size = 0
    for chunk in tr.itertext():
        size += len(chunk)
        if size > LAYOUT_ROW_CHARS:
            return False
    return True


def _clean(s: str, collapse: bool = True) -> str:
    s = _SPACES.sub(" ", _ZERO_WIDTH.sub("", s))
    return _MULTI_SPACE.sub(" ", s).strip() if collapse else s.rstrip()


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
