"""docs/rules/ holds one current page per rule (python docs/generate_rules.py rewrites them), no
rule cites a document users do not have, and SARIF's helpUri points at the rule's page."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from checker.report import sarif
from checker.rulebook import load_catalogue
from report_samples import context, sample_result

ROOT = Path(__file__).resolve().parent.parent


def test_rule_pages_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "generate_rules.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr + "\nrun: python docs/generate_rules.py"


def test_every_rule_has_a_page_with_its_parts():
    for rule in load_catalogue():
        text = (ROOT / "docs" / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        for part in ("## What it checks", "## Why it matters", "## Example", "## Reference", "## Condition"):
            assert part in text, (rule.code, part)


def test_no_rule_cites_the_internal_reference_notes():
    cites = [r.code for r in load_catalogue()
             if re.search(r"reference notes", r.docs.reference + r.citation, re.I)]
    assert cites == []


def test_sarif_help_uri_follows_the_configured_base():
    ctx = context()
    plain = json.loads(sarif.render([sample_result()], ctx))
    assert all("helpUri" not in r for r in plain["runs"][0]["tool"]["driver"]["rules"])
    ctx.extra["docs_url"] = "https://docs.example.org/stakecheck/rules/"
    doc = json.loads(sarif.render([sample_result()], ctx))
    uris = {r["id"]: r["helpUri"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert uris["SUM001"] == "https://docs.example.org/stakecheck/rules/SUM001.md"


def test_docs_url_in_config_reaches_sarif(tmp_path):
    import shutil
    shutil.copy(ROOT / "examples" / "sc13da-liquidmetal-2008-09-30.txt", tmp_path / "s.txt")
    (tmp_path / "stakecheck.toml").write_text('docs-url = "https://x.example/rules"\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker.cli", "check", "s.txt", "--format", "sarif"],
                          cwd=tmp_path, capture_output=True, text=True)
    rules = json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == f"https://x.example/rules/{rules[0]['id']}.md"
    (tmp_path / "stakecheck.toml").write_text('docs-url = "docs/rules"\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker.cli", "check", "s.txt"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "docs-url: must be an http(s) URL" in proc.stderr


def test_ci_docs_run_once_upload_always_and_install_what_exists():
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    job = re.search(r"```yaml\n# \.github/workflows/stakecheck\.yml\n(.*?)```", text, re.S).group(1)
    assert len(re.findall(r"run: stakecheck check", job)) == 1
    upload = job[job.rindex("upload-sarif") - 200:job.rindex("upload-sarif")]
    assert "if: always()" in upload
    assert "pip install stakecheck" not in text and "constraints.txt" in job
