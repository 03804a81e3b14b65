"""The generic layer on pages of outlets no rule file knows: made-up pages, one shape
each, with no outlet rules (the shared layer only). Each new signal was seen on real
pages of at least two outlets (named in the code next to it); a correction that stops an
older signal from misfiring (a doubled photo word, numbered list items, a kicker label
above the headline) may rest on one page. The tests pin the shape, never a real page's
words."""
from __future__ import annotations

import pytest
from madeup import P2, P3, P4, dropped, page

from cleaner import Cleaner

P1 = ("KOTAKITA.ID - Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan "
      "untuk mengurangi kemacetan di jalan utama pada pagi hari.")
TITLE = "Bus Sekolah Gratis Ditambah Mulai Pekan Depan di Kota Bandung"


@pytest.fixture(scope="module")
def c():
    return Cleaner(keep_dropped=True)


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


@pytest.mark.parametrize("cut", ["Pengamat Transportasi Kota Bandung Budi Santoso Menilai, Ca",
                                 # a longer cut word in lower case (an unseen Radar Malang page)
                                 "Kepala Dinas Perhubungan Kota Bandung, Budi Santoso MT pun sependap"])
def test_the_last_line_cut_mid_word_stays(c, cut):
    rec = c.clean_text(page(P1, P2, P3, cut))
    assert rec.text.endswith(cut)


def test_a_headline_as_the_last_line_still_goes(c):
    # Title case to its last word: another story's headline, even at the page's end.
    line = "Harga Cabai Rawit Melonjak Tajam, Pedagang Pasar Induk Mengeluh Sepi Pembeli"
    rec = c.clean_text(page(P1, P2, P3, line))
    assert line not in rec.text


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


# ------------------------------------------------------------------ credits
def test_credit_line_with_a_place_before_any_headline(c):
    rec = c.clean_text(page("*Kenangan Masa Konflik*", "Laporan Budi Santoso | Banda Aceh", P1, P2, P3))
    assert rec.metadata.authors == ["Budi Santoso"]
    assert dropped(rec)["Laporan Budi Santoso | Banda Aceh"] == "byline/structure:credit-line"


def test_name_with_role_and_date_under_the_headline(c):
    line = "Budi Santoso , Jurnalis-Jum'at, 06 Maret 2026 |00:09 WIB"
    rec = c.clean_text(page(TITLE, line, P1, P2, P3))
    md = rec.metadata
    assert md.authors == ["Budi Santoso"] and md.published == "2026-03-06T00:09:00+07:00"
    assert md.lead is None and line not in rec.text


def test_credit_line_after_the_story_gives_author_and_date(c):
    line = "Oleh Siti Rahma pada 06 March 2018, 21:30 WIB"
    rec = c.clean_text(page(TITLE, P1, P2, P3, line, "Tag Terkait", "Bus Sekolah"))
    assert rec.metadata.authors == ["Siti Rahma"] and rec.metadata.published == "2018-03-06T21:30:00+07:00"
    assert line not in rec.text


@pytest.mark.parametrize("after", [["Editor: Rina Wati"], []])
def test_a_name_alone_under_the_headline_or_above_the_editor(c, after):
    rec = c.clean_text(page(TITLE, "Dede Febrian", *after, P1, P2, P3))
    assert rec.metadata.authors == ["Dede Febrian"] and "Dede Febrian" not in rec.text


def test_a_name_shaped_label_elsewhere_in_the_header_is_no_author(c):
    rec = c.clean_text(page(TITLE, "Pemerintah kota menambah armada bus sekolah gratis untuk warga.",
                            "Kota Bandung", P1, P2, P3))
    assert rec.metadata.authors == []
    rec = c.clean_text(page(TITLE, "Penulis: Budi | Editor: Rina", "LKPP RI", P1, P2))
    assert rec.metadata.authors == ["Budi"]


@pytest.mark.parametrize("header", [
    ["Nasional", "Senin, 4 Maret 2024 10:15 WIB", TITLE],              # a section label above the date (okezone)
    [TITLE, "Senin, 4 Maret 2024 10:15 WIB", "MUDA DAN BERPRESTASI"],  # a slogan under the date (detik)
    [TITLE, "Pantai Ancol", "Sumber :"],                                # a place under the headline (viva)
    [TITLE, "Pantai Ancol", "Senin, 4 Maret 2024 10:15 WIB"],          # ... and above the date
], ids=["section-above-date", "slogan-under-date", "place-under-headline", "place-above-date"])
def test_common_words_alone_on_a_line_are_no_author(c, header):
    """A bare name line is a person's name only when its words are not mostly common
    words (jusText's Indonesian stoplist: "nasional", "muda", "dan")."""
    rec = c.clean_text(page(*header, P1, P2, P3))
    assert rec.metadata.authors == []
    rec = c.clean_text(page(TITLE, "Senin, 4 Maret 2024 10:15 WIB", "Budi Santoso", P1, P2, P3))
    assert rec.metadata.authors == ["Budi Santoso"]


def test_closing_writer_credit_is_a_byline_and_the_author(c):
    rec = c.clean_text(page(P1, P2, P3, "(Kotakita.id/Budi Santoso)"))
    assert rec.metadata.authors == ["Budi Santoso"] and "(Kotakita.id/Budi Santoso)" not in rec.text
    assert dropped(rec)["(Kotakita.id/Budi Santoso)"] == "byline/structure:closing-credit"


def test_a_separator_under_the_closing_credit_does_not_hide_it(c):
    """"(M. Habil Syah)" then "." (a separator: AX): the credit still closes the story."""
    rec = c.clean_text(page(P1, P2, P3, "(Kotakita.id/Budi Santoso)", ".", "***"))
    assert rec.metadata.authors == ["Budi Santoso"] and "(Kotakita.id/Budi Santoso)" not in rec.text


def test_closing_credit_does_not_replace_the_byline(c):
    rec = c.clean_text(page(TITLE, "Penulis: Rina Wati", P1, P2, P3, "(Budi Santoso)"))
    assert rec.metadata.authors == ["Rina Wati"] and "(Budi Santoso)" not in rec.text


def test_one_word_credit_closing_the_story_is_its_writer(c):
    rec = c.clean_text(page(P1, P2, P3, "(Najamudin)"))
    assert rec.metadata.authors == ["Najamudin"] and "(Najamudin)" not in rec.text
    rec = c.clean_text(page(P1, P2, P3 + " (Sofyan)"))
    assert rec.metadata.authors == ["Sofyan"] and rec.text.endswith("(Sofyan)")
    rec = c.clean_text(page(P1, P2, P3 + " (Antara)"))
    assert rec.metadata.authors == []
    rec = c.clean_text(page(P1, P2, P3 + "(Budi Santoso)"))         # the space after the full stop lost
    assert rec.metadata.authors == ["Budi Santoso"]
    table = "Hasil sementara: JKS 46, MES (Medan) 14, JKS 47, SMG (Semarang) 12, BPN (Balikpapan)"
    rec = c.clean_text(page(P1, P2, P3, table))           # a table's last cell, not a credit
    assert rec.metadata.authors == []


def test_writer_credit_glued_to_the_last_paragraph(c):
    last = P4 + " (Budi Santoso)"
    rec = c.clean_text(page(P1, P2, P3, last))
    assert rec.text.endswith(last) and rec.metadata.authors == ["Budi Santoso"]


@pytest.mark.parametrize("mark", ["(bud)", "(Dny)", "(idh/imk)", "(*)"])
def test_end_marks_stay_and_name_nobody(c, mark):
    rec = c.clean_text(page(P1, P2, P3, P4 + " " + mark))
    assert rec.text.endswith(mark) and rec.metadata.authors == []


# ------------------------------------------------------------------ the standfirst
def test_a_sentence_under_the_headline_with_only_a_link_after_it_is_the_first_paragraph(c):
    first = "Hal itu disampaikan wali kota untuk menanggapi kebijakan pelonggaran masker oleh pemerintah."
    rec = c.clean_text(page(TITLE, first, "Baca Juga: Wali Kota Tinjau Pasar Induk", P2, P3))
    assert rec.metadata.lead is None and rec.text.startswith(first)


def test_a_sentence_under_the_headline_followed_by_the_byline_is_the_standfirst(c):
    lead = "Pemerintah kota menambah armada bus sekolah gratis untuk warga mulai pekan depan."
    rec = c.clean_text(page(TITLE, lead, "Penulis: Rina Wati | Editor: Budi", P1, P2))
    assert rec.metadata.lead == lead and not rec.text.startswith(lead)


def test_a_kicker_that_opens_the_headline_is_a_label(c):
    head = "BERITA BANDUNG POPULER Hari Ini, Bus Sekolah Gratis dan Jalan Baru di Kota"
    rec = c.clean_text(page("Berita Bandung", head, head, P1, P2))
    assert rec.metadata.title == head and dropped(rec)["Berita Bandung"].startswith("section/")


def test_an_extraction_prefix_never_stays_on_the_headline(c):
    rec = c.clean_text(page(" date 2023-11-04 " + TITLE, P1, P2, P3))
    assert rec.metadata.title == TITLE and rec.metadata.published == "2023-11-04"


def test_an_extraction_prefix_is_cut_before_the_rules_read_the_line(c):
    # " date 2021-11 Laporan Reporter POS-KUPANG.COM, Name" (Pos Kupang) and " date 2024-04
    # Iklan" (Tempo): unseen pages of R; the line under the prefix is read as it is.
    rec = c.clean_text(page(" date 2021-11 Reporter: Budi Santoso", P1, P2, P3))
    assert rec.metadata.authors == ["Budi Santoso"] and rec.metadata.published == "2021-11"
    assert rec.metadata.title is None and "Budi Santoso" not in rec.text
    rec = c.clean_text(page(" date 2024-04 Iklan", P1, P2, P3))
    assert dropped(rec)["Iklan"] == "ad/_common:advertisement" and rec.metadata.published == "2024-04"


# ------------------------------------------------------------------ lists after the story
RUN = ["Harga Cabai Rawit Melonjak Tajam Jelang Akhir Tahun",
       "Persib Bandung Menang Tipis atas Persija di Kandang",
       "Banjir Rendam Ratusan Rumah Warga di Kabupaten Garut",
       "Gubernur Resmikan Jalan Tol Baru Penghubung Dua Kota"]


@pytest.mark.parametrize("heading", ["Jangan Lewatkan Cerita Ini", None])
def test_headlines_in_a_row_after_the_story_are_a_list(c, heading):
    head = [heading] if heading else []
    rec = c.clean_text(page(P1, P2, P3, *head, *RUN))
    assert rec.text.endswith(P3)
    assert all(h in rec.metadata.related for h in RUN)


def test_short_title_case_data_lines_in_the_story_stay(c):
    data = ["Anies-Muhaimin: 21,51 persen", "Prabowo-Gibran: 58,47 persen", "Ganjar-Mahfud: 20,02 persen"]
    rec = c.clean_text(page(P1, P2, *data, P3))
    assert all(d in rec.text for d in data)


def test_subheadings_of_the_story_in_a_row_stay(c):
    subs = ["Bus Sekolah Gratis untuk Dua Belas Rute Baru",
            "Jadwal Bus Sekolah Gratis Dipantau Lewat Aplikasi",
            "Anggaran Bus Sekolah Gratis dari Dana Daerah"]
    rec = c.clean_text(page(P1, P2, P3, *subs, P4))
    assert all(s in rec.text for s in subs)


def test_a_list_whose_lines_open_alike_is_the_storys_own(c):
    tour = ["Juni 10 – Tampa @ Stadion Raya Utama Kota Lama", "Juni 14 – Alpharetta @ Gedung Kesenian Balai Kota",
            "Juli 2 – Uncasville @ Lapangan Merdeka Pusat Kota", "Agustus 8 – Tinley Park @ Teater Terbuka Taman Budaya"]
    rec = c.clean_text(page(P1, P2, P3, "Jadwal Tur Lengkap", *tour))
    assert all(t in rec.text for t in tour)


def test_a_caption_with_a_slash_credit_between_paragraphs(c):
    cap = "Pengunjung menaiki wahana di taman hiburan, Sabtu, 12 September 2020. /Budi Santoso/KOTAKITA FOTO"
    price = "Harga cabai rawit di pasar itu kini mencapai Rp 80.000 /kg"
    rec = c.clean_text(page(P1, P2, cap, P3, price, P4))
    assert cap not in rec.text and dropped(rec)[cap].startswith("caption/") and price in rec.text


# ------------------------------------------------------------------ whole pages
MENU = ["Home", "Nasional", "Regional", "Ekonomi", "Bola", "Tekno", "Otomotif", "Seleb", "Travel", "Kesehatan",
        "Terkini", "Terpopuler", "Indeks", "Video", "Foto", "Login", "Register", "Tag", "Kanal", "Topik",
        "Jawa Barat", "Jawa Tengah", "Jawa Timur", "Sumatera", "Kalimantan", "Sulawesi", "Bali", "Papua",
        "Liga Indonesia", "Liga Inggris", "MotoGP", "Gadget", "Internet", "Mobil", "Motor", "Kuliner",
        "Harga Emas Hari Ini Naik Lagi di Pegadaian", "Timnas Kalahkan Vietnam di Laga Uji Coba",
        "Jadwal Kereta Tambahan Libur Panjang Akhir Pekan Ini"]
FOOT = ["Berita Terkait", "Harga Bawang Turun di Pasar Induk", "Tentang Kami", "Redaksi", "Pedoman Media Siber",
        "Kontak", "Karir", "© 2024 Kotakita.id"]


def test_a_whole_pages_dump_keeps_the_article_only(c):
    rec = c.clean_text(page(*MENU, "Nasional", TITLE, "Senin, 4 Maret 2024 10:15 WIB", P1, P2, P3, P4, *FOOT))
    assert rec.text.split("\n\n") == [P1, P2, P3, P4]
    md = rec.metadata
    assert md.title == TITLE and md.published == "2024-03-04T10:15:00+07:00"
    assert dropped(rec)["Jawa Barat"] == "nav/structure:page-top"
    # the menu's "Terkini" heading (a to_end rule) ended nothing: the article came after it


@pytest.mark.parametrize("under_title", [
    # a caption closed by its credit reads as title case too (beritasatu, okezone)
    ["Senin, 4 Maret 2024 10:15 WIB", "Ilustrasi Warga Antre Beras di Gudang Bulog. (Foto: Antara)"],
    # a credit line of more than four words (beritasatu: "Oleh : Name / Initials"; merdeka: with the date)
    ["Reporter : Ramadhian Fadillah | Senin, 4 Maret 2024 10:15 WIB", "Share", "Tweet"],
    ["Senin, 4 Maret 2024 10:15 WIB", "Oleh : Arnold H Sianturi / FMB",
     "Warga Antre Beras di Gudang Bulog. (Foto: Antara)"],
    # a sentence closed by a bracketed agency credit (viva: REUTERS/..., antaranews: ANTARA /...)
    ["Puluhan warga dikarantina di rumah sakit kota itu sejak kemarin.", "Senin, 4 Maret 2024 10:15 WIB",
     "Staf laboratorium memeriksa sampel cairan pelancong asal Korea Selatan setibanya di Bangkok. "
     "(REUTERS/Budi Santoso)"],
    # a date line with a word or a counter that is_date_line does not allow (liputan6, kompasiana)
    ["By Budi Santoso", "on 4 Mar 2024 at 10:15 WIB", "Share", "Comment (0)"],
    ["4 Maret 2024 10:15 4 Maret 2024 10:15 Diperbarui: 4 Maret 2024 12:05 73", "+", "Laporkan Akun"],
], ids=["caption-with-credit", "credit-and-date", "credit-then-caption", "sentence-then-credit",
        "word-then-date", "dates-then-counter"])
def test_a_whole_pages_header_block_reaches_the_headline_over_credits_and_captions(c, under_title):
    """The header block is found by walking up from the first paragraph to the headline: a
    caption that ends with its credit, or a credit line, is not taken for the headline
    (which the page-top pass then dropped with the menu above it)."""
    rec = c.clean_text(page(*MENU, "Nasional", TITLE, *under_title, P1, P2, P3, P4, *FOOT))
    assert rec.metadata.title == TITLE
    assert (rec.metadata.published or "").startswith("2024-03-04")
    assert rec.text.split("\n\n") == [P1, P2, P3, P4]


# A theme's header: the headline, its byline and date, the category line, the headline
# again over the photo (its alt text), the caption closed by a star, a glued share row
# (JNews sites: suaracirebon, taburapos, derapjambi, bantenraya, matabanua, beritaflores).
THEME_HEADER = ["Budi Santoso by Budi Santoso", "Senin, 4 Maret 2024", "in Nasional, Pendidikan", TITLE,
                "Siswa menaiki bus sekolah gratis di halte Jalan Merdeka, Senin 4 Maret 2024.*",
                "Bagikan Ke WhatsAppBagikan Ke FacebookBagikan Ke Twitter"]


@pytest.mark.parametrize("menu", [[f"• {m}" for m in MENU[:36]], MENU], ids=["bulleted-menu", "menu"])
def test_a_whole_pages_header_block_reaches_the_headlines_first_copy(c, menu):
    """Walking up from the first paragraph, the headline's second copy (the photo's alt
    text) is met first; the block goes on over the byline and date to the first copy, and
    stops at a bulleted menu item (no kicker)."""
    rec = c.clean_text(page(*menu, "Home Nasional", TITLE, *THEME_HEADER, P1, P2, P3, P4, *FOOT))
    md = rec.metadata
    assert md.title == TITLE and md.authors == ["Budi Santoso"] and md.published.startswith("2024-03-04")
    assert md.lead is None and rec.text.split("\n\n") == [P1, P2, P3, P4]
    assert dropped(rec)[THEME_HEADER[4]].startswith("caption/")
    assert dropped(rec)[THEME_HEADER[5]] == "social/_common:share"


def test_a_pages_top_with_a_short_menu_is_read_as_before(c):
    rec = c.clean_text(page(*MENU[:10], TITLE, P1, P2, P3))
    assert rec.metadata.title == TITLE and rec.text.startswith(P1)
    assert not any(d.rule.startswith("structure:page-") for d in rec.metadata.dropped_lines)


def test_the_html_path_never_searches_its_extracted_text_for_the_article(c):
    """An HTML engine already chose the page's main content: a table of 30 rows above the
    story stays, in the first pass and in the later ones (settle). (trafilatura's engine
    leaves tables out itself.)"""
    from cleaner.html import clean_html
    rows = "".join(f"<tr><td>{i}</td><td>Pembalap Nomor {i}</td><td>{5000 - i}</td></tr>" for i in range(1, 31))
    html = (f"<html><body><article><h1>{TITLE}</h1><table>{rows}</table>"
            + "".join(f"<p>{p}</p>" for p in (P2, P3, P4, P2 + " " + P3)) + "</article></body></html>")
    rec = clean_html(Cleaner(html_engine="fast", keep_dropped=True), html.encode())
    assert all(f"Pembalap Nomor {i} " in rec.text for i in range(10, 31))
    assert not any(d.rule.startswith("structure:page-") for d in rec.metadata.dropped_lines)


def test_widgets_a_rule_took_under_the_article_count_against_it(c):
    """A comment box's label dropped by a rule ("Komentar Anda") is still page furniture
    when the article's extent on a whole page is weighed: a promo sentence under the
    widgets is not read as the article going on (merdeka's 2015 page: its "Follow tag"
    pitch stayed once the comment label was a rule's)."""
    promo = ("Ikuti tag kesukaan Anda agar kami dapat mengirimkan berita yang sesuai dengan minat "
             "Anda setiap hari.")
    rec = c.clean_text(page(*MENU, "Nasional", TITLE, "Senin, 4 Maret 2024 10:15 WIB", P1, P2, P3, P4,
                            "INDEKS BERITA HARI INI", "FOLLOW", "Komentar Anda", "Suka artikel ini ?",
                            promo, *FOOT))
    assert dropped(rec)["Komentar Anda"] == "social/_common:comments"
    assert rec.text.split("\n\n") == [P1, P2, P3, P4]


# ------------------------------------------------------------------ datelines
def test_a_brand_and_date_line_is_no_dateline_paragraph(c):
    """"Kompas.tv - 27 Juni 2022, 00:45 WIB" (kompastv, nusantaratv) opens like a dateline but
    carries only the date: the story opens at the dateline paragraph below it, which is
    not a teaser of another story."""
    story = ("SOLO, KOTAKITA.TV - Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan "
             "untuk mengurangi kemacetan di jalan utama pada pagi hari.")
    rec = c.clean_text(page(TITLE, "Kotakita.tv - 27 Juni 2022, 00:45 WIB", "Penulis : Budi Santoso",
                            story, P2, P3))
    assert rec.text.split("\n\n") == [story, P2, P3]
    assert rec.metadata.title == TITLE and rec.metadata.published.startswith("2022-06-27T00:45")
    assert rec.metadata.dateline == "SOLO, KOTAKITA.TV -"


STORY_UNDER_PHOTO = ("KOTA BARU – Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan untuk "
                     "mengurangi kemacetan di jalan utama pada pagi hari, kata wali kota.")


@pytest.mark.parametrize("credit", ["Foto : Istimewa", "Foto. Bus sekolah di halte"])
def test_a_dateline_paragraph_under_a_labelled_photo_credit_opens_the_story(c, credit):
    """Under "Foto : ..." (the credit line carries what the photo shows itself), a paragraph
    opening with an upper-case place and a dash, with no other dateline paragraph after it,
    is the story's first (journaltelegraf, an Aceh police portal, a Kubu Raya community site)."""
    rec = c.clean_text(page(TITLE, credit, STORY_UNDER_PHOTO, P2, P3))
    assert rec.text.split("\n\n") == [STORY_UNDER_PHOTO, P2, P3]
    assert rec.metadata.dateline == "KOTA BARU –"


def test_a_label_and_dash_under_a_bare_photo_credit_is_still_its_caption(c):
    """Under a bare credit ("KOTAKITA.COM/NAME") the same shape is the photo's caption, on a
    page 2 too, where no dateline paragraph follows (Tribun's "LONGSOR - Kondisi ...")."""
    caption = "LONGSOR - Kondisi longsor di RT 15 Kelurahan Karang Anyar Kota Tarakan."
    rec = c.clean_text(page(TITLE, "Penulis: Budi Santoso | Editor: Adi", "KOTAKITA.COM/BUDI SANTOSO",
                            caption, P2, P3, P4))
    assert rec.text.split("\n\n") == [P2, P3, P4]
    assert dropped(rec)[caption] == "caption/structure:caption-after-credit"


# ------------------------------------------------------------------ photos between paragraphs
@pytest.mark.parametrize("label", ["Photo :", "Sumber :", "Foto :"])
def test_a_photo_between_paragraphs_printed_as_caption_label_and_credit(c, label):
    """caption / "Photo :" / "• KOTAKITA/Name" between paragraphs (viva, tvonenews; the
    header prints the same block on five outlets' pages): the credit and the caption go,
    a numbered subheading above the caption and a paragraph above a label stay."""
    sub = "1. Berlangsung Selama Tiga Hari"
    cap, credit = "Wali Kota Meninjau Halte Bus Sekolah", "• KOTAKITA/Budi Santoso"
    rec = c.clean_text(page(TITLE, P1, P2, sub, cap, label, credit, P3, label, "• Instagram @kotakita", P4))
    assert rec.text.split("\n\n") == [P1, P2, sub, P3, P4]
    assert dropped(rec)[cap] == "caption/structure:photo-label-value"
    assert dropped(rec)[credit] == "photo_credit/structure:photo-label-value"
    assert dropped(rec)["• Instagram @kotakita"] == "photo_credit/structure:photo-label-value"


def test_a_photo_credit_naming_the_source_via_the_site(c):
    """"Al Jazeera via Tribunnews.com": the slash credit's other spelling. Under the
    headline and its standfirst, with the caption after it, on a page 2 (no dateline)."""
    lead = "Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan untuk warga."
    cap = "Bus sekolah gratis melintas di Jalan Merdeka, Senin (4/3/2024)."
    rec = c.clean_text(page(TITLE, lead, "Al Jazeera via Kotakita.com", cap, P2, P3, P4))
    assert rec.text.split("\n\n") == [P2, P3, P4]
    assert dropped(rec)["Al Jazeera via Kotakita.com"] == "photo_credit/structure:photo-credit"
    assert rec.metadata.lead == lead and rec.metadata.captions == [cap]


@pytest.mark.parametrize("cap", ["Bus sekolah gratis di halte Jalan Merdeka.* /KOTAKITA/BUDI SANTOSO",
                                 "Bus sekolah.* /ANTARA"])
def test_a_caption_closed_by_the_star_and_its_slash_credit_is_no_standfirst(c, cap):
    """PRMN-style captions: the star, then the credit after a slash (six captions of the
    labelled pages: PRMN sites, a mirror, an ANTARA photo); under the headline it is the
    caption, not a subtitle."""
    rec = c.clean_text(page(TITLE, cap, P1, P2, P3))
    assert rec.text.split("\n\n") == [P1, P2, P3]
    assert rec.metadata.lead is None and rec.metadata.captions == [cap]


def test_an_html_comments_close_after_the_headline_is_not_the_headlines(c):
    """A Blogger template leaves "-->" after the headline (three outlets' page tops)."""
    rec = c.clean_text(page(TITLE + " -->", P1, P2, P3))
    assert rec.metadata.title == TITLE and rec.text.split("\n\n") == [P1, P2, P3]


def test_a_sentence_right_above_the_dateline_paragraph_is_the_standfirst(c):
    """Headline, standfirst, then the dateline paragraph (kompas, liputan6, republika,
    wartakota, tribunkaltim, tribunmanado and more on the labelled batches): the sentence
    between is the standfirst; with no dateline paragraph after it, the story's first."""
    lead = "Pemerintah kota menambah bus sekolah gratis untuk mengurangi kemacetan pagi hari."
    rec = c.clean_text(page(TITLE, lead, P1, P2, P3))
    assert rec.metadata.lead == lead and rec.text.split("\n\n") == [P1, P2, P3]
    rec = c.clean_text(page(TITLE, lead, P2, P3))
    assert rec.metadata.lead is None and rec.text.split("\n\n") == [lead, P2, P3]


def test_author_bar_with_the_date_then_a_credited_caption(c):
    # A theme's author bar, "Name | date | time" or "Administrator • <date time>" (unseen
    # TangerangNews and news-theme pages), under the headline: the author and the date;
    # the photo's caption closed by its credit under it is a caption (it had been read as
    # another story's headline once the credit line closed the header).
    caption = "Petugas memadamkan api di Pasar Serpong, Senin (9/4/2018). (Kabar Kota / Ratna Dewi)"
    rec = c.clean_text(page(TITLE,
                            "Ratna Dewi | Selasa, 10 April 2018 | 11:00", caption, P1, P2, P3))
    assert rec.metadata.authors == ["Ratna Dewi"] and rec.metadata.published.startswith("2018-04-10")
    assert dropped(rec)[caption].startswith("caption/")
    rec = c.clean_text(page(TITLE,
                            "Administrator • 2024-09-13 12:27:15", P1, P2, P3))
    assert rec.metadata.authors == ["Administrator"] and rec.metadata.published.startswith("2024-09-13")
    # a writer's short name: the standfirst under the line is read as under a date line (one
    # summing up the paragraph under it: a line that shares few of its words is a photo's
    # caption, Page.caption_over_story)
    lead = "Pemerintah kota menambah bus sekolah gratis mulai pekan depan untuk mengurangi kemacetan."
    rec = c.clean_text(page(TITLE, "Ferdian - Sabtu, 14 Mei 2022 | 15:15 WIB", lead, P1, P2, P3))
    assert rec.metadata.authors == ["Ferdian"] and rec.metadata.published.startswith("2022-05-14")
    assert rec.metadata.lead == lead


STORY_ON = ['"Kalau rutenya bertambah, anak-anak tidak perlu lagi diantar orang tuanya," ujarnya.',
            "Menurut dia, jadwal bus akan diumumkan setiap pekan melalui aplikasi kota."]


@pytest.mark.parametrize("heading, link, mark", [("Berita Rekomendasi", [], ""), ("Berita Rekomendasi", [], "(*)"),
                                                 ("Artikel Terkait :", ["https://www.kotakita.id/2021/10/judul.html?m=1"], "")])
def test_a_related_heading_inside_the_story_with_the_story_under_it(c, heading, link, mark):
    # Tribun's "Berita Rekomendasi" between two paragraphs (its widget's headlines are not
    # in the text: two Tribun pages), "Artikel Terkait :" over one link (a small site):
    # the heading goes, the story under it stays, its last sentence closed by an end mark
    # too ("... Bravo Warta Kota.(*)": Warta Kota, V).
    story = [*STORY_ON[:-1], STORY_ON[-1] + mark]
    rec = c.clean_text(page(TITLE, P1, P2, heading, *link, *story))
    assert rec.text.split("\n\n")[-2:] == story
    assert dropped(rec)[heading].startswith("recommendation/")
    assert all(dropped(rec)[u].startswith("crosslink/") for u in link)


@pytest.mark.parametrize("heading, items", [
    ("BERITA TERKAIT :", ["Terminal Baru Dibangun, Warga Minta Angkutan Kota Ditambah",
                          "Tarif Bus Sekolah Gratis Berlaku Mulai Pekan Depan di Kota"]),
    ("Berita Lainnya", ["Dinas Perhubungan Tambah Halte Baru", "Dinas Perhubungan Tambah Halte Baru",
                        "26 Januari 2026", "Satlantas Edukasi Pelajar lewat Program Tertib Lalu Lintas",
                        "26 Januari 2026"])])
def test_a_related_heading_and_its_headlines_inside_the_story(c, heading, items):
    # "BERITA TERKAIT :" over two headlines between two paragraphs (an unseen Rakyat Merdeka
    # group page), "Berita Lainnya" over headlines printed twice with their dates (an unseen
    # Banjarmasin daily): the box goes, the story under it stays.
    rec = c.clean_text(page(TITLE, P1, P2, heading, *items, *STORY_ON))
    assert rec.text.split("\n\n")[-2:] == STORY_ON
    assert dropped(rec)[heading].startswith("recommendation/")
    assert all(dropped(rec)[h] == "recommendation/structure:related-items" for h in items)


def test_a_related_heading_over_headlines_closed_by_marks_still_ends_the_story(c):
    # Headlines under the heading end with "!" or "?": another stories' list, not the story.
    heads = ["Wali Kota Minta Dinas Tegas pada Pungutan Liar di Terminal Bus!",
             "Apakah Tarif Angkutan Kota Akan Naik Setelah Harga Solar Berubah?"]
    rec = c.clean_text(page(TITLE, P1, P2, P3, "Artikel Terkait", *heads))
    assert all(dropped(rec)[h] == "recommendation/_common:recommendation-heading" for h in heads)


def test_a_logo_s_alt_text_is_no_headline(c):
    # "Logo Jowonews Brown" over a rubric and the headline (a small site), "Logo Kementerian
    # Agama (Kemenag) RI" as a photo's caption (another): an image's alt text, never the headline.
    rec = c.clean_text(page("Kabarkota", "Logo Kabarkota Biru", "Kabar Desa", TITLE, P1, P2, P3))
    assert rec.metadata.title == TITLE and "Logo Kabarkota Biru" not in rec.text


def test_a_caption_whose_bracketed_credit_follows_a_comma(c):
    # "... Lamongan Kamis (8/8/2019), (Tribun Jabar/Name)" between paragraphs: a caption
    # (no full stop before the credit, as "... di Sukabumi (IDN Times/Name)").
    cap = "Warga menonton laga di Stadion Surajaya, Lamongan Kamis (8/8/2019), (Kabar Kota/Rina Wulandari)"
    rec = c.clean_text(page(TITLE, P1, P2, cap, P3))
    assert cap not in rec.text and dropped(rec)[cap].startswith("caption/")


def test_a_headline_the_header_scan_did_not_reach(c):
    # A menu or a share box stops the header scan above the headline; the dateline opens the
    # story below it (Liputan6, a news theme, Bukamata, a Riau site): the leftover header line
    # in title case that shares the opening paragraph's words is the headline, not a menu's.
    title = "Armada Bus Sekolah Gratis Ditambah di Kota Bandung"
    rec = c.clean_text(page("• Subscribe", "• Email", "• Kanal Daerah", "Jadwal Pertandingan Liga Voli Putri",
                            title, P1.replace("KOTAKITA.ID -", "Bandung –"), P2, P3))
    assert rec.metadata.title == title and rec.metadata.dateline == "Bandung –"


def test_a_headline_printed_twice_among_the_leftovers(c):
    # The headline and its repeat under a search box's labels (unseen solopos and gotimes
    # pages): one word shared with the opening paragraph is enough ("rusak" and "rusaknya"
    # are two words to a word count); printed once, the line would need two.
    title = "Armada Bus Kota Makin Sedikit"
    opening = ("Bandung – Dinas perhubungan mengakui jumlah bus yang melayani warga setiap pagi "
               "terus berkurang sejak awal tahun ini.")
    labels = ["Anda bisa mencari berdasar kategori", "atau judul berita", "Masukan kata kunci"]
    rec = c.clean_text(page(*labels, title, title, "share", opening, P2, P3))
    assert rec.metadata.title == title
    rec = c.clean_text(page(*labels, title, "share", opening, P2, P3))
    assert rec.metadata.title is None
    # its copy with the photo's caption glued on ("<headline> Ket Foto : ...": BE's be015)
    glued = f"{title} Ket Foto : Kepala dinas meninjau terminal kota"
    rec = c.clean_text(page(*labels, glued, title, "share", opening, P2, P3))
    assert rec.metadata.title == title


def test_short_bulleted_menu_items_above_the_headline_are_labels(c):
    # "• Beranda" / "• Berita" (a breadcrumb), "• Jelajahi", "• Login" above the headline
    # (TVRI, a Blogger theme, Tribun Manado, a news theme): the header scan reads on past them.
    rec = c.clean_text(page("• Beranda", "• Berita", TITLE, "Sabtu, 17 Agustus 2024 08:40 WIB", P2, P3, P4))
    assert rec.metadata.title == TITLE and rec.metadata.published.startswith("2024-08-17")
    assert not {"• Beranda", "• Berita"} & set(rec.text.split("\n\n"))


@pytest.mark.parametrize("dateline", ["Ternate, Kabarkota", "SORONG, kabar timur", "Kotakita - USA",
                                      "KabarTV, Penajam Paser Utara"])
def test_a_place_and_the_outlet_s_name_alone_above_the_story(c, dateline):
    # "Ternate, Haliyora", "Cirebon, NU Online", "PASURUAN, pojok kiri", "Situsnews - USA",
    # "TVRINews, Penajam Paser Utara" on their own line above the first paragraph (unseen
    # pages of five outlets): the dateline, kept as the story's first line (the header scan
    # had dropped it as a label), joined to the paragraph under it as any dateline alone.
    rec = c.clean_text(page(TITLE, dateline, P2, P3, P4))
    assert rec.metadata.dateline == dateline and rec.text.startswith(f"{dateline} {P2[:20]}")


@pytest.mark.parametrize("dateline", ["Kotalama, Sulut | Kabarkota.com", "mTv Kota | Kudus", "DELI SERDANG, KABAR"])
def test_a_place_and_the_outlet_s_name_atop_the_story_is_no_headline(c, dateline):
    # The same atop a page with no headline, a bar between ("Bitung, Sulut |
    # Tribuneindonesia.com", "mTv Jateng | Kudus", "DELI SERDANG, BERSAMA": three outlets of
    # BQ-BR): the dateline, not a headline of three words; a headline of four words stays one.
    rec = c.clean_text(page(dateline, P2, P3, P4))
    assert rec.metadata.dateline == dateline and rec.metadata.title is None
    assert rec.text.startswith(f"{dateline} {P2[:20]}")
    rec = c.clean_text(page("Pelabuhan Lama, Menyeruak Sunyi", P2, P3, P4))
    assert rec.metadata.title == "Pelabuhan Lama, Menyeruak Sunyi" and rec.metadata.dateline is None


@pytest.mark.parametrize("under", [("Kamis, 18 September 2025 | 10:15 WIB",), ("0",),
                                   ("Advertisement", "Warga kota tanam pohon pisang di tengah jalan sebagai protes kepada pemkab")])
def test_a_headline_in_sentence_case_over_the_page_s_furniture(c, under):
    # A headline in sentence case ends no sentence; under it a date line, a bare count, or
    # itself again ("Warga poros tidak terima hakim ..." over its date line, BT; over a
    # counter's "0", BN; printed twice around an ad label, BS): the headline, not the story.
    head = "Warga kota tanam pohon pisang di tengah jalan sebagai protes kepada pemkab"
    rec = c.clean_text(page(head, *under, P1, P2, P3))
    assert rec.metadata.title == head and rec.text.split("\n\n") == [P1, P2, P3]


def test_a_place_and_the_outlet_s_name_over_a_paragraph_taken_for_the_standfirst(c):
    # "LKI-CHANNEL , CIANJUR" under the date line, over the first paragraph (BS): the
    # dateline alone; the paragraph under it is the story's, not a standfirst.
    rec = c.clean_text(page(TITLE, "REDAKSI", "28 April 2020", "KABAR-KOTA , CIANJUR", P2, P3, P4))
    assert rec.metadata.dateline == "KABAR-KOTA , CIANJUR" and rec.metadata.lead is None
    assert rec.text.startswith(f"KABAR-KOTA , CIANJUR {P2[:20]}")


def test_a_short_label_above_a_dateline_paragraph_is_no_dateline(c):
    # The paragraph under it opens with its own dateline: the short line is a label.
    rec = c.clean_text(page(TITLE, "Daerah, Ekonomi", P1, P2, P3))
    assert rec.metadata.dateline == "KOTAKITA.ID -" and "Daerah, Ekonomi" not in rec.text


def test_a_caption_credited_to_a_social_account(c):
    # "Pernikahan Raffi Ahmad/instagram@_rans17" between paragraphs (an unseen matamata page),
    # "Cuitan Said Didu." printed again with "Twitter @msaid_didu" (a PRMN site): captions;
    # a sentence naming the account it quotes stays.
    slash = "Peresmian armada bus sekolah/instagram@kotakita_official"
    short, credited = "Cuitan Wali Kota.", "Cuitan Wali Kota. Twitter @walikota_kita"
    said = "Hal itu disampaikan wali kota melalui akun Instagram @walikota_kita"
    rec = c.clean_text(page(P1, P2, slash, P3, short, credited, P4, said))
    d = dropped(rec)
    assert d[slash].startswith("caption/") and d[short].startswith("caption/") and d[credited].startswith("caption/")
    assert said in rec.text


@pytest.mark.parametrize("mark", ["(R-1)", "(HJ/N-3)", "(KT-09)"])
def test_a_paragraph_closed_by_the_desk_s_code_ends_the_story(c, mark):
    # "... katanya. (R-1)", "... Bung Hatta.(HJ/N-3)" (Media Indonesia), "... Ujarnya.(KT-09)"
    # (pojok6): the story's last paragraph; the summaries of other stories under it go.
    summaries = ["Gubernur menegaskan bahwa angka ini merupakan hasil kesepakatan bersama para pihak.",
                 "Pemasangan alat peringatan dini dilakukan bersama tim penanggulangan bencana setempat."]
    last = f'"Semua rute akan dievaluasi setiap bulan," katanya. {mark}'
    rec = c.clean_text(page(P1, P2, P3, last, *summaries))
    assert rec.text.split("\n\n") == [P1, P2, P3, last]
    assert all(dropped(rec)[s] == "recommendation/structure:after-desk-mark" for s in summaries)


def test_a_list_the_story_announces_with_a_colon_is_the_story_s(c):
    # "Berikut daftar harga ... hingga premium:" over a heading and price rows (an unseen
    # page): rows in title case closing the text are the story's list, not other stories'.
    intro = "Berikut daftar harga sepeda listrik terbaru yang berlaku bulan ini dari berbagai merek:"
    rows = ["Harga Sepeda Listrik Kota", "Satria 1 Dynamic — Rp 19 juta", "Satria 1 Premium — Rp 23 juta",
            "Merapi Dynamic — Rp 36 juta", "Merapi Premium — Rp 42 juta", "Bromo 3 Superior — Rp 52 juta"]
    rec = c.clean_text(page(P1, P2, P3, intro, *rows))
    assert rec.text.split("\n\n")[-6:] == rows
    rec = c.clean_text(page(P1, P2, P3, *rows[1:]))
    assert not set(rows[1:]) & set(rec.text.split("\n\n"))
    # a sentence that names the items more than it reads as prose, few small words among them
    # (BE: "Berikut daftar harga TBS (dalam satuan /kg) di 15 sentra perkebunan sawit di Sumut:")
    named = "Berikut daftar harga sepeda listrik (satuan unit) tiap diler resmi Kota Bandung:"
    rec = c.clean_text(page(P1, P2, P3, named, *rows[1:]))
    assert rec.text.split("\n\n")[-5:] == rows[1:]


@pytest.mark.parametrize("caption", ["DISAHKAN: Anggota dewan saat mengesahkan dua peraturan daerah baru. -Foto IST -",
                                     "BANGUN SINERGITAS : Kepala dinas berfoto bersama pengurus sekolah setelah lomba.",
                                     "Foto. Wali kota meninjau armada bus sekolah yang baru di terminal kota.",
                                     "ILUSTRASI. Sejumlah pelajar menaiki bus sekolah gratis di halte kota."])
def test_a_caption_label_under_the_headline_is_no_standfirst(c, caption):
    # "DISAHKAN: ... -Foto IST -", "BANGUN SINERGITAS : ..." under the headline (unseen pages of
    # two small sites; "SAMPAIKAN: ...--RU" a third): a photo's caption, not the standfirst;
    # so a photo's own label opening it ("Foto. Wali Kota Pontianak ...", "ILUSTRASI. PT Bukit
    # Asam ...", "Foto: Bupati Dulla ...": three unseen outlets of R).
    rec = c.clean_text(page(TITLE, caption, P1, P2, P3))
    assert rec.metadata.lead is None and dropped(rec)[caption].startswith("caption/")


def test_a_caption_label_under_the_headline_does_not_open_the_story(c):
    # "TERIMA MASUKAN: ..." under the headline and its date, then a related-stories heading
    # above the story (an unseen Koran Kaltim page): the caption had been read as the
    # story's first paragraph, so the heading ended the story before it began.
    caption = "TERIMA MASUKAN: Anggota dewan menerima aspirasi warga di kantor kecamatan, pekan lalu."
    promo = "Join Grup Telegram Kabar Kota untuk mendapatkan update berita pilihan setiap hari."
    rec = c.clean_text(page(TITLE, "Jumat, 02/06/2017", caption, promo, "Grup Telegram Kabar Kota",
                            "Berita Terkait", TITLE, "Jumat, 02/06/2017", "logo", caption, P1, P2, P3))
    assert rec.text.split("\n\n") == [P1, P2, P3] and dropped(rec)[caption].startswith("caption/")


def test_teasers_cut_off_with_an_ellipsis_above_the_story(c):
    # A latest-news block above the headline (an unseen Payakumbuh Pos page): a label, a
    # headline and an excerpt that opens with its own dateline and is cut off with an
    # ellipsis, four times; the story opens at the first dateline paragraph that is no
    # such excerpt.
    block = []
    for head, excerpt in (
            ("Gubernur Resmikan Jembatan Baru di Pesisir Selatan",
             "Padang - Gubernur meresmikan jembatan penghubung dua nagari yang lama terputus oleh Dinas..."),
            ("Pasar Atas Kembali Ramai Dikunjungi Wisatawan Lokal",
             "Bukittinggi - Pedagang di pasar atas mengaku omzet naik sejak libur sekolah dimulai yang..."),
            ("Petani Sawah Solok Mulai Panen Raya Pekan Ini",
             "Solok - Kelompok tani di lima kecamatan bersiap memanen padi dengan bantuan mesin dan /..."),
            ("Festival Tabuik Digelar Meriah Tahun Ini",
             "Pariaman - Ribuan warga memadati pantai untuk menyaksikan prosesi budaya tahunan di...")):
        block += ["BERITA UTAMA", head, excerpt]
    rec = c.clean_text(page(*block, TITLE, P1, P2, P3))
    assert rec.text.split("\n\n") == [P1, P2, P3] and rec.metadata.dateline == "KOTAKITA.ID -"


def test_other_stories_excerpts_cut_off_in_a_row_end_the_story(c):
    # Under the story, excerpts of other stories without their headlines, each cut off with
    # an ellipsis (an unseen Papua outlet's page of batch R; the dev pages' KUTIPAN and
    # PASJABAR lists print the same with a dateline first): the story has ended; the page's
    # last line, cut off by the dump without an ellipsis, goes with them.
    teasers = ["Kepala dinas perhubungan mengatakan secara umum pola perjalanan warga sudah mulai berubah…",
               "“Untuk pelanggaran pertama ada teguran lisan, namun untuk selanjutnya kendaraan akan kami derek dan…",
               "Karena itu, warga memutuskan untuk membuat taman sendiri di lahan kosong milik kelurahan. Bermodalkan…",
               "Bagaimana tidak, dalam keadaan mabuk ia berupaya menikam seorang pemuda di depan"]
    rec = c.clean_text(page(P1, P2, P3, *teasers))
    assert rec.text.split("\n\n") == [P1, P2, P3]
    assert all(dropped(rec)[t] == "recommendation/structure:teaser-excerpts" for t in teasers[:3])


def test_one_paragraph_closed_by_an_ellipsis_is_the_story_s(c):
    # One paragraph trailing off is the story's; so is a story that goes on after it.
    trailing = "Warga berharap bus sekolah gratis itu juga melayani rute ke desa-desa di pinggiran kota..."
    rec = c.clean_text(page(P1, P2, trailing, P3, P4))
    assert trailing in rec.text and rec.text.endswith(P4)


def test_a_list_item_with_its_dash_glued_is_no_injected_headline(c):
    # "-Kecamatan Padang Batung; Desa Kandihin, Malingin, Hulu Paringin" between items that
    # end with a full stop (an unseen Kalsel page of R): the list's, not another story's headline.
    items = ["-Kecamatan Sukajadi; Desa Cipedes, Desa Sukagalih, Desa Sukawarna.",
             "-Kecamatan Cidadap Utara; Desa Hegarmanah, Ciumbuleuit, Ledeng Pasirkaliki",
             "-Kecamatan Coblong; Desa Dago, Desa Lebakgede."]
    rec = c.clean_text(page(P1, P2, "Berikut datanya:", *items, P3))
    assert all(item in rec.text for item in items)


def test_a_tables_header_row_is_no_injected_headline(c):
    # "| Jenis Bantuan / Program | Cakupan Sasaran | Alokasi Anggaran / Volume |" over the
    # story's own table (a Lombok outlet of AI): the table's, not another story's headline.
    rows = ["| Jenis Bantuan / Program | Cakupan Sasaran | Alokasi Anggaran / Volume |",
            "| Pasar Murah Rakyat | Warga Kecamatan Sukajadi | Harga di bawah pasar |",
            "| Modal Gratis UMKM | 23.000 Pelaku Usaha | Rp20 Miliar |"]
    rec = c.clean_text(page(P1, P2, *rows, P3))
    assert all(row in rec.text for row in rows) and rec.metadata.related == []


@pytest.mark.parametrize("caption", ["Peresmian armada bus sekolah di terminal kota (c) Budi Santoso",
                                     "Bus sekolah baru. ©kotakita.id",
                                     "Dokumentasi: Humas Kota"])
def test_captions_closed_by_a_copyright_mark_or_a_documentation_label(c, caption):
    # "... vs Semen Padang (c) Fitri Apriani" (bola.net, R) and "Terry Holdbrooks.
    # ©witnesstoguantanamo.com" (merdeka, an HTML sample's dump): the photographer's mark;
    # "Dokumentasi: Kpfm Samarinda" under the story (a radio portal of R): the label's credit.
    rec = c.clean_text(page(P1, P2, caption, P3, P4))
    assert caption not in rec.text and dropped(rec)[caption].startswith("caption/")


def test_a_copyright_line_is_no_caption():
    from cleaner.core.structure.shapes import caption_like
    assert not caption_like("© 2025 Kota Kita. All rights reserved")
    assert caption_like("Peresmian armada bus sekolah (c) Budi Santoso")


@pytest.mark.parametrize("caption", ["Para pelajar saat menaiki bus sekolah gratis di halte",
                                     "Ribuan Pelajar Naik Bus Sekolah Gratis di Kota Bogor"])
def test_a_line_over_a_photo_source_label_is_its_caption(c, caption):
    # headline / "Para tersangka saat dihadirkan ..." / "Sumber :" / "• Foto dokumentasi
    # istimewa" (an unseen Lampung outlet of R): the layout photo_labels reads in the body.
    # In title case it had been the subtitle ("Ribuan Balita di Purwakarta Berhasil
    # Diimunisasi" / "Sumber :": VIVA's sites on pages of T, AB and AE).
    rec = c.clean_text(page(TITLE, caption, "Sumber :", "• Foto dokumentasi istimewa", P1, P2, P3))
    assert rec.metadata.lead is None and dropped(rec)[caption].startswith("caption/")


def test_a_caption_closed_by_a_bracketed_credit_is_no_leftover_headline(c):
    # "Walikota saat di wawancarai Wartawan usai Demo Damai di DPRD Propinsi Maluku. (Eva.M)"
    # above the dateline paragraph (an unseen Ambon outlet of R, its headline printed twice
    # above it with a full stop): a caption, as the header scan's title step already reads it.
    caption = "Wali Kota saat Diwawancarai Wartawan usai Peresmian Bus Sekolah Gratis di Terminal. (Eva.M)"
    rec = c.clean_text(page("Beranda", "Daerah", caption, P1, P2, P3))
    assert rec.metadata.title is None and caption not in rec.text


def test_a_kicker_over_a_longer_headline_replaces_a_slogan_banner(c):
    # "Kota Makassar Komitmen Dalam Kreatifitas" (a city's slogan banner) / "Aksi Mahasiswa
    # Makassar" (the kicker) / the headline / the standfirst / "Editor: ..." (Tribun Timur, R).
    head = "Pemerintah Kota Tambah Bus Sekolah Gratis, Warga Berharap Rute ke Desa Ikut Dilayani"
    lead = "Warga kota menyambut baik tambahan bus sekolah gratis yang mulai beroperasi pekan depan."
    rec = c.clean_text(page("Kota Bersih Komitmen Dalam Pelayanan", "Aksi Warga Kota", head, lead,
                            "Editor: Budi Santoso", P1, P2, P3))
    assert rec.metadata.title == head and rec.metadata.lead == lead and head not in rec.text
    # A short second headline with no longer headline under it still closes the block.
    rec = c.clean_text(page(TITLE, "Aksi Warga Kota", P1, P2, P3))
    assert rec.metadata.title == TITLE


def test_a_quote_printed_twice_in_a_row_is_the_story_s_once(c):
    # A pull quote printed right under its paragraph (three on an unseen ayosemarang page of
    # S): the paragraph stays, its copy goes; a short caption printed twice still goes whole.
    quote = "“Kami sudah mencoba menyangga atapnya dengan kayu, tapi saat hujan deras kayunya tidak kuat,” kata kepala sekolah."
    rec = c.clean_text(page(P1, P2, quote, quote, P3, P4))
    assert rec.text.split("\n\n") == [P1, P2, quote, P3, P4]
    caption = "Warga korban banjir mengungsi di masjid desa."
    rec = c.clean_text(page(P1, P2, caption, caption, P3, P4))
    assert caption not in rec.text


def test_an_faq_box_between_paragraphs_goes(c):
    # Merdeka's FAQ box between two paragraphs, its items parted by "-" lines (an unseen page
    # of S), the last items' questions not opening with their word.
    faq = ["Apa yang dilakukan pemerintah kota soal bus sekolah? Pemerintah menambah armada bus sekolah gratis.",
           "Mengapa bus sekolah ditambah? Jumlah pelajar yang naik bus terus bertambah setiap tahun.",
           "Kapan bus baru mulai beroperasi? Armada baru mulai melayani pelajar pada pekan depan.",
           "Rute seperti apa yang dilayani bus baru? Dua belas rute baru menuju desa-desa di pinggiran kota."]
    body = [P1, P2]
    for q in faq:
        body += ["-", q]
    rec = c.clean_text(page(*body, P3, P4))
    assert rec.text.split("\n\n") == [P1, P2, P3, P4]
    assert all(dropped(rec)[q] == "other/structure:faq-block" for q in faq)


def test_a_dateline_paragraph_in_strict_title_case_is_no_kicker_headline(c):
    # "NASAL - Kondisi memprihatinkan terjadi di SDN 115 Kaur di Desa Tebing Rambutan ...,
    # Jumat 15 Agustus 2025." (an unseen Bengkulu outlet of S): the story's first paragraph,
    # closed by its full stop; a later pass had taken it for the headline.
    first = ("CIBEUNYING - Kondisi memprihatinkan terjadi di SDN 115 Kota di Desa Sukamaju Kecamatan "
             "Cibeunying, Jumat 15 Agustus 2025.")
    rec = c.clean_text(page(TITLE, first, P2, P3))
    assert rec.metadata.dateline == "CIBEUNYING -" and rec.text.startswith(first)


def test_a_headline_then_its_words_in_sentence_case_is_no_caption_and_copy(c):
    # "Natal dan Tahun Baru" (a kicker) / the headline / the same words in sentence case with
    # a full stop (the standfirst Tribun Kaltim prints: an unseen page of S): the headline
    # replaces the kicker; it was read as a caption and its copy, the kicker as the title.
    head = "Harga Bahan Pokok di Kota Merangkak Naik Jelang Nataru, Cabai Tembus Rp 100 Ribu"
    copy = "Harga bahan pokok di Kota merangkak naik jelang Nataru, cabai tembus Rp 100 ribu."
    rec = c.clean_text(page("Natal dan Tahun Baru", head, copy, "Penulis: Rita Lavenia | Editor: Diah", P1, P2, P3))
    assert rec.metadata.title == head and head not in rec.text


@pytest.mark.parametrize("caption", ["Petugas mengevakuasi korban tabrakan di jalan raya, Selasa (22/8/2023). ANTARA/HO-Polsek Kota",
                                     "Banjir di Kota Kita. *(ist)"])
def test_a_handout_credit_and_a_star_before_a_bracketed_credit_close_a_caption(c, caption):
    # "... Selasa (22/8/2023). ANTARA/HO-Polsek Jagakarsa" and "Banjir di Samarinda. *(ist)"
    # (unseen pages of S, taken for the standfirst and the headline).
    from cleaner.core.structure.shapes import caption_like
    assert caption_like(caption)
    rec = c.clean_text(page(TITLE, caption, P1, P2, P3))
    assert rec.metadata.lead is None and rec.metadata.title == TITLE and caption not in rec.text


def test_an_unclosed_cell_between_paragraphs_is_a_caption(c):
    # A photo table's caption cell, no full stop, its bar the line's only one ("Kades ...
    # memerah susu sapi |", "Perahu Kayu Motor transportasi Ke Pulau Ende |": five outlets of
    # BO-BZ); a table row of the story keeps its bars.
    from cleaner.core.structure.shapes import caption_like
    cap = "Petugas memeriksa kendaraan di pintu masuk terminal bus |"
    row = "1. | Kota Kita | 103 | 85 |"
    assert caption_like(cap) and not caption_like(row)
    rec = c.clean_text(page(TITLE, P1, P2, cap, P3, row, P4))
    assert dropped(rec)[cap].startswith("caption/") and row in rec.text and P3 in rec.text


def test_an_underscore_joins_the_photo_word_and_the_name_in_a_closing_bracket(c):
    # "... di depan pasar (foto_sriyadi)" (BX): the bracketed credit, an underscore for the colon.
    from cleaner.core.structure.shapes import caption_like
    cap = "Pedagang berpose bersama di depan pasar induk (foto_budi)"
    assert caption_like(cap) and not caption_like("Pedagang berpose bersama di depan pasar induk (foto bersama)x")
    rec = c.clean_text(page(TITLE, P1, P2, cap, P3, P4))
    assert dropped(rec)[cap].startswith("caption/")


def test_a_keyword_row_closing_the_story_is_tags(c):
    # The site's keywords as the last line, no label (BU, BZ): six names or more, commas between.
    row = ("Polres Kota Kita, Kapolres Kota Kita, AKBP Budi Santoso, Kabupaten Kita, Pemkab Kita, "
           "Polda Jabar, Kapolda Jabar")
    story_list = "Hadir pula Budi, Ani, Rina, Joko, Sari, Tono, dan Wati."
    rec = c.clean_text(page(TITLE, P1, P2, P3, row))
    assert dropped(rec)[row] == "tags/structure:keyword-line" and "Polda Jabar" in rec.metadata.tags
    rec = c.clean_text(page(TITLE, P1, P2, P3, story_list))
    assert story_list in rec.text


def test_a_caption_with_its_credit_printed_twice_is_no_standfirst(c):
    # The photo's caption, closed by its credit in brackets, printed twice under the headline
    # (harianbhirawa, T): a caption and its copy, not the standfirst and the first paragraph.
    caption = "Sejumlah petani di bantaran sungai yang sedang panen padi. (Budi Santoso/kotakita)"
    rec = c.clean_text(page(TITLE, caption, caption, P2, P3, P4))
    assert rec.metadata.lead is None and caption not in rec.text and rec.text.startswith(P2)


def test_a_closing_credit_under_a_one_paragraph_story_is_its_writer(c):
    # One paragraph, an invitation split over two lines (dropped by the rules), then the
    # writer's credit in brackets (Metro TV, T): the credit names the writer.
    cut = P2.rstrip(".") + " dan warga diperkirakan"       # the dump stops mid-sentence
    rec = c.clean_text(page(TITLE, "4 December 2021 22:07", cut, "Jangan lupa ikuti update berita lainnya dan follow akun",
                            "Google News Kotakita.com", "(Hani Handayanti)"))
    assert rec.metadata.authors == ["Hani Handayanti"] and rec.text == cut


def test_a_sidebar_list_of_counts_above_the_headline_is_no_headline(c):
    # A category widget's items with their post counts right above the story's headline
    # (WordPress and Blogger sidebars on whole-page dumps: kabarislamia, and four outlets'
    # pages of the ScrapingHub benchmark): none of them is the headline.
    widget = ["Pendidikan Anak Usia Dini (4)", "Kesehatan Masyarakat Desa (12)", "Pembangunan Jalan Kampung (1)",
              "Lain-lain (51)"]
    rec = c.clean_text(page(*widget, TITLE, P1, P2, P3))
    assert rec.metadata.title == TITLE and not any(w in rec.text for w in widget)


def test_a_series_part_number_alone_stays_the_headline(c):
    headline = "Menelusuri Jejak Pasar Lama di Tepi Sungai Kota (1)"
    rec = c.clean_text(page(headline, P1, P2, P3))
    assert rec.metadata.title == headline


def test_a_line_over_a_photo_credit_under_the_headline_is_its_caption(c):
    # Headline, the photo's caption, its credit, the caption again (Republika, U): a caption
    # printed twice around its credit, not the standfirst. A standfirst over the credit and
    # another caption stays the standfirst (Tribun: the seeds).
    caption = "Warga mengantre bantuan beras di halaman kantor kelurahan pada Senin pagi."
    rec = c.clean_text(page(TITLE, caption, "Foto: Kotakita/Budi Santoso", caption, P1, P2, P3))
    assert rec.metadata.lead is None and caption not in rec.text and rec.text.startswith(P1)
    other = "WARGA ANTRE - Warga menunggu giliran di halaman kantor kelurahan, Senin (4/9/2025)."
    rec = c.clean_text(page(TITLE, caption, "Foto: Kotakita/Budi Santoso", other, P1, P2, P3))
    assert rec.metadata.lead == caption and rec.text.startswith(P1)


def test_a_score_without_letters_is_no_photo_credit(c):
    # "86 / 100" (a theme's score) under the caption: no credit, so the dateline paragraph
    # under it is not read as the caption that follows a credit (a small site of V).
    caption = "Keterangan: Kegiatan penyaluran bantuan langsung tunai tahun anggaran 2023"
    para = "MELAWI-KALBAR, Kotakita.id – " + P2
    rec = c.clean_text(page(TITLE, caption, "86 / 100", para, P3, P4))
    assert rec.text.startswith(para)


def test_a_dateline_paragraph_full_of_names_is_no_kicker_headline(c):
    # An upper-case brand and place, a dash, then a paragraph of names in capitals without a
    # closing full stop (it ends with a quoted theme): two lower-case content words make it a
    # sentence, so the dateline opens the story (a small site of W lost three paragraphs).
    para = ("KOTA KITA, SUKAMAJU – Bupati Sukamaju Ir. Budi Santoso, S.P, bersama Wakil Bupati Rina "
            "Wulandari, beserta jajaran Forkopimda melakukan kunjungan Safari Ramadhan Dengan Tema “Ramadhan Berbagi”")
    rec = c.clean_text(page(TITLE, para, P2, P3, P4))
    assert rec.text.startswith(para) and rec.metadata.dateline == "KOTA KITA, SUKAMAJU –"


def test_a_place_and_brand_dateline_opening_a_hard_wrapped_story_is_no_kicker(c):
    # "DISKOMINFO LAMSEL, Kalianda - Bupati Lampung Selatan Radityo Egi" / "Pratama menegaskan
    # ..." (a regency portal's story, hard-wrapped, the page's text starting at it: BE): a brand
    # and a place, comma between, name the site; a kicker ("BREAKING NEWS – ...") has no comma.
    # The first line was the title, the second the standfirst.
    lines = ["DISKOMINFO KOTA, Sukamaju - Bupati Sukamaju Budi Santoso",
             "Pratama menegaskan Persatuan Wartawan Indonesia (PWI) harus tampil sebagai",
             "penyalur informasi yang sehat sekaligus penjaga profesionalisme wartawan di",
             "tengah derasnya arus informasi yang kian sulit dibendung.", P2, P3]
    rec = c.clean_text(page(*lines))
    assert rec.metadata.title is None and rec.metadata.dateline == "DISKOMINFO KOTA, Sukamaju -"
    assert rec.text.startswith(lines[0])


@pytest.mark.parametrize("other, how", [
    ("Ketua Persatuan Wartawan Buka Agenda Orientasi Calon Anggota Baru Tahun 2025",
     "recommendation/structure:off-topic-headline"),
    ("News Bola Daerah Sulawesi Sumatera Jabar Banten Jateng Yogya Jatim Bali", "nav/structure:menu-row")])
def test_a_headline_of_another_story_over_the_story_s_own(c, other, how):
    # Another story's headline, or a menu row, taken first; the story's own headline under it
    # (as its standfirst, or a second headline) shares words with the opening paragraph
    # (three outlets of Y): the one that speaks of the story is the title. (A menu row of
    # rubrics and regions is known by its words first: shapes.menu_row.)
    rec = c.clean_text(page(other, TITLE, "Senin, 4 Maret 2024 10:15 WIB", P1, P2, P3))
    assert rec.metadata.title == TITLE and other not in rec.text and rec.metadata.lead is None
    assert dropped(rec)[other] == how


def test_a_ticker_headline_sharing_a_word_with_the_story_gives_way_to_the_story_s_own(c):
    # "BREAKING NEWS :" and another story's headline first, sharing one word of four with the
    # opening paragraph; the story's own headline under a rubric label, read as header text,
    # shares most of its words (halloriau, AZ): the one that speaks of the story is the title.
    ticker = "Tanam Pohon di Riau, Pengamat Sebut Pekanbaru Saksi Lahirnya Kesadaran Lingkungan Hijau"
    own = "PSPS Riau Kalah Lagi, Semen Padang Panen Tiga Poin di Stadion Pekanbaru"
    para = ("PEKANBARU - PSPS Riau yang berlaga di Stadion Kaharuddin Nasution terpaksa tunduk di hadapan "
            "Semen Padang dengan skor 0-2 dalam laga lanjutan Liga 2 Grup A.")
    rec = c.clean_text(page("BREAKING NEWS :", ticker, "Liga 2 Grup A", own, "Senin, 25 September 2023 - 21:36:31 WIB",
                            para, P2, P3))
    assert rec.metadata.title == own and ticker not in rec.text


def test_a_headline_that_shares_a_word_with_the_story_stays(c):
    # The title shares a word with the opening paragraph ("kota"): it stays, even over a
    # shorter second headline that shares more (its standfirst)
    title = "Wali Kota Resmikan Terminal Baru di Pinggir Kota"
    second = "Pemerintah Tambah Bus Sekolah Gratis"
    rec = c.clean_text(page(title, second, "Senin, 4 Maret 2024 10:15 WIB", P1, P2, P3))
    assert rec.metadata.title == title


@pytest.mark.parametrize("once, kind", [("Ilustrasi narkoba jenis sabu. [Istimewa]", "caption"),
                                        ("Warga Antre Minyak Goreng di Pasar Induk Kota", "other")])
@pytest.mark.parametrize("sep", ["", " "])
def test_a_text_printed_twice_glued_is_no_paragraph(c, once, kind, sep):
    # An image's alt text and its caption on one line (a Medan outlet of Y), a teaser's alt
    # text and title (merdeka's whole pages): no paragraph of the story.
    glued = once + sep + once
    rec = c.clean_text(page(TITLE, P1, P2, glued, P3))
    assert glued not in rec.text and dropped(rec)[glued] == f"{kind}/structure:glued-twice"
    assert rec.text.split("\n\n") == [P1, P2, P3]


def test_a_caption_label_over_the_dateline_that_names_the_site(c):
    # "LABEL - caption ... -Outlet/Name -" right above the paragraph whose dateline names the
    # outlet (Radar Pekalongan, Z): the caption's label is no dateline, the line is a caption
    caption = "TUNJUKKAN - Salah satu pedagang pasar saat menunjukkan barang dagangannya. -Kota Kita/Budi Santoso -"
    para = "BATANG, KOTA KITA - " + P2
    rec = c.clean_text(page(TITLE, caption, para, P3, P4))
    assert rec.text.startswith(para) and rec.metadata.dateline == "BATANG, KOTA KITA -"
    assert caption in rec.metadata.captions


def test_a_subheading_and_a_paragraph_opening_with_its_words_stay(c):
    # "Sejarah Kota Pontianak" over "Sejarah Kota Pontianak berawal dari ..." (SuaraKalbar, Z):
    # a subheading and its section's first paragraph, not a caption and its credited copy
    sub = "Sejarah Terminal Bus Kota Kita"
    para = (sub + " berawal dari pangkalan kecil di tepi pasar. Terminal itu dibangun ulang pada "
            "tahun 1990 dan diperluas dua kali sejak saat itu untuk menampung bus antarkota.")
    rec = c.clean_text(page(TITLE, P1, P2, sub, para, P3))
    assert rec.text.split("\n\n") == [P1, P2, sub, para, P3]


def test_a_sentence_repeated_over_and_over_is_no_glued_copy(c):
    # a page whose one paragraph repeats a sentence (a test page's filler, the hostile-bytes
    # pages): its halves are alike, but each half is a repetition itself; the text stays
    para = " ".join(["Teks berita yang cukup panjang di halaman ini untuk diekstrak."] * 8)
    rec = c.clean_text(para)
    assert rec.text == para


@pytest.mark.parametrize("caption", ["Caption : Kapal isap produksi timah yang beroperasi di perairan pantai",
                                     "Keterangan: Kegiatan penyaluran bantuan langsung tunai tahun anggaran 2023",
                                     "Foto bawah: Suasana warga saat mengikuti upacara di halaman kantor desa"])
def test_a_caption_labelled_between_paragraphs(c, caption):
    # A caption's own label, Indonesian or English ("Caption : Kapal Isap Produksi ...": BO, BU).
    rec = c.clean_text(page(TITLE, P1, P2, caption, P3, P4))
    assert rec.text.split("\n\n") == [P1, P2, P3, P4]


def test_a_date_header_and_its_us_timestamp_on_one_line(c):
    # Blogger's date header and post timestamp run together ("Friday, November 29, 2019,
    # 11/29/2019 11:13:00 AM", CA): a date line (not a photo credit, no caption under it),
    # and the timestamp's time is the published time.
    rec = c.clean_text(page(TITLE, "Friday, November 29, 2019, 11/29/2019 11:13:00 AM", P1, P2, P3))
    assert rec.text.split("\n\n") == [P1, P2, P3]
    assert rec.metadata.published == "2019-11-29T11:13:00"


def test_a_sentence_cut_by_the_page_top_is_no_headline(c):
    # The page starts in a paragraph: its second line, in lower case, goes on from the first
    # and is no headline (a page cut in a hard-wrapped paragraph, CA).
    first, second = "Sedikitnya 120 warga korban banjir", "bandang Kabupaten Sukamaju menghuni Markas Komando Distrik Militer 0610"
    rec = c.clean_text(page(first, second, "Sukamaju yang dijadikan pos pengungsian.", P2, P3, P4))
    assert rec.metadata.title is None
    assert second in rec.text
    # A style sheet's residue before a headline opens with no word of a sentence (a Blogger page of CH).
    css = 'text-align: left;"> KABAR KOTA "SUKAMAJU" KABUPATEN SUKAMULYA: Jembatan Ambruk, Empat Desa Terisolir'
    rec = c.clean_text(page(css, P2, P3, P4))
    assert css not in rec.text


def test_a_caption_end_with_a_date_under_the_headline_is_no_photo_credit(c):
    # A caption's last words cut by the page's top, its date in slashes ("..., Kamis,
    # (25/1/2024)."): a caption, not a credit (a credit's caption would be the line under it).
    cut = "kunjungannya, di Kecamatan Sukamaju dan Sukamulya, Kamis, (25/1/2024)."
    rec = c.clean_text(page("Dinas Komunikasi dan Informatika", TITLE, cut, P1, P2, P3))
    assert rec.text.split("\n\n") == [P1, P2, P3]
    assert dropped(rec)[cut].startswith("caption/")


def test_a_place_and_a_date_alone_on_the_first_line_is_the_dateline(c):
    # "Pariaman, 11 Juni 2010" over the story (CA); the same dateline opens a paragraph on
    # pages of BX, BZ, CC and CD: no headline, the story's dateline on its own line.
    dl = "Sukamaju, 11 Juni 2010"
    rec = c.clean_text(page(dl, P2, P3, P4))
    assert rec.metadata.title is None
    assert rec.metadata.dateline == dl
    assert rec.text.split("\n\n") == [f"{dl} {P2}", P3, P4]     # (joined to its paragraph)


@pytest.mark.parametrize("dl", ["Sukamaju-Kabarkita.com :", "Kota Baru-KabarKita.Site.-"])
def test_a_place_and_the_site_domain_alone_over_the_first_paragraph(c, dl):
    # A place and the site's domain joined by a dash, alone on its line (two outlets of CC).
    rec = c.clean_text(page(TITLE, dl, P2, P3, P4))
    assert rec.metadata.dateline == dl
    assert rec.text.startswith(dl)


def test_a_place_and_brand_over_a_long_paragraph_closed_by_its_date(c):
    # The first paragraph full of names and closed by its date in brackets, no full stop (CD):
    # longer than any headline, it is the paragraph the dateline opens.
    dl = "Sukamaju, KABARKITA"
    para = ("Majelis Pertimbangan Sinode Gereja Kristen Sukamaju (MPS-GKS) yang juga merupakan Wakil "
            "Bupati Sukamaju, Drs Budi Santoso didampingi Wakil Ketua TP PKK Sukamaju Dr Ani Lestari, "
            "menghadiri sekaligus beribadah bersama jemaat Gereja Kalvari Sukamulya yang dirangkaikan "
            "dengan Hari Ulang Tahun ( HUT) ke 22 Wilayah Sukamulya, Minggu (06/10/2019)")
    rec = c.clean_text(page(dl, para, P2, P3))
    assert rec.metadata.dateline == dl
    assert rec.text.startswith(dl)


def test_a_subheading_that_speaks_of_the_paragraph_under_it_stays(c):
    # A subheading with a comma, its words in the paragraph under it and not in the one above
    # ("Tanggul Marisa Jebol, Dampaknya Cukup Parah": BM, BP, BV, BX, BZ, CD and dev pages):
    # no injected headline. Another story's headline there still goes (the test at the top).
    sub = "Tanggul Sungai Jebol, Sawah Warga Terendam Lumpur"
    below = ("Tanggul sungai di desa itu jebol pada Senin malam sehingga puluhan hektare sawah "
             "warga terendam lumpur setinggi lutut.")
    rec = c.clean_text(page(TITLE, P1, P2, sub, below, P3))
    assert sub in rec.text.split("\n\n")
    injected = "Harga Cabai Rawit Melonjak Tajam, Pedagang Pasar Induk Mengeluh Sepi Pembeli"
    rec = c.clean_text(page(TITLE, P1, P2, injected, below, P3))
    assert injected not in rec.text


@pytest.mark.parametrize("dl", ["SUKAMAJU -", "| Kabar Kita –", "Kabarkita.id –", "SUKAMAJU-KABARKITA :",
                                "SUKAMAJU, (KabarKita)", "KABARKITA.COM (Sukamaju).", "Sukamaju — Www.kabar-kita.com"])
def test_a_dateline_closed_by_its_separator_alone_over_the_first_paragraph(c, dl):
    # The dateline's first half alone on its line, as it opens a paragraph elsewhere: a place or
    # the outlet's name and a dash or a colon, or the outlet's name in brackets (BK-BS, CA).
    rec = c.clean_text(page(TITLE, dl, P2, P3, P4))
    assert rec.metadata.dateline == dl
    assert rec.text.startswith(dl)


def test_a_link_box_on_a_whole_page_is_not_the_page_bottom(c):
    # A whole page (a menu over the story): "Baca Juga" and its three headlines after the
    # densest prose, the story's last paragraph under them (ce029): the box goes, the
    # paragraph stays (the page-bottom pass had taken the headlines for the page's foot).
    nav = [f"• {w}" for w in "Beranda Daerah Ekonomi Bisnis Pendidikan Olahraga Politik Ragam Opini Indeks".split()] * 4
    heads = ["Dewan Minta Laporan Tindak Lanjut Temuan BPK di Dinas Pendidikan",
             "Polresta Resmi Punya Wakapolresta Baru, Siap Perkuat Kamtibmas",
             "Kawasan Sungai Mulai Dibenahi, Wali Kota Pantau Langsung"]
    last = "Yakni program inisiatif pemerintah kabupaten dengan agenda turun langsung ke masyarakat setiap pekan."
    rec = c.clean_text(page(*nav, TITLE, P1, P2, "Baca Juga", *heads, last))
    assert rec.text.split("\n\n") == [P1, P2, last]
    assert all(dropped(rec)[h] == "crosslink/structure:link-box" for h in heads)


def test_a_first_paragraph_opening_with_the_headline_is_no_copy_of_it(c):
    # The story's first sentence opens with the headline's words and goes on in lower case
    # (cf028): the story's paragraph, not the headline printed again.
    head = "Mengenal Kota Sukamaju di Kabupaten Sukamulya"
    para = (f"{head} harus dimulai dengan mengetahui terlebih dahulu sejarahnya. Kota ini berada di "
            "pesisir dan dikenal sebagai pusat perdagangan sejak lama.")
    rec = c.clean_text(page(head, para, P2, P3))
    assert rec.metadata.title == head
    assert rec.text.split("\n\n")[0] == para
