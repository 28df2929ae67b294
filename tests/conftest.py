"""Shared fixtures: where the corpus of real filings is (../shared/corpus beside the repo)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The 50 real filings; tests that need them skip, with the reason, where they are absent."""
    path = Path(os.environ.get("STAKECHECK_CORPUS") or Path(__file__).parents[2] / "shared" / "corpus")
    if not (path / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {path} (set STAKECHECK_CORPUS to its folder)")
    return path
