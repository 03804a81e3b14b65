"""``cleaner report CLEAN.jsonl... -o report.html``: what a run did, in one HTML file
(cleaner/tools/report/)."""
from __future__ import annotations

import argparse
import os
import sys

from ..io.records import ReadError, atomic_output
from ..tools.report import charts
from ..tools.report.aggregate import BAD_LINES_SHOWN, Stats, input_problem, read_errors, read_into
from ..tools.report.render import report
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, Parser, UsageError

PROG = "cleaner report"


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The ``cleaner report`` parser."""
    p = Parser(prog=PROG,
               description="Write one self-contained HTML file (it opens offline) about cleaned records: "
                           "totals, networks and outlets, charts, the most frequent dropped and kept short "
                           "lines, outliers, failed pages and a sample of pages.",
               epilog="Needs the report extra (plotly). Exit status: 0 written, 1 written but some input lines "
                      "were not records (reported), 2 usage error, a missing input or an unwritable output.")
    p.add_argument("inputs", nargs="+", metavar="CLEAN.jsonl",
                   help="records written by cleaner (.jsonl, .jsonl.gz or .jsonl.zst)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    p.add_argument("--errors", metavar="FILE", help="the --errors file of the same run: failed pages are counted")
    p.add_argument("--seed", type=_count, default=0, metavar="N",
                   help="seed of the page sample (default 0); the same input and seed give the same report")
    p.add_argument("--sample", type=_count, default=12, metavar="N", help="pages in the sample (default 12)")
    p.add_argument("--top", type=_count, default=30, metavar="N",
                   help="outlets shown one by one in the table and chart, the rest as one row (default 30)")
    p.add_argument("--lines", type=_count, default=15, metavar="N",
                   help="frequent lines listed per network and list (default 15)")
    p.add_argument("--title", metavar="TEXT", help="the report's title (default: cleaner report: the input names)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return p


def install_hint() -> str:
    """How to get the extra, under the distribution name this package was installed as."""
    dist = "cleaner"
    try:
        from importlib.metadata import packages_distributions  # ~8 ms: not on every command line
        dist = (packages_distributions().get("cleaner") or [dist])[0]
    except Exception:  # noqa: BLE001 - only a hint
        pass
    return f"pip install '{dist}[report]' (from a checkout: pip install '.[report]')"


def _check(args) -> None:
    """Raise UsageError for what makes writing a report pointless: no plotly, a missing input, no folder."""
    if not charts.available():
        raise UsageError(f"the report needs plotly, in the report extra: {install_hint()}")
    for path in args.inputs + ([args.errors] if args.errors else []):
        problem = input_problem(path)
        if problem:
            raise UsageError(problem)
    folder = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {args.output}: no such folder {folder}")


def main(argv: list[str] | None = None) -> int:
    """``cleaner report``; the exit status."""
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
        _check(args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE

    told = 0

    def on_bad(message: str) -> None:
        nonlocal told
        told += 1
        if told <= BAD_LINES_SHOWN:
            print(f"{PROG}: {message}", file=sys.stderr)

    stats = Stats(seed=args.seed, sample=args.sample)
    try:
        if args.errors:
            stats.errors = read_errors(args.errors, on_bad)
        read_into(stats, args.inputs, on_bad)
        title = args.title or f"{PROG}: " + ", ".join(os.path.basename(p) for p in args.inputs)
        html = report(stats, title=title, top=args.top, shown=args.lines, seed=args.seed)
        with atomic_output(args.output, "report") as out:   # written beside it and renamed: never a half file
            out.write(html)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; no report written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except ReadError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"{PROG}: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if told > BAD_LINES_SHOWN:
        print(f"{PROG}: ... {told - BAD_LINES_SHOWN} more bad lines (all counted in the report)", file=sys.stderr)
    if not args.quiet:
        bad = f", {stats.bad_lines} bad lines" if stats.bad_lines else ""
        print(f"{PROG}: {stats.records} records read{bad}; wrote {args.output} "
              f"({len(html.encode('utf-8')) / 1e6:.1f} MB)", file=sys.stderr)
    return EXIT_SOME_FAILED if stats.bad_lines or (stats.errors and stats.errors.bad) else EXIT_OK
