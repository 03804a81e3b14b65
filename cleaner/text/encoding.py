"""Bytes to text: BOMs, UTF-8, detected code pages, and mojibake repaired where the
fix is an exact re-decoding."""
from __future__ import annotations

import codecs
import re

from ..model.page import PageError

# Share of control bytes above which a file is binary, not text.
BINARY_CONTROL_SHARE = 0.05
# The control bytes counted: below tab, and between carriage return and space.
_CONTROL_BYTES = bytes(b for b in range(256) if b < 9 or 13 < b < 32)


def check_bytes(data: bytes) -> None:
    """Raise PageError for an empty page or binary content (UTF-16/32 with a BOM is text)."""
    if not data.strip():
        raise PageError("empty page")
    if data.startswith(BOMS):
        return
    sample = data[:65536]
    # The control bytes counted in C: what deleting them takes off the sample's length.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > BINARY_CONTROL_SHARE:
        raise PageError("not a text file (binary content)")


# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOM_CODECS = {codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be", codecs.BOM_UTF8: "utf-8",
              codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
BOMS = tuple(BOM_CODECS)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding): :func:`decode_page` without its warnings."""
    text, encoding, _ = decode_page(data)
    return text, encoding


def decode_page(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding, warnings). A BOM (UTF-8, UTF-16, UTF-32) decides; else
    valid UTF-8 is UTF-8; UTF-8 but for a few invalid bytes is UTF-8 with those bytes
    read as windows-1252 (:func:`utf8_repaired`, and a warning); anything else is
    detected with charset-normalizer. The encoding is a Python codec name ("utf-8",
    "utf-16-le", "cp1252", ...)."""
    check_bytes(data)
    for bom, enc in BOM_CODECS.items():
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, []
            except UnicodeDecodeError:
                raise PageError(f"not a text file (a {enc} BOM, but invalid {enc} after it)") from None
    utf8 = as_utf8(data)
    if utf8 is not None:
        return utf8
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise PageError("not a text file (no text encoding fits)")
    return str(best), codec_name(best.encoding), []


# ------------------------------------------------------------------ UTF-8 with a few bad bytes
# A UTF-8 page with one line in windows-1252 (pasted from another page) is UTF-8: detecting
# its encoding as a whole would decode every line in some legacy code page (its curly
# quotes as "‚Äú" in mac_iceland). The page is UTF-8 when the bytes of its valid
# multi-byte UTF-8 characters outnumber its invalid bytes; a legacy page almost never
# holds a valid multi-byte UTF-8 sequence, so it still goes to detection.
NON_ASCII = re.compile(rb"[\x80-\xff]+")


def utf8_repaired(data: bytes) -> tuple[str, int] | None:
    """(``data`` as UTF-8 with each invalid byte read as windows-1252 (U+FFFD for the
    five bytes it leaves undefined), how many bytes that was), or None when the page
    is not mostly UTF-8 (its invalid bytes at least as many as those of its valid
    multi-byte characters)."""
    pieces, pos, valid, invalid = [], 0, 0, 0
    for m in NON_ASCII.finditer(data):
        text, bad = _repaired_run(m.group())
        pieces.append(data[pos:m.start()].decode("ascii"))
        pieces.append(text)
        valid += m.end() - m.start() - bad
        invalid += bad
        pos = m.end()
    if invalid == 0 or valid <= invalid:
        return None
    pieces.append(data[pos:].decode("ascii"))
    return "".join(pieces), invalid


def as_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """(text, "utf-8", warnings) for valid UTF-8, or UTF-8 but for a few invalid bytes
    (:func:`utf8_repaired`, with a warning); None for anything else."""
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    repaired = utf8_repaired(data)
    if repaired is None:
        return None
    invalid = repaired[1]
    return repaired[0], "utf-8", [f"encoding: UTF-8 but for {invalid} invalid byte{'s' * (invalid != 1)}, "
                                  "read as windows-1252"]


def _repaired_run(run: bytes) -> tuple[str, int]:
    """A run of non-ASCII bytes as UTF-8, each invalid sequence read as windows-1252."""
    out, bad, pos = [], 0, 0
    while pos < len(run):
        try:
            out.append(run[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(run[pos:pos + exc.start].decode("utf-8"))
            wrong = run[pos + exc.start:pos + exc.end]
            out.append(wrong.decode("cp1252", errors="replace"))
            bad += len(wrong)
            pos += exc.end
    return "".join(out), bad


def codec_name(name: str) -> str:
    """Python's canonical name of a codec (the name as given if unknown)."""
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
