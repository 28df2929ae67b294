"""The Item-text breakdown reader (checker/parse/breakdowns.py) and the bench's raw-text
applicability test (bench/inject/observable.py), on synthetic sentences."""
import sys
from pathlib import Path

from checker.parse.breakdowns import read_breakdowns

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from inject.locate import Raw, Span  # noqa: E402
from inject.observable import (amount_restated, count_printed, pct_seen_by, power_seen_by,  # noqa: E402
                               percent_restated, visible_text)


def test_labelled_breakdown_with_its_total():
    b, = read_breakdowns("Mr. Roe beneficially owns 2,050,000 shares of Common Stock, consisting of (i) 950,000 "
                         "shares owned directly by him and (ii) 1,100,000 shares owned by his wife. The shares ...")
    assert b.total == 2050000 and [n for _, n in b.parts] == [950000, 1100000]
    assert b.text.startswith("Mr. Roe")


def test_includes_and_of_which_are_not_whole_breakdowns():
    assert read_breakdowns("owns 2,050,000 shares, which includes (i) 950,000 shares and (ii) 1,000 shares.") == []
    assert read_breakdowns("owns 2,050,000 shares, of which 950,000 shares are held by A and 1,000 by B.") == []


def test_a_part_in_another_security_uses_the_count_it_converts_into():
    b, = read_breakdowns("owns 1,000,000 shares, consisting of (i) 600,000 shares held directly and (ii) 10,000 "
                         "shares of Preferred Stock convertible into 400,000 shares of Common Stock.")
    assert [n for _, n in b.parts] == [600000, 400000]
    assert read_breakdowns("owns 1,000,000 shares, consisting of (i) 600,000 shares held directly and "
                           "(ii) 10,000 shares of Preferred Stock.") == []


def test_the_outstanding_count_is_not_a_holding():
    assert read_breakdowns("30,000,000 shares outstanding, consisting of (i) 20,000,000 Class A shares "
                           "and (ii) 10,000,001 Class B shares.") == []


def test_labels_must_run_in_sequence_from_the_head():
    b, = read_breakdowns("owns 1,500 shares, consisting of (a) 1,000 shares and (b) 500 shares, (d) 7 shares.")
    assert [lab for lab, _ in b.parts] == ["a", "b"]


def _raw(text: str) -> Raw:
    return Raw.of(text.encode("latin-1"))


def _span(raw: Raw, tok: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = raw.text.index(tok, i + 1)
    return Span(i, i + len(tok), tok)


ONE = "NAME OF REPORTING PERSON\nFund LP\n11. PERCENT OF CLASS\n6.1%\nItem 4. Ownership.\n"


def test_percent_printed_once_with_no_count_is_unobservable():
    raw = _raw(ONE + "The Fund holds its shares for investment. SCHEDULE 13D\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") is None


def test_percent_restated_or_count_printed_or_two_persons_is_observable():
    raw = _raw(ONE + "(b) Percent of class: 6.1 %\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") == "seen: restated"
    raw = _raw(ONE + "based on 36,282,883 shares outstanding\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") == "seen: count printed"
    raw = _raw(ONE + "NAME OF REPORTING PERSON\nFund GP\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") == "seen: other persons"


def test_a_whole_percent_mention_is_a_threshold_not_a_restatement():
    raw = _raw("<p>11. PERCENT OF CLASS 5.5%</p><p>more than 5% of the class</p>")
    text = visible_text(raw)
    assert not percent_restated(text, _span(raw, "5.5"))
    assert percent_restated(visible_text(_raw("x 5.95 y 6.0%")), Span(2, 6, "5.95"))


def test_power_row_relations():
    rows = {"sole_voting": 700, "shared_voting": 0, "sole_dispositive": 1000, "shared_dispositive": 0,
            "aggregate": 1000}
    raw = _raw(ONE + "7. SOLE VOTING POWER 700\n")
    span = _span(raw, "700")
    assert power_seen_by(raw, 1, span, rows, dict(rows, sole_voting=600)) is None  # still <= row 11
    assert power_seen_by(raw, 1, span, rows, dict(rows, sole_voting=1700)) == "seen: row relation"
    rows2 = dict(rows, sole_voting=1000)
    assert power_seen_by(raw, 1, span, rows2, dict(rows2, sole_voting=900)) == "seen: row relation"  # total == row 11
    raw = _raw(ONE + "7. SOLE VOTING POWER 700\nItem 4 (c)(i) sole power to vote: 700\n")
    assert amount_restated(visible_text(raw), _span(raw, "700"))
    assert count_printed("There were 950,000 shares of Common Stock outstanding") is True


def test_an_amendment_number_that_was_the_only_mark_leaves_nothing_to_see():
    from inject.observable import amendment_seen
    assert not amendment_seen("<p>SCHEDULE 13G</p><p>(Amendment No.   )</p><p>for any subsequent amendment "
                              "containing information</p><p>the Exchange Act, as amended</p>")
    assert amendment_seen("CONFORMED SUBMISSION TYPE: SC 13G/A\n</SEC-HEADER>\nSCHEDULE 13G (Amendment No.   )")
    assert amendment_seen("SCHEDULE 13D (Amendment No.   )\nThis Amendment amends the Schedule 13D filed ...")


def test_a_count_printed_without_the_word_outstanding_or_a_percent_restated_in_words():
    assert count_printed("9.66% at 5/19/03 based on 8,460,187 common shares")
    assert count_printed("Ariel: 3,355,502/61,145,088=5.5%")
    raw = _raw(ONE + "the shares constitute 6% of the Issuer's outstanding shares.\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "7.1") == "seen: restated"  # 7.1 is not 6
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") is None  # 6.2 is 6 too (truncated)
    # a percent of the class at another value: another person's or one component's figure, or
    # at odds with the cover before the change; it cannot tell the new figure from the old
    raw = _raw(ONE + "the shares constitute 15.3% of the Issuer's outstanding shares.\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") is None
    raw = _raw(ONE + "ceased to be the beneficial owner of more than 5% of the class\n")
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.2") is None


def test_a_printed_count_shows_a_changed_percent_only_where_it_contradicts_the_new_one():
    from decimal import Decimal as D
    from inject.observable import count_contradicts, fits_count
    text = "Fund: 3,355,502/61,145,088=5.5%"  # 5.488 %: rounded 5.5, truncated 5.4
    assert fits_count(D(3355502), "5.5", 61145088) and fits_count(D(3355502), "5.4", 61145088)
    assert not count_contradicts(text, [(D(3355502), "5.5")], [(D(3355502), "5.4")])  # a truncation
    assert count_contradicts(text, [(D(3355502), "5.5")], [(D(3355502), "5.6")])
    # a count the untouched percent does not fit, too large for it even without rights to
    # acquire (12.2 % < 13.5 %; rights only lower a percent): another entity's units, no witness
    other = "5,935,000 issued and outstanding limited partnership units"
    assert not count_contradicts(other, [(D(723900), "13.5")], [(D(723900), "13.6")])
    # a count the untouched percent fits once the person's rights are added (3,768,922 of
    # 4,236,438 + 500,000 convertible = 79.6 %): maybe the base, so the change is taken as seen
    common = "there were 4,236,438 shares of Common Stock issued and outstanding"
    assert count_contradicts(common, [(D(3768922), "79.6")], [(D(3768922), "79.7")])
    raw = _raw(ONE + "based on 36,282,883 shares outstanding\n")
    pairs = [(D(2213219), "6.1")]  # 6.0999 %
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.0", [(D(2213219), "6.0")], pairs) is None
    assert pct_seen_by(raw, 1, _span(raw, "6.1"), "6.1", "6.3", [(D(2213219), "6.3")], pairs) == "seen: count printed"
