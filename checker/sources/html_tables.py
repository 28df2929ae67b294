"""How the tables of an HTML filing are laid out, for the walk in checker/sources/html.py:
which tables hold signature blocks printed side by side (a grid, read column by column), which
one-row tables beside a grid belong to it, and which tables are printed one right under another
(drawn as one table, with no gap). Some filers' tools print every row of a table as a table of
its own; a reader sees one table either way.
"""
from __future__ import annotations

import re

from lxml import etree

# The characters html._clean drops: zero width, and the soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u00ad"


# A table of signature blocks side by side: a table with no nested table, some row of which holds
# two or more '/s/' cells. The XPath finds the '/s/' cells (contains '/s/' or '/S/' is
# contains(translate(., 'S', 's'), '/s/') without a copy of every cell); the few rows they fall in
# are checked in Python. That is the same set as the single XPath
# "//table[not(descendant::table)][.//tr[count(td[contains(translate(., 'S', 's'), '/s/')]) >= 2]]"
# (a row's nearest table is the only one without a nested table that can hold it) at half the cost.
# A cell is a <td> or a <th> (a header cell, as some filers' tools write every cell).
_SIGNED_CELLS = etree.XPath("//tr/*[self::td or self::th][contains(., '/s/') or contains(., '/S/')]")


def signature_grids(root) -> set:
    """The tables of signature blocks printed side by side (see _SIGNED_CELLS)."""
    per_row: dict = {}
    for td in _SIGNED_CELLS(root):
        tr = td.getparent()
        per_row[tr] = per_row.get(tr, 0) + 1
    tables = set()
    for tr, n in per_row.items():
        if n >= 2:
            table = table_of(tr)
            if table is not None and table.find(".//table") is None:
                tables.add(table)
    return tables


SIGNED = re.compile(r"/s/", re.I)  # a conformed signature's mark, in a cell


_TABLES = etree.XPath("//table")


def stacked_tables(root) -> set:
    """Tables printed one right under the other, with only white space between: a browser
    draws them with no gap, as one table (some filers' tools print every row of a table as a
    table of its own), so no blank line stands between them. (table, False) for a table that
    follows another so, (table, True) for one that another follows."""
    out = set()
    for table in _TABLES(root):
        before = table.getprevious()
        if before is not None and before.tag == "table" and _blank_text(before.tail or ""):
            out.add((table, False))
            out.add((before, True))
    return out


def grid_runs(grids: set) -> tuple[set, set]:
    """The tables each signature grid spans, and the last of them: (members, ends). Some filers'
    tools print every row of a table as a table of its own; the names above the '/s/' row and
    the 'Name:'/'Title:' rows below it are then tables beside the grid, and a reader sees one
    grid. A neighbour joins where nothing visible stands between and it holds one row of two or
    more cells (side-by-side text; a one-cell heading or date line is not part of the grid)."""
    members, ends = set(), set()
    for table in grids:
        if table in members:
            continue
        run = [table]
        while (before := _adjacent_table(run[0], backwards=True)) is not None and _joins(before, grids):
            run.insert(0, before)
        while (after := _adjacent_table(run[-1], backwards=False)) is not None and _joins(after, grids):
            run.append(after)
        members.update(run)
        ends.add(run[-1])
    return members, ends


def _joins(table, grids: set) -> bool:
    if table in grids:
        return True
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    return len(rows) == 1 and sum(1 for c in rows[0] if c.tag in ("td", "th")) >= 2


def _adjacent_table(table, backwards: bool):
    """The table printed right before (after) this one, with only white space and blank
    elements (an empty paragraph, a line break) between; else None."""
    el = table
    while True:
        if not backwards and not _blank_text(el.tail or ""):
            return None
        el = el.getprevious() if backwards else el.getnext()
        if el is None or not isinstance(el.tag, str):
            return None
        if backwards and not _blank_text(el.tail or ""):
            return None
        if el.tag == "table":
            return el
        if el.tag == "img" or el.find(".//table") is not None or el.find(".//img") is not None \
                or not _blank_text("".join(el.itertext())):
            return None


def _blank_text(s: str) -> bool:
    """Nothing a reader sees: white space (NBSP and the other Unicode spaces) and zero-width
    characters only (what html._clean turns into an empty string)."""
    return all(c.isspace() or c in ZERO_WIDTH for c in s)


def table_of(tr):
    """The table a row belongs to (its nearest <table> ancestor)."""
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent
