"""body_text.lines_with (one substring search over a range of lines) picks exactly the lines the
per-line test _may_contain picks, on synthetic lines and on every text line of the corpus."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker import sources
from checker.parse import body_text as B

WORDS = [("item",), ("signature", "inquiry"), ("amendment",)]


def per_line(lines, start, end, words):
    return [i for i in range(start, end) if any(B._may_contain(lines[i], w) for w in words)]


CASES = [
    [],
    [""],
    ["Item 4. Purpose", "", "ITEM 5", "itemitem item", "no", "signatures", "After reasonable INQUIRY"],
    ["x" * 50 + "item", "item" + "y" * 10, "ite", "m item", "Signature / inquiry on one line"],
    ["Item 1 \u00e9", "plain item", "\u0130TEM"],  # non-ASCII: the per-line path
    ["a\nitem", "item"],  # a line holding a newline: the per-line path
]


@pytest.mark.parametrize("lines", CASES)
@pytest.mark.parametrize("words", WORDS)
def test_same_as_per_line(lines, words):
    for start in range(len(lines) + 1):
        for end in range(start, len(lines) + 1):
            assert B.lines_with(lines, start, end, words) == per_line(lines, start, end, words)


def test_random_lines():
    rng = random.Random(7)
    alphabet = ["item", "ITEM", "Signature", "inquiry", "ite", "m", " ", "x", "\u00e9", ""]
    for _ in range(300):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(4))) for _ in range(rng.randrange(12))]
        start = rng.randrange(len(lines) + 1)
        end = rng.randrange(start, len(lines) + 1)
        for words in WORDS:
            assert B.lines_with(lines, start, end, words) == per_line(lines, start, end, words)


def test_corpus_lines():
    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("no corpus beside the repository")
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() in (".txt", ".htm", ".html") and path.is_file():
            lines = sources.load(path).text.split("\n")
            for words in WORDS:
                assert B.lines_with(lines, 0, len(lines), words) == per_line(lines, 0, len(lines), words)
