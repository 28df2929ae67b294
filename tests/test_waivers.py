"""Waiver files: loading, scopes, and the valid / expired / unused cases through the CLI."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checker.waivers import WaiverError, apply_waivers, load_waivers, path_matches
from report_samples import fake_pipeline, invoke, sample_result

PERSON = "Wynnefield Partners Small Cap Value LP"
TODAY = dt.date(2025, 6, 30)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def toml_waiver(rule="SUM001", scope='path = "filings/*.txt"', expires="2025-12-31") -> str:
    return (f'[[waiver]]\nrule = "{rule}"\n{scope}\njustification = "Counsel reviewed the breakdown."\n'
            f'approved_by = "J. Smith (GC)"\nexpires = {expires}\n')


def test_toml_and_yaml_load_with_lines(tmp_path):
    t = load_waivers(write(tmp_path / "w.toml", "# accepted risks\n\n" + toml_waiver() + "\n" + toml_waiver("THR001")))
    assert [(w.rule, w.line) for w in t.waivers] == [("SUM001", 3), ("THR001", 10)]
    assert t.waivers[0].expires == dt.date(2025, 12, 31)
    y = load_waivers(write(tmp_path / "w.yaml", f"""waivers:
  - rule: thr001
    cusip: 53634 X 100
    justification: Percent uses the 10-Q count.
    approved_by: A. Auditor
    expires: 2025-01-31
  - rule: SUM001
    person: {PERSON}
    justification: ok
    approved_by: B
    expires: "2026-01-01"
"""))
    assert [(w.rule, w.line) for w in y.waivers] == [("THR001", 2), ("SUM001", 7)]


@pytest.mark.parametrize("name, text, message", [
    ("w.toml", toml_waiver().replace('justification = "Counsel reviewed the breakdown."', 'justification = " "'),
     "justification: Value error, must not be empty"),
    ("w.toml", toml_waiver().replace('approved_by = "J. Smith (GC)"\n', ""), "approved_by: Field required"),
    ("w.toml", toml_waiver(scope=""), "needs a scope"),
    ("w.toml", toml_waiver(expires='"soon"'), "expires"),
    ("w.toml", toml_waiver() + "colour = 1\n", "colour"),
    ("w.toml", "[[waiver]\nrule=1\n", "not valid TOML"),
    ("w.toml", "[waivers]\nrule = 'X'\n", "array of tables"),
    ("w.yaml", "waivers:\n  - rule: [unclosed\n", "not valid YAML"),
    ("w.yaml", "just a string\n", "expected a list"),
])
def test_malformed_waiver_files(tmp_path, name, text, message):
    with pytest.raises(WaiverError) as err:
        load_waivers(write(tmp_path / name, text))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_path_globs():
    assert path_matches("filings/**/*.txt", "filings/2024/q1/a.txt")
    assert path_matches("filings/**/*.txt", "filings/a.txt")
    assert not path_matches("filings/*.txt", "filings/2024/a.txt")
    assert path_matches("*.txt", "deep/down/a.txt")  # no slash: the file name, anywhere
    assert path_matches("./filings/a.txt", "filings/a.txt")
    assert not path_matches("filings/a.txt", "other/a.txt")


def _apply(tmp_path, text, results=None, today=TODAY, selected=lambda c: True):
    wset = load_waivers(write(tmp_path / "w.toml", text))
    return apply_waivers(results or [sample_result()], wset, today, selected)


def test_scopes_by_cusip_person_and_fingerprint(tmp_path):
    result = sample_result()
    fp = next(f.fingerprint for f in result.findings if f.rule_id == "THR001")
    text = (toml_waiver("COV001", scope='cusip = "53634-X-100"') + toml_waiver("SUM001", scope=f'person = "{PERSON.upper()}"')
            + toml_waiver("THR001", scope=f'fingerprint = "{fp}"'))
    results, waived, own = _apply(tmp_path, text, [result])
    assert sorted(w.finding.rule_id for w in waived) == ["COV001", "SUM001", "THR001"]
    assert own == []
    assert {f.rule_id for f in results[0].findings} == {"DEF001"}
    # A second waiver for a finding another waiver already took is redundant: unused.
    _, waived, own = _apply(tmp_path, toml_waiver() + toml_waiver(scope=f'person = "{PERSON}"'), [result])
    assert len(waived) == 1 and [f.rule_id for f in own] == ["WAV002"]


def test_expired_and_unused(tmp_path):
    text = toml_waiver(expires="2025-01-31") + toml_waiver("THR002") + toml_waiver("THR002", scope='path = "x/*.txt"')
    results, waived, own = _apply(tmp_path, text)
    assert waived == [] and any(f.rule_id == "SUM001" for f in results[0].findings)
    assert [(f.rule_id, f.line, f.severity, f.category) for f in own] == [
        ("WAV001", 1, "warning", "consistency"), ("WAV002", 7, "warning", "consistency")]
    assert "expired on 2025-01-31" in own[0].message and own[0].citation == "stakecheck waiver file"
    # The same waiver on its last day still holds.
    _, waived, own = _apply(tmp_path, toml_waiver(expires="2025-06-30"))
    assert len(waived) == 1 and own == []
    # A rule deselected in this run does not make its waiver "unused".
    _, _, own = _apply(tmp_path, toml_waiver("THR002"), selected=lambda c: not c.startswith("THR"))
    assert own == []


# --- through the command line --------------------------------------------------------------

@pytest.fixture
def repo(tmp_path, monkeypatch):
    filing = write(tmp_path / "filings" / "sc13da-sample.txt", "SCHEDULE 13D\n")
    fake_pipeline(monkeypatch, {"sc13da-sample.txt": sample_result()})
    monkeypatch.chdir(tmp_path)
    return tmp_path, filing


def test_valid_waivers_open_the_gate(repo, monkeypatch, capsys):
    root, filing = repo
    w = write(root / "waivers.toml", toml_waiver() + toml_waiver("COV001", scope='path = "filings/**"'))
    code, out, _ = invoke(monkeypatch, capsys, "check", filing)
    assert code == 1
    code, out, err = invoke(monkeypatch, capsys, "check", filing, "--waivers", w, "--as-of", "2025-06-30",
                            "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["summary"]["waived"] == 2 and doc["summary"]["error"] == 0
    assert sorted(x["rule_id"] for x in doc["waived"]) == ["COV001", "SUM001"]
    assert doc["waived"][0]["waiver"]["approved_by"] == "J. Smith (GC)"
    assert len(doc["files"]) == 1  # a clean waiver file adds no entry
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--waivers", w, "--as-of", "2025-06-30")
    assert "2 waived" in out and out.count("waived  ") == 2


def test_expired_waiver_is_reported_and_gate_closes(repo, monkeypatch, capsys):
    root, filing = repo
    w = write(root / "waivers.toml", toml_waiver() + toml_waiver("COV001", scope='path = "filings/**"'))
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--waivers", w, "--as-of", "2026-01-01",
                          "--format", "github")
    assert code == 1
    assert "::error file=filings/sc13da-sample.txt,line=233,title=SUM001::" in out
    assert out.count("::warning file=waivers.toml,") == 2 and "title=WAV001" in out
    assert "::warning file=waivers.toml,line=1,title=WAV001::" in out
    assert "::warning file=waivers.toml,line=7,title=WAV001::" in out


def test_unused_waiver_reported_with_json_location(repo, monkeypatch, capsys):
    root, filing = repo
    w = write(root / "waivers.yaml", "- rule: THR002\n  path: '*.txt'\n  justification: x\n"
                                     "  approved_by: y\n  expires: 2030-01-01\n")
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--waivers", w, "--format", "json",
                          "--fail-on", "warning", "--ignore", "THR001")
    doc = json.loads(out)
    assert code == 1
    own = doc["files"][-1]
    assert own["path"].endswith("waivers.yaml") and own["findings"][0]["rule_id"] == "WAV002"
    assert own["findings"][0]["line"] == 1
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--waivers", w, "--ignore", "WAV")
    assert "WAV002" not in out


def test_malformed_waiver_file_exits_2(repo, monkeypatch, capsys):
    root, filing = repo
    w = write(root / "waivers.toml", toml_waiver(scope=""))
    code, out, err = invoke(monkeypatch, capsys, "check", filing, "--waivers", w)
    assert code == 2 and out == "" and err.count("\n") == 1 and "needs a scope" in err
    code, _, err = invoke(monkeypatch, capsys, "check", filing, "--waivers", root / "missing.toml")
    assert code == 2 and "cannot read waiver file" in err
