"""``cleaner PATH...``: clean pages into JSONL, a thin layer over :func:`cleaner.run.run`."""
from __future__ import annotations

import argparse
import functools
import math
import os
import sys

from .._version import __version__
from ..api import Cleaner, Options
from ..io.sinks import OutputError, partial_paths
from ..io.sources import Fields
from ..model.page import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES
from ..ruleset import RuleError
from ..run import Job, RunError, run
from ..text.hygiene import keep_languages, known_languages
from ..tools.dedup import THRESHOLD, NearDuplicates
from .common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    Parser,
    UsageError,
    add_html_engine_option,
    add_rules_option,
    missing_input,
    quiet_stdout,
    terminate_as_interrupt,
    url_input_error,
)


def build_parser() -> argparse.ArgumentParser:
    """The main command's parser."""
    p = Parser(
        prog="cleaner",
        description="Clean scraped Indonesian news pages into JSONL: the article body plus "
                    "its metadata, every dropped line accounted for.",
        epilog="Exit status: 0 all pages cleaned, 1 some pages failed (the rest are written) or the "
               "output could not be written to the end, 2 usage error, an output that cannot be "
               "created or a rule file that does not load, 130 interrupted (see --resume). "
               "Subcommands (each with --help): cleaner explain, cleaner rules (see docs/rules.md), "
               "cleaner dedup, cleaner report; a page folder named like one is reached as ./rules.")
    p.add_argument("inputs", nargs="+", metavar="PATH",
                   help="page files (.txt, .html), JSONL, WARC (any of them .gz or .zst) or folders "
                        "(walked recursively, sorted); - reads one page from stdin")
    p.add_argument("-o", "--output", default="-", metavar="FILE",
                   help="JSONL output, compressed when named .gz or .zst (default: stdout)")
    add_rules_option(p)
    p.add_argument("--outlet", metavar="ID", help="force one outlet's rules")
    p.add_argument("--url", metavar="URL", help="the page's URL (for a single page input or stdin)")
    p.add_argument("--keep-dropped", action="store_true",
                   help="add metadata.dropped_lines: every dropped line with category and rule")
    add_html_engine_option(p)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"skip pages larger than N bytes (default {DEFAULT_MAX_BYTES})")
    p.add_argument("--max-lines", type=int, default=DEFAULT_MAX_LINES, metavar="N",
                   help=f"skip pages of more than N lines (default {DEFAULT_MAX_LINES})")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default 0 = every core this process may use)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a page after this long, report it and go on (default 30; 0 = no limit)")
    p.add_argument("--errors", metavar="FILE", help="also write one JSON line per failed page to FILE")
    p.add_argument("--resume", action="store_true",
                   help="continue the interrupted run that was writing the same -o FILE")
    p.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field with a page's text (default text)")
    p.add_argument("--html-field", default="html", metavar="NAME", help="JSONL field with a page's HTML (default html)")
    p.add_argument("--url-field", default="url", metavar="NAME", help="JSONL field with a page's URL (default url)")
    p.add_argument("--dedup", action="store_true",
                   help="mark near-duplicate bodies: metadata.duplicate_of is the first record's id "
                        "(MinHash + LSH in this process, over the whole run)")
    p.add_argument("--drop-duplicates", action="store_true", help="leave near duplicates out (implies --dedup)")
    p.add_argument("--dedup-threshold", type=float, default=None, metavar="J",
                   help="estimated Jaccard similarity of word 5-grams from which a body is a copy (default 0.25)")
    p.add_argument("--languages", metavar="CODES",
                   help="keep only records in these languages (ISO 639-1, comma-separated: id or id,en)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line on stderr")
    p.add_argument("--version", action="version", version=f"cleaner {__version__}")
    return p


def main(argv: list[str]) -> int:
    """``cleaner PATH...``; the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"cleaner: error: {exc} (see cleaner --help)", file=sys.stderr)
        return EXIT_USAGE
    bad = _bad_number(args)
    if bad:
        print(f"cleaner: error: {bad}", file=sys.stderr)
        return EXIT_USAGE
    missing = missing_input(args.inputs)
    if missing:
        print(f"cleaner: error: {missing}", file=sys.stderr)
        return EXIT_USAGE
    options = Options(keep_dropped=args.keep_dropped, outlet=args.outlet, rules_dirs=args.rules,
                      max_bytes=args.max_bytes, max_lines=args.max_lines, html_engine=args.html_engine)
    try:
        Cleaner(options=options)        # rule files checked here, before any worker starts
    except (RuleError, ValueError) as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    url_error = url_input_error(args.url, args.inputs)
    if url_error:
        print(f"cleaner: error: {url_error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        filters = stream_filters(args)
    except ValueError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    job = Job(inputs=args.inputs, output=args.output, options=options, jobs=args.jobs,
              timeout=args.timeout, fields=Fields(args.text_field, args.html_field, args.url_field),
              url=args.url, errors=args.errors, resume=args.resume, quiet=args.quiet, filters=filters)
    try:
        with terminate_as_interrupt():
            summary = run(job)
    except BrokenPipeError:
        quiet_stdout()
        return EXIT_OK
    except OutputError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RunError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except OSError as exc:
        print(f"cleaner: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print(f"cleaner: interrupted; {_resume_hint(args.output)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        cats = ", ".join(f"{k} {v}" for k, v in summary.dropped.most_common())
        extra = f", {summary.filtered} filtered out" if summary.filtered else ""
        extra += f" ({summary.resumed_at} of them by the interrupted run resumed)" if summary.resumed_at else ""
        skipped = (f"; {summary.skipped_records} WARC records without a page skipped"
                   if summary.skipped_records else "")
        print(f"cleaner: {summary.read} pages read, {summary.written} written, {summary.failed} failed"
              f"{extra}; lines dropped: {cats or 'none'}{skipped}", file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _bad_number(args) -> str | None:
    """What is wrong with -j, --timeout or --max-bytes (nan compares false: refused too)."""
    if args.jobs < 0:
        return f"--jobs takes a number >= 0 (0: one per usable core), not {args.jobs}"
    if not 0 <= args.timeout < math.inf:
        return f"--timeout takes a number of seconds >= 0 (0: no limit), not {args.timeout:g}"
    if args.max_bytes < 1:
        return f"--max-bytes takes a number of bytes >= 1, not {args.max_bytes}"
    if args.max_lines < 1:
        return f"--max-lines takes a number of lines >= 1, not {args.max_lines}"
    return None


def stream_filters(args) -> list:
    """--languages, then --dedup/--drop-duplicates: the runner's parent-side filters
    (a record in another language never becomes the original of a copy)."""
    filters = []
    if args.languages is not None:
        codes = [c.strip() for c in args.languages.split(",") if c.strip()]
        if not codes:
            raise ValueError("--languages needs one code or more, e.g. --languages id")
        unknown = [c for c in codes if c not in known_languages()]
        if unknown:
            raise ValueError(f"--languages: unknown language code(s) {', '.join(unknown)}: give ISO 639-1 "
                             "codes the language identifier knows (id, en, ms, jv, su...)")
        filters.append(functools.partial(keep_languages, languages=set(codes)))
    if args.dedup or args.drop_duplicates or args.dedup_threshold is not None:
        if args.resume:
            # The index of bodies seen lives in this process only; a resumed run would
            # not know the first part's bodies. `cleaner dedup` on the output does it.
            raise ValueError("--resume cannot be combined with --dedup: resume without it, "
                             "then run `cleaner dedup OUT -o DEDUPED`")
        nd = NearDuplicates(threshold=THRESHOLD if args.dedup_threshold is None else args.dedup_threshold,
                            drop=args.drop_duplicates)
        filters.append(nd.filter)
    return filters


def _resume_hint(output: str) -> str:
    if output != "-" and os.path.exists(partial_paths(output)[1]):
        return f"{output} not written; rerun with --resume to finish it"
    return "no output written"
