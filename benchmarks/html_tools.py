"""The HTML extractors the quality and speed benchmarks compare, called the same way
everywhere: ``extractor(name)`` returns ``extract(data: bytes, url) -> text``.

    cleaner-fast          Cleaner(html_engine="fast"): lexbor, resiliparse, the text rules
    cleaner-trafilatura   Cleaner(html_engine="trafilatura"): lxml, trafilatura, the text rules
    trafilatura           trafilatura.extract(html, url=url) on the decoded page
    justext               jusText with its Indonesian stoplist (paragraphs not boilerplate)
    resiliparse           resiliparse's extract_plain_text(main_content=True), for reference

A page the cleaner refuses (PageError) gives the empty text, as a missing extraction.
"""
from __future__ import annotations

TOOLS = ("cleaner-fast", "cleaner-trafilatura", "trafilatura", "justext")
LABELS = {"cleaner-fast": "cleaner, fast engine", "cleaner-trafilatura": "cleaner, trafilatura engine",
          "trafilatura": "trafilatura.extract", "justext": "jusText (Indonesian)",
          "resiliparse": "resiliparse main_content"}


def extractor(name: str):
    """``extract(data, url) -> str`` for one of TOOLS (or "resiliparse")."""
    if name.startswith("cleaner-"):
        from cleaner import Cleaner, PageError
        from cleaner.html import clean_html
        cleaner = Cleaner(html_engine=name.split("-", 1)[1])

        def clean(data: bytes, url: str | None) -> str:
            try:
                return clean_html(cleaner, data, url=url).text
            except PageError:
                return ""
        return clean
    from cleaner.html import decode_html
    if name == "trafilatura":
        import trafilatura
        return lambda data, url: trafilatura.extract(decode_html(data), url=url) or ""
    if name == "justext":
        import justext
        stop = justext.get_stoplist("Indonesian")
        return lambda data, url: "\n".join(p.text for p in justext.justext(data, stop) if not p.is_boilerplate)
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
        return lambda data, url: extract_plain_text(HTMLTree.parse(decode_html(data)), main_content=True)
    raise ValueError(f"unknown tool {name!r}")
