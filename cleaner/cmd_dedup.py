"""``cleaner dedup IN.jsonl... -o OUT.jsonl``: mark (or drop) near-duplicate records.

Streaming: one record in memory at a time, plus the LSH index of the
originals (see :mod:`cleaner.dedup`). Input and output are JSONL, plain or
gzip (by the ``.gz`` suffix); ``-`` is stdin/stdout.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import sys
import tempfile

from .dedup import NUM_PERM, THRESHOLD, NearDuplicates

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cleaner dedup",
                description="Mark records whose body nearly copies an earlier record's "
                            "(metadata.duplicate_of, duplicate_similarity), or drop them.",
                epilog="Exit status: 0 done, 1 some lines were not records (reported, skipped), "
                       "2 usage error or unreadable input.")
    p.add_argument("inputs", nargs="+", metavar="IN", help="JSONL of cleaner records (.jsonl or .jsonl.gz; - is stdin)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="JSONL output, .gz compresses (default stdout)")
    p.add_argument("--threshold", type=float, default=THRESHOLD, metavar="T",
                   help=f"estimated Jaccard similarity of word 5-gram sets from which a body is a copy "
                        f"(default {THRESHOLD})")
    p.add_argument("--num-perm", type=int, default=NUM_PERM, metavar="N",
                   help=f"MinHash permutations (default {NUM_PERM})")
    p.add_argument("--drop-duplicates", action="store_true", help="leave copies out instead of marking them")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return p


def _open_in(path: str):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def read_records(paths: list[str], errors: list[str]):
    """Yield the records (dicts) of JSONL files in order; a line that is not a
    record is reported in ``errors`` as ``file:line: reason`` and skipped."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            f = _open_in(path)
        except OSError as exc:
            raise _UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
        n = 0
        with f:
            try:
                for n, line in enumerate(f, 1):  # noqa: B007 - n names the line of a read error
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        errors.append(f"{name}:{n}: not JSON ({exc.msg})")
                        continue
                    problem = _not_a_record(rec)
                    if problem:
                        errors.append(f"{name}:{n}: {problem}")
                        continue
                    yield rec
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                errors.append(f"{name}: read error after line {n}: {exc}")


def _not_a_record(rec) -> str | None:
    if not isinstance(rec, dict):
        return "not a JSON object"
    if not isinstance(rec.get("text"), str):
        return "no \"text\" string"
    if rec.get("id") is None:
        return "no \"id\""
    if not isinstance(rec.get("metadata", {}), dict):
        return "\"metadata\" is not an object"
    return None


@contextlib.contextmanager
def atomic_output(path: str):
    """The output stream (``-``: stdout; ``.gz``: gzip). A file is written under a
    temporary name beside the target and renamed only when the block succeeds,
    so an interrupted or failed run leaves no half-written output."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".cleaner-dedup-", suffix=".tmp", dir=folder)
    raw = os.fdopen(fd, "wb")
    inner = gzip.GzipFile(fileobj=raw, mode="wb", filename="") if path.endswith(".gz") else raw
    out = io.TextIOWrapper(inner, encoding="utf-8", newline="\n")
    try:
        yield out
        out.close()
        raw.close()
        os.replace(tmp, path)
    finally:
        if not out.closed:
            out.close()
        if not raw.closed:
            raw.close()
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if not 0.0 < args.threshold <= 1.0:
            raise _UsageError(f"--threshold must be in (0, 1], got {args.threshold}")
        if not 16 <= args.num_perm <= 1024:
            raise _UsageError(f"--num-perm must be in 16..1024, got {args.num_perm}")
        for path in args.inputs:
            if path != "-" and not os.path.isfile(path):
                raise _UsageError(f"{path}: no such file")
    except _UsageError as exc:
        print(f"cleaner dedup: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    nd = NearDuplicates(threshold=args.threshold, num_perm=args.num_perm, drop=args.drop_duplicates)
    errors: list[str] = []
    written = reported = 0
    try:
        with atomic_output(args.output) as out:
            for rec in nd.filter(read_records(args.inputs, errors)):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += 1
                for err in errors[reported:]:      # as they come, not only at the end
                    print(f"cleaner dedup: {err}", file=sys.stderr)
                reported = len(errors)
    except _UsageError as exc:
        print(f"cleaner dedup: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:         # `| head`: silence the interpreter's final flush
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(f"cleaner dedup: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner dedup: interrupted; no output written", file=sys.stderr)
        return 130
    for err in errors[reported:]:
        print(f"cleaner dedup: {err}", file=sys.stderr)
    if not args.quiet:
        verb = "dropped" if args.drop_duplicates else "marked"
        print(f"cleaner dedup: {nd.seen} records read, {nd.duplicates} near duplicates {verb} "
              f"(threshold {args.threshold}), {written} written, {len(errors)} bad lines", file=sys.stderr)
    return EXIT_SOME_FAILED if errors else EXIT_OK
