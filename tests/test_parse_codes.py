"""Row 4 / row 14 (13G row 12) codes as printed: several codes however separated, and a phrase or a
name with its code in parentheses read as such, so one answer gives one finding, not one per word."""
from __future__ import annotations

import pytest

from checker.parse.values import split_codes


@pytest.mark.parametrize("printed, codes", [
    ("IN, HC", ["IN", "HC"]),
    ("PN/IA", ["PN", "IA"]),
    ("OO and PF", ["OO", "PF"]),
    ("CO; HC", ["CO", "HC"]),
    ("N/A", ["N/A"]),
    ("H.C.", ["HC"]),
    ("IN (See Item 4)", ["IN"]),
    ("First Union Corporation (HC)", ["HC"]),
    ("Not applicable", ["NOT APPLICABLE"]),
    ("See Item 3 of this Statement", ["SEE ITEM 3 OF THIS STATEMENT"]),
    ("00 Securities are deemed beneficially owned", ["00 SECURITIES ARE DEEMED BENEFICIALLY OWNED"]),
    ("IN 5", ["IN"]),  # the page number under the last row, no rule between
    ("IA, OO 12", ["IA", "OO"]),
    ("5", ["5"]),  # a number alone is what was printed: the rules report it
])
def test_codes_as_printed(printed, codes):
    assert split_codes(printed) == codes


@pytest.mark.parametrize("lines, checked", [
    (["☒", "Rule 13d-1(b)", "□", "Rule 13d-1(c)", "□", "Rule 13d-1(d)"], ["Rule 13d-1(b)"]),  # boxes above
    (["□", "", "Rule 13d-1(b)", "", "☒", "", "Rule 13d-1(c)", "□", "Rule 13d-1(d)"], ["Rule 13d-1(c)"]),
    (["Rule 13d-1(b)", "□", "Rule 13d-1(c)", "☒", "Rule 13d-1(d)", "□"], ["Rule 13d-1(c)"]),  # boxes below
    (["☒ Rule 13d-1(b)", "□ Rule 13d-1(c)"], ["Rule 13d-1(b)"]),  # beside, as before
    (["Rules 13d-1(b), (c) and (d) are named in prose."], []),
])
def test_rule_boxes_on_lines_of_their_own(lines, checked):
    # A title page typed in paragraphs: each box on a line of its own, the rule beside it on the next.
    from checker.parse.boxes import rule_designations
    assert [t.value for t in rule_designations(lines, len(lines), lambda k: k + 1)] == checked


def _item3(rows: list[str]):
    from checker.model import Item
    return Item(number="3", title="If this statement is filed pursuant to 240.13d-1(b) ... check whether the person "
                "filing is a:", text="\n".join(rows), line=1)


@pytest.mark.parametrize("box_e, codes", [("o", None), ("x", ["IA"]), ("☒", ["IA"])])
def test_item3_options_with_letter_box_and_text_on_lines_of_their_own(box_e, codes):
    # A checklist typed in paragraphs: '(e)' / 'o' / 'An investment adviser ... Rule 13d-1(b)(1)(ii)(E);'.
    # All unchecked, the options are still a checklist: the clause letters they print state no type.
    from checker.parse.boxes import filer_types
    rows = ["(a)", "o", "Broker or dealer registered under Section 15 of the Act;",
            "(e)", box_e, "An investment adviser in accordance with Rule 13d-1(b)(1)(ii)(E);",
            "(g)", "o", "A parent holding company or control person in accordance with Rule 13d-1(b)(1)(ii)(G);"]
    found = filer_types([_item3(rows)])
    assert (found.codes if found else None) == codes
