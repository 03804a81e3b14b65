"""A corpus run, as the command does it: inputs, workers, stream filters, output.

    inputs (io/sources.py) -> batches -> worker processes (pool.py) -> results in
        input order -> stream filters (optional, in this process) -> output (io/sinks.py)

:func:`run` is the whole job: progress, error reporting, the ``--errors`` file,
checkpoints for ``--resume`` and the stream-filter hook.
"""
from __future__ import annotations

import json
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .._version import __version__
from ..io.sinks import ErrorLog, Output, OutputError, RunState, open_output
from ..io.sources import Fields, count_pages, iter_pages
from ..model.options import Options
from .pool import DEFAULT_FIELDS, WorkerPool

# Seconds between checkpoints of a file output (what --resume continues from).
CHECKPOINT_SECONDS = 5.0
StreamFilter = Callable[[Iterator[dict]], Iterator[dict]]


@dataclass
class Job:
    """One run of the command; :func:`run` does it.

    ``filters`` is the post-processing hook: callables taking an iterator of
    records (dicts, as written) and returning one, chained in order in this
    process, after cleaning and before writing (e.g. near-duplicate marking,
    language filtering). Each must keep the order and stream: yield a record
    (or drop it) before pulling the next one, so a checkpoint knows which
    pages are finished; their own state is not kept across ``--resume``."""
    inputs: list[str]
    output: str = "-"
    options: Options = field(default_factory=Options)
    jobs: int = 1
    timeout: float | None = 30.0
    fields: Fields = DEFAULT_FIELDS
    url: str | None = None
    filters: Sequence[StreamFilter] = ()
    errors: str | None = None
    resume: bool = False
    quiet: bool = False
    progress: bool | None = None        # None: a bar when stderr is a terminal and not quiet
    report: Callable[[str], None] | None = None   # one line per failed page (default: stderr)


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    failed: int = 0
    filtered: int = 0
    skipped_records: int = 0
    dropped: Counter = field(default_factory=Counter)
    resumed_at: int = 0


def effective_jobs(jobs: int) -> int:
    """-j 0 means every core this process may use (:func:`usable_cores`)."""
    return jobs if jobs > 0 else usable_cores()


def usable_cores(cgroup_root: str = "/sys/fs/cgroup") -> int:
    """The cores this process may use: its CPU affinity (taskset, cpusets), capped
    by a cgroup CPU quota, rounded up (a container given 2 CPUs on a 64-core host
    gets 2 workers, not 64 that the quota then throttles)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota(cgroup_root)
    if quota is not None:
        cores = min(cores, math.ceil(quota))
    return max(1, cores)


def cgroup_cpu_quota(root: str = "/sys/fs/cgroup") -> float | None:
    """CPUs a cgroup quota allows (cgroup v2 ``cpu.max``, else v1
    ``cpu.cfs_quota_us / cpu.cfs_period_us``); None when there is no quota."""
    try:
        with open(os.path.join(root, "cpu.max"), encoding="ascii") as f:
            quota, period = f.read().split()[:2]
        return None if quota == "max" else _quota(int(quota), int(period))
    except (OSError, ValueError):
        pass
    try:
        with open(os.path.join(root, "cpu", "cpu.cfs_quota_us"), encoding="ascii") as f:
            quota = int(f.read())
        with open(os.path.join(root, "cpu", "cpu.cfs_period_us"), encoding="ascii") as f:
            period = int(f.read())
        return _quota(quota, period)
    except (OSError, ValueError):
        return None


def _quota(quota: int, period: int) -> float | None:
    return quota / period if quota > 0 and period > 0 else None     # v1 says -1 for none


def fingerprint(job: Job) -> dict:
    """What must match for --resume to continue a previous run's output."""
    o = job.options
    return {"inputs": [i if i == "-" else os.path.abspath(i) for i in job.inputs],
            "keep_dropped": o.keep_dropped, "outlet": o.outlet, "max_bytes": o.max_bytes,
            "rules": [os.path.abspath(d) for d in o.rules_dirs], "url": job.url,
            "fields": [job.fields.text, job.fields.html, job.fields.url], "cleaner": __version__}


def run(job: Job) -> Summary:
    """Clean ``job.inputs`` into ``job.output``; one bad page never raises. Raises
    :class:`OutputError` when the output cannot be created or ``--resume`` does not
    fit the previous run, OSError when writing fails midway (disk full),
    :class:`RunError` when workers keep dying, KeyboardInterrupt when interrupted
    (a checkpointed partial output is kept for ``--resume``)."""
    report = job.report or (lambda msg: print(msg, file=sys.stderr))
    if job.output != "-" and os.path.isfile(job.output):
        target = os.path.realpath(job.output)
        if any(i != "-" and os.path.realpath(i) == target for i in job.inputs):
            raise OutputError(f"{job.output} is both an input and the output")
    try:
        out: Output = open_output(job.output, fingerprint(job), resume=job.resume)
    except OSError as exc:
        raise OutputError(f"cannot write {job.output}: {exc.strerror or exc}") from None
    state: RunState = out.state
    if job.resume and not state.resumed and not job.quiet:
        report(f"cleaner: nothing to resume for {job.output}; starting from the first page")
    try:
        errors = ErrorLog(job.errors, state) if job.errors else None
    except OSError as exc:
        out.close()
        raise OutputError(f"cannot write {job.errors}: {exc.strerror or exc}") from None
    summary = Summary(read=state.pages, written=state.written, failed=state.failed,
                      filtered=state.filtered, dropped=Counter(state.dropped), resumed_at=state.pages)
    stats: dict = {}
    pool = WorkerPool(job.options, jobs=effective_jobs(job.jobs), timeout=job.timeout, fields=job.fields)
    pages = iter_pages(job.inputs, job.options.max_bytes, skip=state.pages, url=job.url, stats=stats,
                       exclude=None if job.output == "-" else job.output)
    bar = _progress_bar(job, state.pages)
    say = (lambda msg: bar.write(msg, file=sys.stderr)) if bar is not None else report

    results = pool.results(pages)

    def lines() -> Iterator[bytes]:
        # summary.read: the pages finished (written, failed or filtered out), so far
        for res in results:
            summary.read += 1
            if bar is not None:
                bar.update(1)
            if res.error:
                summary.failed += 1
                say(f"cleaner: {res.source}: {res.error}")
                if errors:
                    errors.write(res)
            else:
                summary.dropped.update(res.dropped or {})
                yield res.line

    stream: Iterator[bytes] = lines()
    if job.filters:
        records: Iterator[dict] = (json.loads(line) for line in stream)
        for f in job.filters:
            records = f(records)
        stream = ((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8", "replace") for r in records)
    last = time.monotonic()
    try:
        for line in stream:
            out.write(line)
            summary.written += 1
            if out.resumable and time.monotonic() - last > CHECKPOINT_SECONDS:
                _checkpoint(out, errors, summary)
                last = time.monotonic()
        summary.filtered = _filtered(summary)
        summary.skipped_records = stats.get("skipped_records", 0)
        if bar is not None:
            bar.close()
            bar = None
        out.commit()
        return summary
    finally:
        results.close()          # stops the workers
        if bar is not None:
            bar.close()
        out.close()              # keeps a checkpointed partial output for --resume, else removes it
        if errors:
            errors.close()


def _filtered(summary: Summary) -> int:
    """Pages a stream filter left out: finished, neither written nor failed."""
    return summary.read - summary.failed - summary.written


def _checkpoint(out: Output, errors: ErrorLog | None, summary: Summary) -> None:
    s = out.state
    s.pages, s.written, s.failed = summary.read, summary.written, summary.failed
    s.filtered = _filtered(summary)
    s.dropped = dict(summary.dropped)
    s.errors_offset = errors.flush() if errors else None
    out.checkpoint()


def _progress_bar(job: Job, initial: int):
    show = job.progress if job.progress is not None else (not job.quiet and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm
    total = count_pages(job.inputs)
    return tqdm(total=total, initial=initial, unit="page", file=sys.stderr, dynamic_ncols=True,
                mininterval=0.5, smoothing=0.1, leave=False)
