"""edgar._scan_blocks finds its tag lines with one multiline search; this checks it against the
per-line scan it replaced (kept here as the reference) on odd synthetic submissions and the corpus."""
from __future__ import annotations

import re

from checker.sources import edgar

_TAG_LINE = re.compile(r"^<(/?)(DOCUMENT|TEXT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|XML|PDF)>(.*)$", re.I)


def reference_scan(lines):
    blocks, cur, in_text = [], None, False
    for i, raw in enumerate(lines):
        if not raw.startswith("<"):
            continue
        m = _TAG_LINE.match(raw.rstrip())
        if not m:
            continue
        closing, tag, rest = m.group(1), m.group(2).upper(), m.group(3).strip()
        if tag == "DOCUMENT" and not closing:
            if cur is not None:
                cur.close = i
                if in_text:
                    cur.body_end = i
            cur, in_text = edgar._Block(line=i + 1), False
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
    for b in blocks:
        if not b.body_start:
            b.body_start = b.line
            b.body_end = b.close or len(lines)
    return blocks


SAMPLES = [
    "<SEC-HEADER>\nCONFORMED SUBMISSION TYPE: SC 13D\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SC 13D  \t\n"
    "<SEQUENCE>1\n<FILENAME>a.txt\n<DESCRIPTION> x \x0c\n<TEXT>\nbody\n <DOCUMENT> indented\n</TEXT>\n</DOCUMENT>\n",
    "<document>\n<type>ex-99\n<text>\n<TEXT>\n<document>\nno close\n<TYPE>GRAPHIC\u2028\n<TEXT>\nbegin 644 x\n",
    "<DOCUMENT>\n<TYPE>SC 13G\n<TEXT>\n</TEXT>\n</TEXT>\n<TYPE>late\n</DOCUMENT>\n</DOCUMENT>\n<DOCUMENT>",
    "\n\n<DOCUMENT>\x85\n<TYPE>\n<TEXTX>\n<TEXT>trailing\n</TEXT>   \n</DOCUMENT>\u00a0\n",
    "",
]


def test_scan_blocks_same_as_per_line_scan():
    for text in SAMPLES:
        lines = edgar._split_lines(text)
        assert edgar._scan_blocks(lines) == reference_scan(lines), text


def test_scan_blocks_same_on_the_corpus(corpus):
    from checker import sources
    n = 0
    for path in sorted(corpus.rglob("*.txt")):
        lines = edgar._split_lines(sources.decode(path.read_bytes()).replace("\x00", ""))
        assert edgar._scan_blocks(lines) == reference_scan(lines), path.name
        n += 1
    assert n > 10
