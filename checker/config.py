"""Project configuration: ``[tool.stakecheck]`` in pyproject.toml, or a stakecheck.toml.

Found upward from the checked path (the first one given), like ruff: in each folder a
``stakecheck.toml`` wins over a ``pyproject.toml``; a pyproject without a ``[tool.stakecheck]``
table is passed over. ``--config FILE`` names the file instead. Options given on the command
line replace the file's value for that option.

    [tool.stakecheck]
    select = ["THR", "SUM001"]          # rule codes or prefixes
    ignore = ["DEF"]
    fail-on = "warning"                  # error | warning | info | never
    waivers = "stakecheck-waivers.toml"  # relative to this file
    baseline = ".stakecheck-baseline.json"

    [tool.stakecheck.severity]
    THR001 = "warning"

    [tool.stakecheck.thresholds]         # house lines, in percent of the class
    early_warning = 4.5

A bare number directly under ``[tool.stakecheck]`` (``early_warning = 4.5``) is read as a
threshold too. Any other unknown key is an error: a misspelt option must not be silently ignored.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
SELECTOR_RE = re.compile(r"^[A-Z]{1,4}\d{0,3}$")
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
KNOWN = {"select", "ignore", "severity", "fail-on", "thresholds", "waivers", "baseline"}


class ConfigError(Exception):
    """The configuration cannot be used (exit code 2, one line)."""


@dataclass
class Config:
    path: str | None = None
    select: tuple[str, ...] | None = None  # None: not set in the file
    ignore: tuple[str, ...] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    thresholds: dict[str, float] = field(default_factory=dict)
    waivers: str | None = None  # resolved against the config file's folder
    baseline: str | None = None


def find_config(start: Path) -> Path | None:
    """The nearest stakecheck.toml, or pyproject.toml with [tool.stakecheck], from ``start`` up."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / "stakecheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _declares_section(pyproject):
            return pyproject
    return None


def _declares_section(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "stakecheck" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        # Someone else's broken pyproject is not our business; a broken one meant for us is.
        if "[tool.stakecheck" in text:
            raise ConfigError(f"{pyproject}: not valid TOML") from None
        return False


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("stakecheck")
    if path.name == "pyproject.toml" or table is not None:
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: no [tool.stakecheck] table")
    else:
        table = data  # stakecheck.toml: the keys sit at the top level
    return parse_table(table, path)


def parse_table(table: dict, path: Path) -> Config:
    cfg = Config(path=str(path))
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        where = f"{path}: {raw_key}"
        if key in ("select", "ignore"):
            setattr(cfg, key, selectors(_str_list(value, where), where))
        elif key == "severity":
            cfg.severity = severity_table(value, where)
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where} must be one of {', '.join(FAIL_ON)}, not {value!r}")
            cfg.fail_on = value
        elif key == "thresholds":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of name = percent")
            for name, v in value.items():
                cfg.thresholds[name] = _percent(v, f"{where}.{name}")
        elif key in ("waivers", "baseline"):
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where} must be a file path")
            setattr(cfg, key, str((path.parent / value)))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            cfg.thresholds[raw_key] = _percent(value, where)
        else:
            raise ConfigError(f"{where}: unknown option (known: {', '.join(sorted(KNOWN))})")
    return cfg


def selectors(values, where: str) -> tuple[str, ...]:
    """Rule codes or prefixes, upper-cased; comma-separated strings are split."""
    out = []
    for v in values:
        for part in str(v).split(","):
            part = part.strip().upper()
            if not part:
                continue
            if not SELECTOR_RE.match(part):
                raise ConfigError(f"{where}: {part!r} is not a rule code or prefix (like THR001 or THR)")
            out.append(part)
    return tuple(out)


def _str_list(value, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes or prefixes")
    return value


def severity_table(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of CODE = \"error|warning|info\"")
    out = {}
    for code, sev in value.items():
        c = str(code).strip().upper()
        if not CODE_RE.match(c):
            raise ConfigError(f"{where}: {code!r} is not a rule code (like THR001)")
        if sev not in SEVERITIES:
            raise ConfigError(f"{where}.{code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        out[c] = sev
    return out


def _percent(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
        raise ConfigError(f"{where} must be a percent between 0 and 100, not {value!r}")
    return float(value)


# --- the effective settings of one run: the file's values, then the command line's -----------

@dataclass
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    thresholds: dict[str, float] = field(default_factory=dict)
    waivers: str | None = None
    baseline: str | None = None
    config_path: str | None = None

    def selected(self, code: str) -> bool:
        """Same test as checker.pipeline.rule_selected: prefixes, select first, then ignore."""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)


def resolve(cfg: Config | None, *, select=(), ignore=(), severity=(), fail_on=None,
            waivers=None, baseline=None, default_fail_on="error") -> Settings:
    """Merge: an option given on the command line replaces the file's value for that option;
    per-rule severities merge, the command line's winning for the same code."""
    cfg = cfg or Config()
    sev = dict(cfg.severity)
    pairs = {}
    for item in severity:
        code, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"--severity {item!r}: expected CODE=error|warning|info")
        pairs[code.strip()] = level.strip()
    sev.update(severity_table(pairs, "--severity"))
    return Settings(
        select=selectors(select, "--select") if select else (cfg.select or ()),
        ignore=selectors(ignore, "--ignore") if ignore else (cfg.ignore or ()),
        severity=sev, fail_on=fail_on or cfg.fail_on or default_fail_on,
        thresholds=dict(cfg.thresholds), waivers=waivers or cfg.waivers,
        baseline=baseline or cfg.baseline, config_path=cfg.path)
