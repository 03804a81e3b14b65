"""Our own JSONL records, read back (``cleaner dedup``) and written atomically: plain,
``.gz`` or ``.zst`` by the file name, as every other input and output; ``-`` is
stdin/stdout."""
from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator

from .sinks import open_output
from .sources import open_binary


class ReadError(Exception):
    """An input that cannot be opened at all; the message names it."""


def _open_text(path: str):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    return io.TextIOWrapper(open_binary(path), encoding="utf-8", errors="replace")


def read_records(paths: list[str], errors: list[str]) -> Iterator[dict]:
    """Yield the records (dicts) of JSONL files in order; a line that is not a
    record is reported in ``errors`` as ``file:line: reason`` and skipped."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            f = _open_text(path)
        except OSError as exc:
            raise ReadError(f"cannot read {name}: {exc.strerror or exc}") from None
        n = 0
        with f:
            try:
                for n, line in enumerate(f, 1):  # noqa: B007 - n names the line of a read error
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        errors.append(f"{name}:{n}: not JSON ({exc.msg})")
                        continue
                    problem = not_a_record(rec)
                    if problem:
                        errors.append(f"{name}:{n}: {problem}")
                        continue
                    yield rec
            except Exception as exc:  # noqa: BLE001 - OSError, EOFError, BadGzipFile, ZstdError: report, go on
                errors.append(f"{name}: read error after line {n}: {exc}")


def not_a_record(rec) -> str | None:
    """Why a parsed line is not one of our records, or None when it is."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    if not isinstance(rec.get("text"), str):
        return "no \"text\" string"
    if rec.get("id") is None:
        return "no \"id\""
    if not isinstance(rec.get("metadata", {}), dict):
        return "\"metadata\" is not an object"
    return None


class _Text:
    """Text in, UTF-8 bytes out to an :class:`~cleaner.io.sinks.Output`."""

    def __init__(self, out):
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))


@contextlib.contextmanager
def atomic_output(path: str):
    """The output stream, through the main command's sink (io/sinks.py): ``-`` is stdout;
    ``.gz``/``.zst`` compress; a file is written as ``.NAME.partial`` beside the target
    (mode 0666 less the umask, as the main command's) and renamed only when the block
    succeeds, so an interrupted or failed run leaves no half-written output."""
    out = open_output(path, {"command": "dedup"})
    try:
        yield _Text(out)
        out.commit()
    finally:
        out.close()
