"""Reading inputs: files, folders (walked recursively, sorted), and stdin.

A reader yields :class:`Page` objects and never raises for one bad file: a page
that cannot be read is yielded with ``error`` set, so the batch goes on and the
failure is reported with the file's name.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Default cap on one page's size; a news page dump is a few hundred kB at most.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Share of control bytes above which a file is binary, not text.
BINARY_CONTROL_SHARE = 0.05


class PageError(Exception):
    """A page that cannot be cleaned; the message says why (the caller adds the file)."""


@dataclass
class Page:
    source: str                 # path as given, or "<stdin>"
    data: bytes | None = None
    url: str | None = None
    kind: str = "text"          # "text" or "html" ("jsonl": one raw JSONL line, see sources.py)
    error: str | None = None
    line: int | None = None             # line number in a JSONL input
    warc_record_id: str | None = None   # WARC-Record-ID in a WARC input


def kind_of(name: str, data: bytes | None = None) -> str:
    low = name.lower()
    if low.endswith(HTML_SUFFIXES):
        return "html"
    if low.endswith(TEXT_SUFFIXES):
        return "text"
    head = (data or b"")[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def iter_files(paths: list[str], accept=None) -> list[tuple[str, str | None]]:
    """(path, error) for every input file, folders expanded in sorted order; a folder's
    files are those ``accept(name)`` says yes to (default: page suffixes)."""
    accept = accept or (lambda f: f.lower().endswith(SUFFIXES) and not f.startswith("."))
    out: list[tuple[str, str | None]] = []
    for p in paths:
        if p == "-":
            out.append(("-", None))
        elif os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if accept(f):
                        found.append(os.path.join(root, f))
            out.extend((f, None) for f in found)
        elif os.path.exists(p):
            out.append((p, None))
        else:
            out.append((p, "no such file or folder"))
    return out


def read_page(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                return Page(source, error=f"page is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
            data = Path(path).read_bytes()
        except OSError as exc:
            return Page(source, error=f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Page(source, error=f"page is over the limit of {max_bytes} bytes (--max-bytes)")
    return Page(source, data=data, kind=kind_of(source, data))


def iter_pages(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES):
    for path, error in iter_files(paths):
        yield Page(path, error=error) if error else read_page(path, max_bytes)


def check_bytes(data: bytes) -> None:
    """Raise PageError for an empty page or binary content (UTF-16 with a BOM is text)."""
    if not data.strip():
        raise PageError("empty page")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    sample = data[:65536]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if controls / len(sample) > BINARY_CONTROL_SHARE:
        raise PageError("not a text file (binary content)")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding). UTF-8 (with or without BOM) and UTF-16 with a BOM
    are taken as they are; anything else is detected with charset-normalizer."""
    check_bytes(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise PageError("not a text file (no text encoding fits)")
    return str(best), best.encoding
