"""Cover-page row labels, as printed on legacy 13D and 13G forms, and their row numbers."""
from __future__ import annotations

import re

# Row keys in the order a 13D prints them; 13G has no source-of-funds or legal-proceedings row.
ROW_KEYS = ("name", "group", "sec", "funds", "legal", "citizenship", "sole_voting", "shared_voting",
            "sole_dispositive", "shared_dispositive", "aggregate", "excludes", "percent", "type")
ROW_ORDER = {k: i for i, k in enumerate(ROW_KEYS)}
ROW_NUMBER = {
    "13D": {k: i + 1 for i, k in enumerate(ROW_KEYS)},
    "13G": {"name": 1, "group": 2, "sec": 3, "citizenship": 4, "sole_voting": 5, "shared_voting": 6,
            "sole_dispositive": 7, "shared_dispositive": 8, "aggregate": 9, "excludes": 10,
            "percent": 11, "type": 12},
}
ROW_TITLE = {
    "name": "name of reporting person", "group": "member of a group (a)/(b)", "sec": "SEC use only",
    "funds": "source of funds", "legal": "legal proceedings box", "citizenship": "citizenship or place of organization",
    "sole_voting": "sole voting power", "shared_voting": "shared voting power",
    "sole_dispositive": "sole dispositive power", "shared_dispositive": "shared dispositive power",
    "aggregate": "aggregate amount beneficially owned", "excludes": "excludes certain shares box",
    "percent": "percent of class", "type": "type of reporting person",
}
AMOUNT_KEYS = ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "aggregate")
POWER_KEYS = AMOUNT_KEYS[:4]

_SEE = r"(?:\s*\(\s*see\s+instructions?\s*\))?"
_IRS = (r"(?:[\s.:]*(?:S\.?S\.?\s+or\s+)?I\.?R\.?S\.?\s+Identification\s+Nos?\.?\s+of\s+(?:the\s+)?above\s+persons?"
        r"(?:\s*\((?:entities\s+only)\)\s*)?)?")
LABELS: dict[str, re.Pattern] = {k: re.compile(p, re.I) for k, p in {
    "name": r"names?\s+of\s+reporting\s+persons?(?:\s*\(\s*s\s*\))?" + _IRS,
    "group": r"check\s+the\s+appropriate\s+box\s+if\s+a\s+member\s+of\s+a\s+group" + _SEE,
    "sec": r"sec\s+use\s+only",
    "funds": r"source\s+of\s+funds(?:\s+or\s+other\s+consideration)?" + _SEE,
    "legal": r"check\s+(?:the\s+)?box\s+if\s+disclosure\s+of\s+legal\s+proceedings?(?:\s+is\s+required)?"
             r"(?:\s+pursuant\s+to\s+items?\s+2\s*\(?\s*d\s*\)?\s+or\s+2\s*\(?\s*e\s*\)?)?",
    "citizenship": r"citizenship\s+or\s+place\s+of\s+organi[sz]ation",
    "sole_voting": r"sole\s+voting\s+power",
    "shared_voting": r"shared\s+voting\s+power",
    "sole_dispositive": r"sole\s+dispositive\s+power",
    "shared_dispositive": r"shared\s+dispositive\s+power",
    "aggregate": r"aggregate\s+amount\s+beneficially\s+owned(?:\s+by\s+each\s+reporting\s+person)?",
    "excludes": r"check\s+(?:box\s+)?if\s+the\s+aggregate\s+amount\s+in\s+row\s*\(?\s*\d+\s*\)?\s+excludes"
                r"\s+certain\s+shares" + _SEE,
    "percent": r"percent\s+of\s+class\s+represented\s+by\s+amount\s+in\s+row\s*\(?\s*\d+\s*\)?",
    "type": r"type\s+of\s+reporting\s+persons?" + _SEE,
}.items()}

# The row-number prefix that may stand before a label in a cell: "- 11 ", "(7)", "7.", "7\t".
ROW_PREFIX = re.compile(r"^[\s\-–*#]*\(?(?P<num>\d{1,2})?\)?[.:)]?\s*")
# The stub printed beside rows 7-10: "Number of Shares Beneficially Owned By Each Reporting Person With".
STUB_WORDS = {"number", "of", "shares", "beneficially", "owned", "by", "each", "reporting", "person", "with"}
IRS_PHRASE = re.compile(r"(?:S\.?S\.?\s+or\s+)?I\.?R\.?S\.?\s+Identification\s+Nos?\.?\s+of\s+(?:the\s+)?"
                        r"above\s+persons?|\(\s*entities\s+only\s*\)", re.I)


def is_stub(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in STUB_WORDS for w in words)


def match_label(cell: str) -> tuple[str, int | None, int] | None:
    """(row key, printed row number, end offset of the label) when the cell starts with a label."""
    m = ROW_PREFIX.match(cell)
    start = m.end() if m else 0
    for key, rx in LABELS.items():
        lm = rx.match(cell, start)
        if lm:
            num = int(m.group("num")) if m and m.group("num") else None
            return key, num, lm.end()
    return None
