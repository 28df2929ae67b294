"""Facts about the cover pages themselves: who has one, which rows, which codes, identifiers,
and whether the joint filers agree with each other."""
from __future__ import annotations

import difflib

from checker import identifiers as ids
from checker.facts.common import cover_name, named_pages, page_names, preferred_spelling_first
from checker.model import Filing
from checker.names import different_series, normalize, same_name
from checker.parse.labels import ROW_NUMBER, ROW_TITLE

PERSON_TYPES_13D = {"BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "CO", "PN", "IN", "OO"}
PERSON_TYPES_13G = PERSON_TYPES_13D | {"FI"}
FUND_SOURCES = {"SC", "BK", "AF", "WC", "PF", "OO"}
EXPECTED_ROWS = {
    "13D": ("name", "group", "funds", "legal", "citizenship", "sole_voting", "shared_voting",
            "sole_dispositive", "shared_dispositive", "aggregate", "excludes", "percent", "type"),
    "13G": ("name", "group", "citizenship", "sole_voting", "shared_voting", "sole_dispositive",
            "shared_dispositive", "aggregate", "excludes", "percent", "type"),
}
VALUE_FIELDS = {"citizenship": "citizenship", "sole_voting": "sole_voting", "shared_voting": "shared_voting",
                "sole_dispositive": "sole_dispositive", "shared_dispositive": "shared_dispositive",
                "aggregate": "aggregate", "percent": "percent", "type": "type_codes", "funds": "source_of_funds"}
NAME_VARIANT_RATIO = 0.85
# A box left unchecked is often simply not printed (abbreviated covers; XML leaves the element
# out): its absence says "not checked", not "row missing".
CHECKBOX_ROWS = {"group", "legal", "excludes"}


def cover_page_facts(filing: Filing) -> list[dict]:
    facts = _missing_cover_facts(filing)
    schedule = filing.schedule or "13D"
    seen: dict[str, str] = {}
    for page in named_pages(filing):
        name = page.name.value
        norm = normalize(name)
        if norm in seen:
            facts.append({"t": "duplicate_cover", "person": name, "line": page.line, "first": seen[norm],
                          "key": norm})
        seen.setdefault(norm, str(page.line))
        facts += _row_facts(page, schedule)
        facts += _code_facts(page, schedule)
    return facts


def _missing_cover_facts(filing: Filing) -> list[dict]:
    """Every person named in the joint filing agreement, the signatures or the header's group
    list needs a cover page; a near-identical name is reported as a name variant instead."""
    cover_names = [n for p in named_pages(filing) for n in [p.name.value, *p.joint_names, *p.name_parts]]
    by_norm: dict[str, dict] = {}
    for ref in preferred_spelling_first(filing.named_persons):
        norm = normalize(ref.name)
        if any(same_name(ref.name, c) for c in cover_names):
            continue
        entry = by_norm.setdefault(norm, {"name": ref.name, "sources": [], "line": ref.line})
        if ref.source not in entry["sources"]:
            entry["sources"].append(ref.source)
    facts = []
    for norm, entry in sorted(by_norm.items(), key=lambda kv: kv[1]["line"] or 0):
        close = _closest(norm, cover_names)
        sources = " and ".join(s.replace("-", " ") for s in entry["sources"])
        if close and entry["sources"] == ["header-group"]:
            continue  # EDGAR's entity record spells it a little differently: not the filer's text
        if close:
            facts.append({"t": "name_variant", "person": close, "variant": entry["name"], "sources": sources,
                          "line": entry["line"], "key": norm})
        else:
            facts.append({"t": "missing_cover", "person": entry["name"], "sources": sources,
                          "line": entry["line"], "key": norm})
    return facts


def _closest(norm: str, names: list[str]) -> str | None:
    best, best_ratio = None, 0.0
    for name in names:
        if different_series(norm, name):
            continue  # 'Partners II' is not a spelling of 'Partners III': a person of its own
        matcher = difflib.SequenceMatcher(None, norm, normalize(name))
        if matcher.real_quick_ratio() < NAME_VARIANT_RATIO or matcher.quick_ratio() < NAME_VARIANT_RATIO:
            continue  # cheap upper bounds first: ratio() is quadratic
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = name, ratio
    return best if best_ratio >= NAME_VARIANT_RATIO else None


def _row_facts(page, schedule: str) -> list[dict]:
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


def _code_facts(page, schedule: str) -> list[dict]:
    facts = []
    allowed = PERSON_TYPES_13G if schedule == "13G" else PERSON_TYPES_13D
    if page.type_codes:
        for code in page.type_codes.codes:
            if code not in allowed:
                facts.append({"t": "person_type", "person": page.name.value, "code": code,
                              "schedule": schedule, "line": page.type_codes.line,
                              "evidence": page.type_codes.raw, "key": code})
    if page.source_of_funds:
        for code in page.source_of_funds.codes:
            if code not in FUND_SOURCES:
                hint = " ('00' with zeros: the code is OO, letters)" if code == "00" else ""
                facts.append({"t": "fund_source", "person": page.name.value, "code": code, "hint": hint,
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
    checked = set()
    for where, person, tv in cusips:
        value = ids.normalize_cusip(tv.value)
        fact = {"t": "cusip", "where": where, "person": person, "value": value, "line": tv.line,
                "format_ok": ids.cusip_format_ok(value), "key": f"{where}:{value}"}
        if fact["format_ok"]:
            fact["check_ok"] = ids.cusip_check_ok(value)
            fact["expected_digit"] = str(ids.cusip_check_digit(value[:8]))
        fact["first"] = value not in checked  # check digit and format: report each value once
        checked.add(value)
        facts.append(fact)
    for page in named_pages(filing):
        if page.irs_number:
            ein = page.irs_number.value
            facts.append({"t": "ein", "person": page.name.value, "value": ein, "line": page.irs_number.line,
                          "format_ok": ids.ein_format_ok(ein),
                          "prefix_ok": ids.ein_format_ok(ein) and ids.ein_prefix_ok(ein), "key": ein})
    return facts


def consistency_facts(filing: Filing) -> list[dict]:
    facts = []
    pages = named_pages(filing)
    boxes = {p.name.value: p.group_box for p in pages if 2 in p.rows_seen}
    if len(set(boxes.values())) > 1:
        groups: dict[str, list[str]] = {}
        for name, box in boxes.items():
            groups.setdefault(f"({box})" if box else "neither box", []).append(name)
        summary = "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(groups.items()))
        first = next(p for p in pages if 2 in p.rows_seen)
        facts.append({"t": "group_boxes", "summary": summary, "line": first.group_line or first.line,
                      "key": summary})
    form = filing.form_type or filing.header_form_type or ""
    amended = form.upper().endswith("/A")
    if form and amended != (filing.amendment_no is not None):
        facts.append({"t": "amendment_number", "form": form, "amendment": filing.amendment_no,
                      "amended": amended, "line": filing.form_type_line or 1, "key": form})
    statement_sigs = [s for s in filing.signatures if s.context == "statement"]
    if statement_sigs:
        for page in pages:
            for name in page_names(page):
                if not any(same_name(s.name, name) for s in statement_sigs):
                    facts.append({"t": "unsigned_person", "person": name, "line": page.line,
                                  "key": normalize(name)})
    return facts


def header_facts(filing: Filing) -> list[dict]:
    """The document against the EDGAR header, and the title page against Item 1."""
    facts = []
    doc_form, head_form = filing.form_type, filing.header_form_type
    if doc_form and head_form and _form_key(doc_form) != _form_key(head_form):
        facts.append({"t": "form_type_mismatch", "document": doc_form, "header": head_form,
                      "line": filing.form_type_line or 1, "key": f"{doc_form}|{head_form}"})
    issuer = filing.issuer.value if filing.issuer else None
    for other, where, line in ((filing.header_issuer, "EDGAR header (subject company)", None),
                               (filing.item1_issuer, "Item 1", None)):
        if issuer and other and not _same_issuer(issuer, other.value):
            facts.append({"t": "issuer_mismatch", "cover": issuer, "other": other.value, "where": where,
                          "line": other.line or (filing.issuer.line if filing.issuer else 1),
                          "key": f"{where}:{normalize(other.value)}"})
    return facts


def _form_key(form: str) -> tuple[str, bool]:
    """'SC 13D/A' and 'SCHEDULE 13D/A' are the same form: (schedule letter, amended)."""
    f = form.upper().replace(" ", "")
    return ("G" if "13G" in f else "D" if "13D" in f else f), f.endswith("/A")


def _same_issuer(a: str, b: str) -> bool:
    na, nb = normalize(a), normalize(b)
    return na == nb or na in nb or nb in na or difflib.SequenceMatcher(None, na, nb).ratio() >= 0.9


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
        if len(sigs) < 2 or len(contexts) < 2:
            continue
        first = min(sigs, key=lambda s: (s.context != "statement", s.line or 0))
        for other in sigs:
            if other is first:
                continue
            facts.append({"t": "signing_authority", "person": cover_name(filing, entry["name"]), "by": first.by,
                          "where": first.context, "where_line": first.line, "other_by": other.by,
                          "other_where": "notice or letter" if other.context == "exhibit" else other.context,
                          "line": other.line, "key": f"{normalize(first.by)}|{normalize(other.by)}"})
    return facts
