"""A statement typed in capitals reads as the same statement in mixed case: sentence ends after
capitals, 'AND' between names, the joint filing sentence, the certification's last words."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import check_bytes
from checker.names import split_names
from checker.parse.statements import item5_sole_statements, joint_filing_line

BASES = Path(__file__).parent / "cases" / "bases"


def _view(result):
    return ([(p.name.upper(), p.aggregate, p.percent, p.sole_voting, p.shared_voting, p.sole_dispositive,
              p.shared_dispositive) for p in result.reporting_persons],
            sorted((f.rule_id, (f.person or "").upper(), f.severity) for f in result.findings))


@pytest.mark.parametrize("base", ["13d.txt", "13g.txt"])
def test_a_filing_in_capitals_reads_as_in_mixed_case(base):
    text = (BASES / base).read_text()
    assert _view(check_bytes(text.upper().encode(), base)) == _view(check_bytes(text.encode(), base))


def test_and_between_names_in_capitals_splits_them():
    assert split_names("AUSTIN W. MARXE AND DAVID M. GREENHOUSE") == ["AUSTIN W. MARXE", "DAVID M. GREENHOUSE"]


def test_the_joint_filing_sentence_in_capitals_is_found():
    lines = ["JOINT FILING AGREEMENT", "", "THE UNDERSIGNED HEREBY AGREE TO THE JOINT FILING OF THIS STATEMENT."]
    assert joint_filing_line(lines) == 0


def test_a_sentence_in_capitals_ends_after_a_capital():
    # the second sentence denies the power: its count is no one's, and the first states none
    text = ("(B) FMR, THROUGH ITS CONTROL OF FIDELITY, AND THE FUNDS EACH HAS SOLE POWER TO DISPOSE OF THE "
            "SHARES.  NEITHER FMR NOR MR. JOHNSON HAS THE SOLE POWER TO VOTE OR DIRECT THE VOTING OF THE "
            "558,900 SHARES OWNED DIRECTLY BY THE FIDELITY FUNDS.")
    assert item5_sole_statements(text) == []
    assert item5_sole_statements(text.replace("NEITHER FMR NOR MR. JOHNSON HAS", "MR. JOHNSON HAS")) == [
        ("MR. JOHNSON HAS THE ", ("voting",), 558900, False)]
