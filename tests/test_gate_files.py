"""Malformed configuration, waiver and baseline files (issue 10 §4): each is one line on stderr
and exit 2, never a traceback or a hang. Every case is a reproducer from the issue."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt"


def stakecheck(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


def assert_one_line_exit_2(proc, *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith("stakecheck: ")
    for w in words:
        assert w in proc.stderr, proc.stderr


@pytest.fixture
def project(tmp_path):
    shutil.copy(SEED, tmp_path / "sc13da.txt")
    return tmp_path


DEEP_TOML = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"
HUGE_INT = "1" * 100_000

CONFIGS = [
    ("[tool]\nstakecheck = 5\n", "pyproject.toml", "no [tool.stakecheck] table"),
    ("tool = 5\n", "stakecheck.toml", "tool: unknown option"),
    ("[tool.stakecheck]\n" + DEEP_TOML, "pyproject.toml", "not valid TOML"),
    ("[tool.stakecheck]\nx = " + HUGE_INT + "\n", "pyproject.toml", "not valid TOML"),
    ("select = [\"THR\"]\nfail-on = " + HUGE_INT + "\n", "stakecheck.toml", "not valid TOML"),
    ("[tool.stakecheck.thresholds]\nearly_warning = 1" + "0" * 400 + ".0\n", "pyproject.toml", "between 0 and 100"),
]


@pytest.mark.parametrize("text, name, message", CONFIGS, ids=["tool-stakecheck-5", "tool-5", "deep", "huge-int", "huge-int-toml", "huge-float"])
def test_malformed_config_file(project, text, name, message):
    (project / name).write_text(text, encoding="utf-8")
    assert_one_line_exit_2(stakecheck(project, "check", "sc13da.txt"), name, message)


@pytest.mark.parametrize("encoding, message", [("latin-1", "not UTF-8"), ("utf-16", "UTF-16")])
def test_config_in_another_encoding_is_refused_not_ignored(project, encoding, message):
    # é makes latin-1 differ from UTF-8; before, such a file was silently not used at all.
    (project / "pyproject.toml").write_bytes('[tool.stakecheck]\n# revisé\nselect = ["THR"]\n'.encode(encoding))
    assert_one_line_exit_2(stakecheck(project, "check", "sc13da.txt"), "pyproject.toml", message)
    (project / "pyproject.toml").unlink()
    (project / "stakecheck.toml").write_bytes('# revisé\nselect = ["THR"]\n'.encode(encoding))
    assert_one_line_exit_2(stakecheck(project, "check", "sc13da.txt"), "stakecheck.toml", message)


def test_someone_elses_pyproject_is_not_our_business(project):
    (project / "pyproject.toml").write_bytes(b"[project]\nname = 'caf\xe9'\n[broken")
    proc = stakecheck(project, "check", "sc13da.txt", "--format", "json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


WAIVER = ("- rule: THR001\n  path: sc13da.txt\n  justification: ok\n  approved_by: GC\n  expires: {date}\n")
ALIASES = "- &a [x]\n" + "- *a\n" * 100_000

WAIVERS = [
    ("w.yaml", WAIVER.format(date="2027-02-30"), "not valid YAML"),
    ("w.yaml", ALIASES, "aliases are not allowed"),
    ("w.yaml", "[" * 10_000 + "]" * 10_000, "nested deeper than"),
    ("w.yaml", "- " * 5_000 + "x\n", "nested deeper than"),
    ("w.yaml", WAIVER.format(date="2027-01-01").replace("THR001", "THR999"), "unknown rule 'THR999'"),
    ("w.toml", "[[waiver]]\nrule = 'THR001'\nx = " + HUGE_INT + "\n", "not valid TOML"),
    ("w.toml", "[[waiver]]\nrule = 'THR001'\nexpires = 2027-02-30\n", "not valid TOML"),
    ("w.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "not valid TOML"),
]


@pytest.mark.parametrize("name, text, message", WAIVERS, ids=["bad-date", "aliases", "deep-flow", "deep-block", "unknown-rule", "huge-int", "toml-bad-date", "toml-deep"])
def test_malformed_waiver_file(project, name, text, message):
    (project / name).write_text(text, encoding="utf-8")
    start = time.monotonic()
    proc = stakecheck(project, "check", "sc13da.txt", "--waivers", name, timeout=30)
    assert time.monotonic() - start < 20  # 100,000 aliases hung the loader for over a minute
    assert_one_line_exit_2(proc, name, message)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_waiver_file_in_another_encoding_is_refused(project, encoding):
    (project / "w.yaml").write_bytes(WAIVER.format(date="2027-01-01").replace("ok", "révisé").encode(encoding))
    assert_one_line_exit_2(stakecheck(project, "check", "sc13da.txt", "--waivers", "w.yaml"), "w.yaml")


BASELINES = [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"schema": "stakecheck-baseline/v2", "fingerprints": [' + HUGE_INT + "]}", "not a JSON baseline"),
    ('{"schema": "stakecheck-baseline/v9", "fingerprints": []}', "unknown baseline format"),
]


@pytest.mark.parametrize("text, message", BASELINES, ids=["deep", "huge-int", "unknown-format"])
def test_malformed_baseline_file(project, text, message):
    (project / "b.json").write_text(text, encoding="utf-8")
    assert_one_line_exit_2(stakecheck(project, "check", "sc13da.txt", "--baseline", "b.json"), "b.json", message)


def test_baseline_in_utf16_is_refused(project):
    (project / "b.json").write_bytes('{"fingerprints": []}'.encode("utf-16"))
    assert_one_line_exit_2(stakecheck(project, "check", "sc13da.txt", "--baseline", "b.json"), "not UTF-8")
