"""bench/inject/observable.py: whether a planted percent can be seen at all, from the raw text."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from inject.locate import Raw, Span  # noqa: E402
from inject.observable import percent_restated, pct_seen_by, reporting_persons, visible_text  # noqa: E402


def _span(text: str, token: str, nth: int = 1) -> Span:
    at = -1
    for _ in range(nth):
        at = text.index(token, at + 1)
    return Span(at, at + len(token), token)


def test_the_row_title_after_its_number_is_no_restated_percent():
    text = "11  PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)\n\n          4.8%\n12  TYPE OF REPORTING PERSON"
    assert not percent_restated(text, _span(text, "4.8"), "4.9")
    prose = text + "\nItem 4. It owns 4.8 percent of the class."
    assert percent_restated(prose, _span(prose, "4.8"), "4.9")


def test_a_percent_of_the_class_in_prose_with_an_entity_in_a_word_is_a_restatement():
    raw = Raw.of(b"<p>15.5%</p><p>the shares constitute 15% of the Issuer&rsquo;s outstanding shares</p>")
    text = visible_text(raw)
    assert percent_restated(text, _span(text, "15.5"), "16.5", raw.text)
    assert not percent_restated(text, _span(text, "15.5"), "15.6", raw.text)  # still 15 %, truncated


def test_a_percent_of_the_class_at_another_value_witnesses_nothing():
    """Cover 15.5 %, Item 5 '15.3%': at odds before the change, so no new figure is told apart."""
    raw = Raw.of(b"<p>15.5%</p><p>the shares constitute 15.3% of the Issuer&rsquo;s outstanding shares</p>")
    text = visible_text(raw)
    assert not percent_restated(text, _span(text, "15.5"), "15.6", raw.text)


def test_xml_counts_a_person_once_though_its_signature_block_repeats_its_name():
    one = b"<coverPageHeaderReportingPersonDetails><reportingPersonName>Larson Trust</reportingPersonName>" \
          b"</coverPageHeaderReportingPersonDetails><signatureInformation><reportingPersonName>Larson  Trust" \
          b"</reportingPersonName></signatureInformation>"
    two = one.replace(b"<signatureInformation><reportingPersonName>Larson  Trust",
                      b"<signatureInformation><reportingPersonName>Larson Trust</reportingPersonName>"
                      b"<reportingPersonName>Larson GP LLC")
    assert reporting_persons(Raw.of(one), 1) == 1
    assert reporting_persons(Raw.of(two), 1) == 2


def test_an_xml_percent_element_restates_the_percent_unless_the_change_agrees_with_it():
    data = (b"<formData><coverPageHeader><reportingPersonName>Larson Trust</reportingPersonName>"
            b"<classPercent>5.3</classPercent></coverPageHeader><items><item4><classPercent>5.264</classPercent>"
            b"</item4></items><signatureInformation><reportingPersonName>Larson Trust</reportingPersonName>"
            b"</signatureInformation></formData>")
    raw = Raw.of(data)
    text = visible_text(raw)
    span = _span(text, "5.3")
    assert percent_restated(text, span, "5.9", raw.text)  # 5.264 contradicts 5.9
    assert not percent_restated(text, span, "5.2", raw.text)  # 5.264 truncated is 5.2: no contradiction
    assert pct_seen_by(raw, 1, span, "5.3", "5.9") == "seen: restated"
    assert pct_seen_by(raw, 1, span, "5.3", "5.2") is None


def test_a_finer_restatement_the_step_still_rounds_from_contradicts_nothing():
    text = "13. PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)\n     5.5%\n\nItem 5. It owns 5.55% of the Common Stock."
    span = _span(text, "5.5")
    assert not percent_restated(text, span, "5.6")  # 5.55 rounds to 5.6 and truncates to 5.5
    assert percent_restated(text, span, "5.7")


def test_several_persons_see_a_change_only_where_their_figures_share_no_count():
    from decimal import Decimal
    from inject.observable import share_a_count
    # 10,287,268 at 6.3% fits 162.0-164.6 M outstanding; 9,987,768 at 6.2% fits 159.8-162.4 M
    assert share_a_count([(Decimal(10_287_268), "6.3"), (Decimal(9_987_768), "6.2")])
    # at 6.20% (two decimals) only 160.9-161.2 M: no common count
    assert not share_a_count([(Decimal(10_287_268), "6.3"), (Decimal(9_987_768), "6.20")])
    # one printed step apart on the same amount: the open intervals share no count
    assert not share_a_count([(Decimal(1_000_000), "5.5"), (Decimal(1_000_000), "5.6")])
    text = ("1. NAMES OF REPORTING PERSONS\n A Fund\n11. AGGREGATE AMOUNT 10,287,268\n13. 6.3%\n"
            "1. NAMES OF REPORTING PERSONS\n B Fund\n11. AGGREGATE AMOUNT 9,987,768\n13. 6.1%\n")
    raw = Raw.of(text.encode())
    span = _span(text, "6.1")
    fits = [(Decimal(10_287_268), "6.3"), (Decimal(9_987_768), "6.2")]
    assert pct_seen_by(raw, 2, span, "6.1", "6.2", fits) is None
    assert pct_seen_by(raw, 2, span, "6.1", "6.2", None) == "seen: other persons"  # figures not all found
    assert pct_seen_by(raw, 2, span, "6.1", "7.2", [fits[0], (Decimal(9_987_768), "7.2")]) == "seen: other persons"
    counted = raw.text + "Item 4. Based on 162,200,000 shares outstanding.\n"
    assert pct_seen_by(Raw.of(counted.encode()), 2, span, "6.1", "6.2", fits) == "seen: count printed"
