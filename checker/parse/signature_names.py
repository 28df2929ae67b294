"""Whom a signature block signs for: the entity printed above it (through a chain of 'By: <general
partner>' lines), below it, after the signer's title or in a capacity ('as attorney-in-fact for
each of A and B', 'as trustee of the X Trust'), or the signer alone where signing individually.
``Unit`` is one '/s/' with its printed name and capacity lines, as signatures.py cuts it; the
helpers here read names only, and a heading that does not read as names gives none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.names import same_name, split_names
from checker.parse import values as V
from checker.parse.signature_patterns import (
    _BY, _CELLS, _CONNECTOR, _DATED, _DESCRIPTOR, _LEGAL_END, _META, _MONTH_YEAR, _PROSE, _ROLE, _SLASH_S,
)
from checker.parse.signature_wraps import JOINED, behalf, behalf_name, blank as _blank, strip_alias


@dataclass
class Unit:
    idx: int  # the /s/ line
    signer: str
    tail_end: int  # first line after the printed name / capacity lines
    capacity: str | None
    line: int  # the line a finding about this signature should point at
    tail: str = ""  # the printed name and capacity lines, joined
    printed: str | None = None  # the printed name where it adds a degree or suffix ('Jane Roe, Ph.D.')


def same_signer(t: str, signer: str) -> bool:
    if not signer:
        return False
    a, b = re.sub(r"[^a-z]+", " ", t.lower()).split(), re.sub(r"[^a-z]+", " ", signer.lower()).split()
    if len(b) >= 2 and a[:len(b)] == b:
        return True
    # 'Stuart Brunet, Managing Director' prints the '/s/ Stuart R. Brunet' without the initial
    if re.search(r"\bs/", t, re.I):
        return False  # another signature line ('/s/ Jane Roe'), not the printed name
    a2, b2 = [w for w in a if len(w) > 1], [w for w in b if len(w) > 1]
    return len(b2) >= 2 and a2[:len(b2)] == b2 or _middle_name_added(a, b)


def _middle_name_added(a: list[str], b: list[str]) -> bool:
    """'Francesco Saverio Lobianco' printed under '/s/ Francesco Lobianco': the middle name added."""
    return len(b) == 2 and len(a) >= 3 and a[0] == b[0] and a[2] == b[1] and len(a[1]) > 1


def after_name(t: str, signer: str) -> str | None:
    """'Jane Roe, Co-Managing Member' -> 'Co-Managing Member'; 'MAURY FERTIG/MANAGING MEMBER'."""
    if same_signer(t, signer):
        if t.lower().startswith(signer.lower()):
            rest = t[len(signer):]
        elif re.search(r"[,/]", t):
            rest = re.split(r"[,/]", t, 1)[-1]
        else:  # 'Francesco Saverio Lobianco Chief Executive Officer': the title after the surname
            words = t.split()
            last = re.sub(r"[^a-z]+", "", signer.lower().split()[-1])
            at = next((i for i, w in enumerate(words) if re.sub(r"[^a-z]+", "", w.lower()) == last), None)
            rest = " ".join(words[at + 1:]) if at is not None else t
        rest = rest.strip(" ,/")
        return rest or None
    return t.strip() or None


def entity_below(text: list[str], unit: Unit, end: int) -> tuple[list[str], int] | None:
    """'/s/ X' then the entity (or entities) then 'By X, capacity': the entity printed below."""
    if _BY.match(text[unit.idx]):
        return None
    stop = next((j for j in range(unit.idx + 1, end) if _SLASH_S.search(text[j])), end)
    by = next((j for j in range(unit.idx + 1, stop)
               if (m := _BY.match(text[j])) and same_signer(m.group(1), unit.signer)), None)
    if by is None:
        return None
    names = [_entity(t) for t in text[unit.idx + 1:by] if not _blank(t) and looks_like_name(_entity(t))]
    if not names:
        return None
    tail = by + 1
    while tail < stop and text[tail] and (_ROLE.match(text[tail]) or text[tail][:1].islower()):
        tail += 1
    return names, tail


def heading_names(text: list[str], k: int, floor: int) -> list[str]:
    """The entity names printed above the /s/ line (after the previous signature's lines)."""
    line = text[k]
    before = line[:_SLASH_S.search(line).start()]
    by = _BY.match(before.strip())
    if before.strip() and not by and looks_like_name(_entity(before)):
        return [_entity(before)]
    buf: list[str] = []
    second: list[str] = []  # the entity of 'X and on behalf of Y', when the heading names one
    j = k - 1
    while j >= floor:
        t = text[j]
        if t == JOINED:
            j -= 1
            continue
        date = _DATED.match(t) or V.first_date(t) and len(t) < 40 or _MONTH_YEAR.match(t) or dated_cell(t)
        if date:
            right = _right_column(t)
            if right and buf and not _LEGAL_END.search(right):
                # 'Date: June 12, 1998   ENRON CAPITAL & TRADE' / 'RESOURCES CORP.': one name, wrapped
                return _names([f"{right} {buf[0]}"] + buf[1:])
            if not buf and not right:
                return _entity_above(text, j, floor)  # 'T. ROWE PRICE ASSOCIATES, INC.' / 'Date: ...' / '/s/'
            return _names(buf) + second or ([right] if right else [])
        if not t or _blank(t):
            if buf and _bare_by_above(text, j, floor):
                buf = []  # 'By:' / 'Acme Capital, Inc.' / '/s/ ...': that name signs, it is not signed for
            elif buf and not _names_only_above(text, j, floor):
                break
        elif _BY.match(t) or _META.match(t):
            buf = []  # the lines under a "By: <entity>" line continue it ("General Partner")
        elif not second and _behalf_heading(t, buf):
            second, buf = _behalf_heading(t, buf)
        elif _ROLE.match(t) or _CONNECTOR.match(t):
            pass
        elif looks_like_name(_entity(t)) and not _ends_sentence_above(text, j, floor):
            buf.insert(0, _entity(t))
        else:
            break
        j -= 1
    return _names(buf) + second if buf or not second else []


def _names_only_above(text: list[str], j: int, floor: int) -> bool:
    """Every line from the end of the block before (floor) down to line j is a name or holds no
    heading text: the names of one heading printed a paragraph apart (an HTML paragraph each),
    not a name left over under the lines of the block before."""
    return all(_blank(t) or _heading_line(t) for t in text[floor:j])


def _heading_line(t: str) -> bool:
    if _BY.match(t) or _META.match(t) or _ROLE.match(t) or _CONNECTOR.match(t) or _SLASH_S.search(t) \
            or V.first_date(t):
        return False
    return looks_like_name(_entity(t))


def _ends_sentence_above(text: list[str], j: int, floor: int) -> bool:
    """Line j closes the prose sentence of the line above ('... IS TRUE, COMPLETE AND' /
    'CORRECT.', the certification in capitals): the words end a sentence, they name no one."""
    if j - 1 < floor or not text[j - 1] or looks_like_name(_entity(text[j - 1])):
        return False
    return text[j].rstrip().endswith(".") and bool(_SENTENCE_GOES_ON.search(text[j - 1]))


_SENTENCE_GOES_ON = re.compile(r"(?:\b(?:and|or|of|the|is|are|that|to)|,)\s*$", re.I)


def dated_cell(t: str) -> bool:
    """'January 30, 2015 | Union Square Ventures 2004, L.P.': a date in the line's first cell, the
    entity beside it (read by _right_column)."""
    cells = _CELLS.split(t, 1)
    return len(cells) == 2 and len(cells[0]) < 40 and bool(V.first_date(cells[0]))


def _behalf_heading(t: str, buf: list[str]) -> tuple[list[str], list[str]] | None:
    """'ACME LIFE COMPANY and on behalf of Acme Security' over 'Insurance Company of Ohio': (the
    names from the second on, the heading lines left for the first). Only names are taken."""
    split = behalf(t)
    if split is None:
        return None
    first, begun = split
    name, rest = behalf_name(begun, buf, _LEGAL_END)
    name = _entity(name)
    if not looks_like_name(name) or first and not looks_like_name(_entity(first)):
        return None
    return [name] + _names(rest), [_entity(first)] if first else []


def _entity_above(text: list[str], j: int, floor: int) -> list[str]:
    """The entity printed right above the date line of a block (no blank line between): only a
    name with a legal form, so that a line of prose or a person's name is not taken for it."""
    if j - 1 < floor or not text[j - 1] or _blank(text[j - 1]):
        return []
    t = _entity(text[j - 1])
    return [t] if looks_like_name(t) and _LEGAL_END.search(t) else []


def _bare_by_above(text: list[str], j: int, floor: int) -> bool:
    """The nearest non-blank line above j is a 'By:' with nothing after it."""
    while j > floor and (not text[j] or _blank(text[j])):
        j -= 1
    return bool(re.fullmatch(r"by\s*:?", text[j].strip(), re.I))


def by_entity(text: list[str], k: int, floor: int) -> str | None:
    """The entity a signature is given through: the nearest 'By: <entity>' above the /s/ line, or a
    bare 'By:' with the entity on the lines under it. The signer's own 'By: /s/ ...' is not one."""
    for j in range(k - 1, floor - 1, -1):
        t = text[j].strip()
        m = _BY.match(t)
        if not m or "/s/" in t.lower():
            continue
        rest = m.group(1).strip(" ,")
        if not rest:  # bare 'By:': the entity is printed below it
            rest = next((text[i].strip() for i in range(j + 1, k) if text[i].strip()
                         and not _blank(text[i])), "")
        entity = _entity(re.split(r",\s*(?:its\s+)?(?:general\s+partner|managing\s+member|manager|"
                                  r"investment\s+(?:manager|adviser|advisor)|attorney)", rest, 1, flags=re.I)[0])
        return entity if looks_like_name(entity) else None
    return None


def _right_column(t: str) -> str | None:
    """'Dated: February 18, 2000        KEY COLONY FUND, L.P.': an entity beside the date."""
    parts = _CELLS.split(t)
    if len(parts) >= 2 and looks_like_name(_entity(parts[-1])) and not V.first_date(parts[-1]):
        return _entity(parts[-1])
    return None


def _names(buf: list[str]) -> list[str]:
    """Heading lines to names: a short line ending in a legal form continues the line above it
    ('ACME VALUE OFFSHORE' / 'FUND, LTD.'); otherwise each line is a name."""
    out: list[str] = []
    for t in buf:
        lone_form = _LEGAL_END.fullmatch(t.strip(" ,.")) or _LEGAL_END.fullmatch(t.strip(" ,"))
        if out and out[-1].endswith("-") and t[:1].isalpha():
            out[-1] = out[-1][:-1] + t  # 'FIRST INTERSTATE BANK OF ARI-' / 'ZONA, N.A.'
        elif out and (lone_form or not _LEGAL_END.search(out[-1]) and len(t.split()) <= 2 and _LEGAL_END.search(t)
                      or _OPEN_END.search(out[-1])
                      or len(t.split()) == 1 and not _LEGAL_END.search(out[-1])):
            out[-1] = f"{out[-1]} {t}"  # a name wrapped over two lines ('... FELLOWS OF HARVARD' / 'COLLEGE')
        else:
            out.append(t)
    return out


_OPEN_END = re.compile(r"(?:\b(?:of|the|and|for)|&)$", re.I)


def principals_of(unit: Unit) -> list[str]:
    """'... as attorney-in-fact for each of A, B and C', 'as Company Secretary for each of A and B':
    the persons the signer signs for. Only a list that reads entirely as names is taken."""
    m = re.search(r"attorney[-\s]in[-\s]fact\s+for\s+(?:each\s+of\s+)?(.+)$|\bfor\s+each\s+of\s+(.+)$", unit.tail, re.I)
    if not m:
        return _capacity_principal(unit)
    listed = re.split(r"(?<=[a-z]{3})\.(?:\s|$)|;", m.group(1) or m.group(2))[0]  # initials do not end the list
    names = split_names(listed)
    return names if names and all(looks_like_name(n) and len(n.split()) <= 5 for n in names) else []


_CAPACITY_OF = re.compile(r"\b(?:co-?trustee|trustee|general\s+partner|managing\s+member|manager|executor)s?\s+"
                          r"(?:of|for)\s+(?!each\b|all\b)(.+)$", re.I)


def _capacity_principal(unit: Unit) -> list[str]:
    """'individually and in his capacity as cotrustee of the John T. Walton Estate Trust': the
    signer signs for the entity named in the capacity too (only a name with a legal form)."""
    m = _CAPACITY_OF.search(unit.tail)
    if not m:
        return []
    name = _entity(re.split(r"[;(]|(?<=[a-z]{3})\.(?:\s|$)", m.group(1))[0])  # initials do not end it
    name = re.sub(r"^the\s+", "", name, flags=re.I) if re.match(r"the\s+\w+\s+\w+", name, re.I) else name
    return [name] if looks_like_name(name) and _LEGAL_END.search(name) and len(name.split()) <= 8 else []


# 'Bernard Oppetit, as director of Centaurus Capital Limited, general partner of Centaurus Capital
# LP': an office ('director', 'President', 'Managing Member') of an entity printed with its legal form.
_OFFICE_OF = re.compile(r"(?:^|,\s*|\bas\s+)(?:as\s+)?(?:an?\s+|the\s+)?(?P<role>[A-Za-z][A-Za-z\- ]{2,40}?)\s+of\s+(?:the\s+)?"
                        r"(?P<entity>[A-Z][^;,()]{1,100}?(?:,\s*)?\b(?:L\.?\s?L\.?\s?C|L\.?\s?P|Inc|Incorporated|Corp"
                        r"|Corporation|Ltd|Limited|LLP|plc|N\.?A|S\.?A|AG|GmbH)\.?)(?=\s*(?:[,;]|$))", re.I)


def office_entity(unit: Unit, names: list[str], principals: list[str]) -> str | None:
    """The entity whose officer the signer signs as, when the block names it nowhere else: that
    entity signs through him ('as director of Centaurus Capital Limited, general partner of
    Centaurus Capital LP' is Centaurus Capital Limited's signature too, given for the LP)."""
    for m in _OFFICE_OF.finditer(unit.tail):
        role = m.group("role").strip()
        if not _ROLE.match(role) or _CAPACITY_OF.match(f"{role} of x"):
            continue  # a general partner's or trustee's principal is read by _capacity_principal
        entity = _entity(m.group("entity"))
        if not looks_like_name(entity) or len(entity.split()) > 8:
            return None
        return None if any(same_name(entity, n) for n in [*names, *principals] if n) else entity
    return None


# The form's own layout, 'Date' / 'Signature' / 'Name/Title', with the entity printed after the
# title on the name line: 'Riccardo Pettazzi Head of Corporate Affairs TELECOM ITALIA S.P.A.'.
_CAPITALS_TAIL = re.compile(r"(?:^|\s)(?P<entity>(?:[A-Z][A-Z0-9&'.,\-]*\s+)+[A-Z][A-Z0-9&'.\-]*)\s*$")


def entity_after_title(unit: Unit) -> list[str]:
    """The entity named in capitals, with its legal form, at the end of the signer's name and
    title line, where the block prints no heading: the entity the officer signs for."""
    capacity = unit.capacity or ""
    if re.search(r"\bfor\b|\bon\s+behalf\b", capacity, re.I):
        return []  # 'Secretary for each of A and B' names principals (principals_of), not one entity
    m = _CAPITALS_TAIL.search(capacity)
    entity = m.group("entity").strip(" ,") if m and m.start("entity") > 0 else ""
    return [entity] if entity and _LEGAL_END.search(entity) else []


def entity_under(text: list[str], unit: Unit, end: int) -> tuple[list[str], int] | None:
    """'/s/ Deborah Lamb' / 'Deborah Lamb, Assistant Secretary' / 'INVESCO, Inc.': an officer's
    signature with the entity printed on the line right under the name and title: (the entity,
    the line after it), as entity_below gives."""
    j = unit.tail_end
    # A legal form marks the entity; under the form's own captions ('Name/Title:   Robert W.
    # Lovelace -- Senior Vice President' / 'Capital World Investors') the place does, a blank
    # line between or not.
    captioned = _META.match(unit.tail) is not None
    while captioned and j < min(end, unit.tail_end + 2) and not text[j].strip():
        j += 1
    if not unit.capacity or j >= end or _blank(text[j]) or _SLASH_S.search(text[j]):
        return None
    entity = _entity(text[j])
    if not (looks_like_name(entity) and (_LEGAL_END.search(entity) or captioned)) or same_signer(entity, unit.signer):
        return None
    return [entity], j + 1


def individual_name(unit: Unit) -> list[str]:
    """No entity printed: the signer signs for himself only when signing individually."""
    cap = (unit.capacity or "").lower()
    if "individual" in cap or same_signer(unit.capacity or "", unit.signer) or unit.capacity is None:
        return [unit.printed or _printed_name(unit.signer)]
    return []


def _printed_name(signer: str) -> str:
    return re.sub(r"\s*,\s*$", "", signer)


def _entity(t: str) -> str:
    """'ICS OPPORTUNITIES, LTD. By: Millennium Management LLC, its ...' -> 'ICS OPPORTUNITIES, LTD.';
    'SOFINNOVA VENTURE PARTNERS VI, L.P., a Delaware Limited Partnership' -> the name."""
    t = strip_alias(re.split(r"\s+by\s*:|\s+\|\s+by\b", t, 1, flags=re.I)[0])
    t = re.sub(r"^and\s+|[\s,]+and$", "", t.strip(), flags=re.I)
    if _DESCRIPTOR.search(t) and re.search(r"limited|liability|partnership|company|corporation|trust|"
                                           r"organized|incorporated", _DESCRIPTOR.search(t).group(0), re.I):
        t = t[:_DESCRIPTOR.search(t).start()]
    t = re.sub(r"\s*\((?:the\s+)?[“\"][^”\"]{1,40}[”\"]\)", "", t)
    return t.strip(" ,;*")


def looks_like_name(t: str) -> bool:
    if not t or len(t) > 100 or len(t.split()) > 12 or not re.search(r"[A-Za-z]{2}", t):
        return False
    if t[:1] in "([/*\"'" or t.endswith(":") or t[:1].islower() or "/s/" in t.lower():
        return False
    if V.first_date(t) or _MONTH_YEAR.match(t) or _PROSE.search(t) or _ROLE.match(t) or _CONNECTOR.match(t):
        return False
    return not re.match(r"^(?:by|its|name|title|dated?|signature|attention|after|in\s+witness|very\s+truly|"
                        r"sincerely|exhibit|schedule|annex|appendix|page|cusip|item|power\s+of\s+attorney|"
                        r"joint\s+filing|agreement)\b", t, re.I)
