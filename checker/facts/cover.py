"""Facts about the cover pages themselves: who has one, which rows, which codes, identifiers,
and whether the joint filers agree with each other."""
from __future__ import annotations

import difflib
import re

from checker import identifiers as ids
from checker.facts.common import cover_name, named_pages, page_names, preferred_spelling_first
from checker.model import Filing
from checker.names import different_entities, normalize, same_but_form, same_name, without_conformed_qualifier
from checker.parse.labels import ROW_NUMBER, ROW_TITLE

EXPECTED_ROWS = {
    "13D": ("name", "group", "funds", "legal", "citizenship", "sole_voting", "shared_voting",
            "sole_dispositive", "shared_dispositive", "aggregate", "excludes", "percent", "type"),
    "13G": ("name", "group", "citizenship", "sole_voting", "shared_voting", "sole_dispositive",
            "shared_dispositive", "aggregate", "excludes", "percent", "type"),
}
VALUE_FIELDS = {"citizenship": "citizenship", "sole_voting": "sole_voting", "shared_voting": "shared_voting",
                "sole_dispositive": "sole_dispositive", "shared_dispositive": "shared_dispositive",
                "aggregate": "aggregate", "percent": "percent", "type": "type_codes", "funds": "source_of_funds"}
# Names less similar than this are not compared at all (speed); the catalogue sets the real line.
SIMILARITY_FLOOR = 0.5
# A box left unchecked is often simply not printed (abbreviated covers; XML leaves the element
# out): its absence says "not checked", not "row missing".
CHECKBOX_ROWS = {"group", "legal", "excludes"}


def cover_page_facts(filing: Filing) -> list[dict]:
    facts = _uncovered_name_facts(filing)
    schedule = filing.schedule or "13D"
    seen: dict[str, int] = {}
    statement_sigs = [s for s in filing.signatures if s.context == "statement"]
    for page in named_pages(filing):
        name = page.name.value
        norm = normalize(name)
        seen[norm] = seen.get(norm, 0) + 1
        facts.append({"t": "cover_page", "person": name, "norm": norm, "occurrence": seen[norm],
                      "line": page.line, "key": norm})
        for person in page_names(page):
            facts.append({"t": "cover_person", "person": person, "signatures": _signed(statement_sigs, person),
                          "line": page.line, "key": normalize(person)})
        facts += _row_facts(page, schedule)
        facts += _code_facts(page, schedule)
    return facts


def _signed(signatures, name: str) -> int:
    return sum(1 for s in signatures if same_name(s.name, name))


def _uncovered_name_facts(filing: Filing) -> list[dict]:
    """Every person named in the joint filing agreement, the signatures or the header's group
    list that no cover page names, with the most similar cover-page name."""
    cover_names = [n for p in named_pages(filing) for n in [p.name.value, *p.joint_names, *p.name_parts]]
    by_norm: dict[str, dict] = {}
    for ref in preferred_spelling_first(filing.named_persons):
        norm = normalize(ref.name)
        if any(same_name(ref.name, c) for c in cover_names):
            continue
        if ref.source in _HEADER_SOURCES and any(same_but_form(ref.name, c) for c in cover_names):
            continue  # the header's conformed name may lag a change of legal form
        entry = by_norm.setdefault(norm, {"name": ref.name, "sources": [], "line": ref.line})
        if ref.source not in entry["sources"]:
            entry["sources"].append(ref.source)
    facts = []
    for norm, entry in sorted(by_norm.items(), key=lambda kv: kv[1]["line"] or 0):
        close, ratio = _closest(norm, cover_names)
        fact = {"t": "uncovered_name", "person": entry["name"], "similarity": round(ratio, 6),
                "sources": " and ".join(s.replace("-", " ") for s in entry["sources"]),
                "line": entry["line"], "key": norm}
        if close:
            fact["closest"] = close
        facts.append(fact)
    return facts


_HEADER_SOURCES = ("header-group", "filed-by")


def _closest(norm: str, names: list[str]) -> tuple[str | None, float]:
    best, best_ratio = None, 0.0
    for name in names:
        if different_entities(norm, name):
            continue  # 'Partners II' is not a spelling of 'Partners III', nor 'Acme LP' of 'Acme Ltd'
            # nor 'Acme Capital LLC' of 'Acme Financial LLC': a person of its own
        matcher = difflib.SequenceMatcher(None, norm, normalize(name))
        if matcher.real_quick_ratio() < SIMILARITY_FLOOR or matcher.quick_ratio() < SIMILARITY_FLOOR:
            continue  # cheap upper bounds first: ratio() is quadratic
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = name, ratio
    return best, best_ratio


def _row_facts(page, schedule: str) -> list[dict]:
    """Rows whose label is absent, or present with no value (and no parse issue)."""
    numbers = ROW_NUMBER[schedule]
    facts = []
    for key in EXPECTED_ROWS[schedule]:
        row = numbers[key]
        absent = row not in page.rows_seen and key not in CHECKBOX_ROWS
        blank = (not absent and key in VALUE_FIELDS and getattr(page, VALUE_FIELDS[key]) is None
                 and row not in page.unread_rows)
        if absent or blank:
            facts.append({"t": "cover_row", "person": page.name.value, "row": row, "title": ROW_TITLE[key],
                          "state": "missing" if absent else "blank", "line": page.line,
                          "key": f"row{row}"})
    return facts


# The form asks for "the appropriate symbols": a row may list several, however separated
# ("IN, HC", "CO; HC", "IA HC", "PN/IA"); "N/A" is one answer, not the codes N and A, and so is
# a phrase ("NOT APPLICABLE", "See Item 3"): the form's symbols are two letters, so an entry is
# split only when every piece is code-shaped.
_CODE_SPLIT = re.compile(r"[\s,;&]+|\band\b", re.I)


def _code_shaped(part: str) -> bool:
    return all(len(p) == 2 for p in part.split("/") if p) or part.upper() == "N/A"


def split_codes(codes: list[str]) -> list[str]:
    out: list[str] = []
    for code in codes:
        parts = [p for p in _CODE_SPLIT.split(code) if p]
        for part in (parts if all(_code_shaped(p) for p in parts) else [code.strip()]):
            pieces = part.split("/")
            for piece in (pieces if all(len(p) >= 2 for p in pieces) else [part]):
                if piece and piece not in out:
                    out.append(piece)
    return out


def _code_facts(page, schedule: str) -> list[dict]:
    facts = []
    if page.type_codes:
        for code in split_codes(page.type_codes.codes):
            facts.append({"t": "type_code", "person": page.name.value, "code": code, "schedule": schedule,
                          "line": page.type_codes.line, "evidence": page.type_codes.raw, "key": code})
    if page.source_of_funds:
        for code in split_codes(page.source_of_funds.codes):
            hint = " ('00' with zeros: the code is OO, letters)" if code.split(" ")[0] == "00" else ""
            facts.append({"t": "fund_code", "person": page.name.value, "code": code, "hint": hint,
                          "line": page.source_of_funds.line, "evidence": page.source_of_funds.raw,
                          "key": code})
    return facts


def identifier_facts(filing: Filing) -> list[dict]:
    facts = []
    cusips = []
    if filing.cusip:
        cusips.append(("title page", None, filing.cusip))
    for page in named_pages(filing):
        if page.cusip:
            cusips.append(("cover page", page.name.value, page.cusip))
    seen: dict[str, int] = {}
    for where, person, tv in cusips:
        value = ids.normalize_cusip(tv.value)
        seen[value] = seen.get(value, 0) + 1
        fact = {"t": "cusip", "where": where, "person": person, "value": value, "length": len(value),
                "occurrence": seen[value], "line": tv.line, "key": f"{where}:{value}"}
        if len(value) >= 9 and value[8].isdigit():
            fact["printed_digit"] = int(value[8])
        if len(value) >= 8 and _CUSIP8.match(value[:8]):
            fact["computed_digit"] = ids.cusip_check_digit(value[:8])
        facts.append(fact)
    for page in named_pages(filing):
        if page.irs_number:
            ein = page.irs_number.value
            facts.append({"t": "ein", "person": page.name.value, "value": ein, "shape": re.sub(r"\d", "0", ein),
                          "prefix": ein[:2], "digits": ein.replace("-", ""), "line": page.irs_number.line,
                          "key": ein})
    return facts


_CUSIP8 = re.compile(r"^[0-9A-Z*@#]{8}$")


def consistency_facts(filing: Filing) -> list[dict]:
    facts = []
    pages = named_pages(filing)
    boxes = {p.name.value: p.group_box for p in pages if 2 in p.rows_seen}
    if boxes:
        groups: dict[str, list[str]] = {}
        for name, box in boxes.items():
            groups.setdefault(f"({box})" if box else "neither box", []).append(name)
        summary = "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(groups.items()))
        first = next(p for p in pages if 2 in p.rows_seen)
        facts.append({"t": "group_boxes", "distinct": len(groups), "summary": summary,
                      "line": first.group_line or first.line, "key": summary})
    return facts


def header_facts(filing: Filing) -> list[dict]:
    """The title page's issuer against the EDGAR header and Item 1."""
    facts = []
    issuer = filing.issuer.value if filing.issuer else None
    for other, where in ((filing.header_issuer, "EDGAR header (subject company)"),
                         (filing.item1_issuer, "Item 1")):
        if issuer and other:
            facts.append({"t": "issuer_name", "cover": issuer, "other": other.value, "where": where,
                          "similarity": round(_issuer_similarity(issuer, other.value), 6),
                          "line": other.line or (filing.issuer.line if filing.issuer else 1),
                          "key": f"{where}:{normalize(other.value)}"})
    return facts


def _issuer_similarity(a: str, b: str) -> float:
    """1.0 for one name however printed: the header's conformed name keeps no punctuation, may
    put words in another order ('HANNA M A CO' for 'M.A. Hanna Company') and ends in a qualifier
    ('/DE/')."""
    b = without_conformed_qualifier(b)
    na, nb = normalize(a), normalize(b)
    if na == nb or na in nb or nb in na or same_name(a, b):
        return 1.0
    return difflib.SequenceMatcher(None, na, nb).ratio()


def signing_authority_facts(filing: Filing) -> list[dict]:
    """One entity signed through different entities in the statement and in a notice or letter:
    'LP, By: Manager LLC, General Partner' on the statement, 'LP, By: Other Inc.' on the notice."""
    by_entity: dict[str, dict[str, object]] = {}
    for sig in filing.signatures:
        if sig.by:
            entry = by_entity.setdefault(normalize(sig.name), {"name": sig.name, "seen": {}})
            entry["seen"].setdefault(normalize(sig.by), sig)
    facts = []
    for entry in by_entity.values():
        sigs = list(entry["seen"].values())
        contexts = {s.context for s in sigs}
        if len(sigs) < 2:
            continue
        first = min(sigs, key=lambda s: (s.context != "statement", s.line or 0))
        for other in sigs:
            if other is first:
                continue
            facts.append({"t": "signing_route", "person": cover_name(filing, entry["name"]), "by": first.by,
                          "contexts": len(contexts),
                          "where": first.context, "where_line": first.line, "other_by": other.by,
                          "other_where": "notice or letter" if other.context == "exhibit" else other.context,
                          "line": other.line, "key": f"{normalize(first.by)}|{normalize(other.by)}"})
    return facts
