"""Signatures: a signed person is not reported unsigned, and the person who signs for an entity
(an officer, an attorney-in-fact, 'By: X, its general partner') is not taken for a reporting
person. Small synthetic fixtures (tests/fixtures/layouts/), each one class of layout seen on real
filings, through the whole pipeline."""
from __future__ import annotations

from pathlib import Path

from checker.pipeline import check_file
from checker.sources.html import html_to_text

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def codes(result, *wanted):
    return sorted((f.rule_id, f.person) for f in result.findings if f.rule_id in wanted)


def test_html_signature_blocks_side_by_side_are_read_block_by_block():
    # Two blocks in one table ('Alpha Fund, L.P. | Alpha GP, LLC' / 'By: | /s/ Jane Roe | By: | /s/ ...'):
    # read row by row they made one person 'Alpha Fund, L.P. | Alpha GP, LLC' and left both unsigned.
    result = check_file(LAYOUTS / "signature_grid_13d.htm")
    assert [(p.name, p.cover_page) for p in result.reporting_persons] == [
        ("Alpha Fund, L.P.", True), ("Alpha GP, LLC", True)]
    assert codes(result, "CON004", "COV001") == []


def test_a_signature_table_with_one_block_a_row_stays_rows():
    html = ("<table><tr><td>By:</td><td>/s/ Jane Roe</td></tr>"
            "<tr><td>Name:</td><td>Jane Roe</td></tr></table>")
    assert html_to_text(html)[0].splitlines() == ["By: | /s/ Jane Roe", "Name: | Jane Roe"]


def test_side_by_side_blocks_become_one_column_each():
    html = ("<table><tr><td>Alpha Fund, L.P.</td><td></td><td>Alpha GP, LLC</td></tr>"
            "<tr><td>/s/ Jane Roe</td><td></td><td>/s/ John Doe</td></tr></table>")
    assert [t for t in html_to_text(html)[0].splitlines() if t] == [
        "Alpha Fund, L.P.", "/s/ Jane Roe", "Alpha GP, LLC", "/s/ John Doe"]
