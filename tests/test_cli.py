"""The command, in-process: outputs, summaries, exit statuses and error lines."""
import json
import subprocess
import sys

from runhelp import cli as run
from runhelp import records

SEEDS = "seeds"


def test_seeds_to_file(tmp_path, capsys, root, monkeypatch):
    monkeypatch.chdir(root)
    out = tmp_path / "clean.jsonl"
    code, _, err = run([SEEDS, "-o", str(out)], capsys)
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    recs = [json.loads(x) for x in lines]
    # input order = sorted walk of the folder
    assert [r["metadata"]["source_path"] for r in recs] == sorted(r["metadata"]["source_path"] for r in recs)
    assert "\\u" not in out.read_text(encoding="utf-8")      # UTF-8, not escaped
    assert "5 pages read, 5 written, 0 failed" in err
    assert "crosslink" in err


def test_stdout_and_stdin(capsys, monkeypatch, root):
    page = (root / SEEDS / "003_f1a9f632fd983131.txt").read_bytes()

    class FakeStdin:
        class buffer:
            @staticmethod
            def read(n=-1):
                return page
    monkeypatch.setattr(sys, "stdin", FakeStdin)
    code, out, err = run(["-", "--url", "https://klikwartaku.com/x"], capsys)
    assert code == 0
    rec = json.loads(out)
    assert rec["metadata"]["source_path"] == "<stdin>"
    assert rec["metadata"]["outlet"] == "klikwartaku"
    assert rec["url"] == "https://klikwartaku.com/x"


def test_bad_file_does_not_stop_batch(tmp_path, capsys, root):
    good = tmp_path / "a.txt"
    good.write_text((root / SEEDS / "004_cd601c936e47d4fb.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "c.txt").write_text("   \n\n  ", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run([str(tmp_path), "-o", str(out)], capsys)
    assert code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert f"{tmp_path / 'b.txt'}: not a text file" in err
    assert f"{tmp_path / 'c.txt'}: empty page" in err
    assert "3 pages read, 1 written, 2 failed" in err
    assert "Traceback" not in err


def page_file(tmp_path):
    """A page to clean outside the rules folder (the test runs from any folder)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("JAKARTA - Warga kota menanam pohon di sepanjang jalan utama pada Senin pagi.\n",
                                 encoding="utf-8")
    return pages / "a.txt"


def test_broken_rule_file_exit_2(tmp_path, capsys):
    (tmp_path / "mysite.yaml").write_text("id: mysite\ndrop:\n  - id: x\n    categroy: nav\n    pattern: 'x'\n")
    code, out, err = run([str(page_file(tmp_path)), "--rules", str(tmp_path)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "mysite.yaml:4: drop[0].categroy: unknown key 'categroy' (did you mean 'category'?)" in err


def test_broken_pattern_exit_2(tmp_path, capsys):
    (tmp_path / "mysite.yaml").write_text("id: mysite\ndrop:\n  - id: x\n    category: nav\n    pattern: '(unclosed'\n")
    code, _, err = run([str(page_file(tmp_path)), "--rules", str(tmp_path)], capsys)
    assert code == 2
    assert "mysite.yaml:5: drop[0].pattern: pattern does not compile" in err


def test_usage_errors(capsys):
    assert run([], capsys)[0] == 2
    assert run(["seeds", "--outlet", "nosuch"], capsys)[0] == 2
    assert run(["seeds", "--bogus"], capsys)[0] == 2


def test_forced_outlet_and_keep_dropped(tmp_path, capsys, root, monkeypatch):
    monkeypatch.chdir(root)
    out = tmp_path / "o.jsonl"
    code, _, _ = run([f"{SEEDS}/003_f1a9f632fd983131.txt", "--outlet", "tribun", "--keep-dropped", "-o", str(out)], capsys)
    assert code == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["metadata"]["outlet"] == "tribun"
    assert all(set(d) == {"text", "category", "rule"} for d in rec["metadata"]["dropped_lines"])


def test_python_dash_m(root):
    proc = subprocess.run([sys.executable, "-m", "cleaner", "seeds/000_4f9533bd8fb762ef.txt"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["metadata"]["outlet"] == "tribun"


def test_interrupted_run_leaves_no_output(tmp_path, capsys, monkeypatch, root):
    from cleaner.model.page import Page
    from cleaner.run.pool import Result, WorkerPool

    def boom(self, pages):
        yield Result(0, Page("x"), None, None, "bad")
        raise KeyboardInterrupt
    monkeypatch.setattr(WorkerPool, "results", boom)
    out = tmp_path / "o.jsonl"
    code, _, err = run([str(root / SEEDS), "-o", str(out)], capsys)
    assert code == 130 and not out.exists()
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------ corpus hygiene flags
def _seeds_and_a_copy(tmp_path, root):
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in sorted((root / "seeds").glob("*.txt")):
        (pages / seed.name).write_bytes(seed.read_bytes())
    first = sorted((root / "seeds").glob("*.txt"))[0]
    (pages / "zz-copy.txt").write_bytes(first.read_bytes())       # sorted last: the copy
    return pages


def test_dedup_marks_the_copy_with_the_first_records_id(tmp_path, capsys, root):
    out = tmp_path / "out.jsonl"
    code, _, _ = run([str(_seeds_and_a_copy(tmp_path, root)), "-o", str(out), "--dedup", "-q"], capsys)
    recs = records(out)
    assert code == 0 and len(recs) == 6
    marked = [r for r in recs if r["metadata"]["duplicate_of"]]
    assert [r["metadata"]["source_path"].endswith("zz-copy.txt") for r in marked] == [True]
    assert marked[0]["metadata"]["duplicate_of"] == recs[0]["id"]


def test_drop_duplicates_and_languages_filter_the_output(tmp_path, capsys, root):
    pages, out = _seeds_and_a_copy(tmp_path, root), tmp_path / "out.jsonl"
    code, _, err = run([str(pages), "-o", str(out), "--drop-duplicates", "--languages", "id"], capsys)
    assert code == 0 and len(records(out)) == 5
    assert "6 pages read, 5 written, 0 failed, 1 filtered out" in err
    code, _, _ = run([str(pages), "-o", str(out), "--languages", "en", "-q"], capsys)
    assert code == 0 and records(out) == []


def test_dedup_flags_refuse_what_they_cannot_do(tmp_path, capsys, root):
    pages, out = _seeds_and_a_copy(tmp_path, root), str(tmp_path / "out.jsonl")
    assert run([str(pages), "-o", out, "--dedup", "--resume"], capsys)[2].strip() == (
        "cleaner: error: --resume cannot be combined with --dedup: resume without it, "
        "then run `cleaner dedup OUT -o DEDUPED`")
    assert run([str(pages), "-o", out, "--dedup-threshold", "2"], capsys)[0] == 2
    assert run([str(pages), "-o", out, "--languages", ","], capsys)[0] == 2


def test_missing_input_is_a_usage_error(tmp_path, capsys, root):
    """A path that does not exist stops the run before anything is written (exit 2)."""
    out = tmp_path / "x.jsonl"
    code, _, err = run([str(root / SEEDS), str(tmp_path / "nosuch.txt"), "-o", str(out)], capsys)
    assert (code, err) == (2, f"cleaner: error: {tmp_path / 'nosuch.txt'}: no such file or folder\n")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unknown_language_code_is_a_usage_error(tmp_path, capsys, root):
    out = tmp_path / "x.jsonl"
    code, _, err = run([str(root / SEEDS), "--languages", "id,xx", "-o", str(out)], capsys)
    assert (code, err) == (2, "cleaner: error: --languages: unknown language code(s) xx: give ISO 639-1 "
                              "codes the language identifier knows (id, en, ms, jv, su...)\n")
    assert not out.exists()
    assert run([str(root / SEEDS), "--languages", "id,jv", "-o", str(out), "-q"], capsys)[0] == 0


def test_rules_takes_a_file_too(tmp_path, capsys, root):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "demo.yaml").write_text("id: demo\nname: Demo\nmatch:\n  hosts: [demo.example]\n", encoding="utf-8")
    out = tmp_path / "x.jsonl"
    code, _, err = run([str(root / SEEDS / "003_f1a9f632fd983131.txt"), "--rules", str(rules / "demo.yaml"),
                        "--url", "https://demo.example/a", "-o", str(out), "-q"], capsys)
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["outlet"] == "demo"
    code, _, err = run([str(root / SEEDS), "--rules", str(rules / "nosuch.yaml")], capsys)
    assert (code, err) == (2, f"cleaner: error: {rules / 'nosuch.yaml'}: no such rules folder or rule file\n")


def test_help_names_every_subcommand(capsys):
    from cleaner.cli import SUBCOMMANDS, build_parser
    text = " ".join(build_parser().format_help().split())
    missing = [name for name in SUBCOMMANDS if f"cleaner {name}" not in text]
    assert not missing, f"cleaner --help does not name: {missing}"
