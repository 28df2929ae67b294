"""EDGAR full submissions: SGML header + ``<DOCUMENT>`` blocks -> one ``Document``.

Handles the modern ``<SEC-DOCUMENT>``/``<SEC-HEADER>`` form, the 1990s
``-----BEGIN PRIVACY-ENHANCED MESSAGE-----`` + ``<IMS-HEADER>`` form, and a lone
``<DOCUMENT>`` block. The main document (the SC 13D/G or SCHEDULE 13D/G one) becomes
``Document.text`` (text or HTML) or ``Document.xml`` (structured filings); every text line
maps back to its line in the submission file, so findings point at the file the user gave.
Exhibits are kept (as text) in ``header["exhibits"]``: joint filing agreements live there.
Binary documents (uuencoded PDFs, graphics, zips) are recorded but never decoded.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import islice

from checker.model import ParseIssue
from checker.sources import Document
from checker.sources.html import html_to_text, typed_in_pre
from checker.sources.spacing import typed_layout

MAIN_TYPE = re.compile(r"^(SC|SCHEDULE)\s*13[DG]\b", re.I)
BINARY_TYPES = re.compile(r"^(GRAPHIC|ZIP|PDF|EXCEL|XBRL|JPG|GIF|PNG)", re.I)
_UUENCODE = re.compile(r"^begin [0-7]{3,4} \S")
# Matched after a newline: the search skips from line start to line start on the literal "\n<".
_TAG_LINE = re.compile(r"\n<(/?)(DOCUMENT|TEXT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|XML|PDF)>([^\n]*)", re.I)
# 1990s text filings carry SGML <TABLE>/<S>/<C> tags, so "table" alone does not mean HTML.
_HTML_HINT = re.compile(r"<(html|body)\b", re.I)
_HTML_TAG = re.compile(r"</?(p|div|font|br|tr|td|span|b|i)\b[^>]*>", re.I)
# SGML typesetting tags of 1990s text filings. Blanked with spaces of the same width, not
# deleted, so column-aligned cover-page tables stay aligned.
_SGML_TAG = re.compile(r"</?(PAGE|TABLE|S|C|CAPTION|FN|F\d{1,2}|R|L)>", re.I)
# str.splitlines() breaks on these; blank them so text lines stay aligned with line_map.
_ODD_BREAKS = re.compile("[\f\v\x1c-\x1e\x85\u2028\u2029]")


@dataclass
class _Block:
    line: int  # 1-based line of <DOCUMENT>
    type: str = ""
    sequence: str = ""
    filename: str = ""
    description: str = ""
    body_start: int = 0  # 0-based index of the first line after <TEXT>
    body_end: int = 0  # 0-based index of </TEXT> (exclusive end)
    close: int = 0  # 0-based index of </DOCUMENT>
    closed: bool = False

    def binary(self, lines: list[str]) -> bool:
        if BINARY_TYPES.match(self.type) or self.filename.lower().endswith(
                (".pdf", ".jpg", ".jpeg", ".gif", ".png", ".zip", ".xls", ".xlsx")):
            return True
        for raw in lines[self.body_start:min(self.body_end, self.body_start + 5)]:
            s = raw.strip()
            if s.upper() == "<PDF>" or _UUENCODE.match(s):
                return True
        return False


def unwrap_submission(text: str, path: str, sha: str) -> Document:
    lines = _split_lines(text)
    doc = Document(path=path, sha256=sha, format="edgar-submission")
    blocks = _scan_blocks(lines)
    header_end = blocks[0].line - 1 if blocks else len(lines)
    doc.header = read_header(lines[:header_end])
    doc.header["documents"] = [_describe(b, lines) for b in blocks]
    if not blocks:
        doc.issues.append(ParseIssue(kind="truncated", line=len(lines),
                                     message="EDGAR submission has a header but no <DOCUMENT> block"))
        doc.text, doc.line_map = _plain(lines, 0, len(lines))
        return doc
    main = _pick_main(blocks, lines)
    for b in blocks:
        if not b.closed:
            doc.issues.append(ParseIssue(
                kind="truncated", line=b.line,
                message=f"<DOCUMENT> {b.type or '?'} at line {b.line} has no closing </DOCUMENT>: "
                        "the file looks truncated"))
    if main.binary(lines):
        doc.issues.append(ParseIssue(kind="not-a-filing", line=main.line,
                                     message=f"main document ({main.type or 'untyped'}) is binary"))
    else:
        _fill_main(doc, main, lines)
    doc.header["exhibits"] = [
        _exhibit(b, lines) for b in blocks if b is not main and not b.binary(lines)]
    return doc


def _split_lines(text: str) -> list[str]:
    """Lines ending in CRLF, LF or CR (what ``re.split(r"\r\n|\n|\r", text)`` gives, faster)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _scan_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    cur: _Block | None = None
    in_text = False
    # One search over the joined lines instead of a test per line (submissions carry tens of
    # thousands of exhibit lines). It finds the lines a per-line match of the line's rstrip()
    # found: what rstrip() removed was only ever in the rest, which is stripped anyway.
    joined = "\n" + "\n".join(lines)  # every line, the first too, follows a newline
    i, pos = 0, 0
    for m in _TAG_LINE.finditer(joined):
        i += joined.count("\n", pos, m.start())  # the 0-based index of the match's line
        pos = m.start()
        closing, tag, rest = m.group(1), m.group(2).upper(), m.group(3).strip()
        if tag == "DOCUMENT" and not closing:
            if cur is not None:  # a new block without </DOCUMENT>: close the old one here
                cur.close = i
                if in_text:
                    cur.body_end = i
            cur, in_text = _Block(line=i + 1), False
            blocks.append(cur)
        elif cur is None:
            continue
        elif tag == "DOCUMENT":
            if in_text:
                cur.body_end = i
            cur.close, cur.closed = i, True
            cur, in_text = None, False
        elif in_text:
            if tag == "TEXT" and closing:
                cur.body_end, in_text = i, False
        elif tag == "TEXT" and not closing:
            cur.body_start, cur.body_end, in_text = i + 1, len(lines), True
        elif not closing and tag in ("TYPE", "SEQUENCE", "FILENAME", "DESCRIPTION"):
            setattr(cur, tag.lower(), rest)
    for b in blocks:  # a block without <TEXT>: its body is whatever follows the tags
        if not b.body_start:
            b.body_start = b.line
            b.body_end = b.close or len(lines)
    return blocks


def _pick_main(blocks: list[_Block], lines: list[str]) -> _Block:
    for b in blocks:
        if MAIN_TYPE.match(b.type):
            return b
    return next((b for b in blocks if not b.binary(lines)), blocks[0])


def _fill_main(doc: Document, b: _Block, lines: list[str]) -> None:
    start, end = b.body_start, b.body_end
    xml_at = _xml_start(lines, start, end)
    if xml_at is not None:
        stop = next((i for i in range(xml_at, end) if lines[i].strip().upper() == "</XML>"), end)
        doc.xml = "\n".join(lines[xml_at:stop]).encode("utf-8")
        doc.xml_first_line = xml_at + 1
        return
    if _html_body(lines, start, end):
        body = "\n".join(lines[start:end])
        doc.text, doc.line_map = _html_text(body, start)
        doc.body_html = not typed_in_pre(body)
    else:
        doc.text, doc.line_map = _plain(lines, start, end)


def _xml_start(lines: list[str], start: int, end: int) -> int | None:
    """Index of the first XML line of a structured filing in this body, else None."""
    for i in range(start, min(end, start + 50)):
        s = lines[i].strip()
        if not s:
            continue
        if s.upper() == "<XML>":
            return next((j for j in range(i + 1, end) if lines[j].strip()), None)
        if s.startswith("<?xml") or re.match(r"<(\w+:)?edgarSubmission\b", s):
            return i
        return None
    return None


def _convert(lines: list[str], start: int, end: int) -> tuple[str, list[int]]:
    """Body lines (HTML or text) to plain text and a map to 1-based lines of the file."""
    if _html_body(lines, start, end):
        return _html_text("\n".join(lines[start:end]), start)
    return _plain(lines, start, end)


def _html_text(body: str, start: int) -> tuple[str, list[int]]:
    text, rel = html_to_text(body)
    return text, list(map(start.__add__, rel))  # rel is 1-based within the body (map: no Python loop)


def _html_body(lines: list[str], start: int, end: int) -> bool:
    """The body is HTML: an <html> or <body> tag, or three HTML tags, in its first 200 lines."""
    head = "\n".join(lines[start:min(end, start + 200)])
    return bool(_HTML_HINT.search(head)) or len(list(islice(_HTML_TAG.finditer(head), 3))) >= 3


def _plain(lines: list[str], start: int, end: int) -> tuple[str, list[int]]:
    # Neither pattern matches across a line break, so one pass over the joined body is the same
    # as one pass per line, and much cheaper.
    text = _SGML_TAG.sub(_blank_tag, "\n".join(lines[start:end]))
    return typed_layout(_ODD_BREAKS.sub(" ", text), list(range(start + 1, end + 1)))


def _blank_tag(m: re.Match) -> str:
    return " " * len(m.group(0))


def _describe(b: _Block, lines: list[str]) -> dict:
    return {"type": b.type, "sequence": b.sequence, "filename": b.filename,
            "description": b.description, "line": b.line, "binary": b.binary(lines)}


# An exhibit is read for what the checks need from it (is it the joint filing agreement, who
# signs it): its opening, not a 300-page credit agreement in full.
EXHIBIT_LINES = 600


def _exhibit(b: _Block, lines: list[str]) -> dict:
    text, line_map = _convert(lines, b.body_start, min(b.body_end, b.body_start + EXHIBIT_LINES))
    return {**_describe(b, lines), "text": text, "line_map": line_map}


# -- the SGML header ----------------------------------------------------------------------
_HEADER_LINE = re.compile(r"^(\s*)([A-Z][A-Z0-9 .\-/&()]*?):\s*(.*?)\s*$")


def read_header(lines: list[str]) -> dict:
    """Header facts; ``header["lines"]`` gives the 1-based line of each one."""
    h: dict = {"group_members": [], "lines": {}}
    section = ""
    for n, raw in enumerate(lines, start=1):
        m = _HEADER_LINE.match(raw)
        if not m:
            continue
        indent, key, value = m.group(1), m.group(2).strip(), m.group(3)
        if not indent and not value and key in ("SUBJECT COMPANY", "FILED BY", "FILER"):
            section = key
            continue
        if key == "CONFORMED SUBMISSION TYPE":
            _put(h, "form_type", value, n)
        elif key == "FILED AS OF DATE":
            _put(h, "filed", _date(value), n)
        elif key == "CONFORMED PERIOD OF REPORT":
            _put(h, "period", _date(value), n)
        elif key == "ACCESSION NUMBER":
            _put(h, "accession", value, n)
        elif key == "GROUP MEMBERS" and value:
            h["group_members"].append(value)
            h["lines"].setdefault("group_members", []).append(n)
        elif key == "COMPANY CONFORMED NAME" and section == "SUBJECT COMPANY":
            _put(h, "subject_company", value, n)
        elif key == "CENTRAL INDEX KEY" and section == "SUBJECT COMPANY":
            _put(h, "subject_cik", value, n)
        elif key == "COMPANY CONFORMED NAME" and section in ("FILED BY", "FILER"):
            _put(h, "filed_by", value, n)
        elif key == "CENTRAL INDEX KEY" and section in ("FILED BY", "FILER"):
            _put(h, "filed_by_cik", value, n)
    return h


def _put(h: dict, key: str, value, line: int) -> None:
    if value in (None, "") or key in h:
        return  # first occurrence wins (a second SUBJECT COMPANY is rare and secondary)
    h[key] = value
    h["lines"][key] = line


def _date(raw: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(raw.strip()[:8], "%Y%m%d").date()
    except ValueError:
        return None
