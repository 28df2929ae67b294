"""Read a file, detect its format and unwrap it into one ``Document``.

Formats: plain text (like the seed), HTML, Schedule 13D/G XML, and EDGAR full submissions
(``<SEC-HEADER>`` + ``<DOCUMENT>`` blocks, whose main document is text, HTML or XML).
Every line of ``Document.text`` maps back to a line of the file the user gave, so findings
point at the user's file.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from checker.findings import printable_path

# A 13D/G is rarely over 5 MB; full submissions with exhibits can reach tens of MB.
MAX_BYTES = 64 * 1024 * 1024


class UnreadableInput(Exception):
    """The file cannot be read as a filing at all (exit code 2, one line, no traceback)."""


@dataclass
class Document:
    path: str
    sha256: str
    format: str  # text | html | xml | edgar-submission: what the user gave
    text: str = ""  # the main document as plain text (text, html, or text inside a submission)
    line_map: list[int] | None = None  # text line index (0-based) -> 1-based line in the file
    xml: bytes | None = None  # the main document when it is Schedule 13D/G XML
    xml_first_line: int = 1  # line of the file where the XML document starts
    header: dict = field(default_factory=dict)  # EDGAR header facts (form_type, filed, ...)
    issues: list = field(default_factory=list)  # checker.model.ParseIssue found while unwrapping
    # the main document's text came from HTML layout (a submission's body, or the file): rows in
    # cells, footnote marks set apart by markup; not a typed text pasted into a <pre>
    body_html: bool = False

    def file_line(self, index: int) -> int:
        """1-based line in the user's file for 0-based line ``index`` of ``text``."""
        if self.line_map and 0 <= index < len(self.line_map):
            return self.line_map[index]
        return index + 1


def decode(data: bytes) -> str:
    """Bytes to text: BOMs, UTF-16, UTF-8, then Windows-1252 (never fails on legacy bytes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    head = data[:4096]
    # UTF-16 without a BOM: every other byte is NUL in ASCII-range text.
    if len(head) >= 8 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return data.decode("utf-16-le", errors="replace")
    if len(head) >= 8 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * 0.10


# Schedule 13D/G XML: the root element after any prolog (XML declaration, processing
# instructions such as a stylesheet, comments, a DOCTYPE in any case, whitespace, byte-order
# marks). A DOCTYPE is allowed so that an entity bomb reaches the hardened XML parser (which
# refuses it with a parse issue) instead of being read as a text filing.
XML_PROLOG_WINDOW = 256 * 1024
_XML_START = re.compile(rb"^(?:\s|\xef\xbb\xbf|<\?(?:[^?]|\?(?!>))*\?>|<!--(?:[^-]|-(?!->))*-->"
                        rb"|<!DOCTYPE[^\[>]*(?:\[[^\]]*\])?\s*>)*<(?:\w+:)?edgarSubmission\b", re.I)
_HTML_START = re.compile(r"<(html|body|table|div|p|font|center|br)\b", re.I)
_EDGAR_START = re.compile(r"<SEC-HEADER>|<SEC-DOCUMENT>|<IMS-HEADER>|-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
                          r"|^<DOCUMENT>", re.M)


def load(path: str | Path) -> Document:
    """Read a regular file, at most MAX_BYTES. FIFOs, devices and sockets are refused before
    a byte is read (a FIFO would block forever, /dev/zero never ends); the size limit is
    enforced while reading, since stat cannot be trusted for every kind of file."""
    p = Path(path)
    try:
        data = read_regular_file(p)
    except OSError as exc:
        raise UnreadableInput(f"{p}: cannot read: {exc.strerror or exc}") from None
    # Reports, fingerprints and messages use the name's printable form (\\xNN for bytes that
    # are not UTF-8); the file itself was read by its real name above.
    return load_bytes(data, printable_path(str(path)))


def read_regular_file(p: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file; UnreadableInput for anything else or anything too large."""
    _require_regular(p, os.stat(p).st_mode)  # a socket cannot even be opened: say what it is
    # O_NONBLOCK: opening a FIFO with no writer must not block (the file may change after stat).
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        _require_regular(p, os.fstat(handle.fileno()).st_mode)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnreadableInput(f"{p}: file is over the {limit:,}-byte limit")
    return data


def _require_regular(p: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise UnreadableInput(f"{p}: not a regular file ({_file_kind(mode)}); only files are checked")


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "a special file"


def load_bytes(data: bytes, path: str) -> Document:
    if not data.strip():
        raise UnreadableInput(f"{path}: file is empty")
    sha = hashlib.sha256(data).hexdigest()
    has_bom16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not has_bom16 and looks_binary(data) and not _utf16_without_bom(data):
        raise UnreadableInput(f"{path}: binary data, not a text, HTML or XML filing")
    if _XML_START.match(data[:XML_PROLOG_WINDOW]) and not has_bom16:
        return Document(path=path, sha256=sha, format="xml", xml=data,
                        xml_first_line=_first_content_line(data))
    text = decode(data).replace("\x00", "")
    if _EDGAR_START.search(text[:20000]):
        from checker.sources.edgar import unwrap_submission
        return unwrap_submission(text, path, sha)
    if _XML_START.match(text.lstrip("\ufeff").encode("utf-8", "replace")[:XML_PROLOG_WINDOW]):
        return Document(path=path, sha256=sha, format="xml", xml=text.encode("utf-8"))
    if _HTML_START.search(text[:5000]):
        from checker.sources.html import html_to_text, typed_in_pre
        body, line_map = html_to_text(text)
        return Document(path=path, sha256=sha, format="html", text=body, line_map=line_map,
                        body_html=not typed_in_pre(text))
    from checker.sources.spacing import typed_layout
    text, line_map = typed_layout(text)
    return Document(path=path, sha256=sha, format="text", text=text, line_map=line_map)


def _utf16_without_bom(data: bytes) -> bool:
    head = data[:4096]
    if len(head) < 8:
        return False
    odd, even = head[1::2].count(0), head[0::2].count(0)
    # UTF-16 text has NULs in one half only; NULs in both halves (zip, padding) are binary.
    return (odd > len(head) // 4 and even == 0) or (even > len(head) // 4 and odd == 0)


def _first_content_line(data: bytes) -> int:
    stripped = data.lstrip()
    return data[: len(data) - len(stripped)].count(b"\n") + 1
