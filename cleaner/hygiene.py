"""Per-record corpus hygiene: the body's normalised hash, its language, and
cheap quality signals. All of it is computed from the assembled body.

``normalise`` is shared with :mod:`cleaner.dedup` (its shingles are words of
the same normalised text), so an exact copy by ``text_hash`` is also a near
copy with similarity 1.0.
"""
from __future__ import annotations

import hashlib
import threading
import unicodedata

import regex

# Everything that is not a letter or a digit (punctuation, symbols, quotes,
# dashes, emoji, combining marks left alone after NFKC) separates words.
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")

# Language ID reads a bounded prefix of the body, so its cost per record stays
# flat on long articles: py3langid walks the text byte by byte in Python (about
# 0.45 ms for 600 characters, 0.6 ms for 1,000, 2.7 ms for 7,000; the whole
# cleaning is ~4.5 ms of CPU per page). On the 74 seed and dev bodies 400, 600,
# 1,000 and 3,000 characters all give `id` (without the Malay rule below); 200
# gives `ms` twice. 600 leaves a margin.
LANGUAGE_PREFIX = 600
# Below this many letters the identifier guesses: no language is given.
MIN_LETTERS = 20


def normalise(text: str) -> str:
    """The body as compared for duplicates: NFKC, case-folded, every run of
    characters that are not letters or digits (punctuation, symbols, line
    breaks, spaces) replaced by one space, stripped."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def text_hash(text: str) -> str:
    """Hash of :func:`normalise` (BLAKE2b, 8 bytes, 16 hex): two bodies that
    differ only in case, whitespace, line breaks or punctuation hash alike."""
    return _hash(normalise(text))


def _hash(normalised: str) -> str:
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).hexdigest()


def word_count(normalised: str) -> int:
    return len(normalised.split())


# ------------------------------------------------------------------ language
_IDENTIFIER = None
_LOCK = threading.Lock()


def _identifier():
    """py3langid's model (shipped inside its wheel), loaded once per process on
    first use (~1.5 s); never downloaded."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier
                _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER


def detect_language(text: str, *, indonesian_source: bool = False) -> tuple[str | None, float | None]:
    """``(ISO 639-1 code, probability)`` of the body's first ``LANGUAGE_PREFIX``
    characters; ``(None, None)`` when there are too few letters to tell.

    Indonesian and Malay share most of their vocabulary and py3langid often
    answers ``ms`` on short Indonesian text. On an Indonesian source (a page of
    a known outlet, or on an ``.id`` host) ``ms`` is read as ``id`` and the score
    is P(id) + P(ms): the model's probability that the text is one of the two.
    """
    sample = text[:LANGUAGE_PREFIX]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return None, None
    ranked = _identifier().rank(sample)
    lang, score = ranked[0]
    if lang == "ms" and indonesian_source:
        lang = "id"
    if lang == "id" and indonesian_source:
        score = sum(s for code, s in ranked[:3] if code in ("id", "ms"))
    return lang, round(min(float(score), 1.0), 4)


def is_indonesian_source(outlet: str | None, site: str | None) -> bool:
    """A page of a known outlet (every built-in rule file is an Indonesian
    outlet) or on an Indonesian host (``.id``)."""
    return bool(outlet) or bool(site and (site == "id" or site.endswith(".id")))


# ------------------------------------------------------------------ the record
def fill(md, body: list[str], total_lines: int, dropped_lines: int) -> None:
    """Set the hygiene fields of one record's metadata from its body paragraphs."""
    text = "\n\n".join(body)
    norm = normalise(text)
    md.text_hash = _hash(norm)
    md.word_count = word_count(norm)
    md.paragraph_count = len(body)
    md.dropped_share = round(dropped_lines / total_lines, 4) if total_lines else 0.0
    md.language, md.language_score = detect_language(
        text, indonesian_source=is_indonesian_source(md.outlet, md.site))


def keep_languages(records, languages):
    """Stream filter: only the records whose ``metadata.language`` is one of
    ``languages`` (a set of codes). Records are :class:`~cleaner.record.Record`
    objects or their dicts; a record without a language is left out. A string
    is read as a comma-separated list (``"id,en"``), as ``--languages`` gives it."""
    if isinstance(languages, str):
        languages = [code.strip() for code in languages.split(",") if code.strip()]
    wanted = set(languages)
    for rec in records:
        md = rec["metadata"] if isinstance(rec, dict) else rec.metadata
        lang = md.get("language") if isinstance(md, dict) else md.language
        if lang in wanted:
            yield rec
