"""Fast forms of the line signals give the same answers as the patterns they replace."""
from conftest import ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import signals

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
if (SHARED / "devset" / "raw").is_dir():
    TEXTS += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "devset" / "raw").glob("*.txt"))]
LINES = [" ".join(raw.split()) for t in TEXTS for raw in t.splitlines() if raw.strip()]

# Letters (ASCII and not), digits (also non-ASCII), the joiners, closers, spaces.
CHARS = st.sampled_from(list("aZ9é٣ '’-.,!?…\"”»)]:\u00a0\n\t(") + ["\u2003", "\u0661"])
GENERATED = st.lists(CHARS, max_size=30).map("".join)


def _same(text: str) -> None:
    assert signals._words.uncached(text) == tuple(signals.WORD.findall(text)), text
    assert signals.ends_sentence(text) == bool(signals.SENTENCE_END.search(text)), text


def test_corpus_lines():
    for line in LINES:
        _same(line)
        _same(line + " ")


@settings(max_examples=400, deadline=None)
@given(GENERATED)
def test_generated(text):
    _same(text)


def test_memo_is_per_document():
    signals.words("Satu dua tiga")
    assert any(signals._memos)
    signals.new_document()
    assert not any(signals._memos)
