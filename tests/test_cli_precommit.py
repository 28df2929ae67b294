"""The pre-commit hook definition: runs `stakecheck check` on the filing file types."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "stakecheck")
    assert hook["entry"] == "stakecheck check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("filings/a.txt", "b.htm", "c.HTML", "d/e.xml"):
        assert files.search(name), name
    for name in ("checker/cli.py", "notes.md", "a.txt.bak", "pyproject.toml"):
        assert not files.search(name), name
