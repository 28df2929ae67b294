"""The catalogue as data: every rule validated against the fact schemas at load time, facts
that keep to their schemas, readable conditions, and a firm's own rule files."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.facts import FactContext, build_facts
from checker.facts.schema import check_fact
from checker.pipeline import CheckOptions, check_filing
from checker.rulebook import CatalogueError, load_catalogue
from filing_builder import filing, page
from test_rules import CASES

ROOT = Path(__file__).resolve().parents[1]
HOUSE = ROOT / "docs" / "examples" / "house-rules.yaml"

RULE = """\
family: thresholds
prefix: HSE
rules:
  - code: HSE009
    name: test-rule
    category: thresholds
    severity: warning
    summary: s
    citation: c
    docs: {{what: w, why: y, example: e, reference: r}}
    when:
      {when}
    message: "{message}"
"""


def _firm_file(tmp_path, when="m: {$and: [{t: person}, {$gt: {pct: 1}}]}", message="{m.pct_s}"):
    path = tmp_path / "firm.yaml"
    path.write_text(RULE.format(when=when, message=message), encoding="utf-8")
    return str(path)


def test_every_fact_the_rule_cases_build_keeps_to_its_schema():
    problems = set()
    for code, cases in CASES.items():
        for case in cases:
            made = case()
            f, options = made if isinstance(made, tuple) else (made, CheckOptions())
            ctx = FactContext(filed=options.filed, as_of=options.as_of, thresholds=options.thresholds,
                              previous=options.previous)
            for fact in build_facts(f, ctx):
                problems.update(check_fact(fact))
    assert problems == set()


def test_the_house_rules_example_loads_and_fires_through_check_filing():
    near = filing(page("Alpha Fund LP", 1_000_000, 9.8))
    far = filing(page("Alpha Fund LP", 1_000_000, 9.4))
    hits = [(f.rule_id, f.person, f.severity, f.message)
            for f in check_filing(near, CheckOptions(rules=(str(HOUSE),))).findings if f.rule_id == "HSE001"]
    assert hits == [("HSE001", "Alpha Fund LP", "warning", "reports 9.8%, within 0.5 point of 10%")]
    assert "HSE001" not in {f.rule_id for f in check_filing(far, CheckOptions(rules=(str(HOUSE),))).findings}
    # Without the firm file, the built-in catalogue only.
    assert "HSE001" not in {f.rule_id for f in check_filing(near, CheckOptions()).findings}


def test_a_firm_folder_loads_every_yaml_in_it(tmp_path):
    _firm_file(tmp_path)
    codes = {r.code for r in load_catalogue((str(tmp_path),))}
    assert "HSE009" in codes and "THR001" in codes


@pytest.mark.parametrize("when,message,expected", [
    ("m: {$and: [{t: persn}, {$gt: {pct: 1}}]}", "{m.pct_s}", "unknown fact type 'persn'"),
    ("m: {$and: [{t: person}, {$gt: {pcct: 1}}]}", "{m.pct_s}", "person has no field 'pcct'"),
    ("m: {$and: [{t: person}, {$gt: {pct: 1}}]}", "{m.pct_text}", "person has no field 'pct_text'"),
    ("m: {$and: [{t: person}, {$gt: {pct: 1}}]}", "{m.agg_s}", "{m.agg_s} may be absent"),
    ("m: {$gt: {pct: 1}}", "{m.pct_s}", "does not test the fact type"),
    ("m: {$and: [{t: person}, {$gt: {pct: {c: lo}}}]}", "{m.pct_s}", "unknown alias 'c'"),
    ("m: {$and: [{t: person}, {$bigger: {pct: 1}}]}", "{m.pct_s}", "unknown operator $bigger"),
])
def test_a_broken_firm_rule_fails_at_load_naming_file_and_code(tmp_path, when, message, expected):
    path = _firm_file(tmp_path, when, message)
    with pytest.raises(CatalogueError) as err:
        load_catalogue((path,))
    assert "firm.yaml" in str(err.value) and "HSE009" in str(err.value) and expected in str(err.value)


def test_a_message_field_tested_in_the_condition_or_with_a_default_is_accepted(tmp_path):
    ok = _firm_file(tmp_path, "m: {$and: [{t: person}, {$ex: {agg_s: 1}}]}", "{m.agg_s} {m.implied_s|n/a}")
    assert any(r.code == "HSE009" for r in load_catalogue((ok,)))


def test_a_firm_code_that_clashes_with_a_built_in_one_is_refused(tmp_path):
    path = tmp_path / "clash.yaml"
    path.write_text(RULE.format(when="m: {t: person}", message="x").replace("HSE009", "HSE001")
                    .replace("prefix: HSE", "prefix: HSE"), encoding="utf-8")
    with pytest.raises(CatalogueError, match="HSE001: duplicate rule code"):
        load_catalogue((str(path), str(HOUSE)))


def test_an_unreadable_or_missing_firm_file_is_a_catalogue_error(tmp_path):
    with pytest.raises(CatalogueError, match="no such rule file"):
        load_catalogue((str(tmp_path / "nope.yaml"),))
    bad = tmp_path / "bad.yaml"
    bad.write_text("family: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogueError, match="bad.yaml"):
        load_catalogue((str(bad),))


def test_condition_text_is_readable():
    rule = next(r for r in load_catalogue() if r.code == "SUM002")
    assert rule.condition_text() == textwrap.dedent("""\
        a powers fact m where (m.agg < m.voting or m.agg < m.dispositive or m.agg > (m.voting + m.dispositive))""")
    assert ("powers", "voting") in {(t, f) for t, f, _ in rule.derived_fields()}


def test_no_rule_tests_a_boolean_named_after_its_own_verdict():
    verdict_words = ("late", "mismatch", "in_range", "outlier", "format_ok", "check_ok", "material", "slow")
    for rule in load_catalogue():
        assert not any(w in str(rule.when) for w in verdict_words), rule.code


def test_explain_shows_the_condition_and_the_derived_fields():
    from click.testing import CliRunner

    from checker.cli import cli
    out = CliRunner().invoke(cli, ["explain", "DLN002"])
    assert out.exit_code == 0
    assert "a deadline fact m where m.due_day is present and m.filed_day > m.due_day" in out.output
    assert "- deadline.due_day (int): ordinal of the last timely day" in out.output


CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_every_fact_built_from_the_real_corpus_keeps_to_its_schema():
    from checker import sources
    from checker.parse import parse_document
    problems = set()
    for folder in ("txt", "html", "xml", "labelled", "html-more"):
        for path in sorted((CORPUS / folder).iterdir()):
            if path.suffix.lower() not in (".txt", ".htm", ".html", ".xml"):
                continue
            filing_ = parse_document(sources.load(path))
            for fact in build_facts(filing_, FactContext(thresholds={"early_warning": 4.5})):
                problems.update(check_fact(fact))
    assert problems == set()


def test_the_catalogue_version_names_the_firm_files_too():
    from checker.rulebook import catalogue_version
    assert catalogue_version() == catalogue_version(())
    assert catalogue_version((str(HOUSE),)) != catalogue_version()
