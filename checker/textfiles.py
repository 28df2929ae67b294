"""Reading a settings file a person wrote (configuration, waivers): UTF-8 and size-limited.

Another encoding is refused with a message naming the file, never guessed or silently skipped
(a configuration in latin-1 that was ignored would switch the gate off without a word).
"""
from __future__ import annotations

from pathlib import Path


def decode_utf8(raw: bytes, path: Path, what: str, error: type[Exception], max_bytes: int) -> str:
    """``raw`` as text, or ``error`` with a one-line reason ('not UTF-8 text (byte 12); save ...')."""
    if len(raw) > max_bytes:
        raise error(f"{path}: larger than {max_bytes // 1024} KB; not {what}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise error(f"{path}: UTF-16 text; save it as UTF-8")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
