"""Corpus inputs: page files, folders, JSONL and WARC, plain or compressed by extension.

Every input is streamed: :func:`iter_pages` yields one :class:`Page` at a time and
never holds a whole file of pages. A page keeps where it came from (the file, plus
the line number in a JSONL or the WARC-Record-ID in a WARC), and a page that cannot
be read is yielded with ``error`` set, so the run goes on and the failure names it.

    page files  .txt .text .html .htm .xhtml      one page per file
    JSONL       .jsonl .ndjson                     one page per line (fields: :class:`Fields`)
    WARC        .warc                              response records with HTML (or plain text)
    compressed  any of these + .gz or .zst         decompressed as a stream

JSONL lines are handed on raw (``kind="jsonl"``) and parsed by :func:`parse_jsonl`
in the worker that cleans them, so the reading process stays light.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..model.page import DEFAULT_MAX_BYTES, Page, PageError
from ..text.normalise import printable_path
from .pages import SUFFIXES as PAGE_SUFFIXES
from .pages import iter_files, kind_of, read_page
from .warc import HTTP_ROOM, Frame, NotWarc, frames, parsed

COMPRESSION = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
# A WARC record's HTTP Content-Type that holds a page; other records are skipped.
WARC_PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Fields:
    """Which JSONL fields hold the page: HTML if present, else text; the URL is optional."""
    text: str = "text"
    html: str = "html"
    url: str = "url"


def split_name(path: str) -> tuple[str, str | None]:
    """("name.jsonl", "gzip") for "name.jsonl.gz": the name under the compression suffix."""
    low = path.lower()
    for suffix, method in COMPRESSION.items():
        if low.endswith(suffix):
            return low[: -len(suffix)], method
    return low, None


def format_of(path: str) -> str:
    """"jsonl", "warc" or "page" (one page per file), from the file name."""
    name, _ = split_name(path)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "page"


def is_input_name(name: str) -> bool:
    """Files a folder walk picks up (explicitly named files are always read)."""
    base, _ = split_name(name)
    return not name.startswith(".") and base.endswith(PAGE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)


def find_inputs(paths: list[str], exclude: Iterable[str] = ()) -> list[tuple[str, str | None]]:
    """(path, error) for every input file, folders walked recursively in sorted order;
    the files ``exclude`` names (a run's own outputs), by name or identity, left out."""
    found = iter_files(paths, accept=is_input_name)
    excluded = _Excluded(exclude)
    return [f for f in found if f[0] not in excluded] if excluded else found


class _Excluded:
    """Files a run writes: the same path (symbolic links resolved) or the same file (a
    hard link, or the path under another name)."""

    def __init__(self, paths: Iterable[str]):
        self.real, self.ids = set(), set()
        for p in paths:
            if not p or p == "-":
                continue
            self.real.add(os.path.realpath(p))
            try:
                st = os.stat(p)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                self.ids.add((st.st_dev, st.st_ino))
        self.names = {os.path.basename(r) for r in self.real}

    def __bool__(self) -> bool:
        return bool(self.real)

    def __contains__(self, path: str) -> bool:
        if path == "-":
            return False
        # realpath costs a stat per folder of the path: only for a file of the same name
        if os.path.basename(path) in self.names and os.path.realpath(path) in self.real:
            return True
        if not self.ids:
            return False
        try:
            st = os.stat(path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self.ids


def open_binary(path: str) -> io.BufferedIOBase:
    """The file's bytes, decompressed as a stream when its name says so."""
    _, method = split_name(path)
    if method == "gzip":
        return gzip.open(path, "rb")
    if method == "zstd":
        import zstandard
        raw = open(path, "rb")
        try:
            reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        except Exception:
            raw.close()
            raise
        return io.BufferedReader(reader, READ_CHUNK)
    return open(path, "rb", buffering=READ_CHUNK)


def read_error(exc: BaseException) -> str:
    """"cannot read: ..." for an exception raised while reading a file."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"cannot read: {type(exc).__name__}: {exc}" if str(exc) else f"cannot read: {type(exc).__name__}"


def count_pages(paths: list[str], files: list[tuple[str, str | None]] | None = None) -> int | None:
    """The number of pages, when that is cheap to know (page files and folders of
    them); None when a JSONL or WARC input holds an unknown number. ``files``: the
    inputs as :func:`find_inputs` listed them, for a caller that did."""
    total = 0
    for path, error in find_inputs(paths) if files is None else files:
        if not error and format_of(path) != "page":
            return None
        total += 1
    return total


def iter_pages(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, *, skip: int = 0, url: str | None = None,
               stats: dict | None = None, files: list[tuple[str, str | None]] | None = None) -> Iterator[Page]:
    """Every page of the inputs, in order. ``skip`` passes over the first pages
    without reading page files (``--resume``); ``url`` is given to one-page inputs;
    ``stats["skipped_records"]`` counts WARC records that hold no page; ``files``: the
    inputs as :func:`find_inputs` listed them, for a caller that did (the run: its own
    output files left out)."""
    stats = {} if stats is None else stats
    stats.setdefault("skipped_records", 0)
    if files is None:
        files = find_inputs(paths)
    for path, error in files:
        if error or format_of(path) == "page" or path == "-":
            if skip:
                skip -= 1
                continue
            page = Page(path, error=error) if error else read_one(path, max_bytes)
            if url and not page.error:
                page.url = url
            yield page
            continue
        pages = jsonl_lines(path, max_bytes) if format_of(path) == "jsonl" else warc_pages(path, max_bytes, stats)
        for page in pages:
            if skip:
                skip -= 1
                continue
            yield page


def read_one(path: str, max_bytes: int) -> Page:
    """One page file, decompressing .gz/.zst with the size cap applied to what comes out
    (a gzip bomb is reported, never expanded into memory)."""
    inner, method = split_name(path)
    if method is None or path == "-":
        return read_page(path, max_bytes)
    try:
        with open_binary(path) as f:
            data = f.read(max_bytes + 1)
    except Exception as exc:  # noqa: BLE001 - OSError, EOFError, zstandard.ZstdError...: a bad file
        return Page(path, error=read_error(exc))
    if len(data) > max_bytes:
        return Page(path, error=f"page is over the limit of {max_bytes} bytes once decompressed (--max-bytes)")
    return Page(path, data=data, kind=kind_of(inner, data))


def jsonl_lines(path: str, max_bytes: int, stream: BinaryIO | None = None) -> Iterator[Page]:
    """One raw page per non-blank line (parsed later by :func:`parse_jsonl`). A line
    over the size cap is reported and passed over without being held in memory.
    ``stream``: read it (and leave it open) instead of opening ``path``."""
    lineno = 0
    try:
        with (contextlib.nullcontext(stream) if stream is not None else open_binary(path)) as f:
            while True:
                raw = f.readline(max_bytes + 1)
                if not raw:
                    return
                lineno += 1
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    while raw and not raw.endswith(b"\n"):   # the rest of the line, chunk by chunk
                        raw = f.readline(READ_CHUNK)
                    yield Page(path, line=lineno, kind="jsonl",
                               error=f"line is over the limit of {max_bytes} bytes (--max-bytes)")
                    continue
                if raw.strip():
                    yield Page(path, data=raw, line=lineno, kind="jsonl")
    except Exception as exc:  # noqa: BLE001 - a truncated or corrupt file: report it, go on with the next
        yield Page(path, line=lineno + 1, kind="jsonl", error=read_error(exc))


def page_of(page: Page, fields: Fields | None = None) -> Page:
    """The page as the stages read it: a raw JSONL line (``kind == "jsonl"``) parsed with
    ``fields`` (:func:`parse_jsonl`), any other page (or one already in error) as it is."""
    if page.kind == "jsonl" and not page.error:
        return parse_jsonl(page, fields or Fields())
    return page


def parse_jsonl(page: Page, fields: Fields) -> Page:
    """A raw JSONL line -> the page it holds (HTML when the html field is set, else text).
    Raises PageError with a one-line reason for a line that holds no page."""
    try:
        obj = json.loads(page.data.rstrip(b"\r\n"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PageError(f"not valid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise PageError(f"a JSON {type(obj).__name__}, not an object")
    url = obj.get(fields.url)
    if url is not None and not isinstance(url, str):
        raise PageError(f"field {fields.url!r} is not a string")
    for name, kind in ((fields.html, "html"), (fields.text, "text")):
        value = obj.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise PageError(f"field {name!r} is not a string")
        # "replace": a lone surrogate escaped in the JSON has no UTF-8 form.
        return Page(page.source, data=value.encode("utf-8", "replace"), url=url or None, kind=kind,
                    line=page.line)
    raise PageError(f"no {fields.html!r} or {fields.text!r} field with a page")


WARC_READER_ENV = "CLEANER_WARC_READER"     # "warcio" forces the pure-Python reader


def warc_reader() -> str:
    """"fastwarc" where it imports and CLEANER_WARC_READER does not say "warcio"; else "warcio"."""
    if os.environ.get(WARC_READER_ENV, "").strip().lower() == "warcio":
        return "warcio"
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        return "warcio"
    return "fastwarc"


def warc_pages(path: str, max_bytes: int, stats: dict) -> Iterator[Page]:
    """Response records that hold a page; the target URI becomes the page's URL. Every
    record is read or reported: io/warc.py frames each one (its Content-Length checked)
    before its HTTP part is parsed, and a broken one is one failed page, never the rest
    of the file lost or swallowed.

    Each good record's HTTP part is parsed by FastWARC (compiled, the resiliparse
    project's) where it is installed, by warcio (pure Python) where it is not or when
    CLEANER_WARC_READER=warcio; both give the same pages, provenance and skip counts
    (tests/test_sources.py) and decode chunked and gzip-encoded HTTP bodies. The framing
    (io/warc.py) is the same for both: a wrong Content-Length costs only its record."""
    record_id, read_page = None, _fastwarc_page if warc_reader() == "fastwarc" else _warc_page
    try:
        with _warc_stream(path) as f:
            for frame in frames(f, max_bytes + HTTP_ROOM):
                if frame.error:
                    where = "" if frame.record_id else f" after record {record_id}" if record_id else ""
                    yield Page(path, url=frame.url, warc_record_id=frame.record_id,
                               error=f"broken WARC record{where}: {frame.error}")
                    record_id = frame.record_id or record_id
                    continue
                record_id = frame.record_id
                try:
                    page = read_page(path, frame, max_bytes) if frame.type == "response" else None
                except Exception as exc:  # noqa: BLE001 - a corrupt gzip/brotli/chunked body: this record only
                    page = Page(path, url=frame.url, warc_record_id=frame.record_id,
                                error=f"broken WARC record: {read_error(exc)}")
                if page is None:
                    stats["skipped_records"] += 1
                    continue
                yield page
    except NotWarc as exc:
        yield Page(path, error=f"cannot read: not a WARC file (its first line: {exc})")
    except Exception as exc:  # noqa: BLE001 - a corrupt gzip or zstd stream...: report the file, go on
        where = f" after record {record_id}" if record_id else ""
        yield Page(path, error=f"{read_error(exc)}{where}")


def _fastwarc_page(path: str, frame: Frame, max_bytes: int) -> Page | None:
    """:func:`_warc_page`, the record's HTTP part parsed by FastWARC."""
    from fastwarc.warc import ArchiveIterator
    rec = next(iter(ArchiveIterator(io.BytesIO(frame.as_record()), parse_http=True, auto_decode="all")), None)
    kind = _fastwarc_kind(rec) if rec is not None else None
    return None if kind is None else _record_page(path, frame, kind, rec.reader, max_bytes)


def _fastwarc_kind(rec) -> str | None:
    if rec.headers.get("WARC-Type") != "response" or not rec.is_http or rec.http_headers is None:
        return None
    if not str(rec.http_headers.status_code).startswith("2"):
        return None
    ctype = (rec.http_headers.get("Content-Type") or "text/html").split(";")[0].strip().lower()
    return WARC_PAGE_TYPES.get(ctype)


@contextlib.contextmanager
def _warc_stream(path: str) -> Iterator[io.BufferedIOBase]:
    """The WARC's bytes, decompressed: by the name (.gz, .zst), or gzip found by its
    first bytes (a .warc that is gzipped record by record)."""
    with open_binary(path) as f:
        if split_name(path)[1] is None and f.peek(2)[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=f, mode="rb") as unzipped:
                yield unzipped
        else:
            yield f


def _warc_page(path: str, frame: Frame, max_bytes: int) -> Page | None:
    """The page a response record holds; None when it holds none (not 2xx, not HTML or text)."""
    rec = parsed(frame)
    kind = _warc_kind(rec)
    return None if kind is None else _record_page(path, frame, kind, rec.content_stream(), max_bytes)


def _record_page(path: str, frame: Frame, kind: str, payload, max_bytes: int) -> Page:
    """The page of a response record whose decoded payload is the stream ``payload``
    (either reader's); over ``max_bytes`` (or a block too big to hold), its error."""
    page = Page(path, url=frame.url, kind=kind, warc_record_id=frame.record_id)
    data = payload.read(max_bytes + 1) if frame.block is not None else b""
    if frame.block is None or len(data) > max_bytes:
        page.error = f"page is over the limit of {max_bytes} bytes (--max-bytes)"
    else:
        page.data = data
    return page


def _warc_kind(rec) -> str | None:
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    status = rec.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    ctype = (rec.http_headers.get_header("Content-Type") or "text/html").split(";")[0].strip().lower()
    return WARC_PAGE_TYPES.get(ctype)


def describe(page: Page) -> str:
    """Where a page came from, for messages: file, file:line, or file and WARC record (a
    file name that is not valid UTF-8 with \\xNN escapes, as in the records)."""
    source = "<stdin>" if page.source == "-" else printable_path(page.source)
    if page.line is not None:
        return f"{source}:{page.line}"
    if page.warc_record_id:
        return f"{source} {page.warc_record_id}"
    return source
