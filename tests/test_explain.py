"""`cleaner explain`, in-process: verdicts, rules, metadata sources, colour, JSON."""
import json

import pytest

from cleaner.cli import main

PAGE = """Judul Berita Contoh yang Cukup Panjang untuk Sebuah Headline
JAKARTA, KOMPAS.com - Warga membersihkan saluran air pada Minggu pagi (Baca juga: Banjir Datang Lagi) agar banjir tidak terulang.
Baca juga: Hujan Deras Guyur Kota
Ketua RW mengatakan kegiatan itu akan diulang setiap bulan.
"""


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


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
    code, _, err = run(["explain", str(page), str(page), "--url", "https://x.com"], capsys)
    assert (code, err) == (2, "cleaner explain: error: --url needs exactly one page\n")
    code, _, err = run(["explain", str(page), "--outlet", "nope"], capsys)
    assert code == 2 and err.startswith("cleaner explain: error: unknown outlet 'nope'; known: ")
    code, out, err = run(["explain", str(tmp_path / "missing.txt"), str(page)], capsys)
    assert code == 1
    assert err == f"cleaner explain: {tmp_path / 'missing.txt'}: no such file or folder\n"
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
