"""The Python API: check filings from your own code, with typed results.

    from checker.api import check_path, check_bytes

    result = check_path("filings/sc13da.txt", ignore=("DEF",))
    for finding in result.findings:
        print(finding.rule_id, finding.severity, finding.line, finding.message)

Every function returns ``FileResult`` models (pydantic): the per-file entries of the
``stakecheck/v1`` JSON document, plus ``error`` when a file could not be read at all. Nothing
here raises for a bad filing; a bad argument (an unknown rule code) raises ``ValueError``.
See docs/api.md.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from checker.findings import FileResult, Finding, PersonSummary
from checker.pipeline import CheckOptions

__all__ = ["CheckOptions", "FileResult", "Finding", "PersonSummary", "check_bytes", "check_path",
           "check_paths", "options"]


def options(*, select: Iterable[str] = (), ignore: Iterable[str] = (),
            severity: Mapping[str, str] | None = None, filed: dt.date | None = None,
            as_of: dt.date | None = None, thresholds: Mapping[str, float] | None = None,
            rules: Iterable[str] = (), root: str | None = None) -> CheckOptions:
    """Validated options: every code is checked against the catalogue, as on the command line.

    ``select``/``ignore`` take rule codes or prefixes (``"THR"``, ``"SUM001"``); ``severity``
    maps a code to ``"error" | "warning" | "info"``; ``filed``/``as_of`` date a draft for the
    deadline rules; ``thresholds`` holds house lines (``{"early_warning": 4.5}``); ``rules``
    names firm rule files; ``root`` is the folder fingerprints are relative to (default: the
    working directory). Raises ``ValueError`` naming an unknown code and the nearest real one.
    """
    from checker.runplan import validate_codes
    from checker.config import ConfigError, parse_table, resolve
    table: dict[str, object] = {"select": list(select), "ignore": list(ignore),
                                "severity": dict(severity or {}), "thresholds": dict(thresholds or {})}
    try:
        cfg = parse_table({k: v for k, v in table.items() if v}, Path("options"))
        settings = resolve(cfg, rules=tuple(rules))
        validate_codes(settings)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None
    return CheckOptions(select=settings.select, ignore=settings.ignore, severity=settings.severity,
                        filed=filed, as_of=as_of, thresholds=settings.thresholds, rules=settings.rules,
                        root=root)


def check_path(path: str | Path, opts: CheckOptions | None = None, **kwargs: object) -> FileResult:
    """Check one file (text, HTML, XML or an EDGAR submission). ``opts`` or the keyword
    arguments of :func:`options`. A file that cannot be read gives a result with ``error`` set."""
    from checker.pipeline import check_file
    return check_file(path, opts or options(**kwargs))  # type: ignore[arg-type]


def check_paths(paths: Iterable[str | Path], opts: CheckOptions | None = None,
                **kwargs: object) -> list[FileResult]:
    """Check files and folders: folders are walked like the command line does (``.gitignore``,
    default excludes, only files that look like filings), in a stable order."""
    from checker.discovery import select_files
    from checker.pipeline import check_file
    chosen = opts or options(**kwargs)  # type: ignore[arg-type]
    sel = select_files([str(p) for p in paths])
    out = [check_file(p, chosen) for p in sel.files]
    out += [FileResult(path=str(p), error=f"{p}: {why}") for p, why in sel.problems]
    return out


def check_bytes(data: bytes, name: str = "-", opts: CheckOptions | None = None,
                **kwargs: object) -> FileResult:
    """Check a filing held in memory; ``name`` is the path its result and locations carry."""
    from checker import sources
    from checker.parse import parse_document
    from checker.pipeline import check_filing
    chosen = opts or options(**kwargs)  # type: ignore[arg-type]
    try:
        return check_filing(parse_document(sources.load_bytes(data, name)), chosen)
    except sources.UnreadableInput as exc:
        return FileResult(path=name, error=str(exc))
    except RecursionError:
        return FileResult(path=name, error=f"{name}: too deeply nested to read")
    except Exception as exc:  # a bug of ours: reported for this input, never raised into the host
        return FileResult(path=name, error=f"{name}: internal error ({type(exc).__name__}: {exc})")
