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
import os
import sys
import tempfile
from collections.abc import Callable, Iterator

from ..model.page import DEFAULT_MAX_BYTES
from .sinks import compressor_for
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


class _Writer:
    """Text in, UTF-8 bytes out, compressed when the file name says so."""

    def __init__(self, raw, path: str):
        self.raw = raw
        make = compressor_for(path)
        self.comp = make() if make else None

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.raw.write(self.comp.compress(data) if self.comp else data)

    def finish(self) -> None:
        if self.comp:
            self.raw.write(self.comp.flush())
        self.raw.flush()


@contextlib.contextmanager
def atomic_output(path: str):
    """The output stream (``-``: stdout; ``.gz``/``.zst``: compressed; text in, UTF-8 out).
    A file is written under a temporary name beside the target and renamed only when
    the block succeeds, so an interrupted or failed run leaves no half-written output."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".cleaner-", suffix=".tmp", dir=folder)
    os.fchmod(fd, 0o644)            # mkstemp's 0600 would keep the finished file from others
    raw = os.fdopen(fd, "wb")
    try:
        out = _Writer(raw, path)
        yield out
        out.finish()
        raw.close()
        os.replace(tmp, path)
    finally:
        if not raw.closed:
            raw.close()
        if os.path.exists(tmp):
            os.unlink(tmp)
