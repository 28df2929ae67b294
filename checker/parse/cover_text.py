"""Cover pages in plain text, step 2: read each row's values (markers and regions: cover_regions).

Layouts read: list rows ("- 4 SOURCE OF FUNDS" / value below), pipe tables (a row per label, the
value in the last cell or in continuation rows under it), flattened grids (labels 7-10 first,
then the four values in order), column-aligned text with the stub on the left (what 1990s SGML
<TABLE> blocks become), labels wrapped over two lines, and abbreviated pages of "Item N:" lines.
A value region that holds another row's printed number, or a run of stacked rows with more or
fewer values than rows, cannot be placed with confidence: those rows stay ``None`` and a
ParseIssue says why.
"""
from __future__ import annotations

import re

from checker.model import Amount, Codes, CoverPage, Flag, ParseIssue, Percent, TextValue
from checker.names import clean_name, name_parts, split_joint_names
from checker.parse import values as V
from checker.parse.cover_regions import (
    Marker,
    Region,
    cut_region,
    find_markers,
    group_pages,
)
from checker.parse.labels import (
    AMOUNT_KEYS,
    is_label_text,
    IRS_PHRASE,
    LABEL_WORDS,
    ROW_NUMBER,
    ROW_TITLE,
)

# The value may run on into a page marker or the form name ('037833100SCHEDULE 13D'): read_cusip cuts it.
CUSIP_LINE = re.compile(r"cusip\s*(?:no\.?|number|#)?\s*[:.]?\s*([0-9A-Z][0-9A-Z \-]{6,14}[0-9A-Z](?:\b|[A-Z]+))", re.I)
# Label words left in front of a number: "PERSON - 2,110,933" (the label wrapped onto the value's line).
_WORD = re.compile(r"\s*([A-Za-z]+)\.?[\s:\-–]*")
_VALUE_START = re.compile(r"[\d(\-–]|none\b|nil\b", re.I)
# A row that points elsewhere instead of giving a number is not blank and not zero.
# A row-1 name that cannot end there ('... as Trustee for the M.A.', 'FIRST INTERSTATE BANK OF ARI-'),
# and a next line that can continue it (a capitalised word, not an identification number).
_NAME_OPEN_END = re.compile(r"(?:\b(?:of|for|the|and)|&|,|-|\b[A-Z]\.)$", re.I)
_NAME_GOES_ON = re.compile(r"[A-Z][A-Za-z]")
_REFERENCE = re.compile(r"^\(?\s*see\s+(?:item|row|note|footnote|preliminary|response|attached|below|above)"
                        r"|^not\s+applicable$|^n/?a$", re.I)


class CoverReader:
    """Reads every cover page of one text document."""

    def __init__(self, lines: list[str], file_line, schedule: str | None, html: bool = False):
        self.lines = lines
        self.file_line = file_line  # text line index -> line in the user's file
        self.schedule = schedule or "13D"
        self.html = html  # HTML rows carry their own value cell: an empty one is a blank row
        self.issues: list[ParseIssue] = []

    def read(self, markers: list[Marker] | None = None) -> list[CoverPage]:
        markers = find_markers(self.lines) if markers is None else markers
        self._position = {id(m): n for n, m in enumerate(markers)}
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
            pos = self._position[id(m)]
            nxt = all_markers[pos + 1] if pos + 1 < len(all_markers) else None
            row_no = m.num if m.num is not None else numbers.get(m.key)
            next_no = (nxt.num if nxt.num is not None else numbers.get(nxt.key)) if nxt else None
            regions[m.key] = (m, cut_region(self.lines, m, nxt, row_no, next_no))
        if "name" not in regions:
            page.fragment = True
        else:
            self._read_name(page, *regions["name"])
        page.cusip = self._page_cusip(prev_end, pm[0].idx)
        if page.name is None and not page.fragment:
            self._name_above(page, prev_end, pm[0].idx)
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
        if any(m.items for m in pm):
            return "items"
        lines = [self.lines[m.idx] for m in pm]
        if any("|" in ln for ln in lines):
            return "pipe-table"
        if any("\t" in ln for ln in lines):
            return "grid"
        return "list"

    def _page_cusip(self, start: int, end: int) -> TextValue | None:
        for idx in range(end, max(start, end - 15) - 1, -1):
            m = CUSIP_LINE.search(self.lines[idx])
            token = re.split(r"\s{2,}", m.group(1))[0] if m else ""  # "811916105   13G": not one token
            if len(re.findall(r"\d", token)) >= 3:  # "Cusip No. not available" is no CUSIP
                return TextValue(value=V.read_cusip(token), line=self.file_line(idx))
        return None

    def _name_above(self, page: CoverPage, start: int, end: int) -> None:
        """Row 1 left empty, the name printed above its label, under the page's CUSIP line
        ('CUSIP No. 833964109   13G   Page 2' / 'Acme, Ltd. and Jane Roe' / '00-000000' / '1. NAME OF ...')."""
        top = next((i for i in range(end - 1, max(start, end - 8) - 1, -1) if CUSIP_LINE.search(self.lines[i])), None)
        if top is None:
            return
        for idx in range(top + 1, end):
            text = self.lines[idx].strip()
            if not text or not re.search(r"[A-Za-z]{2}", text) or is_label_text(text):
                continue
            name, irs = clean_name(text)
            if re.search(r"[A-Za-z]{2}", name):
                page.name = TextValue(value=name, line=self.file_line(idx))
                page.joint_names = split_joint_names(name)
                page.name_parts = [] if page.joint_names else name_parts(name)
                return

    def _read_name(self, page: CoverPage, m: Marker, region: Region) -> None:
        for idx, text in region.chunks:
            name, irs = clean_name(IRS_PHRASE.sub(" ", text))
            if irs and page.irs_number is None:
                page.irs_number = TextValue(value=irs, line=self.file_line(idx))
            if page.name is not None and _NAME_OPEN_END.search(page.name.value) and _NAME_GOES_ON.match(name):
                # 'Wachovia Bank ..., as Trustee for the M.A.' / 'Hanna Company ... Trust': one name
                joined = re.sub(r"-$", "", page.name.value) + ("" if page.name.value.endswith("-") else " ") + name
                page.name = TextValue(value=joined, line=page.name.line)
                page.joint_names = split_joint_names(joined)
                page.name_parts = [] if page.joint_names else name_parts(joined)
            elif re.search(r"[A-Za-z]{2}", name) and page.name is None:
                page.name = TextValue(value=name, line=self.file_line(idx))
                page.joint_names = split_joint_names(name)
                page.name_parts = [] if page.joint_names else name_parts(name)

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
            page.citizenship = TextValue(value=chunk[1].strip(" *:"), line=self.file_line(chunk[0]))
        if "type" in regions:
            for idx, text in regions["type"][1].chunks:
                if re.search(r"[A-Za-z]", text):
                    page.type_codes = Codes(codes=V.split_codes(text), raw=text, line=self.file_line(idx))
                    break
        if "percent" in regions:
            self._read_percent(page, *regions["percent"])

    def _read_percent(self, page: CoverPage, m: Marker, region: Region) -> None:
        row = ROW_NUMBER[self.schedule]["percent"]
        # the value itself a bound ('Less than 1%', '<0.1%'), not a figure that words after it compare
        vague = next(((i, t) for i, t in region.chunks if _BOUND.match(_unlabel(t))), None)
        if vague:  # 'Less than 1%' is not a percent to compute with; it is not blank either
            page.unread_rows.append(row)
            self.issues.append(ParseIssue(
                kind="percent-bound", line=self.file_line(vague[0]), evidence=vague[1][:80],
                person=page.name.value if page.name else None,
                message=f"row {row} (percent of class) states a bound, not a figure: '{vague[1][:40]}'; "
                        "no percent check uses it"))
            return
        found = [(idx, c) for idx, text in region.chunks for c in V.parse_percent_candidates(text)]
        if not found:
            found = [(idx, c) for idx, text in region.chunks if (c := V.parse_bare_percent(_unlabel(text)))]
        if not found:
            comma = [(idx, c) for idx, text in region.chunks if (c := V.parse_comma_percent(_unlabel(text)))]
            if len(comma) == 1:
                idx, (value, decimals, raw) = comma[0]
                self.issues.append(ParseIssue(
                    kind="decimal-comma", line=self.file_line(idx), evidence=raw[:80],
                    person=page.name.value if page.name else None,
                    message=f"row {row} (percent of class) '{raw[:40]}' has a comma as its decimal mark "
                            f"(it cannot separate thousands): read as {value}%"))
                found = comma
        if len(found) == 1 or (found and len({c[0] for _, c in found}) == 1):
            idx, (value, decimals, raw) = found[0]
            page.percent = Percent(value=value, decimals=decimals, raw=raw, line=self.file_line(idx))
        elif len(found) > 1:
            page.unread_rows.append(ROW_NUMBER[self.schedule]["percent"])
            self._unplaced(page, m.idx, f"row {ROW_NUMBER[self.schedule]['percent']} (percent of class) "
                           "holds several percents: " + ", ".join(c[2] for _, c in found) + "; none is taken")

    def _read_amounts(self, page: CoverPage, pm: list[Marker], regions: dict) -> None:
        """Rows 7-11 (13G 5-9), including the grid layout where the values follow the labels."""
        run: list[str] = []  # stacked rows (no value slot of their own) waiting for their values
        misaligned: list[tuple[str, int]] = []
        self._references: list[tuple[str, int, str]] = []
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
                if self._garbled(page, m, region) or self._reference(page, m, region) \
                        or region.own_lines or self.html:
                    run = []  # a blank row (its own lines or cell hold nothing): it stays None
                else:
                    run.append(m.key)
                continue
            if len(amounts) == 1 and not run:
                setattr(page, m.key, amounts[0])
            elif len(amounts) == len(run) + 1:  # grid: labels first, then one value per label
                for key, amount in zip(run + [m.key], amounts):
                    setattr(page, key, amount)
            else:
                self._unplaceable(page, m, run + [m.key], amounts)
            run = []
        self._report_references(page)
        self._report_glued_footnotes(page)
        if misaligned:
            numbers = ROW_NUMBER[self.schedule]
            page.unread_rows.extend(numbers[k] for k, _ in misaligned)
            self._unplaced(page, misaligned[0][1], "misaligned grid: "
                           + "; ".join(f"row {numbers[k]} ({ROW_TITLE[k]}) has its value beside another "
                                       f"row's number (line {self.file_line(i)})" for k, i in misaligned)
                           + "; these rows cannot be read with confidence and are left empty")

    def _unplaceable(self, page: CoverPage, m: Marker, rows: list[str], amounts: list[Amount]) -> None:
        numbers = ROW_NUMBER[self.schedule]
        page.unread_rows.extend(numbers[k] for k in rows)
        self._unplaced(page, m.idx,
                       f"rows {numbers[rows[0]]}-{numbers[rows[-1]]} "
                       f"({', '.join(ROW_TITLE[k] for k in rows)}) list {len(amounts)} value(s) "
                       f"for {len(rows)} row(s): "
                       + ", ".join(f"{a.shares:,} (line {a.line})" for a in amounts)
                       + "; they cannot be placed with confidence")

    def _reference(self, page: CoverPage, m: Marker, region: Region) -> bool:
        """'(See Item 4)', 'Not Applicable' in a number row: present but not a number. The row is
        reported as unreadable (not blank, never 0)."""
        if not region.chunks:
            return False
        idx, text = region.chunks[0]
        if not _REFERENCE.match(text.strip()):
            return False
        page.unread_rows.append(ROW_NUMBER[self.schedule][m.key])
        self._references.append((m.key, idx, text))
        return True

    def _garbled(self, page: CoverPage, m: Marker, region: Region) -> bool:
        """A row that starts like a number but is not one ('1,353,46', 40 digits): unread, reported,
        never guessed at and never 0."""
        if not region.chunks:
            return False
        idx, text = region.chunks[0]
        if not V.unreadable_number(_unlabel(text)):
            return False
        row = ROW_NUMBER[self.schedule][m.key]
        page.unread_rows.append(row)
        self.issues.append(ParseIssue(
            kind="unreadable-number", line=self.file_line(idx), evidence=text.strip()[:80],
            person=page.name.value if page.name else None,
            message=f"row {row} ({ROW_TITLE[m.key]}) '{text.strip()[:40]}' is not a share count that can be "
                    "read with confidence; it is left empty"))
        return True

    def _report_references(self, page: CoverPage) -> None:
        """One finding per page for the rows that point elsewhere ('(See Item 4)')."""
        if not self._references:
            return
        numbers = ROW_NUMBER[self.schedule]
        rows = ", ".join(f"{numbers[k]} ({ROW_TITLE[k]})" for k, _, _ in self._references)
        idx, text = self._references[0][1], self._references[0][2]
        self.issues.append(ParseIssue(
            kind="unreadable-value", line=self.file_line(idx), evidence=text[:80],
            person=page.name.value if page.name else None,
            message=f"row(s) {rows} state no number ('{text[:40]}'): they are left empty, not 0"))
        self._references = []

    def _report_glued_footnotes(self, page: CoverPage) -> None:
        """One finding per page for the rows read by taking a footnote mark off the figure
        ('1,353,4681' read as 1,353,468): a reading under an assumption, which the reviewer
        confirms (the filer's own copy of the figure may differ). Not in HTML, where the mark is
        set apart by markup the text does not keep (a superscript, a smaller font raised)."""
        if self.html:
            return
        glued = [(k, a, mark) for k in AMOUNT_KEYS
                 if (a := getattr(page, k)) is not None and (mark := V.glued_footnote(a.raw))]
        if not glued:
            return
        numbers = ROW_NUMBER[self.schedule]
        rows = ", ".join(f"{numbers[k]} ({ROW_TITLE[k]})" for k, _, _ in glued)
        _, first, mark = glued[0]
        printed = first.raw.split()[0]
        self.issues.append(ParseIssue(
            kind="glued-footnote", line=first.line, evidence=first.raw[:80],
            person=page.name.value if page.name else None,
            message=f"row(s) {rows}: '{printed}' is read as {first.shares:,} with a footnote mark "
                    f"'{mark}' run onto it (a fourth digit after the last comma); confirm the figure"))

    def _amounts(self, region: Region) -> list[Amount]:
        out: list[Amount] = []
        for idx, text in region.chunks:
            amount = V.parse_amount(_unlabel(text), self.file_line(idx))
            if amount is not None:
                out.append(amount)
            elif out:  # text after a value continues it ("... owned by Acme" / "Small Cap ...")
                out[-1] = V.parse_amount(out[-1].raw + " " + text, out[-1].line) or out[-1]
        return out

    def _unplaced(self, page: CoverPage, idx: int, message: str) -> None:
        self.issues.append(ParseIssue(kind="unplaced-value", message=message, line=self.file_line(idx),
                                      person=page.name.value if page.name else None,
                                      evidence=self.lines[idx].strip()[:160]))


_BOUND = re.compile(r"^[\s*(]*(?:less\s+than|<)\s*\.?\d", re.I)


def _unlabel(text: str) -> str:
    """'PERSON - 2,110,933' -> '2,110,933': label words left before a number are not the value."""
    pos = 0
    while (m := _WORD.match(text, pos)) and m.group(1).lower() in LABEL_WORDS:
        pos = m.end()
    if pos and _VALUE_START.match(text, pos):
        return text[pos:]
    m = _OWNER_PREFIX.match(text)  # 'Ariel: 3,098,947': the person's short name before its value
    return text[m.end():] if m else text


_OWNER_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z.&'\-]*(?:\s+[A-Z][A-Za-z.&'\-]*){0,2}\s*:\s*(?=\d)")

