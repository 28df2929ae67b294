"""The stakecheck command: check, rules, explain; exit codes 0/1/2; the installed package."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt")


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_check_seed_text_lists_persons_and_exits_1():
    res = invoke("check", SEED)
    assert res.exit_code == 1
    assert "Joshua Landes" in res.output and "SUM004" in res.output and "3,731,323" in res.output


def test_fail_on_never_and_select_ignore():
    assert invoke("check", "--fail-on", "never", SEED).exit_code == 0
    res = invoke("check", "--format", "json", "--select", "DEF", SEED)
    codes = {f["rule_id"] for f in json.loads(res.output)["files"][0]["findings"]}
    assert codes and all(c.startswith("DEF") for c in codes)
    assert res.exit_code == 0  # DEF findings are warnings and info
    res = invoke("check", "--format", "json", "--ignore", "SUM004,COV001", SEED)
    codes = {f["rule_id"] for f in json.loads(res.output)["files"][0]["findings"]}
    assert "SUM004" not in codes and "COV001" not in codes


def test_rules_and_explain():
    res = invoke("rules")
    assert res.exit_code == 0 and "SUM004" in res.output and "DEF003" in res.output
    res = invoke("explain", "DEF003")
    assert res.exit_code == 0
    for part in ("What it checks", "Why it matters", "Example", "Reference", "Citation"):
        assert part in res.output
    assert invoke("explain", "NOPE999").exit_code == 2


def test_unreadable_files_exit_2_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "checker.cli_main", "check", str(empty)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "empty" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "checker.cli_main", "check", str(tmp_path / "missing.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_wheel_ships_the_rules(tmp_path):
    """`pip install .` (not editable) must carry rules/*.yaml inside the package."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("stakecheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "checker/rules/sums.yaml" in names and "checker/rules/default_triggers.yaml" in names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = "from checker.rulebook import load_catalogue, rules_dir; print(len(load_catalogue()), rules_dir())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"})
    count, where = out.stdout.split()
    assert int(count) >= 40 and str(unpacked) in where


def test_previous_filing_option(tmp_path):
    same = invoke("check", "--format", "json", "--previous", SEED, SEED)
    codes = {f["rule_id"] for f in json.loads(same.output)["files"][0]["findings"]}
    assert "THR012" not in codes and "THR013" not in codes  # the same percents: no change
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "checker.cli_main", "check", "--previous", str(empty), SEED],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "--previous" in proc.stderr and "Traceback" not in proc.stderr
