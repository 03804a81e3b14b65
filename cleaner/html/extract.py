"""Selecting the article in a parsed page, taking out what the outlet's ``html:``
rules name (keeping its text by kind), and extracting paragraphs (trafilatura,
jusText when it finds nothing)."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from ..model.record import DroppedLine
from ..ruleset.selectors import compile_selector
from .meta import norm

HEADER_CATEGORIES = ("section", "date", "byline", "editor")   # read, then stripped
# Captions every template marks the same way. Looked for inside the body only (on
# a whole page, teaser cards carry "caption" classes too); without a body rule,
# inside the one element HTML itself marks as the article, if there is one.
GENERIC_CAPTIONS = (".//figcaption", ".//*[contains(@class, 'caption')]")
ARTICLE_SCOPES = ("//*[@itemprop='articleBody']", "//article")
CAPTION_MAX_CHARS = 500          # a longer "caption" element is a container
# jusText's stopword-density thresholds (defaults 0.30/0.32 are tuned on English):
# whole-page jusText on the 10 reference pages scores mean F1 0.871 with the
# defaults, 0.920 with these (recall rises on 7 pages, precision falls on 4).
JUSTEXT_STOPWORDS = {"stopwords_low": 0.2, "stopwords_high": 0.25}
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
              "section", "table", "td", "th", "tr", "ul"}
BULLETS = " \t•·▪►»*-–—>"


@dataclass
class Taken:
    """What the outlet's html rules took out of the page, by kind."""
    above: list[str] = field(default_factory=list)   # credit lines for the text rules,
    below: list[str] = field(default_factory=list)   # on the side of the body they sat
    dates: list[str] = field(default_factory=list)
    section: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    dropped: list[DroppedLine] = field(default_factory=list)


def html_rules(cleaner, outlet) -> dict:
    """The nearest ``html:`` section along the outlet's ``extends`` chain (its
    selectors and categories were checked when the rule file loaded)."""
    owner = next((o for o in cleaner.ruleset.chain(outlet) if o.html), None)
    return owner.html if owner else {}


def select_body(root, rules: dict, tree=None):
    """The first body selector that matches exactly one element with text. ``tree``: how
    to work on the parsed page, as for :func:`take_out`."""
    tree = tree or LxmlTree(root)
    for sel in rules.get("body", []):
        found = [el for el in tree.select(sel, root) if tree.has_text(el)]
        if len(found) == 1:
            return found[0]
    return None


def take_out(root, body, rules: dict, rule_id: str, tree=None) -> Taken:
    """Remove what the rules name, keeping its text by kind. Header categories go
    first (they may sit inside a block stripped whole), then captions and related
    links, then the rest; an element inside one already taken is skipped. ``tree``:
    how to work on the parsed page (lxml's by default; html.fast.LexborTree)."""
    tree = tree or LxmlTree(root)
    taken, strip, own = Taken(), rules.get("strip", {}), f"{rule_id}:html."
    scope = body if body is not None else root
    # Where the body's middle is, for credits above or below it (only outlets that strip them).
    middle = tree.middle(scope) if {"byline", "editor"} & set(strip) else None
    article = body if body is not None else next(
        (found[0] for found in (tree.select(x, root) for x in ARTICLE_SCOPES) if len(found) == 1), None)
    order = [(c, strip[c], root, own + c) for c in HEADER_CATEGORIES if c in strip]
    order += [("caption", rules.get("captions", []), root, own + "captions"),
              ("crosslink", rules.get("related", []), root, own + "related"),
              ("caption", GENERIC_CAPTIONS if article is not None else (), article, "html:generic-caption")]
    order += [(c, sels, root, own + c) for c, sels in strip.items() if c not in HEADER_CATEGORIES]
    for category, selectors, context, where in order:
        for el in (el for sel in selectors for el in tree.select(sel, context)):
            if not tree.attached(el) or el == body or body is not None and tree.encloses(el, body):
                continue
            lines = tree.lines(el)
            text = " ".join(lines)
            if context is article and len(text) > CAPTION_MAX_CHARS:
                continue
            if category in ("byline", "editor"):
                side = taken.above if tree.before(el, middle) else taken.below
                side += [ln for ln in lines if ln not in side]
            elif category in ("date", "section"):
                (taken.dates if category == "date" else taken.section).extend(lines)
            elif category == "caption" and text:
                taken.captions.append(text)
            elif category == "crosslink":
                titles = tree.link_texts(el) or lines
                taken.related += [t.strip(BULLETS) for t in titles if t.strip(BULLETS)]
            if text and category not in HEADER_CATEGORIES:
                taken.dropped.append(DroppedLine(text, category, where))
            tree.drop(el)
    return taken


class LxmlTree:
    """What :func:`select_body` and :func:`take_out` do to a page, on an lxml tree (the
    trafilatura engine's)."""

    def __init__(self, root):
        self.root = root

    def select(self, selector: str, context) -> list:
        """The elements a rule-file selector finds under context."""
        return [el for el in compile_selector(selector)(context) if isinstance(el, etree._Element)]

    def has_text(self, el) -> bool:
        """el holds text (not only whitespace)."""
        return bool(norm(el.text_content()))

    def attached(self, el) -> bool:
        """Still in the page (not inside an element taken out before)."""
        return el.getroottree().getroot() is self.root

    def encloses(self, el, inner) -> bool:
        """el holds inner."""
        return el in inner.iterancestors()

    def middle(self, scope) -> float:
        """The middle of scope, in document order (how many elements open before it)."""
        return _position(scope) + len(scope.xpath(".//*")) / 2

    def before(self, el, middle: float) -> bool:
        """el opens before that middle."""
        return _position(el) < middle

    def lines(self, el) -> list[str]:
        """el's text, one line per block."""
        return _lines(el)

    def link_texts(self, el) -> list[str]:
        """The text of every link inside el."""
        return [norm(a.text_content()) for a in el.iter("a")]

    def drop(self, el) -> None:
        """Take el out of the page (its tail text stays)."""
        el.drop_tree()


def _position(el) -> int:
    """Document order: how many elements open before this one."""
    return int(el.xpath("count(preceding::*) + count(ancestor::*)"))


def extract_lines(scope, url: str | None) -> tuple[list[str], str]:
    """trafilatura on the body (or the page); jusText when it finds nothing."""
    # trafilatura and jusText load on the first HTML page: text-only use never pays for them.
    import justext
    import trafilatura
    tree = copy.deepcopy(scope)
    tree.tail = None
    # Balanced mode (neither favor_precision nor favor_recall): on the 10 pages
    # with reference text it scores mean F1 0.996 after the text rules, against
    # 0.983 with favor_precision (drops short real paragraphs) and 0.970 with
    # favor_recall (keeps widgets); re-measure on ../shared/html-samples before
    # changing it. No target_language: it silently drops Indonesian pages that
    # it takes for Malay.
    out = trafilatura.extract(tree, url=url, output_format="txt", include_comments=False,
                              include_tables=False, deduplicate=False)
    lines = [norm(ln) for ln in (out or "").splitlines() if ln.strip()]
    if lines:
        return lines, "trafilatura"
    paragraphs = justext.justext(etree.tostring(scope, encoding="unicode"),
                                 justext.get_stoplist("Indonesian"), **JUSTEXT_STOPWORDS)
    return [norm(p.text) for p in paragraphs if not p.is_boilerplate and p.text.strip()], "justext"


def _lines(el) -> list[str]:
    """An element's text, one line per block (a credit box's "Penulis" and
    "Editor" rows stay apart)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if node.tag in BLOCK_TAGS:
            parts.append("\n")
        if event == "start" and node.text:
            parts.append(node.text)
        elif event == "end" and node is not el and node.tail:
            parts.append(node.tail)
    return [t for t in map(norm, "".join(parts).split("\n")) if t]


def join_url(base: str, url: str) -> str:
    """``url`` resolved against ``base``; as given when it cannot be."""
    try:
        return urljoin(base, url)
    except ValueError:          # "http://[::1": a page's own URLs are data, not trusted
        return url
