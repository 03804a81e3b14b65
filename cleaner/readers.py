"""Reading inputs: files, folders (walked recursively, sorted), and stdin.

A reader yields :class:`Page` objects and never raises for one bad file: a page
that cannot be read is yielded with ``error`` set, so the batch goes on and the
failure is reported with the file's name.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Default cap on one page's size; a news page dump is a few hundred kB at most.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Share of control bytes above which a file is binary, not text.
BINARY_CONTROL_SHARE = 0.05


class PageError(Exception):
    """A page that cannot be cleaned; the message says why (the caller adds the file)."""


@dataclass
class Page:
    source: str                 # path as given, or "<stdin>"
    data: bytes | None = None
    url: str | None = None
    kind: str = "text"          # "text" or "html" ("jsonl": one raw JSONL line, see sources.py)
    error: str | None = None
    line: int | None = None             # line number in a JSONL input
    warc_record_id: str | None = None   # WARC-Record-ID in a WARC input


def kind_of(name: str, data: bytes | None = None) -> str:
    low = name.lower()
    if low.endswith(HTML_SUFFIXES):
        return "html"
    if low.endswith(TEXT_SUFFIXES):
        return "text"
    head = (data or b"")[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def iter_files(paths: list[str], accept=None) -> list[tuple[str, str | None]]:
    """(path, error) for every input file, folders expanded in sorted order; a folder's
    files are those ``accept(name)`` says yes to (default: page suffixes)."""
    accept = accept or (lambda f: f.lower().endswith(SUFFIXES) and not f.startswith("."))
    out: list[tuple[str, str | None]] = []
    for p in paths:
        if p == "-":
            out.append(("-", None))
        elif os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if accept(f):
                        found.append(os.path.join(root, f))
            out.extend((f, None) for f in found)
        elif os.path.exists(p):
            out.append((p, None))
        else:
            out.append((p, "no such file or folder"))
    return out


def read_page(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                return Page(source, error=f"page is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
            # Read at most one byte past the limit: a device or a file that grows
            # (/dev/zero, a log being written) reports a small size and never ends.
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            return Page(source, error=f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Page(source, error=f"page is over the limit of {max_bytes} bytes (--max-bytes)")
    return Page(source, data=data, kind=kind_of(source, data))


def iter_pages(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES):
    for path, error in iter_files(paths):
        yield Page(path, error=error) if error else read_page(path, max_bytes)


def check_bytes(data: bytes) -> None:
    """Raise PageError for an empty page or binary content (UTF-16/32 with a BOM is text)."""
    if not data.strip():
        raise PageError("empty page")
    if data.startswith(BOMS):
        return
    sample = data[:65536]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if controls / len(sample) > BINARY_CONTROL_SHARE:
        raise PageError("not a text file (binary content)")


# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOM_CODECS = {codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be", codecs.BOM_UTF8: "utf-8",
              codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
BOMS = tuple(BOM_CODECS)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding). A BOM (UTF-8, UTF-16, UTF-32) decides; else valid
    UTF-8 is UTF-8; anything else is detected with charset-normalizer. The
    encoding is a Python codec name ("utf-8", "utf-16-le", "cp1252", ...)."""
    check_bytes(data)
    for bom, enc in BOM_CODECS.items():
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError:
                raise PageError(f"not a text file (a {enc} BOM, but invalid {enc} after it)") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise PageError("not a text file (no text encoding fits)")
    return str(best), codec_name(best.encoding)


def codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


# ------------------------------------------------------------------ mojibake
# UTF-8 read as windows-1252 (or latin-1) turns each multi-byte character into
# a lead character (bytes C2-F4) followed by continuation characters (bytes
# 80-BF): "é" -> "Ã©", "“" -> "â€œ". Only lines holding such a pair go to ftfy.
_CONT = bytes(range(0x80, 0xC0)).decode("latin-1") + "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
MOJIBAKE = re.compile(f"[{bytes(range(0xC2, 0xF5)).decode('latin-1')}][{re.escape(_CONT)}]")
# ftfy steps that undo a wrong decoding exactly, and replace_lossy_sequences,
# which turns a sequence whose bytes were already lost ("â€\ufffd") into one
# U+FFFD. Its other step guesses (restore_byte_a0 takes a space for a lost
# byte A0): a line that needs it is left as it is.
CERTAIN_STEPS = {("decode", "utf-8"), ("encode", "latin-1"), ("encode", "sloppy-windows-1252"),
                 ("encode", "windows-1252"), ("encode", "sloppy-windows-1250"), ("encode", "windows-1250"),
                 ("apply", "decode_inconsistent_utf8"), ("apply", "fix_c1_controls"),
                 ("transcode", "replace_lossy_sequences")}
# ftfy's own limit for encoding fixes (its max_decode_length): longer lines are left alone.
REPAIR_MAX_LINE = 1_000_000


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as windows-1252/latin-1, line by line, where ftfy's fix is
    an exact re-decoding; returns the text and how many lines were repaired.
    Clean text (Indonesian, curly quotes, accented names) is never touched:
    a line without a lead+continuation pair is not even looked at."""
    if not MOJIBAKE.search(text):
        return text, 0
    import ftfy
    lines = text.splitlines(keepends=True)
    repaired = 0
    for i, line in enumerate(lines):
        if len(line) > REPAIR_MAX_LINE or not MOJIBAKE.search(line):
            continue
        fixed = ftfy.fix_encoding_and_explain(line)
        steps = {tuple(step) for step in fixed.explanation}
        if fixed.text != line and steps <= CERTAIN_STEPS:
            lines[i] = fixed.text
            repaired += 1
    return ("".join(lines), repaired) if repaired else (text, 0)
