"""The credit-line grammar (cleaner/text/byline.py) on made-up lines of every shape it reads,
and on sentences and headlines that start with the same words and must stay text."""
import pytest

from cleaner.text.byline import Credit, parse_closing_credit, parse_credit


@pytest.mark.parametrize("line, authors, editor", [
    ("Penulis: Rita Lavenia | Editor: Budi Susilo", ["Rita Lavenia"], "Budi Susilo"),
    ("PENULIS: RINI ASTUTI", ["RINI ASTUTI"], None),
    ("PENULIS Ashaq Lupito", ["Ashaq Lupito"], None),                  # no colon, any case
    ("Penulis | : | Okki Margaretha |", ["Okki Margaretha"], None),    # a flattened table row
    ("Editor | : | Okki Margaretha |", [], "Okki Margaretha"),
    ("Reporter: Marlianti Tandang, Editor: Muhammad Bulkini", ["Marlianti Tandang"], "Muhammad Bulkini"),
    ("Penulis: Agus Budi - Editor: Bunga Sari", ["Agus Budi"], "Bunga Sari"),
    ("Reporter : Dina / Editor : Eko", ["Dina"], "Eko"),
    ("Editor : Eko Prasetyo   Reporter : Dina Lestari", ["Dina Lestari"], "Eko Prasetyo"),   # spaces only
    ("Laporan Indra Wijaya | Banda Aceh", ["Indra Wijaya"], None),        # a place after the bar
    ("Laporan: Dofi Iskandar (Pekanbaru)", ["Dofi Iskandar"], None),      # a place in brackets
    ("Oleh: Dewi Anggraini (@dewianggr)", ["Dewi Anggraini"], None),      # a social handle after the name
    ("By Rina Marlina@rinamarlina, Budi Hartono", ["Rina Marlina", "Budi Hartono"], None),   # glued on
    ("Reporter: Dede Suhendar (Bandung Barat) | Editor: Eko", ["Dede Suhendar"], "Eko"),
    ("Laporan Wartawan Tribunnews.com, Danang Triatmojo", ["Danang Triatmojo"], None),
    ("oleh Putu Merta Surya Putra diperbarui 27 Mei 2019, 13:40 WIB", ["Putu Merta Surya Putra"], None),
    ("Oleh Putri Windah pada 06 March 2018, 21:30 WIB", ["Putri Windah"], None),
    # a theme's English word before the date (AX)
    ("Jurnalis - Rahmat Hidayat Published Saturday, 15 March 2025", ["Rahmat Hidayat"], None),
    ("Achmad Al Fiqri , Jurnalis-Jum'at, 06 Maret 2026 |00:09 WIB", ["Achmad Al Fiqri"], None),
    ("Danandaya Arya putra , Jurnalis-Minggu, 15 Oktober 2023 |07:33 WIB", ["Danandaya Arya putra"], None),  # as typed
    ("Miftahul Ghani, Jurnalis", ["Miftahul Ghani"], None),
    ("Penulis : ingot simangunsong", ["ingot simangunsong"], None),       # lower case after a colon
    ("Redaktur & Reporter : Didin", ["Didin"], "Didin"),
    ("Penulis: Kompas.com", ["Kompas.com"], None),                       # a site as the author: a team
    ("Penulis: Tim Tribun Manado | Editor: Erlina Langi", ["Tim Tribun Manado"], "Erlina Langi"),
    ("Penulis: Ani Lestari dan Budi Santoso", ["Ani Lestari", "Budi Santoso"], None),
    ("Video Editor: Andika Bagus", [], "Andika Bagus"),
    ("EDITOR : HADI", [], "HADI"),
    ("Kontributor : Ferrye Bangkit Rizki", ["Ferrye Bangkit Rizki"], None),
    ("Peliput : Randi Mahesa", ["Randi Mahesa"], None),
    ("Liputan : Sutrisno", ["Sutrisno"], None),                          # with its colon only
    ("Laporan oleh Meilita Elaine", ["Meilita Elaine"], None),          # Suara Surabaya (R)
    # the page's date and time first, then the labels
    ("RABU, 12 MARET 2025 | 10:20 WIB | LAPORAN: DEDI KURNIAWAN", ["DEDI KURNIAWAN"], None),
    ("Selasa, 4 Juni 2024 | Pukul 08.15 | Penulis: Ayu Lestari | Editor: Heru", ["Ayu Lestari"], "Heru"),
    ("Penulis: Tono Hartono | 14:05 WIB", ["Tono Hartono"], None),        # a time after the label
    # the name printed twice, glued (an avatar's alt text, then the name), then the date
    ("Dimas PrakosoDimas Prakoso - Jumat, 7 Juni 2024", ["Dimas Prakoso"], None),
    ("Lina MarlinaLina Marlina | Senin, 3 Maret 2025 | 09:12 WIB", ["Lina Marlina"], None),
    # a theme's author line: the avatar's alt text, then "by" and the name
    ("Dimas Prakoso by Dimas Prakoso", ["Dimas Prakoso"], None),
    ("AdminKota by AdminKota", ["AdminKota"], None),
    # a theme's author bar: the name (or the site's account), then the date
    ("Ratna Dewi | Senin, 3 Maret 2025 | 09:12", ["Ratna Dewi"], None),
    ("Administrator • 2025-03-03 09:12:40", ["Administrator"], None),
    ("Redaksi - Senin, 3 Maret 2025", ["Redaksi"], None),
    # ... or the writer's short name, one word (Z, AM, AN)
    ("Ferdian - Sabtu, 14 Mei 2022 | 15:15 WIB", ["Ferdian"], None),
    ("AZ - Kamis, 18 Juli 2019 07:00 WIB", ["AZ"], None),
])
def test_credit_lines(line, authors, editor):
    credit = parse_credit(line)
    assert credit is not None and credit.authors == authors and credit.editor == editor


def test_source_and_photo_labels():
    assert parse_credit("Sumber: Tribun Kaltim") == Credit(source="Tribun Kaltim")
    assert parse_credit("Foto: Grandyos Zafna") is None            # a photographer is no author
    assert parse_credit("Penulis: Ani | Foto: Budi Santoso").authors == ["Ani"]


@pytest.mark.parametrize("line", [
    "Oleh karena itu, pemerintah menunda kebijakan tersebut.",
    "Penulis buku itu mengatakan minat baca remaja terus meningkat.",
    "Editor senior majalah itu mengatakan minat baca remaja terus meningkat",
    "Wartawan Dirikan Posko Peduli Korban Banjir Pangkalpinang",       # a headline (d016's shape)
    "Reporter",                                                        # a label alone: split-label's case
    "Editor",
    "Krismanto menulis buku tentang sejarah kota, kata penerbitnya",
    "Penulis: 1234",
    "Laporan keuangan perusahaan | Rp 5 miliar",
    "Sumber",
    # A date part may hold only date words: a sentence with a date in it is no place or
    # date ("[,.:-–—]" once read ":" to "–" as a range, every letter in it).
    "Penulis: Andi Wijaya | Polisi menangkap tiga orang pada 6 Maret 2026",
    "Laporan: (Pekanbaru)",                                            # a place is no name
    "Liputan Khusus",                                                  # a rubric: no colon
    "Liputan Khusus Banjir Demak",
    "RABU, 12 MARET 2025 | 10:20 WIB",                                 # a date line names nobody
    "RABU, 12 MARET 2025 | Banjir Rob Landa Pesisir Demak",            # a date, then a headline
    "Dimas PrakosoDimas Prakoso - menang lomba lari",                  # twice, but no date after
    "Kota Bandung - Jumat, 7 Juni 2024",                               # a place and the date
    "Dimas Prakoso by Budi Santoso",                                   # two names: no such line
    # a name's shape before the date, but an outlet's, a place's, a rubric's or a weekday
    "Radar Cirebon - 12/05/2021, 16:57 WIB",
    "Kabupaten Garut | Senin, 3 Maret 2025",
    "Biografi | 02 Desember 2021, 05:00",
    "Kamis | 23-01-2014 | 10:57 WIB",
    "Ratna Dewi | Senin, 3 Maret 2025 | Banjir Rob Landa Pesisir Demak",   # a headline after
    "Menurut dia, wartawan senior itu sudah lama meliput di daerah tersebut.",  # a role word in a sentence
    "menurut dia, wartawan",
])
def test_sentences_and_headlines_are_not_credits(line):
    assert parse_credit(line) is None


@pytest.mark.parametrize("line, names", [
    ("(Tribunnews.com/Daryono)", ["Daryono"]),
    ("(Nesiana Yuko Argina)", ["Nesiana Yuko Argina"]),
    ("[Eko Isdiyanto]", ["Eko Isdiyanto"]),
    ("(Widi Agustian)", ["Widi Agustian"]),
    ("(Tribunnews.com/Galuh Widya Wardani/Danang Triatmojo)(Tribun-Bali.com/Ida Bagus Putu Mahendra)",
     ["Galuh Widya Wardani", "Danang Triatmojo", "Ida Bagus Putu Mahendra"]),
    # the editor's or the agency's code after the writer's full name
    ("(Budi Santoso/ant)", ["Budi Santoso"]),
    ("(Rina Wulandari/RCTI/ugo)", ["Rina Wulandari"]),
    # a full name in lower case after the outlet (two Tribun brands)
    ("(Kabarkota.co.id/rina wulandari)", ["rina wulandari"]),
    # the desk after the writer (NokenLive, Y); a team alone is the credit's
    ("(Melviandres Pamanggori/Redaksi NL)", ["Melviandres Pamanggori"]),
    ("(Tim Redaksi)", ["Tim Redaksi"]),
])
def test_closing_writer_credits(line, names):
    assert parse_closing_credit(line) == names


@pytest.mark.parametrize("line", [
    "(uby)", "(Dny)", "(idh/imk)", "(antara/mcr13/jpnn)", "(ADW/NDI)", "(GaluhID/Uus)", "(*)",
    "(kabarkota.com/istimewa)", "(rina wulandari)", "(Kabarkota.co.id/kata dia)",
    "(Foto: Dede F)", "(Sumber : Warta Kota)", "Pos Belitung/Dede", "(humas)",
    "Harga cabai naik lagi (Tribunnews.com/Daryono)",                 # glued to a sentence: not alone
    "(Baca juga: Harga Cabai Naik)",
    "(Budi/RC)", "(edi/c15/hud)",                                      # no full name beside the codes
])
def test_end_marks_and_other_brackets_are_not_writer_credits(line):
    assert parse_closing_credit(line) is None


def test_a_sentence_opening_with_a_source_label_is_no_credit():
    assert parse_credit("Sumber air di desa itu mulai mengering sejak bulan lalu, kata warga setempat.") is None
    assert parse_credit("Sumber : Warta Kota") == Credit(source="Warta Kota")


@pytest.mark.parametrize("line", ["By None, Jumat, 3 Mei 2019 | 20:30 WIB", "Penulis: null", "Editor: None",
                                  "Penulis: *** | Editor: ---"])
def test_a_cms_placeholder_is_no_name(line):
    # An unseen GridPop page printed "By None, <date>": the author field was empty; a Riau
    # outlet of AI hides its writer as "Penulis: ***" (no letter: no name).
    from cleaner import Cleaner
    rec = Cleaner().clean_text("\n".join([
        "Warga Desa Mulai Puasa Lebih Awal Tahun Ini", line,
        "GridPop.id - Bulan ramadan segera menjelang, berbagai persiapan sudah dilakukan warga desa.",
        "Namun, di beberapa daerah, penentuan awal bulan Ramadan berbeda-beda menurut warga."]))
    assert rec.metadata.authors == [] and rec.metadata.editor is None
    assert line not in rec.text


def test_one_person_named_by_two_credit_lines_in_two_casings_is_one_author():
    # "Penulis: mildaniati" and "Laporan Wartawan TribunBanten.com, Mildaniati" (unseen page).
    from cleaner.model.document import Doc
    doc = Doc(source="<test>", text="")
    doc.set_meta("authors", ["mildaniati"], "a")
    doc.set_meta("authors", ["Mildaniati", "Glery Lazuardi"], "b")
    assert doc.meta["authors"] == ["mildaniati", "Glery Lazuardi"]


def test_one_person_named_in_full_and_short_is_one_author():
    # "Penulis: Wanti Puspa Gustiningsih | Editor: ..." and "Laporan wartawan Tribun Jabar,
    # Wanti Puspa" (an unseen Tribun page): one author, named in full; a shared first name
    # alone ("Budi", "Budi Santoso") is not enough to call two names one.
    from cleaner.model.document import Doc
    for first, second in ((["Rina Dewi Lestari"], ["Rina Dewi"]), (["Rina Dewi"], ["Rina Dewi Lestari"])):
        doc = Doc(source="<test>", text="")
        doc.set_meta("authors", first, "a")
        doc.set_meta("authors", second + ["Budi Santoso"], "b")
        assert doc.meta["authors"] == ["Rina Dewi Lestari", "Budi Santoso"]
    doc = Doc(source="<test>", text="")
    doc.set_meta("authors", ["Budi", "Budi Santoso"], "a")
    assert doc.meta["authors"] == ["Budi", "Budi Santoso"]


@pytest.mark.parametrize("line, names", [
    ("(Cahaya)", ["Cahaya"]), ("(Najamudin)", ["Najamudin"]),
    ("(L/Taufik)", ["Taufik"]),                                # a desk's code beside it
])
def test_one_word_closing_the_story_names_its_writer(line, names):
    assert parse_closing_credit(line, single=True) == names
    assert parse_closing_credit(line) is None                  # elsewhere: not a credit


@pytest.mark.parametrize("line", [
    "(Antara)", "(Istimewa)", "(Bersambung)", "(Advertorial)", "(Humas)", "(ANTARA)", "(Dny)",
    "(uby/Dny)", "(Kota)", "(Kominfo5/RD2)", "(Budi/Rina)", "(Rls)",
])
def test_one_word_end_marks_are_still_no_writers(line):
    assert parse_closing_credit(line, single=True) is None


def test_a_closing_credit_naming_an_editor_is_no_writer():
    # "... ungkapnya. (Editor Jon Heri)" (unseen jodanews page) gave authors ["Editor Jon Heri"].
    assert parse_closing_credit("(Editor Jon Heri)") is None
    assert parse_closing_credit("(Nesiana Yuko Argina)") == ["Nesiana Yuko Argina"]


@pytest.mark.parametrize("value, names", [
    ("Abdul Hakim/Hanif Nashrullah", ["Abdul Hakim", "Hanif Nashrullah"]),   # Antara's two writers (R)
    ("Arnold H Sianturi / FMB", ["Arnold H Sianturi"]),                      # the editor's initials
    ("Ani Lestari, Budi Santoso dan Citra", ["Ani Lestari", "Budi Santoso", "Citra"]),
    ("ANT", ["ANT"]),                                                          # no slash: as printed
    ("bbn/maw", ["bbn/maw"]),                        # desk codes only (beritabali, batch S): as printed
    ("-Bintan-85 views", ["Bintan"]),                # the theme's view counter run into it (AY)
    ("Penulis", []),                                 # the label alone, the name left empty (AY)
])
def test_a_rule_capture_s_names(value, names):
    from cleaner.core.marking import split_names
    assert split_names(value) == names


@pytest.mark.parametrize("line, authors, editor", [
    ("Penulis: Sephia Caesaria Attara (Tenaga Ahli Peliputan)", ["Sephia Caesaria Attara"], None),
    ("Editor: Zainul Effendi Joesoef (Pranata Humas Ahli Muda)", [], "Zainul Effendi Joesoef"),
])
def test_a_role_in_brackets_after_a_captured_name_is_not_the_name_s(line, authors, editor):
    """A regency portal's credit block (BN): the rule's capture had kept the role with its
    opening bracket ("Sephia Caesaria Attara (Tenaga Ahli Peliputan"); parse_credit drops it."""
    from madeup import P2, P3, page

    from cleaner import Cleaner
    rec = Cleaner().clean_text(page(line, "Madiun - Ratusan warga membersihkan sungai kota pada Sabtu pagi bersama petugas.",
                                    P2, P3))
    assert rec.metadata.authors == authors and rec.metadata.editor == editor


def test_a_rule_capture_of_a_date_alone_names_nobody():
    """Blogger's "by <name> On <date>" with the name left empty: "by : On Januari 05, 2019" (AX)."""
    from madeup import P2, P3, page

    from cleaner import Cleaner
    rec = Cleaner().clean_text(page("Warga Kota Bersihkan Sungai Menjelang Musim Hujan Tahun Ini", "by : On Januari 05, 2019",
                                    "Madiun - Ratusan warga membersihkan sungai kota pada Sabtu pagi bersama petugas.", P2, P3))
    assert rec.metadata.authors == [] and rec.metadata.published.startswith("2019-01-05")


@pytest.mark.parametrize("line", [
    "Olahraga · 21 Sep 2023 19:11 WIB",          # a rubric before the date
    "LHOKSEUMAWE · 27 Dec 2018 06:58 WIB ·",     # a place in capitals
    "Kota | Senin, 3 Maret 2025",                # a place's word
    "Bola - 12 Mei 2021",
    "Ardy | Jumat, 07 Mei 2021 - 10:09 WIB",     # a bar: a rubric's as well ("Biografi | <date>")
    "Kamis - 23-01-2014 | 10:57 WIB",            # a weekday
])
def test_one_word_before_a_date_that_names_nobody(line):
    assert parse_credit(line) is None


def test_a_short_name_before_the_date_is_a_loose_credit():
    # under the headline only: above it, the one word could be anything's
    assert parse_credit("Ferdian - Sabtu, 14 Mei 2022 | 15:15 WIB").loose
    assert not parse_credit("Ratna Dewi | Senin, 3 Maret 2025 | 09:12").loose
