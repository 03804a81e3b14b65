"""The fast engine's body, where no rule names it: the element that holds the most
paragraph text, found readability's way, and the blocks inside it that are mostly links.

The page's body is the element that holds the most paragraph text (readability's
scoring: each paragraph of 25+ characters scores 1, plus one per comma, plus one per
100 characters up to 3; the element that holds it gets the score, its parent half, the
one above a sixth; the best five are weighed by their share of text outside links). Its
siblings that score at least a fifth of it join it. Inside the body, boilerplate that
names itself (comments, share bars, related links, ads by class or id; navigation,
forms) is skipped; the text rules do the rest, as on any page.
"""
from __future__ import annotations

import re

from resiliparse.parse.html import NodeType

# Elements that open a block: a div holding none of these is a paragraph of its own.
BLOCKS = ("address, article, aside, blockquote, dd, div, dl, dt, fieldset, figure, footer, form, h1, h2, h3, "
          "h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, ul")
PARAGRAPHS = f"p, pre, div:not(:has({BLOCKS})), td:not(:has({BLOCKS}))"
MIN_PARAGRAPH = 25              # characters: shorter blocks are labels, buttons, dates
LEVELS = (1.0, 0.5, 1 / 6)      # the share of a paragraph's score for its holder and the two above
CANDIDATES = 5                  # best-scored containers weighed by their link text
SIBLING_SHARE = 0.2             # a sibling of the best container joins it from this share of its score
SIBLING_MIN = 10.0
SIBLING_P_CHARS, SIBLING_P_LINKS = 80, 0.25   # readability.js's test of a sibling <p> (_joins)
SENTENCE_END = re.compile(r"\.( |$)")
PART_SHARE = 0.75                # parts of an article: candidates scoring this share of the best
PART_MAX_LINKS = 0.5            # ... joined by their common ancestor unless it is mostly links
# Inside the body: elements whose markup says they are not the article. Class and id
# tests are substrings, case-insensitive.
SKIP = ("nav", "footer", "aside", "form", "button", "select", "iframe", "svg", "noscript",
        "[role=navigation]", "[role=complementary]", "[hidden]",
        "[id*=comment i]", "[class*=comment i]", "[class^=share i]", "[class*=social i]",
        "[class*=related i]", "[id*=related i]", "[class*=sidebar i]", "[class*=newsletter i]",
        "[class*=breadcrumb i]", "[class*=cookie i]")
# Blocks of which more than LINK_BLOCK_SHARE of the text is link text are dropped
# (unless they hold LINK_BLOCK_MAX of the body's text).
LINK_BLOCKS = "p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, div, section, ul, ol, table, nav, aside"
LINK_BLOCK_SHARE = 0.5
PRINTED_URL = ("http://", "https://", "www.")
LINK_BLOCK_MAX = 0.5
# The heading of a dropped link block goes with it (_heading_of).
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "strong", "b", "p", "header")
HEADING_MAX_WORDS = 8
# Paragraphs inside these do not vote for the body (the SKIP list, captions, consent
# banners; <body> and <html> do not count: "has-sidebar" on them is a layout), unless
# that leaves less than NOT_ARTICLE_GUARD of the page's paragraph text.
NOT_ARTICLE_GUARD = 0.3
NOT_ARTICLE = ", ".join(SKIP + ("figure", "figcaption", "[class*=caption i]", "[class*=consent i]",
                                "[id*=consent i]", "[id*=cookie i]", "[id*=sidebar i]"))


def drop_link_blocks(scope) -> None:
    """Blocks that are mostly link text (teasers, "more" lists, tag clouds) leave the
    body; one that holds most of its text stays (a list of links may be the article),
    and so does a labelled link ("Baca juga: <a>...</a>"): the text rules read those."""
    linked: dict = {}
    for a in scope.query_selector_all("a")[:]:
        text = a.text.strip()
        block = a.closest(LINK_BLOCKS) if text and not text.startswith(PRINTED_URL) else None
        if block is not None and block != scope:
            linked.setdefault(block, []).append(text)
    if not linked:
        return
    whole, emptied = len(scope.text), {}
    for block, links in linked.items():
        text = block.text.strip()
        if not text or sum(map(len, links)) / len(text) <= LINK_BLOCK_SHARE or len(text) >= LINK_BLOCK_MAX * whole:
            continue
        for link in links:
            text = text.replace(link, "", 1)
        if not text.strip().endswith(":"):
            parent = block.parent
            _drop_with_heading(block)
            if parent is not None and parent != scope:
                emptied[parent] = True
    for parent in emptied:           # a list whose every item left: the list, and its heading
        if parent.parent is not None and not parent.text.strip():
            _drop_with_heading(parent)


def _drop_with_heading(block) -> None:
    heading = _heading_of(block)
    block.remove()
    if heading is not None:
        heading.remove()


def _heading_of(block):
    """The element right above a block (an <hr> between them aside) when it reads as the
    block's heading: a few words, no link, no sentence's end, not a label ending with a
    colon. A list's heading leaves with it: left alone above the next paragraph,
    "BERITA REKOMENDASI" (okezone) is read by the text rules as the start of a
    recommendations tail, and the rest of the story goes with it."""
    prev = block.prev_element
    while prev is not None and prev.tag in ("hr", "br"):
        prev = prev.prev_element
    if prev is None or prev.tag not in HEADINGS or prev.query_selector("a, p, li") is not None:
        return None
    text = " ".join(prev.text.split())
    if not text or len(text.split()) > HEADING_MAX_WORDS or text.endswith((".", "!", "?", ":", '"', "”")):
        return None
    return prev


def main_content(page):
    """The element that holds the article's paragraphs (see the module's doc), or None."""
    return _choose(_paragraphs(page))


def _paragraphs(page) -> list[tuple]:
    """(holder, text) of every paragraph that votes for the body."""
    paragraphs = []          # (holder, text, outside boilerplate)
    _outside = _Outside(page)
    for p in page.query_selector_all(PARAGRAPHS)[:]:
        text = p.text.strip()
        if len(text) >= MIN_PARAGRAPH:
            paragraphs.append((p.parent, text, _outside(p)))
    # Text written straight into a container, paragraphs parted by <br>.
    seen = set()
    for br in page.query_selector_all("br")[:]:
        holder = br.parent
        if holder is None or holder in seen:
            continue
        seen.add(holder)
        if holder.tag in ("p", "pre", "td") or not holder.query_selector(BLOCKS):
            continue            # a paragraph already counted
        kept = _outside(holder)
        for node in holder.child_nodes[:]:
            if node.type == NodeType.TEXT:
                text = node.text.strip()
                if len(text) >= MIN_PARAGRAPH:
                    paragraphs.append((holder, text, kept))
    total = sum(len(text) for _, text, _ in paragraphs)
    kept = sum(len(text) for _, text, ok in paragraphs if ok)
    return [(holder, text) for holder, text, ok in paragraphs if ok or kept < NOT_ARTICLE_GUARD * total]


def _choose(paragraphs: list[tuple]):
    scores: dict = {}

    def add(holder, score: float) -> None:
        for share in LEVELS:
            if holder is None or holder.type != NodeType.ELEMENT or holder.tag in ("body", "html"):
                return
            scores[holder] = scores.get(holder, 0.0) + score * share
            holder = holder.parent

    for holder, text in paragraphs:
        add(holder, _score(text))
    if not scores:
        return None
    top = sorted(scores, key=scores.get, reverse=True)[:CANDIDATES]
    for el in top:
        scores[el] *= max(0.0, 1 - _link_share(el))
    top.sort(key=scores.get, reverse=True)
    best, best_score = top[0], scores[top[0]]
    if best_score <= 0:
        return None
    # An article in parts (text blocks between figures, ads, pull quotes): the nearest
    # element holding every part that scores at least half the best.
    parts = [el for el in top if scores[el] >= PART_SHARE * best_score]
    common = _common_ancestor(parts)
    if common is not None and common.tag not in ("body", "html") \
            and _link_share(common) < PART_MAX_LINKS:
        return common
    # A wrapper around the best element alone: climb, so its siblings can join it.
    while best.parent is not None and best.parent.type == NodeType.ELEMENT \
            and best.parent.tag not in ("body", "html") and best.parent.child_element_count == 1:
        best_score = max(best_score, scores.get(best.parent, 0.0))
        best = best.parent
    parent = best.parent
    threshold = max(SIBLING_MIN, best_score * SIBLING_SHARE)
    if parent is not None and parent.type == NodeType.ELEMENT and parent.tag not in ("body", "html"):
        joined = [ch for ch in parent.child_nodes[:] if ch.type == NodeType.ELEMENT
                  and (ch == best or _joins(ch, best, scores.get(ch, 0.0), best_score, threshold))]
        if len(joined) > 1:
            for ch in parent.child_nodes[:]:
                if ch not in joined and ch.type == NodeType.ELEMENT:
                    ch.remove()
            return parent
    return best


def _joins(sibling, best, score: float, best_score: float, threshold: float) -> bool:
    """readability.js's test of a sibling of the best container: its score (plus a fifth
    of the best's when it has the same class) reaches the threshold; or it is a <p> of
    more than 80 characters with under a quarter of them in links, or a shorter one
    without links that ends a sentence."""
    bonus = best_score * SIBLING_SHARE if sibling.class_name and sibling.class_name == best.class_name else 0.0
    if score + bonus >= threshold:
        return True
    if sibling.tag != "p":
        return False
    text = " ".join(sibling.text.split())
    if len(text) > SIBLING_P_CHARS:
        return _link_share(sibling) < SIBLING_P_LINKS
    return bool(text) and SENTENCE_END.search(text) is not None and not sibling.query_selector("a")


class _Outside:
    """Is an element outside every element NOT_ARTICLE names (<body> and <html> do not
    count)? The named elements are found once per page, and each ancestor's answer is
    remembered: paragraphs share their ancestors (el.closest(NOT_ARTICLE) for each
    paragraph matched the whole list at every level, 8% of the engine's time)."""

    def __init__(self, page):
        self.marked = {el for el in page.query_selector_all(NOT_ARTICLE)[:] if el.tag not in ("body", "html")}
        self.memo: dict = {}

    def __call__(self, el) -> bool:
        chain, answer = [], True
        while el is not None:
            if el in self.memo:
                answer = self.memo[el]
                break
            if el in self.marked:
                answer = False
                break
            chain.append(el)
            el = el.parent
        for seen in chain:
            self.memo[seen] = answer
        return answer


def _link_share(el) -> float:
    length = len(el.text) or 1
    return sum(len(a.text) for a in el.query_selector_all("a")[:]) / length


def _common_ancestor(els: list):
    """The nearest element that holds them all (None for fewer than two apart)."""
    if len(els) < 2:
        return None
    chains = []
    for el in els:
        chain = []
        while el is not None and el.type == NodeType.ELEMENT:
            chain.append(el)
            el = el.parent
        chains.append(chain[::-1])
    common = None
    for level in zip(*chains):
        if any(x != level[0] for x in level[1:]):
            break
        common = level[0]
    return common


def _score(text: str) -> float:
    return 1 + text.count(",") + min(len(text) // 100, 3)
