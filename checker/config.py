"""Project configuration: ``[tool.stakecheck]`` in pyproject.toml, or a stakecheck.toml.

Found per checked file, like ruff: the nearest ``stakecheck.toml`` or ``pyproject.toml`` with a
``[tool.stakecheck]`` table, from the file's folder upward (in one folder ``stakecheck.toml``
wins). ``--config FILE`` names one file for every path. Options given on the command line
replace the file's value for that option.

    [tool.stakecheck]
    select = ["THR", "SUM001"]          # rule codes or prefixes
    ignore = ["DEF"]
    fail-on = "warning"                  # error | warning | info | never
    waivers = "stakecheck-waivers.toml"  # relative to this file
    baseline = ".stakecheck-baseline.json"
    rules = ["house-rules.yaml"]         # firm rule files or folders, relative to this file
    docs-url = "https://example.org/stakecheck/docs/rules/"  # SARIF helpUri base
    exclude = ["drafts/old/**"]          # gitignore-style globs, replace the default excludes
    extend-exclude = ["scratch/"]        # ... or add to them

    [tool.stakecheck.severity]
    THR001 = "warning"

    [tool.stakecheck.thresholds]         # house lines, in percent of the class
    early_warning = 4.5

The file is validated by a pydantic model that forbids unknown keys: a misspelt option must
never silently switch part of the gate off. A known threshold name directly under
``[tool.stakecheck]`` (``early_warning = 4.5``) is read as a threshold too.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from checker.textfiles import decode_utf8

FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
SELECTOR_RE = re.compile(r"^[A-Z]{1,4}\d{0,3}$")
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
# The house lines the fact builders read (checker/facts/holdings.py); any other name is a typo.
THRESHOLDS = ("early_warning",)
# A configuration file is a few hundred bytes; a megabyte is not one, and is refused unread.
MAX_BYTES = 1 << 20
NAMES = ("stakecheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """The configuration cannot be used (exit code 2, one line)."""


def nearest(word: str, choices) -> str:
    """' (did you mean X?)' for the closest choice, or '' when nothing is close."""
    pool = sorted(set(choices))
    close = difflib.get_close_matches(word, pool, n=len(pool) or 1, cutoff=0.5)
    if close:
        # Of equally similar choices the first in order, so that a code added to the catalogue
        # later ('THR019') does not displace an earlier one ('THR009') as the suggestion for a
        # typo both are one character from ('THR09').
        top = difflib.SequenceMatcher(None, close[0], word).ratio()
        close = [min(c for c in close if difflib.SequenceMatcher(None, c, word).ratio() == top)]
    else:
        close = difflib.get_close_matches(word, pool, n=1, cutoff=0.0)
    if not close:
        return ""
    best = close[0]
    return f" (did you mean {best!r}?)"


# --- the file's schema -------------------------------------------------------------------------

class ConfigModel(BaseModel):
    """What a configuration table may hold. Keys are read with '-' and '_' alike."""

    model_config = ConfigDict(extra="forbid", strict=True)

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: dict[str, str] = {}
    fail_on: str | None = None
    thresholds: dict[str, float] = {}
    waivers: str | None = None
    baseline: str | None = None
    rules: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    docs_url: str | None = None  # SARIF helpUri base: where docs/rules/CODE.md is published

    @field_validator("docs_url", mode="before")
    @classmethod
    def _url(cls, v: Any) -> Any:
        if not isinstance(v, str) or not re.match(r"https?://\S+$", v):
            raise ValueError("must be an http(s) URL (where docs/rules/ is published)")
        return v

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _selectors(cls, v: Any) -> Any:
        if v is None:
            return v
        return selectors(_str_list(v, "must be a list of rule codes or prefixes"), "")

    @field_validator("rules", "exclude", "extend_exclude", mode="before")
    @classmethod
    def _paths(cls, v: Any) -> Any:
        return tuple(_str_list(v, "must be a list of paths or globs"))

    @field_validator("severity", mode="before")
    @classmethod
    def _severity(cls, v: Any) -> Any:
        return severity_table(v, "")

    @field_validator("fail_on", mode="before")
    @classmethod
    def _fail_on(cls, v: Any) -> Any:
        if v not in FAIL_ON:
            raise ValueError(f"must be one of {', '.join(FAIL_ON)}, not {v!r}")
        return v

    @field_validator("thresholds", mode="before")
    @classmethod
    def _thresholds(cls, v: Any) -> Any:
        if not isinstance(v, dict):
            raise ValueError("must be a table of name = percent")
        out = {}
        for name, value in v.items():
            if name not in THRESHOLDS:
                raise ValueError(f"unknown threshold {name!r}{nearest(name, THRESHOLDS)}; "
                                 f"known: {', '.join(THRESHOLDS)}")
            out[name] = _percent(value, name)
        return out

    @field_validator("waivers", "baseline", mode="before")
    @classmethod
    def _file(cls, v: Any) -> Any:
        if not isinstance(v, str) or not v:
            raise ValueError("must be a file path")
        return v


KNOWN = tuple(k.replace("_", "-") for k in ConfigModel.model_fields)


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
    rules: tuple[str, ...] = ()  # resolved against the config file's folder
    exclude: tuple[str, ...] | None = None  # globs relative to root
    extend_exclude: tuple[str, ...] = ()
    docs_url: str | None = None
    keys: tuple[str, ...] = ()  # the options the file set, for `stakecheck config`

    @property
    def root(self) -> str | None:
        """The project root: the config file's folder (paths and fingerprints are relative to it)."""
        return str(Path(self.path).resolve().parent) if self.path else None


# --- finding and reading the file ----------------------------------------------------------

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
        raw = pyproject.read_bytes()[:MAX_BYTES + 1]
    except OSError:
        return False
    if not _mentions_us(raw):
        return False  # someone else's pyproject, whatever state it is in, is not our business
    try:
        data = tomllib.loads(_decode(raw, pyproject))
    except ConfigError:
        raise
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        # A broken pyproject that is meant for us is our business.
        if b"[tool.stakecheck" in raw:
            raise ConfigError(f"{pyproject}: not valid TOML") from None
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "stakecheck" in tool


def _mentions_us(raw: bytes) -> bool:
    """'stakecheck' in the bytes, in UTF-8/latin-1 or UTF-16 (either byte order)."""
    word = "stakecheck"
    return any(word.encode(enc) in raw for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def _decode(raw: bytes, path: Path) -> str:
    return decode_utf8(raw, path, "a configuration file", ConfigError, MAX_BYTES)


def load_config(path: Path) -> Config:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror}") from None
    try:
        data = tomllib.loads(_decode(raw, path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of 100,000 digits
        raise ConfigError(f"{path}: not valid TOML: {str(exc).splitlines()[0]}") from None
    tool = data.get("tool")
    table = tool.get("stakecheck") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml" or table is not None:
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: no [tool.stakecheck] table")
    else:
        table = data  # stakecheck.toml: the keys sit at the top level
    return parse_table(table, path)


def parse_table(table: dict, path: Path) -> Config:
    """Validate one configuration table; the first problem is the one-line error."""
    data: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in ConfigModel.model_fields and raw_key in THRESHOLDS:
            data.setdefault("thresholds", {})[raw_key] = value  # a bare house line
            continue
        if key not in ConfigModel.model_fields:
            raise ConfigError(f"{path}: {raw_key}: unknown option{_nearest_key(raw_key)} "
                              f"(known: {', '.join(KNOWN)})")
        if key == "thresholds" and isinstance(value, dict) and isinstance(data.get("thresholds"), dict):
            value = {**data["thresholds"], **value}
        data[key] = value
    try:
        model = ConfigModel.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x).replace("_", "-") if i == 0 else str(x) for i, x in enumerate(err["loc"]))
        msg = err["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{path}: {where}: {msg}".replace("\n", " ")) from None
    folder = path.parent
    return Config(
        path=str(path), select=model.select, ignore=model.ignore, severity=model.severity,
        fail_on=model.fail_on, thresholds=model.thresholds,
        waivers=str(folder / model.waivers) if model.waivers else None,
        baseline=str(folder / model.baseline) if model.baseline else None,
        rules=tuple(str(folder / r) for r in model.rules), exclude=model.exclude,
        extend_exclude=model.extend_exclude, docs_url=model.docs_url, keys=tuple(sorted(k.replace("_", "-") for k in data)))


def _nearest_key(raw_key: str) -> str:
    """The closest option or bare threshold name, spelt as the user spells keys."""
    dashed = raw_key.replace("_", "-")
    options = nearest(dashed, KNOWN)
    lines = nearest(raw_key.replace("-", "_"), THRESHOLDS)
    score = lambda hint, word: difflib.SequenceMatcher(None, hint, word).ratio() if hint else 0
    return lines if score(lines, raw_key) > score(options, dashed) else options


def selectors(values, where: str) -> tuple[str, ...]:
    """Rule codes or prefixes, upper-cased; comma-separated strings are split."""
    out = []
    for v in values:
        for part in str(v).split(","):
            part = part.strip().upper()
            if not part:
                continue
            if not SELECTOR_RE.match(part):
                raise _problem(where, f"{part!r} is not a rule code or prefix (like THR001 or THR)")
            out.append(part)
    return tuple(out)


def _problem(where: str, message: str) -> Exception:
    """A ConfigError naming where, or a ValueError for the pydantic model to place."""
    return ConfigError(f"{where}: {message}") if where else ValueError(message)


def _str_list(value, message: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(message)
    return list(value)


def severity_table(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _problem(where, "must be a table of CODE = \"error|warning|info\"")
    out = {}
    for code, sev in value.items():
        c = str(code).strip().upper()
        if not CODE_RE.match(c):
            raise _problem(where, f"{code!r} is not a rule code (like THR001)")
        if sev not in SEVERITIES:
            raise _problem(where, f"{code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        out[c] = sev
    return out


def _percent(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
        raise ValueError(f"{name} must be a percent between 0 and 100, not {str(value)[:20]!r}")
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
    rules: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    root: str | None = None  # project root: the config's folder, else the working directory
    docs_url: str | None = None
    # Where each setting came from ("command line", the config file, "default").
    origin: dict[str, str] = field(default_factory=dict)

    def selected(self, code: str) -> bool:
        """Same test as checker.pipeline.rule_selected: prefixes, select first, then ignore."""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)


def resolve(cfg: Config | None, *, select=(), ignore=(), severity=(), fail_on=None,
            waivers=None, baseline=None, default_fail_on="error", rules=()) -> Settings:
    """Merge: an option given on the command line replaces the file's value for that option;
    per-rule severities merge, the command line's winning for the same code; firm rule files
    add up (the file's, then the command line's)."""
    cfg = cfg or Config()
    sev = dict(cfg.severity)
    sev.update(severity_table(_pairs(severity), "--severity"))
    cli = {"select": bool(select), "ignore": bool(ignore), "severity": bool(severity),
           "fail-on": bool(fail_on), "waivers": bool(waivers), "baseline": bool(baseline),
           "rules": bool(rules)}
    origin = {}
    for key in ("select", "ignore", "severity", "fail-on", "thresholds", "waivers", "baseline",
                "rules", "exclude", "extend-exclude"):
        in_file = key in cfg.keys or (key == "thresholds" and bool(cfg.thresholds))
        origin[key] = ("command line" + (f" + {cfg.path}" if in_file and key in ("severity", "rules") else "")
                       if cli.get(key) else (cfg.path if in_file else "default"))
    return Settings(
        select=selectors(select, "--select") if select else (cfg.select or ()),
        ignore=selectors(ignore, "--ignore") if ignore else (cfg.ignore or ()),
        severity=sev, fail_on=fail_on or cfg.fail_on or default_fail_on,
        thresholds=dict(cfg.thresholds), waivers=waivers or cfg.waivers,
        baseline=baseline or cfg.baseline, config_path=cfg.path,
        rules=tuple(dict.fromkeys(cfg.rules + tuple(str(Path(r)) for r in rules))),
        exclude=cfg.exclude, extend_exclude=cfg.extend_exclude,
        root=cfg.root or str(Path.cwd()), docs_url=cfg.docs_url, origin=origin)


def _pairs(severity) -> dict[str, str]:
    pairs = {}
    for item in severity:
        code, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"--severity {item!r}: expected CODE=error|warning|info")
        pairs[code.strip()] = level.strip()
    return pairs


# --- every code checked against the catalogue --------------------------------------------------

def check_codes(settings: Settings, codes: set[str], names: set[str] = frozenset()) -> None:
    """Every code or prefix the settings name must exist in the catalogue: ``--select XYZ``
    selecting nothing would switch the gate off and report success."""
    prefixes = {c[:n] for c in codes for n in range(1, len(c) + 1)}
    where = {"select": "--select" if settings.origin.get("select") == "command line" else None,
             "ignore": "--ignore" if settings.origin.get("ignore") == "command line" else None}
    for key, values in (("select", settings.select), ("ignore", settings.ignore)):
        label = where[key] or f"{settings.config_path}: {key}"
        for sel in values:
            if sel not in prefixes:
                families = {re.sub(r"\d+$", "", c) for c in codes}
                pool = families if sel.isalpha() else codes
                raise ConfigError(f"{label}: unknown rule code or prefix {sel!r}{nearest(sel, pool)}")
    for code in settings.severity:
        if code not in codes:
            raise ConfigError(f"severity: unknown rule code {code!r}{nearest(code, codes)} "
                              f"(from {settings.origin.get('severity')})")


def check_rule_ref(rule: str, codes: set[str], names: set[str], where: str) -> None:
    """A waiver's rule: a code or a kebab-case name of the catalogue."""
    if rule not in codes and rule not in names:
        raise ConfigError(f"{where}: unknown rule {rule!r}{nearest(rule, codes | names)}")
