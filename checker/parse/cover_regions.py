"""Cover pages in plain text, step 1: find the row labels and cut each row's value region.

A marker is a row label found at the start of a cell ("7. SOLE VOTING POWER", "| 7 | SOLE VOTING
POWER |", "NUMBER OF   5   SOLE VOTING POWER"), or an abbreviated row ("Item 5:  2,542,287").
A region is the text between one marker and the next, cleaned of what is not a value: the stub
("Number of Shares Beneficially Owned ..."), the tail of a wrapped label, rules, page headers and
printed row numbers. A value printed beside another row's number is not cleaned away: the region
records the conflict, because the row it belongs to cannot be told with confidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.parse.labels import (
    ROW_NUMBER_CELL,
    ROW_ORDER,
    STUB_WORDS,
    is_label_text,
    match_label,
    may_hold_label,
    row_key,
    short_label,
)

NOISE = re.compile(r"^\s*(edgar\s+filing:|cusip\s*(no|number|#)|page\s+\d+\s+of\s+\d+|\(?page\s+\d+|<page>"
                   r"|\*?\s*see\s+instructions?\s+before)", re.I)
_NOISE_FIRST = "ecp(<*s"  # the characters a NOISE line can start with, after its indentation
ITEM_HEADING = re.compile(r"^[\s*#]*item\s+\d{1,2}\b", re.I)
# Abbreviated cover pages list the rows as "Item 5:  2,542,287" (row numbers, not body items).
ITEM_ROW = re.compile(r"^\s*item\s+(\d{1,2})\s*:\s*(.*)$", re.I)
_RULE = re.compile(r"[-–—=_:.\s]+")
# "(a) | |", "2(e) |_|", "(b) |X|": a box typed with pipes, which must not split the line into cells.
_PIPE_BOX = re.compile(r"(?<=\))\s*\|\s?([xX✓_\-]?)\s?\|")
_GAP = re.compile(r"\s{3,}")
# A value that does not end here: "259,487 shares (of which" / "256,487 shares are issuable ...".
_OPEN_END = re.compile(r"(?:\b(?:and|or|of|which|the|a|an|by|to|in|upon|for|with|at)|[,(])\s*$", re.I)
NUMBERISH = re.compile(r"^\s*[-–—(]*\s*(\.?\d|none\b|nil\b|-0-)", re.I)
_NUMBERED_HEAD = re.compile(r"^[\s_\-=]*\(?\d{1,2}[.)]?\)?\s+[A-Za-z]")
# The stub beside rows 7-10 ('Number of Shares Beneficially Owned By Each Reporting Person With'):
# a run of its words, before a row's number on the same line.
_STUB_RUN = r"(?:(?:" + "|".join(sorted(STUB_WORDS)) + r")\s+)+"
_STUB_BEFORE = re.compile(r"^\s*" + _STUB_RUN + r"(?=\(?\d{1,2}[.)]?\)?\s)", re.I)
# A note printed under a row ('*See Item 5.', '† This percentage is calculated ...'): the page's
# footnotes begin; the row's value has ended (cut_region: after the value, or under the last row).
_FOOTNOTE_LINE = re.compile(r"^\s*[*†‡]+\s*[A-Za-z(]")
# Stub words, then a value, with one space between ('NUMBER OF -', 'PERSON 1,000': HTML folds the
# gap between the stub column and the value): the value.
_STUB_THEN_VALUE = re.compile(r"^" + _STUB_RUN + r"(?=[-–—]+$|[-–—]\s*0\s*[-–—]$|\d)", re.I)
_LABEL_END = re.compile(r"[\s:*†‡]*(?:[-–—](?=\s|$))?")  # "POWER - 30,048": the dash separates
_ITEM_ROW_LABEL = re.compile(r"^\s*(?:reporting\s+persons?|citizenship)\b", re.I)
_ZERO_MARK = re.compile(r"[-–—]{1,3}|_{2,20}")


@dataclass
class Marker:
    idx: int  # line index in the document text
    cell: int  # cell index on that line
    key: str
    num: int | None
    rest: str  # the cell's text after the label
    rest_idx: int | None = None  # line holding ``rest`` when the label wrapped onto the next line
    items: bool = False  # an abbreviated "Item N:" row


@dataclass
class Region:
    chunks: list[tuple[int, str]] = field(default_factory=list)  # (line index, text) values
    conflict: int | None = None  # line index of another row's printed number holding a value
    own_lines: int = 0  # lines between this label and the next: 0 when the labels are stacked


# Cached: find_markers and cut_region split the same lines, and a cover page's lines recur on
# every page of a filing. A tuple, so that no caller can change the cached cells.
@lru_cache(maxsize=8192)
def split_cells(line: str) -> tuple[str, ...]:
    if "|" in line:
        line = _PIPE_BOX.sub(_typed_box, line)
        if "|" in line:
            return tuple(line.split("|"))
    return (line,)  # a tab is no cell border: typed text comes with its tabs expanded (sources/spacing.py)


def _typed_box(m: re.Match) -> str:
    return f" [{m.group(1).strip('_-') or ' '}]"


def find_markers(lines: list[str]) -> list[Marker]:
    items = item_rows(lines)
    markers: list[Marker] = []
    skip = -1
    for idx, line in enumerate(lines):
        if idx in items:
            markers.append(items[idx])
            continue
        if markers and ITEM_HEADING.match(line):
            break  # the body starts: row labels in prose are not cover rows
        if idx <= skip or not line or line.isspace():
            continue  # a blank line holds no label, whole or wrapped
        labelled = may_hold_label(line)  # most lines hold no label word: skip the per-cell tests
        for c, cell in enumerate(split_cells(line)):
            hit = (match_label(cell) or short_label(cell)) if labelled else None
            if hit:
                key, num, end = hit
                markers.append(Marker(idx, c, key, num, _rest(cell[end:])))
            elif c == 0 and idx + 1 < len(lines) and "|" not in line:
                wrapped = _wrapped_label(cell, lines[idx + 1])
                if wrapped:
                    markers.append(Marker(idx, c, *wrapped, rest_idx=idx + 1))
                    skip = idx + 1
                elif (split := _label_value_then_tail(cell, lines[idx + 1])) is not None:
                    markers.append(Marker(idx, c, *split))
                    skip = idx + 1
    return markers


def _wrapped_label(cell: str, nxt: str) -> tuple[str, int | None, str] | None:
    """'2.   CHECK' / 'THE APPROPRIATE BOX IF A MEMBER OF A GROUP*  (a) x': a numbered label
    broken over two lines, maybe after the stub printed to its left ('Beneficially 8. Shared' /
    'Voting Power: -0-'). Returns (key, number, the next line's text after the label)."""
    head = _STUB_BEFORE.sub("", cell.rstrip())
    if len(head) > 120 or not _NUMBERED_HEAD.match(head):
        return None
    tail = nxt.strip()
    hit = match_label(head + " " + tail)
    if not hit or hit[2] <= len(head) + 1:
        return None
    key, num, end = hit
    return key, num, _rest(tail[end - len(head) - 1:])


def _label_value_then_tail(cell: str, nxt: str) -> tuple[str, int | None, str] | None:
    """'10   SHARED DISPOSITIVE       -0-' / '     POWER:': a numbered label whose last word
    wrapped onto the next line, below the value printed beside the first part."""
    head = cell.rstrip()
    if len(head) > 120:
        return None
    parts = _GAP.split(head.strip())
    while len(parts) > 3 and is_label_text(parts[0]):
        parts = parts[1:]  # the stub printed to the left ('PERSON WITH   10   SHARED ...')
    tail = nxt.strip()
    if len(parts) < 3 or not tail or len(tail) > 40 or not is_label_text(tail.rstrip(":")):
        return None  # number, label, value: three pieces; the tail is label words only
    label, value = " ".join(parts[:-1]), parts[-1]
    if not _NUMBERED_HEAD.match(label):
        return None
    hit = match_label(label + " " + tail)
    if not hit or hit[2] <= len(label) + 1 or not NUMBERISH.match(value):
        return None
    return hit[0], hit[1], " " * (len(head) - len(value)) + value


def _rest(text: str) -> str:
    """The text after a label, without the colon or footnote mark that closes the label. Blanked,
    not deleted, so that column positions stay where they were."""
    m = _LABEL_END.match(text)
    return " " * m.end() + text[m.end():] if m and m.end() else text


def item_rows(lines: list[str]) -> dict[int, Marker]:
    """Abbreviated cover pages: runs of 'Item N:' lines, numbered upwards from 1, a few lines
    apart. (Body items are paragraphs apart and are headed 'Item 1.' with a full title.)"""
    hits = [(i, int(m.group(1)), m.group(2)) for i, ln in enumerate(lines)
            if ":" in ln and (m := ITEM_ROW.match(ln))]
    runs: list[list[tuple[int, int, str]]] = []
    for hit in hits:
        if runs and hit[1] > runs[-1][-1][1] and hit[0] - runs[-1][-1][0] <= 4:
            runs[-1].append(hit)
        else:
            runs.append([hit])
    out: dict[int, Marker] = {}
    for run in runs:
        if run[0][1] != 1 or len(run) < 4:
            continue
        schedule = "13D" if run[-1][1] >= 13 else "13G"  # 13G rows stop at 12
        for idx, num, text in run:
            key = row_key(num, schedule)
            if key:
                out[idx] = Marker(idx, 0, key, num, _item_rest(text), items=True)
    return out


def _item_rest(text: str) -> str:
    """'REPORTING PERSONS', 'Reporting Person - FMR Corp.', 'SOLE VOTING POWER --': the value only."""
    hit = match_label(text)
    if hit:
        text = text[hit[2]:]
    text = _ITEM_ROW_LABEL.sub("", text)
    return text.strip(" -–—:\t")


def group_pages(markers: list[Marker]) -> list[list[Marker]]:
    """A new page starts at each row 1, or where the row order goes backwards (a fragment)."""
    pages: list[list[Marker]] = []
    for m in markers:
        if m.key == "name" or not pages or ROW_ORDER[m.key] <= ROW_ORDER[pages[-1][-1].key]:
            pages.append([m])
        else:
            pages[-1].append(m)
    return pages


def cut_region(lines: list[str], m: Marker, nxt: Marker | None, row_no: int | None,
               next_no: int | None = None) -> Region:
    region = Region()
    first = m.rest_idx if m.rest_idx is not None else m.idx
    end_idx = nxt.idx if nxt else min(len(lines), first + 40)
    region.own_lines = max(0, end_idx - first - 1) if nxt else 1
    pieces: list[tuple[int, str]] = []
    for idx in range(first, end_idx + 1 if nxt else end_idx):
        if idx >= len(lines) or (nxt is None and idx > first and ITEM_HEADING.match(lines[idx])):
            break
        if idx > first and _FOOTNOTE_LINE.match(lines[idx]) and (
                nxt is None or m.key == "type" or any(t.strip() for _, t in pieces)):
            break  # the page's notes: under the last row, or after a row's value
        cells = split_cells(lines[idx])
        if idx == first:
            whole = m.items or m.rest_idx is not None  # ``rest`` already holds the whole line's value
            cells = (m.rest,) + (() if whole else cells[m.cell + 1:])
        if nxt is not None and idx == nxt.idx:
            cells = cells[: nxt.cell] if idx != m.idx else cells[: nxt.cell - m.cell]
        next_line = nxt is not None and idx == nxt.idx
        text = _value_text(cells, (row_no, next_no), region, idx, lines[idx], next_line)
        pieces.append((idx, text))
    region.chunks = _chunk(pieces)
    return region


def _segments(cells: tuple[str, ...], table: bool) -> list[str]:
    """Cells, and within a cell the pieces a wide gap separates (column-aligned text)."""
    out: list[str] = []
    dashes: list[str] = []
    for cell in cells:
        values, marks = _cell_segments(cell)
        out.extend(values)
        dashes.extend(marks)
    table = table and not all(d.startswith("_") for d in dashes)
    # A short dash or blank line alone in a value slot is printed for zero; beside other text (or
    # as a table's border, "- | | |") it is a rule.
    if not out and not table and len(dashes) == 1 and len([c for c in cells if c.strip()]) == 1:
        return dashes
    # 'NUMBER OF | -' in a table: the dash is the only cell beside the stub, so it is the value
    if not out and table and len(dashes) == 1 and dashes[0][0] in "-–—" \
            and [c for c in cells if c.strip() and not is_label_text(c.strip())] == [c for c in cells if c.strip() == dashes[0]]:
        return dashes
    return out


@lru_cache(maxsize=8192)
def _cell_segments(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """One cell's value pieces, and its short dashes or blank lines (which may stand for zero).
    Cached: the stub and label tails repeat on every cover page."""
    values, dashes = [], []
    for seg in _GAP.split(cell):
        seg = _STUB_THEN_VALUE.sub("", seg.strip().strip("*†").strip())
        if seg and not _RULE.fullmatch(seg) and not is_label_text(seg):
            values.append(seg)
        elif seg and _ZERO_MARK.fullmatch(seg):
            dashes.append(seg)
    return tuple(values), tuple(dashes)


def _value_text(cells: tuple[str, ...], numbers: tuple[int | None, int | None], region: Region, idx: int,
                raw: str, next_line: bool) -> str:
    segs = _segments(cells, table="|" in raw)
    if not segs or _is_noise(raw):
        return ""
    row_no, next_no = numbers
    kept = []
    for i, seg in enumerate(segs):
        num = ROW_NUMBER_CELL.match(seg) if len(seg) <= 5 else None  # at most "(12.)"
        if not num or not 1 <= int(num.group(1)) <= 14:
            kept.append(seg)
            continue
        n = int(num.group(1))
        if next_line:
            continue  # the next row's own printed number, standing before its label
        if i < len(segs) - 1:
            # A printed row number with a value after it. If it is not this row's, the value
            # belongs to another row as printed: the grid cannot be read with confidence.
            if row_no is not None and n != row_no and region.conflict is None:
                region.conflict = idx
            continue
        if n in (row_no, next_no):
            continue  # this row's (or the next row's) number, printed apart from its label
        kept.append(seg)
    return " ".join(kept)


def _is_noise(raw: str) -> bool:
    """NOISE.match(raw), after a cheap look at the first printed character: on a failing line
    indented by n spaces the pattern costs n^2 steps, and value lines are indented deeply. (A
    non-ASCII first character goes to the pattern: IGNORECASE matches the long s to "see".)"""
    first = raw.lstrip()[:1]
    if first.isascii() and first.lower() not in _NOISE_FIRST:
        return False
    return NOISE.match(raw) is not None


def _chunk(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Blank lines separate values; a line starting with a number starts a new value, unless the
    value before it is still open ('... shares (of which' / '256,487 shares are issuable')."""
    chunks: list[tuple[int, str]] = []
    open_chunk = False
    for idx, text in pieces:
        if not text:
            open_chunk = False
            continue
        if open_chunk and (not NUMBERISH.match(text) or _continues(chunks[-1][1])):
            chunks[-1] = (chunks[-1][0], chunks[-1][1] + " " + text)
        else:
            chunks.append((idx, text))
        open_chunk = True
    return chunks


def _continues(text: str) -> bool:
    return text.count("(") > text.count(")") or bool(_OPEN_END.search(text))
