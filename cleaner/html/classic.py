"""The trafilatura engine: libxml2's parse (lxml), the outlet's ``html:`` rules as
XPath, then trafilatura's extraction (jusText when it finds nothing)."""
from __future__ import annotations

from lxml import etree

from ..model.page import PageError
from ..model.record import Record
from .decode import FLATTENED, parse_html
from .extract import extract_lines, select_body, take_out
from .finish import check_body, finish, page_outlet
from .meta import read_meta


def clean_trafilatura(cleaner, text: str, url: str | None, source: str | None) -> Record:
    """One decoded HTML page, read by lxml and trafilatura."""
    root, parse_errors = parse_html(text, capped=True)      # clean_html capped the attributes
    meta = read_meta(root)
    outlet, page_url, rules = page_outlet(cleaner, meta, url)
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    body, warnings = select_body(root, rules), []
    check_body(rules, body, outlet, warnings)
    taken = take_out(root, body, rules, outlet.id if outlet else "html")
    lines, extractor = extract_lines(body if body is not None else root, page_url)
    if not lines:
        raise PageError("no article text found (trafilatura and jusText both empty)")
    warnings += [e for e in (FLATTENED,) if e in parse_errors]
    if extractor != "trafilatura":
        warnings.append("html: trafilatura found no text; paragraphs from jusText")
    record = finish(cleaner, meta, outlet, page_url, source, body is not None, taken, lines, warnings,
                    url)
    record.metadata.html_engine = "trafilatura"
    return record
