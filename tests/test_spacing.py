"""A double-spaced text filing reads as its single-spaced twin (checker/sources/spacing.py),
with findings on the user's own lines."""
from __future__ import annotations

import re
from pathlib import Path

from checker.api import check_bytes
from checker.sources.spacing import single_spaced

BASE = (Path(__file__).parent / "cases" / "bases" / "13d.txt").read_text()


def _view(result):
    return ([(p.name, p.aggregate, p.percent, p.sole_voting, p.shared_voting) for p in result.reporting_persons],
            sorted((f.rule_id, f.person or "") for f in result.findings))


# An attorney-in-fact's signature whose lines run on ('Duly authorized under Power of Attorney' /
# 'dated ... by and on behalf of Alpha Fund LP' / 'and Alpha Capital LLC'): double-spaced, each
# line stood alone and both persons read as unsigned (CON004), the attorney as a person.
_ATTORNEY_SIGNS = BASE[:BASE.index("                                         ALPHA FUND LP")] + (
    "March 5, 2025\nDate\n\n/s/ Jane Roe\nSignature\n\nJane Roe\nDuly authorized under Power of Attorney\n"
    "dated January 2, 2020 by and on behalf of Alpha Fund LP\nand Alpha Capital LLC\n")


def test_a_double_spaced_filing_reads_as_the_single_spaced_one():
    text = _ATTORNEY_SIGNS
    double = text.replace("\n", "\n\n")
    single, doubled = check_bytes(text.encode(), "a.txt"), check_bytes(double.encode(), "a.txt")
    assert _view(doubled) == _view(single)
    assert [p.name for p in doubled.reporting_persons] == ["Alpha Fund LP", "Alpha Capital LLC"]
    assert not {"CON004", "COV001"} & {f.rule_id for f in doubled.findings}
    # lines are the double-spaced file's: the first cover page's name is twice as far down
    assert [p.line for p in doubled.reporting_persons] == [2 * p.line - 1 for p in single.reporting_persons]


def test_single_spacing_keeps_paragraph_breaks_and_the_line_map():
    lines = [f"line {i}" for i in range(50)]
    text = "\n\n".join(lines[:25]) + "\n\n\n\n" + "\n\n".join(lines[25:])
    out, line_map = single_spaced(text)
    assert out.split("\n")[24:27] == ["line 24", "", "line 25"]
    assert line_map[0] == 1 and line_map[1] == 3 and line_map[26] == text.split("\n").index("line 25") + 1


def test_a_single_spaced_filing_with_blank_lines_between_rows_is_left_alone():
    assert single_spaced(BASE) == (BASE, None)
    paragraphs = "\n\n".join("a whole paragraph on one line, as a word processor writes it " * 3 for _ in range(60))
    assert single_spaced(paragraphs) == (paragraphs, None)


def _submission(body: str) -> str:
    return ("<SEC-DOCUMENT>0000000000-25-000001.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\tSC 13D\n"
            "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\n" + body + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


def test_a_double_spaced_filing_with_wide_cover_lines_is_single_spaced():
    # a typed filing whose cover tables run past 100 columns (airborne freight, 1994: 103 wide)
    text = _ATTORNEY_SIGNS.replace("SHARED VOTING POWER", "SHARED VOTING POWER".ljust(98) + "|")
    wide = "\n".join(ln.ljust(102) + "|" if ln[:1].isdigit() else ln for ln in text.split("\n"))
    single, doubled = check_bytes(wide.encode(), "a.txt"), check_bytes(wide.replace("\n", "\n\n").encode(), "a.txt")
    assert _view(doubled) == _view(single)
    assert not {"CON004", "COV001"} & {f.rule_id for f in doubled.findings}


def test_a_double_spaced_text_pasted_into_html_pre_is_single_spaced():
    html = "<html><body><pre>\n{}</pre></body></html>\n"
    single = check_bytes(html.format(_ATTORNEY_SIGNS).encode(), "a.htm")
    doubled = check_bytes(html.format(_ATTORNEY_SIGNS.replace("\n", "\n\n")).encode(), "a.htm")
    assert _view(doubled) == _view(single)
    assert not {"CON004", "COV001"} & {f.rule_id for f in doubled.findings}


def test_a_double_spaced_submission_is_still_read_as_text():
    # single spacing leaves gaps in the line map; the body is text, not HTML, all the same: a
    # footnote mark run onto a figure is reported as in the single-spaced file (PAR004)
    glued = BASE.replace("7.   SOLE VOTING POWER\n     1,000,000", "7.   SOLE VOTING POWER\n     1,000,0001", 1)
    single = check_bytes(_submission(glued).encode(), "a.txt")
    doubled = check_bytes(_submission(glued.replace("\n", "\n\n")).encode(), "a.txt")
    assert "PAR004" in {f.rule_id for f in single.findings}
    assert _view(doubled) == _view(single)


def _tabbed(line: str) -> str:
    """Runs of spaces reaching a tab stop typed as tabs (the same columns once expanded)."""
    out, col = "", 0
    for chunk in re.findall(r" {2,}|[^ ]+| ", line):
        stop = (col // 8 + 1) * 8
        if chunk.startswith("  ") and stop <= col + len(chunk):
            out += "\t" + " " * (col + len(chunk) - stop) if col + len(chunk) - stop < 8 else chunk
        else:
            out += chunk
        col += len(chunk)
    return out


_STUB = """  NUMBER OF     7   SOLE VOTING POWER:       1,000,000
   SHARES
BENEFICIALLY    8   SHARED VOTING POWER:     0
  OWNED BY
    EACH        9   SOLE DISPOSITIVE POWER:  1,000,000
  REPORTING
 PERSON WITH   10   SHARED DISPOSITIVE       0
                    POWER:
"""


def test_a_cover_aligned_with_tabs_reads_as_one_aligned_with_spaces():
    # rows 7-10 beside the form's stub, aligned by the typist's tabs: columns, not cells
    rows = BASE[BASE.index("7.   SOLE VOTING POWER"):BASE.index("11.")]
    spaced = BASE.replace(rows, _STUB, 1)
    tabbed = "\n".join(_tabbed(line) for line in spaced.split("\n"))
    assert tabbed != spaced and tabbed.expandtabs(8) == spaced
    assert _view(check_bytes(tabbed.encode(), "a.txt")) == _view(check_bytes(spaced.encode(), "a.txt"))
    assert check_bytes(spaced.encode(), "a.txt").reporting_persons[0].sole_dispositive == 1000000
