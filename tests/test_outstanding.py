"""The outstanding count a filing states, read from real filings, and THR014 staying quiet where
the filing's own figures explain its percent."""
from __future__ import annotations

import pytest

from checker import sources
from checker.parse import parse_document
from checker.pipeline import check_file

STATED = {
    "xml/edgartools_avis_pentwater_13ga.xml": 35_324_685,  # 13G Item 4 (XML)
    "txt/orgron_2024_landsea_homes_schedule13d_fullsub.txt": 36_282_883,  # 13D Item 5, submission
    "html/orgron_2019_virgin_galactic_sc13d.htm": 195_587_552,  # HTML
    "txt/orgron_1994_airborne_freight_sc13da.txt": 19_256_251,  # 1994 text
}


@pytest.mark.parametrize("rel", sorted(STATED))
def test_outstanding_count_is_read(corpus, rel):
    filing = parse_document(sources.load(corpus / rel))
    assert STATED[rel] in [c.shares for c in filing.outstanding]


def test_add_back_of_warrants_is_not_an_error(corpus):
    """ATI: 379,833 shares are 8.64% of 4,395,617 but the filing adds 59,333 warrant shares to the
    denominator (Rule 13d-3(d)(1)(i)) and prints 8.5%: consistent, so no THR014."""
    result = check_file(corpus / "txt/orgron_2024_ati_physical_therapy_sc13d.txt")
    assert "THR014" not in {f.rule_id for f in result.findings}
    assert {p.percent for p in result.reporting_persons} == {8.5}
