"""A fast sample of bench/rewrites.py: rewrites a reader would not notice leave what is read
unchanged, on a few real corpus filings of each kind (the full run is the bench command)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from rewrites import REWRITES, _decode, reading  # noqa: E402

SAMPLE = {
    "txt/orgron_1998_humana_sc13g.txt": ("capitals", "double-spaced", "tabs-expanded", "months-abbreviated"),
    "labelled/1994_sc_13da_52988.txt": ("tabs-expanded", "percent-as-word", "indented"),
    "labelled/2013_sc_13da_932470.txt": ("dates-numeric", "conformed-signature-in-capitals"),
    "html-more/natereed_twitter_13ga1_usv.html": ("dates-numeric", "conformed-signature-in-capitals",
                                                  "figures-in-bold"),
    "html/edgartools_livent_sc13g.html": ("dash-zero-as-none", "nbsp-as-number", "font-tags-dropped"),
    # each rewrite below changed the reading of its file before session 9's fixes
    "labelled/1994_sc_13da_3499.txt": ("spaces-as-tabs", "double-spaced"),
    "txt/orgron_1996_brt_realty_sc13d.txt": ("capitals",),
    "labelled/1994_sc_13da_802019.txt": ("capitals",),
    "txt/orgron_2006_spirit_finance_sc13ga.txt": ("capitals",),
    "html-more/natereed_naturalgrocers_13d_isely.html": ("conformed-signature-one-slash",),
    "labelled/sample_1368148.txt": ("double-spaced",),
    "txt/orgron_1994_airborne_freight_sc13da.txt": ("double-spaced",),
    # each row of a table as a table of its own (session 10): signature grids split per row
    "html/orgron_2013_ocera_sc13d.htm": ("dash-zero-as-none", "footnote-after-aggregate", "br-as-paragraphs",
                                         "html-capitals", "rows-in-own-tables", "table-rows-as-paragraphs"),
    "html-more/natereed_twitter_13g_benchmark.html": ("rows-in-own-tables",),
    # cover pages, title pages and signatures typed in paragraphs, not tables (session 10)
    "html/orgron_2012_moneygram_sc13da7.htm": ("table-rows-as-paragraphs",),
    "labelled/2009_sc_13d_1091862.txt": ("cells-as-th", "signature-label"),
    "labelled/2003_sc_13d_1224014.txt": ("table-rows-as-paragraphs",),
    "labelled/2013_sc_13da_932470.txt": ("table-rows-as-paragraphs",),
    "labelled/2022_sc_13g_1592643.txt": ("table-rows-as-paragraphs",),
    "xml/orgron_2024_landsea_homes_schedule13d_primary_doc.xml": ("xml-prefixes-renamed", "xml-text-as-cdata"),
}


@pytest.mark.parametrize("rel", sorted(SAMPLE))
def test_rewrites_leave_the_reading_unchanged(corpus, rel):
    path = corpus / rel
    if not path.exists():
        pytest.skip(f"{rel} not in this corpus")
    data = path.read_bytes()
    text = _decode(data)
    base = reading(data, str(path))
    for name in SAMPLE[rel]:
        new = REWRITES[name](text)
        assert new != text, f"{name} does not apply to {rel}"
        assert reading(new.encode("utf-8"), str(path)) == base, f"{name} changed the reading of {rel}"
