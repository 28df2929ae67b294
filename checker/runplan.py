"""One run's plan: which configuration applies to each file, which files a run checks, grouped
by their effective settings, and every rule code, firm rule file and waiver checked against the
catalogue before anything is checked (a typo must stop the run, never silently select nothing).
"""
from __future__ import annotations

from pathlib import Path

import click


class ConfigResolver:
    """The configuration of each checked file: --config for all, none with --no-config, else the
    nearest file upward from the file (cached per folder), so the result never depends on which
    path came first. Standard input takes the configuration of --stdin-filename, else of the
    working directory."""

    def __init__(self, config_file, no_config, stdin_filename=None):
        from checker.config import load_config
        self.fixed = load_config(Path(config_file)) if config_file else None
        self.off = no_config and not config_file
        self.stdin_filename = stdin_filename
        self._by_path: dict = {}
        self._by_folder: dict = {}

    def for_path(self, path: str):
        from checker.config import find_config, load_config
        if self.fixed is not None or self.off:
            return self.fixed
        p = Path(self.stdin_filename or ".") if path == "-" else Path(path)
        folder = (p if p.is_dir() else p.parent).resolve()
        if folder not in self._by_folder:
            found = find_config(folder)
            if found is not None and found not in self._by_path:
                self._by_path[found] = load_config(found)
            self._by_folder[folder] = self._by_path.get(found) if found else None
        return self._by_folder[folder]


def plan(paths: list[str], configs: ConfigResolver, overrides: dict, extend_exclude=(), verbose=False):
    """The files to check, grouped by their effective settings (one group in the usual case),
    and the paths that could not be walked."""
    from checker.config import resolve
    from checker.discovery import select_files

    by_cfg: dict = {}
    problems: list = []
    settings_of: dict = {}

    def settings_for(cfg):
        key = cfg.path if cfg else None
        if key not in settings_of:
            s = resolve(cfg, **overrides)
            validate_codes(s)
            settings_of[key] = s
        return settings_of[key]

    for raw in paths:
        if raw == "-":
            by_cfg.setdefault(_key(configs.for_path("-")), (configs.for_path("-"), []))[1].append(Path("-"))
            continue
        top = settings_for(configs.for_path(raw))
        never = {Path(x) for x in (top.waivers, top.baseline, top.config_path) if x}
        sel = select_files([raw], exclude=top.exclude, extend_exclude=top.extend_exclude + tuple(extend_exclude),
                           root=top.root, never=never)
        problems.extend(sel.problems)
        if verbose:
            for path, why in sel.skipped:
                click.echo(f"stakecheck: skipped {path}: {why}", err=True)
        for f in sel.files:
            cfg = configs.for_path(str(f))
            by_cfg.setdefault(_key(cfg), (cfg, []))[1].append(f)
    groups = []
    for key in sorted(by_cfg, key=lambda k: k or ""):
        cfg, files = by_cfg[key]
        groups.append((settings_for(cfg), list(dict.fromkeys(files))))
    return groups, problems


def _key(cfg):
    return cfg.path if cfg else None


def validate_codes(settings) -> None:
    """Every code in the settings exists in the catalogue (with the firm's rule files)."""
    from checker.config import check_codes
    catalogue = load_rules(settings.rules)
    check_codes(settings, {r.code for r in catalogue}, {r.name for r in catalogue})


def load_rules(extra: tuple[str, ...]):
    """The catalogue with the firm's rule files; a broken or missing one is a ConfigError (exit 2)
    here, before any file is checked (inside the pipeline it would be one file's internal error)."""
    from checker.config import ConfigError
    from checker.rulebook import load_catalogue
    for path in extra:
        if not Path(path).exists():
            raise ConfigError(f"rules: {path}: no such file or folder")
    try:
        return load_catalogue(tuple(extra))
    except (ValueError, OSError, RecursionError) as exc:  # CatalogueError is a ValueError
        raise ConfigError(f"rules: {' '.join(str(exc).split())}") from None


def gate_inputs(settings):
    """The settings' waiver set and baseline, loaded and checked against the catalogue."""
    from checker.baseline import load_baseline
    from checker.config import check_rule_ref
    from checker.waivers import load_waivers

    wset = load_waivers(settings.waivers) if settings.waivers else None
    if wset is not None:
        catalogue = load_rules(settings.rules)
        codes, names = {r.code for r in catalogue}, {r.name for r in catalogue}
        for n, w in enumerate(wset.waivers, start=1):
            at = f" (line {w.line})" if w.line else ""
            check_rule_ref(w.rule, codes, names, f"{wset.path}: waiver {n}{at}: rule")
    known = load_baseline(settings.baseline) if settings.baseline else None
    return wset, known
