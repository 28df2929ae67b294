"""The documented Python API: the example in docs/api.md runs, and mypy --strict accepts a
script that uses it (skipped when mypy is not installed)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "api.md"


def doc_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_docs_example_runs(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(doc_example(), str(DOC), "exec"), {"__name__": "api_example"})
    out = capsys.readouterr().out
    assert "did you mean 'THR009'?" in out and "line" in out


def test_unreadable_input_is_a_result_not_an_exception(tmp_path):
    from checker.api import check_bytes, check_path, check_paths
    assert check_path(tmp_path / "missing.txt").error
    assert "binary" in (check_bytes(b"\x00\x01\x02PK\x03\x04" * 100, "x.zip").error or "")
    (tmp_path / "LICENSE").write_text("Apache License\n")
    assert check_paths([tmp_path]) == []  # a folder holding no filing-like file


def test_package_is_typed():
    assert (ROOT / "checker" / "py.typed").exists()


@pytest.mark.skipif(shutil.which("mypy") is None and subprocess.run(
    [sys.executable, "-c", "import mypy"], capture_output=True).returncode != 0, reason="mypy is not installed")
def test_mypy_strict_accepts_a_script_using_the_api(tmp_path):
    script = tmp_path / "use_api.py"
    script.write_text(doc_example() + "\n\ndef count(path: str) -> int:\n"
                      "    from checker.api import FileResult, check_path\n"
                      "    result: FileResult = check_path(path)\n"
                      "    return len(result.findings)\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
                           "--no-incremental", str(script)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
