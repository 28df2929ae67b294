"""Baselines: write today's fingerprints, then fail only on new findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from report_samples import fake_pipeline, finding, invoke, sample_result


def test_write_is_sorted_and_round_trips(tmp_path):
    result = sample_result()
    n = write_baseline(tmp_path / "b.json", [result])
    doc = json.loads((tmp_path / "b.json").read_text())
    assert n == 4 and doc["fingerprints"] == sorted(f.fingerprint for f in result.findings)
    assert [e["fingerprint"] for e in doc["findings"]] == doc["fingerprints"]
    known = load_baseline(tmp_path / "b.json")
    kept, dropped = apply_baseline([result], known)
    assert dropped == 4 and kept[0].findings == []
    (tmp_path / "list.json").write_text(json.dumps(doc["fingerprints"][:1]))
    assert len(load_baseline(tmp_path / "list.json")) == 1


@pytest.mark.parametrize("text", ["{not json", '{"fingerprints": [1, 2]}', '"abc"'])
def test_malformed_baseline(tmp_path, text):
    (tmp_path / "b.json").write_text(text)
    with pytest.raises(BaselineError) as err:
        load_baseline(tmp_path / "b.json")
    assert "\n" not in str(err.value)


def test_pipeline_fails_only_on_new_findings(tmp_path, monkeypatch, capsys):
    filing = tmp_path / "filings" / "sc13da-sample.txt"
    filing.parent.mkdir()
    filing.write_text("SCHEDULE 13D\n")
    monkeypatch.chdir(tmp_path)
    result = sample_result()
    fake_pipeline(monkeypatch, {filing.name: result})
    code, out, err = invoke(monkeypatch, capsys, "check", filing, "--write-baseline", "base.json")
    assert code == 0 and "wrote 4 fingerprint(s) to base.json" in err
    assert "SUM001" in out  # the report is still written
    assert len(json.loads(Path("base.json").read_text())["fingerprints"]) == 4

    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--baseline", "base.json")
    assert code == 0 and "0 error(s), 0 warning(s), 0 info, 4 in baseline" in out

    new = finding("SUM002", "error", 99, None, "a new problem")
    fake_pipeline(monkeypatch, {filing.name: result.model_copy(update={"findings": result.findings + [new]})})
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--baseline", "base.json", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert [f["rule_id"] for f in doc["files"][0]["findings"]] == ["SUM002"]
    assert doc["summary"]["baselined"] == 4

    Path("bad.json").write_text("[")
    code, out, err = invoke(monkeypatch, capsys, "check", filing, "--baseline", "bad.json")
    assert code == 2 and out == "" and err.count("\n") == 1 and "not a JSON baseline" in err
