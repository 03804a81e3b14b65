"""Fast forms of the line signals give the same answers as the patterns they replace."""
import pytest
from conftest import ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text import signals

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
    """A document's memo holds its answers; another document's starts empty, and the
    first one's answers are back once it is active again (settle's later passes)."""
    first, second = signals.SignalMemo(), signals.SignalMemo()
    with first.active():
        signals.words("Satu dua tiga")
    assert not first.is_empty()
    with second.active():
        assert second.is_empty()
        signals.prose_like("Satu dua tiga")
    assert "Satu dua tiga" in first.caches[signals._words.slot] and "Satu dua tiga" not in first.caches[
        signals.prose_like.slot]


def test_each_page_gets_its_own_memo_and_later_passes_share_it():
    from cleaner import Cleaner
    c = Cleaner()
    doc, _ = c.run_stages("JAKARTA - Isi berita yang cukup panjang untuk satu paragraf di sini.")
    again, _ = c.stages("Isi berita.", warnings=[], memo=doc.memo)
    other, _ = c.run_stages("Isi berita lain.")
    assert again.memo is doc.memo and other.memo is not doc.memo and not doc.memo.is_empty()


@pytest.mark.parametrize("text, glued", [
    ("Tentang KamiPedoman Media SiberKetentuan & Kebijakan PrivasiPanduan KomunitasKarir", True),
    ("Bagikan Ke WhatsAppBagikan Ke FacebookBagikan Ke TwitterBagikan Ke Telegram", True),
    # camel-case brands in a headline: three junctions, not a row of links
    ("WhatsApp, YouTube dan TikTok Sempat Tidak Bisa Diakses Selama Dua Jam", False),
    ("Harga Cabai Rawit di Pasar Induk Turun Tajam", False),
])
def test_glued_row(text, glued):
    assert signals.glued_row(text) is glued
    assert not (glued and signals.link_like(text))


@pytest.mark.parametrize("text, title", [
    ("Kegiatan tersebut berlangsung di Masjid Darussalam Tiyuh Kagungan Ratu Agung Kec. TBU. Pada Rabu (05/02/2025).",
     False),   # names make it look title case; two lower-case content words make it a sentence (W)
    ("Bupati Resmikan Jembatan Baru di Desa Sukamaju.", True),          # strict title case, closed
    # a headline ending with a quotation closed by its mark, then the quote (AX)
    ("Wartawan Kota Bersatu Menjawab Teror “Kami Tidak Akan Pernah Diam!”", True),
    ('Petani Desa Menjawab Keluhan Warga "Harga Pupuk Harus Segera Turun?"', True),
    ("“Kami tidak akan diam,” kata ketua organisasi wartawan itu kepada warga!”", False),
    # a sentence ending inside the line, the headline run into the paragraph's end (BG)
    ("Hujan yang turun pada Kamis (14/5/2020) malam membuat debit air di Sungai Kota naik. Kota Banjir", False),
    ("Warga Jl. Sudirman Gelar Doa Bersama untuk Dr. Budi", True),      # abbreviations are capitalised
])
def test_title_case_closed_by_a_full_stop(text, title):
    assert signals.title_like(text) is title
