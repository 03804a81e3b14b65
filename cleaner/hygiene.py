"""``cleaner.hygiene.keep_languages``, ``normalise`` and ``text_hash`` (README, "Corpus
hygiene"); the code is in ``cleaner.text.hygiene`` and ``cleaner.text.normalise``."""
from .text.hygiene import detect_language, fill, is_indonesian_source, keep_languages, text_hash, word_count
from .text.normalise import hash_form as normalise

__all__ = ["detect_language", "fill", "is_indonesian_source", "keep_languages", "normalise", "text_hash",
           "word_count"]
