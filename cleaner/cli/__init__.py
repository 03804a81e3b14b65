"""The ``cleaner`` command line: one module per subcommand over a shared parser
(common.py). ``cleaner PATH...`` is clean.py; ``cleaner explain|rules|dedup|report``
the modules of those names."""
from __future__ import annotations

import sys

from . import clean, dedup, explain, report, rules
from .clean import build_parser
from .common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    UsageError,
    terminate_as_interrupt,
)

__all__ = ["EXIT_INTERRUPTED", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "SUBCOMMANDS", "UsageError",
           "build_parser", "main"]

# Subcommands share the command line with page paths: the first argument names
# one of these, else it is a path. A folder that happens to carry a subcommand's
# name is reached as ./rules. Each module has ``main(argv) -> int``.
SUBCOMMANDS = {"explain": explain.main, "rules": rules.main, "dedup": dedup.main, "report": report.main}


def main(argv: list[str] | None = None) -> int:
    """The ``cleaner`` command; its exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        with terminate_as_interrupt():
            if argv and argv[0] in SUBCOMMANDS:
                return SUBCOMMANDS[argv[0]](argv[1:])
            return clean.main(argv)
    except KeyboardInterrupt:        # Ctrl-C or kill before or after the run (loading rules, ...)
        print("cleaner: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
