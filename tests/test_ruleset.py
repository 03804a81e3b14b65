"""Strict loading of rule files: clear errors naming file, line and key."""

import pytest
from conftest import SHARED
from helpers import write

from cleaner import Cleaner
from cleaner.ruleset import RuleError, load_ruleset

# Files that do not load, YAML 1.1 scalars, backtracking patterns: tests/test_hostile_rules.py


def test_user_folder_overrides_builtin(tmp_path):
    write(tmp_path, "id: klikwartaku\nmatch:\n  hosts: [example.org]\n", "kw.yaml")
    rs = load_ruleset([tmp_path])
    assert rs.outlets["klikwartaku"].hosts == ["example.org"]
    assert "tribun" in rs.outlets


def test_extends_unknown(tmp_path):
    path = write(tmp_path, "id: child\nextends: nobody\n")
    with pytest.raises(RuleError, match=f"^{path}:2: extends: unknown outlet 'nobody'$"):
        load_ruleset([tmp_path])


def test_extends_chain_applies_parent_rules(tmp_path):
    write(tmp_path, "id: child\nextends: tribun\nmatch:\n  hosts: [child.example]\n")
    c = Cleaner([tmp_path])
    rec = c.clean_text("Judul Berita Hari Ini Tentang Sesuatu\nTRIBUNNEWS.COM - Isi berita yang cukup panjang di sini ya.\n"
                       "Nikmati berita interaktif dan LIVE report 24 jam hanya di TribunX",
                       url="https://child.example/a")
    assert rec.metadata.outlet == "child"
    assert rec.metadata.dropped.get("ad") == 1


def test_builtin_rules_load():
    rs = load_ruleset()
    assert {"tribun", "galamedia", "klikwartaku"} <= set(rs.outlets)


def test_body_start_marker(tmp_path):
    write(tmp_path, "id: marked\nmatch:\n  hosts: [marked.example]\nbody_start:\n  - '^-- ISI --$'\n"
                    "drop:\n  - id: isi\n    category: other\n    pattern: '^-- ISI --$'\n")
    c = Cleaner([tmp_path])
    page = ("Menu Satu\nBerita ini punya kalimat pembuka yang panjang sekali untuk menipu.\n-- ISI --\n"
            "Paragraf pertama artikel yang sebenarnya ada di sini dan cukup panjang.\n")
    rec = c.clean_text(page, url="https://marked.example/a")
    assert rec.text == "Paragraf pertama artikel yang sebenarnya ada di sini dan cukup panjang."


def test_a_captions_group_fills_captions_once(tmp_path):
    """A rule's captions group gives the caption; its whole line is not added again
    (authors and related groups already behaved so). Spans too."""
    write(tmp_path, "id: demo\nmatch:\n  hosts: [demo.example]\ndrop:\n"
                    "  - id: cap\n    category: caption\n    pattern: '^Keterangan:\\s*(?P<captions>.+)$'\n"
                    "  - id: cap-span\n    category: caption\n    scope: span\n"
                    "    pattern: '\\s*\\[Foto: (?P<captions>[^\\]]+)\\]'\n"
                    "  - id: auth\n    category: byline\n    pattern: '^Penulis:\\s*(?P<authors>.+)$'\n")
    page = ("Judul Berita Demo yang Cukup Panjang Sekali\n"
            "DEMO.COM - Isi berita pertama yang panjang dan bermakna bagi pembaca setia kami.\n"
            "Keterangan: Foto warga di pasar\nPenulis: Budi Santoso\n"
            "Paragraf kedua yang juga panjang [Foto: Antrean di loket] dan berisi informasi penting.\n")
    md = Cleaner([tmp_path]).clean_text(page, url="https://demo.example/a").metadata
    assert md.captions == ["Foto warga di pasar", "Antrean di loket"]
    assert md.authors == ["Budi Santoso"]


# A detik-style page: the photo's credit, then the first paragraph opening with the
# outlet's dateline. Right under a photo credit the shared layer reads an opening
# "Place -" as a caption's label; the outlet's own datelines or body_start win.
CREDIT_THEN_DATELINE = (
    "Kementerian Perhubungan Siapkan Jalur LRT Baru untuk Warga Jabodebek\n"
    "Senin, 04 Des 2023 10:00 WIB\n"
    "Foto: Grandyos Zafna\n"
    "Jakarta - Kementerian Perhubungan menyatakan bahwa jalur kereta ringan akan segera "
    "beroperasi tahun depan setelah uji coba selesai.\n"
    "Para penumpang diharapkan dapat menikmati layanan yang lebih cepat dan nyaman "
    "dibanding sebelumnya di kota ini.\n"
    "Proyek ini telah dimulai sejak beberapa tahun lalu dan menelan biaya besar dari "
    "anggaran negara yang ada.\n")
FIRST = CREDIT_THEN_DATELINE.splitlines()[3]


@pytest.mark.parametrize("key", ["datelines", "body_start"])
def test_the_outlets_dateline_or_body_start_wins_over_the_caption_after_a_credit(tmp_path, key):
    write(tmp_path, f"id: detikx\nmatch:\n  hosts: [detikx.example]\n{key}: ['^Jakarta - ']\n")
    rec = Cleaner([tmp_path]).clean_text(CREDIT_THEN_DATELINE, url="https://news.detikx.example/a")
    assert rec.metadata.outlet == "detikx"
    assert rec.text.split("\n\n")[0] == FIRST
    assert rec.metadata.captions == []
    assert rec.metadata.title.startswith("Kementerian Perhubungan Siapkan")
    assert rec.metadata.published is not None


def test_without_a_rule_the_shared_layer_still_reads_it_as_the_caption(tmp_path):
    """The generic signal stays: an opening "Place -" right under a bare photo credit is
    a caption's label on most pages ("KIM DAN PUTIN - Foto diambil ..."). Under a labelled
    one ("Foto: Name"), with no other dateline paragraph after it, it opens the story
    (frame.lone_dateline_story)."""
    write(tmp_path, "id: other\nmatch:\n  hosts: [other.example]\n")
    bare = CREDIT_THEN_DATELINE.replace("Foto: Grandyos Zafna", "DETIKX/Grandyos Zafna")
    rec = Cleaner([tmp_path]).clean_text(bare, url="https://news.detikx.example/a")
    assert FIRST not in rec.text
    assert rec.metadata.captions == [FIRST]
    rec = Cleaner([tmp_path]).clean_text(CREDIT_THEN_DATELINE, url="https://news.detikx.example/a")
    assert rec.text.split("\n\n")[0] == FIRST and rec.metadata.captions == []


SAMPLE = SHARED / "html-samples" / "detik" / "lrt-jabodebek-palembang-2017.html"


@pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/html-samples")
def test_an_outlet_dateline_keeps_the_first_paragraph_of_a_real_detik_page(tmp_path):
    """Issue 14: on this page the first paragraph ("Jakarta - Kementerian ...", no final
    full stop) was taken for the standfirst with or without a rule file."""
    write(tmp_path, "id: detik\nmatch:\n  hosts: [detik.com]\ndatelines: ['^Jakarta - ']\n")
    rec = Cleaner([tmp_path]).clean_file(SAMPLE)
    assert rec.metadata.outlet == "detik"
    assert rec.text.startswith("Jakarta - Kementerian Perhubungan (Kemenhub) melaporkan progres")
    assert rec.metadata.dateline == "Jakarta -"
