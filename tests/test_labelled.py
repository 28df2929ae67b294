"""Parse accuracy on the hand-labelled set (corpus/labelled/LABELS.json): floors that the parser
has reached, so that a regression fails. The figures and the matching are bench/labelled.py's;
run it to see them per filing. No number may be wrong: a value that cannot be read is left empty
(and reported as a parse finding), never guessed."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench" / "labelled.py"

# Reached on the labelled set (71 submissions, 143 labelled persons); raise them as the parser improves.
FLOOR_PERSONS_OK_FILINGS = 71
FLOOR_PERSONS_NUMBERS_RIGHT = 140


def _bench():
    spec = importlib.util.spec_from_file_location("bench_labelled", _BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(corpus: Path):
    if not (corpus / "labelled" / "LABELS.json").exists():
        pytest.skip(f"labelled set not found at {corpus / 'labelled'}")
    bench = _bench()
    return bench, bench.measure(corpus)


def test_every_labelled_filing_is_read(scores):
    _, s = scores
    assert [x.file for x in s if x.error] == []


def test_no_number_is_wrong(scores):
    _, s = scores
    assert [f"{x.file}: {w}" for x in s for w in x.wrong] == []


def test_persons_right_on_filings_floor(scores):
    bench, s = scores
    t = bench.totals(s)
    assert t["persons_ok_filings"] >= FLOOR_PERSONS_OK_FILINGS, bench.report(s)


def test_aggregate_and_percent_right_floor(scores):
    bench, s = scores
    t = bench.totals(s)
    assert t["persons_numbers_right"] >= FLOOR_PERSONS_NUMBERS_RIGHT, bench.report(s)


# Session 3 (filers, signatures, dates): labelled error/warning anomalies flagged in their
# category, and no error on a labelled-clean filing.
FLOOR_ANOMALIES_FLAGGED = 63


def test_labelled_anomalies_flagged_floor(scores):
    bench, s = scores
    assert bench.totals(s)["flagged"] >= FLOOR_ANOMALIES_FLAGGED, bench.report(s)


def test_no_error_on_a_labelled_clean_filing(scores):
    _, s = scores
    assert [f"{x.file}: {x.false_error}" for x in s if x.clean and x.false_error] == []
