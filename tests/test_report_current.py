"""The committed example reports in reports/ are what the current code produces."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _regenerate_module():
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "reports" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reports_are_current(tmp_path):
    written = _regenerate_module().regenerate(tmp_path)
    assert written
    for fresh in written:
        committed = ROOT / "reports" / fresh.name
        assert committed.is_file(), f"reports/{fresh.name} is missing: run python reports/regenerate.py"
        assert fresh.read_bytes() == committed.read_bytes(), (
            f"reports/{fresh.name} is out of date: run python reports/regenerate.py and commit the result")


def test_reports_have_no_timestamps_and_name_their_input(tmp_path):
    md = (ROOT / "reports" / "seed-audit.md").read_text(encoding="utf-8")
    html = (ROOT / "reports" / "seed-audit.html").read_text(encoding="utf-8")
    import hashlib
    digest = hashlib.sha256((ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt").read_bytes()).hexdigest()
    for text in (md, html):
        assert digest in text and "examples/sc13da-liquidmetal-2008-09-30.txt" in text
        assert "<svg" in text and "20 %" in text
    assert "/work/" not in md + html and "/tmp/" not in md + html
