"""Worker processes that clean pages, results in input order, faults contained.

:class:`WorkerPool` cleans pages in worker processes that load the rules once. It
sends pages in small batches (to amortize the cost of passing them between
processes), keeps a bounded window of pages in flight (memory stays flat however
many pages go through), and gives the results back in input order. A worker
writes the page it is on and when it started into shared memory; a page that
runs past ``timeout`` gets its worker killed (a hang in pure Python or in C code
cannot be interrupted from inside the process) and replaced, the page is
reported, and the rest of its batch is sent again. A worker that dies (a
segfault, ``os._exit``) costs only the page it was on, the same way.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import select
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait

from ..api import Cleaner, Options
from ..core.stages import prepare
from ..io.sources import Fields, describe
from ..model.page import Page
from ..text.hygiene import DeferredLanguages

# ~100 ms of work: the cost of passing a batch between processes is under 2% of it
# (see the commit introducing this module for the -j 1 / -j 2 figures).
BATCH_PAGES = 32
BATCH_BYTES = 2 << 20
# Pages in flight (sent, or cleaned and waiting for an earlier page) per worker.
WINDOW_BATCHES = 4
# A run whose workers die this many times in a row without cleaning a page stops.
MAX_BLIND_DEATHS = 3

DEFAULT_FIELDS = Fields()


class RunError(Exception):
    """The run cannot go on (not one page's problem); the message says why."""


# ------------------------------------------------------------------ one page
def clean_to_json(cleaner: Cleaner, page: Page, fields: Fields) -> tuple[bytes | None, dict | None, str | None]:
    """The worker's job for one page: (JSON line, dropped counts, None) or (None, None, reason)."""
    return _as_json(*cleaner.try_clean(page, fields))


def _as_json(record, error: str | None) -> tuple[bytes | None, dict | None, str | None]:
    if record is None:
        return None, None, error
    line = json.dumps(record.to_dict(), ensure_ascii=False) + "\n"
    return line.encode("utf-8", "replace"), record.metadata.dropped, None


def _started(state, seq: int) -> None:
    state[1] = 0.0
    state[0] = seq
    state[1] = time.monotonic()


def clean_batch_to_json(cleaner: Cleaner, batch: list[tuple[int, Page]], fields: Fields, state) -> list[tuple]:
    """:func:`clean_to_json` on every page of a batch, with the same results, but the
    records' language IDs made after the batch's cleaning, one after the other
    (text.hygiene.DeferredLanguages: about half their cost). Each page's language ID
    is still timed, and an error in it charged, to that page (``state``)."""
    cleaned = []
    with DeferredLanguages() as later:
        for seq, page in batch:
            _started(state, seq)
            first = len(later.pending)
            record, error = cleaner.try_clean(page, fields)
            cleaned.append((seq, record, error, range(first, len(later.pending))))
        out = []
        for seq, record, error, filled in cleaned:
            if record is not None and filled:
                _started(state, seq)
                try:
                    for i in filled:
                        later.resolve(i)
                except RecursionError:       # as Cleaner.try_clean reports them
                    record, error = None, "page too deeply nested"
                except Exception as exc:  # noqa: BLE001 - one bad page never stops a batch
                    record, error = None, f"internal error: {type(exc).__name__}: {exc}"
            out.append(_as_json(record, error))
    return out


# ------------------------------------------------------------------ workers
def _worker_main(conn, state, options: Options, fields: Fields, work, parent: int) -> None:
    """A worker: load the rules once, then clean batches until told to stop.
    ``state`` = [seq of the page being cleaned, its start time (0 between pages)]."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    _die_with_parent(parent)
    cleaner = Cleaner(options=options)
    warm_up(cleaner)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        if work is clean_to_json:
            out = clean_batch_to_json(cleaner, batch, fields, state)
        else:
            out = []
            for seq, page in batch:
                _started(state, seq)
                out.append(work(cleaner, page, fields))
        state[1] = 0.0
        conn.send(out)


# Cleaned once by the forkserver (cleaner/run/warmup.py: the language-ID model is then
# shared by every worker) and by each worker before its first page, so nothing loaded
# on first use (trafilatura's first call, the language-ID model: ~0.25 s) is charged
# to a page's --timeout.
WARM_UP_TEXT = ("JAKARTA - Presiden meresmikan jalan tol baru di Jawa Tengah pada hari Senin.\n"
                "Jalan itu diharapkan memperlancar arus mudik tahun ini, kata menteri.")


def warm_up(cleaner: Cleaner | None = None) -> None:
    """Clean a tiny text page and a tiny HTML page (see WARM_UP_TEXT)."""
    cleaner = cleaner or Cleaner()
    prepare(cleaner.ruleset)
    for page in (Page("<warm-up>", data=WARM_UP_TEXT.encode()),
                 Page("<warm-up>", data=f"<html><body><p>{WARM_UP_TEXT}</p></body></html>".encode(),
                      kind="html")):
        cleaner.try_clean(page)


def _die_with_parent(parent: int) -> None:
    """A watchdog thread ends the worker when the run's process is gone, so a run killed
    with SIGKILL leaves no worker spinning on a hanging page. (The worker's own parent
    is the forkserver, which every worker keeps alive: watch the run itself.)"""
    def watch():
        try:
            fd = os.pidfd_open(parent)                   # Linux: readable when it exits
            select.select([fd], [], [])
        except (AttributeError, OSError):
            while True:
                time.sleep(2)
                try:
                    os.kill(parent, 0)
                except ProcessLookupError:
                    break
                except OSError:
                    pass
        os._exit(1)
    threading.Thread(target=watch, daemon=True, name="cleaner-watchdog").start()


def _context():
    """forkserver where there is one: workers start fast (the server has imported
    cleaner), and never fork a parent that runs threads (the progress bar's)."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["cleaner.api", "cleaner.html", "cleaner.run.pool", "cleaner.run.warmup"])
        return ctx
    return mp.get_context("spawn")


@dataclass
class Result:
    seq: int
    page: Page                  # the page's provenance (its data already dropped)
    line: bytes | None          # the record as one JSON line
    dropped: dict | None
    error: str | None

    @property
    def source(self) -> str:
        """Where the page came from, for messages."""
        return describe(self.page)


@contextmanager
def _without_main_module():
    """Workers need none of the caller's ``__main__``: hidden while one starts, a
    script without an ``if __name__ == "__main__"`` guard (or code piped to python)
    is not run again in every worker."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class _Worker:
    def __init__(self, ctx, options, fields, work):
        self.conn, child = ctx.Pipe()
        self.state = ctx.RawArray("d", 2)
        self.proc = ctx.Process(target=_worker_main, args=(child, self.state, options, fields, work, os.getpid()),
                                daemon=True, name="cleaner-worker")
        with _without_main_module():
            self.proc.start()
        child.close()
        self.batch: list[tuple[int, Page]] | None = None

    def current(self) -> tuple[int | None, float]:
        """(seq, start) of the page being cleaned, (None, 0) between pages."""
        s1, seq, s2 = self.state[1], self.state[0], self.state[1]
        if s1 != s2 or not s1 or self.batch is None or int(seq) not in {s for s, _ in self.batch}:
            return None, 0.0
        return int(seq), s1

    def stop(self, kill: bool = False) -> None:
        if not kill and self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


class WorkerPool:
    """Cleans pages in ``jobs`` worker processes; :meth:`results` yields them in input order.

    ``work(cleaner, page, fields)`` runs in the workers (default :func:`clean_to_json`);
    it must be a module-level function of an importable module, not of ``__main__``
    (it is pickled by name)."""

    def __init__(self, options: Options | None = None, *, jobs: int = 1, timeout: float | None = 30.0,
                 fields: Fields = DEFAULT_FIELDS, work=None, batch_pages: int | None = None):
        self.options = options or Options()
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.fields, self.work = fields, work or clean_to_json
        self.batch_pages = max(1, batch_pages or BATCH_PAGES)
        self.window = self.jobs * WINDOW_BATCHES * self.batch_pages
        self._ctx = _context()

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self.options, self.fields, self.work)

    def results(self, pages: Iterable[Page]) -> Iterator[Result]:
        """The result of every page, in input order."""
        pages = iter(pages)
        workers = [self._spawn() for _ in range(self.jobs)]
        requeue: deque[list[tuple[int, Page]]] = deque()
        done: dict[int, Result] = {}
        next_in = next_out = blind_deaths = 0
        exhausted = False
        try:
            while True:
                for w in workers:
                    if w.batch is not None:
                        continue
                    batch = requeue.popleft() if requeue else None
                    if batch is None and not exhausted and next_in - next_out < self.window:
                        batch = []
                        size = 0
                        while len(batch) < self.batch_pages and size < BATCH_BYTES:
                            page = next(pages, None)
                            if page is None:
                                exhausted = True
                                break
                            batch.append((next_in, page))
                            next_in += 1
                            size += len(page.data or b"")
                    if batch:
                        w.batch = batch
                        try:
                            w.conn.send(batch)
                        except OSError:   # died idle: its sentinel says so below
                            pass
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                busy = [w for w in workers if w.batch is not None]
                if not busy:
                    if exhausted and not requeue:
                        return
                    continue
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                                 timeout=self._wait_time(busy)))
                for w in busy:
                    lost = None
                    if w.conn in ready or w.proc.sentinel in ready:
                        try:
                            if w.conn.poll():
                                outs = w.conn.recv()
                                for (seq, page), (line, dropped, error) in zip(w.batch, outs):
                                    done[seq] = Result(seq, _provenance(page), line, dropped, error)
                                w.batch = None
                                blind_deaths = 0
                                continue
                        except (EOFError, OSError):
                            pass
                        if not w.proc.is_alive() or w.proc.sentinel in ready:
                            w.proc.join(1)
                            lost = f"worker process died ({_exit_reason(w.proc.exitcode)}) while cleaning this page"
                    seq, start = w.current()
                    if lost is None and self.timeout and start and time.monotonic() - start > self.timeout:
                        lost = f"timed out after {self.timeout:g} s (its worker was stopped and replaced)"
                    if lost is None:
                        continue
                    w.stop(kill=True)
                    rest = [(s, p) for s, p in w.batch if s != seq]
                    if seq is None:
                        blind_deaths += 1
                        if blind_deaths >= MAX_BLIND_DEATHS:
                            raise RunError(f"worker processes keep dying before cleaning a page ({lost})")
                    else:
                        page = next(p for s, p in w.batch if s == seq)
                        done[seq] = Result(seq, _provenance(page), None, None, lost)
                    if rest:
                        requeue.appendleft(rest)
                    workers[workers.index(w)] = self._spawn()
        finally:
            for w in workers:
                w.stop(kill=True)

    def _wait_time(self, busy: list[_Worker]) -> float:
        if not self.timeout:
            return 1.0
        now, left = time.monotonic(), self.timeout
        for w in busy:
            _, start = w.current()
            if start:
                left = min(left, start + self.timeout - now)
        return min(1.0, max(0.01, left + 0.01))


def _provenance(page: Page) -> Page:
    return Page(page.source, url=page.url, kind=page.kind, error=page.error, line=page.line,
                warc_record_id=page.warc_record_id)
