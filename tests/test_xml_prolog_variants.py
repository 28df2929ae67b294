"""Issue 10 §1: XML is found after any prolog, within a time budget.

Each variant below was read as plain text by the old detection (a silent pass); the
many-comments one made the old regular expression backtrack without end.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.pipeline import check_file

CORPUS_XML = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "xml" / "edgartools_aadi_bml_13d.xml"
DECL = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _body() -> bytes:
    src = CORPUS_XML.read_bytes()
    return src[src.index(b"<edgarSubmission"):]


VARIANTS = {
    "stylesheet-pi": lambda b: DECL + b'<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n' + b,
    "prolog-over-4kb": lambda b: DECL + b"<!--" + b"x" * 5000 + b"-->\n" + b,
    "many-comments": lambda b: DECL + b"".join(b"<!-- c%d -->\n" % i for i in range(400)) + b,
    "lower-case-doctype": lambda b: DECL + b"<!doctype edgarSubmission>\n" + b,
    "two-boms": lambda b: b"\xef\xbb\xbf\xef\xbb\xbf" + DECL + b,
    "pi-after-declaration": lambda b: b"\n\n  " + DECL + b"<?foo bar?>" + b,
}


@pytest.mark.skipif(not CORPUS_XML.is_file(), reason="shared corpus not present")
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_xml_found_after_any_prolog(tmp_path, name):
    path = tmp_path / f"{name}.xml"
    path.write_bytes(VARIANTS[name](_body()))
    start = time.monotonic()
    result = check_file(path)
    assert time.monotonic() - start < 5
    assert result.error is None and result.format == "xml"
    assert len(result.reporting_persons) == 2
