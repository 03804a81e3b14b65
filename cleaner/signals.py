"""Cheap per-line text signals shared by the structural stages.

The thresholds are named constants; each says how it was chosen. Before changing
one, re-run the dev-corpus score (see README, "Measuring quality") and compare.
"""
from __future__ import annotations

import functools
import unicodedata

import regex

WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}'’\-.]*[\p{L}\p{N}])?")
TERMINAL = regex.compile(r"""[.!?…;:"”’'»)\]*]\s*$""")
SENTENCE_END = regex.compile(r"""[.!?…]["”’'»)\]]*\s*$""")
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


def normalize(text: str) -> str:
    """Fold case, width, NBSP and runs of spaces: for comparing two lines."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stopword_density(text: str) -> float:
    ws = words(text)
    if not ws:
        return 0.0
    stops = stoplist()
    return sum(w.lower() in stops for w in ws) / len(ws)


def capitalized_ratio(text: str) -> float:
    """Share of content words that start with a capital or digit (title case)."""
    # Domains ("kemnaker.go.id") are lower case in any headline: not counted.
    content = [w for w in words(text) if w.lower() not in TITLE_SMALL_WORDS and "." not in w]
    if not content:
        return 0.0
    return sum(w[0].isupper() or w[0].isdigit() for w in content) / len(content)


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


# A headline: 3..30 words, title case for most content words, no sentence end.
# Chosen from the dev corpus headlines (shortest 3 words, longest 24) and checked
# against its body subheadings, which also pass: callers add position evidence.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
HEADLINE_CAPS = 0.6


def headline_like(text: str) -> bool:
    ws = words(text)
    if not HEADLINE_MIN_WORDS <= len(ws) <= HEADLINE_MAX_WORDS:
        return False
    if text.rstrip().endswith((".", ",", ";", ":")) and not text.rstrip().endswith(". . .") \
            and not text.rstrip().endswith("..."):
        return False
    if QUOTE_START.match(text):
        return False
    return capitalized_ratio(text) >= HEADLINE_CAPS


# A headline printed with a closing mark ("..., Ternyata. . .", "... Wartawan.",
# "... Maung Bandung !") still is one when nearly every content word is
# capitalised: body sentences never are. 0.85 leaves room for one lower-case
# content word in a dozen (the dev corpus titles with a closing mark score 1.0).
TITLE_CASE_STRICT = 0.85
TITLE_MARKED_MAX_WORDS = 20
CLOSING_MARKS = regex.compile(r"\s*(?:[.!?…]\s*)+$")


def title_like(text: str) -> bool:
    """A headline: :func:`headline_like` and not prose, or title case so strict
    that a closing full stop or ellipsis does not make it a sentence."""
    if headline_like(text) and not prose_like(text):
        return True
    bare = CLOSING_MARKS.sub("", text)
    return bare != text and len(words(bare)) <= TITLE_MARKED_MAX_WORDS and headline_like(bare) and capitalized_ratio(bare) >= TITLE_CASE_STRICT


def sentence_case(text: str) -> bool:
    """A sentence-case line ("Media Malaysia mewanti-wanti pelatih anyar ..."):
    two of the first four content words after the first are lower case. A
    title-case headline has none; a standfirst has most."""
    content = [w for w in words(text)[1:] if w.lower() not in TITLE_SMALL_WORDS and "." not in w][:4]
    return sum(w[0].islower() for w in content) >= 2


# A "prose" line: what an article paragraph looks like. Eight words is one short
# Indonesian sentence; shorter lines are judged by their neighbours instead.
PROSE_MIN_WORDS = 8


def prose_like(text: str) -> bool:
    ws = words(text)
    if len(ws) < PROSE_MIN_WORDS:
        return False
    if ends_sentence(text) or QUOTE_START.match(text):
        return True
    return stopword_density(text) >= STOPWORDS_LOW and capitalized_ratio(text) < HEADLINE_CAPS


def same_text(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def starts_with_text(longer: str, prefix: str, min_chars: int = 10) -> bool:
    """``longer`` repeats ``prefix`` and adds something (a caption with its credit)."""
    a, b = normalize(longer), normalize(prefix).rstrip(" .")
    return len(b) >= min_chars and len(a) > len(b) and a.startswith(b)
