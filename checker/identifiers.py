"""CUSIP arithmetic (algorithms in ../shared/reference/sec-13dg-rules.md §8)."""
from __future__ import annotations

import re

_CUSIP_CHARS = re.compile(r"^[0-9A-Z*@#]{9}$")
# The EIN checks are catalogue data (rules/identifiers.yaml: the prefixes the IRS does not
# assign); the facts carry the number's shape and prefix.


def normalize_cusip(raw: str) -> str:
    return re.sub(r"[\s\-]", "", raw).upper()


def cusip_check_digit(first8: str) -> int:
    """Modulus 10 double-add-double over the first eight characters."""
    total = 0
    for pos, ch in enumerate(first8):
        if ch.isdigit():
            v = int(ch)
        elif ch.isalpha():
            v = ord(ch) - ord("A") + 10
        else:
            v = {"*": 36, "@": 37, "#": 38}[ch]
        if pos % 2 == 1:
            v *= 2
        total += v // 10 + v % 10
    return (10 - total % 10) % 10


def cusip_format_ok(cusip: str) -> bool:
    return bool(_CUSIP_CHARS.match(cusip)) and cusip[8].isdigit()


def cusip_check_ok(cusip: str) -> bool:
    return cusip_format_ok(cusip) and cusip_check_digit(cusip[:8]) == int(cusip[8])
