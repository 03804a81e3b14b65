"""Each structure pass on its own, on made-up lines: the end-to-end shapes are in
tests/test_structure.py; these call one pass (or one header step) directly, with no
rule file, so a change in one pass fails here by name."""
from __future__ import annotations

import regex
from madeup import P2, P3, P4

from cleaner.core.stages import segment
from cleaner.core.structure import body, frame, header, tail
from cleaner.core.structure.catalogue import RULE_IDS
from cleaner.core.structure.dateline import match_dateline
from cleaner.core.structure.state import Page
from cleaner.model.document import Doc
from cleaner.ruleset.model import StructureInputs
from cleaner.text.normalise import folded_line

DATELINES = [regex.compile(r"^[A-Z]{3,}(?:, [A-Z.]+)? -")]
P1 = ("JAKARTA - Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan untuk "
      "mengurangi kemacetan di jalan utama pada pagi hari.")


def make(*lines: str, end_rules=frozenset(), label_rules=frozenset()) -> Page:
    doc = Doc(source="<test>", text="\n".join(lines))
    segment(doc, None, None)
    return Page(doc, StructureInputs(DATELINES, end_rules, [], False, False, label_rules))


def verdicts(p: Page) -> list[str | None]:
    return [ln.rule for ln in p.lines]


# ------------------------------------------------------------------ header
def test_header_scan_finds_label_title_date_and_stops_at_the_dateline():
    p = make("Ekonomi", "Harga Cabai di Pasar Tegal Naik Tajam Minggu Ini", "Kamis, 2 Oktober 2025 10:15 WIB",
             P1, P2)
    start = header.scan_header(p)
    assert start == 3
    assert verdicts(p)[:3] == ["structure:label", "structure:title", "structure:date-line"]
    assert p.title_idx == 1 and p.lines[0].category == "section"


def test_header_scan_standfirst_under_the_title():
    p = make("Bus Sekolah Gratis Ditambah Mulai Pekan Depan di Kota",
             "Pemerintah menambah armada untuk dua belas rute baru", "Penulis: Dede", P1)
    p.lines[2].drop("byline", "test:byline")
    start = header.scan_header(p)
    assert p.lines[1].rule == "structure:lead" and p.lead_idx == 1 and start == 3


def test_header_date_line_step_alone():
    p = make("Kamis, 2 Oktober 2025", P1)
    s = header.HeaderScan(i=0, line=p.lines[0], t=p.lines[0].text)
    assert header.date_line(p, s) == header.NEXT and p.lines[0].rule == "structure:date-line"
    s2 = header.HeaderScan(i=1, line=p.lines[1], t=p.lines[1].text)
    assert header.date_line(p, s2) is None and not p.lines[1].dropped


def test_header_dateline_step_ends_the_header():
    p = make(P1)
    s = header.HeaderScan(i=0, line=p.lines[0], t=P1, dl=match_dateline(P1, DATELINES))
    assert header.dateline_opens_body(p, s) == header.STOP


def test_header_steps_are_catalogued_in_their_order():
    ids = [rid for rid, _ in header.HEADER_STEPS]
    assert all(rid in RULE_IDS for rid in ids)
    assert ids[:5] == ["structure:dateline", "structure:date-line", "structure:credit-line",
                       "structure:date-line", "structure:title-repeat"]
    assert ids[-1] == "structure:header-caption"


# ------------------------------------------------------------------ frame
def test_leftover_header_date_and_credit_lines_are_read():
    # Between a header scan that stopped early and the dateline paragraph: "• Oleh Name" and
    # "• 30 Januari 2019 - 20:46 WIB" (unseen borneonews page) were labels; their author and
    # date were lost.
    p = make("Pemkab Anggarkan Dana Jalan Desa Tahun Ini", "• Oleh Abdul Gofur", "• 30 Januari 2019 - 20:46 WIB", P1)
    p.title_idx = 0
    frame.header_line(p, 1)
    frame.header_line(p, 2)
    assert [p.lines[1].category, p.lines[2].category] == ["byline", "date"]
    assert p.doc.meta["authors"] == ["Abdul Gofur"]


def test_split_label_takes_the_name_below():
    p = make("Reporter", "Ashaq Lupito", P1)
    frame.split_label(p)
    assert verdicts(p)[:2] == ["structure:split-label"] * 2
    assert p.doc.meta["authors"] == ["Ashaq Lupito"]
    # the label in a sentence, under the story (Aktual)
    p = make(P1, P2, "Artikel ini ditulis oleh:", "Nebby")
    frame.split_label(p)
    assert verdicts(p)[2:] == ["structure:split-label"] * 2
    assert p.doc.meta["authors"] == ["Nebby"]


def test_find_dateline_and_standfirst_that_repeats_it():
    p = make("Pengantar", P1, P2)
    assert frame.find_dateline(p, 10) == 1
    repeat = make(P1 + " Tambahan.", "Foto: Dok", P1, P2)
    repeat.lines[1].drop("photo_credit", "test:credit")
    assert frame.find_dateline(repeat, 10) == 2 and repeat.lines[0].rule == "structure:lead-repeats-body"
    # the story's first paragraph repeated under two of its paragraphs (a teaser of the story,
    # AY): the first is the story's, no standfirst
    teaser = make(P1, P2, P3, P1)
    assert frame.find_dateline(teaser, 10) == 0 and teaser.lines[0].category is None


def test_header_line_labels_what_no_step_took():
    p = make("Menu Utama", "Judul Berita Yang Cukup Panjang Untuk Jadi Judul", "foto.example.com", P1)
    p.title_idx = 1
    frame.header_line(p, 0)
    frame.header_line(p, 2)
    assert p.lines[0].rule == "structure:header-label" and p.lines[0].category == "section"
    assert p.lines[2].rule == "structure:header-credit"


def test_header_timestamped_credit_line_is_a_date_line_not_the_headline():
    # "KAMIS, 18 APRIL 2024 | 03:06 WIB | LAPORAN: NAME" under the headline (unseen RMOL page)
    # replaced the headline as a longer one; "Chris Davies - Nov 19, 2019, 10:31 pm CST"
    # and TVRI's "... 16 September 2023 JAM 06:00:00 WIB" were taken for headlines.
    head = "Ridwan Kamil Cocok Maju Pilgub Jakarta"
    # (Since the credit grammar reads a date before the labels, it is the credit line
    # that names the writer; the date is read from it all the same.)
    p = make(head, "KAMIS, 18 APRIL 2024 | 03:06 WIB | LAPORAN: WIDODO BOGIARTO", P1, P2)
    header.scan_header(p)
    assert p.title_idx == 0 and p.lines[1].rule == "structure:credit-line"
    assert p.lines[1].category == "byline" and p.doc.meta["authors"] == ["WIDODO BOGIARTO"]
    p = make("Chris Davies - Nov 19, 2019, 10:31 pm CST", head, P1, P2)
    header.scan_header(p)
    assert p.title_idx == 1 and p.lines[0].category == "date"


def test_header_caption_opener_under_the_headline():
    # "Ilustrasi titik pusat gempa menurut USGS." between the headline and the date line
    # (unseen harianjogja page; never a standfirst in the labelled pages).
    p = make("Gempa Bikin Panik Warga Bali dan Lombok", "Ilustrasi titik pusat gempa menurut USGS.",
             "11 Oktober 2018 04:20 WIB", P1, P2)
    start = header.scan_header(p)
    assert start == 3 and p.lines[1].category == "caption" and p.lead_idx is None


def test_header_caption_with_its_credit_is_no_headline():
    # IDN Times page tops open with the photo's caption and its credit, no headline in the
    # dump (three unseen pages): the caption was taken for the headline.
    p = make("Kondisi pascabencana di Kabupaten Sukabumi (IDN Times/Siti Fatimah)", P1, P2)
    header.scan_header(p)
    assert p.title_idx is None


# ------------------------------------------------------------------ body
def test_body_caption_printed_twice():
    cap = "Warga mengantre minyak goreng di pasar induk kota"
    p = make(P1, cap, cap + " (Foto: Dok Humas)", P2)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None, "structure:caption-repeat", "structure:caption-repeat", None]


def test_caption_copy_without_its_inline_tags_is_the_same_caption():
    # A dump's caption keeps the page's <i> tags and its copy under the credit does not
    # (Kompas.id); an Okezone page prints its headline again with "<i>Healing</i>".
    tagged = "Petugas melakukan <i>fogging </i>atau pengasapan di kompleks perumahan, Senin (21/8/2023)."
    plain = "Petugas melakukan fogging atau pengasapan di kompleks perumahan, Senin (21/8/2023)."
    p = make(P1, tagged, "KOMPAS/HERU SRI KUMORO", plain, P2)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None] + ["structure:caption-repeat"] * 3 + [None]
    assert folded_line("Mau <i>Healing</i> Malah <EM class='x'>Pening</em>!") == "mau healing malah pening!"
    assert folded_line("a < b dan c > d") == "a < b dan c > d"


def test_caption_and_its_copy_differing_by_curly_quotes_are_one_caption():
    # WordPress curls the quotes of the caption it prints, not those of the image's alt
    # text printed above it (a Sulawesi outlet of AH; an English page of the ScrapingHub dumps).
    alt = "Pengurus PKK membaur dengan warga saat tarian diiringi lagu 'Goyang Tobelo' di alun-alun."
    cap = "Pengurus PKK membaur dengan warga saat tarian diiringi lagu ‘Goyang Tobelo’ di alun-alun."
    p = make(P1, alt, cap, P2)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None, "structure:caption-repeat", "structure:caption-repeat", None]
    assert folded_line("“Kata” – dia") == folded_line('"kata" - dia')


def test_phrase_printed_three_times_is_a_gallery_caption():
    # A VIVA page prints its one gallery caption under each photo; a small site of V its
    # "Keterangan: ..." three times. A sentence printed so stays (a teaser's copy may be the
    # story's: AB); so does a phrase printed twice.
    cap = "Pemain tim tuan rumah berlatih di stadion utama jelang laga final"
    p = make(P1, cap, P2, cap, P3, cap, P4)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None, "structure:printed-thrice", None, "structure:printed-thrice", None,
                           "structure:printed-thrice", None]
    said = "Acara tersebut dihadiri oleh pemerintah gampong dan tokoh masyarakat."
    p = make(P1, said, P2, said, P3, said)
    body.mark_body(p, 0, len(p.lines))
    assert "structure:printed-thrice" not in verdicts(p)
    p = make(P1, cap, P2, cap, P3)
    body.mark_body(p, 0, len(p.lines))
    assert "structure:printed-thrice" not in verdicts(p)
    # a list's recurring item (a product guide's "- See it now: Amazon") is the story's
    item = "- Lihat harga terbaru di toko resmi"
    p = make(P1, item, P2, item, P3, item, P4)
    body.mark_body(p, 0, len(p.lines))
    assert "structure:printed-thrice" not in verdicts(p)
    # and so is what an extractor kept as the main content (the HTML path)
    p = make(P1, cap, P2, cap, P3, cap, P4)
    p.doc.extracted = True
    body.mark_body(p, 0, len(p.lines))
    assert "structure:printed-thrice" not in verdicts(p)


def test_teaser_grid_printed_as_a_markdown_table():
    # Tribun Toraja (AC) and Tribun Lampung (V): each teaser a headline's cell over its
    # image's cell; a story's own table row stays.
    teasers = ["Harga Cabai Naik Turun di Pasar Sentral Makale Tana Toraja |",
               "Harga Bahan Pokok Naik di Pasar Bolu Rantepao Toraja Utara |"]
    row = "| Cabai rawit | Rp90.000 |"
    p = make(P1, P2, row, teasers[0], "![]() |", "---|", teasers[1], "![](https://img.example/a.jpg) |", "---|")
    p.lines[4].drop("other", "test:residue")
    p.lines[5].drop("other", "test:separator")
    p.lines[7].drop("other", "test:residue")
    p.lines[8].drop("other", "test:separator")
    body.mark_body(p, 0, len(p.lines))
    assert [p.lines[k].rule for k in (2, 3, 6)] == [None, "structure:teaser-cell", "structure:teaser-cell"]
    assert p.doc.meta["related"][-2:] == [t.rstrip(" |") for t in teasers]


def test_body_line_printed_twice_in_a_row_is_a_caption():
    # Unseen regamedianews and bolasport pages: the photo's caption printed twice above
    # the story, or again under its credit; a story never prints a line twice in a row.
    cap = "Asisten Pemerintahan dan Kesra Kamalia Arbani saat menyampaikan paparan di acara"
    p = make(P1, cap, cap, P2)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None, "structure:caption-repeat", "structure:caption-repeat", None]
    dated = "Starting line-up tim nasional ketika menghadapi Australia di Jakarta, Selasa (10/9/2024)."
    p = make(P1, dated, "MUHAMMAD ALIF AZIZ MARDIANSYAH/BOLASPORT.COM", dated, P2)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None] + ["structure:caption-repeat"] * 3 + [None]
    assert [ln.category for ln in p.lines[1:4]] == ["caption", "photo_credit", "caption"]
    quoted = '"Kami minta pemerintah turun tangan," kata Ketua RT setempat kepada wartawan'
    p = make(P1, quoted, quoted, P2)
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p)[1:3] == ["structure:caption-repeat"] * 2
    p = make(P1, cap, P2, cap, P3)      # not in a row: another matter
    body.mark_body(p, 0, len(p.lines))
    assert verdicts(p) == [None] * 5


def test_body_headline_list_goes_to_related():
    p = make(P1, "- Harga Cabai Naik Lagi di Pasar Tegal", "- Bupati Resmikan Jalan Baru Menuju Desa", P2)
    body.headline_list(p, 0, len(p.lines))
    assert verdicts(p)[1:3] == ["structure:headline-list"] * 2
    assert p.doc.meta["related"] == ["Harga Cabai Naik Lagi di Pasar Tegal", "Bupati Resmikan Jalan Baru Menuju Desa"]


def test_body_numbered_headline_list_is_no_table():
    # A ranked "popular" widget ("- 1 Pasutri ...", "- 2 Buat ...", unseen radarutara page):
    # the running count is no mark the items share, unlike a standings table's "poin".
    items = ["- 1 Pasutri di Tanjung Dalam Jadi Korban Pembacokan, Begini Ceritanya",
             "- 2 Buat Cemilan untuk Anak, Ini Resep Puding Regal Lapis Susu",
             "- 3 Hitung Sementara Pilgub di Dapil IV Bengkulu Utara, Begini Hasilnya"]
    p = make(P1, *items, *items[:2], P2)
    body.headline_list(p, 0, len(p.lines))
    assert verdicts(p) == [None] + ["structure:headline-list"] * 5 + [None]
    table = ["- 1 Jorge Martin (Pramac): 328 poin", "- 2 Francesco Bagnaia (Ducati): 305 poin",
             "- 3 Marco Bezzecchi (VR46): 283 poin"]
    p = make(P1, *table, P2)
    body.headline_list(p, 0, len(p.lines))
    assert verdicts(p) == [None] * 5
    # Ranked rows of figures (a ScrapingHub page's standings) are a table too.
    figures = ["- 1 Kyle Busch 5040 5 1 17 27", "- 2 Martin Truex Jr. 5035 7 0 15 24",
               "- 3 Kevin Harvick 5033 4 6 15 26"]
    p = make(P1, *figures, P2)
    body.headline_list(p, 0, len(p.lines))
    assert verdicts(p) == [None] * 5


def test_body_link_box_under_its_label():
    p = make(P1, "Baca juga:", "Harga Cabai Naik Lagi di Pasar Tegal", P2, label_rules=frozenset({"t:label"}))
    p.lines[1].drop("crosslink", "t:label")
    body.link_box(p, 0, len(p.lines))
    assert p.lines[2].rule == "structure:link-box" and p.lines[2].category == "crosslink"
    assert p.lines[3].rule is None


def test_body_injected_headline_between_sentences():
    p = make(P1, "Modus Baru Begal, Pura-pura Jadi Ojek di Jalan Sepi", P2)
    body.injected_headline(p, 0, len(p.lines))
    assert p.lines[1].rule == "structure:injected-headline"


# ------------------------------------------------------------------ tail
def test_tail_teaser_takes_its_headline_and_heading_along():
    # "Heading" / "Headline" / "PLACE - teaser ..." after the story (unseen lumajangsatu and
    # radiobintangtenggara pages; kutipan and retorikabanua print such teasers too).
    p = make(P1, P2, "Pengakuan Terduga Pelaku Penanam Ganja",
             "Ladang Ganja di Hutan Argosari Lumajang Sudah Panen Sekali",
             "JAKARTA - Ladang ganja di kawasan taman nasional itu ditemukan warga pekan lalu.")
    p.dateline_idx = 0
    assert tail.find_end(p, 0) == 2
    assert verdicts(p)[2:] == ["structure:teaser-dateline"] * 3
    assert set(p.doc.meta["related"]) == {p.lines[2].text, p.lines[3].text}


def test_tail_reporter_signoff_then_footer():
    p = make(P1, P2, "Pujiansyah/Lampung", "Hak cipta dilindungi undang-undang")
    end = tail.find_end(p, 0)
    assert end == 2
    assert verdicts(p)[2:] == ["structure:end-credit", "structure:after-credits"]


def test_tail_faq_block():
    faq = ["Apa itu bus sekolah gratis? Layanan angkutan untuk pelajar dari pemerintah kota.",
           "Kapan bus mulai beroperasi? Mulai pekan depan pada pagi dan siang hari.",
           "Berapa tarifnya? Tidak dipungut biaya apa pun bagi pelajar yang terdaftar."]
    p = make(P1, P2, P3, *faq)
    assert tail.find_end(p, 0) == 3
    assert verdicts(p)[3:] == ["structure:faq-block"] * 3


def test_tail_to_end_rule_drops_the_rest():
    p = make(P1, "Artikel terkait", "Judul lain", end_rules=frozenset({"t:end"}))
    p.lines[1].drop("recommendation", "t:end")
    assert tail.find_end(p, 0) == 1
    assert p.lines[2].rule == "t:end" and p.lines[2].zone == "tail"
