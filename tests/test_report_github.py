"""GitHub workflow-command annotations and their escaping."""
from __future__ import annotations

from checker.report import render
from checker.report.github import escape_data, escape_property
from report_samples import context, sample_result, waived_entry


def test_one_annotation_per_finding_with_levels():
    out = render("github", [sample_result()], context()).splitlines()
    errors = [ln for ln in out if ln.startswith("::error ")]
    assert len(errors) == 2
    assert errors[0].startswith("::error file=filings/sc13da-sample.txt,line=12,title=COV001::")
    assert any(ln.startswith("::warning file=filings/sc13da-sample.txt,line=140,title=THR001::") for ln in out)
    notice = next(ln for ln in out if ln.startswith("::notice "))
    assert "line=" not in notice.split("::")[1]  # DEF001 has no line
    assert out[-1] == "stakecheck: 1 file(s), 2 error(s), 1 warning(s), 1 info"


def test_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    out = render("github", [sample_result("dir,with:odd%/f.txt")], context())
    assert "file=dir%2Cwith%3Aodd%25/f.txt," in out
    thr = next(ln for ln in out.splitlines() if "title=THR001" in ln)
    assert "percent 7.5%25 is inconsistent: 100%25, or 50,25 : odd%0Asecond line" in thr
    assert all("\r" not in ln for ln in out.splitlines())


def test_waived_are_counted_not_annotated():
    result = sample_result()
    entry = waived_entry(result, "THR001")
    result = result.model_copy(update={"findings": [f for f in result.findings if f.rule_id != "THR001"]})
    out = render("github", [result], context(waived=[entry], baselined=3))
    assert "title=THR001" not in out
    assert out.splitlines()[-1].endswith("0 warning(s), 1 info, 1 waived, 3 in baseline")
