"""Load untrusted XML safely, and find elements by case-insensitive local name.

Filings come from outside: an XML file may carry an entity bomb, external entities, absurd
nesting or garbage. lxml is set up to expand nothing and fetch nothing; DTD entity
declarations and nesting deeper than any real filing are refused outright, and every
failure becomes a ``ParseIssue`` (kind ``malformed-xml``) rather than an exception.
"""
from __future__ import annotations

import functools

import re
from collections.abc import Iterator

from lxml import etree

from checker.model import ParseIssue

MAX_DEPTH = 200  # a real 13D/G is about 6 levels deep
_DOCTYPE = re.compile(rb"<!DOCTYPE\b", re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY\b", re.I)
_DECL_ENCODING = re.compile(rb"^(<\?xml[^>]*?encoding\s*=\s*[\"'])([^\"']+)([\"'])")


def _parser(recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, remove_comments=True, remove_pis=True,
                           recover=recover)


def load_tree(data: bytes, first_line: int = 1):
    """Parse ``data``; return ``(root or None, issues)``.

    ``first_line`` is the line of the user's file where ``data`` starts, so issue lines
    point at the user's file. On a syntax error the recovering parser still salvages what
    it can (a truncated file keeps its first cover pages), alongside the issue.
    """
    data, issues = _prepare(data, first_line)
    m = _DOCTYPE.search(data[:65536])
    if m and _ENTITY_DECL.search(data, m.end(), 1 << 20):
        return None, issues + [ParseIssue(
            kind="malformed-xml", line=first_line + data[: m.start()].count(b"\n"),
            message="XML declares entities in a DOCTYPE (possible entity-expansion attack); "
                    "not parsed", evidence="<!DOCTYPE ... <!ENTITY ...")]
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        issue = _syntax_issue(exc, first_line)
        if "depth" in str(exc).lower():
            return None, issues + [issue]  # do not retry a nesting bomb
        return _salvage(data), issues + [issue]
    except (ValueError, MemoryError, etree.LxmlError) as exc:
        return None, issues + [ParseIssue(kind="malformed-xml", line=first_line,
                                          message=f"XML could not be parsed: {_one_line(exc)}")]
    depth_issue = _check_depth(root, first_line)
    return (None, issues + [depth_issue]) if depth_issue else (root, issues)


def _prepare(data: bytes, first_line: int) -> tuple[bytes, list[ParseIssue]]:
    """Drop a UTF-8 BOM, leading blank lines (lxml rejects a late XML declaration) and NULs."""
    issues = []
    while data.startswith(b"\xef\xbb\xbf"):  # editors that concatenate files leave several
        data = data[3:]
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.lstrip()
        nuls = data.count(b"\x00")
        if nuls:
            at = data.index(b"\x00")
            issues.append(ParseIssue(
                kind="malformed-xml", line=first_line + data[:at].count(b"\n"),
                message=f"XML contains {nuls} NUL byte(s), which XML does not allow; ignored them"))
            data = data.replace(b"\x00", b"")
        # XML spells it DOCTYPE; HTML habits write '<!doctype': same bytes, same lines, same intent.
        m = _DOCTYPE.search(data[:65536])
        if m and m.group(0) != b"<!DOCTYPE":
            data = data[:m.start()] + b"<!DOCTYPE" + data[m.end():]
        # Text decoded upstream and re-encoded as UTF-8 can still declare UTF-16: trust the bytes.
        m = _DECL_ENCODING.match(data)
        if m and m.group(2).lower().replace(b"-", b"") in (b"utf16", b"utf32", b"ucs2", b"ucs4"):
            data = m.group(1) + b"UTF-8" + m.group(3) + data[m.end():]
    return data, issues


def _salvage(data: bytes):
    try:
        root = etree.fromstring(data, _parser(recover=True))
    except (etree.LxmlError, ValueError):
        return None
    if root is None or _check_depth(root, 1):
        return None
    return root


def _check_depth(root, first_line: int) -> ParseIssue | None:
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            return ParseIssue(kind="malformed-xml", line=(el.sourceline or 1) + first_line - 1,
                              message=f"XML nests deeper than {MAX_DEPTH} levels; not a filing")
    return None


def _syntax_issue(exc: etree.XMLSyntaxError, first_line: int) -> ParseIssue:
    line = exc.lineno if exc.lineno else 1
    return ParseIssue(kind="malformed-xml", line=line + first_line - 1,
                      message=f"XML is not well-formed: {_one_line(exc)}")


def _one_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


# -- finding elements: local names, case-insensitive ----------------------------------------
def lname(el) -> str:
    """Local name in lower case ("" for anything that is not an element)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return _local(tag)


@functools.lru_cache(maxsize=4096)
def _local(tag: str) -> str:
    # Tags repeat across persons and filings: computing each once is most of the XML speed.
    return tag.rsplit("}", 1)[-1].lower()


def kids(el, *names: str) -> Iterator:
    """Direct children with one of ``names`` (lower case), in document order."""
    for c in el:
        if lname(c) in names:
            yield c


def kid(el, *names: str):
    return next(kids(el, *names), None) if el is not None else None


def find(el, *names: str):
    """First descendant (depth-first, document order) with one of ``names``."""
    if el is None:
        return None
    return next((d for d in el.iterdescendants() if lname(d) in names), None)


def find_all(el, *names: str) -> list:
    if el is None:
        return []
    return [d for d in el.iterdescendants() if lname(d) in names]


def elements(el) -> Iterator:
    """``el`` and every element under it: not the entity references an undeclared '&NBSP;'
    leaves in the tree (nor comments), which have no text of their own to read."""
    return el.iter(etree.Element)


def is_leaf(el) -> bool:
    """No element inside (an undeclared entity reference inside is part of the text)."""
    return not any(isinstance(c.tag, str) for c in el)


def text_of(el) -> str:
    """All text inside ``el``, with the CRs of ``&#13;`` dropped and ends trimmed."""
    if el is None:
        return ""
    return "".join(el.itertext()).replace("\r", "").strip()
