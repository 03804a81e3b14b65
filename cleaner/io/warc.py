"""WARC records framed before warcio parses them, so that every record is either
read or reported.

warcio trusts each record's Content-Length: one of 10^9 swallows the records after
it (and their pages are silently lost), a negative or non-numeric one ends the file
with one error (every later record lost), and it prints multi-line warnings on
stderr. Here each record's header block is read and its Content-Length checked
first: a number, and the record it frames followed by the next record's
``WARC/1.`` line (or the end of the file). A record that fails is one
:class:`Frame` with ``error`` set, and reading goes on at the next ``WARC/1.`` line
after it; a good record's bytes go to warcio alone, which decodes its HTTP headers,
chunked and gzip-encoded bodies as before.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

MAGIC = b"WARC/1."
# A record's WARC header block (real ones: under 2 kB); room for a response's HTTP
# headers on top of --max-bytes in its block.
MAX_HEADER_BYTES = 64 << 10
HTTP_ROOM = 64 << 10
CHUNK = 1 << 20


class NotWarc(Exception):
    """The file does not open with a WARC record (its first line is the message)."""


class _Stream:
    """A byte stream that bytes can be pushed back onto."""

    def __init__(self, f):
        self.f, self.back = f, b""

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes (fewer only at the end of the stream)."""
        parts, self.back = [self.back[:n]], self.back[n:]
        got = len(parts[0])
        while got < n:
            more = self.f.read(min(n - got, CHUNK))
            if not more:
                break
            parts.append(more)
            got += len(more)
        return b"".join(parts)

    def readline(self, limit: int = -1) -> bytes:
        """One line (with its end), at most ``limit`` bytes."""
        limit = limit if limit >= 0 else 1 << 62
        end = self.back.find(b"\n", 0, limit)
        if end >= 0 or len(self.back) >= limit:
            cut = end + 1 if end >= 0 else limit
            line, self.back = self.back[:cut], self.back[cut:]
            return line
        line, self.back = self.back, b""
        return line + self.f.readline(limit - len(line))

    def unread(self, data: bytes) -> None:
        """Push ``data`` back: the next reads give it first."""
        self.back = data + self.back


@dataclass
class Frame:
    """One WARC record: its header block and block (None when too big to hold), or
    why it is broken (``error``)."""
    headers: dict = field(default_factory=dict)     # lower-case names -> values
    raw: bytes = b""                                # the header block as read
    block: bytes | None = None
    head: bytes = b""                               # the block's first bytes, when it is not held
    error: str | None = None

    @property
    def record_id(self) -> str | None:
        """WARC-Record-ID."""
        return self.headers.get("warc-record-id")

    @property
    def url(self) -> str | None:
        """WARC-Target-URI."""
        return self.headers.get("warc-target-uri")

    @property
    def type(self) -> str | None:
        """WARC-Type, lower case."""
        return (self.headers.get("warc-type") or "").lower() or None

    def as_record(self) -> bytes:
        """The record's bytes for warcio; a record not held is cut to its first bytes."""
        if self.block is not None:
            return self.raw + self.block + b"\r\n\r\n"
        lines = [ln for ln in self.raw.split(b"\r\n") if not ln.lower().startswith(b"content-length:")]
        lines.insert(1, b"Content-Length: %d" % len(self.head))
        return b"\r\n".join(lines) + self.head + b"\r\n\r\n"


def frames(f, max_block: int) -> Iterator[Frame]:
    """Every record of a decompressed WARC stream, in order; a record whose block is
    larger than ``max_block`` bytes is framed (and skipped) without being held."""
    s, first = _Stream(f), True
    while True:
        line = _next_line(s)
        if not line:
            return
        if not line.startswith(MAGIC):
            if first:
                raise NotWarc(line[:60])
            skipped = len(line) + _resync(s)
            yield Frame(error=f"{skipped} bytes that are not a WARC record skipped")
            continue
        first = False
        yield _frame(s, line, max_block)


def _next_line(s: _Stream) -> bytes:
    """The next line that is not blank; b"" at the end."""
    while True:
        line = s.readline(MAX_HEADER_BYTES)
        if not line or line.strip():
            return line


def _frame(s: _Stream, version: bytes, max_block: int) -> Frame:
    raw, headers = version, {}
    while True:
        line = s.readline(MAX_HEADER_BYTES)
        raw += line
        if not line or len(raw) > MAX_HEADER_BYTES:
            broken = Frame(headers, raw, error="the record's header is cut short or over 64 kB")
            _resync(s)
            return broken
        if not line.strip():
            break
        name, _, value = line.decode("utf-8", "replace").partition(":")
        headers.setdefault(name.strip().lower(), value.strip())
    frame = Frame(headers, raw)
    length = headers.get("content-length", "")
    if not length.isdigit():
        frame.error = f"its Content-Length ({length[:40]!r}) is not a number of bytes"
        _resync(s)
        return frame
    n = int(length)
    if n > max_block:
        return _skip_block(s, frame, n)
    block = s.read(n)
    if len(block) == n and _followed_by_record(s):
        frame.block = block
        return frame
    at = block.find(b"\n" + MAGIC)
    if at >= 0:                              # the next record starts inside the block
        s.unread(block[at + 1:])
        frame.error = f"its Content-Length ({n}) runs into the next record"
    elif len(block) < n:
        frame.error = f"cut short: its Content-Length is {n}, {len(block)} bytes are left"
    else:
        frame.error = f"its Content-Length ({n}) does not end the record"
        _resync(s)
    return frame


def _skip_block(s: _Stream, frame: Frame, n: int) -> Frame:
    """A block too big to hold: its first bytes kept (the HTTP headers), the rest read
    past, watching for a record inside it (then the Content-Length was wrong)."""
    frame.head = s.read(min(n, HTTP_ROOM))
    left, tail, chunk = n - len(frame.head), b"", frame.head
    while True:
        at = (tail + chunk).find(b"\n" + MAGIC)
        if at >= 0:
            s.unread((tail + chunk)[at + 1:])
            frame.error = f"its Content-Length ({n}) runs into the next record"
            return frame
        if left <= 0:
            break
        tail, chunk = chunk[-len(MAGIC):], s.read(min(left, CHUNK))
        if not chunk:
            frame.error = f"cut short: its Content-Length is {n}, {n - left} bytes are left"
            return frame
        left -= len(chunk)
    if not _followed_by_record(s):
        frame.error = f"its Content-Length ({n}) does not end the record"
        _resync(s)
    return frame


def _followed_by_record(s: _Stream) -> bool:
    """After a block: the record's end (CRLF CRLF, as the standard writes it), or line
    ends and then the next record (or the end of the file). Nothing is consumed."""
    peek = s.read(8)
    if peek.startswith(b"\r\n\r\n"):       # what follows, if not a record, is reported on its own
        s.unread(peek)
        return True
    rest = peek.lstrip(b"\r\n")
    more = s.read(len(MAGIC) - len(rest)) if len(rest) < len(MAGIC) else b""
    s.unread(peek + more)
    rest += more
    return not rest or rest.startswith(MAGIC)


def _resync(s: _Stream) -> int:
    """Read up to the next line that opens a WARC record; the bytes passed over."""
    skipped, tail = 0, b"\n"
    while True:
        chunk = s.read(CHUNK)
        if not chunk:
            return skipped
        at = (tail + chunk).find(b"\n" + MAGIC)
        if at >= 0:
            s.unread((tail + chunk)[at + 1:])
            return skipped + at + 1 - len(tail)
        skipped += len(chunk)
        tail = chunk[-len(MAGIC):]


def parsed(frame: Frame):
    """warcio's record of a good frame (HTTP headers parsed, the body decoded on reading)."""
    from warcio.archiveiterator import ArchiveIterator
    return next(iter(ArchiveIterator(io.BytesIO(frame.as_record()))))
