"""Near duplicates: the library filter, the evaluation on seeds + dev pages, the subcommand."""
import gzip
import json
import random

import dedup_eval
import pytest
from conftest import SHARED
from helpers import benchmark
from runhelp import undocumented_flags

from cleaner.cli import main
from cleaner.tools.dedup import THRESHOLD, NearDuplicates, bands_for, shingles

WORDS = ("pemerintah daerah warga kota jalan banjir harga pasar sekolah guru polisi desa rumah sakit "
         "pasien dokter petani sawah panen hujan angin laut nelayan kapal pelabuhan bandara pesawat "
         "menteri presiden gubernur bupati camat lurah partai pemilu suara calon kampanye").split()


def article(seed: int, n: int = 120) -> str:
    rng = random.Random(seed)
    sents = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(n // 12)]
    return "\n\n".join(" ".join(sents[i:i + 2]) for i in range(0, len(sents), 2))


def records(texts):
    return [{"id": f"r{i}", "text": t, "metadata": {}} for i, t in enumerate(texts)]


def test_shingles_are_words_of_the_normalised_body():
    assert shingles("Satu, DUA tiga! Empat lima enam") == {b"satu dua tiga empat lima", b"dua tiga empat lima enam"}
    assert shingles("Dua kata") == {b"dua kata"} and shingles(" ... ") == set()


def test_bands_reach_the_recall_asked():
    for t in (0.25, 0.5, 0.8):
        b, r = bands_for(t, 128)
        assert b * r <= 128 and 1 - (1 - t ** r) ** b >= 0.98


def test_copies_marked_with_the_first_id_distinct_left_alone():
    a, b = article(1), article(2)
    a_edit = a.replace(a.split(".")[3], " Kalimat ini diganti sama sekali oleh penyunting daerah")
    out = list(NearDuplicates().filter(records([a, b, a_edit, a.upper(), b + "\n\nBaca juga: x"])))
    marks = [(r["metadata"]["duplicate_of"], r["metadata"]["duplicate_similarity"]) for r in out]
    assert marks[0] == (None, None) and marks[1] == (None, None)
    assert marks[2][0] == "r0" and THRESHOLD <= marks[2][1] < 1.0
    assert marks[3] == ("r0", 1.0)                      # case folded: an exact copy
    assert marks[4][0] == "r1" and marks[4][1] > 0.8


def test_copy_of_a_copy_points_to_the_original():
    a = article(3)
    b = a + "\n\n" + article(30, 24)                   # a plus a bit
    c = b + "\n\n" + article(31, 24)                   # b plus a bit more
    out = list(NearDuplicates().filter(records([a, b, c])))
    assert [r["metadata"]["duplicate_of"] for r in out] == [None, "r0", "r0"]


def test_drop_leaves_copies_out_and_counts():
    texts = [article(i) for i in range(20)]
    nd = NearDuplicates(drop=True)
    out = list(nd.filter(records(texts + texts[:5])))
    assert [r["id"] for r in out] == [f"r{i}" for i in range(20)]
    assert (nd.seen, nd.duplicates, nd.indexed) == (25, 5, 20)


def test_record_objects_and_short_bodies(cleaner):
    long = cleaner.clean_text(article(5).replace("\n\n", "\n"), source="a.txt")
    again = cleaner.clean_text(article(5).replace("\n\n", "\n"), source="b.txt")
    short = cleaner.clean_text("Banjir di kota.\n", source="c.txt")
    short2 = cleaner.clean_text("Banjir di kota.\n", source="d.txt")
    out = list(NearDuplicates().filter([long, again, short, short2]))
    assert out[1].metadata.duplicate_of == long.id and out[1].metadata.duplicate_similarity == 1.0
    # too short to call a copy (text_hash still tells exact copies apart)
    assert out[3].metadata.duplicate_of is None
    assert short.metadata.text_hash == short2.metadata.text_hash


def test_threshold_is_a_bound():
    a = article(7)
    half = "\n\n".join(a.split("\n\n")[:3]) + "\n\n" + article(8)
    sim = NearDuplicates().similarity(a, half)
    assert 0.1 < sim < 0.9
    strict = list(NearDuplicates(threshold=min(1.0, sim + 0.1)).filter(records([a, half])))
    loose = list(NearDuplicates(threshold=max(0.05, sim - 0.1)).filter(records([a, half])))
    assert strict[1]["metadata"]["duplicate_of"] is None and loose[1]["metadata"]["duplicate_of"] == "r0"
    with pytest.raises(ValueError):
        NearDuplicates(threshold=0)


def test_no_false_flags_among_many_distinct():
    texts = [article(100 + i, 200) for i in range(300)]
    nd = NearDuplicates()
    assert all(r["metadata"]["duplicate_of"] is None for r in nd.filter(records(texts)))
    assert nd.indexed == 300


# ------------------------------------------------------------- the evaluation
def test_seed_copies_flagged():
    """Seeds only (always available): each edited and rewrapped copy flagged with its original."""
    from cleaner import Cleaner
    records_, expected = dedup_eval.build(Cleaner())
    flagged = {r.id: r.metadata.duplicate_of for r in NearDuplicates().filter(records_)}
    assert all(flagged[c] == o for c, o in expected.items())
    assert all(flagged[r.id] is None for r in records_ if r.id not in expected)
    assert len(expected) >= 10


def test_dev_copies_flagged_none_distinct():
    if not (SHARED / "devset" / "raw").is_dir():
        pytest.skip("needs ../shared/devset")
    result, _records, _expected = dedup_eval.run()
    # a rewrapped copy of every page, an edited copy of every page with 3+ paragraphs
    # (on 134 pages: 134 rewrapped, 121 edited)
    pages = len(dedup_eval.pages())
    assert 2 * pages - pages // 8 <= result["copies"] <= 2 * pages
    assert result["flagged_right"] == result["copies"] and not result["missed"]
    assert result["false_flags"] == []


def test_real_pairs_html_and_reference_text():
    if not (SHARED / "html-samples").is_dir() or not (SHARED / "devset").is_dir():
        pytest.skip("needs ../shared/html-samples and devset")
    flags, expected = dedup_eval.real_pairs()
    assert len(expected) == 10
    assert flags == expected          # each page flagged as a copy of its reference text; nothing else


# ------------------------------------------------------------- the subcommand
def _write(path, recs, gz=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(data)
    else:
        path.write_text(data, encoding="utf-8")


def test_subcommand_marks_and_drops(tmp_path, capsys):
    a, b = article(11), article(12)
    src = tmp_path / "in.jsonl.gz"
    _write(src, records([a, b, a + " Tambahan.", b]), gz=True)
    out = tmp_path / "out.jsonl"
    assert main(["dedup", str(src), "-o", str(out)]) == 0
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g["metadata"]["duplicate_of"] for g in got] == [None, None, "r0", "r1"]
    assert "4 records read, 2 near duplicates marked" in capsys.readouterr().err
    gz_out = tmp_path / "out.jsonl.gz"
    assert main(["dedup", str(out), "--drop-duplicates", "-o", str(gz_out)]) == 0
    with gzip.open(gz_out, "rt", encoding="utf-8") as f:
        assert [json.loads(x)["id"] for x in f] == ["r0", "r1"]


def test_subcommand_reads_and_writes_zstd(tmp_path, capsys):
    """The same reading and writing layer as the main command: .zst in and out."""
    import zstandard
    a, b = article(14), article(15)
    src = tmp_path / "in.jsonl.zst"
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records([a, b, a + " Tambahan."]))
    src.write_bytes(zstandard.ZstdCompressor().compress(data.encode("utf-8")))
    out = tmp_path / "out.jsonl.zst"
    assert main(["dedup", str(src), "-o", str(out), "-q"]) == 0
    with zstandard.ZstdDecompressor().stream_reader(out.open("rb")) as f:
        got = [json.loads(x) for x in f.read().decode("utf-8").splitlines()]
    assert [g["metadata"]["duplicate_of"] for g in got] == [None, None, "r0"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_subcommand_bad_lines_named_not_a_traceback(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    good = records([article(13)])[0]
    src.write_text(json.dumps(good) + "\n{broken\n[1, 2]\n" + json.dumps({"id": "x"}) + "\n\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["dedup", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:2: not JSON" in err and f"{src}:3: not a JSON object" in err
    assert f'{src}:4: no "text" string' in err and "Traceback" not in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("argv,message", [
    (["dedup", "missing.jsonl"], "missing.jsonl: no such file"),
    (["dedup", "--threshold", "1.5", "x"], "--threshold must be in (0, 1]"),
    (["dedup"], "the following arguments are required"),
])
def test_subcommand_usage_errors(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").write_text("", encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_subcommand_bad_gzip_reported(tmp_path, capsys):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(b"not gzip at all\n")
    out = tmp_path / "out.jsonl"
    assert main(["dedup", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:1: cannot read: BadGzipFile" in err and "Traceback" not in err   # as the main command says it
    assert out.exists() and out.read_text() == ""


def test_benchmark_run_contract():
    """bench.py calls run(n); checked for its keys and findings, never for its time."""
    bench = benchmark("bench_dedup")
    result = bench.run(200)
    assert {"records", "seconds", "peak_mb"} <= set(result) and result["records"] == 200
    assert result["copies"] > 20 and result["copies_flagged"] == result["copies"]
    assert result["false_flags"] == 0 and result["indexed"] == 200 - result["copies"]


def test_every_dedup_flag_is_documented(root):
    from cleaner.cli.dedup import build_parser
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "cleaner dedup IN.jsonl" in readme
    assert not undocumented_flags([build_parser()], readme)


def test_subcommand_reads_the_main_commands_output_and_writes_like_it(tmp_path, capsys, root):
    """`cleaner dedup` reads the .jsonl.zst the main command wrote, compresses by the output's
    name, and its files get the main command's mode (0666 less the umask), not 0600."""
    import os

    import zstandard
    old = os.umask(0o022)
    try:
        main_out, out = tmp_path / "clean.jsonl.zst", tmp_path / "dedup.jsonl.zst"
        assert main([str(root / "seeds"), "-o", str(main_out), "-q"]) == 0
        assert main(["dedup", str(main_out), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert capsys.readouterr().err == ("cleaner dedup: 5 records read, 0 near duplicates marked "
                                       "(threshold 0.25), 5 written, 0 bad lines\n")
    with zstandard.ZstdDecompressor().stream_reader(out.open("rb")) as f:
        assert [json.loads(x)["metadata"]["source_path"] for x in f.read().decode("utf-8").splitlines()] \
            == sorted(str(p) for p in (root / "seeds").glob("*.txt"))
    assert oct(out.stat().st_mode & 0o777) == oct(main_out.stat().st_mode & 0o777) == "0o644"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.jsonl.zst", "dedup.jsonl.zst"]
