"""Entity names: compare 'Wynnefield Capital, Inc.' with 'WYNNEFIELD CAPITAL INC' as one entity."""
from __future__ import annotations

import functools
import re

# Legal-form suffixes that filers write with and without punctuation.
_SUFFIXES = {
    "LP": "LP", "L P": "LP", "LLC": "LLC", "L L C": "LLC", "INC": "INC", "INCORPORATED": "INC",
    "LTD": "LTD", "LIMITED": "LTD", "CORP": "CORP", "CORPORATION": "CORP", "CO": "CO",
    "COMPANY": "CO", "LLP": "LLP", "PLC": "PLC", "NA": "NA", "N A": "NA", "SA": "SA", "AG": "AG",
}
_SUFFIX_WORDS = {"L.P.", "LP", "LLC", "L.L.C.", "INC", "INC.", "LTD", "LTD.", "CORP", "CORP.",
                 "CO", "CO.", "LLP", "PLC", "N.A.", "S.A.", "AG", "LIMITED", "INCORPORATED"}


@functools.lru_cache(maxsize=8192)
def normalize(name: str) -> str:
    """Upper case, punctuation dropped, legal-form suffixes unified, spaces folded."""
    s = re.sub(r"[*_]", " ", name.upper())
    s = re.sub(r"\bL\.\s*P\.", "LP", s)
    s = re.sub(r"\bL\.\s*L\.\s*C\.", "LLC", s)
    s = re.sub(r"\bN\.\s*A\.", "NA", s)
    s = re.sub(r"[^A-Z0-9& ]+", " ", s)
    words = s.split()
    if words and words[0] == "THE":
        words = words[1:]
    words = [_SUFFIXES.get(w, w) for w in words]
    return " ".join(words)


def same_entity(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def split_names(text: str) -> list[str]:
    """'A, L.P., B LP I and C, Ltd.' -> ['A, L.P.', 'B LP I', 'C, Ltd.'].

    Commas also separate a name from its legal form ('Wynnefield Capital, Inc.'), so a piece
    that is only a legal-form suffix is glued back onto the name before it.
    """
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;:")
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*;\s*", text)
    names: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if names and _is_legal_form(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def _is_legal_form(part: str) -> bool:
    """'Inc.', 'L.P.', 'L.P. I', 'Ltd' (a legal form, maybe with a series numeral)."""
    words = part.split()
    return (len(words) <= 2 and words[0].upper().rstrip(".") in {w.rstrip(".") for w in _SUFFIX_WORDS}
            and (len(words) == 1 or re.fullmatch(r"[IVX]+|[0-9]+", words[1]) is not None))
