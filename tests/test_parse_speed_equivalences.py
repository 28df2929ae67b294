"""Speed-only shortcuts in checker/parse give exactly the answer of the regex they stand in for."""
from __future__ import annotations

import random

from checker.parse import defaults

WORDS = ["default", "defaul", "cure", "cured", "curing", "curator", "secure", "day", "days", "today", "dayss",
         "interest", "elect", "select", "election", "immediately due", "immediately\ndue", "immediately",
         "accelerat", "demand", "pledg", "margin", "marg", "notice", "x", "é", "ſ", " ", ".", "-", "_1", "_",
         "1", "ß", "\u0660"]


def test_has_keyword_is_the_keywords_regex():
    rng = random.Random(6)
    texts = WORDS + [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    texts += ["".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) for _ in range(5000)]
    for t in texts:
        assert defaults._has_keyword(t) == (defaults.KEYWORDS.search(t) is not None), t


SENTENCE_WORDS = ["Lender", "has", "is", "are", "now", "in", "Default", "EVENTS", "event", "of", "have", "occurred",
                  "interest", "RATE", "rate", "of", "12.5%", "per", "annum", "Elected", "to", "redeem", "declared",
                  "the", "Notes", "immediately", "due", "accelerate", "ACCELERATED", "maturity", "demands",
                  "payment", "repayment", "been", "Pledged", "as", "collateral", "held", "a", "Margin", "account",
                  "were", "currently", "secure", "x"]


def test_sentence_prefilters_never_skip_a_match():
    """Every ASCII sentence a default-clause pattern matches holds one of the words its pre-filter asks for."""
    rng = random.Random(7)
    pairs = [(defaults.ASSERTION, ("default",)), (defaults.RATE, ("rate",)),
             (defaults.ELECTION, defaults._ELECTION_NEEDS), (defaults.PLEDGE, defaults._PLEDGE_NEEDS)]
    matched = 0
    for _ in range(20000):
        s = " ".join(rng.choice(SENTENCE_WORDS) for _ in range(rng.randint(2, 9)))
        for pattern, needs in pairs:
            if pattern.search(s):
                matched += 1
                assert defaults._may_match(s.lower(), needs), (pattern.pattern, s)
            assert defaults._may_match(None, needs)  # non-ASCII text always goes to the regex
    assert matched > 500


def test_label_word_substrings_are_the_regex():
    from checker.parse import labels
    words = ["report", "repor", "group", "appropriate", "sec use", "sec\tuse", "sec  use", "secuse", "sec", "use",
             "source", "legal", "citizen", "voting", "power", "dispositi", "dispoti", "dispos", "aggregate",
             "percent", "type", "typ", "x", "1", " ", "name"]
    rng = random.Random(8)
    texts = words + ["".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(5000)]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(5000)]
    for t in texts:
        assert labels._label_word_in(t) == (labels._LABEL_WORD_LOWER.search(t) is not None), t


def test_outstanding_matches_always_hold_the_word():
    """read_outstanding skips ASCII items without 'outstanding': every OUTSTANDING match holds it."""
    from checker.parse.outstanding import OUTSTANDING
    parts = ["based on", "Based upon", "calculated using", "computed on", "9.9% of", "percent of", "the",
             "an aggregate of", "36,282,883", "123456", "shares", "Common Shares", "units", "of Common Stock",
             "OUTSTANDING", "outstanding", "Outstanding", "as of May 1", "were", ".", "x"]
    rng = random.Random(9)
    found = 0
    for _ in range(20000):
        s = " ".join(rng.choice(parts) for _ in range(rng.randint(3, 10)))
        if OUTSTANDING.search(s):
            found += 1
            assert "outstanding" in s.lower(), s
    assert found > 100


def test_mentions_rights_answers_as_the_rights_pattern():
    """The split, literal-guarded search says what RIGHTS.search says, on the corpus and on
    near-misses (case, a word that only begins like a head, non-ASCII text)."""
    from pathlib import Path

    from checker.parse.outstanding import RIGHTS, mentions_rights
    samples = ["1,000 shares issuable upon exercise", "UPON THE CONVERSION of the notes", "warranty only",
               "Warrants", "options to buy", "optional", "the right to acquire additional securities",
               "a right to acquire 500 shares", "reserve the right to acquire, or dispose", "nothing here",
               "ſhares iſſuable", "Convertible notes \u2014 d\u00e9j\u00e0", "upon\nexercise", ""]
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if corpus.is_dir():
        samples += [p.read_text(errors="replace") for p in sorted(corpus.rglob("*.txt"))[:40]]
    for text in samples:
        assert mentions_rights(text) == bool(RIGHTS.search(text)), text[:60]


def test_recited_crossing_guard_keeps_the_answer():
    """The literal guard in recited_crossing returns early only where no paragraph could match."""
    from checker.parse import statements
    found = ("On March 18, 1997, the Reporting Person became the beneficial owner of five percent "
             "of the Common Stock. A Schedule 13D was filed on August 15, 1997.")
    assert statements.recited_crossing(found) is not None
    assert statements.recited_crossing(found.replace("Schedule 13D", "Schedule 13G")) is None
    assert statements.recited_crossing(found.replace("owner", "holder")) is None
    assert statements.recited_crossing(None) is None
