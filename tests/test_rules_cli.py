"""`cleaner rules ...`, in-process: exact messages, exit statuses, scaffolds that load,
suggestions that match what they claim, the schema in step with the loader, and
every subcommand and flag documented."""
import json
import re
from collections import Counter

import pytest
import regex
from conftest import SHARED
from helpers import write
from hypothesis import given
from hypothesis import strategies as st
from runhelp import cli as run
from runhelp import undocumented_flags

from cleaner import ruleset
from cleaner.cli import build_parser, main
from cleaner.cli import explain as cmd_explain
from cleaner.cli import rules as cmd_rules
from cleaner.ruleset import builtin_rules_dir, parse_rule_text
from cleaner.ruleset import schema as rules_schema
from cleaner.tools import authoring, suggest

GOOD = """id: demo
name: Demo
match:
  hosts: [demo.example]
drop:
  - id: promo
    category: ad
    pattern: '^Langganan Demo sekarang$'
tests:
  - name: promo-line
    url: 'https://demo.example/a'
    input: |
      Judul Berita Demo yang Cukup Panjang Sekali
      DEMO.COM - Isi berita pertama yang panjang dan bermakna bagi pembaca setia.
      Langganan Demo sekarang
    expect: {excludes: ['Langganan'], dropped: {ad: 1, title: 1}}
"""


# ------------------------------------------------------------------ list
def test_list(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CLEANER_RULES_PATH", raising=False)
    write(tmp_path, GOOD, "demo.yaml")
    write(tmp_path, "id: klikwartaku\n", "klikwartaku.yaml")
    code, out, _ = run(["rules", "list", "--rules", str(tmp_path), "--json"], capsys)
    assert code == 0
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert rows["_common"]["origin"] == "built-in" and rows["_common"]["match"] == "every page (shared layer)"
    assert rows["demo"] == {"id": "demo", "name": "Demo", "source": str(tmp_path / "demo.yaml"),
                            "origin": "--rules", "match": "hosts demo.example", "rules": 1, "tests": 1,
                            "overrides": []}
    assert rows["klikwartaku"]["origin"] == "--rules, overrides built-in"
    assert rows["klikwartaku"]["match"] == "only with --outlet"
    monkeypatch.setenv("CLEANER_RULES_PATH", str(tmp_path))
    code, out, _ = run(["rules", "list"], capsys)
    assert f"{tmp_path / 'demo.yaml'} (CLEANER_RULES_PATH)" in out
    assert "tribun" in out and "hosts tribunnews.com, surya.co.id, suryamalang.com (+" in out


# ------------------------------------------------------------------ check
def test_check_clean_file(tmp_path, capsys):
    path = write(tmp_path, GOOD, "demo.yaml")
    code, out, _ = run(["rules", "check", str(path)], capsys)
    assert (code, out) == (0, "1 file checked: 0 errors, 0 warnings\n")


def test_check_error_names_file_line_key_and_nearest(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace("    category: ad", "    categry: ad"), "demo.yaml")
    other = write(tmp_path, GOOD.replace("id: demo", "id: ok"), "ok.yaml")
    code, out, _ = run(["rules", "check", str(path), str(other)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"error: {path}:7: drop[0].categry: unknown key 'categry' (did you mean 'category'?); "
        "valid keys: id, pattern, category, scope, zone, label, note",
        "2 files checked: 1 error, 0 warnings"]


def test_check_warnings(tmp_path, capsys):
    text = GOOD.replace("drop:\n", "drop:\n  - id: loose\n    category: ad\n    pattern: 'Promo'\n"
                                   "  - id: anchored-alternatives\n    category: nav\n"
                                   "    pattern: '(?i)(?:^Menu$|^Beranda$)|\\AHome$'\n")
    path = write(tmp_path, text, "demo.yaml")
    code, out, _ = run(["rules", "check", str(path)], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"warning: {path}:6: drop[0] loose: line pattern is not anchored (no ^ at its start): "
        "it drops any line that merely contains it",
        f"warning: {path}:6: drop[0] loose: no test case exercises this pattern",
        f"warning: {path}:9: drop[1] anchored-alternatives: no test case exercises this pattern",
        "1 file checked: 0 errors, 3 warnings"]


def test_check_rules_that_drop_everything(tmp_path, capsys):
    text = GOOD.replace("'^Langganan Demo sekarang$'", "'^'").replace(
        "expect: {excludes: ['Langganan'], dropped: {ad: 1, title: 1}}", "expect: {}")
    path = write(tmp_path, text, "demo.yaml")
    pages = tmp_path / "pages"
    pages.mkdir()
    write(pages, "Satu baris berita yang panjang sekali di sini.\nDua baris.\n", "p1.txt")
    code, out, _ = run(["rules", "check", str(path), "--pages", str(pages)], capsys)
    assert code == 0
    assert f"warning: {path}:10: tests: case 'promo-line': the rules drop every line of its input" in out
    assert f"warning: {path}: the rules drop every line of page {pages / 'p1.txt'}" in out


def test_check_unknown_extends_and_bad_selector(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace("name: Demo", "name: Demo\nextends: tribunn"), "demo.yaml")
    code, out, _ = run(["rules", "check", str(path)], capsys)
    assert code == 1
    assert out.startswith(f"error: {path}:3: extends: unknown outlet 'tribunn'; known: ")
    path = write(tmp_path, GOOD + "html:\n  body: ['div..x']\n", "demo.yaml")
    code, out, _ = run(["rules", "check", str(path)], capsys)
    assert code == 1 and out.startswith(f"error: {path}:18: html.body[0]: selector 'div..x': unsupported CSS")


def test_check_every_builtin_file_has_no_error(capsys):
    code, out, _ = run(["rules", "check"], capsys)
    assert code == 0, out
    assert re.search(r"^\d+ files checked: 0 errors, \d+ warnings$", out.splitlines()[-1])


@pytest.mark.parametrize("pattern, ok", [
    ("^a", True), ("(?i)^a|^b", True), ("(?:^a|^b)c", True), ("\\Aa", True), ("(?P<title>^x)", True),
    ("a", False), ("^a|b", False), ("(?:^a|b)", False), ("[|^]a", False), ("\\^a", False), ("(?=^)a", False),
])
def test_anchored(pattern, ok):
    assert authoring.anchored(pattern) is ok


# ------------------------------------------------------------------ test
def test_test_pass_and_fail_with_diff(tmp_path, capsys):
    bad = GOOD.replace("dropped: {ad: 1, title: 1}", "dropped: {ad: 2, title: 1}, contains: ['Isi berita keduaa'],"
                       " text: 'DEMO.COM - Isi berita pertama yang panjang.'")
    path = write(tmp_path, bad, "demo.yaml")
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert code == 1
    assert out.splitlines() == [
        "FAIL demo::promo-line",
        "    text lacks 'Isi berita keduaa'; nearest paragraph: "
        "'DEMO.COM - Isi berita pertama yang panjang dan bermakna bagi pembaca setia.'",
        "    text differs:",
        "        --- want",
        "        +++ got",
        "        @@ -1 +1 @@",
        "        -DEMO.COM - Isi berita pertama yang panjang.",
        "        +DEMO.COM - Isi berita pertama yang panjang dan bermakna bagi pembaca setia.",
        "    dropped ad: want 2, got 1",
        "1 cases: 0 passed, 1 failed"]
    write(tmp_path, GOOD, "demo.yaml")
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert (code, out) == (0, "PASS demo::promo-line\n1 cases: 1 passed, 0 failed\n")


def test_test_every_builtin_case_passes(capsys):
    code, out, _ = run(["rules", "test"], capsys)
    assert code == 0, out
    assert "FAIL" not in out
    code, out2, _ = run(["rules", "test", str(builtin_rules_dir())], capsys)   # a folder: its files
    assert (code, out2) == (0, out)


def test_test_file_that_does_not_load(tmp_path, capsys):
    path = write(tmp_path, "id: demo\ndrop: yes\n", "demo.yaml")
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert code == 1
    assert out == f"error: {path}:2: drop: expected a list\n0 cases: 0 passed, 0 failed\n"


# ------------------------------------------------------------------ new
WORDS = ["banjir", "gempa", "pasar", "sekolah", "jalan", "pemilu", "panen", "festival", "kereta", "bandara"]


def page_text(i: int) -> str:
    i = WORDS[i]
    return (f"Menu Utama\nBeranda\nJudul Berita Nomor {i} yang Cukup Panjang untuk Headline\n"
            f"DEMOSITE.COM - Isi berita nomor {i} yang panjang, bermakna dan berbeda dari yang lain.\n"
            f"Kalimat kedua berita {i} juga berbeda dan berisi fakta baru bagi pembaca.\n"
            "Baca juga: Berita Lain yang Menarik\n"
            "Ikuti DemoSite di Google News\n"
            "Copyright 2008 - 2024 DemoSite. All Rights Reserved.\n")


def test_new_scaffold_loads_and_its_cases_pass(tmp_path, capsys, monkeypatch):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        write(pages, page_text(i), f"p{i}.txt")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["rules", "new", "demosite", "--from", str(pages), "--url",
                          "https://news.demosite.co.id/read/1"], capsys)
    assert code == 0, err
    assert out == "wrote demosite.yaml (3 pages); next: edit it, then cleaner rules test demosite.yaml\n"
    assert "--url with several pages: only its host is used" in err
    text = (tmp_path / "demosite.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=file://")
    data = parse_rule_text(text, "demosite.yaml")
    assert data["match"]["hosts"] == ["demosite.co.id"]
    markers = [p.pattern for p in data["match"]["text_markers"]]
    assert markers[0] == r"(?m)^(?:[\p{Lu}][\p{L}. ]{1,30},\s*)?DEMOSITE\.COM\s*[-–—]"
    assert all(any(p.search(page_text(i)) for p in data["match"]["text_markers"]) for i in range(3))
    assert [c["name"] for c in data["tests"]] == ["p0", "p1", "p2"]
    assert data["tests"][0]["expect"]["outlet"] == "demosite"
    assert "# Already dropped by existing rules on these pages (lines): _common:" in text
    code, out, _ = run(["rules", "test", "demosite.yaml"], capsys)
    assert code == 0, out
    assert out.endswith("3 cases: 3 passed, 0 failed\n")
    code, _, err = run(["rules", "new", "demosite", "--from", str(pages)], capsys)
    assert (code, err) == (2, "cleaner rules: error: demosite.yaml exists; use --force to overwrite it\n")
    code, _, err = run(["rules", "new", "Demo Site", "--from", str(pages)], capsys)
    assert (code, err) == (2, "cleaner rules: error: id 'Demo Site' must be lower-case letters, digits, '-' or '_'\n")
    code, _, err = run(["rules", "new", "x", "--from", str(tmp_path / "none.txt"), "--out", str(tmp_path / "o")],
                       capsys)
    assert code == 1 and err.endswith("cleaner rules: error: no page could be read; nothing written\n")


def test_new_proposes_drops_for_furniture_the_generic_layer_keeps(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(4):
        write(pages, page_text(i).replace("Copyright", "Pasang Iklan di DemoSite\nCopyright"), f"p{i}.txt")
    code, _, err = run(["rules", "new", "demosite", "--from", str(pages), "--out", str(tmp_path)], capsys)
    assert code == 0, err
    text = (tmp_path / "demosite.yaml").read_text(encoding="utf-8")
    drops = {d["id"]: (d["category"], d["pattern"].pattern) for d in parse_rule_text(text, "x")["drop"]}
    assert drops == {"menu-utama": ("nav", "^Menu Utama$"),
                     "pasang-iklan-di-demosite": ("ad", "^Pasang Iklan di DemoSite$")}
    assert "  # 4/4 pages: Pasang Iklan di DemoSite\n" in text


# ------------------------------------------------------------------ suggest
def test_suggest_ranks_repeated_kept_lines(tmp_path, capsys):
    pages = tmp_path / "rules"       # a folder named like the subcommand: reached as a path
    pages.mkdir()
    for i in range(10):
        extra = "Promo (spesial) 50% untuk 3 bulan? Klik [di sini] - www.demo.id\n" if i < 7 else ""
        write(pages, f"DEMO.COM - Isi berita soal {WORDS[i]} yang panjang, bermakna dan unik bagi setiap halaman.\n"
              f"Kalimat lain tentang {WORDS[i]} yang juga unik.\n{extra}Dukung Jurnalisme Demo di Edisi {2020 + i}\n"
              "Baca juga: Berita Lain yang Menarik\n",
              f"p{i:02}.txt")
    code, out, err = run(["rules", "suggest", "./rules" if False else str(pages)], capsys)
    assert code == 0, err
    assert out.splitlines() == [
        "# 10 pages read; 2 line(s) no rule drops on at least 2 of them. Check each category; paste under drop:",
        "# Repeated lines the rules already drop, by rule (pages): _common:baca-juga 10",
        "drop:",
        "  # 10/10 pages: Dukung Jurnalisme Demo di Edisi 2020",
        "  - id: dukung-jurnalisme-demo-di",
        "    category: other",
        "    pattern: '^Dukung Jurnalisme Demo di Edisi \\d+$'",
        "  # 7/10 pages: Promo (spesial) 50% untuk 3 bulan? Klik [di sini] - www.demo.id",
        "  - id: promo-spesial-untuk-bulan",
        "    category: ad",
        "    pattern: '^Promo \\(spesial\\) \\d+% untuk \\d+ bulan\\? Klik \\[di sini\\] - www\\.demo\\.id$'"]
    # pasted into a rule file, the entries load and drop what they claim
    data = parse_rule_text("id: x\n" + "\n".join(out.splitlines()[2:]), "x")
    assert data["drop"][1]["pattern"].fullmatch("Promo (spesial) 70% untuk 12 bulan? Klik [di sini] - www.demo.id")
    code, out, _ = run(["rules", "suggest", str(pages), "--min-share", "0.8", "--top", "1"], capsys)
    assert out.splitlines()[0] == "# 10 pages read; 1 line(s) no rule drops on at least 8 of them. Check each category; paste under drop:"


@pytest.mark.skipif(not (SHARED / "devset" / "manifest.jsonl").is_file(), reason="needs ../shared/devset")
def test_suggest_on_real_pages_of_one_network(tmp_path, capsys):
    """The 33 Tribun dev pages: the built-in rules drop their repeated lines already, and
    suggest says so instead of a bare "0 lines"; with tribun.yaml emptied (a site without
    rules yet) it finds the network's own repeated line."""
    pages = tmp_path / "tribun"
    pages.mkdir()
    for line in (SHARED / "devset" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        if m["network"] == "tribun":
            (pages / f"{m['id']}.txt").write_bytes((SHARED / "devset" / "raw" / f"{m['id']}.txt").read_bytes())
    assert len(list(pages.iterdir())) == 33
    code, out, _ = run(["rules", "suggest", str(pages)], capsys)
    assert code == 0
    head, note = out.splitlines()          # (the rule ids and counts move as _common.yaml grows)
    assert head == "# 33 pages read; 0 line(s) no rule drops on at least 4 of them. Check each category; paste under drop:"
    assert re.fullmatch(r"# Repeated lines the rules already drop, by rule \(pages\): "
                        r"_common:[\w-]+ \d+(, [\w:-]+ \d+)*", note), note
    empty = write(tmp_path, "id: tribun\nname: Tribun without rules\n", "tribun.yaml")
    code, out, _ = run(["rules", "suggest", str(pages), "--rules", str(empty), "--min-share", "0"], capsys)
    assert code == 0
    assert "  # 2/33 pages: Nikmati berita interaktif dan LIVE report 24 jam hanya di TribunX" in out.splitlines()


PROMO = "Nikmati berita interaktif dan laporan langsung 24 jam hanya di aplikasi kami"
STORIES = [
    ["Bus Sekolah Gratis Ditambah Mulai Pekan Depan",
     "JAKARTA, KOMPAS.com - Pemerintah kota menambah jumlah bus sekolah gratis mulai pekan depan untuk "
     "mengurangi kemacetan di jalan utama pada pagi hari.",
     "Kepala dinas perhubungan mengatakan bahwa armada baru itu akan melayani dua belas rute yang selama ini "
     "belum terjangkau angkutan umum.",
     "Menurut dia, warga dapat memantau jadwal bus melalui aplikasi yang disiapkan pemerintah kota sejak "
     "awal tahun ini."],
    ["Harga Cabai Rawit Turun Tajam Jelang Akhir Pekan",
     "BANDUNG, KOMPAS.com - Harga cabai rawit merah di Pasar Caringin turun hingga Rp 20.000 per kilogram "
     "dibandingkan pekan lalu karena pasokan melimpah.",
     "Pedagang mengatakan pasokan dari Jawa Tengah dan Jawa Timur meningkat sejak awal bulan sehingga harga "
     "terus menurun setiap hari.",
     "Dinas perdagangan memperkirakan harga akan stabil hingga akhir bulan selama cuaca di daerah produsen "
     "tetap mendukung panen."],
    ["Banjir Rendam Ratusan Rumah di Pinggir Kali",
     "BEKASI, KOMPAS.com - Banjir merendam ratusan rumah warga di pinggir kali setelah hujan deras mengguyur "
     "wilayah itu sejak Senin malam hingga pagi.",
     "Petugas pemadam kebakaran mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak "
     "dari rumah yang terendam.",
     "Camat setempat mengatakan dapur umum sudah didirikan di balai warga untuk melayani para pengungsi "
     "selama tiga hari ke depan."],
    ["Jalan Tol Baru Dibuka untuk Umum Pekan Ini",
     "SEMARANG, KOMPAS.com - Jalan tol baru yang menghubungkan dua kota besar di Jawa Tengah resmi dibuka "
     "untuk umum mulai pekan ini tanpa tarif.",
     "Pengelola jalan tol mengatakan tarif baru akan diberlakukan setelah masa uji coba selama dua minggu "
     "berakhir sesuai aturan.",
     "Pengendara diminta tetap mematuhi batas kecepatan karena sebagian ruas masih dalam tahap penyelesaian "
     "konstruksi oleh kontraktor."],
]


def test_suggest_counts_a_line_only_the_structure_guessed_with_the_pages_that_keep_it(tmp_path, capsys):
    # The promo line above the headline is dropped by the header guess (structure:*) on
    # three pages and kept mid-story on a fourth: one candidate on 4/4 pages, and not
    # also listed among the lines the rules already drop.
    title, p1, p2, p3 = STORIES[3]
    pages = [[PROMO, *story] for story in STORIES[:3]] + [[title, p1, PROMO, p2, p3]]
    for k, lines in enumerate(pages):
        write(tmp_path, "\n".join(lines) + "\n", f"p{k}.txt")
    code, out, _ = run(["rules", "suggest", str(tmp_path)], capsys)
    assert code == 0
    assert f"  # 4/4 pages: {PROMO}" in out.splitlines()
    assert "structure:" not in out


def test_suggest_counts_a_page_once(tmp_path, capsys):
    # Guessed at the top and kept mid-story on the same page: one page, not two.
    title, p1, p2, p3 = STORIES[0]
    write(tmp_path, "\n".join([PROMO, title, p1, p2, PROMO, p3]) + "\n", "a.txt")
    write(tmp_path, "\n".join(STORIES[1]) + "\n", "b.txt")
    code, out, _ = run(["rules", "suggest", str(tmp_path)], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("# 2 pages read; 0 line(s)")


def test_suggest_names_the_rule_that_drops_the_line_on_other_pages(tmp_path, capsys):
    # Kept mid-story on two pages, dropped on a third under "Berita Terkait" (a to_end
    # rule): suggested, with a note naming that rule and its page.
    line = "Kunjungi Pameran Otomotif Nasional di JIExpo Kemayoran"
    pages = [[*STORIES[0][:2], line, *STORIES[0][2:]], [*STORIES[1][:2], line, *STORIES[1][2:]],
             [*STORIES[2], "Berita Terkait", line, "Harga Cabai Naik Lagi"], STORIES[3]]
    for k, lines in enumerate(pages):
        write(tmp_path, "\n".join(lines) + "\n", f"p{k}.txt")
    code, out, _ = run(["rules", "suggest", str(tmp_path)], capsys)
    assert code == 0
    lines = out.splitlines()
    at = lines.index(f"  # 2/4 pages: {line}")
    assert re.fullmatch(r"  # \(dropped elsewhere by [\w-]+:[\w-]+ on 1: that rule may need widening instead\)",
                        lines[at + 1]), lines[at + 1]


@pytest.mark.parametrize("rule_first", [True, False])
def test_suggest_names_each_rule_with_its_own_pages(tmp_path, capsys, rule_first):
    # A line a rule drops on one page (the to_end list under "Berita Terkait") and the
    # header guess drops on two others: the rule is named with its one page, in either
    # page order, and the structure passes are not named (a rule drops the line).
    line = "Kunjungi Pameran Otomotif Nasional di JIExpo Kemayoran"
    listed = [*STORIES[0], "Berita Terkait", line, "Harga Cabai Naik Lagi"]
    guessed = [[line, *STORIES[1]], [line, *STORIES[2]]]
    pages = [listed, *guessed, STORIES[3]] if rule_first else [*guessed, listed, STORIES[3]]
    for k, lines in enumerate(pages):
        write(tmp_path, "\n".join(lines) + "\n", f"p{k}.txt")
    code, out, _ = run(["rules", "suggest", str(tmp_path)], capsys)
    assert code == 0
    note = out.splitlines()[1]
    assert re.search(r"[\w-]+:[\w-]+ 1\b", note) and "structure:" not in note, note


@pytest.mark.parametrize("lines", [
    ["Kunjungi Pameran Otomotif 2024 di JIExpo", "Kunjungi Pameran Otomotif 2024 di JIExpo",
     "KUNJUNGI PAMERAN OTOMOTIF 2025 DI JIEXPO"],
    ["Straße 12 Berlin", "STRASSE 12 BERLIN"],          # full case folding only
    ["İstanbul Kota", "i̇stanbul kota"],                  # neither folding: the forms, alternated
    ["Klik “Ikuti” untuk Berita Terbaru", 'Klik "Ikuti" untuk Berita Terbaru'],   # curly and straight quotes
], ids=["case-and-number", "full-folding", "no-folding", "quotes"])
def test_line_pattern_matches_variants_differing_in_case(lines):
    assert len({suggest.line_key(line) for line in lines}) == 1      # one line, as suggest counts them
    pattern = suggest.line_pattern(lines)
    data = parse_rule_text(f"id: x\ndrop:\n  - id: a\n    category: ad\n    pattern: {suggest.yaml_quote(pattern)}\n",
                           "x")
    assert all(data["drop"][0]["pattern"].fullmatch(line) for line in lines), pattern
    assert authoring.anchored(pattern)


def test_suggest_pattern_covers_forms_seen_after_many_pages(tmp_path, capsys):
    # 21 pages print the line in title case, 5 more in capitals: the pattern drops all 26.
    line = "Kunjungi Pameran Otomotif Nasional di JIExpo Kemayoran"
    for k in range(26):
        story = [f"Berita Nomor {k} Hari Ini di Kota", f"Paragraf pertama berita nomor {k} menceritakan kejadian "
                 "yang berlangsung di kota itu pada pagi hari kemarin.", line if k < 21 else line.upper()]
        write(tmp_path, "\n".join(story) + "\n", f"p{k:02}.txt")
    code, out, _ = run(["rules", "suggest", str(tmp_path)], capsys)
    assert code == 0
    entry = next(x for x in out.splitlines() if x.strip().startswith("pattern:") and "Kunjungi" in x)
    pattern = regex.compile(entry.split("pattern: ", 1)[1].strip("'").replace("''", "'"), regex.V0)
    assert pattern.fullmatch(line) and pattern.fullmatch(line.upper())


def test_suggest_pages_with_empty_bodies_are_not_duplicates(tmp_path, capsys):
    # Index pages whose body comes out empty are not one article saved four times.
    for k in range(4):
        write(tmp_path, f"Beranda\nVideo\nVideo Banjir Kemayoran Hari Ke-{k}\n", f"p{k}.txt")
    code, out, err = run(["rules", "suggest", str(tmp_path)], capsys)
    assert "same body" not in err
    assert out.startswith("# 4 pages read;")


def test_suggest_bad_outlet_and_no_pages(tmp_path, capsys):
    code, _, err = run(["rules", "suggest", str(tmp_path), "--outlet", "nope"], capsys)
    assert code == 2 and err.startswith("cleaner rules: error: unknown outlet 'nope'")
    code, out, _ = run(["rules", "suggest", str(tmp_path)], capsys)
    assert (code, out.splitlines()[0]) == (0, "# 0 pages read; 0 line(s) no rule drops on at least 2 of them. "
                                              "Check each category; paste under drop:")


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
                .map(lambda s: " ".join(s.split())).filter(bool), min_size=1, max_size=3))
def test_line_pattern_matches_its_lines_and_survives_yaml(lines):
    pattern = suggest.line_pattern(lines)
    top = Counter(lines).most_common(1)[0][0]
    data = parse_rule_text(f"id: x\ndrop:\n  - id: a\n    category: ad\n    pattern: {suggest.yaml_quote(pattern)}\n",
                           "x")
    assert data["drop"][0]["pattern"].fullmatch(top)
    assert authoring.anchored(pattern)


# ------------------------------------------------------------------ schema
def test_schema_shipped_is_the_generated_one():
    shipped = json.loads(rules_schema.schema_path().read_text(encoding="utf-8"))
    assert shipped == rules_schema.json_schema(), "run: cleaner rules schema > rules/rules.schema.json"


def _keys(loader_schema):
    return {k: _keys(extra) if kind in ("map", "list[map]") else None
            for k, (kind, _req, extra) in loader_schema.items()}


def _schema_keys(node):
    node = node.get("items", node)
    return {k: _schema_keys(v) if "properties" in v.get("items", v) else None
            for k, v in node["properties"].items()}


def test_schema_keys_equal_loader_keys():
    assert _schema_keys(rules_schema.json_schema()) == _keys(rules_schema.FILE_SCHEMA)


def test_builtin_files_validate_against_schema_and_reference_it():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml
    validator = jsonschema.Draft202012Validator(rules_schema.json_schema())
    files = sorted(builtin_rules_dir().glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        # beside the rule files in a checkout (rules/) and in the installed package (cleaner/rules/)
        assert text.splitlines()[0] == "# yaml-language-server: $schema=rules.schema.json", path
        assert (path.parent / "rules.schema.json").is_file()
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(yaml.safe_load(text))]
        assert not errors, f"{path}: {errors}"
    bad = yaml.safe_load(GOOD.replace("category: ad", "categry: ad"))
    assert not validator.is_valid(bad)


# ------------------------------------------------------------------ help and docs
def test_help_says_how_to_reach_a_folder_named_like_a_subcommand(capsys):
    for args in (["--help"], ["explain", "--help"], ["rules", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        out = " ".join(capsys.readouterr().out.split())
        assert "./rules" in out, args


def test_a_folder_named_rules_is_a_path_with_dot_slash(tmp_path, capsys, monkeypatch, root):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.txt").write_text((root / "seeds" / "003_f1a9f632fd983131.txt").read_text("utf-8"),
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["./rules", "-q"], capsys)
    assert code == 0 and json.loads(out)["metadata"]["outlet"] == "klikwartaku"


def test_every_subcommand_and_flag_is_documented(root):
    docs = (root / "README.md").read_text(encoding="utf-8") + (root / "docs" / "rules.md").read_text(encoding="utf-8")
    parsers = [build_parser(), cmd_explain.build_parser()]
    rules = cmd_rules.build_parser()
    sub = next(a for a in rules._actions if a.choices and isinstance(a.choices, dict))
    for name, parser in sub.choices.items():
        assert f"cleaner rules {name}" in docs, name
        parsers.append(parser)
    assert "cleaner explain" in docs
    assert not undocumented_flags(parsers, docs)


def test_every_rule_file_key_is_in_the_readme_example(root):
    """README's "Rule files" example shows every key the loader takes (html:, description, seed...)."""
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Rule files", 1)[1].split("\n## ", 1)[0]

    def keys(schema):
        for key, (kind, _req, extra) in schema.items():
            yield key
            if kind in ("map", "list[map]"):
                yield from keys(extra)
    missing = sorted({k for k in keys(rules_schema.FILE_SCHEMA)
                      if not re.search(rf"(?<![\w-]){re.escape(k)}:", section)})
    assert not missing


def test_a_seed_is_read_relative_to_its_rule_file(tmp_path, capsys, monkeypatch, root):
    """`seed:` names a page file beside the rule file, whatever the current folder."""
    folder = tmp_path / "my-rules"
    (folder / "cases").mkdir(parents=True)
    (folder / "cases" / "page.txt").write_text(
        (root / "seeds" / "003_f1a9f632fd983131.txt").read_text(encoding="utf-8"), encoding="utf-8")
    case = "tests:\n  - name: from-a-file\n    seed: cases/page.txt\n    expect: {outlet: klikwartaku}\n"
    path = write(folder, "id: demo\nmatch:\n  text_markers: ['KLIKWARTAKU']\n" + case, "demo.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert (code, out) == (0, "PASS demo::from-a-file\n1 cases: 1 passed, 0 failed\n")
    write(folder, path.read_text(encoding="utf-8").replace("cases/page.txt", "cases/gone.txt"), "demo.yaml")
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert (code, out) == (1, "FAIL demo::from-a-file\n    FileNotFoundError: seed cases/gone.txt not found "
                              f"(no file {folder / 'cases' / 'gone.txt'}; a seed is relative to its rule file)\n"
                              "1 cases: 0 passed, 1 failed\n")
    code, out, _ = run(["rules", "check", str(path)], capsys)
    assert out.splitlines()[0] == (f"error: {path}:5: tests: case 'from-a-file': seed cases/gone.txt not found "
                                   f"(no file {folder / 'cases' / 'gone.txt'}; a seed is relative to its rule file)")


# ------------------------------------------------------------------ user folders, extends
def test_env_folder_adds_and_overrides_outlets(tmp_path, monkeypatch, capsys):
    write(tmp_path, "id: klikwartaku\nmatch:\n  hosts: [klikwartaku.com]\n"
                    "drop:\n  - id: every-kim\n    category: other\n    pattern: '^Kim\\b'\n", "klikwartaku.yaml")
    monkeypatch.setenv("CLEANER_RULES_PATH", str(tmp_path))
    from cleaner import Cleaner
    c = Cleaner()
    assert c.ruleset.get("klikwartaku").source == str(tmp_path / "klikwartaku.yaml")
    rec = c.clean_text("Judul Panjang Berita untuk Sebuah Contoh Halaman\nKLIKWARTAKU — Isi berita.\n"
                       "Kim bertemu Lavrov di Pyongyang.\n", url="https://klikwartaku.com/x")
    assert rec.metadata.dropped.get("other") == 1 and "Lavrov" not in rec.text


def test_extends_cycle_is_an_error(tmp_path, capsys):
    a = write(tmp_path, "id: a\nextends: b\n", "a.yaml")
    b = write(tmp_path, "id: b\nextends: a\n", "b.yaml")
    code, out, _ = run(["rules", "check", str(a), str(b)], capsys)
    assert code == 1
    assert f"error: {a}:2: extends: the chain a -> b -> a comes back to itself" in out


def test_rules_without_a_command(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 2 and out.startswith("usage: cleaner rules")
    code, _, err = run(["rules", "frobnicate"], capsys)
    assert code == 2 and err.startswith("cleaner rules: error: argument COMMAND: invalid choice: 'frobnicate'")


def test_category_keys_are_checked_like_the_schema_does(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace("dropped: {ad: 1, title: 1}", "dropped: {adv: 1, title: 1}"), "demo.yaml")
    code, out, _ = run(["rules", "check", str(path)], capsys)
    assert code == 1
    assert out.splitlines()[0] == (
        f"error: {path}:16: tests[0].expect.dropped.adv: 'adv' is not a category (did you mean 'ad'?); "
        "categories: " + ", ".join(ruleset.CATEGORIES))


def test_new_from_an_html_page(tmp_path, capsys, root):
    page = root / "tests" / "fixtures" / "html" / "generic-article.html"
    code, out, err = run(["rules", "new", "contoh", "--from", str(page), "--out", str(tmp_path)], capsys)
    assert code == 0, err
    path = tmp_path / "contoh.yaml"
    data = parse_rule_text(path.read_text(encoding="utf-8"), "x")
    assert data["match"]["hosts"] == ["contohberita.id"]          # from the page's og:url
    assert "published" not in data["tests"][0]["expect"]["metadata"]   # read from markup, not text
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert (code, out) == (0, "PASS contoh::generic-article\n1 cases: 1 passed, 0 failed\n")


def test_new_writes_cases_that_pass_as_written(tmp_path, capsys):
    """A text page without URL or marker is not expected to be the new outlet; a dropped
    line whose text the body still holds ("Nasional") is not in excludes."""
    pages = tmp_path / "pages"
    pages.mkdir()
    write(pages, "Nasional\nPemerintah Umumkan Kebijakan Baru Soal Harga Beras di Seluruh Negeri\n"
                 "Rabu, 5 Maret 2024 10:00\nPemerintah mengumumkan kebijakan baru untuk menstabilkan "
                 "harga beras nasional pada Senin pagi di Jakarta.\nMenurut menteri, kebijakan itu "
                 "berlaku mulai bulan depan di seluruh provinsi dan kabupaten.\nBagikan artikel ini\n", "p1.txt")
    code, _, err = run(["rules", "new", "demo", "--from", str(pages), "--out", str(tmp_path)], capsys)
    assert code == 0, err
    path = tmp_path / "demo.yaml"
    expect = parse_rule_text(path.read_text(encoding="utf-8"), "x")["tests"][0]["expect"]
    assert "outlet" not in expect
    assert expect["excludes"] == ["Rabu, 5 Maret 2024 10:00", "Bagikan artikel ini"]
    code, out, _ = run(["rules", "test", str(path)], capsys)
    assert (code, out) == (0, "PASS demo::p1\n1 cases: 1 passed, 0 failed\n")


# ------------------------------------------------------------------ issue 18: one id, one file per folder
def test_two_files_with_one_id_in_a_folder_is_an_error(tmp_path, capsys, root):
    # It was: the later file silently replaced the other, and `rules check` said 0 errors.
    a = write(tmp_path, GOOD, "a.yaml")
    b = write(tmp_path, GOOD.replace("name: Demo", "name: Demo too"), "b.yaml")
    message = (f"{b}: id 'demo' is also the id of {a} in the same folder; one of them would be silently "
               "ignored: give each file its own id")
    code, _, err = run([str(root / "seeds"), "-o", str(tmp_path / "o.jsonl"), "--rules", str(tmp_path)], capsys)
    assert (code, err) == (2, f"cleaner: error: {message}\n")
    code, out, _ = run(["rules", "check", "--rules", str(tmp_path)], capsys)
    assert code == 1 and f"error: {message}" in out.splitlines()
    code, _, err = run(["rules", "list", "--rules", str(tmp_path)], capsys)
    assert (code, err) == (2, f"cleaner rules: error: {message}\n")


def test_an_override_across_folders_says_which_file_won(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CLEANER_RULES_PATH", raising=False)
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    a = write(first, GOOD, "demo.yaml")
    b = write(second, GOOD.replace("name: Demo", "name: Demo two"), "demo.yaml")
    code, out, _ = run(["rules", "list", "--rules", str(first), "--rules", str(second), "--json"], capsys)
    assert code == 0
    row = {r["id"]: r for r in map(json.loads, out.splitlines())}["demo"]
    assert (row["name"], row["source"], row["overrides"]) == ("Demo two", str(b), [str(a)])
    assert row["origin"] == f"--rules, overrides {a}"
    code, out, _ = run(["rules", "list", "--rules", str(first), "--rules", str(second)], capsys)
    assert f"{b} (--rules, overrides {a})" in out
