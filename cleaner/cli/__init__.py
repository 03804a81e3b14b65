"""The ``cleaner`` command line: one module per subcommand over a shared parser
(common.py). ``cleaner PATH...`` is clean.py; ``cleaner explain|rules|dedup|report``
the modules of those names."""
from __future__ import annotations

import importlib
import sys

from . import clean
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
# name is reached as ./rules. Each module (cleaner.cli.NAME) has ``main(argv) -> int``;
# it is imported when named, so the main job does not pay for the others (~30 ms).
SUBCOMMANDS = {"explain": "explain", "rules": "rules", "dedup": "dedup", "report": "report"}


def main(argv: list[str] | None = None) -> int:
    """The ``cleaner`` command; its exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        with terminate_as_interrupt():
            if argv and argv[0] in SUBCOMMANDS:
                module = importlib.import_module(f"{__name__}.{SUBCOMMANDS[argv[0]]}")
                return module.main(argv[1:])
            return clean.main(argv)
    except KeyboardInterrupt:        # Ctrl-C or kill before or after the run (loading rules, ...)
        print("cleaner: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
