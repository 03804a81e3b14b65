"""Our own JSONL records, read back (``cleaner dedup``, ``cleaner report``) and written
atomically: plain, ``.gz`` or ``.zst`` by the file name, as every other input and
output; ``-`` is stdin/stdout.

Reading streams line by line through :func:`.sources.jsonl_lines` (the main
command's JSONL reader): a line over the size cap is passed over without being held
in memory, and a file that breaks off (a truncated ``.gz``) ends with one bad line
naming where, never an exception.
"""
from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator

from ..model.page import DEFAULT_MAX_BYTES
from .sinks import open_output
from .sources import jsonl_lines, open_binary


class ReadError(Exception):
    """An input that cannot be opened at all; the message names it."""


def not_a_record(rec) -> str | None:
    """Why a parsed line is not one of our records, or None when it is."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    if not isinstance(rec.get("text"), str):
        return "no \"text\" string"
    if not isinstance(rec.get("metadata", {}), dict):
        return "\"metadata\" is not an object"
    if rec.get("id") is None:
        return "no \"id\""
    return None


def read_lines(path: str, check: Callable[[object], str | None] = not_a_record,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[int, object, str | None]]:
    """Each non-blank line of one JSONL file (``-``: stdin), in order, parsed:
    ``(line, value, None)``, or ``(line, None, reason)`` for a line that is not JSON,
    that ``check`` refuses (it returns the reason), that is over ``max_bytes``, or
    where the file breaks off (``cannot read: ...``, the last). Raises ReadError when
    the file cannot be opened."""
    try:
        f = contextlib.nullcontext(sys.stdin.buffer) if path == "-" else open_binary(path)
    except OSError as exc:
        raise ReadError(f"cannot read {path}: {exc.strerror or exc}") from None
    with f as stream:
        for page in jsonl_lines(path, max_bytes, stream):
            if page.error:
                yield page.line, None, page.error
                continue
            try:
                # "replace": a stray byte in a string costs that character, not the record.
                value = json.loads(page.data.decode("utf-8", "replace"))
            except json.JSONDecodeError as exc:
                yield page.line, None, f"not JSON ({exc.msg})"
                continue
            except RecursionError:
                yield page.line, None, "not JSON (nested too deeply)"
                continue
            problem = check(value)
            yield page.line, (None if problem else value), problem


def read_records(paths: list[str], errors: list[str]) -> Iterator[dict]:
    """Yield the records (dicts) of JSONL files in order; a line that is not a
    record is reported in ``errors`` as ``file:line: reason`` and skipped."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        for line, rec, problem in read_lines(path):
            if problem:
                errors.append(f"{name}:{line}: {problem}")
            else:
                yield rec


class _Text:
    """Text in, UTF-8 bytes out to an :class:`~cleaner.io.sinks.Output`."""

    def __init__(self, out):
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))


@contextlib.contextmanager
def atomic_output(path: str, command: str = "dedup"):
    """The output stream, through the main command's sink (io/sinks.py): ``-`` is stdout;
    ``.gz``/``.zst`` compress; a file is written as ``.NAME.partial`` beside the target
    (mode 0666 less the umask, as the main command's) and renamed only when the block
    succeeds, so an interrupted or failed run leaves no half-written output."""
    out = open_output(path, {"command": command})
    try:
        yield _Text(out)
        out.commit()
    finally:
        out.close()
