"""``cleaner rules list|check|test|new|suggest|schema``: writing and checking rule files."""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import regex

from .. import ruleset as rs_mod
from ..api import Cleaner, Options
from ..io.sources import iter_pages
from ..model.page import DEFAULT_MAX_BYTES
from ..ruleset import RuleError
from ..ruleset import schema as rules_schema
from ..tools import authoring, suggest
from .common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, Parser, UsageError, add_rules_option, quiet_stdout

PROG = "cleaner rules"
FOLDER_NOTE = "A page folder named like a subcommand (rules, explain) is reached as ./rules."


def build_parser() -> argparse.ArgumentParser:
    """The ``cleaner rules`` parser and its subcommands."""
    p = Parser(prog=PROG, description="Write, check and test outlet rule files.",
                epilog=FOLDER_NOTE + " Guide: docs/rules.md.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name, help_, epilog=""):
        sp = sub.add_parser(name, help=help_, description=help_, epilog=epilog or None)
        add_rules_option(sp)
        return sp

    sp = add("list", "Outlets: id, where each file comes from, how pages are matched.")
    sp.add_argument("--json", action="store_true", help="one JSON object per outlet")
    sp = add("check", "Validate rule files: errors name file, line and key; warnings for untested "
                      "or unanchored patterns and rules that drop every line.",
             "Exit status: 0 no error (warnings allowed), 1 errors found, 2 usage error.")
    sp.add_argument("files", nargs="*", metavar="FILE", help="rule files or folders (default: every loaded file)")
    sp.add_argument("--pages", nargs="+", default=[], metavar="PATH",
                    help="sample pages of the outlet: warn when its rules drop every line of one")
    sp = add("test", "Run the test cases rule files carry: pass/fail per case, with what differed.",
             "Exit status: 0 every case passes, 1 a case fails or a file does not load.")
    sp.add_argument("files", nargs="*", metavar="FILE", help="rule files or folders (default: every loaded file)")
    sp = add("new", "Scaffold ID.yaml from sample pages: match section, proposed drops, one test "
                    "case per page prefilled with today's output.")
    sp.add_argument("id", metavar="ID", help="the new outlet's id (file name ID.yaml)")
    sp.add_argument("--from", dest="pages", nargs="+", required=True, metavar="PAGE",
                    help="sample pages (.txt, .html) or folders")
    sp.add_argument("--url", metavar="URL", help="a page URL of the site (its host goes to match.hosts)")
    sp.add_argument("--out", default=".", metavar="DIR", help="folder to write ID.yaml into (default: .)")
    sp.add_argument("--force", action="store_true", help="overwrite an existing ID.yaml")
    sp = add("suggest", "Lines no rule drops (kept, or only guessed by the structure passes, and kept on "
                        "one page at least) on many pages of one outlet, most frequent first, as drop entries "
                        "ready to paste under drop:.")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="pages or folders of one outlet")
    sp.add_argument("--outlet", metavar="ID", help="force this outlet's rules (default: detected per page)")
    sp.add_argument("--min-pages", type=int, default=suggest.MIN_PAGES, metavar="N",
                    help=f"a line no rule drops on at least N pages (default {suggest.MIN_PAGES})")
    sp.add_argument("--min-share", type=float, default=suggest.MIN_SHARE, metavar="F",
                    help=f"... and on at least this share of the pages (default {suggest.MIN_SHARE})")
    sp.add_argument("--top", type=int, default=40, metavar="N", help="print at most N entries (default 40)")
    add("schema", "Print the JSON Schema of rule files (the one shipped in the package).")
    return p


def _err(msg: str) -> None:
    print(f"{PROG}: error: {msg}", file=sys.stderr)


def main(argv: list[str]) -> int:
    """``cleaner rules``; the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        _err(f"{exc} (see cleaner rules --help)")
        return EXIT_USAGE
    if not args.command:
        build_parser().print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except RuleError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:          # `cleaner rules suggest ... | head`
        quiet_stdout()
        return EXIT_OK


def cmd_list(args) -> int:
    """``cleaner rules list``: outlets, their files and how pages are matched."""
    dirs = rs_mod.rule_dirs(args.rules)
    rs = rs_mod.load_ruleset(args.rules)
    builtin = rs_mod.builtin_rules_dir().resolve()
    env = [Path(d).resolve() for d in dirs[1:len(dirs) - len(args.rules)]]
    rows = []
    for o in [rs.common, *sorted(rs.outlets.values(), key=lambda o: o.id)]:
        folder = Path(o.source).resolve().parent
        origin = "built-in" if folder == builtin else "CLEANER_RULES_PATH" if folder in env else "--rules"
        # which file won: this one, over the files of the same id in earlier folders
        beaten = rs.overridden.get(o.id, [])
        if beaten:
            origin += ", overrides " + ", ".join(
                "built-in" if Path(src).resolve().parent == builtin else src for src in beaten)
        how = []
        if o.hosts:
            how.append("hosts " + ", ".join(o.hosts[:3]) + (f" (+{len(o.hosts) - 3})" if len(o.hosts) > 3 else ""))
        if o.url_patterns:
            how.append(f"{len(o.url_patterns)} URL pattern(s)")
        if o.text_markers:
            how.append(f"{len(o.text_markers)} text marker(s)")
        if o.extends:
            how.append(f"extends {o.extends}")
        rows.append({"id": o.id, "name": o.name, "source": o.source, "origin": origin,
                     "match": "; ".join(how) or ("every page (shared layer)" if o.id == rs_mod.COMMON_ID
                                                  else "only with --outlet"),
                     "rules": len(o.rules), "tests": len(o.cases), "overrides": beaten})
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return EXIT_OK
    w = max(len(r["id"]) for r in rows)
    for r in rows:
        print(f"{r['id']:<{w}}  {r['rules']:>3} rules {r['tests']:>3} tests  {r['match']}")
        print(f"{'':<{w}}  {r['source']} ({r['origin']})")
    return EXIT_OK


def cmd_check(args) -> int:
    """``cleaner rules check``: errors and warnings of rule files."""
    findings, n = authoring.check_files(args.files, args.rules, args.pages)
    for f in findings:
        print(f)
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    print(f"{n} file{'s' * (n != 1)} checked: {errors} error{'s' * (errors != 1)}, "
          f"{warnings} warning{'s' * (warnings != 1)}")
    return EXIT_SOME_FAILED if errors else EXIT_OK


def cmd_test(args) -> int:
    """``cleaner rules test``: every embedded case, pass or fail."""
    results, findings = authoring.test_files(args.files, args.rules)
    for f in findings:
        print(f)
    for r in results:
        print(f"{'PASS' if r.ok else 'FAIL'} {r.outlet}::{r.name}")
        for p in r.problems:
            print("    " + p.replace("\n", "\n    "))
    failed = sum(not r.ok for r in results)
    print(f"{len(results)} cases: {len(results) - failed} passed, {failed} failed")
    return EXIT_SOME_FAILED if failed or findings else EXIT_OK


def cmd_new(args) -> int:
    """``cleaner rules new``: a rule file scaffolded from sample pages."""
    if not regex.fullmatch(r"[a-z0-9][a-z0-9_-]*", args.id):
        _err(f"id {args.id!r} must be lower-case letters, digits, '-' or '_'")
        return EXIT_USAGE
    target = Path(args.out) / f"{args.id}.yaml"
    if target.exists() and not args.force:
        _err(f"{target} exists; use --force to overwrite it")
        return EXIT_USAGE
    cleaner = Cleaner(options=Options(rules_dirs=args.rules))
    if args.id in cleaner.ruleset.outlets:
        print(f"{PROG}: note: outlet {args.id!r} exists ({cleaner.ruleset.outlets[args.id].source}); "
              "the new file overrides it when its folder is given with --rules", file=sys.stderr)
    pages = list(iter_pages(args.pages, DEFAULT_MAX_BYTES))
    if args.url and len(pages) != 1:
        print(f"{PROG}: note: --url with several pages: only its host is used", file=sys.stderr)
    result = authoring.scaffold(cleaner, args.id, pages, args.url)
    for e in result.errors:
        print(f"{PROG}: {e}", file=sys.stderr)
    if not result.pages:
        _err("no page could be read; nothing written")
        return EXIT_SOME_FAILED
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.text, encoding="utf-8")
    except OSError as exc:
        _err(f"cannot write {target}: {exc.strerror or exc}")
        return EXIT_USAGE
    print(f"wrote {target} ({len(result.pages)} page{'s' * (len(result.pages) != 1)}); next: edit it, "
          f"then cleaner rules test {target}")
    return EXIT_SOME_FAILED if result.errors else EXIT_OK


def cmd_suggest(args) -> int:
    """``cleaner rules suggest``: lines no rule drops on many pages, as drop entries."""
    try:
        cleaner = Cleaner(options=Options(outlet=args.outlet, rules_dirs=args.rules, keep_dropped=True))
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    already: Counter = Counter()
    n, cands, errors = suggest.mine(cleaner, args.paths, min_pages=args.min_pages,
                                      min_share=args.min_share, already=already)
    for e in errors:
        print(f"{PROG}: {e}", file=sys.stderr)
    shown = cands[:args.top]
    print(f"# {n} pages read; {len(cands)} line(s) no rule drops on at least "
          f"{suggest.page_floor(n, args.min_pages, args.min_share)} of them"
          + (f", {len(shown)} shown" if len(shown) < len(cands) else "")
          + ". Check each category; paste under drop:")
    if already:     # why a site's pages can give nothing: the rules drop its boilerplate already
        top = ", ".join(f"{rule} {k}" for rule, k in sorted(already.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
        print(f"# Repeated lines the rules already drop, by rule (pages): {top}"
              + (f" (+{len(already) - 8} more rules)" if len(already) > 8 else ""))
    if shown:
        print("drop:")
        print("\n".join(suggest.drop_entries(shown, n)))
    return EXIT_SOME_FAILED if errors and not n else EXIT_OK


def cmd_schema(args) -> int:
    """``cleaner rules schema``: the JSON Schema of rule files."""
    print(json.dumps(rules_schema.json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


COMMANDS = {"list": cmd_list, "check": cmd_check, "test": cmd_test, "new": cmd_new,
            "suggest": cmd_suggest, "schema": cmd_schema}
