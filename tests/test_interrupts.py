"""Ctrl-C (issue 10 §5): exit 130, one line on stderr, no truncated or stale --output."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).parent / "cases" / "bases" / "13d.txt"


def test_sigint_exits_130_and_leaves_no_report(tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    for n in range(1500):  # long enough to be stopped in the middle
        (folder / f"f{n:04}.txt").write_bytes(BASE.read_bytes())
    out = tmp_path / "report.json"
    out.write_text('{"stale": "report of the previous run"}')
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "check", "--no-config", "--format", "json",
                             "--output", str(out), str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while out.exists() and time.monotonic() < deadline:  # the run has started checking
        time.sleep(0.05)
    time.sleep(0.3)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.decode().splitlines() == ["stakecheck: interrupted; no report written"]
    assert stdout == b""
    assert not out.exists()  # neither truncated nor the stale one
    assert [p.name for p in tmp_path.iterdir()] == ["filings"]  # no temporary file left


def test_output_written_whole_via_rename(tmp_path):
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--no-config", "--format", "json",
                          "--fail-on", "never", "--output", str(out), str(BASE)], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
