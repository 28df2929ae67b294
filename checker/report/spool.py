"""Pieces for writing whole documents without holding them: JSON lists written one item at a
time with exactly the bytes ``json.dumps(doc, indent=2)`` gives, and temporary spools that
keep per-file material on disk until the end of a run (issue 10 §6)."""
from __future__ import annotations

import json
import pickle
import secrets
import tempfile

# A placeholder for a list written piecewise: no filing text can contain it (random per run).
_MARK = "\x00list-" + secrets.token_hex(8)


def mark() -> str:
    return _MARK


def split_document(doc, **dump_options) -> list[str]:
    """``doc`` dumped with indent=2, cut at each ``mark()`` placeholder: the text around the lists."""
    return json.dumps(doc, indent=2, **dump_options).split(json.dumps(_MARK, **dump_options))


class JsonList:
    """A JSON list at nesting ``level`` of an indent=2 document, written one item at a time."""

    def __init__(self, write, level: int, **dump_options):
        self.write, self.n, self.options = write, 0, dump_options
        self.pad, self.close_pad = "\n" + "  " * (level + 1), "\n" + "  " * level

    def item(self, obj) -> None:
        text = json.dumps(obj, indent=2, **self.options).replace("\n", self.pad)  # strings hold no raw LF
        self.write(("[" if self.n == 0 else ",") + self.pad + text)
        self.n += 1

    def end(self) -> None:
        self.write("[]" if self.n == 0 else self.close_pad + "]")


class TextSpool:
    """Text kept in an anonymous temporary file (gone with the process, even when it is killed)."""

    def __init__(self):
        self.fh = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass", newline="\n")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def lines(self):
        self.fh.seek(0)
        yield from self.fh

    def copy_to(self, write, size: int = 1 << 20) -> None:
        self.fh.seek(0)
        while chunk := self.fh.read(size):
            write(chunk)


class ObjectSpool:
    """Python objects (our own results, never untrusted input) pickled to a temporary file and
    read back one at a time, as often as needed."""

    def __init__(self):
        self.fh = tempfile.TemporaryFile("w+b")
        self.count = 0

    def add(self, obj) -> None:
        pickle.dump(obj, self.fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        self.fh.flush()
        self.fh.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.fh)  # noqa: S301 (written by this process above)
        self.fh.seek(0, 2)
