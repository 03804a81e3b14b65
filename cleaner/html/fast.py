"""The fast HTML engine: lexbor's HTML5 parser and resiliparse's text extraction.

    decode (decode.py) -> lexbor parse -> page metadata (meta tags, JSON-LD, from the
      same tree) -> outlet -> the outlet's ``html:`` rules on the lexbor tree
      (ruleset/lexbor_css.py) -> the body: the rule's body selector, else the main
      content (content.py) -> resiliparse's plain text, one block per line
      -> the same text stages as every page (finish.py)

Everything that walks the tree runs in C (lexbor's CSS engine, resiliparse's text
extraction); Python touches only the paragraphs and the few candidate containers.
An outlet whose XPath cannot be translated to lexbor CSS, and a page where no rule
named the body and the fast route found (next to) nothing, go to the trafilatura
engine (classic.py); the record's ``html_engine`` and a warning say so.
"""
from __future__ import annotations

import math

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree, NodeType

from ..model.page import PageError
from ..model.record import Record
from ..ruleset.lexbor_css import Unsupported, fast_selector
from .classic import clean_trafilatura
from .content import SKIP, drop_link_blocks, main_content
from .decode import FLATTEN_DEPTH, FLATTENED, flatten_deep
from .extract import select_body, take_out
from .finish import check_body, finish, page_outlet
from .meta import PageMeta, build_meta, norm

# A body of fewer characters, found without a rule, is read again by trafilatura:
# readability.js's DEFAULT_CHAR_THRESHOLD (under it, readability retries with its
# filters off; here the other engine reads the page).
FALLBACK_CHARS = 500
TOO_DEEP = " > ".join(["*"] * FLATTEN_DEPTH)
# Elements that never hold article text; removed before anything else.
REMOVE = "script, style, noscript, template"


def clean_fast(cleaner, text: str, url: str | None, source: str | None) -> Record:
    """One decoded HTML page, read by lexbor and resiliparse (see the module's doc)."""
    tree, flattened = parse(text)
    meta = read_meta(tree)
    outlet, page_url, rules = page_outlet(cleaner, meta, url)
    try:
        for sel in rule_selectors(rules):
            fast_selector(sel)
    except Unsupported as exc:
        # The outlet's selectors need XPath that lexbor cannot run: the lxml engine, as written.
        return handed_on(cleaner, text, url, source, f"{outlet.id}'s selectors need it ({exc})")
    root = tree.document
    for el in root.query_selector_all(REMOVE)[:]:
        el.decompose()
    lexbor = LexborTree(root)
    body, warnings = select_body(root, rules, lexbor), [FLATTENED] if flattened else []
    check_body(rules, body, outlet, warnings)
    taken = take_out(root, body, rules, outlet.id if outlet else "html", lexbor)
    lines = extract_lines(tree, body)
    record = finish(cleaner, meta, outlet, page_url, source, body is not None, taken, lines, warnings,
                    url) \
        if lines else None
    if record is None or body is None and len(record.text) < FALLBACK_CHARS:
        # Nothing, or next to nothing, where no rule named the body: the wrong container
        # more often than a short article. trafilatura's reading, if it finds more.
        got = len(record.text) if record else 0
        try:
            other = handed_on(cleaner, text, url, source, f"the fast engine found {got} characters")
        except PageError:
            other = None
        if other is not None and len(other.text) > got:
            return other
        if record is None:
            raise PageError("no article text found (fast engine, trafilatura and jusText all empty)")
    record.metadata.html_engine = "fast"
    return record


def handed_on(cleaner, text: str, url: str | None, source: str | None, why: str) -> Record:
    """The page cleaned by the trafilatura engine, with a warning saying why."""
    record = clean_trafilatura(cleaner, text, url, source)
    record.metadata.warnings.append(f"html: cleaned by the trafilatura engine: {why}")
    return record


def parse(text: str) -> tuple[HTMLTree, bool]:
    """(the lexbor tree, flattened?). lexbor has no depth limit, but selectors that look
    inside elements (:has, closest) cost a tree's depth per element: a page nested deeper
    than FLATTEN_DEPTH is parsed again with its deepest tags taken out (their text
    stays), as the trafilatura engine does."""
    try:
        tree = HTMLTree.parse(text)
        if tree.document.query_selector(TOO_DEEP) is None:
            return tree, False
        return HTMLTree.parse(flatten_deep(text)), True
    except Exception as exc:  # noqa: BLE001 - HTMLParserException, MemoryError...: not a page we can read
        raise PageError(f"not parseable as HTML: {exc}") from None


def rule_selectors(rules: dict):
    """Every selector of an outlet's html rules."""
    yield from rules.get("body", [])
    yield from rules.get("captions", [])
    yield from rules.get("related", [])
    for sels in rules.get("strip", {}).values():
        yield from sels


# ------------------------------------------------------------------ metadata
def read_meta(tree: HTMLTree) -> PageMeta:
    """meta.read_meta, read from the lexbor tree."""
    root, tags = tree.document, {}
    for el in root.query_selector_all("meta[content]")[:]:
        key = (el.getattr("property") or el.getattr("name") or el.getattr("itemprop") or "").strip().lower()
        content = norm(el.getattr("content") or "")
        if key and content:
            tags.setdefault(key, content)
    title = root.query_selector("title")
    canonical = root.query_selector("link[rel~=canonical i][href]")
    scripts = root.query_selector_all('script[type*="ld+json" i]')[:]
    top = root.query_selector("html")
    return build_meta(tags, (s.text for s in scripts), title is not None and norm(title.text),
                      top.getattr("lang") if top is not None else None,
                      canonical.getattr("href") if canonical is not None else None)


# ------------------------------------------------------------------ rules on the lexbor tree
class LexborTree:
    """What extract.select_body and extract.take_out do to a page, on the lexbor tree."""

    def __init__(self, root):
        self.root = root

    def select(self, selector: str, context) -> list:
        """The elements a rule-file selector finds under context."""
        return fast_selector(selector).select(context)

    def has_text(self, el) -> bool:
        """el holds text (not only whitespace)."""
        return bool(el.text.strip())

    def attached(self, el) -> bool:
        """Still in the page (not inside an element taken out before)."""
        while el is not None:
            if el.type == NodeType.DOCUMENT:
                return True
            el = el.parent
        return False

    def encloses(self, el, inner) -> bool:
        """el holds inner."""
        return el.contains(inner)

    def middle(self, scope):
        """The first element of scope's second half (scope itself when it holds none):
        what LxmlTree.middle counts, found without counting the page."""
        inside = scope.query_selector_all("*")
        half = math.ceil(len(inside) / 2) - 1
        return inside[half] if half >= 0 else scope

    def before(self, el, middle) -> bool:
        """el opens before middle (an element holding it opens before it)."""
        chain_el, chain_mid = _ancestry(el), _ancestry(middle)
        for a, b in zip(chain_el, chain_mid):
            if a != b:           # siblings under the last common ancestor: which comes first
                sib = a.next_element
                while sib is not None and sib != b:
                    sib = sib.next_element
                return sib is not None
        return len(chain_el) < len(chain_mid)

    def lines(self, el) -> list[str]:
        """el's text, one line per block."""
        return [ln for ln in map(norm, el.inner_text.split("\n")) if ln]

    def link_texts(self, el) -> list[str]:
        """The text of every link inside el."""
        return [norm(a.text) for a in el.query_selector_all("a")[:]]

    def drop(self, el) -> None:
        """Take el out of the page."""
        el.remove()


def _ancestry(el) -> list:
    """el's ancestors from the top, then el."""
    chain = []
    while el is not None:
        chain.append(el)
        el = el.parent
    return chain[::-1]


# ------------------------------------------------------------------ the body's text
def extract_lines(tree: HTMLTree, body) -> list[str]:
    """The body's text (the main content when no rule named a body), one block per line."""
    page = tree.body
    container = body if body is not None else main_content(page) if page is not None else None
    if container is not None and page is not None and not container.contains(page):
        page.replace_children(container)
    if page is not None:
        drop_link_blocks(page)
    text = extract_plain_text(tree, preserve_formatting=True, main_content=False, alt_texts=False,
                              list_bullets=True, skip_elements=list(SKIP))
    lines = []
    for line in text.split("\n"):
        line = norm(line)
        if line:
            lines.append("- " + line[2:] if line.startswith("• ") else line)
    return lines
