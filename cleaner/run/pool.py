"""Worker processes that clean pages, results in input order, faults contained.

:class:`WorkerPool` cleans pages in worker processes that load the rules once. It
sends pages in small batches (to amortize the cost of passing them between
processes), keeps a bounded window of pages in flight, in pages and in bytes
(memory stays flat however many pages go through, and behind a stuck page), and
gives the results back in input order. A worker writes the page it is on, when it
started and the process's CPU time then into shared memory; a page that uses more
than ``timeout`` of CPU time (or runs ten times as long on the clock) gets its
worker killed (a hang in pure Python or in C code cannot be interrupted from
inside the process) and replaced, the page is reported, and the rest of its batch
is sent again. A worker that dies (a segfault, ``os._exit``) costs only the page it
was on, the same way.
"""
from __future__ import annotations

import json
import math
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

from ..api import Cleaner, Options, failure_reason
from ..core.stages import prepare
from ..io.sources import Fields, describe
from ..model.page import Page
from ..text.hygiene import DeferredLanguages

# ~100 ms of work: the cost of passing a batch between processes is under 2% of it
# (see the commit introducing this module for the -j 1 / -j 2 figures).
BATCH_PAGES = 32
BATCH_BYTES = 2 << 20
# Pages in flight (sent, or cleaned and waiting for an earlier page) per worker, and
# the bytes they may hold (pages sent, results waiting): a page stuck until its timeout
# holds up this much, not every page read behind it.
WINDOW_BATCHES = 4
WINDOW_BYTES = 16 << 20
# A page that has not finished after this many times --timeout on the clock is stopped,
# CPU time or not (blocked on something, not computing).
WALL_FACTOR = 10
# A run whose workers die this many times in a row without cleaning a page stops.
MAX_BLIND_DEATHS = 3
# Tries at starting one worker process, this many seconds apart (a forkserver that
# died is started again by the next try).
SPAWN_ATTEMPTS, SPAWN_PAUSE = 3, 0.2

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
    """Page ``seq`` starts now: its number, CPU time and clock for the run's timeout."""
    state[1] = 0.0
    state[0] = seq
    state[2] = time.process_time()
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
                except Exception as exc:  # noqa: BLE001 - one bad page never stops a batch
                    record, error = None, failure_reason(exc)
            out.append(_as_json(record, error))
    return out


# ------------------------------------------------------------------ workers
def _worker_main(conn, state, options: Options, fields: Fields, work, parent: int) -> None:
    """A worker: load the rules once, then clean batches until told to stop. ``state`` =
    [seq of the page being cleaned, its start time (0 between pages), the process's CPU
    time then]."""
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
        try:
            conn.send(out)
        except OSError:             # the run stopped listening (it gave this worker up)
            return


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
        self.state = ctx.RawArray("d", 3)
        self.proc = ctx.Process(target=_worker_main, args=(child, self.state, options, fields, work, os.getpid()),
                                daemon=True, name="cleaner-worker")
        with _without_main_module():
            self.proc.start()
        child.close()
        self.batch: list[tuple[int, Page]] | None = None
        # The process itself (Linux): readable when it exits. The forkserver's status
        # pipe (proc.sentinel) also says "exited" when the forkserver dies, while the
        # worker runs on; and a pidfd signals that process, never one reusing its pid.
        try:
            self.pidfd: int | None = os.pidfd_open(self.proc.pid)
        except (AttributeError, OSError):
            self.pidfd = None
        self.sentinel = self.pidfd if self.pidfd is not None else self.proc.sentinel

    def alive(self) -> bool:
        """True while the worker process runs."""
        if self.pidfd is None:
            return self.proc.is_alive()
        return not select.select([self.pidfd], [], [], 0)[0]

    def current(self) -> tuple[int | None, float, float]:
        """(seq, start, CPU time at the start) of the page being cleaned, (None, 0, 0) between pages."""
        s1, seq, cpu, s2 = self.state[1], self.state[0], self.state[2], self.state[1]
        if s1 != s2 or not s1 or self.batch is None or int(seq) not in {s for s, _ in self.batch}:
            return None, 0.0, 0.0
        return int(seq), s1, cpu

    def stop(self, kill: bool = False) -> None:
        if not kill and self.alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(2)
        if self.pidfd is not None:
            try:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            except OSError:         # exited already
                pass
            select.select([self.pidfd], [], [], 5)
            os.close(self.pidfd)
            self.pidfd = None
            self.proc.join(1)
        elif self.proc.is_alive():
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
    """Cleans pages in up to ``jobs`` worker processes (started as pages come: one page
    starts one worker); :meth:`results` yields them in input order.

    ``work(cleaner, page, fields)`` runs in the workers (default :func:`clean_to_json`);
    it must be a module-level function of an importable module, not of ``__main__``
    (it is pickled by name). ``timeout`` is CPU time (:func:`cpu_seconds`), so a page
    times out alike whatever else the machine runs; a page that has not finished
    after ``WALL_FACTOR`` times as long on the clock (blocked, not computing) too."""

    def __init__(self, options: Options | None = None, *, jobs: int = 1, timeout: float | None = 30.0,
                 fields: Fields = DEFAULT_FIELDS, work=None, batch_pages: int | None = None):
        self.options = options or Options()
        self.jobs = max(1, jobs)
        if timeout is not None and not timeout >= 0:          # nan too
            raise ValueError(f"timeout must be a number of seconds >= 0 (0: none), not {timeout!r}")
        self.timeout = timeout if timeout and timeout < math.inf else None
        self.fields, self.work = fields, work or clean_to_json
        self.batch_pages = max(1, batch_pages or BATCH_PAGES)
        self.window = self.jobs * WINDOW_BATCHES * self.batch_pages
        self.window_bytes = self.jobs * WINDOW_BYTES
        self.started = 0            # worker processes started (replacements too)
        self.peak_bytes = 0         # the most bytes the window held (pages sent, results waiting)
        self._ctx = _context()

    def _spawn(self) -> _Worker:
        # A forkserver that died (killed while it was starting) is started again by the
        # next attempt; when every attempt fails the run ends with one line.
        for attempt in range(SPAWN_ATTEMPTS):
            try:
                worker = _Worker(self._ctx, self.options, self.fields, self.work)
                self.started += 1
                return worker
            except (EOFError, OSError) as exc:
                if attempt + 1 == SPAWN_ATTEMPTS:
                    raise RunError(f"cannot start worker processes ({type(exc).__name__}: {exc})") from None
                time.sleep(SPAWN_PAUSE)     # a process just killed may not be reaped yet
        raise AssertionError("unreachable")

    def results(self, pages: Iterable[Page]) -> Iterator[Result]:
        """The result of every page, in input order."""
        flight = _Flight(self, iter(pages))
        try:
            while True:
                flight.send()
                yield from flight.ready_results()
                busy = [w for w in flight.workers if w.batch is not None]
                if not busy:
                    if flight.exhausted and not flight.requeue:
                        return
                    continue
                ready = set(wait([w.conn for w in busy] + [w.sentinel for w in busy],
                                 timeout=self._wait_time(busy)))
                for w in busy:
                    flight.collect(w, ready)
        finally:
            for w in flight.workers:
                w.stop(kill=True)

    def overdue(self, w: _Worker, now: float) -> tuple[str | None, float]:
        """(why the page ``w`` is on is overdue, or None; seconds until it could be)."""
        seq, start, cpu_start = w.current()
        if not self.timeout or not start:
            return None, 1.0
        wall = now - start
        if wall <= self.timeout:            # CPU time never runs ahead of the clock
            return None, self.timeout - wall
        limit = self.timeout * WALL_FACTOR
        if wall > limit:
            return (f"timed out after {limit:g} s of wall-clock time ({WALL_FACTOR}x --timeout without "
                    "finishing; its worker was stopped and replaced)"), 0.0
        used = cpu_seconds(w.proc.pid)
        if used is None:                    # no per-process CPU clock here: the clock decides
            return f"timed out after {self.timeout:g} s (its worker was stopped and replaced)", 0.0
        used -= cpu_start
        if used > self.timeout:
            return f"timed out after {self.timeout:g} s of CPU time (its worker was stopped and replaced)", 0.0
        return None, min(self.timeout - used, limit - wall)

    def _wait_time(self, busy: list[_Worker]) -> float:
        now, left = time.monotonic(), 1.0
        for w in busy:
            left = min(left, self.overdue(w, now)[1])
        return max(0.01, left + 0.01)


class _Flight:
    """One :meth:`WorkerPool.results` call: the workers, the pages sent and the results
    waiting for an earlier page, within the window (pages and bytes)."""

    def __init__(self, pool: WorkerPool, pages: Iterator[Page]):
        self.pool, self.pages = pool, pages
        self.workers: list[_Worker] = []
        self.requeue: deque[list[tuple[int, Page]]] = deque()
        self.done: dict[int, Result] = {}
        self.cost: dict[int, int] = {}       # seq -> bytes it holds (the page, then its result)
        self.bytes = 0
        self.next_in = self.next_out = self.blind_deaths = 0
        self.exhausted = False

    def _hold(self, seq: int, size: int) -> None:
        self.bytes += size - self.cost.get(seq, 0)
        self.cost[seq] = size
        self.pool.peak_bytes = max(self.pool.peak_bytes, self.bytes)

    def _room(self) -> bool:
        if self.next_in == self.next_out:      # nothing in flight: a page bigger than the window goes too
            return True
        return self.next_in - self.next_out < self.pool.window and self.bytes < self.pool.window_bytes

    def _next_batch(self) -> list[tuple[int, Page]] | None:
        if self.requeue:
            return self.requeue.popleft()
        if self.exhausted or not self._room():
            return None
        batch, size = [], 0
        while len(batch) < self.pool.batch_pages and size < BATCH_BYTES:
            page = next(self.pages, None)
            if page is None:
                self.exhausted = True
                break
            batch.append((self.next_in, page))
            self._hold(self.next_in, len(page.data or b""))
            self.next_in += 1
            size += len(page.data or b"")
        return batch or None

    def send(self) -> None:
        """A batch to every idle worker, starting workers (up to ``jobs``) while batches wait."""
        while True:
            idle = next((w for w in self.workers if w.batch is None), None)
            if idle is None and len(self.workers) >= self.pool.jobs:
                return
            batch = self._next_batch()
            if batch is None:
                return
            if idle is None:
                idle = self.pool._spawn()
                self.workers.append(idle)
            idle.batch = batch
            try:
                idle.conn.send(batch)
            except OSError:   # died idle: its sentinel says so
                pass

    def ready_results(self) -> Iterator[Result]:
        """The results that are next in input order."""
        while self.next_out in self.done:
            self.bytes -= self.cost.pop(self.next_out, 0)
            yield self.done.pop(self.next_out)
            self.next_out += 1

    def _finish(self, seq: int, page: Page, line, dropped, error) -> None:
        self.done[seq] = Result(seq, _provenance(page), line, dropped, error)
        self._hold(seq, len(line or b""))

    def collect(self, w: _Worker, ready: set) -> None:
        """Take ``w``'s results if they came; stop it if it died or its page is overdue."""
        lost = None
        if w.conn in ready or w.sentinel in ready:
            try:
                if w.conn.poll():
                    outs = w.conn.recv()
                    for (seq, page), (line, dropped, error) in zip(w.batch, outs):
                        self._finish(seq, page, line, dropped, error)
                    w.batch = None
                    self.blind_deaths = 0
                    return
            except (EOFError, OSError):
                pass
            if w.sentinel in ready or not w.alive():
                w.proc.join(1)
                lost = f"worker process died ({_exit_reason(w.proc.exitcode)}) while cleaning this page"
        seq = w.current()[0]
        if lost is None:
            lost = self.pool.overdue(w, time.monotonic())[0]
        if lost is None:
            return
        w.stop(kill=True)
        rest = [(s, p) for s, p in w.batch if s != seq]
        if seq is None:
            self.blind_deaths += 1
            if self.blind_deaths >= MAX_BLIND_DEATHS:
                raise RunError(f"worker processes keep dying before cleaning a page ({lost})")
        else:
            self._finish(seq, next(p for s, p in w.batch if s == seq), None, None, lost)
        if rest:
            self.requeue.appendleft(rest)
        self.workers[self.workers.index(w)] = self.pool._spawn()


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) the process has used so far (Linux: /proc/PID/stat);
    None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def _provenance(page: Page) -> Page:
    return Page(page.source, url=page.url, kind=page.kind, error=page.error, line=page.line,
                warc_record_id=page.warc_record_id)
