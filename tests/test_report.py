"""`cleaner report` and `cleaner explain --html` without a browser: the command
(in-process), bad and compressed inputs, determinism, the page view's markup.
The summaries are tested in test_report_sketch.py, the browser in
test_report_browser.py."""
import gzip
import json
import re

import pytest
from helpers import benchmark
from runhelp import cli as run
from runhelp import undocumented_flags

from cleaner.cli import main
from cleaner.tools.report import aggregate

pytest.importorskip("plotly", reason="the report extra: pip install '.[report]'")


# ---------------------------------------------------------------------- the command
@pytest.fixture(scope="module")
def seeds_clean(tmp_path_factory, root):
    """The seeds cleaned with --keep-dropped, and without."""
    d = tmp_path_factory.mktemp("clean")
    out = {}
    for name, extra in (("kept", ["--keep-dropped"]), ("plain", [])):
        path = d / f"{name}.jsonl"
        assert main([str(root / "seeds"), "-o", str(path), "-q", "-j", "1"] + extra) == 0
        out[name] = path
    return out


def report(tmp_path, capsys, *args):
    out = tmp_path / "report.html"
    code, _, err = run(["report", *map(str, args), "-o", str(out)], capsys)
    return code, err, out.read_text(encoding="utf-8") if out.exists() else None


def card(html, ident):
    m = re.search(rf'id="total-{ident}"><div class="v">([^<]*)<', html)
    return m.group(1)


def test_report_of_the_seeds(tmp_path, capsys, seeds_clean):
    code, err, html = report(tmp_path, capsys, seeds_clean["kept"])
    assert code == 0
    assert err == f"cleaner report: 5 records read; wrote {tmp_path / 'report.html'} " \
                  f"({len(html.encode()) / 1e6:.1f} MB)\n"
    assert card(html, "records") == "5" and card(html, "networks") == "3" and card(html, "bad") == "0"
    assert card(html, "failed") == "-"
    for section in ("totals", "networks", "outlets", "charts", "lines", "outliers", "failed", "sample", "notes"):
        assert f'<section id="{section}">' in html, section
    for chart in ("dropped", "dropped-outlets", "lengths", "published", "languages"):
        assert f'id="chart-{chart}"' in html and f'<script type="application/json" id="chart-{chart}-data">' in html
    assert html.count('<article class="sample"') == 5
    assert 'id="no-dropped-lines"' not in html
    assert "tribunkaltim.co" in html and "klikwartaku" in html
    assert html.count("window.Plotly.newPlot") == 1 and "plotly.js v" in html


def test_report_loads_nothing_from_outside(tmp_path, capsys, seeds_clean):
    _, _, html = report(tmp_path, capsys, seeds_clean["kept"])
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", html, re.I)
    assert not re.search(r"<link[^>]*\shref=", html, re.I)
    assert "Content-Security-Policy\" content=\"default-src 'none'" in html


def test_report_without_keep_dropped_says_so(tmp_path, capsys, seeds_clean):
    code, _, html = report(tmp_path, capsys, seeds_clean["plain"])
    assert code == 0 and 'id="no-dropped-lines"' in html
    assert "made without --keep-dropped" in html              # the sample shows counts only
    assert "<table class=\"sortable lines-dropped\">" not in html


def test_report_is_byte_identical_for_the_same_seed(tmp_path, capsys, seeds_clean):
    src = seeds_clean["kept"].read_text(encoding="utf-8")
    big = tmp_path / "big.jsonl"
    big.write_text(src * 6, encoding="utf-8")
    a = tmp_path / "a.html"
    b = tmp_path / "b.html"
    c = tmp_path / "c.html"
    assert run(["report", str(big), "-o", str(a), "--sample", "3", "--seed", "4"], capsys)[0] == 0
    assert run(["report", str(big), "-o", str(b), "--sample", "3", "--seed", "4"], capsys)[0] == 0
    assert run(["report", str(big), "-o", str(c), "--sample", "3", "--seed", "5"], capsys)[0] == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    # another process, another string hash seed: the same bytes
    import os
    import subprocess
    import sys
    d = tmp_path / "d.html"
    subprocess.run([sys.executable, "-m", "cleaner", "report", str(big), "-o", str(d), "--sample", "3", "--seed", "4"],
                   check=True, env={**os.environ, "PYTHONHASHSEED": "123"}, capture_output=True)
    assert d.read_bytes() == a.read_bytes()


def test_compressed_inputs_give_the_same_report(tmp_path, capsys, seeds_clean):
    import zstandard
    data = seeds_clean["kept"].read_bytes()
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    pages = []
    for name in ("c.jsonl.gz", "c.jsonl.zst"):
        out = tmp_path / f"{name}.html"
        code, _, err = run(["report", str(tmp_path / name), "-o", str(out), "--title", "t", "-q"], capsys)
        assert code == 0 and err == ""
        pages.append(out.read_text(encoding="utf-8").replace(name, "IN"))
    plain = tmp_path / "plain.html"
    run(["report", str(seeds_clean["kept"]), "-o", str(plain), "--title", "t", "-q"], capsys)
    assert pages[0] == pages[1] == plain.read_text(encoding="utf-8").replace(str(seeds_clean["kept"]),
                                                                             str(tmp_path / "IN"))


def test_bad_lines_are_counted_reported_and_never_a_traceback(tmp_path, capsys, seeds_clean):
    good = seeds_clean["kept"].read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(("\n".join([good[0], "{not json", "[1, 2]", '{"id": "x"}', good[1],
                                 '{"text": "t", "metadata": 5}']) + "\n").encode() + b"\xff\xfe\n")
    code, err, html = report(tmp_path, capsys, path)
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"cleaner report: {path}:2: not JSON (")
    assert lines[1:4] == [f"cleaner report: {path}:3: not a JSON object",
                          f'cleaner report: {path}:4: no "text" string',
                          f'cleaner report: {path}:6: "metadata" is not an object']
    assert lines[4].startswith(f"cleaner report: {path}:7: not JSON")
    assert lines[5].startswith("cleaner report: 2 records read, 5 bad lines; wrote ")
    assert card(html, "records") == "2" and card(html, "bad") == "5"
    assert 'id="bad-lines">Bad input lines: 5<' in html and f"{path}:3: not a JSON object" in html


def test_truncated_gzip_is_one_bad_line(tmp_path, capsys, seeds_clean):
    data = gzip.compress(seeds_clean["kept"].read_bytes())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    code, err, html = report(tmp_path, capsys, path)
    assert code == 1 and "Traceback" not in err
    assert re.search(rf"^cleaner report: {re.escape(str(path))}:\d+: cannot read: ", err, re.M)
    assert card(html, "bad") == "1"


def test_bad_lines_on_stderr_are_capped(tmp_path, capsys):
    path = tmp_path / "junk.jsonl"
    path.write_text("x\n" * 30, encoding="utf-8")
    code, err, html = report(tmp_path, capsys, path)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == aggregate.BAD_LINES_SHOWN + 2
    assert lines[-2] == "cleaner report: ... 10 more bad lines (all counted in the report)"
    assert card(html, "records") == "0" and card(html, "bad") == "30" and "... and 10 more." in html


def test_errors_file_counts_failed_pages(tmp_path, capsys, seeds_clean):
    errors = tmp_path / "errors.jsonl"
    errors.write_text("".join(json.dumps({"source": f"p{i}.txt", "reason": r, "path": f"p{i}.txt"}) + "\n"
                              for i, r in enumerate(["empty page", "empty page", "not a text file"])),
                      encoding="utf-8")
    code, _, html = report(tmp_path, capsys, seeds_clean["kept"], "--errors", errors)
    assert code == 0 and card(html, "failed") == "3"
    assert re.search(r'data-sort="2" title="exact">2</td><td class="linetext">empty page<', html)
    assert "<code>p2.txt</code>: not a text file" in html


def test_missing_input_is_exit_2_with_one_line(tmp_path, capsys):
    code, out, err = run(["report", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r.html")], capsys)
    assert code == 2 and out == ""
    assert err == f"cleaner report: error: {tmp_path / 'nope.jsonl'}: no such file\n"
    code, _, err = run(["report", str(tmp_path), "-o", str(tmp_path / "r.html")], capsys)
    assert code == 2 and err == f"cleaner report: error: {tmp_path}: not a file\n"
    assert not (tmp_path / "r.html").exists()


def test_usage_errors_are_one_line(tmp_path, capsys, seeds_clean):
    for args in (["report", str(seeds_clean["kept"])], ["report", str(seeds_clean["kept"]), "-o", "x", "--top", "-1"],
                 ["report", "-o", "x"]):
        code, _, err = run(args, capsys)
        assert code == 2 and err.startswith("cleaner report: error: ") and err.count("\n") == 1, args
    code, _, err = run(["report", str(seeds_clean["kept"]), "-o", str(tmp_path / "no" / "r.html")], capsys)
    assert code == 2 and err == f"cleaner report: error: cannot write {tmp_path / 'no' / 'r.html'}: " \
                                f"no such folder {tmp_path / 'no'}\n"


def test_without_the_extra_exit_2_says_how_to_install(tmp_path, capsys, seeds_clean, monkeypatch):
    from cleaner.tools.report import charts
    monkeypatch.setattr(charts, "available", lambda: False)
    code, _, err = run(["report", str(seeds_clean["kept"]), "-o", str(tmp_path / "r.html")], capsys)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("cleaner report: error: the report needs plotly, in the report extra: pip install '")
    assert "[report]' (from a checkout: pip install '.[report]')" in err
    assert not (tmp_path / "r.html").exists()


def test_top_puts_the_rest_in_one_row(tmp_path, capsys, seeds_clean):
    code, _, html = report(tmp_path, capsys, seeds_clean["kept"], "--top", "2")
    table = html[html.index('id="outlet-table"'):html.index("</table>", html.index('id="outlet-table"'))]
    assert table.count("<tr>") == 1 + 2                      # the heading and two outlets
    assert '<tr class="rest"><td>2 other outlets</td>' in table     # of four: tribun's two sites, ...


def test_the_benchmark_runs():
    bench = benchmark("bench_report")
    result = bench.run(300, "zst")
    assert result["records"] == 300 and result["targets"] == "(set for 100,000 records)"
    from plotly.offline import get_plotlyjs
    plotly_mb = len(get_plotlyjs().encode("utf-8")) / 1e6                 # 3.7 MB (plotly 5.20) to 4.8 MB (7.x)
    assert result["report_mb"] > plotly_mb, (result, plotly_mb)
    assert 0 < result["peak_mb"] < 300, result
    assert result["seconds"] > 0 and result["cpu_seconds"] > 0, result


def test_the_command_line_does_not_load_plotly():
    """Every subcommand module is imported with the command line; plotly waits for a report."""
    import subprocess
    import sys
    code = "import sys, cleaner.cli; print(sorted(m for m in sys.modules if m.split('.')[0] == 'plotly'))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out == "[]\n"


# ---------------------------------------------------------------------- explain --html
PAGE = """Judul Berita Contoh yang Cukup Panjang untuk Sebuah Headline
JAKARTA, KOMPAS.com - Warga membersihkan saluran air pada Minggu pagi (Baca juga: Banjir Datang Lagi) agar banjir tidak terulang.
Baca juga: Hujan Deras Guyur Kota
Ketua RW mengatakan kegiatan itu <b>akan</b> diulang setiap bulan.
"""


def test_explain_html_page_view(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "page.html"
    code, stdout, err = run(["explain", str(page), "--url", "https://regional.kompas.com/read/x", "--html",
                             "-o", str(out)], capsys)
    assert code == 0 and stdout == "" and err == ""
    html = out.read_text(encoding="utf-8")
    data = json.loads(run(["explain", str(page), "--url", "https://regional.kompas.com/read/x", "--json"],
                          capsys)[1])
    items = re.findall(r'<li class="line (keep|drop)[^"]*" title="([^"]*)"', html)
    assert [v for v, _ in items] == [ln["verdict"] for ln in data["lines"]]
    assert '<li class="line drop cat-crosslink" title="crosslink · _common:baca-juga · zone body"' in html
    assert 'title="cut: crosslink · _common:baca-juga-inline">(Baca juga: Banjir Datang Lagi)</del>' in html
    assert "&lt;b&gt;akan&lt;/b&gt;" in html                  # page text is escaped
    for m in data["metadata"]:
        assert f'<tr data-field="{m["field"]}">' in html and f"<code>{m['rule']}</code>" in html
    assert not re.search(r"<(script|img|link)[^>]*\s(src|href)=", html, re.I)


def test_explain_html_to_stdout_and_flag_errors(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(["explain", str(page), str(page), "--html"], capsys)
    assert code == 0 and out.startswith("<!DOCTYPE html>") and out.count('<section class="page-view"') == 2
    code, out, err = run(["explain", str(page), "--html", "--json"], capsys)
    assert code == 2 and err == "cleaner explain: error: --json and --html: choose one\n"
    code, _, err = run(["explain", str(page), "--html", "-o", str(tmp_path / "no" / "x.html")], capsys)
    assert code == 2 and err.startswith(f"cleaner explain: error: cannot write {tmp_path / 'no' / 'x.html'}: ")
    code, _, _ = run(["explain", str(page), "-o", str(tmp_path / "plain.txt")], capsys)
    assert code == 0 and (tmp_path / "plain.txt").read_text(encoding="utf-8").startswith(str(page))


# ---------------------------------------------------------------------- docs
def test_report_command_and_flags_are_documented(root):
    from cleaner.cli.report import build_parser
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "cleaner report CLEAN.jsonl" in readme and "cleaner explain PAGE --html" in readme
    assert "pip install '.[report]'" in readme
    assert not undocumented_flags([build_parser()], readme)
