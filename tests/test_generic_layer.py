"""The generic layer on pages of outlets no rule file knows: made-up pages, one shape
each, with no outlet rules (the shared layer only). Each shape was seen on real pages
of at least two outlets (named in the code next to the signal); the tests pin the
shape, never a real page's words."""
from __future__ import annotations

import pytest

from cleaner import Cleaner

P1 = ("KOTAKITA.ID - Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan "
      "untuk mengurangi kemacetan di jalan utama pada pagi hari.")
P2 = ("Kepala dinas perhubungan mengatakan bahwa armada baru itu akan melayani dua belas rute "
      "yang selama ini belum terjangkau angkutan umum.")
P3 = ("Menurut dia, warga dapat memantau jadwal bus melalui aplikasi yang disiapkan pemerintah "
      "kota sejak awal tahun ini.")
P4 = "Program tersebut dibiayai dari anggaran daerah dan akan dievaluasi setiap tiga bulan sekali."
TITLE = "Bus Sekolah Gratis Ditambah Mulai Pekan Depan di Kota Bandung"


@pytest.fixture(scope="module")
def c():
    return Cleaner(keep_dropped=True)


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def dropped(rec) -> dict[str, str]:
    return {d.text: f"{d.category}/{d.rule}" for d in rec.metadata.dropped_lines}


# ------------------------------------------------------------------ injected headlines
def test_title_case_headline_between_paragraphs_still_goes(c):
    injected = "Harga Cabai Rawit Melonjak Tajam, Pedagang Pasar Induk Mengeluh Sepi Pembeli"
    rec = c.clean_text(page(P1, P2, injected, P3, P4))
    assert injected not in rec.text and injected in rec.metadata.related


def test_a_sentence_with_names_is_not_an_injected_headline(c):
    # Many capitalised names, but two lower-case content words ("melalui", "menyebutkan"):
    # a paragraph split before its verb's object, not a headline.
    line = "Kapolres Kota Bandung AKBP Budi Santoso, S.Ik melalui Kapolsek Sukajadi Iptu Dadang Hermawan menyebutkan"
    rec = c.clean_text(page(P1, P2, line, P3))
    assert line in rec.text


def test_the_last_line_cut_mid_word_stays(c):
    cut = "Pengamat Transportasi Kota Bandung Budi Santoso Menilai, Ca"
    rec = c.clean_text(page(P1, P2, P3, cut))
    assert rec.text.endswith(cut)


# ------------------------------------------------------------------ the top of the page
def test_numbered_list_items_at_the_top_are_body(c):
    rec = c.clean_text(page(TITLE, "3. Kabupaten Garut", "4. Kabupaten Tasikmalaya", "5. Kota Banjar.",
                            P2, P3))
    for item in ("3. Kabupaten Garut", "4. Kabupaten Tasikmalaya", "5. Kota Banjar."):
        assert item in rec.text


def test_caption_with_a_credit_glued_by_a_dash_is_no_standfirst(c):
    cap = "Wali kota memberikan sambutan kepada warga di balai kota, Selasa, 8 April 2025--Budi Santoso"
    rec = c.clean_text(page(TITLE, cap, P1, P2, P3))
    assert rec.metadata.lead is None and dropped(rec)[cap].startswith("caption/")


def test_caption_closed_by_a_bracketed_credit_above_the_headline(c):
    cap = "Pengurus RW 05 foto bersama wali kota di kantor kelurahan.(humas)"
    rec = c.clean_text(page(cap, TITLE, P1, P2, P3))
    assert rec.metadata.title == TITLE and dropped(rec)[cap].startswith("caption/")


def test_caption_after_the_date_line(c):
    cap = "Suasana jalur Puncak Bogor pada hari kedua lebaran, Minggu (23/4/2023). (Budi/Kotakita.id)"
    rec = c.clean_text(page("Rabu, 26 April 2023 | 20:55 WIB", cap, P2, P3, P4))
    assert cap not in rec.text and dropped(rec)[cap].startswith("caption/")


def test_photo_credit_words_without_a_label(c):
    cap = "Tiga Pakar Menilai Ekspresi Wali Kota Saat Deklarasi"
    rec = c.clean_text(page(TITLE, "Kolase KOTAKITA.ID", cap, P1, P2))
    assert dropped(rec)["Kolase KOTAKITA.ID"].startswith("photo_credit/")
    assert rec.metadata.lead is None and dropped(rec)[cap].startswith("caption/")


def test_a_doubled_photo_word_in_a_quote_is_no_credit(c):
    quote = '"Dia tidak bisa marah karena bisnis kami kue dan pakaian butuh untuk foto-foto."'
    rec = c.clean_text(page(P1, P2, quote, P3))
    assert quote in rec.text
