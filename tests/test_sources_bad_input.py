"""Bad input never gives a traceback or a hang.

Contract: ``sources.load`` raises ``UnreadableInput`` (one line) for files that are not text
at all (empty, binary); anything else parses to a ``Filing`` that carries ``ParseIssue``s.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker import sources
from checker.model import Filing
from checker.parse import parse_document
from checker.parse.xml_filing import parse_xml
from checker.sources import Document

XML_13D = """<?xml version="1.0" encoding="{enc}"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D">
<headerData><submissionType>SCHEDULE 13D</submissionType></headerData>
<formData><coverPageHeader><issuerInfo><issuerName>Soci\u00e9t\u00e9 G\u00e9n\u00e9rale</issuerName>
</issuerInfo></coverPageHeader>
<reportingPersons><reportingPersonInfo><reportingPersonName>Fonds \u00c9toile</reportingPersonName>
<aggregateAmountOwned>{amount}</aggregateAmountOwned><percentOfClass>6.1</percentOfClass>
</reportingPersonInfo></reportingPersons></formData></edgarSubmission>
"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><headerData>
<submissionType>SCHEDULE 13D</submissionType></headerData><formData>&lol9;</formData></edgarSubmission>
"""


def check(path: Path, budget: float = 2.0) -> Filing:
    """Load and parse as the pipeline does, within the time budget."""
    start = time.monotonic()
    filing = parse_document(sources.load(path))
    assert time.monotonic() - start < budget, f"{path.name} took too long"
    return filing


def kinds(filing: Filing) -> list[str]:
    return [i.kind for i in filing.issues]


def xml_doc(data: bytes) -> Document:
    return Document(path="t.xml", sha256="", format="xml", xml=data)


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n"])
def test_empty_file_is_unreadable(tmp_path, data):
    path = tmp_path / "empty.xml"
    path.write_bytes(data)
    with pytest.raises(sources.UnreadableInput) as err:
        sources.load(path)
    assert "empty" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("data", [bytes(range(256)) * 64, b"%PDF-1.7\n" + bytes(range(256)) * 8,
                                  b"PK\x03\x04" + b"\x00" * 500])
def test_binary_file_is_unreadable(tmp_path, data):
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    with pytest.raises(sources.UnreadableInput) as err:
        sources.load(path)
    assert "binary" in str(err.value) and "\n" not in str(err.value)


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(sources.UnreadableInput):
        sources.load(tmp_path / "nope.xml")


def test_truncated_xml(tmp_path):
    data = XML_13D.format(enc="UTF-8", amount="100").encode()
    path = tmp_path / "cut.xml"
    path.write_bytes(data[: data.index(b"<percentOfClass>") + 5])
    filing = check(path)
    assert "malformed-xml" in kinds(filing)
    issue = next(i for i in filing.issues if i.kind == "malformed-xml")
    assert issue.line == 7 and "\n" not in issue.message
    assert filing.cover_pages[0].aggregate.shares == 100  # what came before the cut survives


def test_entity_bomb_is_refused_not_expanded(tmp_path):
    start = time.monotonic()
    filing = parse_xml(xml_doc(BOMB))
    assert time.monotonic() - start < 1
    assert kinds(filing) == ["malformed-xml"] and "entit" in filing.issues[0].message
    path = tmp_path / "bomb.xml"
    path.write_bytes(BOMB)
    filing = check(path)  # detection sends a DOCTYPE'd edgarSubmission to the XML parser
    assert filing.format == "xml" and "malformed-xml" in kinds(filing)


def test_external_entity_is_not_fetched():
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            b'<edgarSubmission><formData>&x;</formData></edgarSubmission>')
    filing = parse_xml(xml_doc(data))
    assert kinds(filing) == ["malformed-xml"]
    assert "root:" not in filing.model_dump_json()


@pytest.mark.parametrize("depth", [210, 100_000])
def test_deeply_nested_xml(tmp_path, depth):
    path = tmp_path / "deep.xml"
    path.write_bytes(b'<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D">'
                     + b"<a>" * depth + b"</a>" * depth + b"</edgarSubmission>")
    filing = check(path)
    assert "malformed-xml" in kinds(filing) and filing.cover_pages == []


def test_deeply_nested_html(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>")
    assert "not-a-filing" in kinds(check(path))


def test_20_mb_xml(tmp_path):
    data = XML_13D.format(enc="UTF-8", amount="100").replace(
        "<percentOfClass>", "<commentContent>" + "A" * 20_000_000 + "</commentContent><percentOfClass>")
    path = tmp_path / "big.xml"
    path.write_text(data)
    assert "malformed-xml" in kinds(check(path))  # a 20 MB text node is over lxml's safe limit


def test_20_mb_submission_with_uuencoded_exhibit(tmp_path):
    uu = "M" + "0" * 60 + "\n"
    text = ("<SEC-DOCUMENT>x\n<SEC-HEADER>x\nCONFORMED SUBMISSION TYPE:\tSC 13D\n</SEC-HEADER>\n"
            "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nSCHEDULE 13D\n</TEXT>\n</DOCUMENT>\n"
            "<DOCUMENT>\n<TYPE>GRAPHIC\n<FILENAME>scan.pdf\n<TEXT>\n<PDF>\nbegin 644 scan.pdf\n"
            + uu * (20_000_000 // len(uu)) + "end\n</PDF>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    path = tmp_path / "big.txt"
    path.write_text(text)
    start = time.monotonic()
    doc = sources.load(path)
    assert time.monotonic() - start < 2
    assert doc.text == "SCHEDULE 13D" and doc.header["documents"][1]["binary"] is True


def test_latin1_text(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("SCHEDULE 13D\nSoci\xe9t\xe9 G\xe9n\xe9rale\n(Name of Issuer)\n".encode("latin-1"))
    doc = sources.load(path)
    assert "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale" in doc.text
    assert isinstance(check(path), Filing)


def test_latin1_xml(tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes(XML_13D.format(enc="ISO-8859-1", amount="5").encode("latin-1"))
    filing = check(path)
    assert filing.issuer.value == "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale" and not filing.issues


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_utf16_xml(tmp_path, codec):
    path = tmp_path / "u16.xml"
    path.write_bytes(XML_13D.format(enc="UTF-16", amount="7").encode(codec))
    filing = check(path)
    assert filing.cover_pages[0].name.value == "Fonds \u00c9toile"
    assert filing.cover_pages[0].aggregate.shares == 7 and not filing.issues


def test_utf16_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("SCHEDULE 13G\nName of Issuer: ACME\n".encode("utf-16"))
    assert "ACME" in sources.load(path).text and isinstance(check(path), Filing)


def test_nul_bytes(tmp_path):
    data = XML_13D.format(enc="UTF-8", amount="9").encode()
    path = tmp_path / "nul.xml"
    path.write_bytes(data.replace(b"<formData>", b"<formData>\x00\x00"))
    filing = check(path)
    assert filing.cover_pages[0].aggregate.shares == 9
    assert any(i.kind == "malformed-xml" and "NUL" in i.message and i.line == 4 for i in filing.issues)
    text = tmp_path / "nul.txt"
    text.write_bytes(b"SCHEDULE 13D\x00\nName\x00 of Issuer\n")
    assert "\x00" not in sources.load(text).text


def test_html_page_that_is_not_a_filing(tmp_path):
    path = tmp_path / "cats.html"
    path.write_text("<html><head><title>Cats</title></head><body><h1>Cats</h1>"
                    "<p>I like cats.</p></body></html>")
    filing = check(path)
    assert filing.format == "html" and "not-a-filing" in kinds(filing)


def test_xml_that_is_not_an_edgar_submission():
    filing = parse_xml(xml_doc(b"<?xml version='1.0'?><rss><channel/></rss>"))
    assert kinds(filing) == ["not-a-filing"]
    filing = parse_xml(xml_doc(b"<edgarSubmission><formData><a></b></formData>"))
    assert kinds(filing)[0] == "malformed-xml"
    assert kinds(parse_xml(xml_doc(b""))) == ["malformed-xml"]


# -- issue 10 §1: the XML root is found after any prolog ------------------------------------
XML_BODY = XML_13D.format(enc="UTF-8", amount="1,000").split("\n", 1)[1].encode("utf-8")
DECL = b'<?xml version="1.0" encoding="UTF-8"?>\n'
PROLOGS = {
    "stylesheet": DECL + b'<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n',
    "comment": DECL + b"<!-- generated by a filing agent -->\n",
    "one-bom": b"\xef\xbb\xbf" + DECL,
    "two-boms": b"\xef\xbb\xbf\xef\xbb\xbf" + DECL,
    "doctype-lower": DECL + b"<!doctype edgarSubmission>\n",
    "doctype-upper": DECL + b"<!DOCTYPE edgarSubmission>\n",
    "long-prolog": DECL + b"<!-- " + b"x" * 6000 + b" -->\n",
    "many-comments": DECL + b"".join(b"<!-- note %d -->\n" % i for i in range(400)),
}


@pytest.mark.parametrize("name", sorted(PROLOGS))
def test_xml_root_found_after_any_prolog(tmp_path, name):
    from checker.pipeline import check_file
    path = tmp_path / "f.xml"
    path.write_bytes(PROLOGS[name] + XML_BODY)
    result = check_file(path)
    assert result.error is None
    assert result.format == "xml"
    assert [p.name for p in result.reporting_persons] == ["Fonds \u00c9toile"]


def test_text_mentioning_edgar_submission_later_is_not_xml(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"SCHEDULE 13D\nSee <edgarSubmission> in the XML version.\n")
    assert sources.load(path).format == "text"


# -- issue 10 §3: only regular files, size limit while reading, odd names -------------------
def test_fifo_is_refused_without_blocking(tmp_path):
    import os
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(sources.UnreadableInput, match="not a regular file \\(a FIFO\\)"):
        sources.load(fifo)
    assert time.monotonic() - start < 2


def test_device_is_refused_not_read_without_limit():
    with pytest.raises(sources.UnreadableInput, match="not a regular file \\(a character device\\)"):
        sources.load("/dev/zero")


def test_size_limit_is_enforced_while_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"SCHEDULE 13D\n" * 100)
    with pytest.raises(sources.UnreadableInput, match="over the 1,000-byte limit"):
        sources.read_regular_file(path, limit=1000)


def test_non_utf8_file_name_is_shown_losslessly(tmp_path):
    import os
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(b"SCHEDULE 13D\n")
    doc = sources.load(os.fsdecode(raw))
    assert doc.path.endswith("caf\\xe9.txt")
    doc.path.encode("utf-8")  # valid UTF-8 text: no lone surrogates


def _cli(*args):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "checker.cli", "check", "--no-config", *args],
                          capture_output=True, text=True, timeout=60)


def test_cli_refuses_a_fifo_as_previous_and_dev_zero_as_a_file(tmp_path):
    import os
    fifo = tmp_path / "prev.txt"
    os.mkfifo(fifo)
    base = Path(__file__).parent / "cases" / "bases" / "13d.txt"
    run = _cli("--previous", str(fifo), str(base))
    assert run.returncode == 2
    assert run.stderr.strip() == f"stakecheck: --previous {fifo}: not a regular file (a FIFO); only files are checked"
    run = _cli("/dev/zero")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "/dev/zero: not a regular file (a character device)" in run.stderr
