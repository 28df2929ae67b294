"""Configuration files: discovery, parsing, errors, and the command line winning over them."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import ConfigError, find_config, load_config, resolve
from report_samples import fake_pipeline, invoke, sample_result


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


FULL = """
[tool.stakecheck]
select = ["THR", "sum001"]
ignore = "DEF"
fail_on = "warning"
early_warning = 4.5
waivers = "ci/waivers.toml"

[tool.stakecheck.severity]
THR001 = "error"

[tool.stakecheck.thresholds]
early_warning = 4.0
"""


def test_pyproject_table_is_read(tmp_path):
    cfg = load_config(write(tmp_path / "pyproject.toml", FULL))
    assert cfg.select == ("THR", "SUM001") and cfg.ignore == ("DEF",)
    assert cfg.fail_on == "warning"
    assert cfg.severity == {"THR001": "error"}
    assert cfg.thresholds == {"early_warning": 4.0}  # the table wins over the bare key
    assert cfg.waivers == str(tmp_path / "ci" / "waivers.toml")


def test_stakecheck_toml_has_top_level_keys(tmp_path):
    cfg = load_config(write(tmp_path / "stakecheck.toml", 'fail-on = "info"\n[thresholds]\nearly_warning = 4.5\n'))
    assert cfg.fail_on == "info" and cfg.thresholds == {"early_warning": 4.5}


def test_discovery_upward(tmp_path):
    filings = tmp_path / "repo" / "filings" / "2024"
    filings.mkdir(parents=True)
    write(tmp_path / "repo" / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.stakecheck]
    assert find_config(filings) != tmp_path / "repo" / "pyproject.toml"
    write(tmp_path / "repo" / "pyproject.toml", FULL)
    assert find_config(filings / "a.txt") == tmp_path / "repo" / "pyproject.toml"
    write(tmp_path / "repo" / "stakecheck.toml", "")
    assert find_config(filings) == tmp_path / "repo" / "stakecheck.toml"  # wins in the same folder
    write(filings / "pyproject.toml", "[tool.stakecheck]\n")
    assert find_config(filings) == filings / "pyproject.toml"  # the nearest wins


@pytest.mark.parametrize("text, message", [
    ("[tool.stakecheck\n", "not valid TOML"),
    ("[tool.stakecheck]\nselcet = ['THR']\n", "unknown option"),
    ("[tool.stakecheck]\nfail-on = 'sometimes'\n", "must be one of"),
    ("[tool.stakecheck.severity]\nTHR001 = 'fatal'\n", "must be one of error, warning, info"),
    ("[tool.stakecheck.severity]\nthreshold = 'error'\n", "is not a rule code"),
    ("[tool.stakecheck]\nselect = ['THR-1']\n", "is not a rule code or prefix"),
    ("[tool.stakecheck.thresholds]\nearly_warning = 450\n", "between 0 and 100"),
    ("[tool.other]\nx = 1\n", "no [tool.stakecheck] table"),
    # issue 9: a misspelt threshold, an unknown key with a wrong type, a wrong type
    ("[tool.stakecheck.thresholds]\nearly_warnign = 4.5\n", "unknown threshold 'early_warnign' (did you mean 'early_warning'?)"),
    ("[tool.stakecheck]\nearly_warnign = 4.5\n", "unknown option (did you mean 'early_warning'?)"),
    ("[tool.stakecheck]\nignroe = 5\n", "ignroe: unknown option (did you mean 'ignore'?)"),
    ("[tool.stakecheck]\nignore = 5\n", "ignore: must be a list of rule codes or prefixes"),
    ("[tool.stakecheck]\nwaivers = ['a']\n", "waivers: must be a file path"),
    ("[tool.stakecheck]\nexclude = 'drafts/'\nrules = [1]\n", "rules: must be a list of paths"),
])
def test_broken_config_raises_one_line(tmp_path, text, message):
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path / "pyproject.toml", text))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_command_line_wins(tmp_path):
    cfg = load_config(write(tmp_path / "pyproject.toml", FULL))
    s = resolve(cfg, select=("SUM",), ignore=(), severity=("THR001=info", "SUM001=warning"), fail_on="never")
    assert s.select == ("SUM",) and s.ignore == ("DEF",)
    assert s.severity == {"THR001": "info", "SUM001": "warning"}
    assert s.fail_on == "never" and s.thresholds["early_warning"] == 4.0
    assert resolve(None).fail_on == "error" and resolve(None, default_fail_on="never").fail_on == "never"
    with pytest.raises(ConfigError):
        resolve(None, severity=("THR001",))


# --- through the command line --------------------------------------------------------------

@pytest.fixture
def repo(tmp_path, monkeypatch):
    filing = write(tmp_path / "filings" / "sc13da-sample.txt", "SCHEDULE 13D\n")
    calls = fake_pipeline(monkeypatch, {"sc13da-sample.txt": sample_result()})
    monkeypatch.chdir(tmp_path)
    return tmp_path, filing, calls


def test_config_found_from_checked_path(repo, monkeypatch, capsys):
    root, filing, calls = repo
    write(root / "stakecheck.toml", 'select = ["THR"]\nfail-on = "warning"\nearly_warning = 4.5\n')
    code, out, err = invoke(monkeypatch, capsys, "check", filing)
    assert code == 1, err  # THR001 is a warning and the file says fail-on warning
    assert "THR001" in out and "SUM001" not in out
    assert calls[-1].thresholds == {"early_warning": 4.5}
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--fail-on", "error")
    assert code == 0  # the command line wins: no error-level finding is selected
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--no-config")
    assert code == 1 and "SUM001" in out


def test_explicit_config_and_severity(repo, monkeypatch, capsys):
    root, filing, _ = repo
    cfg = write(root / "conf" / "strict.toml", '[tool.stakecheck.severity]\nTHR001 = "error"\n'
                                              '[tool.stakecheck]\nignore = ["SUM", "COV"]\n')
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--config", cfg, "--format", "json")
    assert code == 1 and '"severity": "error"' in out and "SUM001" not in out
    code, out, _ = invoke(monkeypatch, capsys, "check", filing, "--config", cfg, "--severity", "THR001=info")
    assert code == 0


def test_broken_config_exits_2_with_one_line(repo, monkeypatch, capsys):
    root, filing, _ = repo
    write(root / "pyproject.toml", "[tool.stakecheck]\nfail-on = [\n")
    code, out, err = invoke(monkeypatch, capsys, "check", filing)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("stakecheck: ") and "not valid TOML" in err
    code, _, err = invoke(monkeypatch, capsys, "check", filing, "--config", root / "nope.toml")
    assert code == 2 and "cannot read config" in err and err.count("\n") == 1
