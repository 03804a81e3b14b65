"""Record invariants: every key with its type; every input line accounted for."""
import pickle
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from cleaner import Cleaner, PageError, clean
from cleaner.model.record import Metadata
from cleaner.text.normalise import folded_line as normalize

LIST_KEYS = {"authors", "tags", "captions", "related", "warnings"}
# Corpus hygiene fields (issue 8): exact types; None allowed only where listed.
TYPED_KEYS = {"word_count": (int,), "paragraph_count": (int,), "dropped_share": (float,),
              "language_score": (float, type(None)), "duplicate_similarity": (float, type(None)),
              "syndicated_from": (dict, type(None))}
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "devset" / "raw").glob("*.txt"))[:69]


def test_record_keys_and_types(cleaner):
    for page in PAGES[:5]:
        d = cleaner.clean_file(page).to_dict()
        assert set(d) == {"id", "text", "url", "metadata"}
        md = d["metadata"]
        assert set(md) == {f for f in Metadata.__dataclass_fields__ if f != "dropped_lines"}
        for k, v in md.items():
            if k in LIST_KEYS:
                assert isinstance(v, list), k
            elif k == "dropped":
                assert isinstance(v, dict) and all(isinstance(n, int) for n in v.values())
            elif k in TYPED_KEYS:
                assert isinstance(v, TYPED_KEYS[k]) and not isinstance(v, bool), k
            else:
                assert v is None or isinstance(v, str), k


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_line_accounted_for(page):
    from cleaner import Cleaner
    c = Cleaner(keep_dropped=True)
    rec = c.clean_file(page)
    md = rec.to_dict()["metadata"]
    text = normalize(rec.text)
    dropped = [normalize(d["text"]) for d in md["dropped_lines"]]
    for raw in page.read_text(encoding="utf-8").splitlines():
        line = normalize(raw)
        if not line:
            continue
        in_text = line in text
        in_dropped = any(line == d or d and d in line for d in dropped)
        # a line cut by a span rule: its parts are in the text and in dropped_lines
        parts_ok = all(part in text or any(part in d for d in dropped)
                       for part in line.split(" ") if part)
        assert in_text or in_dropped or parts_ok, f"{page.name}: line not accounted for: {raw!r}"


def test_clean_function_and_url_id():
    r1 = clean("JAKARTA, KOMPAS.com - Isi berita satu yang cukup panjang.", url="https://kompas.com/a")
    r2 = clean("JAKARTA, KOMPAS.com - Isi berita satu yang cukup panjang.", url="https://kompas.com/a")
    assert r1.id == r2.id and len(r1.id) == 16
    assert r1.metadata.site == "kompas.com"


def test_clean_takes_bytes_decoded_as_the_command_decodes_them(root):
    raw = (root / "seeds" / "004_cd601c936e47d4fb.txt").read_bytes()
    text = raw.decode("utf-8")
    want = clean(text)
    got = clean(raw)
    assert (got.text, got.metadata.title, got.metadata.encoding) == (want.text, want.metadata.title, "utf-8")
    assert clean(b"\xef\xbb\xbf" + raw).text == want.text                       # a BOM
    assert clean(text.encode("utf-16")).metadata.encoding == "utf-16-le"
    with pytest.raises(PageError, match="not a text file"):
        clean(b"\x00\x01\x02\x03" * 100)
    for bad, name in ((None, "NoneType"), (Path("page.txt"), "PosixPath"), (12, "int")):
        with pytest.raises(TypeError) as exc:
            clean(bad)
        assert str(exc.value).startswith(f"clean() takes the page's text as str (or its bytes), not {name}")
    with pytest.raises(TypeError, match=r"for a file, Cleaner\(\)\.clean_file\("):
        clean(Path("page.txt"))


def test_a_cleaner_in_use_pickles_and_cleans_the_same():
    # Library users hand a Cleaner to processes of their own; the rule dispatch, prefilters
    # and memo slots it built while cleaning must pickle with it.
    cleaner = Cleaner()
    page = (ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0]).read_text(encoding="utf-8")
    first = cleaner.clean_text(page)
    again = pickle.loads(pickle.dumps(cleaner)).clean_text(page)
    assert again.text == first.text and again.metadata.title == first.metadata.title
