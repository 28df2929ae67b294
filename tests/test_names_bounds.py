"""names.near_spelling skips difflib where a cheap upper bound already says no: its decision must
be the one SequenceMatcher.ratio() gives, for every pair (including pairs right at the line)."""
from __future__ import annotations

import difflib
import random

from checker.names import VARIANT_RATIO, near_spelling, normalize, same_person

NAMES = ["ACME CAPITAL ADVISERS LLC", "ACME CAPITAL ADVISORS LLC", "ACME CAPITAL", "ACME", "AB", "A",
         "FARALLON CAPITAL PARTNERS LP", "FARALLON PARTNERS LLC", "NOONDAY CAPITAL LLC", "NOONDAY GP US LLC",
         "JOHN Q PUBLIC", "PUBLIC JOHN Q", "ABCDEFGHIJ", "ABCDEFGHIK", "ABCDEFGHIJKLMNOPQRST", "ABCDEFGHIJKLMNOPQRSZ"]


def test_near_spelling_is_the_ratio_decision():
    rng = random.Random(11)
    pairs = [(a, b) for a in NAMES for b in NAMES]
    for _ in range(3000):  # random near-duplicates of random lengths, around the 0.85 line
        a = "".join(rng.choice("ABCDE &") for _ in range(rng.randint(1, 40)))
        b = list(a)
        for _ in range(rng.randint(0, 6)):
            op = rng.randint(0, 2)
            pos = rng.randint(0, len(b))
            if op == 0:
                b.insert(pos, rng.choice("ABCDEF "))
            elif b and op == 1:
                del b[min(pos, len(b) - 1)]
            elif b:
                b[min(pos, len(b) - 1)] = rng.choice("ABCDEF ")
        if a and b:
            pairs.append((a, "".join(b)))
    for a, b in pairs:
        assert near_spelling(a, b) == (difflib.SequenceMatcher(None, a, b).ratio() >= VARIANT_RATIO), (a, b)


def test_same_person_near_spelling_and_series():
    assert same_person("Acme Capital Advisers, LLC", "ACME CAPITAL ADVISORS LLC")
    assert not same_person("Acme Partners II, L.P.", "Acme Partners III, L.P.")
    assert not same_person("Acme Capital", "Zenith Holdings")
    assert normalize("Acme Capital, Inc.") == "ACME CAPITAL INC"
