"""Normalisation, one vocabulary: three forms of a text, each for one purpose.

    page_text(text)      the page as the stages see it: mojibake repaired, line ends,
                         invisible characters and controls cleaned (was pipeline.normalise_input)
    folded_line(text)    one line folded for comparing two lines: NFKC, NBSP, runs of
                         spaces, case (was signals.normalize; memoised there)
    hash_form(text)      a body as compared for duplicates and hashed: NFKC, case-folded,
                         every run of non-letters and non-digits one space
                         (was hygiene.normalise; ``cleaner.hygiene.normalise`` still names it)

and ``printable_path``, a file name that JSON and UTF-8 can carry.
"""
from __future__ import annotations

import re
import unicodedata

import regex

from .encoding import repair_mojibake

# Invisible characters that scraped text carries and that would stop patterns;
# direction marks and embeddings (U+200E/F, U+202A-E, U+2066-9) are invisible too.
_INVISIBLE_CHARS = tuple("\u200b\u200c\u200d\u2060\ufeff\u00ad"
                         "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# NEL and the Unicode line and paragraph separators end lines (str.splitlines).
_LINE_ENDS = ("\x85", "\u2028", "\u2029")
# C0 and C1 controls but tab and line ends (NEL, U+0085, is a line end to splitlines()).
# A class of code points only: the standard library's engine means the same by it and
# scans a page for it several times faster than ``regex`` (it looks at every page twice).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Lone surrogates (a str from a careless caller) cannot be written as UTF-8.
SURROGATE = regex.compile(r"[\ud800-\udfff]")
# Everything that is not a letter or a digit (punctuation, symbols, quotes,
# dashes, emoji, combining marks left alone after NFKC) separates words.
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
# The same on ASCII text, where the letters and digits are exactly [A-Za-z0-9] (the
# standard library's engine, several times faster; most bodies are ASCII).
_NOT_WORD_ASCII = re.compile(r"[^A-Za-z0-9]+")


def printable_path(path: str | None) -> str | None:
    """A file name that is not valid UTF-8 (its bytes kept by Python as lone
    surrogates) with those bytes written as \\xNN, other lone surrogates (a URL from a
    caller) as \\uNNNN: JSON and UTF-8 can carry it."""
    if path is None or not SURROGATE.search(path):
        return path
    return SURROGATE.sub(lambda m: f"\\x{ord(m[0]) - 0xDC00:02x}" if "\udc80" <= m[0] <= "\udcff"
                         else f"\\u{ord(m[0]):04x}", path)


def scrubbed_text(text: str) -> str:
    """The text with line ends, invisible characters and controls that scraping leaves
    behind made plain (was pipeline.prepare_text)."""
    # (str.translate is slow on non-ASCII text: each character is deleted by replace,
    # and only when present; ASCII text has none and is already NFC)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ascii_only = text.isascii()
    if not ascii_only:
        for char in _INVISIBLE_CHARS:
            if char in text:
                text = text.replace(char, "")
        for char in _LINE_ENDS:     # line ends to str.splitlines(): "\n" from here on
            if char in text:
                text = text.replace(char, "\n")
    if CONTROL.search(text):
        text = CONTROL.sub(" ", text)
    if ascii_only:
        return text
    if SURROGATE.search(text):
        text = SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def line_count(text: str) -> int:
    """The lines the page will have once its line ends are made plain (CRLF, CR, NEL,
    U+2028 and U+2029 end a line; :func:`scrubbed_text`), counted without splitting it."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    if not text.isascii():
        ends += sum(text.count(char) for char in _LINE_ENDS)
    return ends + (1 if text and not text.endswith(("\n", "\r", *_LINE_ENDS)) else 0)


def page_text(text: str) -> tuple[str, int]:
    """(the page's text as the stages see it, lines whose mojibake was repaired).
    Mojibake repaired, then :func:`scrubbed_text`, repeated until stable: a control
    character inside a mojibake pair blocks its repair until it is gone, and a second
    cleaning must find nothing left to repair."""
    total = 0
    for _ in range(3):
        fixed, repaired = repair_mojibake(text)
        fixed = scrubbed_text(fixed)
        total += repaired
        if fixed == text:
            break
        text = fixed
    return text, total


# Inline formatting tags a dump left in its text ("Mau <i>Healing</i> Malah Pening!", the
# headline's copy on an Okezone page; "<i>fogging </i>atau", a Kompas.id caption printed again
# without them under its credit): a line and its tagged copy are the same line.
_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|u|s|small|mark|sup|sub|span)(?:\s[^<>]{0,200})?>", re.I)


# Curly quotes and dashes as straight ones: WordPress curls the quotes and dashes of the
# text it prints (a caption) but not of an attribute (the image's alt text printed above
# it), so a caption and its copy differ by them alone ("lagu 'Goyang Tobelo'." / "lagu
# ‘Goyang Tobelo’.": a Sulawesi outlet of AH; a headline "Halsey may be 'Bad at Love,' ..."
# printed both ways on an English page of the ScrapingHub dumps).
_QUOTES_DASHES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                                "‟": '"', "–": "-", "—": "-"})


def folded_line(text: str) -> str:
    """The line with case, width, NBSP, runs of spaces, curly quotes and dashes and inline
    formatting tags (``<i>``, ``</em>``...) folded, and an HTML comment's close a template left
    at its end ("Judul -->", then the headline again without it: two Blogger outlets' page tops,
    a small site of BK, an HTML sample's text): for comparing two lines."""
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    if text.endswith("-->"):
        text = text[:-3]
    text = unicodedata.normalize("NFKC", text)      # NFKC maps U+00A0 to a space too
    if not text.isascii():
        text = text.translate(_QUOTES_DASHES)
    return " ".join(text.split()).casefold()


def hash_form(text: str) -> str:
    """The body as compared for duplicates: NFKC, case-folded, every run of
    characters that are not letters or digits (punctuation, symbols, line
    breaks, spaces) replaced by one space, stripped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return (_NOT_WORD_ASCII if folded.isascii() else _NOT_WORD).sub(" ", folded).strip()
