"""Issue 9: a gate a firm can trust. Each test reproduces one problem the issue lists (they all
failed before) through the real pipeline and command line, asserting what a user sees."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from report_samples import fake_pipeline, invoke, sample_result

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt"


def run(cwd: Path, *args: str, stdin: bytes | None = None, env: dict | None = None):
    proc = subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=cwd, capture_output=True,
                          input=stdin, timeout=120, env={**os.environ, **(env or {})})
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


@pytest.fixture
def project(tmp_path):
    shutil.copy(SEED, tmp_path / "sc13da.txt")
    return tmp_path


# --- a typo never switches the gate off ----------------------------------------------------

@pytest.mark.parametrize("args, named, nearest", [
    (("--select", "XYZ"), "'XYZ'", "'WAV'"),
    (("--select", "THR09"), "'THR09'", "'THR009'"),
    (("--ignore", "DEF06"), "'DEF06'", "'DEF006'"),
    (("--severity", "THR999=info"), "'THR999'", "'THR009'"),
])
def test_unknown_code_on_the_command_line_exits_2(project, args, named, nearest):
    code, out, err = run(project, "check", "sc13da.txt", *args)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert named in err and f"did you mean {nearest}" in err


@pytest.mark.parametrize("text, named", [
    ('ignore = ["DEF06"]\n', "'DEF06' (did you mean 'DEF006'?)"),
    ('[severity]\nTHR999 = "info"\n', "'THR999'"),
    ('[thresholds]\nearly_warnign = 4.5\n', "'early_warnign' (did you mean 'early_warning'?)"),
    ('fail_onn = 5\n', "fail_onn: unknown option (did you mean 'fail-on'?)"),
])
def test_unknown_code_or_key_in_the_config_exits_2(project, text, named):
    (project / "stakecheck.toml").write_text(text, encoding="utf-8")
    code, out, err = run(project, "check", "sc13da.txt")
    assert code == 2 and out == "" and named in err and "stakecheck.toml" in err


def test_unknown_rule_in_a_waiver_exits_2(project):
    (project / "w.toml").write_text('[[waiver]]\nrule = "SUM00"\npath = "sc13da.txt"\njustification = "x"\n'
                                    'approved_by = "GC"\nexpires = 2099-01-01\n', encoding="utf-8")
    code, _, err = run(project, "check", "sc13da.txt", "--waivers", "w.toml")
    assert code == 2 and "unknown rule 'SUM00'" in err and "line 1" in err


def test_a_known_prefix_still_selects(project):
    code, out, _ = run(project, "check", "sc13da.txt", "--select", "SUM", "--format", "json")
    codes = {f["rule_id"] for f in json.loads(out)["files"][0]["findings"]}
    assert code == 1 and codes and all(c.startswith("SUM") for c in codes)


def test_config_command_shows_settings_and_origin(project):
    (project / "pyproject.toml").write_text('[tool.stakecheck]\nignore = ["DEF"]\n', encoding="utf-8")
    code, out, _ = run(project, "config", "--severity", "THR001=info")
    assert code == 0
    lines = {ln.split("=")[0].strip(): ln for ln in out.splitlines() if not ln.startswith("#")}
    assert "['DEF']" in lines["ignore"] and str(project / "pyproject.toml") in lines["ignore"]
    assert "THR001" in lines["severity"] and "# command line" in lines["severity"]
    assert "# default" in lines["select"]
    code, _, err = run(project, "config", "--select", "XYZ")
    assert code == 2 and "XYZ" in err


def test_broken_firm_rule_file_exits_2(project):
    (project / "house").mkdir()
    (project / "house" / "house.yaml").write_text("family: [\n", encoding="utf-8")
    code, out, err = run(project, "check", "sc13da.txt", "--rules", "house")
    assert code == 2 and out == "" and err.startswith("stakecheck: rules:") and err.count("\n") == 1
    code, _, err = run(project, "check", "sc13da.txt", "--rules", "missing.yaml")
    assert code == 2 and "missing.yaml" in err


# --- configuration per file, never from the first path ------------------------------------

def test_results_do_not_depend_on_argument_order(tmp_path):
    for name, select in (("a", "THR"), ("b", "SUM")):
        (tmp_path / name).mkdir()
        shutil.copy(SEED, tmp_path / name / "sc13da.txt")
        (tmp_path / name / "stakecheck.toml").write_text(f'select = ["{select}"]\n', encoding="utf-8")
    _, one, _ = run(tmp_path, "check", "a/sc13da.txt", "b/sc13da.txt", "--format", "json")
    _, two, _ = run(tmp_path, "check", "b/sc13da.txt", "a/sc13da.txt", "--format", "json")
    assert one == two
    by_path = {f["path"]: {x["rule_id"][:3] for x in f["findings"]} for f in json.loads(one)["files"]}
    assert by_path == {"a/sc13da.txt": {"THR"}, "b/sc13da.txt": {"SUM"}}


# --- the right files --------------------------------------------------------------------------

def test_folder_checks_only_the_filings(project):
    (project / "LICENSE").write_text("Apache License\nVersion 2.0\n", encoding="utf-8")
    (project / "Makefile").write_text("all:\n\tstakecheck check .\n", encoding="utf-8")
    (project / "notes.txt").write_text("call counsel about the 13D amendment on Monday\n", encoding="utf-8")
    # A waiver file that mentions a 13D (so it sniffs like one) is still not a filing of this run.
    (project / "accepted-sc13d.txt").write_text("# waivers for the SC 13D/A drafts\n[]\n", encoding="utf-8")
    (project / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (project / "drafts").mkdir()
    shutil.copy(SEED, project / "drafts" / "old.txt")
    (project / "skip").mkdir()
    shutil.copy(SEED, project / "skip" / "x.txt")
    (project / "stakecheck.toml").write_text('waivers = "accepted-sc13d.txt"\nextend-exclude = ["skip/"]\n',
                                             encoding="utf-8")
    code, out, err = run(project, "check", ".", "--format", "json", "--verbose")
    assert [f["path"] for f in json.loads(out)["files"]] == ["sc13da.txt"], err
    assert "skipped LICENSE" in err and "skipped Makefile" in err and "skipped notes.txt" in err
    assert "skipped accepted-sc13d.txt: a waiver, baseline or configuration file" in err
    # A file named explicitly is always checked, even one a folder walk skips.
    code, out, _ = run(project, "check", "LICENSE", "--format", "json")
    assert [f["path"] for f in json.loads(out)["files"]] == ["LICENSE"]


def test_stdin_with_a_filename(project):
    code, out, err = run(project, "check", "-", "--stdin-filename", "draft.txt", "--format", "json",
                         stdin=SEED.read_bytes())
    doc = json.loads(out)
    assert code == 1 and doc["files"][0]["path"] == "draft.txt" and doc["files"][0]["findings"]
    _, direct, _ = run(project, "check", "sc13da.txt", "--format", "json")
    strip = lambda d: [{k: v for k, v in f.items() if k not in ("path", "fingerprint")}
                       for f in json.loads(d)["files"][0]["findings"]]
    assert strip(out) == strip(direct)


def test_dangling_link_and_loop_count_against_the_gate(project):
    (project / "sub").mkdir()
    os.symlink(project / "nowhere.txt", project / "sub" / "gone.txt")
    os.symlink(project, project / "sub" / "loop")
    code, out, err = run(project, "check", ".", "--format", "json", "--fail-on", "never")
    assert code == 2
    assert "dangling symbolic link" in err and "symbolic link loop" in err
    code, out, err = run(project, "check", ".", "--fail-on", "never", "--skip-unreadable")
    assert code == 0 and "dangling symbolic link" in err and "--skip-unreadable" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_subfolder_counts_against_the_gate(project):
    locked = project / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        code, _, err = run(project, "check", ".", "--fail-on", "never")
        assert code == 2 and "cannot read folder" in err
    finally:
        locked.chmod(0o755)


# --- streams ----------------------------------------------------------------------------------

@pytest.fixture
def many(tmp_path, monkeypatch):
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(25):
        (folder / f"sc13da-{i}.txt").write_text("SCHEDULE 13D\n")
    fake_pipeline(monkeypatch, {f"sc13da-{i}.txt": sample_result() for i in range(25)})
    monkeypatch.chdir(tmp_path)
    return folder


def test_junit_on_stdout_parses_when_stderr_is_a_terminal(tmp_path, monkeypatch, capsys):
    # The real run_checks (progress bar from 20 files) with a canned pipeline behind it.
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(25):
        (folder / f"sc13da-{i}.txt").write_text("SCHEDULE 13D\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("checker.pipeline.check_file", lambda p, o: sample_result(str(p)))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    code, out, err = invoke(monkeypatch, capsys, "check", "big", "--format", "junit")
    assert code == 1 and out.startswith("<?xml")
    assert len(ET.fromstring(out).findall("testsuite")) == 25  # no progress bar, no leading newline


def test_progress_bar_goes_to_stderr(tmp_path, monkeypatch, capsys):
    from checker import cli
    from checker.config import Settings
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    files = []
    for i in range(cli.PROGRESS_FROM):
        shutil.copy(SEED, tmp_path / f"s{i}.txt") if i == 0 else os.link(tmp_path / "s0.txt", tmp_path / f"s{i}.txt")
        files.append(str(tmp_path / f"s{i}.txt"))
    monkeypatch.setattr("checker.pipeline.check_file", lambda p, o: sample_result(p))
    results = list(cli.run_checks(files, Settings(), None, None))  # a generator: one result at a time
    assert len(results) == cli.PROGRESS_FROM and capsys.readouterr().out == ""


@pytest.mark.parametrize("env, flag, want", [
    ({"NO_COLOR": "1"}, None, False), ({"FORCE_COLOR": "1"}, None, True),
    ({"NO_COLOR": "1"}, True, True), ({}, False, False),
])
def test_no_color_and_force_color(monkeypatch, env, flag, want):
    from checker.cli import use_color
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert use_color(flag, None) is want


def test_no_color_on_a_terminal_through_the_cli(many, monkeypatch, capsys):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = invoke(monkeypatch, capsys, "check", "big/sc13da-1.txt")
    assert "\x1b[" not in out
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = invoke(monkeypatch, capsys, "check", "big/sc13da-1.txt", "-o", "x.txt")
    assert "\x1b[" in Path("x.txt").read_text()


def test_output_file_gives_a_one_line_summary_on_stderr(project):
    code, out, err = run(project, "check", "sc13da.txt", "--format", "sarif", "--output", "x.sarif")
    assert code == 1 and out == "" and (project / "x.sarif").exists()
    assert err.count("\n") == 1 and "1 file(s) checked" in err and "error(s)" in err
    assert "exit 1 (fail-on error)" in err and "x.sarif" in err


# --- the report states the run ----------------------------------------------------------------

def test_audit_report_says_what_was_switched_off(project):
    code, out, _ = run(project, "report", "sc13da.txt", "--format", "markdown", "--ignore", "THR,SUM",
                       "--severity", "COV001=warning", "--as-of", "2009-01-05")
    assert code == 0
    assert "| Rules ignored | SUM, THR |" in out and "| Severity overrides | COV001 = warning |" in out
    assert "| Today (--as-of) | 2009-01-05 |" in out and "| Configuration file | none |" in out
    assert "Run at" not in out  # the run date only when asked for: output stays byte-identical
    _, again, _ = run(project, "report", "sc13da.txt", "--format", "markdown", "--ignore", "THR,SUM",
                      "--severity", "COV001=warning", "--as-of", "2009-01-05")
    assert again == out
    _, stamped, _ = run(project, "report", "sc13da.txt", "--format", "html", "--timestamp")
    assert "<dt>Run at</dt>" in stamped


def test_json_states_a_configured_run_only(project):
    _, plain, _ = run(project, "check", "sc13da.txt", "--format", "json")
    assert "run" not in json.loads(plain)
    _, configured, _ = run(project, "check", "sc13da.txt", "--format", "json", "--ignore", "DEF")
    state = json.loads(configured)["run"]
    assert state["ignore"] == ["DEF"] and state["catalogue_version"] and "run_at" not in state


# --- fingerprints -----------------------------------------------------------------------------

def fingerprints(out: str) -> dict[str, list[str]]:
    return {f["path"]: sorted(x["fingerprint"] for x in f["findings"]) for f in json.loads(out)["files"]}


def test_inserting_lines_above_keeps_every_fingerprint(project):
    _, before, _ = run(project, "check", "sc13da.txt", "--format", "json")
    text = SEED.read_bytes()
    (project / "sc13da.txt").write_bytes(b"draft 3\nreviewed by counsel\n\n" + text)
    _, after, _ = run(project, "check", "sc13da.txt", "--format", "json")
    lines = lambda out: sorted(x["line"] or 0 for x in json.loads(out)["files"][0]["findings"])
    assert lines(after) != lines(before)  # the findings did move
    assert fingerprints(after) == fingerprints(before)


def test_baseline_of_one_folder_does_not_hide_another(tmp_path):
    for name in ("issuer-a", "issuer-b"):
        (tmp_path / name).mkdir()
        shutil.copy(SEED, tmp_path / name / "sc13da.txt")
    code, _, err = run(tmp_path, "check", "issuer-a", "--write-baseline", "base.json")
    assert code == 0 and "fingerprint(s)" in err
    doc = json.loads((tmp_path / "base.json").read_text())
    assert doc["schema"] == "stakecheck-baseline/v2" and doc["findings"][0]["path"] == "issuer-a/sc13da.txt"
    code, out, _ = run(tmp_path, "check", "issuer-a", "--baseline", "base.json", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["baselined"] > 0
    code, out, _ = run(tmp_path, "check", "issuer-b", "--baseline", "base.json", "--format", "json")
    assert code == 1 and json.loads(out)["summary"]["baselined"] == 0


def test_old_baseline_is_read_with_a_warning(project):
    (project / "old.json").write_text('{"schema": "stakecheck-baseline/v1", "fingerprints": ["ab"]}')
    code, _, err = run(project, "check", "sc13da.txt", "--baseline", "old.json")
    assert code == 1 and "stakecheck-baseline/v1" in err and "--write-baseline" in err


def test_firm_rule_file_from_config_and_command_line(project):
    shutil.copy(ROOT / "docs" / "examples" / "house-rules.yaml", project / "house.yaml")
    code, out, err = run(project, "check", "sc13da.txt", "--rules", "house.yaml", "--select", "HSE",
                         "--format", "json")
    assert code == 0, err
    assert json.loads(out)["run"]["rules"] == ["house.yaml"]
    code, _, err = run(project, "check", "sc13da.txt", "--select", "HSE")
    assert code == 2 and "'HSE'" in err  # without the firm's file the prefix is unknown
    (project / "stakecheck.toml").write_text('rules = ["house.yaml"]\nselect = ["HSE"]\n', encoding="utf-8")
    code, out, err = run(project, "check", "sc13da.txt", "--format", "json")
    assert code == 0 and json.loads(out)["run"]["rules"] == ["house.yaml"], err
