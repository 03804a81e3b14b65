"""Hard-wrapped pages (cleaner/text/rewrap.py): made-up text in the shape of the held-out
pages of eleven outlets (word-processor text pasted into Blogger and WordPress sites),
never a real page's words."""
from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.text.rewrap import wrapped_runs

TITLE = "Festival Perahu Hias Digelar di Sungai Kota Lama"
# Three paragraphs cut at ~70 characters, each first line shorter (its indent lost).
PARAGRAPHS = [
    ["Kotabaru, Warta Desa - Pemerintah Kabupaten",
     "menggelar festival perahu hias di sungai kota lama dalam rangka hari",
     "jadi daerah yang ke-60, Sabtu (12/8), dengan ratusan peserta dari desa",
     "sekitar sungai."],
    ["Pada festival tersebut,",
     "setiap desa menampilkan perahu yang dihias dengan hasil bumi serta",
     "kerajinan tangan warga yang dibuat selama dua bulan terakhir oleh para",
     "pemuda dan ibu rumah tangga di sepanjang bantaran sungai tersebut."],
    ["Kepala dinas pariwisata setempat",
     "mengatakan festival ini diharapkan menarik wisatawan dari luar daerah",
     "dan menghidupkan kembali ekonomi warga yang tinggal di tepi sungai",
     "Kota Lama yang selama ini sepi pengunjung pada akhir pekan dan hari",
     "libur nasional, terutama setelah jembatan baru selesai dibangun."],
]
PAGE = "\n".join([TITLE] + [ln for p in PARAGRAPHS for ln in p])


def folded(text: str) -> list[str | None]:
    return [" ".join(t.split()) or None for t in text.splitlines()]


def test_paragraph_lines_group_under_their_first_line():
    heads = wrapped_runs(folded(PAGE))
    assert heads is not None
    starts = sorted(set(heads))
    # the headline alone, then one run per paragraph
    assert starts == [0, 1, 5, 9]


def test_a_line_in_upper_case_goes_on_under_a_full_line_of_running_text():
    lines = folded(PAGE)
    heads = wrapped_runs(lines)
    i = lines.index("Kota Lama yang selama ini sepi pengunjung pada akhir pekan dan hari")
    assert heads[i] == heads[i - 1] == 9


def test_a_paragraph_s_first_words_alone_on_a_line_open_it():
    # "Kedatangan" / "Ketua DPRD Kota": the rest of the first line lost to an indent, under a
    # closed paragraph; a headline of four capitalised words or more there stays alone.
    extra = ["Kedatangan", "Ketua Dinas Pariwisata Kota Lama yang didampingi para camat itu disambut",
             "warga dengan tarian daerah."]
    lines = folded(PAGE + "\n" + "\n".join(extra))
    heads = wrapped_runs(lines)
    n = len(lines)
    assert heads[n - 1] == heads[n - 2] == n - 3
    headline = "Warga Kota Lama Sambut Festival Perahu"
    lines = folded(PAGE + "\n" + "\n".join([headline] + extra[1:]))
    heads = wrapped_runs(lines)
    assert heads[n - 2] == n - 2 and heads[n - 1] == n - 2


def test_a_headline_over_a_full_line_stays_alone():
    # a title-case headline as long as the wrap width, a line in upper case under it
    headline = "Ribuan Warga Padati Tepian Sungai Saksikan Festival Perahu Hias Tahunan"
    text = "\n".join([headline, "Warga dari enam kecamatan datang sejak pagi hari untuk melihat perahu."]
                     + [ln for p in PARAGRAPHS for ln in p])
    heads = wrapped_runs(folded(text))
    assert heads is not None and heads[1] == 1


def test_list_items_and_labels_are_not_joined():
    text = PAGE + "\n" + "\n".join([
        "warga yang ingin ikut lomba tahun depan dapat mendaftar lewat kantor desa dan",
        "- Pasar Murah Digelar di Alun-alun Menjelang Hari Raya Idul Fitri Tahun Ini",
        "Baca juga: Jembatan Baru Kota Lama Resmi Dibuka untuk Kendaraan Roda Empat"])
    lines = folded(text)
    heads = wrapped_runs(lines)
    assert heads[-2] == len(lines) - 2 and heads[-1] == len(lines) - 1


def test_short_open_line_in_lower_case_under_a_line_is_furniture():
    lines = folded(PAGE + "\nWarga Padati Festival Perahu Hias di Kota Lama\ntelah dibaca 120 kali")
    heads = wrapped_runs(lines)
    assert heads[-1] == len(lines) - 1


def test_a_separator_closes_a_line():
    lines = folded("wartadesa.com |\nwartadesa.com, - pemerintah desa membagikan bibit padi kepada petani.\n"
                   + PAGE)
    assert wrapped_runs(lines)[1] == 1


def test_a_blank_line_parts_two_lines():
    lines = folded(PAGE.replace("menggelar festival", "\nmenggelar festival"))
    heads = wrapped_runs(lines)
    i = lines.index("menggelar festival perahu hias di sungai kota lama dalam rangka hari")
    assert heads[i] == i


@pytest.mark.parametrize("text", [
    # a whole page's dump: related headlines over their counters, the story in paragraphs
    "\n".join(["Jembatan Baru Kota Lama Resmi Dibuka untuk Umum",
               "Pemerintah kota meresmikan jembatan baru pada Senin pagi, disaksikan warga.",
               "Jembatan ini menghubungkan dua kecamatan yang selama ini terpisah sungai."]
              + [x for k in range(4) for x in (f"Harga Cabai di Pasar Induk Naik Lagi Pekan Ini {k}",
                                              f"telah dibaca {k + 3}00 kali")]
              + [f"Paragraf berita yang utuh nomor {k} ditulis dalam satu baris penuh tanpa dipotong."
                 for k in range(20)]),
    PARAGRAPHS[0][1] + "\n" + PARAGRAPHS[0][2],       # two broken lines: not a page's habit
])
def test_a_page_that_is_not_hard_wrapped_is_left_alone(text):
    assert wrapped_runs(folded(text)) is None


@pytest.fixture(scope="module")
def c():
    return Cleaner(keep_dropped=True)


def test_the_record_holds_the_paragraphs_and_counts_every_input_line(c):
    rec = c.clean_text(PAGE)
    paragraphs = rec.text.split("\n\n")
    assert paragraphs[-1] == " ".join(PARAGRAPHS[-1])
    assert " ".join(PARAGRAPHS[1]) in paragraphs
    assert rec.metadata.title == TITLE
    assert rec.lines_read == len(PAGE.splitlines())
    # no wrapped line is taken for a headline, a standfirst or a heading
    assert rec.metadata.lead is None
    assert [(d.text, d.category) for d in rec.metadata.dropped_lines] == [(TITLE, "title")]


def test_the_html_path_is_left_alone(c):
    rec = c.clean_text(PAGE, extracted=True)
    assert PARAGRAPHS[1][1] in rec.text.split("\n\n")


def test_the_quick_scan_never_skips_a_wrapped_page():
    # may_be_wrapped is the cheap gate segment asks first: it must hold wherever wrapped_runs
    # would group lines, a lower-case first line counted too.
    from cleaner.text.rewrap import MIN_BREAKS, may_be_wrapped
    lowers = "\n".join(f"baris ke-{k} dari teks yang terpotong di tengah kalimat" for k in range(MIN_BREAKS))
    assert may_be_wrapped(lowers) and not may_be_wrapped(lowers.split("\n", 1)[1])
    for text in (PAGE, PAGE.lower(), "\n".join(ln for p in PARAGRAPHS for ln in p)):
        if wrapped_runs(folded(text)) is not None:
            assert may_be_wrapped(text)
