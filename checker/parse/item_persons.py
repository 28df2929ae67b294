"""Item 5(a) of a 13D with several reporting persons, one sentence each: 'Strategic Value Fund
beneficially owns 12,000,000 shares ..., representing approximately 4.9% ...'.

A sentence's figures belong to the reporting person it is about: the first cover-page name in
the sentence, before the verb. A sentence that names no reporting person is not read; a person
about whom the item states two different amounts is not read at all (which one would be a guess).
"""
from __future__ import annotations

import re

from checker.model import Amount, ItemHolding, Percent
from checker.names import _core, normalize
from checker.parse import values as V
from checker.parse.defined_terms import persons_by_terms
from checker.parse.item_text import SENTENCE_END


def per_person_holdings(item, flat: str, starts, names: list[str], owns: re.Pattern, line_of,
                        keep=lambda m: True, terms: dict[str, str] | None = None,
                        surnames: dict[str, str] | None = None) -> list[ItemHolding]:
    cores = {n: _core(normalize(n)) for n in names}
    found: dict[str, list[tuple[Amount, Percent | None]]] = {}
    prev = 0
    for m in owns.finditer(flat):
        # the words before the verb, from the sentence's start or the figure of the clause before
        # ('(A) Alpha Fund LP beneficially owns 1,000,000 shares; and (B) Brandt directly ...')
        begin = max(max((e.end() for e in SENTENCE_END.finditer(flat, 0, m.start())), default=0), prev)
        prev = m.end("n")
        if not keep(m):
            continue
        person = _subject(flat[begin:m.start()], cores)
        if person is None and terms:
            # 'AVF XII beneficially owns ...': the one person the defined term stands for
            who = persons_by_terms(flat[begin:m.start()], terms)
            person = next(iter(who)) if len(who) == 1 else None
        if person is None and surnames:
            person = by_surname(flat[begin:m.start()], surnames)
        shares = V.read_number(m.group("n"))
        if person is None or shares is None:
            continue
        line = line_of(item, starts, m.start())
        raw = m.groupdict().get("p")
        pct = Percent(value=V.Decimal(raw), decimals=len(raw.split(".")[1]) if "." in raw else 0,
                      raw=raw + "%", line=line) if raw else None
        found.setdefault(person, []).append((Amount(shares=shares, raw=m.group("n"), line=line), pct))
    out = []
    for person, figures in found.items():
        if len({(a.shares, p.value if p else None) for a, p in figures}) != 1:
            continue  # two different figures for one person: not read
        amount, pct = figures[0]
        out.append(ItemHolding(item=item.number, line=item.line, person=person, aggregate=amount, percent=pct))
    return out


# Words of an entity's name: a name with one of them is no individual's.
_ENTITY = {"FUND", "FUNDS", "TRUST", "PARTNERS", "PARTNERSHIP", "CAPITAL", "HOLDINGS", "HOLDING", "MANAGEMENT",
           "GROUP", "ASSOCIATES", "ADVISORS", "ADVISERS", "INVESTMENTS", "INVESTMENT", "VENTURES", "BANK",
           "CORPORATION", "COMPANY", "FOUNDATION", "LLC", "LP", "INC", "LTD", "CORP", "CO", "LLP", "PLC", "NA",
           "SA", "AG", "GP", "LIMITED", "ESTATE", "SERIES", "PRINCIPALS", "OPPORTUNITY", "MASTER", "OFFSHORE"}
_SUFFIX = {"JR", "SR", "II", "III", "IV", "ESQ", "MD", "PHD"}


def surnames(names: list[str], individuals: set[str] | None = None) -> dict[str, str]:
    """{surname: person} for the reporting persons that are individuals ('Brad Burnham': no word
    of an entity's name, two to four words; where the covers' type codes are known, 'IN'), each
    surname no word of another person's name."""
    out: dict[str, str] = {}
    words = {n: normalize(n).split() for n in names}
    for name, ws in words.items():
        if individuals is not None and name not in individuals:
            continue
        if not 2 <= len(ws) <= 4 or any(w in _ENTITY for w in ws):
            continue
        core = [w for w in ws if w not in _SUFFIX]
        last = core[-1] if core else ""
        if len(last) < 3 or any(last in other for n, other in words.items() if n != name):
            continue
        out[last] = name
    return out


def by_surname(subject: str, table: dict[str, str]) -> str | None:
    """'(E) Buttrick directly': the clause before the verb is a surname alone (as printed, with
    its capital; no title, which may be a relative's: 'Mrs. Smith'), and lower-case words after it."""
    tail = re.split(r"[;,:]|\(\s*\w{1,4}\s*\)", subject)[-1].strip()
    tail = re.sub(r"^(?:and|or)\s+", "", tail)
    m = re.match(r"([A-Z][A-Za-z'’\-]+)((?:\s+[a-z]+)*)\s*$", tail)
    if not m:
        return None
    return table.get(normalize(m.group(1)))


def _subject(text: str, cores: dict[str, str]) -> str | None:
    """The reporting person named first in the words before the verb (the longest name where
    one name begins another: 'Fund II' over 'Fund')."""
    norm = " " + normalize(text) + " "
    best = None
    for name, core in cores.items():
        if len(core) < 4:
            continue
        pos = norm.find(" " + core + " ")
        if pos < 0:
            continue
        key = (pos, -len(core))
        if best is None or key < best[0]:
            best = (key, name)
    return best[1] if best else None


def values_by_name(text: str, names: list[str]) -> dict[str, str]:
    """'DG Capital Management, LLC - 1,327,570 shares Dov Gertzulin - 1,327,570 shares': for each
    reporting person named in a label's value, the words from its name to the next name, where
    they start with a figure. A person named twice is left out."""
    spots = []
    for name in names:
        words = _core(normalize(name)).split()
        if not words:
            continue
        rx = re.compile(r"(?<!\w)" + r"[\W_]+".join(map(re.escape, words)) + r"(?:[\s,]+(?:L\.?\s?L\.?\s?C|L\.?\s?P|Inc|Ltd|Corp)\.?)?(?!\w)", re.I)
        hits = list(rx.finditer(text))
        if len(hits) == 1:
            spots.append((hits[0].start(), hits[0].end(), name))
    spots.sort()
    out = {}
    for k, (start, end, name) in enumerate(spots):
        if k + 1 < len(spots) and spots[k + 1][0] < end:
            continue  # one name inside another's
        stop = spots[k + 1][0] if k + 1 < len(spots) else len(text)
        value = text[end:stop].strip(" :-–—|")
        if re.match(r"\d|\.\d", value):
            out[name] = value
    return out


def per_person_blocks(flat: str, label: re.Pattern, names: list[str]) -> dict[str, tuple[int, int]]:
    """Item 4 printed once per person, each block headed by the person's name: {person: (start,
    end)} of its block. A block is read only where the words before its first label name exactly
    one reporting person last (the closest name), and no person heads two blocks."""
    hits = list(label.finditer(flat))
    if len(hits) < 2:
        return {}
    out: dict[str, tuple[int, int]] = {}
    heads = []
    for k, h in enumerate(hits):
        lead = flat[hits[k - 1].end() if k else 0:h.start()]
        heads.append(_last_named(lead, names))
    if len(set(heads)) != len(heads) or None in heads:
        return {}  # a block without its person, or one person twice: which is which is a guess
    for k, (h, person) in enumerate(zip(hits, heads)):
        out[person] = (h.start(), hits[k + 1].start() if k + 1 < len(hits) else len(flat))
    return out


def _last_named(text: str, names: list[str]) -> str | None:
    """The reporting person named last in the text, by its full name, or by its name without the
    legal form where that is no other person's too."""
    cores = [_core(normalize(n)) for n in names]
    norm = " " + normalize(text) + " "
    best = None
    for name, core in zip(names, cores):
        full = normalize(name)
        keys = [full] + ([core] if cores.count(core) == 1 and core != full else [])
        pos = max((norm.rfind(" " + k + " ") for k in keys if len(k) >= 4), default=-1)
        if pos >= 0 and (best is None or pos > best[0] or (pos == best[0] and len(full) > best[2])):
            best = (pos, name, len(full))
    return best[1] if best else None


_ROW_FIGURES = re.compile(r"^[\s|:\-–—]*(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s+shares)?\s*\|?\s*"
                          r"(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)\s*\|?\s*%[\s|]*$", re.I)


def name_rows(item, names: list[str]) -> dict[str, tuple[str, str, int]]:
    """A table of the persons' holdings, one line each: 'Alex R. Lieblong | 15,000 | .4%' (the
    name, then an amount and a percent, nothing else). {person: (amount, percent, line index)}
    for each person named at the start of exactly one such line; a line with other words or
    figures (a date, a price, a third column) is no such row."""
    out: dict[str, list] = {}
    for k, line in enumerate(item.text.split("\n")):
        for name in names:
            words = _core(normalize(name)).split()
            if not words:
                continue
            rx = re.compile(r"^[\s|]*" + r"[\W_]+".join(map(re.escape, words)) +
                            r"(?:[\s,]+(?:L\.?\s?L\.?\s?C|L\.?\s?P|Inc|Ltd|Corp)\.?)?(?!\w)", re.I)
            m = rx.match(line)
            if m:
                fig = _ROW_FIGURES.match(line[m.end():])
                if fig:
                    out.setdefault(name, []).append((fig.group("n"), fig.group("p"), k))
    return {n: rows[0] for n, rows in out.items() if len(rows) == 1}


# A table of the holdings under a heading row that names its columns in the form's words:
# 'Reporting Person | Amount beneficially owned | Percent of class | Sole power to vote ...'.
_COLUMNS = (
    ("percent", re.compile(r"\bpercent(?:age)?\b", re.I)),
    ("sole_voting", re.compile(r"^\W*sole\s+(?:power\s+to\s+vote|voting)\b", re.I)),
    ("shared_voting", re.compile(r"^\W*shared\s+(?:power\s+to\s+vote|voting)\b", re.I)),
    ("sole_dispositive", re.compile(r"^\W*sole\s+(?:power\s+to\s+dispose|dispositive)\b", re.I)),
    ("shared_dispositive", re.compile(r"^\W*shared\s+(?:power\s+to\s+dispose|dispositive)\b", re.I)),
    ("aggregate", re.compile(r"^\W*(?:(?:aggregate\s+)?amount\s+beneficially\s+owned|(?:number\s+of\s+shares\s+)?beneficially\s+owned|"
                             r"aggregate\s+(?:number|amount)"
                             r"(?:\s+of\s+shares)?(?:\s+beneficially\s+owned)?|total(?:\s+beneficial\s+ownership)?)\W*$", re.I)),
)
_MARKS = re.compile(r"\(\s*\d{1,2}\s*\)|\*+|\[\s*\d{1,2}\s*\]")
_CELL_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_CELL_PERCENT = re.compile(r"^(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)\s*%?$")


def _column(cell: str) -> str | None:
    return next((key for key, rx in _COLUMNS if rx.search(cell)), None)


def _cells(line: str) -> list[str]:
    """A table line's cells, a lone '%' joined to the figure before it ('58.7 | %')."""
    out: list[str] = []
    for cell in (c.strip() for c in line.split("|")):
        if cell == "%" and out:
            out[-1] += "%"
        elif cell:
            out.append(cell)
    return out


def _person_cell(cell: str, names: list[str], terms: dict[str, str]) -> str | None:
    """The reporting person a cell names, all of it (footnote marks aside): its name, or a
    term the statement defines for it ('NECP', 'Mr. Vranos')."""
    text = " ".join(_MARKS.sub(" ", cell).split()).strip(" :")
    if not text:
        return None
    core = _core(normalize(text))
    found = {n for n in names if len(core) >= 2 and _core(normalize(n)) == core}
    found |= {who for term, who in terms.items() if term.lower() == text.lower()}
    return next(iter(found)) if len(found) == 1 else None


def heading_tables(item, names: list[str], terms: dict[str, str] | None = None) -> dict[str, tuple[dict, int]]:
    """The figures of a table of holdings: {person: ({field: raw cell}, line index)}.

    One row per person under a heading that names each column ('Reporting Person | Amount
    beneficially owned | Percent of class | Sole power to vote ...'), or one row per figure
    under a heading of persons ('NAM | TCIM | TAL' over 'Sole Voting Power: | 209,705 | ...').
    A row is read only where it holds exactly one cell per column and each figure column holds
    a plain figure; a person with two rows, or named in two tables, is not read at all."""
    terms = terms or {}
    lines = item.text.split("\n")
    found: dict[str, list[tuple[dict, int]]] = {}
    k = 0
    while k < len(lines):
        cells = _cells(lines[k]) if "|" in lines[k] else []
        keys = [_column(c) for c in cells]
        persons = [_person_cell(c, names, terms) for c in cells]
        if len(cells) >= 2 and keys[0] is not None and all(keys):
            keys, persons = [None] + keys, [None] + persons  # the name column without a heading
        if len(cells) >= 2 and keys[0] is None and persons[0] is None and sum(1 for x in keys[1:] if x) >= 2 \
                and len({x for x in keys[1:] if x}) == sum(1 for x in keys[1:] if x):
            k = _person_rows(lines, k, keys, names, terms, found)
            continue
        heads = [p for p in persons if p]
        if len(cells) >= 2 and len(heads) == len(cells) - (persons[0] is None) and len(set(heads)) == len(heads) \
                and len(heads) >= 2 and not any(keys):
            k = _figure_rows(lines, k, heads, found)
            continue
        k += 1
    return {who: rows[0] for who, rows in found.items() if len(rows) == 1}


def _person_rows(lines, k, keys, names, terms, found) -> int:
    j = k + 1
    while j < len(lines) and j <= k + 60:
        cells = _cells(lines[j]) if "|" in lines[j] else []
        if cells and any(_column(c) for c in cells):
            break  # the next heading
        who = _person_cell(cells[0], names, terms) if cells else None
        if who is not None and len(cells) == len(keys):
            # a cell that is no figure ('*' for less than one percent, 'N/A') is not read
            figures = {key: cell for key, cell in zip(keys[1:], cells[1:]) if key and _plain(key, cell)}
            if figures:
                found.setdefault(who, []).append((figures, j))
        j += 1
    return j


def _figure_rows(lines, k, heads, found) -> int:
    rows: dict[str, tuple[dict, int]] = {}
    j = k + 1
    while j < len(lines):
        cells = _cells(lines[j]) if "|" in lines[j] else []
        key = _column(cells[0].rstrip(": ")) if cells else None
        if key is None or len(cells) != len(heads) + 1 or not all(_plain(key, c) for c in cells[1:]):
            break
        for who, cell in zip(heads, cells[1:]):
            figures, _ = rows.setdefault(who, ({}, j))
            if key in figures:
                figures[key] = None  # the same figure twice: not read
            else:
                figures[key] = cell
        j += 1
    for who, (figures, line) in rows.items():
        figures = {k2: v for k2, v in figures.items() if v is not None}
        if figures:
            found.setdefault(who, []).append((figures, line))
    return max(j, k + 1)


def _plain(key: str, cell: str) -> bool:
    cell = _MARKS.sub("", cell).strip()
    return bool(_CELL_PERCENT.match(cell) if key == "percent" else _CELL_AMOUNT.match(cell))
