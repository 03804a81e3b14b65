"""Outputs: JSONL, gzip or zstd by extension, written so that a run can be resumed.

A file output ``DIR/NAME`` is written as ``DIR/.NAME.partial`` and renamed to NAME
when the run ends, so an interrupted run never leaves a half-written NAME. Every
few seconds the run takes a checkpoint: it ends the current gzip member (zstd
frame), flushes, and records in ``DIR/.NAME.partial.json`` how many input pages
are finished and how many bytes of the partial file hold them. ``--resume`` cuts
the partial file back to that size, skips that many input pages and goes on;
concatenated gzip members and zstd frames are one valid stream, so the finished
file decompresses to exactly what an uninterrupted run writes.

``-o -`` (stdout) and outputs that are not regular files (``/dev/null``, a named
pipe) are written straight through, without rename or resume.
"""
from __future__ import annotations

import errno
import json
import os
import stat
import sys
import zlib
from dataclasses import asdict, dataclass, field

from ..text.normalise import printable_path
from .sources import describe, split_name

STATE_FORMAT = 1


class OutputError(Exception):
    """The output cannot be used as asked (resume mismatch, another run writing it)."""


def partial_paths(path: str) -> tuple[str, str]:
    """Where a file output is written until the run ends, and its checkpoint state."""
    folder, name = os.path.split(os.path.abspath(path))
    partial = os.path.join(folder, f".{name}.partial")
    return partial, partial + ".json"


@dataclass
class RunState:
    """What a checkpoint records; ``run`` is the fingerprint a resumed run must match."""
    run: dict
    pages: int = 0                  # input pages finished (written, failed or filtered out)
    offset: int = 0                 # bytes of the partial file that hold them
    written: int = 0
    failed: int = 0
    filtered: int = 0
    dropped: dict = field(default_factory=dict)
    errors: str | None = None       # the --errors file, and its size at the checkpoint
    errors_offset: int | None = None
    format: int = STATE_FORMAT
    resumed: bool = False           # this run continues a previous one (not saved)


def compressor_for(path: str):
    """A factory of compressors for the path's suffix (.gz, .zst), None for plain JSONL."""
    _, method = split_name(path)
    if method == "gzip":
        # wbits 31: a gzip member; its header carries no name or time, so output is reproducible.
        return lambda: zlib.compressobj(6, zlib.DEFLATED, 31)
    if method == "zstd":
        import zstandard
        cctx = zstandard.ZstdCompressor(level=3)
        return cctx.compressobj
    return None


class Output:
    resumable = False

    def __init__(self, state: RunState):
        self.state = state

    f = None        # the open file
    comp = None     # its compressor (None: plain JSONL)

    def write(self, data: bytes) -> None:
        """Write one record's bytes (compressed when the output is)."""
        self.f.write(self.comp.compress(data) if self.comp else data)

    def checkpoint(self) -> None:
        """Make what is written so far resumable (file outputs only)."""

    def commit(self) -> None:
        """Finish the output: everything written is there to read."""
        raise NotImplementedError

    def close(self) -> None:
        """After commit, or on the way out of a failed or interrupted run."""


class StreamOutput(Output):
    """stdout, or a path that is not a regular file: written as it comes, plain JSONL
    (compressed when the path's extension says so)."""

    def __init__(self, path: str, state: RunState):
        super().__init__(state)
        self.path = path
        if path == "-":
            if sys.stdout is None:          # started with stdout closed (`cleaner PAGE >&-`)
                raise OSError(errno.EBADF, "it is closed")
            sys.stdout.flush()
            buf = getattr(sys.stdout, "buffer", None)
            self.f = buf if buf is not None else _TextWriter(sys.stdout)
            self.own = False
        else:
            self.f = open(path, "wb")
            self.own = True
        make = compressor_for(path) if path != "-" else None
        self.comp = make() if make else None

    def commit(self) -> None:
        """Flush the compressor and the stream."""
        if self.comp:
            self.f.write(self.comp.flush())
        self.f.flush()

    def close(self) -> None:
        """Close the file (never stdout)."""
        if self.own:
            try:
                self.f.close()
            except OSError:
                pass


class _TextWriter:
    """sys.stdout replaced by a text-only stream (no .buffer)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


class FileOutput(Output):
    resumable = True

    def __init__(self, path: str, fingerprint: dict, resume: bool, mismatch=None):
        self.path = path
        self.partial, self.state_path = partial_paths(path)
        self.committed = False
        self._make = make = compressor_for(path)
        state = RunState(run=fingerprint)
        if resume:
            previous = _load_state(self.state_path)
            if previous is not None and os.path.exists(self.partial) \
                    and os.path.getsize(self.partial) >= previous.offset:   # else: a partial cut short
                if previous.run != fingerprint:
                    why = mismatch(previous.run, fingerprint) if mismatch else \
                        "the previous run had other inputs or options"
                    raise OutputError(f"cannot resume {path}: {why}; run without --resume to start over")
                state = previous
                state.resumed = True
        fd = os.open(self.partial, os.O_RDWR | os.O_CREAT, 0o666)
        self.f = os.fdopen(fd, "r+b", buffering=1 << 20)
        try:
            _lock(fd, path)
            self.f.truncate(state.offset if state.resumed else 0)
            self.f.seek(0, os.SEEK_END)
        except BaseException:
            self.f.close()
            raise
        super().__init__(state)
        self.comp = make() if make else None
        if not state.resumed:
            self._save_state()

    def _end_member(self) -> None:
        if self.comp:
            self.f.write(self.comp.flush())
            self.comp = self._make()
        self.f.flush()

    def checkpoint(self) -> None:
        """Record how much of the partial file holds finished pages (for --resume)."""
        self._end_member()
        self.state.offset = self.f.tell()
        self._save_state()

    def _save_state(self) -> None:
        data = asdict(self.state)
        del data["resumed"]
        tmp = self.state_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, self.state_path)

    def commit(self) -> None:
        """Flush, sync and rename the partial file to the output's name."""
        self._end_member()
        os.fsync(self.f.fileno())
        self.f.close()
        os.replace(self.partial, self.path)
        self.committed = True
        _unlink(self.state_path)

    def close(self) -> None:
        """Keep a checkpointed partial file for --resume, else remove it."""
        if self.committed:
            return
        try:
            self.f.close()
        except OSError:
            pass
        if self.state.pages == 0:           # nothing a --resume could use
            _unlink(self.partial)
            _unlink(self.state_path)


def _lock(fd: int, path: str) -> None:
    try:
        import fcntl
    except ImportError:       # not POSIX: no lock
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise OutputError(f"another cleaner run is writing {path}") from None
        raise


def _load_state(path: str) -> RunState | None:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") != STATE_FORMAT:
            return None
        return RunState(**data)
    except (OSError, ValueError, TypeError):
        return None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def open_output(path: str, fingerprint: dict, *, resume: bool = False, mismatch=None) -> Output:
    """The right :class:`Output` for ``path``; raises OSError when it cannot be written.
    ``mismatch(previous, fingerprint)`` says why a checkpoint does not fit (--resume)."""
    if path == "-" or (os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode)):
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "is a folder", path)
        if resume:
            raise OutputError("--resume needs an output file (-o FILE)")
        return StreamOutput(path, RunState(run=fingerprint))
    return FileOutput(path, fingerprint, resume, mismatch)


class ErrorLog:
    """``--errors FILE``: one JSON line per failed page. Written as it goes (not renamed);
    a resumed run cuts it back to the checkpoint and appends."""

    def __init__(self, path: str, state: RunState):
        full = os.path.abspath(path)
        keep = state.resumed and state.errors == full and state.errors_offset is not None \
            and os.path.isfile(path)
        self.f = open(path, "r+b" if keep else "wb")
        if keep:
            self.f.truncate(state.errors_offset)
            self.f.seek(0, os.SEEK_END)
        state.errors = full

    def write(self, result) -> None:
        """One JSON line for a failed page."""
        page = result.page
        # Paths and URLs that are not valid UTF-8 escaped as in the records (\\xNN)
        line = json.dumps({"source": describe(page), "reason": result.error,
                           "path": printable_path(page.source), "line": page.line,
                           "warc_record_id": page.warc_record_id, "url": printable_path(page.url)},
                          ensure_ascii=False)
        self.f.write(line.encode("utf-8", "replace") + b"\n")

    def flush(self) -> int:
        """Flush the file; its size (the offset a checkpoint records)."""
        self.f.flush()
        return self.f.tell()

    def close(self) -> None:
        """Close the file."""
        try:
            self.f.close()
        except OSError:
            pass
