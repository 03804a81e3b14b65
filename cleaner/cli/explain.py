"""``cleaner explain PAGE...``: every line of a page with its verdict and rule."""
from __future__ import annotations

import argparse
import json
import os
import sys

from ..api import Cleaner, Options
from ..io.sources import describe, iter_pages
from ..model.page import DEFAULT_MAX_BYTES
from ..ruleset import RuleError
from ..tools.explain import explain_page, render, render_html
from .common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    Parser,
    UsageError,
    add_html_engine_option,
    add_rules_option,
    missing_input,
    quiet_stdout,
    url_input_error,
)

FOLDER_NOTE = ("A page file or folder named like a subcommand (explain, rules) is reached "
               "as ./explain, ./rules.")


def build_parser() -> argparse.ArgumentParser:
    """The ``cleaner explain`` parser."""
    p = Parser(prog="cleaner explain",
                description="Show a page line by line: kept, or dropped with category and rule id; "
                            "spans cut inside kept lines; what the HTML rules took out; every "
                            "metadata value with the rule or stage that found it.",
                epilog=FOLDER_NOTE + " Exit status: 0 explained, 1 a page could not be read, "
                       "2 usage error or a rule file that does not load.")
    p.add_argument("pages", nargs="+", metavar="PAGE",
                   help="page files (.txt, .html), JSONL, WARC (any of them .gz or .zst) or folders; - reads stdin")
    p.add_argument("--url", metavar="URL", help="the page's URL (one page file or stdin only): outlet detection")
    p.add_argument("--outlet", metavar="ID", help="force one outlet's rules")
    add_rules_option(p)
    add_html_engine_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per page (JSON Lines)")
    p.add_argument("--html", action="store_true",
                   help="one self-contained HTML file (opens offline): every line coloured by category, "
                        "the rule on hover, the metadata panel; a page view per page")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the verdicts: auto (default) on a terminal unless NO_COLOR is set")
    return p


def use_colour(choice: str, stream) -> bool:
    """Colour or not, for --color and the stream."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def main(argv: list[str]) -> int:
    """``cleaner explain``; the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"cleaner explain: error: {exc} (see cleaner explain --help)", file=sys.stderr)
        return EXIT_USAGE
    problem = missing_input(args.pages) or url_input_error(args.url, args.pages)
    if problem:
        print(f"cleaner explain: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.json and args.html:
        print("cleaner explain: error: --json and --html: choose one", file=sys.stderr)
        return EXIT_USAGE
    try:
        cleaner = Cleaner(options=Options(outlet=args.outlet, rules_dirs=args.rules, html_engine=args.html_engine))
    except (RuleError, ValueError) as exc:
        print(f"cleaner explain: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output and args.output != "-" else sys.stdout
    except OSError as exc:
        print(f"cleaner explain: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _explain_all(args, cleaner, out)
    except BrokenPipeError:          # `cleaner explain ... | head`
        quiet_stdout()
        return EXIT_OK
    finally:
        if out is not sys.stdout:
            out.close()


def _explain_all(args, cleaner: Cleaner, out) -> int:
    colour, failed, first = use_colour(args.color, out), 0, True
    views = []                       # --html: the pages' JSON data, rendered at the end
    for page in iter_pages(args.pages, DEFAULT_MAX_BYTES):
        if args.url:
            page.url = args.url
        try:
            ex = explain_page(cleaner, page)
        except Exception as exc:  # noqa: BLE001 - one bad page never stops the others
            failed += 1
            print(f"cleaner explain: {describe(page)}: {exc}", file=sys.stderr)
            continue
        if args.html:
            views.append(ex.to_dict())
        elif args.json:
            print(json.dumps(ex.to_dict(), ensure_ascii=False), file=out)
        else:
            print(("" if first else "\n") + render(ex, colour), file=out)
        first = False
    if views:
        out.write(render_html(views))
    return EXIT_SOME_FAILED if failed else EXIT_OK
