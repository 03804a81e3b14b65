"""cleaner under datatrove (LocalPipelineExecutor, 2 tasks) and clean() in worker pools.

The datatrove tests need the optional extra (``pip install '.[datatrove]'``, also in
``.[test]``); without it they skip. The pool test always runs.
"""
import gzip
import json
import multiprocessing
import pickle
import subprocess
import sys

import pytest
from conftest import ROOT

from cleaner import Cleaner, clean
from cleaner.html import clean_html
from cleaner.ruleset import CATEGORIES

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
SEED_URL = "https://kaltim.tribunnews.com/2023/09/14/contoh-berita"


@pytest.fixture(scope="module")
def dt():
    return pytest.importorskip("datatrove", reason="datatrove not installed (pip install '.[datatrove]')")


def _pages():
    """(id, text, metadata) for every seed and HTML fixture; seed 0 carries a URL."""
    pages = []
    for i, path in enumerate(SEEDS):
        meta = {"url": SEED_URL} if i == 0 else {"origin": path.name}
        pages.append((f"seed-{path.stem}", path.read_text(encoding="utf-8"), meta))
    for path in HTML_FIXTURES:
        pages.append((f"html-{path.stem}", path.read_text(encoding="utf-8"), {"origin": path.name}))
    return pages


def _expected(page_id, text, meta):
    if page_id.startswith("html-"):
        return clean_html(Cleaner(), text, url=meta.get("url"))
    return clean(text, url=meta.get("url"))


def _write_inputs(folder):
    """Two input files (one gzipped), so each of the two tasks gets one; plus two
    documents that cannot be cleaned."""
    pages = _pages()
    rows = [{"id": pid, "text": text, **meta} for pid, text, meta in pages]
    rows.append({"id": "blank", "text": "   \n\t\n"})
    rows.append({"id": "controls", "text": "\x01\x02\x03\n\x04"})
    folder.mkdir()
    half = len(rows) // 2
    with open(folder / "a.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:half])
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[half:])
    return pages


def test_local_executor_two_tasks(dt, tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    pages = _write_inputs(tmp_path / "in")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in"), glob_pattern="*.jsonl*"),
            CleanerStep(),
            JsonlWriter(str(tmp_path / "out"), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"))
    executor.run()

    out = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            out[doc["id"]] = doc
    assert len(list((tmp_path / "out").glob("*.jsonl"))) == 2      # both tasks wrote
    assert sorted(out) == sorted(pid for pid, _, _ in pages)        # every page; the two bad ones dropped
    for pid, text, meta in pages:
        doc, rec = out[pid], _expected(pid, text, meta).to_dict()
        assert doc["text"] == rec["text"] and doc["text"]
        md = doc["metadata"]
        assert md["origin" if "origin" in meta else "url"] == meta.get("origin", meta.get("url"))  # input kept
        assert md["url"] == rec["url"] and md["source_path"] == pid and len(md["cleaner_id"]) == 16
        for key in ("outlet", "site", "title", "lead", "published", "page_date", "authors", "editor",
                    "dateline", "credited_source", "section", "tags", "captions", "related",
                    "warnings", "rules_version", "cleaner_version"):
            assert md[key] == rec["metadata"][key], (pid, key)
        assert md["dropped"] == {c: rec["metadata"]["dropped"].get(c, 0) for c in CATEGORIES}
    assert out["seed-" + SEEDS[0].stem]["metadata"]["outlet"] == "tribun"      # URL read from metadata

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    ours = next(s for s in stats if "cleaner" in s["name"])["stats"]
    count = {k: v if isinstance(v, int) else v["total"] for k, v in ours.items()}   # both tasks merged
    n_html = len(HTML_FIXTURES)
    assert count["total"] == len(pages) + 2 and count["forwarded"] == len(pages)
    assert count["html"] == n_html and count["text"] == len(pages) - n_html
    assert count["dropped"] == 2 and count["dropped_empty_input"] == 1 and count["dropped_no_text"] == 1
    assert count["lines_dropped"] > 0


def test_step_options_and_exclusions(dt, tmp_path, monkeypatch):
    from datatrove.data import Document
    from datatrove.pipeline.writers import JsonlWriter

    import cleaner.api
    from cleaner.integrations.datatrove import CleanerStep, looks_like_html

    text = SEEDS[0].read_text(encoding="utf-8")
    html = HTML_FIXTURES[0].read_text(encoding="utf-8")
    assert looks_like_html(html) and looks_like_html("<p>Isi</p>") and not looks_like_html(text)

    step = CleanerStep(input_format="text", keep_dropped=True, url_key="link", metadata_prefix="c_",
                       exclusion_writer=JsonlWriter(str(tmp_path / "ex"), compression=None))
    # Pickled as executors ship it: without the loaded rules, which the task reloads.
    step = pickle.loads(pickle.dumps(step))
    assert step._cleaner is None
    loads = []
    real_load = cleaner.api.load_ruleset
    monkeypatch.setattr(cleaner.api, "load_ruleset", lambda dirs: loads.append(dirs) or real_load(dirs))
    docs = [Document(text=text, id="a", metadata={"link": SEED_URL, "title": "theirs"}),
            Document(text=" ", id="b"), Document(text=SEEDS[1].read_text(encoding="utf-8"), id="c")]
    got = list(step.run(iter(docs)))
    assert [d.id for d in got] == ["a", "c"] and len(loads) == 1      # rules loaded once for the task
    md = got[0].metadata
    assert md["title"] == "theirs" and md["c_outlet"] == "tribun" and md["c_url"] == SEED_URL
    assert got[0].text == clean(text, url=SEED_URL).text
    assert md["c_dropped_lines"] and set(md["c_dropped_lines"][0]) == {"text", "category", "rule"}
    json.dumps(md)                                                          # JSON-serialisable
    excluded = [json.loads(x) for p in (tmp_path / "ex").glob("*") for x in p.read_text().splitlines()]
    assert [(d["id"], d["metadata"]["cleaner_error"]) for d in excluded] == [("b", "empty_input")]

    # Forced: a text dump through the HTML path. trafilatura reads it as paragraphs; for
    # lexbor it is one run of text in <body>, which the text rules cannot cut into a body,
    # so the fast engine hands it to the trafilatura engine and says so.
    for engine in ("fast", "trafilatura"):
        step = CleanerStep(input_format="html", html_engine=engine)
        kind, record = pickle.loads(pickle.dumps(step)).clean_one(text, None, "x")
        assert kind == "html" and clean(text).text.split("\n\n")[0] in record.text
        assert record.metadata.html_engine == "trafilatura"
        assert engine == "trafilatura" or "cleaned by the trafilatura engine" in record.metadata.warnings[-1]
    with pytest.raises(ValueError, match="unknown html engine"):
        CleanerStep(html_engine="lxml")
    with pytest.raises(ValueError, match="input_format"):
        CleanerStep(input_format="pdf")


def test_timeout_drops_slow_page(dt):
    from cleaner.integrations.datatrove import CleanerStep

    class SlowStep(CleanerStep):
        def clean_one(self, text, url, source):
            if text.startswith("SLOW"):
                import time
                time.sleep(30)
            return super().clean_one(text, url, source)

    from datatrove.data import Document
    text = SEEDS[1].read_text(encoding="utf-8")
    step = SlowStep(timeout=2)
    got = list(step.run(iter([Document(text="SLOW\n" + text, id="slow"), Document(text=text, id="ok")])))
    assert [d.id for d in got] == ["ok"] and got[0].text == clean(text).text
    assert step.stats["dropped_timeout"].total == 1


def test_import_without_datatrove(monkeypatch):
    """`import cleaner` never imports datatrove; the integration names the extra when it is missing."""
    code = "import cleaner, sys; cleaner.clean('Isi berita.'); assert 'datatrove' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    monkeypatch.setitem(sys.modules, "datatrove", None)
    monkeypatch.setitem(sys.modules, "datatrove.pipeline.base", None)
    monkeypatch.delitem(sys.modules, "cleaner.integrations.datatrove", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'cleaner\[datatrove\]'"):
        import cleaner.integrations.datatrove  # noqa: F401


def test_clean_pickles_and_runs_in_a_process_pool():
    """Spark mapPartitions, Dask and Ray ship the function by reference: it must pickle,
    and work in a fresh interpreter (spawn) that loads the rules itself."""
    assert pickle.loads(pickle.dumps(clean)) is clean
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        records = pool.map(clean, texts)
    assert [r.text for r in records] == [clean(t).text for t in texts]
    assert all(r.metadata.title for r in records)
