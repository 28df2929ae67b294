"""Signature blocks of a text filing: who each '/s/' signs for.

Two layouts occur. Usually the entity is printed above the signature, maybe with a chain of
"By: <general partner>" lines between ("ACME ... L.P." / "By: Acme Capital
Management, LLC, General Partner" / "By: /s/ Jane Roe" / "Jane Roe, Co-Managing Member").
Some filers put it below ("/s/ Monica R. Landry" / "NOONDAY CAPITAL, L.L.C." / "By Monica R.
Landry, Attorney-in-fact"). A signature with no entity signs for the signer only when the signer
signs individually; an officer or attorney-in-fact signing for someone not printed is not a
reporting person. A heading that cannot be read as names gives no signature at all: recording
nothing is better than recording prose as a reporting person.

This module cuts the blocks: each '/s/' with its printed name and capacity lines (a ``Unit``),
its date, columns printed side by side. Whom a block signs for is read in signature_names.py.
"""
from __future__ import annotations

import re

from checker.model import DateValue, Signature
from checker.parse import values as V
from checker.parse.signature_names import (
    Unit, after_name, by_entity, dated_cell, entity_after_title, entity_below, entity_under, heading_names,
    individual_name, looks_like_name, office_entity, principals_of, same_signer,
)
from checker.parse.signature_patterns import (
    _CONNECTOR, _DATED, _DEGREE, _MARKER_BY, _META, _MONTH_YEAR, _PIPE, _PIPE_GLUE, _ROLE, _SLASH_S, _WIDE_GAP,
    SIGNATURE_LABEL,
)
from checker.parse.signature_wraps import blank as _blank, conform_starred, join_parenthesised, join_wraps


def read_signatures(lines: list[str], start: int, end: int, context: str, file_line) -> list[Signature]:
    """Every signature between start and end; blocks printed side by side are read column by column."""
    return read_signature_blocks(lines, start, end, context, file_line)[0]


def read_signature_blocks(lines: list[str], start: int, end: int, context: str,
                          file_line) -> tuple[list[Signature], list[Signature]]:
    """(signatures, unattributed): the second list holds the signatures given for an entity the
    block does not print ('By /s/ Jane Roe' / 'President'), with an empty name; the caller may know
    whom they can only be for."""
    col = _column_split(lines, start, end)
    if col is None:
        sigs = _read_column(lines, start, end, context, file_line)
    else:
        left = _read_column([ln[:col] for ln in lines[:end]], start, end, context, file_line)
        right = _read_column([ln[col:] if len(ln) > col else "" for ln in lines[:end]], start, end, context,
                             file_line)
        dated = next((s.date for s in left if s.date), None)  # a full-width "Dated:" line falls in the left column
        sigs = left + [s.model_copy(update={"date": s.date or dated}) for s in right]
    return [s for s in sigs if s.name], [s for s in sigs if not s.name]


def _column_split(lines: list[str], start: int, end: int) -> int | None:
    """Where a second signature column starts: the wide gap before the second '/s/' on a line."""
    for line in lines[start:end]:
        if line.lower().count("/s/") < 2 or "|" in line:
            continue
        second = line.lower().index("/s/", line.lower().index("/s/") + 3)
        gap = None
        for m in re.finditer(r"\S\s{3,}(?=\S)", line[:second + 1]):
            gap = m.end()
        return gap
    return None


def _read_column(lines: list[str], start: int, end: int, context: str, file_line) -> list[Signature]:
    # Absolute indexes, but only the block's own lines are cleaned (the rest is never read).
    text = [""] * start + [_clean(lines[i]) if i < len(lines) else "" for i in range(start, end)]
    conform_starred(lines, text, start, end)
    join_parenthesised(text, start, end)
    join_wraps(text, start, end)
    sigs: list[Signature] = []
    prev_end = start
    date = None
    for k in range(start, end):
        if k < prev_end:
            continue  # a signature's own printed name and capacity lines
        date = _date_on(text[k], k, file_line) or date
        m = _SLASH_S.search(text[k])
        if not m:
            continue
        unit = _unit(text, k, end, _strip_name(m.group(1)))
        if unit is None:
            continue
        below = entity_below(text, unit, end)
        if below is not None:
            names, unit.tail_end = below
        else:
            names = heading_names(text, k, prev_end) or individual_name(unit) or entity_after_title(unit)
            if not names and (under := entity_under(text, unit, end)):
                names, unit.tail_end = under
        by = by_entity(text, k, prev_end) if below is None else None
        principals = principals_of(unit)
        if not names and not principals:
            names = [""]  # signed for someone the block does not name (see read_signature_blocks)
        for name in names:
            sigs.append(Signature(name=name, signer=unit.signer, capacity=unit.capacity, date=date, by=by,
                                  line=file_line(unit.line), context=context))
        for name in principals:
            capacity = "attorney-in-fact" if re.search(r"attorney[-\s]in[-\s]fact", unit.tail, re.I) else unit.capacity
            sigs.append(Signature(name=name, signer=unit.signer, capacity=capacity, date=date,
                                  line=file_line(unit.line), context=context))
        office = office_entity(unit, names, principals)
        if office:
            sigs.append(Signature(name=office, signer=unit.signer, capacity=unit.capacity, date=date,
                                  party=False, line=file_line(unit.line), context=context))
        prev_end = unit.tail_end
    return sigs


def _clean(line: str) -> str:
    s = line.replace("**", "").replace("\\$", "$").replace("\t", " ")
    if "    " in s:
        s = _WIDE_GAP.sub("   ", s)  # a wide gap stays wide (a column), but bounded
    if "|" in s:
        s = _PIPE.sub(" | ", s)
    s = s.strip(" |`")
    s = _MARKER_BY.sub("", s)  # '^By /s/ ...', '*By: /s/ ...': the marker points at a footnote
    s = _PIPE_GLUE.sub(" ", s) if "|" in s else s
    return SIGNATURE_LABEL.sub("By: ", s) if s[:1] in "Ss" else s


def _date_on(t: str, k: int, file_line) -> DateValue | None:
    """'Dated: May 21, 2024' (maybe with an entity beside it), or a line that is only a date."""
    m = _DATED.match(t)
    found = V.first_date(m.group(1)) if m and t[:1].isupper() else None
    if found is None and len(t) < 30:
        alone = V.first_date(t)
        found = alone if alone and alone[1] == t.strip(" ,.") else None
    return DateValue(value=found[0], raw=found[1], line=file_line(k)) if found else None


def _strip_name(s: str) -> str:
    name = re.sub(r"\s+", " ", s.replace("|", " ")).strip(" _-*")
    # '/s/ Jane Roe' with the printed 'Jane Roe' under a rule in the same cell: one line, the name twice
    words = name.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _unit(text: list[str], k: int, end: int, signer: str) -> Unit | None:
    """The printed name and capacity lines after a /s/ line."""
    j, capacity, line, printed = k + 1, None, k, None
    while j < end:
        t = text[j]
        if _blank(t):
            if not _tail_goes_on(text, j, end, signer) and (not t or j > k + 6):
                break
            j += 1
            continue
        meta = _META.match(t)
        if not signer and not meta and looks_like_name(t):
            signer = t  # '/s/' alone, the printed name under it
            name, _, role = t.partition(",")
            if role.strip() and _ROLE.match(role.strip()):
                signer, capacity = name.strip(), role.strip()  # 'Fredric H. Gould, Partner'
        elif meta and not signer and not re.search(r"title|^its\b", t, re.I):
            signer = meta.group(1)
        elif meta:
            capacity = after_name(meta.group(1), signer) or capacity
        elif same_signer(t, signer):
            rest = after_name(t, signer)
            if rest and _DEGREE.fullmatch(rest):
                printed = t.strip()  # 'JoMei Chang, Ph.D.': a degree or suffix, not a capacity
            else:
                capacity = rest or capacity
        elif _dates_next_signature(text, j, end) or dated_cell(t):
            break  # 'January 30, 2015' over the next '/s/ Fred Wilson', or beside its entity: that block's date
        elif _capacity_line(t, text[j - 1] if j > k + 1 else ""):
            capacity = capacity or t
        else:
            break
        line = j if line == k else line
        j += 1
    if not signer:
        return None
    tail = " ".join(t for t in text[k + 1:j] if not _blank(t))
    return Unit(idx=k, signer=signer, tail_end=j, capacity=capacity, line=line, tail=tail, printed=printed)


def _dates_next_signature(text: list[str], j: int, end: int) -> bool:
    """A line that is a date alone with the next signature right under it."""
    t = text[j].strip()
    if len(t) >= 40 or not V.first_date(t) or not (_MONTH_YEAR.match(t) or _DATED.match(t) or re.fullmatch(r"[\d/.\-]+", t)):
        return False
    return signature_follows(text, j, end)


def signature_follows(lines: list[str], j: int, end: int) -> bool:
    """The first line under line j, past blank lines, rules and the form's captions ('Date',
    '(Signature)'), is a conformed signature: the date on line j is that signature's own."""
    nxt = next((ln for ln in lines[j + 1:min(end, j + 6)] if not _blank(ln.strip())), "")
    return bool(_SLASH_S.search(nxt))


def _tail_goes_on(text: list[str], j: int, end: int, signer: str) -> bool:
    """After a blank line: the name/title, or the rest of an unfinished capacity ('... attorney-
    in-fact for' / 'each of A, B and C'), still belong to the signature above."""
    nxt = next((x for x in range(j + 1, min(end, j + 4)) if not _blank(text[x])), None)
    if nxt is None:
        return False
    return bool(_META.match(text[nxt]) or same_signer(text[nxt], signer)
                or re.search(r"\b(?i:for|of|and)$|,$", text[j - 1]) and _CONNECTOR.match(text[nxt])
                or same_signer(text[j - 1], signer) and _ROLE.match(text[nxt]))


_DEGREE_END = re.compile(r"\b" + _DEGREE.pattern + r"$", re.I)


def _capacity_line(t: str, before: str) -> bool:
    """A capacity ('Managing Member', 'as director of'), or the rest of one that ran onto this
    line (the line before ends open: a comma, 'and', 'for', an initial)."""
    if _SLASH_S.search(t):
        return False  # the next signature, not the rest of this one's capacity
    return bool(_ROLE.match(t) or _CONNECTOR.match(t) or t[:1].islower() or _MONTH_YEAR.match(t)
                or t[:1].isdigit() or re.search(r"(?:,|\b(?i:and|for|of)|\b[A-Z]\.)$", before)
                and not _DEGREE_END.search(before))  # 'Jane Roe, Ph.D.', 'JOHN ROE, JR.' end there
