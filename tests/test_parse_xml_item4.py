"""13G XML Item 4 figures are compared with the cover page (CON008), like Item 4 in text."""
from __future__ import annotations

import pytest

from checker.pipeline import check_file

XML = """<?xml version="1.0"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13g">
<headerData><submissionType>SCHEDULE 13G</submissionType></headerData>
<formData>
<coverPageHeaderReportingPersonDetails><reportingPersonName>Alpha Fund LP</reportingPersonName>
<reportingPersonBeneficiallyOwnedNumberOfShares><soleVotingPower>1000000</soleVotingPower>
<sharedVotingPower>0</sharedVotingPower><soleDispositivePower>1000000</soleDispositivePower>
<sharedDispositivePower>0</sharedDispositivePower></reportingPersonBeneficiallyOwnedNumberOfShares>
<reportingPersonBeneficiallyOwnedAggregateNumberOfShares>1000000</reportingPersonBeneficiallyOwnedAggregateNumberOfShares>
<classPercent>5.5</classPercent></coverPageHeaderReportingPersonDetails>
<items><item4><amountBeneficiallyOwned>{amount}</amountBeneficiallyOwned><classPercent>5.5</classPercent>
</item4></items>
</formData></edgarSubmission>"""


@pytest.mark.parametrize("amount, flagged", [("1000900", True), ("1000000", False),
                                             ("See Row 9 of the cover page", False)])
def test_item4_amount_against_cover(tmp_path, amount, flagged):
    path = tmp_path / "g.xml"
    path.write_text(XML.format(amount=amount), encoding="utf-8")
    result = check_file(path)
    assert [p.aggregate for p in result.reporting_persons] == [1000000]
    hits = [f.message for f in result.findings if f.rule_id == "CON008"]
    assert hits == (["Item 4 states 1,000,900 as the aggregate amount; the cover page (line 9) states 1,000,000"]
                    if flagged else [])
    assert not [f for f in result.findings if f.rule_id == "PAR004"]  # words in Item 4 are allowed
