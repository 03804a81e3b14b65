"""Corpus inputs through the command: JSONL, WARC, compressed files, and where each record came from."""
import gzip
import json
import re

import pytest
import zstandard
from helpers import add_response, warc_of
from runhelp import cli as run
from runhelp import records
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.io.sources import count_pages, format_of, split_name

SEED = "seeds/004_cd601c936e47d4fb.txt"
TRIBUN_URL = "https://solo.tribunnews.com/2020/11/02/petani-klaten-mulai-tanam-padi-serentak"


@pytest.fixture
def seed_text(root):
    return (root / SEED).read_text(encoding="utf-8")


@pytest.fixture
def html_page(root):
    return (root / "tests/fixtures/html/tribun-snippet.html").read_bytes()


def assert_stable_keys(recs):
    """Every record has every key, with one type per key (or null)."""
    keys = {k for r in recs for k in r["metadata"]}
    for r in recs:
        assert set(r["metadata"]) == keys
    for k in keys:
        types = {type(r["metadata"][k]).__name__ for r in recs} - {"NoneType"}
        assert len(types) <= 1, (k, types)
    for k in ("source_path", "source_line", "warc_record_id"):
        assert k in keys


def test_names():
    assert split_name("A.JSONL.GZ") == ("a.jsonl", "gzip")
    assert split_name("x.warc.zst") == ("x.warc", "zstd")
    assert [format_of(p) for p in ("a.jsonl.zst", "b.warc.gz", "c.txt.gz", "d.html", "e")] == \
        ["jsonl", "warc", "page", "page", "page"]


def test_jsonl_text_html_url_and_line_numbers(tmp_path, capsys, seed_text, html_page):
    src = tmp_path / "pages.jsonl"
    src.write_text("\n".join([
        json.dumps({"text": seed_text}),
        "",                                                    # blank lines are not pages
        json.dumps({"html": html_page.decode("utf-8"), "url": TRIBUN_URL}),
        json.dumps({"text": seed_text, "url": "https://klikwartaku.com/x"}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(src), "-o", str(out)], capsys)
    assert code == 0, err
    recs = records(out)
    assert [r["metadata"]["source_line"] for r in recs] == [1, 3, 4]
    assert {r["metadata"]["source_path"] for r in recs} == {str(src)}
    assert [r["url"] for r in recs] == [None, TRIBUN_URL, "https://klikwartaku.com/x"]
    assert recs[1]["metadata"]["outlet"] == "tribun"            # HTML path, outlet from the URL
    assert "Ratusan petani di Kabupaten Klaten" in recs[1]["text"]
    assert recs[2]["metadata"]["outlet"] == "klikwartaku"
    assert len({r["id"] for r in recs}) == 3                     # one id per line, not per file
    assert all(r["metadata"]["warc_record_id"] is None for r in recs)
    assert_stable_keys(recs)
    assert "3 pages read, 3 written, 0 failed" in err


def test_jsonl_bad_lines_are_reported_and_the_rest_goes_on(tmp_path, capsys, seed_text):
    src = tmp_path / "bad.jsonl"
    src.write_text("\n".join([
        '{"text": "unterminated',
        json.dumps({"body": seed_text}),
        json.dumps([1, 2]),
        json.dumps({"text": 42}),
        json.dumps({"text": seed_text, "url": 5}),
        json.dumps({"text": seed_text}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(src), "-o", str(out)], capsys)
    assert code == 1
    assert [r["metadata"]["source_line"] for r in records(out)] == [6]
    lines = [x for x in err.splitlines() if "pages read" not in x]
    assert lines == [
        f"cleaner: {src}:1: not valid JSON (Unterminated string starting at: line 1 column 10 (char 9))",
        f"cleaner: {src}:2: no 'html' or 'text' field with a page",
        f"cleaner: {src}:3: a JSON list, not an object",
        f"cleaner: {src}:4: field 'text' is not a string",
        f"cleaner: {src}:5: field 'url' is not a string",
    ]
    assert "6 pages read, 1 written, 5 failed" in err


def test_jsonl_field_names_from_flags(tmp_path, capsys, seed_text):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"content": seed_text, "link": "https://klikwartaku.com/y", "text": 1}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(src), "--text-field", "content", "--url-field", "link", "--html-field", "raw",
                        "-o", str(out)], capsys)
    assert code == 0, err
    [rec] = records(out)
    assert rec["url"] == "https://klikwartaku.com/y" and rec["metadata"]["outlet"] == "klikwartaku"


def test_compressed_inputs_in_a_folder(tmp_path, capsys, seed_text, html_page):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt.gz").write_bytes(gzip.compress(seed_text.encode("utf-8")))
    (folder / "b.html.zst").write_bytes(zstandard.ZstdCompressor().compress(html_page))
    line = (json.dumps({"text": seed_text}) + "\n").encode("utf-8")
    (folder / "c.jsonl.gz").write_bytes(gzip.compress(line * 3))
    # zstd in two frames, the way a resumed cleaner run writes it
    cctx = zstandard.ZstdCompressor()
    (folder / "d.jsonl.zst").write_bytes(cctx.compress(line) + cctx.compress(line))
    (folder / "e.png.gz").write_bytes(gzip.compress(b"not an input"))   # not picked up by the walk
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(folder), "-o", str(out)], capsys)
    assert code == 0, err
    recs = records(out)
    assert [(r["metadata"]["source_path"].rsplit("/", 1)[1], r["metadata"]["source_line"]) for r in recs] == [
        ("a.txt.gz", None), ("b.html.zst", None), ("c.jsonl.gz", 1), ("c.jsonl.gz", 2), ("c.jsonl.gz", 3),
        ("d.jsonl.zst", 1), ("d.jsonl.zst", 2)]
    assert recs[0]["text"] == recs[2]["text"]
    assert recs[1]["metadata"]["outlet"] == "tribun"      # the canonical URL inside the HTML
    assert count_pages([str(folder)]) is None              # JSONL inside: total unknown
    assert count_pages([str(folder / "a.txt.gz"), str(folder / "b.html.zst")]) == 2


def test_gzip_bomb_and_long_lines_are_reported_not_expanded(tmp_path, capsys, seed_text):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000, 9))          # 5 MB from ~5 kB
    mixed = tmp_path / "mixed.jsonl.gz"
    good = json.dumps({"text": seed_text}).encode("utf-8")
    mixed.write_bytes(gzip.compress(b'{"text": "' + b"x" * 3_000_000 + b'"}\n' + good + b"\n"))
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(bomb), str(mixed), "--max-bytes", "1000000", "-o", str(out)], capsys)
    assert code == 1
    assert f"cleaner: {bomb}: page is over the limit of 1000000 bytes once decompressed (--max-bytes)" in err
    assert f"cleaner: {mixed}:1: line is over the limit of 1000000 bytes (--max-bytes)" in err
    assert [r["metadata"]["source_line"] for r in records(out)] == [2]


def test_corrupt_compressed_file_does_not_stop_the_batch(tmp_path, capsys, seed_text):
    whole = gzip.compress((json.dumps({"text": seed_text}) + "\n").encode("utf-8") * 50)
    cut = tmp_path / "a.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    notgz = tmp_path / "b.txt.gz"
    notgz.write_bytes(b"plain text, not gzip")
    good = tmp_path / "c.txt"
    good.write_text(seed_text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(cut), str(notgz), str(good), "-o", str(out)], capsys)
    assert code == 1
    assert f"cleaner: {notgz}: cannot read: BadGzipFile: Not a gzipped file (b'pl')" in err
    assert "Compressed file ended before the end-of-stream marker was reached" in err
    assert records(out)[-1]["metadata"]["source_path"] == str(good)
    assert "Traceback" not in err


def write_warc(path, html_page, seed_text):
    """A small crawl: two HTML responses, a text one, and records that hold no page."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=str(path).endswith(".gz"))
        w.write_record(w.create_warcinfo_record("x.warc", {"software": "test"}))
        ids = [add_response(w, TRIBUN_URL, html_page, "text/html; charset=UTF-8"),
               add_response(w, "https://example.com/logo.png", b"\x89PNG....", "image/png"),
               add_response(w, "https://example.com/gone", b"<html>not found</html>", "text/html",
                            status="404 Not Found")]
        hh = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        w.write_record(w.create_warc_record("https://example.com/", "request", http_headers=hh))
        ids.append(add_response(w, "https://klikwartaku.com/z", seed_text.encode("utf-8"), "text/plain"))
        ids.append(add_response(w, "https://example.com/empty", b"   ", "text/html"))
    return [ids[0], ids[3], ids[4]]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.warc.zst"])
def test_warc_records_keep_record_id_and_target_uri(tmp_path, capsys, html_page, seed_text, name):
    src = tmp_path / name
    page_ids = write_warc(src, html_page, seed_text)
    if name.endswith(".zst"):
        src.write_bytes(zstandard.ZstdCompressor().compress(src.read_bytes()))
    out = tmp_path / "o.jsonl"
    errors = tmp_path / "errors.jsonl"
    code, _, err = run([str(src), "-o", str(out), "--errors", str(errors)], capsys)
    assert code == 1                                             # the whitespace-only page
    recs = records(out)
    assert [r["url"] for r in recs] == [TRIBUN_URL, "https://klikwartaku.com/z"]
    assert [r["metadata"]["warc_record_id"] for r in recs] == page_ids[:2]
    assert [r["metadata"]["outlet"] for r in recs] == ["tribun", "klikwartaku"]
    assert all(r["metadata"]["source_path"] == str(src) and r["metadata"]["source_line"] is None for r in recs)
    assert f"cleaner: {src} {page_ids[2]}: empty page" in err
    assert "3 pages read, 2 written, 1 failed" in err and "4 WARC records without a page skipped" in err
    [bad] = records(errors)
    assert bad == {"source": f"{src} {page_ids[2]}", "reason": "empty page", "path": str(src), "line": None,
                   "warc_record_id": page_ids[2], "url": "https://example.com/empty"}
    assert_stable_keys(recs)


def test_not_a_warc(tmp_path, capsys):
    src = tmp_path / "x.warc"
    src.write_text("hello\n")
    code, _, err = run([str(src), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 1 and err.startswith(f"cleaner: {src}: cannot read:") and "Traceback" not in err


def test_url_flag_needs_a_single_page(tmp_path, capsys):
    src = tmp_path / "p.jsonl"
    src.write_text("{}\n")
    code, _, err = run([str(src), "--url", "https://x.com/"], capsys)
    assert code == 2 and "--url needs exactly one input, a single page" in err


def test_the_output_in_an_input_folder_is_not_read_back(tmp_path, capsys, seed_text):
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    out = tmp_path / "clean.jsonl"
    assert run([str(tmp_path), "-o", str(out)], capsys)[0] == 0
    code, _, err = run([str(tmp_path), "-o", str(out)], capsys)      # a second run, same place
    assert code == 0 and "1 pages read, 1 written" in err
    (tmp_path / "link.jsonl").symlink_to(out)                         # the output under another name
    code, _, err = run([str(tmp_path), "-o", str(out)], capsys)
    assert code == 0 and "1 pages read, 1 written" in err
    (tmp_path / "link.jsonl").unlink()
    code, _, err = run([str(out), "-o", str(out)], capsys)           # named: an error, not a wipe
    assert code == 2 and err == f"cleaner: error: {out} is both an input and the output\n"
    assert len(out.read_text().splitlines()) == 1


def test_library_batches_read_the_same_inputs(tmp_path, cleaner, seed_text):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"text": seed_text}) + "\n[]\n", encoding="utf-8")
    got = [(source, rec and rec.metadata.source_line, error) for source, rec, error in cleaner.clean_paths([src])]
    assert got == [(f"{src}:1", 1, None), (f"{src}:2", None, "a JSON list, not an object")]


def test_clean_file_reads_what_the_command_reads(tmp_path, cleaner, seed_text):
    """Cleaner.clean_file: a .txt.gz page and a one-page JSONL, read as `cleaner PATH` reads them."""
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress(seed_text.encode("utf-8")))
    rec = cleaner.clean_file(gz)
    assert rec.metadata.outlet == "galamedia" and rec.metadata.encoding == "utf-8" and "\x1f" not in rec.text
    assert rec.text == cleaner.clean_text(seed_text).text
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"text": seed_text, "url": TRIBUN_URL}) + "\n", encoding="utf-8")
    rec = cleaner.clean_file(src)
    assert (rec.url, rec.metadata.source_line, rec.metadata.outlet) == (TRIBUN_URL, 1, "tribun")
    src.write_text(json.dumps({"text": seed_text}) + "\n" + json.dumps({"text": seed_text}) + "\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="holds more than one page: use Cleaner.clean_paths"):
        cleaner.clean_file(src)


def write_encoded_warc(path):
    """Records warcio and FastWARC must both decode: chunked and gzip-encoded HTTP bodies,
    and one over the size cap."""
    body = ("<html><body>" + "<p>Warga desa menanam padi bersama pada musim hujan tahun ini.</p>" * 5
            + "</body></html>").encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100])
                       for i in range(0, len(body), 100)) + b"0\r\n\r\n"
    path.write_bytes(warc_of([
        ("https://example.com/chunked", chunked, "text/html", [("Transfer-Encoding", "chunked")]),
        ("https://example.com/gzip", gzip.compress(body), "text/html", [("Content-Encoding", "gzip")]),
        ("https://example.com/big", b"<html>" + b"x" * 5000 + b"</html>", "text/html"),
        ("https://example.com/plain", body, "text/html")], gz=str(path).endswith(".gz"))[0])


def read_with(reader, monkeypatch, paths, max_bytes=4000):
    """Every page of paths read by one WARC reader (asserting that it was that one), and the stats."""
    from cleaner.io import sources
    monkeypatch.setenv(sources.WARC_READER_ENV, reader)
    if reader == "fastwarc":
        pytest.importorskip("fastwarc")
    assert sources.warc_reader() == reader
    stats = {}
    pages = list(sources.iter_pages([str(p) for p in paths], max_bytes, stats=stats))
    return [(p.source, p.url, p.kind, p.warc_record_id, p.data, p.error, p.line) for p in pages], stats


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.warc.zst"])
def test_both_warc_readers_give_the_same_pages(tmp_path, monkeypatch, html_page, seed_text, name):
    src, enc = tmp_path / name, tmp_path / name.replace("crawl", "encoded")
    write_warc(src, html_page, seed_text)
    write_encoded_warc(enc)
    for path in (src, enc):
        if name.endswith(".zst"):
            path.write_bytes(zstandard.ZstdCompressor().compress(path.read_bytes()))
    fast = read_with("fastwarc", monkeypatch, [src, enc])
    assert fast == read_with("warcio", monkeypatch, [src, enc])
    pages, stats = fast
    assert stats == {"skipped_records": 4} and len(pages) == 7
    [big] = [p for p in pages if p[1] == "https://example.com/big"]
    assert big[4] is None and big[5] == "page is over the limit of 4000 bytes (--max-bytes)"
    decoded = [p[4] for p in pages if p[1] in ("https://example.com/chunked", "https://example.com/gzip")]
    assert len(decoded) == 2 and all(d.startswith(b"<html><body><p>Warga desa") for d in decoded)


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
def test_not_a_warc_with_either_reader(tmp_path, monkeypatch, reader):
    src = tmp_path / "x.warc"
    src.write_text("hello\n")
    [page] = read_with(reader, monkeypatch, [src])[0]
    assert page[5].startswith("cannot read")


@pytest.mark.parametrize("delta", [-40, 40])
def test_a_wrong_content_length_costs_the_same_with_either_reader(tmp_path, monkeypatch, delta):
    """A record whose Content-Length is wrong, short or long, is framed as broken (io/warc.py)
    before either reader parses it: both readers give the same pages, and the next record
    is read either way."""
    src = tmp_path / "crawl.warc"
    write_encoded_warc(src)
    data = src.read_bytes()
    length = re.compile(rb"Content-Length: (\d+)\r\n").search(data, data.index(b"https://example.com/big"))
    src.write_bytes(data[:length.start(1)] + str(int(length.group(1)) + delta).encode() + data[length.end(1):])
    fast = read_with("fastwarc", monkeypatch, [src], 10**6)
    assert fast == read_with("warcio", monkeypatch, [src], 10**6)
    urls = [p[1] for p in fast[0]]
    assert urls == ["https://example.com/chunked", "https://example.com/gzip", "https://example.com/big",
                    "https://example.com/plain"]
    assert [p[5] is not None for p in fast[0]] == [False, False, True, False]     # the broken one reported


# ------------------------------------------------------------------ issue 18: broken WARC records
def warc_bytes(bodies, gz=False):
    """A WARC of text/plain responses, one per body, and their record ids."""
    return warc_of([(f"https://klikwartaku.com/{i}", body, "text/plain") for i, body in enumerate(bodies)], gz)


def with_length(data: bytes, which: int, value: bytes) -> bytes:
    """The WARC with the ``which``-th record's Content-Length replaced."""
    starts = [m.start() for m in re.finditer(rb"Content-Length: \d+\r\n", data)]
    at = starts[which]
    end = data.index(b"\r\n", at)
    return data[:at] + b"Content-Length: " + value + data[end:]


@pytest.mark.parametrize("value, reason", [
    (b"1000000000", "its Content-Length (1000000000) runs into the next record"),
    (b"-5", "its Content-Length ('-5') is not a number of bytes"),
    (b"abc", "its Content-Length ('abc') is not a number of bytes"),
    (b"40", "its Content-Length (40) does not end the record"),                   # too small
    (b"12000", "its Content-Length (12000) runs into the next record"),          # too large, within the limit
])
@pytest.mark.parametrize("where", [0, 1])
def test_a_broken_content_length_costs_only_its_record(tmp_path, capsys, seed_text, value, reason, where):
    # It was: 10^9 swallowed the next records (3 in, 2 written, 0 failed, exit 0); -5 or abc
    # dropped the rest of the file as one failure, with warcio's WARNING lines on stderr.
    body = seed_text.encode("utf-8")[:9000]
    data, ids = warc_bytes([body, body, body])
    src = tmp_path / "crawl.warc"
    src.write_bytes(with_length(data, where, value))
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(src), "-o", str(out)], capsys)
    assert code == 1
    assert err.splitlines()[0] == f"cleaner: {src} {ids[where]}: broken WARC record: {reason}"
    assert "3 pages read, 2 written, 1 failed" in err and "WARNING" not in err
    assert [r["url"] for r in records(out)] == [f"https://klikwartaku.com/{i}" for i in range(3) if i != where]


def test_every_record_of_a_damaged_gzipped_warc_is_read_or_reported(tmp_path, capsys, seed_text):
    body = seed_text.encode("utf-8")
    data, ids = warc_bytes([body] * 4)
    plain = with_length(data, 1, b"1000000000")
    junk = plain.index(b"WARC/1.", plain.index(ids[2].encode()) + 10)      # noise before the 4th record
    plain = plain[:junk] + b"garbage that is no record\r\n" + plain[junk:]
    src = tmp_path / "crawl.warc.gz"
    src.write_bytes(gzip.compress(plain[:-200]))                           # and the last one cut short
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(src), "-o", str(out)], capsys)
    assert code == 1 and "WARNING" not in err
    assert f"cleaner: {src} {ids[1]}: broken WARC record: its Content-Length (1000000000) runs into " \
           "the next record" in err
    assert f"cleaner: {src}: broken WARC record after record {ids[2]}: 27 bytes that are not a WARC record " \
           "skipped" in err
    assert f"cleaner: {src} {ids[3]}: broken WARC record: cut short: its Content-Length is" in err
    assert "5 pages read, 2 written, 3 failed" in err
    assert [r["metadata"]["warc_record_id"] for r in records(out)] == [ids[0], ids[2]]


def test_a_page_record_over_max_bytes_is_reported_and_the_next_one_read(tmp_path, capsys, seed_text):
    body = seed_text.encode("utf-8")
    data, ids = warc_bytes([body * 40, body])                               # ~340 kB, then ~8 kB
    src = tmp_path / "crawl.warc"
    src.write_bytes(data)
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(src), "-o", str(out), "--max-bytes", "100000"], capsys)
    assert code == 1
    assert f"cleaner: {src} {ids[0]}: page is over the limit of 100000 bytes (--max-bytes)" in err
    assert [r["metadata"]["warc_record_id"] for r in records(out)] == [ids[1]]


def test_a_gzipped_warc_named_dot_warc_is_read(tmp_path, capsys, seed_text):
    data, ids = warc_bytes([seed_text.encode("utf-8")] * 2, gz=True)
    src = tmp_path / "crawl.warc"
    src.write_bytes(data)
    out = tmp_path / "o.jsonl"
    assert run([str(src), "-o", str(out), "-q"], capsys)[0] == 0
    assert [r["metadata"]["warc_record_id"] for r in records(out)] == ids


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
def test_a_record_whose_http_body_cannot_be_decoded_costs_only_its_record(tmp_path, monkeypatch, reader):
    """A gzip- or brotli-encoded HTTP body that is not what it says raised out of the
    record's parser and ended the file: the records after it were lost (FastWARC on a
    bad gzip or chunked body, warcio on a bad brotli one)."""
    body = b"<html><body><p>Warga desa menanam padi bersama pada musim hujan.</p></body></html>"
    src = tmp_path / "crawl.warc"
    src.write_bytes(warc_of([
        ("https://example.com/a", body, "text/html"),
        ("https://example.com/gzip", b"\x1f\x8b\x08\x00not gzip at all", "text/html", [("Content-Encoding", "gzip")]),
        ("https://example.com/br", b"\xff\xfenot brotli", "text/html", [("Content-Encoding", "br")]),
        ("https://example.com/chunked", b"zz\r\nnot chunked", "text/html", [("Transfer-Encoding", "chunked")]),
        ("https://example.com/b", body, "text/html")])[0])
    pages, _ = read_with(reader, monkeypatch, [src])
    assert [p[1] for p in pages] == ["https://example.com/" + x for x in ("a", "gzip", "br", "chunked", "b")]
    assert pages[0][4] == body and pages[-1][4] == body
    for p in pages[1:-1]:        # each record read (as its raw bytes) or reported on its own
        assert p[4] is not None or p[5].startswith("broken WARC record: ")
