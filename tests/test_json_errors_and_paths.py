"""The JSON says which files could not be read, and odd file names cost nothing (issue 7 §6b, 10 §3)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "examples" / "sc13da-liquidmetal-2008-09-30.txt"


def _check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli_main", "check", "--no-config",
                           "--fail-on", "never", *args], capture_output=True, cwd=cwd, timeout=120)


def test_unreadable_file_is_in_errors_not_in_files(tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = _check("--format", "json", "good.txt", "empty.txt", cwd=tmp_path)
    assert proc.returncode == 2
    doc = json.loads(proc.stdout)
    assert [f["path"] for f in doc["files"]] == ["good.txt"]
    assert doc["errors"] == [{"path": "empty.txt", "reason": "empty.txt: file is empty"}]
    assert doc["summary"]["files"] == 1 and doc["summary"]["errors"] == 1


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "junit"])
def test_non_utf8_file_name_in_a_folder_loses_nothing(tmp_path, fmt):
    folder = tmp_path / "filings"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    odd = os.path.join(os.fsencode(folder), b"caf\xe9-13d.txt")
    with open(odd, "wb") as handle:
        handle.write(SEED.read_bytes())
    proc = _check("--format", fmt, "filings", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")  # valid UTF-8, or this raises
    if fmt == "json":
        paths = [f["path"] for f in json.loads(out)["files"]]
        assert paths == ["filings/a.txt", "filings/caf\\xe9-13d.txt"]
    elif fmt == "sarif":
        assert "caf" in json.dumps(json.loads(out))
    else:
        assert "caf\\xe9-13d.txt" in out
