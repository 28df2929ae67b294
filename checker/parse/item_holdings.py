"""The holdings the body states in words: 13G Item 4 ('(a) Amount beneficially owned: 650,102')
and 13D Item 5(a) ('beneficially owns 1,196,320 shares ... representing approximately 18.1%').

They repeat (or, where a cover row says '(See Item 4)', replace) the cover pages' figures, so a
rule can compare the two. A figure is read only where the text states it right after its label,
and a label printed more than once (one block per person) is not read at all: which person a
figure belongs to must not be guessed.

This module reads the labelled forms (13G Item 4's '(a) ... (b) ...', a table, a block per
person) and decides which reading a person gets; the 13D Item 5(a) sentences are read in
item_sentences.py.
"""
from __future__ import annotations

import re

from checker.model import Amount, Filing, Item, ItemHolding, Percent
from checker.parse import values as V
from checker.parse.item_group import POWER_KEYS, group_holding, group_powers, joint_page_percent, same_group
from checker.parse.item_parts import read_item_parts
from checker.parse.item_persons import heading_tables, name_rows, surnames, values_by_name
from checker.parse.item_persons import per_person_blocks as person_blocks
from checker.parse.item_sentences import class_letter, per_person_sentences, sentence_holding
from checker.parse.item_text import flatten as _flatten
from checker.parse.item_text import item_text as _item
from checker.parse.item_text import line_of as _line
from checker.parse.item_text import printed_percent as _printed_percent

# An HTML table puts the label and its figure in cells: "(a) | Amount beneficially owned: | 4,654,746".
# Not the point of a figure printed without its leading zero ('Percent of Class: .54%').
_FLEX = r"(?:[\s:\-–—|]|\.(?!\d))*"


# 13G Item 4 labels, in the form's words (with the usual variants: 'or direct', 'disposition').
_LABELS = {
    "aggregate": r"amount\s+beneficially\s+owned",
    # not the form's preamble: 'the aggregate number and percentage of the class of securities'
    "percent": r"percent(?:age)?\s+of\s+(?:the\s+)?class(?!\s+of\s+(?:the\s+)?securities)",
    # 'or direct to vote' (Vanguard's wording), 'to dispose of or to direct': the same labels.
    # The short labels ('(i) SOLE POWER TO VOTE: 49,750 SHARES') only with their colon.
    "sole_voting": r"sole\s+power\s+to\s+vote(?:\s+or\s+(?:to\s+)?direct\s+(?:the|to)\s+vote|(?=\s*:))",
    "shared_voting": r"shared\s+power\s+to\s+vote(?:\s+or\s+(?:to\s+)?direct\s+(?:the|to)\s+vote|(?=\s*:))",
    "sole_dispositive": r"sole\s+power\s+to\s+dispose(?:\s+(?:of\s+)?or\s+(?:to\s+)?direct\s+the\s+disposition(?:\s+of)?|(?=\s*:))",
    "shared_dispositive": r"shared\s+power\s+to\s+dispose(?:\s+(?:of\s+)?or\s+(?:to\s+)?direct\s+the\s+disposition(?:\s+of)?|(?=\s*:))",
}


# 'Amount Beneficially Owned (as of January 27, 2005): 860,036': a date or note may stand between.
_NOTE = r"(?:\s*\([^()]{0,60}\)+)?"


_LABEL_RX = {k: re.compile(v + _NOTE + _FLEX, re.I) for k, v in _LABELS.items()}


# A label, or the letter or number before one ('(c)', '(ii)', '(2)' where the powers are numbered).
_ANY_LABEL = re.compile("|".join(f"(?:{v})" for v in _LABELS.values()) + r"|\(\s*(?:[a-d]|i{1,3}|iv|[1-4])\s*\)", re.I)


def read_item_holdings(filing: Filing) -> None:
    """Fill filing.item_holdings from Item 4 (13G) or Item 5 (13D), where they state figures."""
    names = {p.name.value for p in filing.cover_pages if p.name}
    joint = any(p.joint_names for p in filing.cover_pages)
    person = next(iter(names)) if len(names) == 1 and not joint else None
    own = class_letter(filing.security_class)
    if filing.schedule == "13G":
        item = _item(filing, "4")
        # Item 4 in the form's labels, or, where it has none, in a sentence like a 13D's Item 5.
        holding, by_name = _labelled(item, person, sorted(names)) if item else (None, {})
        # Item 4 in sentences, one per person, where its labels state no figure: each person's own
        # (not a figure read for no one in particular).
        each = per_person_sentences(item, names, _terms(filing, names), own, _surnames(filing, names)) if item and not holding and not by_name and len(names) > 1 else []
        holding = holding or (sentence_holding(item, person, own) if item and not each else None)
        filing.item_holdings += [ItemHolding(item=item.number, line=item.line, person=who, **figures)
                                 for who, figures in by_name.items()] + each
    else:
        item = _item(filing, "5")
        holding = _read_13d(filing, item, person, names)
        if item is not None and person is not None:
            holding = _with_labels(holding, item, person)
        pages = [p for p in filing.cover_pages if p.name]
        if holding is None and item is not None and len(pages) == 1 and pages[0].joint_names:
            holding = joint_page_percent(item, pages[0].joint_names)
            person = pages[0].name.value if holding is not None else None
    if holding is not None:
        holding.person = person
        filing.item_holdings.append(holding)
    if item is not None and len(names) > 1:
        _table_rows(filing, item, sorted(names))
        _heading_tables(filing, item, sorted(names))
    if item is not None and names and not (joint and len(names) == 1):
        filing.item_parts += read_item_parts(item, sorted(names), _terms(filing, names), _surnames(filing, names),
                                             _flatten, _line)


def _table_rows(filing: Filing, item: Item, names: list[str]) -> None:
    """The persons' holdings in a table, one row each: for those of whom nothing else was read."""
    told = {h.person for h in filing.item_holdings}
    for who, (n, p, k) in name_rows(item, names).items():
        shares = V.read_number(n)
        if who in told or shares is None:
            continue
        line = item.text_line(k)
        filing.item_holdings.append(ItemHolding(item=item.number, line=item.line, person=who,
                                                aggregate=Amount(shares=shares, raw=n, line=line),
                                                percent=_printed_percent(p, line)))


def _heading_tables(filing: Filing, item: Item, names: list[str]) -> None:
    """A table of the persons' holdings under a heading that names its columns (or its
    persons): for those of whom nothing else was read."""
    told = {h.person for h in filing.item_holdings}
    for who, (figures, k) in heading_tables(item, names, _terms(filing, names)).items():
        if who in told:
            continue
        line = item.text_line(k)
        values = {}
        for key, cell in figures.items():
            cell = _MARKS.sub("", cell).strip()
            if key == "percent":
                values[key] = _printed_percent(cell.rstrip("% "), line)
            else:
                shares = V.read_number(cell)
                if shares is not None:
                    values[key] = Amount(shares=shares, raw=cell, line=line)
        if values:
            filing.item_holdings.append(ItemHolding(item=item.number, line=item.line, person=who, **values))


_MARKS = re.compile(r"\(\s*\d{1,2}\s*\)|\*+|\[\s*\d{1,2}\s*\]")


def _with_labels(holding: ItemHolding | None, item: Item, person: str) -> ItemHolding | None:
    """A one-person 13D's Item 5 in the form's labels ('(i) Sole power to vote or to direct the
    vote: 97,330'; 'Number of Shares | Percentage / 764,546 | 8.98 | %'): the figures its
    sentences did not give."""
    labelled, _ = _labelled(item, person, [person], strict=True)
    table = _table_row(item)
    for extra in (labelled, table):
        if extra is None:
            continue
        holding = holding or ItemHolding(item=item.number, line=item.line)
        for key in ("aggregate", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"):
            if getattr(holding, key) is None and getattr(extra, key) is not None:
                setattr(holding, key, getattr(extra, key))
    return holding


# A table of the holding: 'Number of Shares | Percentage' over '764,546 | 8.98 | %'.
_TABLE = re.compile(r"\bNumber\s+of\s+Shares\s*\|\s*Percent(?:age)?(?:\s+of\s+(?:the\s+)?Class)?\s*\|?\s*"
                    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\|\s*(?P<p>\d{1,3}(?:\.\d+)?|\.\d+)\s*\|?\s*%", re.I)


def _table_row(item: Item) -> ItemHolding | None:
    flat, starts = _flatten(item.text)
    hits = list(_TABLE.finditer(flat))
    if len(hits) != 1:
        return None
    m = hits[0]
    line = _line(item, starts, m.start("n"))
    shares = V.read_number(m.group("n"))
    return ItemHolding(item=item.number, line=item.line, aggregate=Amount(shares=shares, raw=m.group("n"), line=line),
                       percent=_printed_percent(m.group("p"), line)) if shares is not None else None


def _read_13d(filing: Filing, item: Item | None, person: str | None, names: set[str]) -> ItemHolding | None:
    """Item 5(a)'s sentences: the one person's holding (returned), or one per named person (added)."""
    own = class_letter(filing.security_class)
    holding = sentence_holding(item, person, own) if item and (person or len(names) < 2) else None
    if item and person is None and len(names) > 1:
        filing.item_holdings += per_person_sentences(item, names, _terms(filing, names), own, _surnames(filing, names))
        group = group_holding(item)
        powers = group_powers(item)
        if powers is not None:
            if group is None:
                group = powers
            else:
                for key in POWER_KEYS:
                    setattr(group, key, getattr(powers, key))
        if group is not None and not any(same_group(h, group) for h in filing.item_holdings):
            filing.item_holdings.append(group)
    return holding


def _surnames(filing: Filing, names) -> dict[str, str]:
    """Individuals' surnames ('Burnham beneficially owned ...'): the persons whose cover gives
    type code IN, or, where no cover gives type codes, those whose names are no entity's."""
    pages = [p for p in filing.cover_pages if p.name]
    coded = [p for p in pages if p.type_codes and p.type_codes.codes]
    individuals = {p.name.value for p in coded if "IN" in p.type_codes.codes} if coded else None
    return surnames(sorted(names), individuals)


def _terms(filing: Filing, names) -> dict[str, str]:
    """The defined terms of the persons ``names`` (read once per filing, parse_document)."""
    return {t: who for t, who in filing.defined_terms.items() if who in names}


def read_xml_item5_parts(filing: Filing, parts: list[Item]) -> None:
    """XML 13D Item 5: each element (5(a) percentageOfClassSecurities, 5(b) numberOfShares, 5(d)
    listOfShareholders, ...) is a statement of its own. The item's joined text may state a
    person's amount once per element; where one element states it differently from the others,
    the joined text holds two figures for the person (not read there), but each element holds one."""
    names = {p.name.value for p in filing.cover_pages if p.name}
    joint = any(p.joint_names for p in filing.cover_pages)
    person = next(iter(names)) if len(names) == 1 and not joint else None
    if len(parts) < 2:
        return  # one element: the joined text is that element, read as the item
    for part in parts:
        holding = _read_13d(filing, part, person, names)
        if holding is not None:
            holding.person = person
            filing.item_holdings.append(holding)


def xml_item4_by_name(filing: Filing, texts: dict[str, tuple[str, int | None]]) -> None:
    """XML 13G Item 4 elements that list a figure per person ('FJ Capital Management LLC -
    807,223 shares' on one line, the next person on the next): {field: (text, line)} of the
    elements that hold no plain figure. Each person named once with a figure gets it."""
    names = sorted({p.name.value for p in filing.cover_pages if p.name})
    if len(names) < 2:
        return
    by_name: dict[str, dict] = {}
    for key, (text, line) in texts.items():
        read = _percent if key == "percent" else (lambda t, ln: _amount(t, ln))
        for who, value_text in values_by_name(" ".join(text.split()), names).items():
            got = read(value_text, line)
            if got is not None:
                by_name.setdefault(who, {})[key] = got
    filing.item_holdings += [ItemHolding(item="4", line=min((ln for _, ln in texts.values() if ln), default=None),
                                         person=who, **figures) for who, figures in by_name.items()]


def _labelled(item: Item, name: str | None = None, names: list[str] = (),
              strict: bool = False) -> tuple[ItemHolding | None, dict]:
    """The figures after the form's labels, and, with several reporting persons, the figures a
    label's value lists by name ('DG Capital Management, LLC - 1,327,570 shares Dov Gertzulin -
    ...') or a block of labels per person ('A. Centaurus Capital LP (a) Amount beneficially
    owned: ... B. Centaurus Capital Limited (a) ...'): {person: {field: value}}."""
    flat, starts = _flatten(item.text)
    found = _labels_in(item, flat, starts, 0, len(flat), name, names, strict)
    by_name = {k[1]: v for k, v in found.items() if isinstance(k, tuple)}
    plain = {k: v for k, v in found.items() if not isinstance(k, tuple)}
    if len(names) > 1 and not plain and not by_name:
        for person, (lo, hi) in person_blocks(flat, _LABEL_RX["aggregate"], names).items():
            figures = {k: v for k, v in _labels_in(item, flat, starts, lo, hi, person).items()
                       if not isinstance(k, tuple)}
            if figures:
                by_name[person] = figures
    return (ItemHolding(item=item.number, line=item.line, **plain) if plain else None), by_name


def _labels_in(item: Item, flat: str, starts: list[int], lo: int, hi: int, name: str | None,
               names: list[str] = (), strict: bool = False) -> dict:
    """The labels printed once between lo and hi, with the figure after each. Strict (13D Item 5,
    which is prose): only a label set off by a colon or a table cell ('... direct the vote: 97,330'),
    not a sentence ('would have the sole power to dispose or direct the disposition of 3,268,922')."""
    found: dict = {}
    for key, rx in _LABEL_RX.items():
        hits = [h for h in rx.finditer(flat, lo, hi)]
        if len(hits) != 1:
            continue  # absent, or once per person: not read here
        if strict and not re.search(r"[:|]\s*$", hits[0].group(0)):
            continue
        value_text = _segment(flat[:hi], hits[0].end())
        line = _line(item, starts, hits[0].start())
        read = _percent if key == "percent" else (lambda t, ln: _amount(t, ln, name))
        value = read(value_text, line)
        if value is not None:
            found[key] = value
        elif len(names) > 1:
            for person, text in values_by_name(value_text, names).items():
                got = read(text, line)
                if got is not None:
                    found.setdefault(("by_name", person), {})[key] = got
    return found


def _segment(flat: str, start: int) -> str:
    """The words after a label, up to the next label or item letter."""
    nxt = _ANY_LABEL.search(flat, start)
    return flat[start:nxt.start() if nxt else min(len(flat), start + 200)].strip()


# 'Amount Beneficially Owned: WMC, in its capacity as investment adviser, may be deemed to
# beneficially own 1,457,700 shares ...': the one count the words after the label own.
_OWNED_COUNT = re.compile(r"\bown(?:s|ed)?\s+(?:an\s+aggregate\s+of\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+shares\b", re.I)


def _amount(text: str, line: int | None, name: str | None = None) -> Amount | None:
    if re.match(r"^_+", text):
        return None  # a blank line to fill in: nothing stated
    amount = V.parse_amount(text, line)
    if amount is None and name:
        owned = _OWNED_COUNT.findall(text)
        if len(owned) == 1:
            amount = V.parse_amount(owned[0], line)
    return amount


def _percent(text: str, line: int | None) -> Percent | None:
    found = V.parse_percent_candidates(text[:12])
    if found and text.lstrip()[:1] in "0123456789.":
        value, decimals, raw = found[0]
        return Percent(value=value, decimals=decimals, raw=raw, line=line)
    bare = V.parse_bare_percent(text.split(" ")[0]) if text else None
    if bare:
        return Percent(value=bare[0], decimals=bare[1], raw=bare[2], line=line)
    return None
