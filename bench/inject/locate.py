"""Where a value sits in the raw file.

The raw bytes are decoded as Latin-1, which maps every byte to one character and back, so an
offset in the text is an offset in the file and an edit keeps every other byte as it was.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.parse.item_text import NOT_ABBREVIATION


@dataclass
class Raw:
    text: str  # the file's bytes as Latin-1 characters
    starts: list[int]  # offset of each line (0-based index = line - 1)

    @classmethod
    def of(cls, data: bytes) -> "Raw":
        text = data.decode("latin-1")
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(text, starts)

    def offset(self, line: int) -> int:
        """Offset of the start of 1-based ``line`` (end of file past the last line)."""
        if line < 1:
            return 0
        return self.starts[line - 1] if line - 1 < len(self.starts) else len(self.text)

    def line_of(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def window(self, line: int, after: int, before: int = 0) -> tuple[int, int]:
        return self.offset(line - before), self.offset(line + after + 1)

    def replace(self, start: int, end: int, new: str) -> bytes:
        return (self.text[:start] + new + self.text[end:]).encode("latin-1")


@dataclass
class Span:
    start: int
    end: int
    text: str


# A number token: not glued to other digits, a thousands group or a decimal part.
def _number_re(token: str) -> re.Pattern:
    return re.compile(r"(?<![\d,.])" + re.escape(token) + r"(?![\d]|[,.]\d)")


def number_tokens(value) -> list[str]:
    """The ways a share count is printed: '1,019,531' and '1019531'."""
    from decimal import Decimal
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return [f"{value:,}", str(value)]
    n = int(value)
    return list(dict.fromkeys([f"{n:,}", str(n)]))


def find_number(raw: Raw, line: int | None, tokens: list[str], after: int = 25,
                before: int = 0, skip_tags: bool = True) -> Span | None:
    """The first printed token at or after ``line`` (within ``after`` lines), outside markup."""
    if line is None:
        return None
    lo, hi = raw.window(line, after, before)
    best: Span | None = None
    for tok in tokens:
        for m in _number_re(tok).finditer(raw.text, lo, hi):
            if skip_tags and _inside_tag(raw.text, m.start()):
                continue
            if best is None or m.start() < best.start:
                best = Span(m.start(), m.end(), m.group(0))
            break
    return best


def find_numbers(raw: Raw, line: int, tokens: list[str], after: int) -> list[Span]:
    """Every printed token from ``line`` on (within ``after`` lines), outside markup, in order."""
    lo, hi = raw.window(line, after)
    spans = [Span(m.start(), m.end(), m.group(0)) for tok in tokens
             for m in _number_re(tok).finditer(raw.text, lo, hi) if not _inside_tag(raw.text, m.start())]
    return sorted(spans, key=lambda sp: sp.start)


# A sentence's end: a full stop or semicolon and a space, not the stop of an abbreviation names
# are printed with ('Inc.', 'Co.', 'Mr.', an initial): the checker's list of them.
_SENTENCE_END = re.compile(NOT_ABBREVIATION + r"[.;]\s")


def sentence_before(text: str, pos: int, reach: int = 400) -> str:
    """The words of ``text`` from the start of the sentence holding ``pos`` up to it."""
    lo = max(0, pos - reach)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, pos)]
    return text[ends[-1] if ends else lo:pos]


def _inside_tag(text: str, pos: int) -> bool:
    """True inside '<...>' (an attribute like width="100"), not inside element text."""
    lt = text.rfind("<", 0, pos)
    gt = text.rfind(">", 0, pos)
    return lt > gt


def name_pattern(name: str) -> re.Pattern:
    """A printed name, with any run of spaces, &nbsp; or inline tags between words and the
    usual entity spellings of '&' and apostrophes."""
    gap = r"(?:\s|&nbsp;|&#160;|&#xa0;|\xa0|<[^>]{0,200}>)+"
    parts = []
    for word in name.encode("utf-8").decode("latin-1").split():
        w = "".join(_char_re(c) for c in word)
        parts.append(w)
    return re.compile(gap.join(parts), re.I)


def _char_re(c: str) -> str:
    if c == "&":
        return r"(?:&amp;|&#38;|&)"
    if c in "'\u2019":
        return r"(?:'|&#146;|&#8217;|&rsquo;|\x92|\xe2\x80\x99)"
    return re.escape(c)


def find_name(raw: Raw, name: str, line: int | None, after: int = 12, before: int = 12,
              floor: int = 0) -> Span | None:
    """The printed name nearest to ``line`` (outside markup), at or after offset ``floor``
    where any is (a file printed on one source line has every name on the target line)."""
    if line is None:
        return None
    lo, hi = raw.window(line, after, before)
    target = raw.offset(line)
    hits = [m for m in name_pattern(name).finditer(raw.text, lo, hi) if not _inside_tag(raw.text, m.start())]
    if any(m.start() >= floor for m in hits):
        hits = [m for m in hits if m.start() >= floor]
        target = max(target, floor)
    if not hits:
        return None
    m = min(hits, key=lambda m: abs(m.start() - target))
    return Span(m.start(), m.end(), m.group(0))


# The form's signature certification: the signature blocks follow it.
_CERTIFICATION = re.compile(r"after\s+reasonable\s+inquiry", re.I)


def signature_floor(raw: Raw, line: int | None) -> int:
    """Offset of the last signature certification that starts on or before ``line``'s end, or
    0: on a file of few long source lines the signature's line alone does not place it."""
    if line is None:
        return 0
    end = raw.offset(line + 1)
    found = [m.start() for m in _CERTIFICATION.finditer(raw.text, 0, end)]
    return found[-1] if found else 0


# Box markers: unchecked -> checked, in the spellings filers use.
BOX_PAIRS = [
    (r"\[\s*\]", "[X]"), (r"\[_\]", "[X]"), (r"\(\s+\)", "(X)"), (r"&#168;", "&#254;"),
    (r"\xa8", "\xfe"), (r"\xe2\x98\x90", "\xe2\x98\x92"), (r"&#9744;", "&#9746;"),
    (r"&#x2610;", "&#x2612;"), (r"&#111;", "&#120;"), (r"\bo\b(?=\s*(?:<|$|Rule))", "x"),
]


def find_box(raw: Raw, line: int, after: int = 2, before: int = 0,
             must_mention: str | None = None) -> tuple[Span, str] | None:
    """An unchecked box marker on ``line`` (or the next ``after`` lines); with ``must_mention``,
    only on a line whose text mentions it (e.g. '13d-1(c)')."""
    for ln in range(line - before, line + after + 1):
        lo, hi = raw.window(ln, 0)
        seg = raw.text[lo:hi]
        if must_mention and not re.search(must_mention, _visible(seg), re.I):
            continue
        for pat, checked in BOX_PAIRS:
            for m in re.finditer(pat, seg, re.M):
                if not _inside_tag(seg, m.start()):
                    return Span(lo + m.start(), lo + m.end(), m.group(0)), checked
    return None


def _visible(seg: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", seg))
