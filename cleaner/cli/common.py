"""What every subcommand shares: the parser that exits 2 with one line, exit codes,
the options that name rules, and a quiet exit on a closed pipe."""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading

from ..io.sources import format_of
from ..model.options import DEFAULT_HTML_ENGINE, HTML_ENGINES

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
                   help="extra rules folder or rule file (repeatable); a file with a built-in id "
                        "overrides it")


def missing_input(paths: list[str]) -> str | None:
    """The usage error for the first input path that does not exist (``-`` is stdin),
    or None: a path that is not there stops the command before anything is written."""
    for path in paths:
        if path != "-" and not os.path.exists(path):
            return f"{path}: no such file or folder"
    return None


def url_input_error(url: str | None, paths: list[str]) -> str | None:
    """The usage error for ``--url`` given to anything but exactly one page (a page file
    or stdin; not a folder, a JSONL or a WARC file, which hold their own URLs), or None."""
    if url and (len(paths) != 1 or format_of(paths[0]) != "page" or os.path.isdir(paths[0])):
        return "--url needs exactly one input, a single page"
    return None


def add_html_engine_option(p: argparse.ArgumentParser) -> None:
    """--html-engine fast|trafilatura."""
    p.add_argument("--html-engine", choices=HTML_ENGINES, default=DEFAULT_HTML_ENGINE,
                   help=f"how HTML pages are read: fast (lexbor and resiliparse, compiled) or trafilatura "
                        f"(lxml and trafilatura); default {DEFAULT_HTML_ENGINE}; metadata.html_engine "
                        f"says which read each page")


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
