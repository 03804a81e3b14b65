"""Page files: one page per file, folders walked recursively in sorted order, and stdin.

A reader never raises for one bad file: a page that cannot be read comes back with
``error`` set, so the batch goes on and the failure is reported with the file's name.
JSONL, WARC and compressed inputs are read by :mod:`cleaner.io.sources`, on top of this.
"""
from __future__ import annotations

import os
import stat
import sys

from ..model.page import DEFAULT_MAX_BYTES, Page

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


def kind_of(name: str, data: bytes | None = None) -> str:
    """"html" or "text": by the file name's suffix, else by how the bytes open."""
    low = name.lower()
    if low.endswith(HTML_SUFFIXES):
        return "html"
    if low.endswith(TEXT_SUFFIXES):
        return "text"
    head = (data or b"")[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def iter_files(paths: list[str], accept=None) -> list[tuple[str, str | None]]:
    """(path, error) for every input file, folders expanded in sorted order; a folder's
    files are those ``accept(name)`` says yes to (default: page suffixes). A folder's
    named pipes, sockets and devices are listed with an error, never opened (a FIFO
    would block the run); a path named explicitly is read whatever it is (``-``, a FIFO:
    a stream)."""
    accept = accept or (lambda f: f.lower().endswith(SUFFIXES) and not f.startswith("."))
    out: list[tuple[str, str | None]] = []
    for p in paths:
        if p == "-":
            out.append(("-", None))
        elif os.path.isdir(p):
            _walk(p, accept, out)
        elif os.path.exists(p):
            out.append((p, None))
        else:
            out.append((p, "no such file or folder"))
    return out


def _walk(folder: str, accept, out: list) -> None:
    """A folder's files (sorted), then its subfolders' (sorted, recursively), as
    os.walk lists them."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    subdirs = []
    for e in entries:
        try:
            if e.is_dir():          # a link to a folder is not followed (nor read as a file)
                if not e.is_symlink():
                    subdirs.append(e.path)
                continue
        except OSError:
            pass
        if accept(e.name):
            out.append((e.path, None if _regular(e) else f"not a regular file ({_file_kind(e)}); skipped"))
    for d in subdirs:
        _walk(d, accept, out)


def _regular(entry: os.DirEntry) -> bool:
    try:
        # d_type from the folder listing: no stat, but for a symbolic link (its target's type)
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:
        return True             # reading it says what is wrong


def _file_kind(entry: os.DirEntry) -> str:
    try:
        mode = entry.stat().st_mode
    except OSError:
        return "unreadable"
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


def read_upto(fh, limit: int, expected: int = 0) -> bytes:
    """At most ``limit`` bytes of ``fh``; a buffer of ``expected`` bytes (the file's
    size; 1 MB at least) first, not of ``limit`` (read(n) allocates n: a --max-bytes
    of 10 GB would ask for 10 GB on every page)."""
    first = min(limit, max(expected + 1, 1 << 20))
    data = fh.read(first)
    if len(data) < first:
        return data
    parts = [data]
    got = len(data)
    while got < limit:
        more = fh.read(min(limit - got, 1 << 20))
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def read_page(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """One page file (``-``: stdin), at most ``max_bytes`` of it; the error set when it cannot be read."""
    if path == "-":
        data = read_upto(sys.stdin.buffer, max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                return Page(source, error=f"page is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
            # Read at most one byte past the limit: a device or a file that grows
            # (/dev/zero, a log being written) reports a small size and never ends.
            with open(path, "rb") as fh:
                data = read_upto(fh, max_bytes + 1, size)
        except OSError as exc:
            return Page(source, error=f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Page(source, error=f"page is over the limit of {max_bytes} bytes (--max-bytes)")
    return Page(source, data=data, kind=kind_of(source, data))
