"""Cover pages in plain text: find the row labels, cut each row's value region, read the values.

Layouts read (all three occur in the seed): list rows ("- 4 SOURCE OF FUNDS" / value below),
pipe tables (a row per label, the value in the last cell or in continuation rows under it),
and flattened grids (labels 7-10 first, then the four values in order). A value region that
holds another row's printed number, or a run of rows with more or fewer values than rows,
cannot be placed with confidence: those rows stay ``None`` and a ParseIssue says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.model import Amount, Codes, CoverPage, Flag, ParseIssue, Percent, TextValue
from checker.parse import values as V
from checker.parse.labels import (AMOUNT_KEYS, IRS_PHRASE, ROW_NUMBER, ROW_ORDER, ROW_TITLE, is_stub,
                                  match_label)

NOISE = re.compile(r"^\s*(edgar\s+filing:|cusip\s+(no|number)\b|page\s+\d+\s+of\s+\d+\s*$|<page>)", re.I)
ITEM_HEADING = re.compile(r"^[\s*#]*item\s+\d{1,2}\b", re.I)
CUSIP_LINE = re.compile(r"cusip\s*(?:no\.?|number|#)?\s*[:.]?\s*([0-9A-Z][0-9A-Z \-]{6,14}[0-9A-Z])\b", re.I)
NUMBERISH = re.compile(r"^\s*[-–—(]*\s*(\d|none\b|nil\b|-0-)", re.I)


@dataclass
class Marker:
    idx: int  # line index in the document text
    cell: int  # cell index on that line
    key: str
    num: int | None
    rest: str  # the cell's text after the label


@dataclass
class Region:
    chunks: list[tuple[int, str]] = field(default_factory=list)  # (line index, text) values
    conflict: int | None = None  # line index of another row's printed number holding a value


def split_cells(line: str) -> list[str]:
    if "|" in line:
        return line.split("|")
    if "\t" in line:
        return line.split("\t")
    return [line]


def find_markers(lines: list[str]) -> list[Marker]:
    markers: list[Marker] = []
    for idx, line in enumerate(lines):
        if markers and ITEM_HEADING.match(line):
            break  # the body starts: row labels in prose are not cover rows
        for c, cell in enumerate(split_cells(line)):
            hit = match_label(cell)
            if hit:
                key, num, end = hit
                markers.append(Marker(idx, c, key, num, cell[end:]))
    return markers


def group_pages(markers: list[Marker]) -> list[list[Marker]]:
    """A new page starts at each row 1, or where the row order goes backwards (a fragment)."""
    pages: list[list[Marker]] = []
    for m in markers:
        if m.key == "name" or not pages or ROW_ORDER[m.key] <= ROW_ORDER[pages[-1][-1].key]:
            pages.append([m])
        else:
            pages[-1].append(m)
    return pages


def cut_region(lines: list[str], m: Marker, nxt: Marker | None, row_no: int | None) -> Region:
    region = Region()
    end_idx = nxt.idx if nxt else min(len(lines), m.idx + 40)
    pieces: list[tuple[int, str]] = []
    for idx in range(m.idx, end_idx + 1 if nxt else end_idx):
        if idx >= len(lines):
            break
        cells = split_cells(lines[idx])
        if idx == m.idx:
            first = m.cell + 1
            cells = [m.rest] + cells[first:]
        if nxt is not None and idx == nxt.idx:
            cells = cells[: nxt.cell] if idx != m.idx else cells[: nxt.cell - m.cell]
        next_line = nxt is not None and idx == nxt.idx
        text = _value_text(cells, row_no, region, idx, lines[idx], next_line)
        pieces.append((idx, text))
    region.chunks = _chunk(pieces)
    return region


def _value_text(cells: list[str], row_no: int | None, region: Region, idx: int, raw: str,
                next_line: bool) -> str:
    if NOISE.match(raw):
        return ""
    stripped = [c.strip().strip("*").strip() for c in cells]
    nonempty = [i for i, c in enumerate(stripped) if c]
    kept = []
    for i, c in enumerate(stripped):
        if not c or is_stub(c) or re.fullmatch(r"[-–=:\s]+", c):
            continue
        if next_line and re.fullmatch(r"\d{1,2}", c):
            continue  # the next row's own printed number, standing before its label
        if re.fullmatch(r"\d{1,2}", c) and 1 <= int(c) <= 14 and nonempty and i != nonempty[-1]:
            # A printed row number. If it is not this row's and a value follows it, the value
            # belongs to another row as printed: the grid cannot be read with confidence.
            if row_no is not None and int(c) != row_no and region.conflict is None:
                region.conflict = idx
            continue
        kept.append(c)
    return " ".join(kept)


def _chunk(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Blank lines separate values; a line starting with a number starts a new value."""
    chunks: list[tuple[int, str]] = []
    open_chunk = False
    for idx, text in pieces:
        if not text:
            open_chunk = False
            continue
        if open_chunk and not NUMBERISH.match(text):
            chunks[-1] = (chunks[-1][0], chunks[-1][1] + " " + text)
        else:
            chunks.append((idx, text))
        open_chunk = True
    return chunks


class CoverReader:
    """Reads every cover page of one text document."""

    def __init__(self, lines: list[str], file_line, schedule: str | None):
        self.lines = lines
        self.file_line = file_line  # text line index -> line in the user's file
        self.schedule = schedule or "13D"
        self.issues: list[ParseIssue] = []

    def read(self) -> list[CoverPage]:
        markers = find_markers(self.lines)
        pages = []
        prev_end = 0
        for n, page_markers in enumerate(group_pages(markers)):
            page = self._page(n, page_markers, markers, prev_end)
            prev_end = page_markers[-1].idx
            pages.append(page)
        return pages

    def _page(self, n: int, pm: list[Marker], all_markers: list[Marker], prev_end: int) -> CoverPage:
        numbers = ROW_NUMBER[self.schedule]
        page = CoverPage(index=n, line=self.file_line(pm[0].idx), layout=self._layout(pm),
                         rows_seen=sorted({numbers[m.key] for m in pm if m.key in numbers}))
        regions = {}
        for m in pm:
            pos = all_markers.index(m)
            nxt = all_markers[pos + 1] if pos + 1 < len(all_markers) else None
            regions[m.key] = (m, cut_region(self.lines, m, nxt, m.num or numbers.get(m.key)))
        if "name" not in regions:
            page.fragment = True
        else:
            self._read_name(page, *regions["name"])
        page.cusip = self._page_cusip(prev_end, pm[0].idx)
        self._read_simple_rows(page, regions)
        self._read_amounts(page, pm, regions)
        if page.fragment:
            rows = ", ".join(str(numbers[m.key]) for m in pm if m.key in numbers)
            self.issues.append(ParseIssue(
                kind="fragment", line=page.line, evidence=self.lines[pm[0].idx].strip()[:120],
                message=f"cover-page fragment: only row(s) {rows} survive, with no reporting person "
                        f"named; its values are not attributed to anyone"))
        return page

    def _layout(self, pm: list[Marker]) -> str:
        lines = [self.lines[m.idx] for m in pm]
        if any("|" in ln for ln in lines):
            return "pipe-table"
        if any("\t" in ln for ln in lines):
            return "grid"
        return "list"

    def _page_cusip(self, start: int, end: int) -> TextValue | None:
        for idx in range(end, max(start, end - 15) - 1, -1):
            m = CUSIP_LINE.search(self.lines[idx])
            if m:
                return TextValue(value=re.sub(r"[\s\-]", "", m.group(1)).upper(), line=self.file_line(idx))
        return None

    def _read_name(self, page: CoverPage, m: Marker, region: Region) -> None:
        for idx, text in region.chunks:
            text = IRS_PHRASE.sub(" ", text)
            irs = re.search(r"\b(\d{2})\s*-\s*(\d{7})\b", text)
            if irs and page.irs_number is None:
                page.irs_number = TextValue(value=f"{irs.group(1)}-{irs.group(2)}", line=self.file_line(idx))
            name = re.split(r"\b(?:tax\s+id|i\.?r\.?s\.?\s+(?:no|number|identification))", text, flags=re.I)[0]
            name = re.sub(r"\b\d{2}-\d{7}\b", " ", name).strip(" -–:*#,")
            if re.search(r"[A-Za-z]{2}", name) and page.name is None:
                page.name = TextValue(value=re.sub(r"\s+", " ", name), line=self.file_line(idx))

    def _first(self, regions, key) -> tuple[int, str] | None:
        if key not in regions:
            return None
        chunks = regions[key][1].chunks
        return chunks[0] if chunks else None

    def _read_simple_rows(self, page: CoverPage, regions: dict) -> None:
        if "group" in regions:
            m, region = regions["group"]
            text = " ".join(t for _, t in region.chunks)
            page.group_box = V.group_boxes(text)
            page.group_line = self.file_line(m.idx)
        for key, attr in (("legal", "legal_proceedings"), ("excludes", "excludes_shares")):
            if key in regions:
                m, region = regions[key]
                text = " ".join(t for _, t in region.chunks)
                setattr(page, attr, Flag(value=V.box_checked(text), raw=text[:40], line=self.file_line(m.idx)))
        chunk = self._first(regions, "funds")
        if chunk:
            page.source_of_funds = Codes(codes=V.split_codes(chunk[1]), raw=chunk[1], line=self.file_line(chunk[0]))
        chunk = self._first(regions, "citizenship")
        if chunk:
            page.citizenship = TextValue(value=chunk[1].strip(" *"), line=self.file_line(chunk[0]))
        if "type" in regions:
            for idx, text in regions["type"][1].chunks:
                if re.search(r"[A-Za-z]{2}", text):
                    page.type_codes = Codes(codes=V.split_codes(text), raw=text, line=self.file_line(idx))
                    break
        if "percent" in regions:
            self._read_percent(page, *regions["percent"])

    def _read_percent(self, page: CoverPage, m: Marker, region: Region) -> None:
        found = [(idx, c) for idx, text in region.chunks for c in V.parse_percent_candidates(text)]
        if not found:
            found = [(idx, c) for idx, text in region.chunks if (c := V.parse_bare_percent(text))]
        if len(found) == 1:
            idx, (value, decimals, raw) = found[0]
            page.percent = Percent(value=value, decimals=decimals, raw=raw, line=self.file_line(idx))
        elif len(found) > 1 and len({c[0] for _, c in found}) > 1:
            page.unread_rows.append(ROW_NUMBER[self.schedule]["percent"])
            self._unplaced(page, m.idx, "row 13 (percent of class) holds several percents: "
                           + ", ".join(c[2] for _, c in found) + "; none is taken")

    def _read_amounts(self, page: CoverPage, pm: list[Marker], regions: dict) -> None:
        """Rows 7-11 (13G 5-9), including the grid layout where the values follow the labels."""
        run: list[str] = []
        misaligned: list[tuple[str, int]] = []
        for m in pm:
            if m.key not in AMOUNT_KEYS:
                continue
            m, region = regions[m.key]
            if region.conflict is not None:
                misaligned.append((m.key, region.conflict))
                run = []
                continue
            amounts = self._amounts(region)
            if not amounts:
                run.append(m.key)
                continue
            if len(amounts) == 1 and not run:
                setattr(page, m.key, amounts[0])
            elif len(amounts) == len(run) + 1:  # grid: labels first, then one value per label
                for key, amount in zip(run + [m.key], amounts):
                    setattr(page, key, amount)
            else:
                rows = run + [m.key]
                numbers = ROW_NUMBER[self.schedule]
                page.unread_rows.extend(numbers[k] for k in rows)
                self._unplaced(page, m.idx,
                               f"rows {numbers[rows[0]]}-{numbers[rows[-1]]} "
                               f"({', '.join(ROW_TITLE[k] for k in rows)}) list {len(amounts)} value(s) "
                               f"for {len(rows)} row(s): "
                               + ", ".join(f"{a.shares:,} (line {a.line})" for a in amounts)
                               + "; they cannot be placed with confidence")
            run = []
        if misaligned:
            numbers = ROW_NUMBER[self.schedule]
            page.unread_rows.extend(numbers[k] for k, _ in misaligned)
            self._unplaced(page, misaligned[0][1], "misaligned grid: "
                           + "; ".join(f"row {numbers[k]} ({ROW_TITLE[k]}) has its value beside another "
                                       f"row's number (line {self.file_line(i)})" for k, i in misaligned)
                           + "; these rows cannot be read with confidence and are left empty")

    def _amounts(self, region: Region) -> list[Amount]:
        out: list[Amount] = []
        for idx, text in region.chunks:
            amount = V.parse_amount(text, self.file_line(idx))
            if amount is not None:
                out.append(amount)
            elif out:  # text after a value continues it ("... owned by Wynnefield" / "Small Cap ...")
                out[-1] = V.parse_amount(out[-1].raw + " " + text, out[-1].line) or out[-1]
        return out

    def _unplaced(self, page: CoverPage, idx: int, message: str) -> None:
        self.issues.append(ParseIssue(kind="unplaced-value", message=message, line=self.file_line(idx),
                                      person=page.name.value if page.name else None,
                                      evidence=self.lines[idx].strip()[:160]))
