"""The ``cleaner`` command: a thin layer over :class:`cleaner.Cleaner`."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter

from . import __version__
from .pipeline import Cleaner, Options
from .readers import DEFAULT_MAX_BYTES
from .ruleset import RuleError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with one clear line, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="cleaner",
        description="Clean scraped Indonesian news pages into JSONL: the article body plus "
                    "its metadata, every dropped line accounted for.",
        epilog="Exit status: 0 all pages cleaned, 1 some pages failed (the rest are written), "
               "2 usage error or a rule file that does not load. Subcommands: cleaner explain, "
               "cleaner rules (see docs/rules.md); a page folder named like one is reached as ./rules.")
    p.add_argument("inputs", nargs="+", metavar="PATH",
                   help="page files (.txt, .html) or folders (walked recursively, sorted); - reads stdin")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="JSONL output (default: stdout)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="extra rules folder (repeatable); a file with a built-in id overrides it")
    p.add_argument("--outlet", metavar="ID", help="force one outlet's rules")
    p.add_argument("--url", metavar="URL", help="the page's URL (for a single input or stdin)")
    p.add_argument("--keep-dropped", action="store_true",
                   help="add metadata.dropped_lines: every dropped line with category and rule")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"skip pages larger than N bytes (default {DEFAULT_MAX_BYTES})")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    p.add_argument("--version", action="version", version=f"cleaner {__version__}")
    return p


def _open_output(path: str):
    """Write to a temporary file beside the target; renamed at the end, so an
    interrupted run never leaves a half-written output."""
    if path == "-":
        return sys.stdout, None
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".cleaner-", suffix=".tmp", dir=folder)
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n"), tmp


# Subcommands share the command line with page paths: the first argument names
# one of these, else it is a path. A folder that happens to carry a subcommand's
# name is reached as ./rules. Each module has ``main(argv) -> int``; imported
# lazily so the main job does not pay for them.
SUBCOMMANDS: dict[str, str] = {
    "explain": "cleaner.cmd_explain",
    "rules": "cleaner.cmd_rules",
    "dedup": "cleaner.cmd_dedup",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in SUBCOMMANDS:
        import importlib
        return importlib.import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"cleaner: error: {exc} (see cleaner --help)", file=sys.stderr)
        return EXIT_USAGE
    try:
        cleaner = Cleaner(options=Options(keep_dropped=args.keep_dropped, outlet=args.outlet,
                                          rules_dirs=args.rules, max_bytes=args.max_bytes))
    except (RuleError, ValueError) as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.url and len(args.inputs) != 1:
        print("cleaner: error: --url needs exactly one input", file=sys.stderr)
        return EXIT_USAGE
    try:
        out, tmp = _open_output(args.output)
    except OSError as exc:
        print(f"cleaner: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    read = written = failed = 0
    dropped: Counter = Counter()
    try:
        for source, record, error in cleaner.clean_paths(args.inputs):
            read += 1
            if error:
                failed += 1
                print(f"cleaner: {source}: {error}", file=sys.stderr)
                continue
            if args.url:
                record.url = args.url
            dropped.update(record.metadata.dropped)
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            written += 1
        out.flush()
        if tmp:
            out.close()
            os.replace(tmp, args.output)
            tmp = None
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK if not failed else EXIT_SOME_FAILED
    except OSError as exc:
        print(f"cleaner: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("cleaner: interrupted; no output written", file=sys.stderr)
        return 130
    finally:
        if tmp:
            try:
                out.close()
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
    if not args.quiet:
        cats = ", ".join(f"{k} {v}" for k, v in dropped.most_common())
        print(f"cleaner: {read} pages read, {written} written, {failed} failed; "
              f"lines dropped: {cats or 'none'}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _quiet_stdout() -> None:
    """After a closed pipe (`| head`), silence the interpreter's final flush."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
