"""Issue 10 §1: no file passes with nothing said, and XML is found after any prolog.

Each variant below was read as plain text before (no person, no finding: a silent pass).
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


def test_title_page_without_cover_page_is_reported(tmp_path):
    path = tmp_path / "title-only.txt"
    path.write_text("SECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\nSCHEDULE 13D\n"
                    "(Amendment No. 3)\n\nUnder the Securities Exchange Act of 1934\n\n"
                    "Example Widgets Corporation\n(Name of Issuer)\n\nCommon Stock\n(Title of Class of Securities)\n\n"
                    "Item 4. Purpose of Transaction\n\nThe reporting person has sent a letter to the board.\n")
    result = check_file(path)
    assert not result.reporting_persons
    [f] = [f for f in result.findings if f.rule_id == "PAR006"]
    assert f.category == "parse" and "no reporting person" in f.message


def test_a_filing_with_persons_has_no_par006(tmp_path):
    if not CORPUS_XML.is_file():
        pytest.skip("shared corpus not present")
    result = check_file(CORPUS_XML)
    assert result.reporting_persons and not [f for f in result.findings if f.rule_id == "PAR006"]
