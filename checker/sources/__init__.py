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


# What may precede the root element of an XML filing (the prolog): byte-order marks (some
# tools write two), whitespace, the XML declaration and other processing instructions (a
# stylesheet), comments, and a DOCTYPE in any case. A DOCTYPE is allowed so that an entity
# bomb reaches the hardened XML parser (which refuses it with a parse issue) instead of being
# read as a text filing. The prolog is skipped item by item, so its length does not matter.
_PROLOG_ITEM = re.compile(rb"(?:\xef\xbb\xbf|\s)+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE\b[^\[>]*(?:\[.*?\])?\s*>",
                          re.S | re.I)
_XML_ROOT = re.compile(rb"<(?:\w[\w.-]*:)?edgarSubmission\b")


def xml_root_at(data: bytes) -> int | None:
    """Offset of the ``edgarSubmission`` root after any prolog, or None if this is not one."""
    pos = 0
    while True:
        m = _PROLOG_ITEM.match(data, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos if _XML_ROOT.match(data, pos) else None


_HTML_START = re.compile(r"<(html|body|table|div|p|font|center|br)\b", re.I)
_EDGAR_START = re.compile(r"<SEC-HEADER>|<SEC-DOCUMENT>|<IMS-HEADER>|-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
                          r"|^<DOCUMENT>", re.M)


def load(path: str | Path) -> Document:
    """Read a regular file (never a FIFO, device or socket) of at most MAX_BYTES."""
    name = display_path(path)
    return load_bytes(read_limited(path, name), name)


def display_path(path: str | Path) -> str:
    """The path as printable text, losslessly: bytes of a file name that are not UTF-8 (held
    by Python as surrogate escapes) become ``\\xNN``, so JSON, SARIF and terminals get valid
    UTF-8 and the same name always gives the same text."""
    raw = os.fsencode(os.fspath(path))
    return raw.decode("utf-8", errors="backslashreplace")


def read_limited(path: str | Path, name: str) -> bytes:
    """The file's bytes. The size limit is enforced while reading (stat can lie: /dev/zero,
    /proc files, a file that grows), and only regular files are opened for reading: a FIFO
    would block forever, a device could be endless."""
    try:
        mode = os.stat(path).st_mode  # before opening: opening a FIFO or socket can block or fail
        if not stat.S_ISREG(mode):
            raise UnreadableInput(f"{name}: not a regular file ({_kind(mode)}); only files are read")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UnreadableInput(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableInput(f"{name}: not a regular file ({_kind(mode)}); only files are read")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadableInput(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"{name}: file is over the {MAX_BYTES:,}-byte limit")
    return data


def _kind(mode: int) -> str:
    for test, label in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return label
    return "not a file"


def load_bytes(data: bytes, path: str) -> Document:
    if not data.strip():
        raise UnreadableInput(f"{path}: file is empty")
    sha = hashlib.sha256(data).hexdigest()
    has_bom16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not has_bom16 and looks_binary(data) and not _utf16_without_bom(data):
        raise UnreadableInput(f"{path}: binary data, not a text, HTML or XML filing")
    if not has_bom16 and xml_root_at(data) is not None:
        return Document(path=path, sha256=sha, format="xml", xml=data,
                        xml_first_line=_first_content_line(data))
    text = decode(data).replace("\x00", "")
    if _EDGAR_START.search(text[:20000]):
        from checker.sources.edgar import unwrap_submission
        return unwrap_submission(text, path, sha)
    if xml_root_at(text.encode("utf-8", "replace")) is not None:
        return Document(path=path, sha256=sha, format="xml", xml=text.encode("utf-8"))
    if _HTML_START.search(text[:5000]):
        from checker.sources.html import html_to_text
        body, line_map = html_to_text(text)
        return Document(path=path, sha256=sha, format="html", text=body, line_map=line_map)
    return Document(path=path, sha256=sha, format="text", text=text)


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
