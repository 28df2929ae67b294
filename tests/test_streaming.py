"""check streams (issue 10 §6): output written as each file finishes, whole documents with the
bytes of the list rendering, no FileResult kept once reported, the JSON Lines format."""
from __future__ import annotations

import gc
import json
import os
import signal
from pathlib import Path

import jsonschema
import pytest

from checker.findings import FileResult
from checker.report.json_schema import document_schema
from tests.legacy_reports import LEGACY
from tests.report_samples import clean_result, invoke, sample_result

WAIVER = ('[[waiver]]\nrule = "THR001"\npath = "filings/a.txt"\njustification = "Counsel reviewed it."\n'
          'approved_by = "J. Smith"\nexpires = 2099-01-01\n'
          '[[waiver]]\nrule = "SUM001"\npath = "filings/c.txt"\njustification = "Unused."\n'
          'approved_by = "J. Smith"\nexpires = 2099-01-01\n')


@pytest.fixture
def project(tmp_path, monkeypatch):
    """filings/a.txt, b.txt, c.txt (canned results, c clean) and bad.txt (unreadable)."""
    folder = tmp_path / "filings"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "bad.txt", "c.txt"):
        (folder / name).write_text("SCHEDULE 13D\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def canned(path) -> FileResult:
    name = Path(path).name
    if name == "bad.txt":
        return FileResult(path=str(path), error=f"{path}: not a file this test can read")
    return clean_result(str(path)) if name.startswith("c") else sample_result(str(path))


def fake_checks(monkeypatch, before_each=lambda path: None) -> list[str]:
    """The real run loop with a canned pipeline; ``before_each(path)`` runs as each file starts."""
    order: list[str] = []

    def check_file(path, options):
        before_each(str(path))
        order.append(Path(path).name)
        return canned(path)
    monkeypatch.setattr("checker.pipeline.check_file", check_file)
    return order


# --- written as each file finishes ---------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "github", "jsonl"])
def test_stdout_has_each_file_before_the_next_is_checked(project, monkeypatch, capsys, fmt):
    seen: dict[str, str] = {}
    written: list[str] = []

    def before_each(path):
        written.append(capsys.readouterr().out)  # what stdout received so far
        seen[Path(path).name] = "".join(written)
    fake_checks(monkeypatch, before_each)
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", fmt, "--fail-on", "never")
    assert code == 2  # bad.txt
    assert "filings/a.txt" not in seen["a.txt"]
    assert "filings/a.txt" in seen["b.txt"] and "filings/b.txt" not in seen["b.txt"]
    assert "filings/b.txt" in seen["bad.txt"]
    assert "filings/c.txt" not in seen["c.txt"]
    assert ("filings/c.txt" in out) is (fmt != "github")  # a clean file has no annotation


def test_output_file_receives_each_file_before_the_next_is_checked(project, monkeypatch, capsys):
    seen: dict[str, str] = {}

    def before_each(path):
        parts = list(project.glob(".r.txt.*.part"))
        seen[Path(path).name] = parts[0].read_text() if parts else ""
    fake_checks(monkeypatch, before_each)
    code, _, _ = invoke(monkeypatch, capsys, "check", "filings", "-o", "r.txt", "--no-color")
    assert code == 2
    assert "filings/a.txt" in seen["b.txt"] and "filings/b.txt" not in seen["b.txt"]
    assert (project / "r.txt").read_text().startswith(seen["c.txt"])  # renamed whole at the end
    assert not list(project.glob("*.part"))


# --- whole documents: the bytes of the list rendering --------------------------------------

def record_writer(monkeypatch) -> list:
    """Wrap the CLI's writer: record every (result, waived) handed over, and the context."""
    from checker import cli
    from checker.report import open_writer
    seen: list = []

    class Recorder:
        def __init__(self, inner, ctx):
            self.inner, self.ctx = inner, ctx

        def file(self, result, waived):
            seen.append(result)
            self.inner.file(result, waived)

        def close(self, tally):
            seen.append(self.ctx)
            self.inner.close(tally)

    monkeypatch.setattr(cli, "open_writer", lambda fmt, write, ctx: Recorder(open_writer(fmt, write, ctx), ctx))
    return seen


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_document_bytes_equal_the_list_rendering(project, monkeypatch, capsys, fmt):
    (project / "waivers.toml").write_text(WAIVER)
    known = sample_result("filings/b.txt").findings[0].fingerprint
    (project / "baseline.json").write_text(json.dumps([known]))
    fake_checks(monkeypatch)
    seen = record_writer(monkeypatch)
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", fmt, "--waivers", "waivers.toml",
                          "--baseline", "baseline.json", "--fail-on", "warning")
    *results, ctx = seen
    assert code == 2 and ctx.waived and ctx.baselined == 1  # waivers, baseline and an unreadable file
    assert any(r.path == "waivers.toml" for r in results)  # the unused waiver's own finding
    assert out == LEGACY[fmt](results, ctx)


def test_empty_run_documents_equal_the_list_rendering(project, monkeypatch, capsys):
    from checker.report import ReportContext, render
    ctx = ReportContext(rules=(), catalogue_version="x")
    for fmt, legacy in LEGACY.items():
        assert render(fmt, [], ctx) == legacy([], ctx)


# --- no FileResult kept once reported ------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "junit", "markdown"])
def test_the_run_keeps_no_file_results(project, monkeypatch, capsys, fmt):
    for n in range(40):
        (project / "filings" / f"m{n:02}.txt").write_text("SCHEDULE 13D\n")
    (project / "waivers.toml").write_text(WAIVER)  # waivers copy results: the copies must go too
    alive: list[int] = []

    def before_each(path):
        gc.collect()
        alive.append(sum(1 for o in gc.get_objects() if isinstance(o, FileResult)))
    fake_checks(monkeypatch, before_each)
    code, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", fmt, "--waivers", "waivers.toml")
    assert code == 2 and len(alive) == 44
    # A list of results would grow by one per file (by 43 here); the stream holds the last one only.
    assert max(alive) - alive[0] <= 2, alive


# --- Ctrl-C between files ------------------------------------------------------------------

def test_ctrl_c_stops_after_the_current_file(project, monkeypatch, capsys):
    def before_each(path):
        if path.endswith("b.txt"):
            os.kill(os.getpid(), signal.SIGINT)  # arrives while b.txt is being checked
    order = fake_checks(monkeypatch, before_each)
    code, out, err = invoke(monkeypatch, capsys, "check", "filings", "--format", "json", "-o", "r.json")
    assert code == 130 and order == ["a.txt", "b.txt"]  # b finished, bad.txt never started
    assert err.strip() == "stakecheck: interrupted; no report written"
    assert out == "" and sorted(p.name for p in project.iterdir()) == ["filings"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


def test_ctrl_c_on_a_streamed_stdout_says_the_output_is_cut_short(project, monkeypatch, capsys):
    def before_each(path):
        if path.endswith("b.txt"):
            os.kill(os.getpid(), signal.SIGINT)
    fake_checks(monkeypatch, before_each)
    code, out, err = invoke(monkeypatch, capsys, "check", "filings", "--format", "jsonl")
    assert code == 130
    assert err.strip() == "stakecheck: interrupted; the output above ends with the last file checked"
    kinds = [json.loads(x)["type"] for x in out.splitlines()]
    assert kinds and set(kinds) == {"file"}  # the files before the stop, and no summary line


# --- JSON Lines ----------------------------------------------------------------------------

def test_jsonl_lines_are_the_json_document_in_pieces(project, monkeypatch, capsys):
    (project / "waivers.toml").write_text(WAIVER)
    fake_checks(monkeypatch)
    args = ("check", "filings", "--waivers", "waivers.toml", "--fail-on", "never", "--format")
    code, out, _ = invoke(monkeypatch, capsys, *args, "jsonl")
    _, doc, _ = invoke(monkeypatch, capsys, *args, "json")
    doc = json.loads(doc)
    assert code == 2 and out.endswith("\n")
    lines = [json.loads(line) for line in out.splitlines()]  # every line is one JSON object
    assert all(x["schema"] == "stakecheck/v1" for x in lines)
    assert [x["type"] for x in lines] == ["file", "waived", "file", "error", "file", "file", "summary"]
    strip = {"schema", "type"}
    assert [{k: v for k, v in x.items() if k not in strip} for x in lines if x["type"] == "file"] == doc["files"]
    assert [{k: v for k, v in x.items() if k not in strip} for x in lines if x["type"] == "error"] == doc["errors"]
    assert [{k: v for k, v in x.items() if k not in strip} for x in lines if x["type"] == "waived"] == doc["waived"]
    assert lines[1]["path"] == lines[0]["path"] == "filings/a.txt"  # a waived finding follows its file
    assert lines[-1]["summary"] == doc["summary"] and lines[-1]["tool"] == doc["tool"]


def test_jsonl_file_lines_validate_against_the_published_schema(project, monkeypatch, capsys):
    fake_checks(monkeypatch)
    _, out, _ = invoke(monkeypatch, capsys, "check", "filings", "--format", "jsonl", "--ignore", "THR")
    schema = document_schema()
    file_schema = {**schema["$defs"]["FileResult"], "$defs": schema["$defs"]}
    summary_schema = schema["properties"]["summary"]
    lines = [json.loads(line) for line in out.splitlines()]
    for line in lines:
        if line["type"] == "file":
            jsonschema.validate({k: v for k, v in line.items() if k not in ("schema", "type")}, file_schema)
    jsonschema.validate(lines[-1]["summary"], summary_schema)
    assert lines[-1]["run"]["ignore"] == ["THR"]  # a configured run states itself, as in the JSON


def test_jsonl_of_a_real_filing(tmp_path):
    import subprocess
    import sys
    seed = Path(__file__).resolve().parent.parent / "examples" / "sc13da-liquidmetal-2008-09-30.txt"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--no-config", "--fail-on", "never",
                          "--format", "jsonl", str(seed)], capture_output=True, cwd=tmp_path, timeout=300)
    lines = [json.loads(x) for x in run.stdout.decode("utf-8").splitlines()]
    assert run.returncode == 0 and [x["type"] for x in lines] == ["file", "summary"]
    assert lines[0]["findings"] and lines[1]["summary"]["files"] == 1
