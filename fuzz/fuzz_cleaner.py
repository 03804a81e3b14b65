"""Fuzz the text path or the HTML path with atheris (coverage-guided, libFuzzer).

    python fuzz/fuzz_cleaner.py text CORPUS_DIR [SEED_DIR...] [libFuzzer flags]
    python fuzz/fuzz_cleaner.py html CORPUS_DIR [SEED_DIR...] [libFuzzer flags]

text: bytes -> decode (BOMs, UTF-8, charset-normalizer) -> mojibake repair ->
clean_text -> record. html: bytes -> decode_html -> the default (fast) engine:
resiliparse's lexbor tree, trafilatura on a page it finds too little on -> the text
rules -> record. The first input byte picks the page's URL (outlet
detection by host, by pattern, or none). A crash is any exception other than
PageError (a page reported, not cleaned), or a record that is not valid UTF-8
JSON. Runs outside CI; see fuzz/README.md.
"""
import json
import sys

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    from cleaner import Cleaner, PageError
    from cleaner.model.page import Page

URLS = [None, "https://jatim.tribunnews.com/2023/09/14/x", "https://galamedianews.com/a/1",
        "https://klikwartaku.com/b", "not a url", "http://[::1"]
KIND = sys.argv.pop(1) if len(sys.argv) > 1 and sys.argv[1] in ("text", "html") else sys.exit(__doc__)
CLEANER = Cleaner(keep_dropped=True)


def TestOneInput(data: bytes) -> None:
    url = URLS[data[0] % len(URLS)] if data else None
    try:
        record = CLEANER.clean_page(Page(f"fuzz.{KIND}", data=data[1:], url=url, kind=KIND))
    except PageError:
        return
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
