"""The text path on whole pages: a scraper's dump of an entire page (menus, sidebars,
teaser lists, comments, footer) rather than the dev corpus's excerpt of its top.

    python benchmarks/whole_pages.py                 # every set below (F1: cleaner vs trafilatura vs jusText)
    python benchmarks/whole_pages.py --set samples   # only the HTML samples with a reference text
    python benchmarks/whole_pages.py --set headlines --verbose   # titles on all 28 samples, the misses listed

Each HTML page is turned into the text a scraper without main-content detection keeps
(resiliparse's ``extract_plain_text(main_content=False)``: every block on its line,
scripts and styles gone), then cleaned by ``Cleaner.clean_text`` with no URL, as a text
dump would be. trafilatura and jusText get the same dump as HTML paragraphs, one per
line (as ``../shared/eval/score.py``'s baselines do), in the same run; jusText with the
Indonesian stoplist on the samples, the English one on ScrapingHub. Two sets:

- ``samples``: the 10 pages of ``../shared/html-samples`` that come with a reference
  text, scored with 4-word-shingle F1 against it;
- ``scrapinghub``: the 181 pages of ``../shared/benchmarks/scrapinghub`` (mostly
  English), scored with that benchmark's own measure (its ``evaluate.py``). The
  generic layer was never tuned on them: an out-of-sample check.

And ``headlines``: on the dumps of all 28 HTML samples (18 of them from outlets no rule
file names), is the record's title the page's own headline? The reference is read from
the HTML (``og:title``, each ``<h1>`` of three words or more, each part of ``<title>``
between separators of four words or more), compared case- and punctuation-folded, equal
or one holding the other (20 characters or more). cleaner only: the other two give no title.

A benchmark, not a test: it prints a table and asserts nothing.
"""
from __future__ import annotations

import argparse
import gzip
import pathlib
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import samples  # noqa: E402 - this folder's benchmarks, shared helpers
import scrapinghub  # noqa: E402
from bench import as_html  # noqa: E402

from cleaner.text.normalise import hash_form  # noqa: E402


def dump_of(data: bytes) -> str:
    """A whole page's text, one block per line (no main-content detection)."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree
    tree = HTMLTree.parse(bytes_to_str(data, detect_encoding(data)))
    return extract_plain_text(tree, main_content=False, alt_texts=False, links=False, list_bullets=False,
                              preserve_formatting=True, noscript=False)


def extractors(stoplist_language: str = "Indonesian"):
    """name -> function(dump text) -> extracted text (jusText with the pages' language's stoplist)."""
    import justext
    import trafilatura

    from cleaner import Cleaner
    cleaner = Cleaner()
    stoplist = justext.get_stoplist(stoplist_language)

    def clean(text: str) -> str:
        try:
            return cleaner.clean_text(text).text
        except Exception:          # an empty page: nothing extracted
            return ""

    def traf(text: str) -> str:
        return trafilatura.extract(as_html(text)) or ""

    def jus(text: str) -> str:
        ps = justext.justext(as_html(text).encode(), stoplist)
        return "\n".join(p.text for p in ps if not p.is_boilerplate)

    return {"cleaner": clean, "trafilatura": traf, "jusText": jus}


def shingles(text: str, n: int = 4) -> set:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    a, b = shingles(pred), shingles(gold)
    p, r = len(a & b) / max(1, len(a)), len(a & b) / max(1, len(b))
    return p, r, 2 * p * r / max(1e-9, p + r)


def samples_set() -> list[tuple[str, bytes, str]]:
    """(file, its bytes, its reference text) of the samples that have one."""
    root = SHARED / "html-samples"
    return [(m["file"], (root / m["file"]).read_bytes(), (root / m["expected_text"]).read_text(encoding="utf-8"))
            for m in samples.references(SHARED)]


def run_samples(funcs) -> dict[str, tuple[float, float, float, float]]:
    pages = [(name, dump_of(data), ref) for name, data, ref in samples_set()]
    result = {}
    for fname, fn in funcs.items():
        started, scores = time.process_time(), []
        for _, dump, ref in pages:
            scores.append(prf(fn(dump), ref))
        cpu = time.process_time() - started
        result[fname] = tuple(sum(s[k] for s in scores) / len(scores) for k in range(3)) + (len(pages) / cpu,)
    return result


def run_scrapinghub(funcs) -> dict[str, tuple[float, float, float, float]]:
    root = scrapinghub.folder(SHARED)
    evaluate = scrapinghub.scorer(root)     # the benchmark's own measure (MIT)
    truth = evaluate.load_json(root / "ground-truth.json")
    dumps = {p.name[:-len(".html.gz")]: dump_of(gzip.open(p).read()) for p in sorted((root / "html").glob("*.html.gz"))}
    result = {}
    for fname, fn in funcs.items():
        started = time.process_time()
        pred = {key: {"articleBody": fn(text)} for key, text in dumps.items()}
        cpu = time.process_time() - started
        m = evaluate.evaluate(truth, pred, 10)
        result[fname] = (m["precision"], m["recall"], m["f1"], len(dumps) / cpu)
    return result


def page_headlines(data: bytes) -> list[str]:
    """The page's own headline as its HTML gives it (in hash form: case, width and
    punctuation folded): og:title, the <h1>s of three words or more, the parts of <title>
    of four words or more."""
    from lxml import html as lxml_html

    from cleaner.html.decode import decode_html
    # Decoded as the page declares it (lxml alone reads bytes without a <meta charset> as
    # latin-1: "Syi’ah" became "Syiâ ah" and no title could match it).
    tree = lxml_html.fromstring(decode_html(data))
    found = [hash_form(t) for t in tree.xpath('//meta[@property="og:title"]/@content')]
    found += [hash_form(h.text_content()) for h in tree.xpath("//h1")]
    for title in tree.xpath("//title/text()")[:1]:
        found += [hash_form(part) for part in re.split(r"\s[|\-–—:]+\s", title)]
    return [h for h in found if len(h.split()) >= 3]


def same_headline(title: str | None, headlines: list[str]) -> bool:
    t = hash_form(title or "")
    return bool(t) and any(t == h or (len(t) >= 20 and (t in h or h in t)) for h in headlines)


def run_headlines() -> tuple[int, int, list[str]]:
    """(titles right, pages, the pages whose title is not the headline)."""
    from cleaner import Cleaner
    cleaner, root, right, missed = Cleaner(), SHARED / "html-samples", 0, []
    rows = samples.entries(SHARED)
    for m in rows:
        data = (root / m["file"]).read_bytes()
        try:
            title = cleaner.clean_text(dump_of(data)).metadata.title
        except Exception:  # noqa: BLE001 - a page that cannot be cleaned has no title
            title = None
        if same_headline(title, page_headlines(data)):
            right += 1
        else:
            missed.append(f"{m['file']}: {title!r}")
    return right, len(rows), missed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=["samples", "scrapinghub", "headlines", "both"], default="both",
                    help="both (default): the two F1 sets and the headlines")
    ap.add_argument("--verbose", action="store_true", help="headlines: list the pages whose title is not it")
    args = ap.parse_args()
    try:
        funcs = {"samples": extractors("Indonesian"), "scrapinghub": extractors("English")}
        dump_of(b"<p>x</p>")
    except ImportError as exc:
        print(f"whole_pages: needs {exc.name} (pip install resiliparse)", file=sys.stderr)
        return 2
    sets = {"samples": run_samples, "scrapinghub": run_scrapinghub}
    for name in (["samples", "scrapinghub"] if args.set == "both" else [args.set] if args.set in sets else []):
        print(f"\n{name}: whole-page dumps | precision | recall | F1 | pages per CPU s")
        for fname, (p, r, f, rate) in sets[name](funcs[name]).items():
            print(f"  {fname:12} {p:.3f}  {r:.3f}  {f:.3f}  {rate:8.1f}")
    if args.set in ("headlines", "both"):
        right, pages, missed = run_headlines()
        print(f"\nheadlines: whole-page dumps of the {pages} HTML samples | title is the page's headline")
        print(f"  cleaner      {right}/{pages}")
        for line in missed if args.verbose else []:
            print(f"    not it: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
