"""``cleaner dedup IN.jsonl... -o OUT.jsonl``: mark (or drop) near-duplicate records.

Streaming: one record in memory at a time, plus the LSH index of the
originals (see :mod:`cleaner.tools.dedup`). Input and output are JSONL, plain,
``.gz`` or ``.zst`` by the suffix (io/records.py, the same reading layer as the
other subcommands); ``-`` is stdin/stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from ..io.records import ReadError, atomic_output, read_records
from ..tools.dedup import NUM_PERM, THRESHOLD, NearDuplicates
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, Parser, UsageError, quiet_stdout


def build_parser() -> argparse.ArgumentParser:
    """The ``cleaner dedup`` parser."""
    p = Parser(prog="cleaner dedup",
                description="Mark records whose body nearly copies an earlier record's "
                            "(metadata.duplicate_of, duplicate_similarity), or drop them.",
                epilog="Exit status: 0 done, 1 some lines were not records (reported, skipped), "
                       "2 usage error or unreadable input.")
    p.add_argument("inputs", nargs="+", metavar="IN", help="JSONL of cleaner records (.jsonl, .jsonl.gz or .jsonl.zst; - is stdin)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="JSONL output, .gz or .zst compresses (default stdout)")
    p.add_argument("--threshold", type=float, default=THRESHOLD, metavar="T",
                   help=f"estimated Jaccard similarity of word 5-gram sets from which a body is a copy "
                        f"(default {THRESHOLD})")
    p.add_argument("--num-perm", type=int, default=NUM_PERM, metavar="N",
                   help=f"MinHash permutations (default {NUM_PERM})")
    p.add_argument("--drop-duplicates", action="store_true", help="leave copies out instead of marking them")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return p


def main(argv: list[str] | None = None) -> int:
    """``cleaner dedup``; the exit status."""
    try:
        args = build_parser().parse_args(argv)
        if not 0.0 < args.threshold <= 1.0:
            raise UsageError(f"--threshold must be in (0, 1], got {args.threshold}")
        if not 16 <= args.num_perm <= 1024:
            raise UsageError(f"--num-perm must be in 16..1024, got {args.num_perm}")
        for path in args.inputs:
            if path != "-" and not os.path.isfile(path):
                raise UsageError(f"{path}: no such file")
    except UsageError as exc:
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
    except ReadError as exc:
        print(f"cleaner dedup: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:         # `| head`: silence the interpreter's final flush
        quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        print(f"cleaner dedup: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner dedup: interrupted; no output written", file=sys.stderr)
        return EXIT_INTERRUPTED
    for err in errors[reported:]:
        print(f"cleaner dedup: {err}", file=sys.stderr)
    if not args.quiet:
        verb = "dropped" if args.drop_duplicates else "marked"
        print(f"cleaner dedup: {nd.seen} records read, {nd.duplicates} near duplicates {verb} "
              f"(threshold {args.threshold}), {written} written, {len(errors)} bad lines", file=sys.stderr)
    return EXIT_SOME_FAILED if errors else EXIT_OK
