"""Cheap per-line text signals shared by the structural stages.

The thresholds are named constants; each says how it was chosen. Before changing
one, re-run the dev-corpus score (see README, "Measuring quality") and compare.
"""
from __future__ import annotations

import contextlib
import functools
import re

import regex

from . import normalise

# WORD and SENTENCE_END define a word and a sentence end; the code runs the faster
# equivalents below (_WORD_FAST, _WORD_ASCII, ends_sentence), and tests/test_signals.py
# checks that they agree.
WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}'’\-.]*[\p{L}\p{N}])?")
# The same words, matched without backtracking (2-3x faster): a run of letters and
# digits, then more runs joined by apostrophes, hyphens or dots. Leftmost-greedy, it
# ends at the last letter or digit of the run, as WORD does (tests/test_signals.py).
_WORD_FAST = regex.compile(r"[\p{L}\p{N}]+(?:['’\-.]+[\p{L}\p{N}]+)*")
# On ASCII text, letters and digits are exactly [A-Za-z0-9], and the standard
# library's engine reads such a class about 5x faster.
_WORD_ASCII = re.compile(r"[A-Za-z0-9]+(?:['\-.]+[A-Za-z0-9]+)*")
SENTENCE_END = regex.compile(r"""[.!?…]["”’'»)\]]*\s*$""")
# What ``regex``'s \s matches (checked by tests/test_matcher.py).
SPACES = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                   "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_SPACES = "".join(sorted(SPACES))
# A letter or a figure: a line without one is punctuation (a separator, a span's leftovers).
WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_CLOSERS = "\"”’'»)]"
_TERMINALS = (".", "!", "?", "…")
QUOTE_START = regex.compile(r"""^["“”'‘’«]""")

# jusText (Pomikálek 2011) calls a paragraph "good" when its stopword density is
# >= 0.32 and "bad" below 0.30. One text line here is one paragraph. We use its
# Indonesian stoplist; the figures are jusText's own defaults, kept as they are.
STOPWORDS_HIGH = 0.32
STOPWORDS_LOW = 0.30

# Lower-case function words that stay lower case in Indonesian title case
# ("Harga Cabai di Tegal"); they do not count against a line being headline-like.
TITLE_SMALL_WORDS = frozenset(
    "di ke dari dan yang untuk dengan pada atau ini itu soal jadi dalam oleh bagi akan "
    "sebagai agar tak tidak usai saat jelang hingga karena vs si sang para the of and a "
    "in on to for by at is are bisa ada juga lagi kok kan pun".split())


@functools.lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """jusText's Indonesian stoplist (loaded once; falls back to an empty set)."""
    try:
        import justext
        return frozenset(w.lower() for w in justext.get_stoplist("Indonesian"))
    except Exception:  # pragma: no cover - justext is a hard dependency
        return frozenset()


# ---------------------------------------------------------------- memo
# The structure stage asks the same questions about the same line many times
# (words, folded text, prose_like, headline_like). The answers are pure functions
# of the text, so they are remembered in a :class:`SignalMemo`: the caller owns
# one per document (``Doc.memo``; the later passes over the same page share the
# first pass's) and makes it the active one while its stages run
# (``with memo.active():``). Memory stays flat and no page is cleaned faster
# because another page came before it. Outside any document (a tool asking about
# one line) a process-wide memo answers, bounded like every memo.
_MEMO_MAX = 4096
# The words of a line longer than this are remembered only while the stages run, not
# for the rest of the page (a paragraph is under 5,000 characters; the words of a line
# of 5 MB are 50 MB of strings, which the hygiene fields' copies would come on top of).
_MEMO_MAX_CHARS = 100_000
MEMO_MAX = _MEMO_MAX     # the bound, for memos kept outside this module
_SLOT_NAMES: list[str] = []


class SignalMemo:
    """The memoised answers of one document: one dict per memoised question."""

    __slots__ = ("caches",)

    def __init__(self):
        self.caches: list[dict] = [{} for _ in _SLOT_NAMES]

    @contextlib.contextmanager
    def active(self):
        """Make this memo the one the signals answer from, for the block."""
        caches = self.caches
        if len(caches) < len(_SLOT_NAMES):
            caches.extend({} for _ in range(len(_SLOT_NAMES) - len(caches)))
        before = _active[:]
        _active[:] = caches
        try:
            yield self
        finally:
            _active[:] = before
            if caches[_LONG]:
                caches[_LONG].clear()

    def is_empty(self) -> bool:
        """True when no answer is remembered."""
        return not any(self.caches)


# The caches of the active memo, by slot (replaced in place by SignalMemo.active).
_active: list[dict] = []


def memo_slot(name: str) -> int:
    """A new slot in every memo, for a memo kept outside this module (by index into
    :func:`active_cache`)."""
    _SLOT_NAMES.append(name)
    _active.append({})
    return len(_SLOT_NAMES) - 1


def active_cache(slot: int) -> dict:
    """The active memo's dict for ``slot`` (see :func:`memo_slot`)."""
    return _active[slot]


_LONG = memo_slot("long lines")     # (slot, text) -> answer, for the slots that keep_long=False
_MISS = object()                     # no answer remembered (None and False are answers)


def _memo(fn=None, *, keep_long: bool = True):
    if fn is None:
        return functools.partial(_memo, keep_long=keep_long)
    slot = memo_slot(fn.__name__)
    active = _active
    longest = None if keep_long else _MEMO_MAX_CHARS

    @functools.wraps(fn)
    def wrapper(text: str):
        cache = active[slot]
        # .get, not try/except KeyError: a fifth of the calls miss, and a raised
        # KeyError costs more than the look-ups it saves on the hits.
        value = cache.get(text, _MISS)
        if value is not _MISS:
            return value
        if longest is not None and len(text) > longest:     # kept while the stages run
            long = active[_LONG]
            key = (slot, text)
            if key not in long:
                long[key] = fn(text)
            return long[key]
        if len(cache) >= _MEMO_MAX:
            cache.clear()
        value = cache[text] = fn(text)
        return value
    wrapper.uncached = fn
    wrapper.slot = slot
    return wrapper


# Remember a pure function of one line's text in the active memo (dates.is_date_line).
memo = _memo

folded_line = _memo(normalise.folded_line)


@_memo(keep_long=False)
def _words(text: str) -> tuple[str, ...]:
    return tuple((_WORD_ASCII if text.isascii() else _WORD_FAST).findall(text))


def words(text: str) -> list[str]:
    """The line's words (letters and digits, joined by apostrophes, hyphens or dots)."""
    return list(_words(text))


@_memo
def count_words(text: str) -> int:
    """``len(words(text))``, remembered: the structure stage asks it of most lines,
    several times (one look-up instead of a copy of the words)."""
    return len(_words(text))


@_memo
def stopword_density(text: str) -> float:
    """Share of the line's words in jusText's Indonesian stoplist."""
    ws = _words(text)
    if not ws:
        return 0.0
    return sum(map(stoplist().__contains__, map(str.lower, ws))) / len(ws)


@_memo
def capitalized_ratio(text: str) -> float:
    """Share of content words that start with a capital or digit (title case)."""
    # Domains ("kemnaker.go.id") are lower case in any headline: not counted.
    small = TITLE_SMALL_WORDS
    content = [w for w in _words(text) if "." not in w and w.lower() not in small]
    if not content:
        return 0.0
    return sum(w[0].isupper() or w[0].isdigit() for w in content) / len(content)


@_memo
def lowercase_content_words(text: str) -> int:
    """How many content words start with a lower-case letter. Indonesian title case
    capitalises every content word: of the 95 dev headlines 88 have none and 7 one
    ("rumah", "antara", "setelah"); a line with two is a sentence, not a headline."""
    small = TITLE_SMALL_WORDS
    return sum(1 for w in _words(text) if "." not in w and w[0].islower() and w.lower() not in small)


def ends_sentence(text: str) -> bool:
    # SENTENCE_END without a search from every position: drop the trailing
    # whitespace (regex's \s), then the closing quotes and brackets; a terminal
    # mark must be what is left at the end (tests/test_signals.py).
    """The line ends with a sentence's closing mark (quotes and brackets after it allowed)."""
    return text.rstrip(_SPACES).rstrip(_CLOSERS)[-1:] in _TERMINALS


# A headline: 3..30 words, title case for most content words, no sentence end.
# Chosen from the dev corpus headlines (shortest 3 words, longest 24) and checked
# against its body subheadings, which also pass: callers add position evidence.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
HEADLINE_CAPS = 0.6


# Where one word runs into the next with no space ("KamiPedoman", "WhatsAppBagikan"):
# a page dump glues the labels of a row of links (a footer menu, share buttons) when
# the page puts no space between them.
_GLUED = regex.compile(r"(?<=\p{Ll}\p{Ll})\p{Lu}(?=\p{Ll})")
# A headline may name a brand or two written in camel case ("WhatsApp", "YouTube",
# "TikTok"); four junctions is a row of links run together (kumparan's footer menu,
# bantenraya's share buttons, antaranews' section menus in the HTML samples' dumps).
GLUED_ROW = 4


@_memo(keep_long=False)
def glued_row(text: str) -> bool:
    """Link labels run together into one line (GLUED_ROW or more junctions)."""
    return len(_GLUED.findall(text)) >= GLUED_ROW


@_memo
def link_like(text: str) -> bool:
    """The shape of a headline, whatever its case: 3-30 words, no closing
    punctuation but an ellipsis, not a quotation, not a row of links run together. A bar
    closing the line is an empty table cell's: a photo table's caption or credit cell ("Cabai
    Rawit di Lapak Pedagang Pasar Legi Mojosari |" under "![]() |": two outlets of BA)."""
    ws = _words(text)
    if not HEADLINE_MIN_WORDS <= len(ws) <= HEADLINE_MAX_WORDS:
        return False
    if glued_row(text):
        return False
    if text.rstrip().endswith((".", ",", ";", ":", "|")) and not text.rstrip().endswith(". . .") \
            and not text.rstrip().endswith("..."):
        return False
    return not QUOTE_START.match(text)


@_memo
def headline_like(text: str) -> bool:
    """:func:`link_like` and in title case (most content words capitalised)."""
    return link_like(text) and capitalized_ratio(text) >= HEADLINE_CAPS


# A headline printed with a closing mark ("..., Ternyata. . .", "... Wartawan.",
# "... Maung Bandung !") still is one when nearly every content word is
# capitalised: body sentences never are. 0.85 leaves room for one lower-case
# content word in a dozen (the dev corpus titles with a closing mark score 1.0).
# The mark may close a quotation the headline ends with: 'Solidaritas Pers Sumsel Bangkit
# "Pers Tidak Boleh Dibungkam!"' (AX), its closing quote after the mark, as ends_sentence
# reads closers.
TITLE_CASE_STRICT = 0.85
TITLE_MARKED_MAX_WORDS = 20
CLOSING_MARKS = regex.compile(r"\s*(?:[.!?…]\s*)+(?:[\"”’»]\s*)*$")


# A sentence ending inside the line: a lower-case word, a full stop, then a capital ("... di
# Sungai Masamba naik. Luwu Utara Banjir": a paragraph with the headline run into its end, BG).
# A title-case headline has no lower-case word of three letters or more before a full stop
# (none of the labelled pages' headlines has); an abbreviation ("Jl.", "Dr.") is capitalised.
SENTENCE_INSIDE = regex.compile(r"(?<![\p{L}.])\p{Ll}{3,}\.\s+\p{Lu}")


def title_like(text: str) -> bool:
    """A headline: :func:`headline_like` and not prose, or title case so strict
    that a closing full stop or ellipsis does not make it a sentence (with fewer than two
    content words in lower case: "Kegiatan tersebut berlangsung di Masjid Darussalam ...
    Pada Rabu (05/02/2025)." is a sentence full of names, a small site of W); no sentence
    ends inside it (SENTENCE_INSIDE)."""
    if headline_like(text) and not prose_like(text):
        return "." not in text or SENTENCE_INSIDE.search(text) is None
    bare = CLOSING_MARKS.sub("", text)
    return bare != text and count_words(bare) <= TITLE_MARKED_MAX_WORDS and headline_like(bare) \
        and capitalized_ratio(bare) >= TITLE_CASE_STRICT and lowercase_content_words(bare) < 2 \
        and SENTENCE_INSIDE.search(bare) is None


def sentence_case(text: str) -> bool:
    """A sentence-case line ("Media Malaysia mewanti-wanti pelatih anyar ..."):
    two of the first four content words after the first are lower case. A
    title-case headline has none; a standfirst has most."""
    content = [w for w in words(text)[1:] if w.lower() not in TITLE_SMALL_WORDS and "." not in w][:4]
    return sum(w[0].islower() for w in content) >= 2


# A "prose" line: what an article paragraph looks like. Eight words is one short
# Indonesian sentence; shorter lines are judged by their neighbours instead.
PROSE_MIN_WORDS = 8


@_memo
def prose_like(text: str) -> bool:
    """The line reads like an article's sentence (8+ words, a sentence end or stopword-dense)."""
    ws = _words(text)
    if len(ws) < PROSE_MIN_WORDS:
        return False
    if ends_sentence(text) or QUOTE_START.match(text):
        return True
    return stopword_density(text) >= STOPWORDS_LOW and capitalized_ratio(text) < HEADLINE_CAPS


def same_text(a: str, b: str) -> bool:
    """The two lines are the same once folded (:func:`folded_line`)."""
    return folded_line(a) == folded_line(b)


def starts_with_text(longer: str, prefix: str, min_chars: int = 10) -> bool:
    """``longer`` repeats ``prefix`` and adds something (a caption with its credit)."""
    a, b = folded_line(longer), folded_line(prefix).rstrip(" .")
    return len(b) >= min_chars and len(a.rstrip(" .")) > len(b) and a.startswith(b)
