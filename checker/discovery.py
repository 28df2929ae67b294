"""Which files a run checks: the paths the user named, and the filings found in folders.

Like the linters users know (ruff, git): a folder is walked honouring ``.gitignore`` files and
the ``exclude`` / ``extend-exclude`` globs of the configuration (gitignore syntax, matched by
``pathspec``), hidden files and folders are passed over, and a file found in a folder is
checked only when its first bytes look like a 13D/13G filing. A ``LICENSE`` or a ``Makefile``
next to the drafts is skipped, not failed. A file named on the command line is always checked.

Whatever cannot be walked (an unreadable folder, a dangling link, a link loop) is reported,
never passed over in silence: a gate that quietly skips a folder passes what it never saw.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

# Suffixes a filing is saved under; anything else in a folder (.json, .md, .py...) is not one.
FILING_SUFFIXES = {".txt", ".htm", ".html", ".xml", ".sgml", ".nc", ""}
DEFAULT_EXCLUDE = (".git/", ".hg/", ".svn/", ".venv/", "venv/", "node_modules/", "__pycache__/",
                   "build/", "dist/", "*.egg-info/")
SNIFF_BYTES = 64 * 1024
# What the first bytes of a filing hold: an EDGAR header, a 13D/13G title, or the XML namespace.
# Tags and entities may sit between the words of an HTML title ("SCHEDULE&nbsp;13D").
_GAP = r"(?:\s|&nbsp;|&#160;|&#xa0;|<[^>]{0,200}>)*"
_FILING_HINT = re.compile(
    r"<SEC-HEADER>|<SEC-DOCUMENT>|<IMS-HEADER>|ACCESSION NUMBER:|^<DOCUMENT>"
    r"|http://www\.sec\.gov/edgar/schedule13[dg]"
    r"|\bSC" + _GAP + r"13[DG]\b"
    r"|SCHEDULE" + _GAP + r"13" + _GAP + r"-?" + _GAP + r"[DG]\b",
    re.I | re.M)


@dataclass
class Selection:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, why): --verbose lists them
    problems: list[tuple[Path, str]] = field(default_factory=list)  # could not be walked: the gate counts them


def looks_like_filing(path: Path) -> bool:
    """True when the file's first bytes hold an EDGAR header, a 13D/13G title or the XML namespace."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return True  # let the pipeline report why it cannot be read
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:200:2].count(0) > 50:
        text = head.decode("utf-16", errors="replace") if head[:2] in (b"\xff\xfe", b"\xfe\xff") \
            else head.decode("utf-16-le" if head[1] == 0 else "utf-16-be", errors="replace")
    else:
        text = head.decode("latin-1")
    return bool(_FILING_HINT.search(text))


def exclude_spec(exclude: tuple[str, ...] | None, extend: tuple[str, ...] = ()) -> pathspec.GitIgnoreSpec:
    patterns = list(DEFAULT_EXCLUDE if exclude is None else exclude) + list(extend)
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def select_files(paths: list[str], exclude: tuple[str, ...] | None = None, extend_exclude: tuple[str, ...] = (),
                 root: str | None = None, never: set[Path] = frozenset()) -> Selection:
    """The files to check under ``paths``, in a stable order. ``never`` holds the run's own
    waiver, baseline and config files: they are inputs, not filings."""
    sel = Selection()
    spec = exclude_spec(exclude, extend_exclude)
    base = Path(root or os.getcwd()).resolve()
    never_resolved = {p.resolve() for p in never}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            _walk(p, p, spec, base, [], found, sel, set())
            for f in sorted(found):
                if f.resolve() in never_resolved:
                    sel.skipped.append((f, "a waiver, baseline or configuration file of this run"))
                elif not looks_like_filing(f):
                    sel.skipped.append((f, "does not look like a 13D/13G filing"))
                else:
                    sel.files.append(f)
        else:
            sel.files.append(p)  # named explicitly: always checked
    return sel


def _excluded(path: Path, is_dir: bool, spec: pathspec.PathSpec, base: Path, top: Path) -> bool:
    """An exclude glob matches the path relative to the project root (else to the walked folder)."""
    resolved = path.absolute()
    for anchor in (base, top.absolute()):
        try:
            rel = resolved.relative_to(anchor).as_posix()
        except ValueError:
            continue
        if spec.match_file(rel + ("/" if is_dir else "")):
            return True
    return False


def _walk(folder: Path, top: Path, spec, base: Path, ignores: list, found: list[Path], sel: Selection,
          seen: set) -> None:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:
            sel.problems.append((folder, "symbolic link loop: this folder is already being walked"))
            return
        seen = seen | {key}
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        sel.problems.append((folder, f"cannot read folder: {exc.strerror or exc}"))
        return
    ignores = ignores + _gitignore(folder, sel)
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .venv, editor backups) are not filings
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:
            sel.problems.append((path, f"cannot read: {exc.strerror or exc}"))
            continue
        if entry.is_symlink() and not (is_dir or is_file):
            if not os.path.exists(entry.path):
                sel.problems.append((path, "dangling symbolic link"))
            continue
        if _excluded(path, is_dir, spec, base, top) or _ignored(path, is_dir, ignores):
            continue
        if is_dir:
            _walk(path, top, spec, base, ignores, found, sel, seen)
        elif is_file and path.suffix.lower() in FILING_SUFFIXES:
            found.append(path)


def _gitignore(folder: Path, sel: Selection) -> list:
    """The folder's .gitignore, as (folder, spec); its patterns are relative to that folder."""
    gi = folder / ".gitignore"
    if not gi.is_file():
        return []
    try:
        lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        sel.problems.append((gi, f"cannot read: {exc.strerror or exc}"))
        return []
    return [(folder.absolute(), pathspec.GitIgnoreSpec.from_lines(lines))]


def _ignored(path: Path, is_dir: bool, ignores: list) -> bool:
    for folder, spec in ignores:
        rel = path.absolute().relative_to(folder).as_posix()
        if spec.match_file(rel + ("/" if is_dir else "")):
            return True
    return False


def expand_paths(paths: list[str]) -> list[Path]:
    """Files as given; the filings found in folders (the default excludes), in a stable order."""
    return select_files(paths).files
