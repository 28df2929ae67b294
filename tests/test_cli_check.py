"""`stakecheck check` / `report`: exit codes and output for --fail-on, --select/--ignore,
every format, and the usage errors (one line on stderr, exit 2, no traceback)."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from report_samples import clean_result, fake_pipeline, invoke, sample_result


@pytest.fixture
def repo(tmp_path, monkeypatch):
    folder = tmp_path / "filings"
    folder.mkdir()
    (folder / "sc13da-sample.txt").write_text("SCHEDULE 13D\n")
    (folder / "clean.txt").write_text("SCHEDULE 13D\n")
    calls = fake_pipeline(monkeypatch, {"sc13da-sample.txt": sample_result(), "clean.txt": clean_result()})
    monkeypatch.chdir(tmp_path)
    return tmp_path, calls


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on(repo, monkeypatch, capsys, fail_on, code):
    got, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--fail-on", fail_on)
    assert got == code
    assert out.rstrip().endswith("2 file(s): 2 error(s), 1 warning(s), 1 info")


@pytest.mark.parametrize("args, fail_on, code, present, absent", [
    (["--select", "THR"], "warning", 1, ["THR001"], ["SUM001", "COV001", "DEF001"]),
    (["--select", "THR"], "error", 0, ["THR001"], ["SUM001"]),
    (["--select", "DEF001,COV001"], "info", 1, ["DEF001", "COV001"], ["THR001", "SUM001"]),
    (["--ignore", "SUM001", "--ignore", "COV"], "error", 0, ["THR001", "DEF001"], ["SUM001", "COV001"]),
    (["--select", "sum", "--ignore", "SUM001"], "info", 0, [], ["SUM001", "THR001"]),
    (["--ignore", "DEF,THR", "--severity", "SUM001=info"], "warning", 1, ["COV001"], ["THR001"]),
    (["--ignore", "DEF,THR,COV", "--severity", "SUM001=info"], "warning", 0, ["SUM001"], ["THR001"]),
])
def test_select_ignore(repo, monkeypatch, capsys, args, fail_on, code, present, absent):
    got, out, err = invoke(monkeypatch, capsys, "check", "filings/sc13da-sample.txt", "--fail-on", fail_on, *args)
    assert got == code, err
    for c in present:
        assert c in out
    for c in absent:
        assert c not in out


def test_formats_and_output_file(repo, monkeypatch, capsys):
    root, _ = repo
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", "sarif")
    sarif = json.loads(out)
    assert code == 1 and len(sarif["runs"][0]["results"]) == 4
    uris = {a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]}
    assert uris == {"filings/clean.txt", "filings/sc13da-sample.txt"}  # relative to the checkout
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", "junit")
    assert ET.fromstring(out).get("failures") == "2"
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", "github")
    assert out.count("::error ") == 2
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", "markdown",
                          "--output", "out/r.md")
    assert code == 2  # the folder does not exist: cannot write
    (root / "out").mkdir()
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", "markdown", "--output", "out/r.md")
    assert code == 1 and out == "" and (root / "out" / "r.md").read_text().startswith("# stakecheck audit report")


def test_report_command(repo, monkeypatch, capsys):
    code, out, _ = invoke(monkeypatch, capsys, "report", "filings/sc13da-sample.txt")
    assert code == 0 and out.startswith("<!DOCTYPE html>")  # an audit is not a gate by default
    code, out, _ = invoke(monkeypatch, capsys, "report", "filings/sc13da-sample.txt", "--format", "markdown",
                          "--fail-on", "error")
    assert code == 1 and out.startswith("# stakecheck audit report")
    code, _, err = invoke(monkeypatch, capsys, "report", "filings/sc13da-sample.txt", "--format", "sarif")
    assert code == 2 and err.count("\n") == 1


def test_unreadable_file_is_exit_2(repo, monkeypatch, capsys):
    from checker.findings import FileResult
    fake_pipeline(monkeypatch, {"sc13da-sample.txt": FileResult(path="x", error="x: binary file")})
    code, out, err = invoke(monkeypatch, capsys, "check", "filings/sc13da-sample.txt")
    assert code == 2 and err == "stakecheck: x: binary file\n"


def stakecheck(*args, cwd):
    return subprocess.run([sys.executable, "-m", "checker.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, message", [
    (["check", "--frobnicate", "x.txt"], "--frobnicate"),
    (["check", "missing.txt"], "missing.txt: no such file or directory"),
    (["check", "present.txt", "--format", "pdf"], "'pdf' is not one of"),
    (["check", "present.txt", "--fail-on", "sometimes"], "Invalid value for '--fail-on'"),
    (["check", "present.txt", "--select", "THR-1"], "is not a rule code or prefix"),
    (["check", "present.txt", "--severity", "THR001=loud"], "must be one of error, warning, info"),
    (["check", "present.txt", "--as-of", "yesterday"], "is not a date"),
    (["check", "present.txt", "--config", "broken.toml"], "not valid TOML"),
    (["check", "present.txt", "--waivers", "bad-waivers.yaml"], "not valid YAML"),
    (["frobnicate"], "No such command"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    (tmp_path / "present.txt").write_text("SCHEDULE 13D\n")
    (tmp_path / "broken.toml").write_text("[tool.stakecheck\n")
    (tmp_path / "bad-waivers.yaml").write_text("- rule: [\n")
    proc = stakecheck(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("stakecheck: "), proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
