"""HTML pages -> Record: the HTML is only a better way into the same text path.

    decode -> parse -> page metadata -> outlet (from the page's URLs)
      -> select the body, take out what the outlet's ``html:`` rules name
      -> trafilatura (jusText if it finds nothing) -> one paragraph per line
      -> Cleaner.clean_text (the same rules as text dumps) -> fill metadata gaps

An outlet's ``html:`` section (``rules/<outlet>.yaml``) is data: ``body`` selectors
are tried in order; ``strip`` maps a category to selectors whose elements leave
the page before extraction; ``captions`` and ``related`` elements leave it too,
their text kept in the record. Header categories are read before they go:
byline/editor lines are handed to the text rules on the side of the body they
sat (credits are read exactly as in a text dump), date lines to
``dates.find_date``, a section label to the record. Nothing here knows an
outlet's markup.
"""
from __future__ import annotations

import codecs
import copy
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree

from . import dates
from .document import Doc
from .pipeline import _host, detect_outlet
from .readers import BOM_CODECS, PageError, codec_name
from .record import DroppedLine, Record
from .ruleset import RuleError

HEADER_CATEGORIES = ("section", "date", "byline", "editor")   # read, then stripped
# Captions every template marks the same way. Looked for inside the body only (on
# a whole page, teaser cards carry "caption" classes too); without a body rule,
# inside the one element HTML itself marks as the article, if there is one.
GENERIC_CAPTIONS = (".//figcaption", ".//*[contains(@class, 'caption')]")
ARTICLE_SCOPES = ("//*[@itemprop='articleBody']", "//article")
CAPTION_MAX_CHARS = 500          # a longer "caption" element is a container
# Meta names that hold a person (dable:author: the recommendation widget's tag,
# which many Indonesian sites fill with the reporter) and names that do not.
AUTHOR_METAS = ("author", "article:author", "dable:author")
NOT_PEOPLE = {"admin", "administrator", "redaksi", "redaktur", "webmaster", "editor"}
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BlogPosting", "WebPage"}
# The HTML standard's prescan reads 1024 bytes for the declared charset; real
# pages put 10+ kB of scripts before their meta tags.
CHARSET_SCAN_BYTES = 16384
CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,40})"""
                        rb"""|<\?xml[^>]{0,100}encoding\s*=\s*["']([\w.:-]{2,40})""", re.I)
# jusText's stopword-density thresholds (defaults 0.30/0.32 are tuned on English):
# whole-page jusText on the 10 reference pages scores mean F1 0.871 with the
# defaults, 0.920 with these (recall rises on 7 pages, precision falls on 4).
JUSTEXT_STOPWORDS = {"stopwords_low": 0.2, "stopwords_high": 0.25}
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
              "section", "table", "td", "th", "tr", "ul"}
DOMAIN_LIKE = re.compile(r"\w\.(?:com|co\.id|id|net|org|co)\b", re.I)
BULLETS = " \t•·▪►»*-–—>"
TITLE_SEP = re.compile(r"^(.{10,}?)\s+[-|–—:•»]\s+([^-|–—:•»]{2,60})$")


@dataclass
class PageMeta:
    """What the page says about itself in ``<head>`` and JSON-LD."""
    titles: list[str] = field(default_factory=list)      # JSON-LD headline, og:title, <title>
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD publisher
    authors: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    canonical: str | None = None
    og_url: str | None = None
    published: str | None = None
    modified: str | None = None
    description: str | None = None
    lang: str | None = None


# ------------------------------------------------------------------ decode, parse
def decode_html(data: bytes) -> str:
    return decode_html_as(data)[0]


def decode_html_as(data: bytes) -> tuple[str, str]:
    """(text, encoding). A BOM; else valid UTF-8 whatever the page declares (legacy
    bytes almost never form valid UTF-8, while "charset=iso-8859-1" on UTF-8 pages
    is common); else the declared charset; else charset-normalizer; else cp1252,
    replacing."""
    for bom, enc in BOM_CODECS.items():
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    declared = _declared_charset(data[:CHARSET_SCAN_BYTES])
    for enc in filter(None, ("utf-8", declared)):
        try:
            return data.decode(enc), enc
        except UnicodeError:         # idna and friends raise the base class
            pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is not None:
        return str(best), codec_name(best.encoding)
    return data.decode("cp1252", errors="replace"), "cp1252"


def _declared_charset(head: bytes) -> str | None:
    m = CHARSET_RE.search(head)
    try:
        info = codecs.lookup((m.group(1) or m.group(2)).decode("ascii")) if m else None
    except LookupError:
        return None
    if info is None or not info._is_text_encoding:     # "charset=base64", "rot13": not text
        return None
    name = info.name
    # The HTML standard reads latin-1 and ascii labels as windows-1252, and a
    # UTF-16 label on bytes without a BOM as UTF-8.
    return {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8",
            "utf-16-be": "utf-8", "utf-32": "utf-8", "utf-32-le": "utf-8", "utf-32-be": "utf-8"}.get(name, name)


def parse_html(text: str) -> tuple[etree._Element, list[str]]:
    """No network, no huge trees (libxml2 then stops at 256 levels instead of
    following a hostile page down), no comments or processing instructions.
    libxml2 drops everything after the 256th level, the rest of the article
    too: such a page is parsed again with its deepest tags taken out (their
    text stays), and the errors say so."""
    root, errors = _parse(text)
    if any("Excessive depth" in e for e in errors):
        root, errors = _parse(flatten_deep(text))
        errors.append(FLATTENED)
    return root, errors


FLATTEN_DEPTH = 200          # below libxml2's 256, with room for what the parser adds
TAG = re.compile(r"<(/?)([a-zA-Z][\w:.-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
FLATTENED = f"html: nesting deeper than {FLATTEN_DEPTH} levels flattened (libxml2 stops at 256)"
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
             "track", "wbr"}


def flatten_deep(text: str) -> str:
    """Remove the tags (not the text) of elements opened more than FLATTEN_DEPTH
    levels deep. One pass, counting open and close tags as written."""
    out, pos, depth = [], 0, 0
    for m in TAG.finditer(text):
        closing, name = m.group(1), m.group(2).lower()
        if name in VOID_TAGS or m.group(0).endswith("/>"):
            continue
        if closing:
            keep = depth <= FLATTEN_DEPTH
            depth = max(0, depth - 1)
        else:
            depth += 1
            keep = depth <= FLATTEN_DEPTH
        if not keep:
            out.append(text[pos:m.start()])
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


# Characters libxml2 parses but lxml refuses to set back into a tree (drop_tree
# moves a tail text): C0 controls but tab and line ends, U+FFFE/FFFF, surrogates.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _parse(text: str) -> tuple[etree._Element, list[str]]:
    text = NOT_XML.sub(" ", text)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise PageError(f"not parseable as HTML: {exc}") from None
    return root, [e.message for e in parser.error_log]


# ------------------------------------------------------------------ metadata
def read_meta(root) -> PageMeta:
    meta, tags = PageMeta(), {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and _norm(el.get("content") or ""):
            tags.setdefault(key, _norm(el.get("content")))
    for item in _json_ld(root):
        types = item.get("@type") if isinstance(item.get("@type"), list) else [item.get("@type")]
        if not ARTICLE_TYPES.intersection(t for t in types if isinstance(t, str)):
            continue
        meta.titles += _strings(item.get("headline"))
        meta.published = meta.published or _iso(item.get("datePublished"))
        meta.modified = meta.modified or _iso(item.get("dateModified"))
        meta.site_names += _strings(item.get("publisher"))
        meta.authors += [a for a in _strings(item.get("author")) if a not in meta.authors]
        kw = item.get("keywords")
        meta.keywords = meta.keywords or _split_keywords(", ".join(_strings(kw)))
    title = root.find(".//title")
    meta.titles += [t for t in (tags.get("og:title"), title is not None and _norm(title.text_content())) if t]
    meta.site_names += [tags["og:site_name"]] if "og:site_name" in tags else []
    meta.authors += [tags[k] for k in AUTHOR_METAS if k in tags and "://" not in tags[k]]
    meta.keywords = meta.keywords or _split_keywords(tags.get("news_keywords") or tags.get("keywords"))
    meta.published = meta.published or _iso(tags.get("article:published_time"))
    meta.modified = meta.modified or _iso(tags.get("article:modified_time"))
    meta.og_url, meta.description, meta.lang = tags.get("og:url"), tags.get("og:description"), root.get("lang")
    links = root.xpath("//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', "
                       "'canonical')), ' '), ' canonical ')]/@href")
    meta.canonical = links[0].strip() if links else None
    return meta


def _json_ld(root):
    for script in root.xpath("//script[contains(translate(@type, 'JSON', 'json'), 'ld+json')]"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue          # broken (or hostile, deeply nested) blocks: the page's other metadata still counts
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                yield from (g for g in graph if isinstance(g, dict)) if isinstance(graph, list) else ()


def _strings(value) -> list[str]:
    """JSON-LD's "a string, a {name: ...} or a list of either"."""
    values = value if isinstance(value, list) else [value]
    values = [v.get("name") if isinstance(v, dict) else v for v in values]
    return [_norm(v) for v in values if isinstance(v, str) and v.strip()]


def _split_keywords(value: str | None) -> list[str]:
    return list(dict.fromkeys(k for k in re.split(r"\s*[,;]\s*", (value or "").strip()) if k))


def _iso(value) -> str | None:
    """ISO 8601 with the offset the page gives; "+0700" becomes "+07:00"."""
    try:
        dt = datetime.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        return None
    return dt.date().isoformat() if len(value.strip()) <= 10 else dt.isoformat(timespec="seconds")


def clean_title(meta: PageMeta, site_keys: set[str]) -> str | None:
    """The headline without the " - Site" that <title> and og:title append."""
    title = meta.titles[0] if meta.titles else None
    m = TITLE_SEP.match(title or "")
    return m.group(1) if m and _is_site(m.group(2), site_keys) else title


def _site_keys(meta: PageMeta, host: str | None) -> set[str]:
    """The site's names, squashed: og:site_name, publisher, the host's labels."""
    labels = [lb for lb in (host or "").split(".")[:-1] if len(lb) >= 4]
    return {_squash(s) for s in (*meta.site_names, *labels) if _squash(s)}


def _is_site(text: str, keys: set[str]) -> bool:
    """"Tribunnews.com", "Kompas Cyber Media", "PT VIVA MEDIA - VIVA.co.id" name
    the site; "Rina Suara" on suara.com names a person (prefixes only)."""
    squashed = _squash(text)
    return bool(squashed) and any(squashed.startswith(k) for k in keys) or bool(DOMAIN_LIKE.search(text))


# ------------------------------------------------------------------ selectors
@lru_cache(maxsize=512)
def compile_selector(selector: str) -> etree.XPath:
    """XPath (starting with / or .//) as written; CSS limited to what rule files
    need (tag, .class, #id, [attr], [attr=v], [attr*=v], [attr^=v], descendant
    and child combinators, comma lists), translated here: no cssselect needed."""
    src = selector if selector.startswith(("/", ".//", "(")) else _css_to_xpath(selector)
    try:
        return etree.XPath(src)
    except etree.XPathSyntaxError as exc:
        raise RuleError(f"selector {selector!r}: {exc}") from None


CSS_TOKEN = re.compile(r"\s*(>)\s*|\s+|([\w*-]+)|\.([\w-]+)|#([\w-]+)"
                       r"|\[\s*([\w:-]+)\s*(?:([*^]?=)\s*[\"']?([^\"'\]]*)[\"']?\s*)?\]")


def _css_to_xpath(css: str) -> str:
    paths = []
    for part in css.split(","):
        xp, axis, pos, part = "", "//", 0, part.strip()
        while pos < len(part):
            m = CSS_TOKEN.match(part, pos)
            if not m or m.end() == pos:
                raise RuleError(f"selector {css!r}: unsupported CSS at {part[pos:]!r} (write it as XPath)")
            pos = m.end()
            child, tag, cls, ident, attr, op, val = m.groups()
            if child or not any(m.groups()):             # a combinator: child or descendant
                axis = "/" if child else "//"
                continue
            if tag and not axis:
                raise RuleError(f"selector {css!r}: tag name {tag!r} must come first")
            xp, axis = xp + axis + (tag or "*" if axis else ""), ""
            if cls:
                xp += f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"
            elif ident:
                xp += f"[@id='{ident}']"
            elif attr:
                xp += {None: f"[@{attr}]", "=": f"[@{attr}='{val}']", "*=": f"[contains(@{attr}, '{val}')]",
                       "^=": f"[starts-with(@{attr}, '{val}')]"}[op]
        paths.append(xp)
    return " | ".join(paths)


# ------------------------------------------------------------------ extraction
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


def select_body(root, rules: dict):
    """The first body selector that matches exactly one element with text."""
    for sel in rules.get("body", []):
        found = [el for el in compile_selector(sel)(root)
                 if isinstance(el, etree._Element) and _norm(el.text_content())]
        if len(found) == 1:
            return found[0]
    return None


def take_out(root, body, rules: dict, rule_id: str) -> Taken:
    """Remove what the rules name, keeping its text by kind. Header categories go
    first (they may sit inside a block stripped whole), then captions and related
    links, then the rest; an element inside one already taken is skipped."""
    taken, strip, own = Taken(), rules.get("strip", {}), f"{rule_id}:html."
    scope = body if body is not None else root
    middle = _position(scope) + len(scope.xpath(".//*")) / 2
    article = body if body is not None else next(
        (found[0] for found in (root.xpath(x) for x in ARTICLE_SCOPES) if len(found) == 1), None)
    order = [(c, strip[c], root, own + c) for c in HEADER_CATEGORIES if c in strip]
    order += [("caption", rules.get("captions", []), root, own + "captions"),
              ("crosslink", rules.get("related", []), root, own + "related"),
              ("caption", GENERIC_CAPTIONS if article is not None else (), article, "html:generic-caption")]
    order += [(c, sels, root, own + c) for c, sels in strip.items() if c not in HEADER_CATEGORIES]
    for category, selectors, context, where in order:
        for el in (el for sel in selectors for el in compile_selector(sel)(context)):
            if not isinstance(el, etree._Element) or el.getroottree().getroot() is not root \
                    or el is body or body is not None and el in body.iterancestors():
                continue
            lines = _lines(el)
            text = " ".join(lines)
            if context is article and len(text) > CAPTION_MAX_CHARS:
                continue
            if category in ("byline", "editor"):
                side = taken.above if _position(el) < middle else taken.below
                side += [ln for ln in lines if ln not in side]
            elif category in ("date", "section"):
                (taken.dates if category == "date" else taken.section).extend(lines)
            elif category == "caption" and text:
                taken.captions.append(text)
            elif category == "crosslink":
                titles = [_norm(a.text_content()) for a in el.iter("a")] or lines
                taken.related += [t.strip(BULLETS) for t in titles if t.strip(BULLETS)]
            if text and category not in HEADER_CATEGORIES:
                taken.dropped.append(DroppedLine(text, category, where))
            el.drop_tree()
    return taken


def _position(el) -> int:
    """Document order: how many elements open before this one."""
    return int(el.xpath("count(preceding::*) + count(ancestor::*)"))


def extract_lines(scope, url: str | None) -> tuple[list[str], str]:
    """trafilatura on the body (or the page); jusText when it finds nothing."""
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
    lines = [_norm(ln) for ln in (out or "").splitlines() if ln.strip()]
    if lines:
        return lines, "trafilatura"
    import justext
    paragraphs = justext.justext(etree.tostring(scope, encoding="unicode"),
                                 justext.get_stoplist("Indonesian"), **JUSTEXT_STOPWORDS)
    return [_norm(p.text) for p in paragraphs if not p.is_boilerplate and p.text.strip()], "justext"


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
    return [t for t in map(_norm, "".join(parts).split("\n")) if t]


def _join(base: str, url: str) -> str:
    try:
        return urljoin(base, url)
    except ValueError:          # "http://[::1": a page's own URLs are data, not trusted
        return url


def _norm(text: str) -> str:
    return " ".join(text.split())


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


# ------------------------------------------------------------------ the page
def clean_html(cleaner, html: str | bytes, *, url: str | None = None, source: str | None = None) -> Record:
    """One HTML page (bytes: decoded here, honouring its declared charset)."""
    text, encoding = decode_html_as(html) if isinstance(html, bytes) else (html, None)
    try:
        record = _clean(cleaner, text, url, source)
    except RecursionError:
        raise PageError("page too deeply nested to extract (RecursionError)") from None
    record.metadata.encoding = encoding
    return record


def _clean(cleaner, text: str, url: str | None, source: str | None) -> Record:
    root, parse_errors = parse_html(text)
    meta = read_meta(root)
    base = url or meta.og_url
    canonical = _join(base, meta.canonical) if base and meta.canonical else meta.canonical
    urls = [u for u in (canonical, meta.og_url, url) if u and u.startswith(("http://", "https://"))]
    page_url = urls[0] if urls else url
    outlet = None
    for u in urls:               # the pipeline's own detection, on each URL the page gives
        doc = Doc(source=source or "", text="", url=u)
        detect_outlet(doc, cleaner.ruleset, cleaner.options)
        if doc.outlet is not None:
            outlet = doc.outlet
            break
    rules = html_rules(cleaner, outlet) if outlet else {}
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    body, warnings = select_body(root, rules), []
    if rules.get("body") and body is None:
        if rules.get("fallback") == "none":
            raise PageError(f"no html.body selector of outlet {outlet.id!r} matched (fallback: none)")
        warnings.append(f"html: no body selector of {outlet.id} matched; extracted from the whole page")
    taken = take_out(root, body, rules, outlet.id if outlet else "html")
    lines, extractor = extract_lines(body if body is not None else root, page_url)
    if not lines:
        raise PageError("no article text found (trafilatura and jusText both empty)")
    if FLATTENED in parse_errors:
        warnings.append(FLATTENED)
    if extractor != "trafilatura":
        warnings.append("html: trafilatura found no text; paragraphs from jusText")
    keys = _site_keys(meta, _host(page_url))
    title = clean_title(meta, keys)
    # The title line anchors the text rules' header (title repeats, date lines)
    # when the whole page was extracted. Above a rule-selected body it would only
    # invent a header: the first paragraph would be taken for a standfirst.
    head = [title] if title and body is None and title not in lines[:5] else []
    record = cleaner.clean_text("\n".join(head + taken.above + lines + taken.below), url=page_url,
                                source=source, outlet=outlet.id if outlet else None)
    _fill(record, meta, title, taken, keys, outlet.timezone if outlet else None)
    record.metadata.warnings += warnings
    return record


def _fill(record: Record, meta: PageMeta, title: str | None, taken: Taken, keys: set[str],
          tz: str | None) -> None:
    """HTML metadata where the text rules found nothing; what the html rules took out."""
    md = record.metadata
    md.title = md.title or title
    found = (dates.find_date(line, default_tz=tz) for line in taken.dates)
    md.published = md.published or meta.published or next((d.value for d in found if d), None)
    md.section = md.section or next(iter(taken.section), None)
    # The site's own name or a CMS account in an author field is not an author.
    md.authors = md.authors or [a for a in dict.fromkeys(meta.authors)
                                if not _is_site(a, keys) and a.lower() not in NOT_PEOPLE]
    md.tags = md.tags or meta.keywords
    md.captions = list(dict.fromkeys(md.captions + taken.captions))
    md.related = list(dict.fromkeys(md.related + taken.related))
    for line in taken.dropped:
        md.dropped[line.category] = md.dropped.get(line.category, 0) + 1
    md.dropped = dict(sorted(md.dropped.items()))
    if md.dropped_lines is not None:      # keep_dropped: every stripped element accounted for
        md.dropped_lines = taken.dropped + md.dropped_lines
