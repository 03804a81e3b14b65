"""What every subcommand shares: the parser that exits 2 with one line, exit codes,
the options that name rules, and a quiet exit on a closed pipe."""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A command line that does not parse; the message is the one line printed."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error raises :class:`UsageError` (exit 2 with one clear line, no usage dump)."""

    def error(self, message):
        """Raise UsageError instead of printing the usage and exiting."""
        raise UsageError(message)


def add_rules_option(p: argparse.ArgumentParser) -> None:
    """--rules DIR (repeatable)."""
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="extra rules folder (repeatable); a file with a built-in id overrides it")


def quiet_stdout() -> None:
    """After a closed pipe (`| head`), silence the interpreter's final flush."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


@contextlib.contextmanager
def terminate_as_interrupt():
    """``kill`` (SIGTERM) raises KeyboardInterrupt in the block, as Ctrl-C does, so a
    command ends the same way (one line, exit 130, a --resume checkpoint kept); only
    in the main thread (a library caller's thread cannot set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    raise KeyboardInterrupt
