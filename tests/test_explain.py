"""`cleaner explain`, in-process: verdicts, rules, metadata sources, colour, JSON."""
import json

import pytest
from runhelp import cli as run

PAGE = """Judul Berita Contoh yang Cukup Panjang untuk Sebuah Headline
JAKARTA, KOMPAS.com - Warga membersihkan saluran air pada Minggu pagi (Baca juga: Banjir Datang Lagi) agar banjir tidak terulang.
Baca juga: Hujan Deras Guyur Kota
Ketua RW mengatakan kegiatan itu akan diulang setiap bulan.
"""


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


def test_plain_verdicts_and_metadata(page, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, err = run(["explain", str(page), "--url", "https://regional.kompas.com/read/x"], capsys)
    assert code == 0, err
    assert "\x1b[" not in out                         # not a terminal: no colour
    lines = out.splitlines()
    assert lines[1] == "outlet: kompas (host regional.kompas.com matches kompas.com; " \
        + str(__import__("cleaner.ruleset").ruleset.builtin_rules_dir() / "kompas.yaml") + ")"
    assert any(ln.startswith("   1 drop title ") and ln.endswith(
        "| Judul Berita Contoh yang Cukup Panjang untuk Sebuah Headline") for ln in lines)
    assert any(ln.startswith("   3 drop crosslink ") and "_common:baca-juga " in ln for ln in lines)
    assert any(ln.startswith("   4 keep ") for ln in lines)
    cut = [ln for ln in lines if ln.lstrip().startswith("cut ")]
    assert len(cut) == 1 and "_common:baca-juga-inline" in cut[0] and cut[0].endswith("| (Baca juga: Banjir Datang Lagi)")
    assert "  dateline  JAKARTA, KOMPAS.com -  <- structure:dateline" in lines
    assert any(ln.startswith("  related ") and ln.endswith("<- _common:baca-juga-inline") for ln in lines)
    assert lines[-1] == "kept 2 of 4 lines; dropped: crosslink 2, title 1"


def test_colour_on_request_and_no_color(page, capsys, monkeypatch):
    _, out, _ = run(["explain", str(page), "--color", "always"], capsys)
    assert "\x1b[31mdrop\x1b[0m" in out and "\x1b[32mkeep\x1b[0m" in out
    from cleaner.cli.explain import use_colour

    class Tty:
        @staticmethod
        def isatty():
            return True
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour("auto", Tty) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour("auto", Tty) is False
    assert use_colour("always", Tty) is True


def test_json(page, capsys):
    code, out, _ = run(["explain", str(page), "--json", "--outlet", "kompas"], capsys)
    assert code == 0
    ex = json.loads(out)
    assert ex["outlet"] == "kompas" and ex["outlet_reason"] == "forced with --outlet"
    assert [ln["verdict"] for ln in ex["lines"]] == ["drop", "keep", "drop", "keep"]
    assert ex["lines"][2] == {"n": 3, "text": "Baca juga: Hujan Deras Guyur Kota", "verdict": "drop",
                              "category": "crosslink", "rule": "_common:baca-juga", "zone": "body", "cuts": []}
    assert ex["lines"][1]["cuts"] == [{"text": "(Baca juga: Banjir Datang Lagi)", "category": "crosslink",
                                       "rule": "_common:baca-juga-inline"}]
    meta = {m["field"]: m for m in ex["metadata"]}
    assert meta["title"]["rule"] == "structure:title" and meta["title"]["stage"] == "structure"
    assert meta["related"]["stage"] == "rules"
    assert ex["dropped"] == {"crosslink": 2, "title": 1}


def test_every_line_accounted_for_on_the_seeds(root, capsys):
    code, out, _ = run(["explain", str(root / "seeds"), "--json"], capsys)
    assert code == 0
    for raw in out.splitlines():
        ex = json.loads(raw)
        dropped = sum(ln["verdict"] == "drop" for ln in ex["lines"]) \
            + sum(len(ln["cuts"]) for ln in ex["lines"]) + len(ex["html_stripped"])
        assert dropped == sum(ex["dropped"].values()), ex["source"]


@pytest.mark.parametrize("engine", ["fast", "trafilatura"])
def test_html_page_shows_what_the_html_rules_took_out(root, capsys, engine):
    page = root / "tests" / "fixtures" / "html" / "tribun-snippet.html"
    code, out, err = run(["explain", str(page), "--json", "--html-engine", engine], capsys)
    assert code == 0, err
    ex = json.loads(out)
    assert ex["kind"] == "html" and ex["outlet"] == "tribun"
    assert ex["html_stripped"] and all(":html." in x["rule"] or x["rule"].startswith("html")
                                       for x in ex["html_stripped"])


def test_errors(page, tmp_path, capsys):
    code, _, err = run(["explain", str(page), "--outlet", "nope"], capsys)
    assert code == 2 and err.startswith("cleaner explain: error: unknown outlet 'nope'; known: ")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    code, out, err = run(["explain", str(binary), str(page)], capsys)
    assert code == 1
    assert err == f"cleaner explain: {binary}: not a text file (binary content)\n"
    assert "kept 2 of 4 lines" in out                 # the good page still explained
    code, _, err = run(["explain"], capsys)
    assert code == 2 and err.startswith("cleaner explain: error: the following arguments are required: PAGE")


def test_reads_jsonl_like_the_main_command(tmp_path, capsys):
    """explain reads its inputs through the same layer as `cleaner PATH` (io/sources.py)."""
    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"text": PAGE, "url": "https://regional.kompas.com/read/x"}) + "\n",
                   encoding="utf-8")
    code, out, err = run(["explain", "--json", str(src)], capsys)
    assert code == 0, err
    ex = json.loads(out)
    assert ex["outlet"] == "kompas" and ex["kind"] == "text"
    assert any(ln["rule"] == "structure:title" for ln in ex["lines"])


def test_reads_compressed_pages_and_names_jsonl_lines(tmp_path, capsys):
    """explain reads what the main command reads: a .txt.gz page, a JSONL line (named file:line)."""
    import gzip
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    code, out, err = run(["explain", str(gz), "--url", "https://regional.kompas.com/read/x"], capsys)
    assert code == 0, err
    assert out.splitlines()[0] == f"{gz}  (text, https://regional.kompas.com/read/x)"
    assert "kept 2 of 4 lines" in out
    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"text": PAGE}) + "\n" + json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    code, out, err = run(["explain", str(src)], capsys)
    assert code == 0, err
    heads = [ln for ln in out.splitlines() if ln.startswith(str(src))]
    assert heads == [f"{src}:1  (text)", f"{src}:2  (text)"]


def test_url_with_a_folder_or_a_jsonl_is_refused(page, tmp_path, capsys):
    """--url names one page: a folder, a JSONL or several inputs are refused as by the main command."""
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    for inputs in ([str(tmp_path)], [str(jsonl)], [str(page), str(page)]):
        code, out, err = run(["explain", *inputs, "--url", "https://x.com"], capsys)
        assert (code, out, err) == (2, "", "cleaner explain: error: --url needs exactly one input, "
                                           "a single page\n"), inputs


def test_missing_page_is_a_usage_error(page, tmp_path, capsys):
    code, out, err = run(["explain", str(tmp_path / "missing.txt"), str(page)], capsys)
    assert (code, out, err) == (2, "", f"cleaner explain: error: {tmp_path / 'missing.txt'}: "
                                       "no such file or folder\n")


def test_a_folder_walk_reads_what_the_main_command_reads(tmp_path, capsys):
    """A folder's .txt.gz, .jsonl and .warc are explained, not skipped, as `cleaner DIR` reads them."""
    import gzip

    from helpers import warc_of
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (folder / "b.jsonl").write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    (folder / "c.warc").write_bytes(warc_of([("https://regional.kompas.com/read/x", PAGE.encode("utf-8"),
                                              "text/plain")])[0])
    code, out, err = run(["explain", "--json", str(folder)], capsys)
    assert code == 0, err
    got = [json.loads(x) for x in out.splitlines()]
    assert [g["source"].split(" ")[0] for g in got] == [str(folder / "a.txt.gz"), f"{folder / 'b.jsonl'}:1",
                                                        str(folder / "c.warc")]
    assert got[2]["url"] == "https://regional.kompas.com/read/x" and got[2]["outlet"] == "kompas"
