"""Corpus hygiene fields: syndication notices, text_hash, language, quality signals."""
import json

import pytest
from conftest import ROOT, SHARED

from cleaner import Cleaner
from cleaner.text.hygiene import detect_language, keep_languages, text_hash
from cleaner.text.normalise import hash_form
from cleaner.text.provenance import parse_notice

BODY = ("KOMPAS.com - Presiden meresmikan jembatan baru di Surabaya pada Senin pagi bersama gubernur "
        "dan para pejabat daerah.\n"
        "Jembatan itu dibangun selama dua tahun dengan biaya dari anggaran negara dan daerah.\n")
K_URL = "https://regional.kompas.com/read/2023/01/02/10000001/presiden-resmikan-jembatan"

NOTICES = [
    # (line, next line, outlet, title, url)
    (f'Artikel ini telah tayang di Kompas.com dengan judul "Presiden Resmikan Jembatan", Klik untuk baca: {K_URL}.',
     None, "Kompas.com", "Presiden Resmikan Jembatan", K_URL),
    ('Artikel ini telah tayang di Kompas.com dengan judul "Presiden Resmikan Jembatan".',
     f"Klik untuk baca: {K_URL}", "Kompas.com", "Presiden Resmikan Jembatan", K_URL),
    ('Artikel ini telah tayang di TribunJatim.com dengan judul "Presiden Resmikan Jembatan", '
     'https://jatim.tribunnews.com/2023/01/02/presiden', None,
     "TribunJatim.com", "Presiden Resmikan Jembatan", "https://jatim.tribunnews.com/2023/01/02/presiden"),
    ("Artikel ini telah tayang di Tribunnews.com dengan judul Media Malaysia Ingatkan Bojan Hodak Bisa "
     "Bernasib Seperti Robert Alberts di Persib.", "Isi komentar sepenuhnya adalah tanggung jawab pengguna",
     "Tribunnews.com", "Media Malaysia Ingatkan Bojan Hodak Bisa Bernasib Seperti Robert Alberts di Persib", None),
    ("Artikel ini telah tayang di Grid.id dengan judul Dicecar Raffi Ahmad: Kenapa Balik Lagi? Takut Sama Netizen?",
     None, "Grid.id", "Dicecar Raffi Ahmad: Kenapa Balik Lagi? Takut Sama Netizen?", None),
    ("Berita ini sudah terbit di Serambinews.com dengan judul: Harga Cabai Naik", "https://aceh.tribunnews.com/x",
     "Serambinews.com", "Harga Cabai Naik", "https://aceh.tribunnews.com/x"),
    ("Artikel ini telah tayang di laman Tribun Jabar dengan judul “Banjir di Bandung”",
     None, "Tribun Jabar", "Banjir di Bandung", None),
    ("Artikel ini pertama kali terbit di Kompas.com.", None, "Kompas.com", None, None),
    (f'Artikel ini telah tayang di Kompas.com dengan judul "Presiden Resmikan Jembatan", Klik untuk baca: {K_URL}. '
     "Penulis : Ani Lestari Editor : Budi", None, "Kompas.com", "Presiden Resmikan Jembatan", K_URL),
    ("Artikel ini telah tayang di Kompas.com dengan judul Presiden Resmikan Jembatan. Penulis: Ani",
     None, "Kompas.com", "Presiden Resmikan Jembatan", None),
    ("Diolah dari berita tayang di Kompas.com", None, "Kompas.com", None, None),
    ('Baca artikel detikjatim, "Presiden Resmikan Jembatan" selengkapnya '
     "https://www.detik.com/jatim/berita/d-1234567/presiden-resmikan-jembatan", None,
     "detikjatim", "Presiden Resmikan Jembatan",
     "https://www.detik.com/jatim/berita/d-1234567/presiden-resmikan-jembatan"),
]


@pytest.mark.parametrize("line,nxt,outlet,title,url", NOTICES, ids=range(len(NOTICES)))
def test_parse_notice(line, nxt, outlet, title, url):
    assert parse_notice(line, nxt) == {"outlet": outlet, "title": title, "url": url}


@pytest.mark.parametrize("line", [
    "Baca berita Kompas.com lainnya di Google News",          # a channel promo, on originals too
    "Baca juga: Presiden Resmikan Jembatan",
    "Sumber: Kompas.com",                                    # a credit, not a republication
    "Acara itu pertama kali tayang di kanal YouTube Musica Studios pada Minggu kemarin.",
])
def test_not_a_notice(line):
    assert parse_notice(line) is None


@pytest.mark.parametrize("notice,nxt", [(n[0], n[1]) for n in NOTICES])
def test_notice_leaves_the_body_and_fills_the_record(cleaner, notice, nxt):
    page = BODY + notice + "\n" + (nxt + "\n" if nxt and nxt.startswith(("http", "Klik")) else "") + \
        "Penulis : Ani\nEditor : Budi\n"
    rec = cleaner.clean_text(page)
    md = rec.metadata
    assert md.syndicated_from is not None and set(md.syndicated_from) == {"outlet", "title", "url"}
    assert md.syndicated_from == parse_notice(notice, nxt if nxt and nxt.startswith(("http", "Klik")) else None)
    assert md.credited_source == md.syndicated_from["outlet"]
    assert "tayang" not in rec.text and "Klik untuk baca" not in rec.text and "http" not in rec.text
    assert rec.text.startswith("KOMPAS.com - Presiden") and rec.text.endswith("negara dan daerah.")


def test_no_notice_no_syndicated_from(cleaner):
    assert cleaner.clean_text(BODY + "Sumber: Kompas.com\n").metadata.syndicated_from is None


def test_normalise_and_text_hash():
    assert hash_form("  Jembatan «BARU»,\n\ndiresmikan—hari ini!  ") == "jembatan baru diresmikan hari ini"
    assert hash_form("Rp 3.500.000 (35%)") == "rp 3 500 000 35"
    base = text_hash("Presiden meresmikan jembatan baru.\n\nBiayanya besar.")
    assert text_hash("PRESIDEN meresmikan   jembatan baru\nBiayanya besar") == base
    assert text_hash("“Presiden” meresmikan jembatan-baru... Biayanya besar!!") == base
    assert text_hash("Presiden meresmikan jembatan lama. Biayanya besar.") != base
    assert len(base) == 16 and int(base, 16) >= 0


MALAY = ("Kerajaan Malaysia hari ini mengumumkan bahawa semua sekolah di seluruh negara akan dibuka semula "
         "minggu hadapan. Menteri Pendidikan berkata keputusan itu dibuat selepas mengambil kira nasihat "
         "Kementerian Kesihatan dan pandangan ibu bapa.")


def test_language():
    en = ("The government announced today that all schools across the country will reopen next week, "
          "the education minister said after consulting health officials.")
    assert detect_language(en)[0] == "en"
    lang, score = detect_language(BODY)
    assert lang == "id" and 0.5 < score <= 1.0
    # Malay text: ms, unless the page is from an Indonesian source
    assert detect_language(MALAY)[0] == "ms"
    lang, score = detect_language(MALAY, indonesian_source=True)
    assert lang == "id" and 0.9 < score <= 1.0
    assert detect_language("Ok ya 123") == (None, None)
    # a lone surrogate or a control character in a caller's text: still an answer
    assert detect_language(BODY.replace("baru", "baru \ud800"))[0] == "id"
    assert detect_language(BODY.replace("baru", "baru \x00\x0b\U0001F600"))[0] == "id"


def test_ms_is_id_on_an_indonesian_outlet(cleaner):
    # Tribun's dateline makes the outlet known: Indonesian source.
    rec = cleaner.clean_text("TRIBUNJATIM.COM, SURABAYA - " + MALAY + "\n")
    assert rec.metadata.outlet == "tribun" and rec.metadata.language == "id"
    rec = cleaner.clean_text(MALAY + "\n", url="https://www.thestar.com.my/news/1")
    assert rec.metadata.language == "ms"
    rec = cleaner.clean_text(MALAY + "\n", url="https://contoh.co.id/berita/1")
    assert rec.metadata.language == "id"


def test_quality_signals():
    page = ("Beranda\nNasional\n" + BODY + "Baca juga: Harga Cabai Naik Lagi\n"
            "Paragraf ketiga ini menutup berita dengan satu kalimat pendek saja.\n")
    md = Cleaner().clean_text(page).metadata
    assert md.paragraph_count == 3
    assert md.word_count == 16 + 14 + 10
    # 6 text lines; the two menu lines and the cross-link are dropped
    assert md.dropped_share == 0.5


def test_empty_body_fields(cleaner):
    md = cleaner.clean_text("Beranda\nBaca juga: Harga Cabai Naik Lagi\n").metadata
    assert md.word_count == 0 and md.paragraph_count == 0 and md.language is None
    assert md.text_hash == text_hash("")


def test_keep_languages_on_records_and_dicts(cleaner):
    en = cleaner.clean_text("The government announced today that all schools across the country will "
                            "reopen next week, the minister said.\n")
    idn = cleaner.clean_text(BODY)
    assert [r.metadata.language for r in keep_languages([en, idn], {"id"})] == ["id"]
    dicts = [json.loads(json.dumps(r.to_dict())) for r in (en, idn)]
    assert [d["metadata"]["language"] for d in keep_languages(iter(dicts), ["en", "fr"])] == ["en"]
    assert [d["metadata"]["language"] for d in keep_languages(dicts, "id, en")] == ["en", "id"]
    assert list(keep_languages(dicts, "i")) == []


def test_hygiene_fields_in_every_dev_record(cleaner):
    raw = SHARED / "devset" / "raw"
    if not raw.is_dir():
        pytest.skip("needs ../shared/devset")
    pages = sorted(raw.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    hashes = set()
    for page in pages:
        md = cleaner.clean_file(page).metadata
        assert md.language == "id", page.name
        assert md.word_count > 0 and md.paragraph_count > 0 and 0.0 <= md.dropped_share < 1.0
        hashes.add(md.text_hash)
    assert len(hashes) == len(pages)        # no two pages of the dev set are copies
