"""stakecheck batch through the command line: results, resume after kills, isolation."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "xml"
if not CORPUS.is_dir():
    CORPUS = ROOT / "examples"


def _inputs(tmp_path: Path, copies: int = 1) -> Path:
    src = sorted(p for p in CORPUS.iterdir() if p.suffix == ".xml")[:6] or sorted(CORPUS.iterdir())[:6]
    dst = tmp_path / "in"
    dst.mkdir()
    for k in range(copies):
        for p in src:
            shutil.copy(p, dst / f"{k:02d}_{p.name}")
    return dst


def _cmd(folder, store, jsonl, *extra):
    return [sys.executable, "-m", "checker.cli_main", "batch", str(folder), "--store", str(store),
            "--jsonl", str(jsonl), *extra]


def _run(args, env=None, **kw):
    return subprocess.run(args, capture_output=True, text=True, env=env or _env(), cwd=ROOT, **kw)


def _env(**extra):
    env = dict(os.environ)
    env.pop("STAKECHECK_TEST_FAULT", None)
    env.update(extra)
    return env


def _store_content(path: Path):
    db = sqlite3.connect(path)
    files = db.execute("SELECT path, sha256, format, form_type, issuer, cusip, event_date, status, "
                       "error, catalogue_version, line FROM files ORDER BY path").fetchall()
    persons = db.execute("SELECT * FROM persons ORDER BY path, ordinal").fetchall()
    findings = db.execute("SELECT * FROM findings ORDER BY path, ordinal").fetchall()
    return files, persons, findings


def test_batch_lines_are_the_file_lines_of_check_jsonl(tmp_path):
    folder = _inputs(tmp_path)
    res = _run(_cmd(folder, tmp_path / "s.db", tmp_path / "o.jsonl", "--workers", "2"))
    assert res.returncode == 0, res.stderr
    batch_lines = (tmp_path / "o.jsonl").read_text().splitlines()
    check = _run([sys.executable, "-m", "checker.cli_main", "check", "--no-config", "--fail-on", "never",
                  "--format", "jsonl", str(folder)])
    check_lines = [x for x in check.stdout.splitlines() if json.loads(x)["type"] in ("file", "error")]
    assert batch_lines == check_lines  # byte for byte: one consumer reads both
    as_json = _run([sys.executable, "-m", "checker.cli_main", "check", "--no-config", "--fail-on", "never",
                    "--format", "json", str(folder)])
    expected = json.loads(as_json.stdout)["files"]
    assert [{k: v for k, v in json.loads(x).items() if k not in ("schema", "type")} for x in batch_lines] == expected
    assert "files: 6 (6 checked, 0 already in the store)" in res.stdout
    files, persons, _ = _store_content(tmp_path / "s.db")
    assert len(files) == 6 and persons


def test_second_run_skips_everything(tmp_path):
    folder = _inputs(tmp_path)
    first = _run(_cmd(folder, tmp_path / "s.db", tmp_path / "a.jsonl", "--workers", "1"))
    second = _run(_cmd(folder, tmp_path / "s.db", tmp_path / "b.jsonl", "--workers", "1"))
    assert first.returncode == second.returncode == 0
    assert "(0 checked, 6 already in the store)" in second.stdout
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def _wait_for_first_line(path: Path, proc, limit: float = 120.0) -> None:
    """Until the batch has committed its first file (start-up time varies with the machine's load)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_text().count("\n") >= 1:
            return
        time.sleep(0.05)
    pytest.fail("the batch committed no file in time")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_killed_batch_resumes_to_the_same_content(tmp_path, sig):
    folder = _inputs(tmp_path, copies=4)
    ref = _run(_cmd(folder, tmp_path / "ref.db", tmp_path / "ref.jsonl", "--workers", "2"))
    assert ref.returncode == 0, ref.stderr
    # Slow every file a little (test-only hook) so the kill lands halfway through.
    proc = subprocess.Popen(_cmd(folder, tmp_path / "k.db", tmp_path / "k.jsonl", "--workers", "2"),
                            cwd=ROOT, env=_env(STAKECHECK_TEST_FAULT="slow:_"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_first_line(tmp_path / "k.jsonl", proc)
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    partial = len((tmp_path / "k.jsonl").read_text().splitlines())
    assert partial < 24
    again = _run(_cmd(folder, tmp_path / "k.db", tmp_path / "k.jsonl", "--workers", "2"))
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "k.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert _store_content(tmp_path / "k.db") == _store_content(tmp_path / "ref.db")


@pytest.mark.parametrize("kind,status", [("hang", "timed-out files: 1"), ("die", "files whose worker died: 1")])
def test_a_file_that_hangs_or_kills_its_worker_is_reported(tmp_path, kind, status):
    folder = _inputs(tmp_path)
    victim = sorted(folder.iterdir())[2].name
    res = _run(_cmd(folder, tmp_path / "s.db", tmp_path / "o.jsonl", "--workers", "2", "--timeout", "2"),
               env=_env(STAKECHECK_TEST_FAULT=f"{kind}:{victim}"), timeout=60)
    assert res.returncode == 2
    assert status in res.stdout and victim in res.stdout
    lines = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert len(lines) == 6
    bad = [x for x in lines if x["type"] == "error"]
    assert len(bad) == 1 and victim in bad[0]["path"] and "engine error" in bad[0]["reason"]
    assert all(x["findings"] or x["reporting_persons"] for x in lines if x["type"] == "file")


def test_a_rerun_keeps_a_timed_out_file_and_retry_failed_checks_it_again(tmp_path):
    folder = _inputs(tmp_path)
    victim = sorted(folder.iterdir())[2].name
    cmd = _cmd(folder, tmp_path / "s.db", tmp_path / "o.jsonl", "--workers", "1", "--timeout", "2")
    first = _run(cmd, env=_env(STAKECHECK_TEST_FAULT=f"hang:{victim}"), timeout=60)
    assert first.returncode == 2 and "timed-out files: 1" in first.stdout
    # Without the flag the stored timeout stands, and the summary says so as the first run did.
    rerun = _run(cmd)
    assert rerun.returncode == 2
    assert "6 already in the store" in rerun.stdout and "timed-out files: 1" in rerun.stdout
    retried = _run(cmd + ["--retry-failed"])
    assert retried.returncode == 0, retried.stdout
    assert "1 checked, 5 already in the store" in retried.stdout and "timed-out files: 0" in retried.stdout
    lines = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert [x["type"] for x in lines] == ["file"] * 6


def test_dask_local_cluster_gives_the_local_pool_results(tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    from checker.batch.dask_runner import dask_runner
    from checker.batch.runner import run_batch
    from checker.pipeline import CheckOptions, expand_paths
    folder = _inputs(tmp_path)
    files = [str(p) for p in expand_paths([str(folder)])]
    pool = _run(_cmd(folder, tmp_path / "p.db", tmp_path / "p.jsonl", "--workers", "2"))
    assert pool.returncode == 0, pool.stderr
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cl:
        run_batch(files, CheckOptions(), str(tmp_path / "d.db"), str(tmp_path / "d.jsonl"), 1, None,
                  runner=dask_runner(None, cluster=cl))
    assert (tmp_path / "d.jsonl").read_bytes() == (tmp_path / "p.jsonl").read_bytes()
    assert _store_content(tmp_path / "d.db") == _store_content(tmp_path / "p.db")


def test_dask_path_times_out_a_hanging_file_and_goes_on(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    from checker.batch.dask_runner import _close_pools, dask_runner
    from checker.batch.runner import run_batch
    from checker.pipeline import CheckOptions, expand_paths
    folder = _inputs(tmp_path)
    files = [str(p) for p in expand_paths([str(folder)])]
    victim = Path(files[2]).name
    monkeypatch.setenv("STAKECHECK_TEST_FAULT", f"hang:{victim}")
    try:
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cl:
            summary = run_batch(files, CheckOptions(), str(tmp_path / "d.db"), str(tmp_path / "d.jsonl"), 1, 2.0,
                                runner=dask_runner(None, cluster=cl))
    finally:
        _close_pools()
    assert [Path(p).name for p in summary.timed_out] == [victim]
    lines = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert len(lines) == 6
    assert [x["path"] for x in lines if x["type"] == "error"] == [files[2]]


def test_store_keeps_the_filed_date_of_edgar_submissions(tmp_path):
    src = ROOT.parent / "shared" / "corpus" / "txt"
    sub = sorted(src.glob("*fullsub*.txt"))[:1] if src.is_dir() else []
    if not sub:
        pytest.skip("no EDGAR submission in ../shared/corpus/txt")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sub[0], folder / sub[0].name)
    header = sub[0].read_text(errors="replace")
    stamp = next(line.split(":", 1)[1].strip() for line in header.splitlines() if "FILED AS OF DATE" in line)
    res = _run(_cmd(folder, tmp_path / "s.db", tmp_path / "o.jsonl", "--workers", "1"))
    assert res.returncode in (0, 2), res.stderr
    (filed,) = sqlite3.connect(tmp_path / "s.db").execute("SELECT filed_date FROM files").fetchone()
    assert filed == f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
