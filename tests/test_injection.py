"""The defect-injection harness (bench/inject): operators apply, mutants land, and the
caught / missed decision is right. Recall figures are the bench's business (bench/RESULTS.md);
these tests assert only what today's code passes."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from inject.operators import OPERATORS, Mutant, Skip, own_deadline  # noqa: E402
from inject.runner import DEFAULT_CORPUS, judge, run_file  # noqa: E402

from checker.findings import FileResult, Finding  # noqa: E402

SEED = ("examples", "sc13da-liquidmetal-2008-09-30.txt")


def _finding(rule, category, person=None, severity="error"):
    return Finding(rule_id=rule, rule=rule.lower(), category=category, severity=severity, message="m",
                   person=person)


def _mutant(**kw):
    base = dict(op="x", data=b"", note="", verify=lambda f: None, categories=frozenset({"sums"}))
    base.update(kw)
    return Mutant(**base)


def _results(*findings):
    return FileResult(path="p", findings=list(findings))


# ---------------------------------------------------------------- the caught / missed decision

def test_a_new_finding_of_the_category_about_the_person_is_caught():
    m = _mutant(person="Acme Fund, L.P.")
    got = judge(m, _results(), _results(_finding("SUM002", "sums", "ACME FUND LP")))
    assert got.caught and got.new == ["SUM002(ACME FUND LP)"]


def test_a_finding_the_untouched_file_already_had_is_not_a_catch():
    m = _mutant(person="Acme")
    same = _finding("SUM002", "sums", "Acme")
    assert not judge(m, _results(same), _results(same)).caught


def test_a_second_finding_of_the_same_rule_and_person_is_new():
    m = _mutant(person="Acme", categories=frozenset({"cover-pages"}))
    before = _finding("COV005", "cover-pages", "Acme", "warning")
    assert judge(m, _results(before), _results(before, before)).caught


def test_info_another_category_or_another_person_is_missed():
    m = _mutant(person="Acme Fund II")
    assert not judge(m, _results(), _results(_finding("SUM003", "sums", "Acme Fund II", "info"))).caught
    assert not judge(m, _results(), _results(_finding("THR001", "thresholds", "Acme Fund II"))).caught
    v = judge(m, _results(), _results(_finding("SUM002", "sums", "Acme Fund")))
    assert not v.caught and v.right_category_elsewhere  # 'Fund' is not 'Fund II'


def test_an_operator_that_names_its_rule_needs_that_rule():
    m = _mutant(categories=frozenset({"thresholds"}), rules=frozenset({"THR005"}))
    assert not judge(m, _results(), _results(_finding("THR001", "thresholds"))).caught
    assert judge(m, _results(), _results(_finding("THR005", "thresholds"))).caught


def test_own_deadlines_by_regime():
    import datetime as dt
    from checker.model import Filing, TextValue
    d = Filing(path="p", schedule="13D", form_type="SC 13D")
    assert own_deadline(d, dt.date(2024, 3, 1)) == ("13D 2024+", dt.date(2024, 3, 8))
    assert own_deadline(d, dt.date(2020, 3, 2))[0] == "13D pre-2024"
    g = Filing(path="p", schedule="13G", form_type="SC 13G",
               rule_designations=[TextValue(value="Rule 13d-1(c)")])
    assert own_deadline(g, dt.date(2025, 1, 6)) == ("13G(c) 2024+", dt.date(2025, 1, 13))


# ---------------------------------------------------------------- the operators on the seed filing

@pytest.fixture(scope="module")
def seed_run():
    root, rel = SEED
    out = run_file((str(ROOT / root), rel, 0, tuple(OPERATORS), None))
    return {r["op"]: r for r in out["records"]}


@pytest.mark.parametrize("op", ["agg_digit", "agg_plus1", "power_digit", "signatory_renamed", "cusip_title",
                                "cusip_cover", "type_code_invalid", "amendment_removed", "late_filing"])
def test_seed_mutants_that_must_be_caught(seed_run, op):
    rec = seed_run[op]
    assert rec["status"] == "caught", rec


def test_seed_operators_that_do_not_apply_say_why(seed_run):
    assert seed_run["passive_20pct"] == {"op": "passive_20pct", "status": "n/a", "reason": "not a 13G", "tags": []}
    assert "no EDGAR header" in seed_run["header_form_type"]["reason"]


def test_mutants_are_deterministic_and_change_one_place():
    from inject.locate import Raw
    from inject.operators import Ctx
    from checker import sources
    from checker.parse import parse_document
    path = ROOT / SEED[0] / SEED[1]
    data = path.read_bytes()
    filing = parse_document(sources.load_bytes(data, str(path)))

    def plant():
        return OPERATORS["agg_digit"](Ctx(SEED[1], data, Raw.of(data), filing, "text", 7))[0]
    a, b = plant(), plant()
    assert a.data == b.data and a.data != data and len(a.data) == len(data)
    diff = [i for i in range(len(data)) if a.data[i] != data[i]]
    assert len(diff) == 1  # one digit typed wrong, every other byte as it was


# ---------------------------------------------------------------- a fast sample of the real corpus

CORPUS_SAMPLE = [("xml/edgartools_jushi_marex_13g.xml", ["late_filing", "passive_20pct", "two_rule_boxes",
                                                          "type_code_invalid"]),
                 ("txt/orgron_2008_moldflow_sc13da.txt", ["header_form_type", "cusip_cover", "type_code_invalid"]),
                 ("html/orgron_2013_ocera_sc13d.htm", ["cusip_title", "type_code_invalid", "late_filing"])]


@pytest.mark.skipif(not DEFAULT_CORPUS.is_dir(), reason=f"corpus not found at {DEFAULT_CORPUS}")
@pytest.mark.parametrize("rel,ops", CORPUS_SAMPLE)
def test_corpus_sample_mutants_apply_and_are_caught(rel, ops):
    out = run_file((str(DEFAULT_CORPUS), rel, 0, tuple(ops), None))
    statuses = {r["op"]: r["status"] for r in out["records"]}
    assert statuses == {op: "caught" for op in ops}, out["records"]


@pytest.mark.skipif(not DEFAULT_CORPUS.is_dir(), reason=f"corpus not found at {DEFAULT_CORPUS}")
def test_cover_removal_lands_in_every_text_format():
    """The page goes and the others stay (whether the checker notices is the bench's figure)."""
    for rel in ("txt/orgron_2008_moldflow_sc13da.txt", "html/orgron_2013_ocera_sc13d.htm",
                "xml/edgartools_aadi_bml_13d.xml"):
        recs = run_file((str(DEFAULT_CORPUS), rel, 0, ("cover_removed",), None))["records"]
        landed = [r for r in recs if r["status"] in ("caught", "missed")]
        assert landed, (rel, recs)
        assert all(not isinstance(r, Skip) for r in recs)


# ---------------------------------------------------------------- locating values in raw text

def test_number_found_as_printed_outside_markup_and_not_inside_a_longer_number():
    from inject.locate import Raw, find_number
    raw = Raw.of(b'<td width="1000">row</td>\n<td>11,000,500 and 1,000</td>\n')
    span = find_number(raw, 1, ["1,000", "1000"])
    assert span.text == "1,000" and raw.line_of(span.start) == 2  # not the width, not inside 11,000,500


def test_box_markers_in_text_and_html_spellings():
    from inject.locate import Raw, find_box
    assert find_box(Raw.of(b"check the following: [ ]\n"), 1)[1] == "[X]"
    assert find_box(Raw.of(b'<font face="Wingdings">&#168;</font> Rule 13d-1(c)\n'), 1,
                    must_mention=r"13d-1\s*\(c\)")[1] == "&#254;"
    assert find_box(Raw.of(b"[X] Rule 13d-1(b)\n"), 1) is None


def test_a_breakdown_is_found_when_its_parts_add_up_to_the_total_printed_before_them():
    from inject.locate import Raw
    from inject.operators import Ctx, find_breakdowns
    import filing_builder as fb
    filing = fb.filing(fb.page("Acme Fund", 657000, 5.6))

    def found(text: bytes):
        return [([s.text for s in spans], total)
                for spans, total in find_breakdowns(Ctx("x.txt", text, Raw.of(text), filing, "text", 0))]
    assert found(b"Acme Fund owns 657,000 shares, consisting of (i) 600,000 shares held directly and\n"
                 b"(ii) 57,000 shares held by a trust.\n") == [(["600,000", "57,000"], 657000)]
    assert found(b"The 657,000 shares consist of 600,000 shares held directly and 57,000 shares held in trust.\n") \
        == [(["600,000", "57,000"], 657000)]
    # No total printed before the parts (a footnote to a table cell), 'includes' (maybe only some
    # parts), parts that do not add up, a prefix of a longer list: not a stated breakdown.
    assert found(b"Footnote: consisting of 600,000 shares held directly and 57,000 shares held by a trust.\n") == []
    assert found(b"owns 657,000 shares, which includes (i) 600,000 shares and (ii) 57,000 shares.\n") == []
    assert found(b"owns 657,000 shares, consisting of (i) 600,000 shares and (ii) 50,000 shares.\n") == []
    assert found(b"owns 657,000 shares, consisting of (a) 600,000 shares, (b) 57,000 shares and (c) 9,000 shares.\n") == []


def test_an_item_amount_mutant_edits_the_persons_own_statement():
    """Of the item's figures equal to a person's aggregate, the one in a sentence naming that
    person, not one in another person's sentence (a component of theirs that happens to be equal)."""
    from inject.locate import Raw
    from inject.operators import Ctx, OPERATORS
    import filing_builder as fb
    from checker.model import Item
    filing = fb.filing(fb.page("Mitsui Trading Ltd.", 259487, 1.3), fb.page("Intermodal Terminal Inc.", 256487, 1.3, index=1))
    item5 = ("Item 5. Interest.\nThe Preferred Shares owned by Mitsui Trading are convertible into 256,487 Common\n"
             "Shares, which together with 3,000 options represent 1.3%. Intermodal Terminal Inc. beneficially\n"
             "owns 120,000 Preferred Shares convertible into 256,487 Common Shares, representing 1.3%.\n")
    text = ("\n" * 40 + item5).encode()
    filing.items = [Item(number="5", text=item5, line=41)]
    filing.schedule = "13D"
    [m] = OPERATORS["item_amount"](Ctx("x.txt", text, Raw.of(text), filing, "text", 3))
    assert m.person == "Intermodal Terminal Inc." and m.line == 44, m.note
    # no sentence names the person: the first equal figure, as before
    filing.cover_pages[1].name.value = "Tonami Transport Co."
    [m] = OPERATORS["item_amount"](Ctx("x.txt", text, Raw.of(text), filing, "text", 3))
    assert m.person == "Tonami Transport Co." and m.line == 42, m.note


def test_the_cli_prints_a_table_and_json(capsys):
    import json as _json
    import inject as _pkg  # noqa: F401  (bench/inject, the package)
    sys.path.insert(0, str(ROOT / "bench"))
    import importlib.util
    spec = importlib.util.spec_from_file_location("inject_cli", ROOT / "bench" / "inject.py")
    cli = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli)
    assert cli.main(["--corpus", str(ROOT / "examples"), "--workers", "1", "--op", "cusip_title"]) == 2  # no folders
    if DEFAULT_CORPUS.is_dir():
        capsys.readouterr()
        assert cli.main(["--sample", "2", "--seed", "3", "--workers", "1", "--op", "late_filing",
                         "--format", "json"]) == 0
        doc = _json.loads(capsys.readouterr().out)
        assert doc["seed"] == 3 and len(doc["files"]) == 2 and doc["rows"][0]["op"] == "late_filing"


def test_a_signature_name_on_a_one_line_file_is_the_one_after_the_certification():
    from inject.locate import Raw, find_name, signature_floor
    raw = Raw.of(b"<p>1 NAME: Jane Q. Roe</p><p>After reasonable inquiry ... correct.</p>"
                 b"<p>/s/ Jane Q. Roe</p><p>Jane Q. Roe</p>")
    floor = signature_floor(raw, 1)
    span = find_name(raw, "Jane Q. Roe", 1, floor=floor)
    assert span is not None and span.start > raw.text.index("After reasonable")
    # without a certification the nearest name is the first, as before
    plain = Raw.of(b"<p>1 NAME: Jane Q. Roe</p><p>/s/ Jane Q. Roe</p>")
    assert find_name(plain, "Jane Q. Roe", 1, floor=signature_floor(plain, 1)).start == plain.text.index("Jane")
