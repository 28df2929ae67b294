"""No silent pass (issue 10 §1): every file that is checked yields its reporting persons or at
least one finding that says why not; never an empty result that reads as clean."""
from __future__ import annotations

import pytest

from checker.pipeline import check_file

FOLDERS = ("txt", "html", "xml", "labelled", "html-more")


def _silent(result) -> bool:
    return result.error is None and not result.reporting_persons and not result.findings


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_corpus_file_yields_persons_or_a_finding(corpus, folder):
    files = sorted(p for p in (corpus / folder).iterdir() if p.is_file() and p.suffix != ".json")
    silent = [p.name for p in files if _silent(check_file(p))]
    assert silent == []


@pytest.mark.parametrize("text", [
    "SCHEDULE 13D/A\n(Amendment No. 3)\nItem 4. Purpose of Transaction.\nNo change.\n",
    "SCHEDULE 13G\nNAME OF REPORTING PERSON\n",
    "Meeting notes: nothing to do with securities.\n",
])
def test_filing_looking_drafts_are_never_silent(tmp_path, text):
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    assert not _silent(check_file(path))
