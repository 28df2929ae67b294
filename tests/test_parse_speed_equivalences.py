"""Speed-only shortcuts in checker/parse give exactly the answer of the regex they stand in for."""
from __future__ import annotations

import random

from checker.parse import defaults

WORDS = ["default", "defaul", "cure", "cured", "curing", "curator", "secure", "day", "days", "today", "dayss",
         "interest", "elect", "select", "election", "immediately due", "immediately\ndue", "immediately",
         "accelerat", "demand", "pledg", "margin", "marg", "notice", "x", "é", "ſ", " ", ".", "-", "_1", "_", "1", "ß", "\u0660"]


def test_has_keyword_is_the_keywords_regex():
    rng = random.Random(6)
    texts = WORDS + [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    texts += ["".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) for _ in range(5000)]
    for t in texts:
        assert defaults._has_keyword(t) == (defaults.KEYWORDS.search(t) is not None), t
