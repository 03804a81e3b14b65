"""A corpus run, as the command does it: inputs, workers, stream filters, output.

    inputs (io/sources.py) -> batches -> worker processes (pool.py) -> results in
        input order -> stream filters (optional, in this process) -> output (io/sinks.py)

:func:`run` is the whole job: progress, error reporting, the ``--errors`` file,
checkpoints for ``--resume`` and the stream-filter hook.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .._version import __version__
from ..io.sinks import ErrorLog, Output, OutputError, RunState, open_output, partial_paths
from ..io.sources import Fields, count_pages, find_inputs, iter_pages
from ..model.options import Options
from ..ruleset import RuleError, rule_dirs, rule_files
from ..text.normalise import printable_path
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


def effective_jobs(jobs: int, report: Callable[[str], None] | None = None) -> int:
    """Worker processes for -j N: every core this process may use (:func:`usable_cores`)
    for -j 0, and never more (more workers than cores only share them; ``report`` is
    told so)."""
    cores = usable_cores()
    if jobs > cores and report is not None:
        report(f"cleaner: -j {jobs} is more than the {cores} core{'s' * (cores != 1)} this process may use: "
               f"{cores} worker{'s' * (cores != 1)}")
    return cores if jobs <= 0 else min(jobs, cores)


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


def fingerprint(job: Job, files: list[tuple[str, str | None]] | None = None) -> dict:
    """What must match for --resume to continue a previous run's output: the inputs
    (each file's size, modification time and inode: :func:`input_manifest`), the
    options, the rule files' contents and the version."""
    o = job.options
    files = find_inputs(job.inputs, output_paths(job)) if files is None else files
    return {"inputs": [i if i == "-" else os.path.abspath(i) for i in job.inputs],
            "keep_dropped": o.keep_dropped, "outlet": o.outlet, "max_bytes": o.max_bytes, "max_lines": o.max_lines,
            "rules": [os.path.abspath(d) for d in o.rules_dirs], "url": job.url,
            "fields": [job.fields.text, job.fields.html, job.fields.url], "cleaner": __version__,
            "rule_files": _rules_digest(o.rules_dirs), "files": input_manifest(files)}


# Up to this many input files the checkpoint lists each one, so a refused --resume
# can name the file that changed; beyond, it keeps their count and digest only.
MANIFEST_FILES = 10_000


def input_manifest(files: list[tuple[str, str | None]]) -> dict:
    """The inputs a run reads, as found: each file's path (as the records will name
    it), size, modification time (ns) and inode; their count and digest."""
    entries = []
    digest = hashlib.sha256()
    for path, _error in files:
        entry: list = [path, None, None, None]
        if path != "-":
            try:
                st = os.stat(path)
                if stat.S_ISREG(st.st_mode):
                    entry[1:] = [st.st_size, st.st_mtime_ns, st.st_ino]
            except OSError:
                pass
        digest.update(json.dumps(entry).encode("ascii") + b"\n")
        entries.append(entry)
    out: dict = {"count": len(entries), "digest": digest.hexdigest()[:32]}
    if len(entries) <= MANIFEST_FILES:
        out["files"] = entries
    return out


def input_changes(old: dict, new: dict) -> str | None:
    """What changed between two manifests (:func:`input_manifest`), in words; None when nothing did."""
    if old.get("digest") == new.get("digest"):
        return None
    then, now = old.get("files"), new.get("files")
    if then is None or now is None:
        return (f"the input files changed since the interrupted run ({old.get('count')} files then, "
                f"{new.get('count')} now, or one of them changed)")
    before, after = {e[0]: e for e in then}, {e[0]: e for e in now}
    added = [p for p in after if p not in before]
    gone = [p for p in before if p not in after]
    changed = [p for p in after if p in before and after[p] != before[p]]
    if added and gone and {tuple(after[p][1:]) for p in added} == {tuple(before[p][1:]) for p in gone}:
        return (f"the same input files named another way ({_shown(gone[0])} then, {_shown(added[0])} now): "
                "name the inputs as the interrupted run did")
    parts = [f"{len(ps)} input file{'s' * (len(ps) != 1)} {what} since the interrupted run ({_shown(ps[0])}"
             f"{', ...' if len(ps) > 1 else ''})"
             for ps, what in ((changed, "changed (size, modification time or inode)"), (added, "added"),
                              (gone, "gone")) if ps]
    return "; ".join(parts) or "the input files are in another order than in the interrupted run"


def _shown(path: str) -> str:
    return printable_path(path) or ""


def resume_mismatch(old: dict, new: dict) -> str:
    """Why a previous run's checkpoint does not fit this run (for the refusal's message)."""
    if {k: v for k, v in old.items() if k != "files"} == {k: v for k, v in new.items() if k != "files"}:
        return input_changes(old.get("files", {}), new.get("files", {})) or "the previous run had other inputs"
    if old.get("rule_files") != new.get("rule_files") and \
            all(old.get(k) == new.get(k) for k in new if k not in ("files", "rule_files")):
        return "the rule files changed since the interrupted run"
    return "the previous run had other inputs or options"


def _rules_digest(dirs: list[str]) -> str | None:
    """A digest of every rule file a run loads, in load order (their file names and bytes:
    not their folders, so the built-in files read from a checkout or from an installed
    package are the same rules)."""
    h = hashlib.sha256()
    try:
        for path in rule_files(rule_dirs(dirs)):
            h.update(path.name.encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    except (OSError, RuleError):
        return None
    return h.hexdigest()[:32]


def output_paths(job: Job) -> list[str]:
    """Every file the run writes: the output, its partial file and checkpoint, the --errors file."""
    out = [] if job.output == "-" else [job.output, *partial_paths(job.output)]
    out += [p + ".tmp" for p in out[2:]]
    return out + ([job.errors] if job.errors else [])


def check_outputs(job: Job) -> None:
    """Raise :class:`OutputError` (nothing touched yet) when an output is also an input
    named on the command line, or -o and --errors name one file."""
    inputs = [i for i in job.inputs if i != "-" and not os.path.isdir(i)]
    outputs = [("the output", job.output)] if job.output != "-" else []
    outputs += [("the --errors file", job.errors)] if job.errors else []
    for what, path in outputs:
        if any(_same_file(i, path) for i in inputs):
            raise OutputError(f"{path} is both an input and {what}")
    if job.errors and job.output != "-" and \
            any(_same_file(job.errors, p) for p in (job.output, *partial_paths(job.output))):
        raise OutputError(f"--errors {job.errors} and -o {job.output} name the same file")


def _same_file(a: str, b: str) -> bool:
    """The same path, or the same existing regular file (a device or pipe written to
    is never a file wiped)."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
    return stat.S_ISREG(sb.st_mode) and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def run(job: Job) -> Summary:
    """Clean ``job.inputs`` into ``job.output``; one bad page never raises. Raises
    :class:`OutputError` when the output cannot be created or ``--resume`` does not
    fit the previous run, OSError when writing fails midway (disk full),
    :class:`RunError` when workers keep dying, KeyboardInterrupt when interrupted
    (a checkpointed partial output is kept for ``--resume``)."""
    report = job.report or (lambda msg: print(msg, file=sys.stderr))
    check_outputs(job)
    files = find_inputs(job.inputs, output_paths(job))
    try:
        out: Output = open_output(job.output, fingerprint(job, files), resume=job.resume, mismatch=resume_mismatch)
    except OSError as exc:
        name = "to stdout" if job.output == "-" else job.output
        raise OutputError(f"cannot write {name}: {exc.strerror or exc}") from None
    state: RunState = out.state
    _resume_notes(job, state, report)
    try:
        errors = ErrorLog(job.errors, state) if job.errors else None
    except OSError as exc:
        out.close()
        raise OutputError(f"cannot write {job.errors}: {exc.strerror or exc}") from None
    summary = Summary(read=state.pages, written=state.written, failed=state.failed,
                      filtered=state.filtered, dropped=Counter(state.dropped), resumed_at=state.pages)
    stats: dict = {}
    pool = WorkerPool(job.options, jobs=effective_jobs(job.jobs, None if job.quiet else report),
                      timeout=job.timeout, fields=job.fields)
    pages = iter_pages(job.inputs, job.options.max_bytes, skip=state.pages, url=job.url, stats=stats,
                       files=files)
    bar = _progress_bar(job, state.pages, files)
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


def _resume_notes(job: Job, state: RunState, report: Callable[[str], None]) -> None:
    """What --resume did not do: nothing to resume (a note, which -q silences), or a
    page from stdin left unchecked (a warning, which it does not)."""
    if job.resume and not state.resumed and not job.quiet:
        report(f"cleaner: nothing to resume for {job.output}; starting from the first page")
    if state.resumed and "-" in job.inputs:
        # A file is checked (its size, time and inode: input_manifest); a stream is not.
        report("cleaner: warning: --resume cannot check standard input (-) against the interrupted run: "
               "it must give the same page again")


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


def _progress_bar(job: Job, initial: int, files):
    show = job.progress if job.progress is not None else (not job.quiet and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm
    total = count_pages(job.inputs, files)
    return tqdm(total=total, initial=initial, unit="page", file=sys.stderr, dynamic_ncols=True,
                mininterval=0.5, smoothing=0.1, leave=False)
