"""Item 5's statements that a named person has sole power over a number of shares, beside that
person's own cover rows ('Mr. Roe possesses the sole power to vote ... of 950,000 shares' against
row 7 of Roe's cover page). Which cover page a statement is about is read from its subject: the
person's name, its initials ('WCI'), a surname, or 'the Reporting Person' on a one-person filing."""
from __future__ import annotations

import re

from checker.model import Filing
from checker.parse.item5_statements import item5_sole_statements
from checker.parse.defined_terms import persons_by_terms

_FORMS = re.compile(r"[,\s]+(?:L\.?\s?L\.?\s?C|L\.?\s?P|Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLP|plc|N\.?A|"
                    r"S\.?A|AG|GmbH|Trust)\.?(?=[,\s]|$)", re.I)


def item5_sole_facts(filing: Filing, pages) -> list[dict]:
    item = filing.item("5")
    if item is None or filing.schedule == "13G" or not pages:
        return []
    stated: dict[tuple[int, str], list[int]] = {}
    whole: set[tuple[int, str]] = set()   # some count is said of the person's power itself, not a part
    names = {p.name.value for p in pages if p.name}
    terms = {t: who for t, who in filing.defined_terms.items() if who in names}
    for said in item5_sole_statements(item.text):
        for n, page in enumerate(pages):
            if page in _subjects(said.subject, pages, terms):
                for power in said.powers:
                    if getattr(page, f"sole_{power}") is None:
                        continue
                    if said.shares not in stated.setdefault((n, power), []):
                        stated[(n, power)].append(said.shares)
                    if not said.part:
                        whole.add((n, power))
    facts = []
    for (n, power), amounts in stated.items():
        page = pages[n]
        row = getattr(page, f"sole_{power}").shares
        # Amounts that are parts of the row ('1,000 shares held directly ... 2,000 held by the trust')
        # add up to it; one of them may be the row itself: the catalogue compares both with the row.
        facts.append({"t": "item5_sole", "person": page.name.value, "power": power,
                      "stated": ", ".join(f"{a:,}" for a in amounts), "row": f"{row:,}",
                      "row_shares": row, "stated_sum": sum(amounts), "stated_max": max(amounts),
                      "stated_nearest": min(amounts, key=lambda a: (abs(a - row), a)),
                      "parts_only": (n, power) not in whole,
                      "line": item.line or 1, "key": f"item5-sole-{power}-{n}"})
    return facts


def _subjects(subject: str, pages, terms: dict[str, str] | None = None) -> list:
    if len(pages) == 1 and re.search(r"\breporting\s+person\b(?!s)", subject, re.I):
        return list(pages)
    named = [p for p in pages if p.name is not None and _named(subject, p.name.value)]
    if named or not terms:
        return named
    # 'The Fund directly holds, and thus has sole voting ... power over': the one person the
    # statement's defined term stands for (a subject with two persons' terms is no one's).
    who = persons_by_terms(subject, terms)
    return [p for p in pages if p.name is not None and p.name.value in who] if len(who) == 1 else []


def _named(subject: str, name: str) -> bool:
    bare = _FORMS.sub("", name).strip(" ,.")
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]*", name)]
    if bare and re.search(r"\b" + re.escape(bare) + r"\b", subject, re.I):
        return True
    acronym = "".join(w[0] for w in words).upper()
    if len(acronym) >= 3 and re.search(r"\b" + acronym + r"\b", subject):
        return True
    if words and words[0].isupper() and len(words[0]) >= 4 and not name.isupper() \
            and re.search(r"\b" + words[0] + r"\b", subject):
        return True  # 'THORN Americas, Inc.' is 'THORN'
    person = bare == _FORMS.sub("", name).strip(" ,.") and not _FORMS.search(name) and 2 <= len(words) <= 4
    return person and len(words[-1]) >= 3 and bool(re.search(r"\b" + re.escape(words[-1]) + r"\b", subject, re.I))
