"""What an HTML page says about itself in ``<head>`` and JSON-LD (title, site names,
authors, keywords, dates, canonical URL)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

# Meta names that hold a person (dable:author: the recommendation widget's tag,
# which many Indonesian sites fill with the reporter) and names that do not.
AUTHOR_METAS = ("author", "article:author", "dable:author")
NOT_PEOPLE = {"admin", "administrator", "redaksi", "redaktur", "webmaster", "editor"}
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BlogPosting", "WebPage"}
DOMAIN_LIKE = re.compile(r"\w\.(?:com|co\.id|id|net|org|co)\b", re.I)
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


def read_meta(root) -> PageMeta:
    """The page's meta tags, JSON-LD article items, <title> and canonical link (an lxml tree)."""
    tags: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and norm(el.get("content") or ""):
            tags.setdefault(key, norm(el.get("content")))
    title = root.find(".//title")
    links = root.xpath("//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', "
                       "'canonical')), ' '), ' canonical ')]/@href")
    scripts = root.xpath("//script[contains(translate(@type, 'JSON', 'json'), 'ld+json')]")
    return build_meta(tags, (s.text or "" for s in scripts), title is not None and norm(title.text_content()),
                      root.get("lang"), links[0] if links else None)


def build_meta(tags: dict[str, str], json_ld: Iterable[str], title: str | None, lang: str | None,
               canonical: str | None) -> PageMeta:
    """PageMeta from what a parser read (both engines): the meta tags (first content per
    lower-cased property, name or itemprop, normalised), the JSON-LD blocks' texts, the
    <title>, <html lang> and the canonical link's href."""
    meta = PageMeta()
    for item in _json_ld(json_ld):
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
    meta.titles += [t for t in (tags.get("og:title"), title) if t]
    meta.site_names += [tags["og:site_name"]] if "og:site_name" in tags else []
    meta.authors += [tags[k] for k in AUTHOR_METAS if k in tags and "://" not in tags[k]]
    meta.keywords = meta.keywords or _split_keywords(tags.get("news_keywords") or tags.get("keywords"))
    meta.published = meta.published or _iso(tags.get("article:published_time"))
    meta.modified = meta.modified or _iso(tags.get("article:modified_time"))
    meta.og_url, meta.description, meta.lang = tags.get("og:url"), tags.get("og:description"), lang
    meta.canonical = canonical.strip() if canonical else None
    return meta


def _json_ld(texts: Iterable[str]):
    for text in texts:
        try:
            data = json.loads(text, strict=False)
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
    return [norm(v) for v in values if isinstance(v, str) and v.strip()]


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
    return m.group(1) if m and is_site(m.group(2), site_keys) else title


def site_keys(meta: PageMeta, host: str | None) -> set[str]:
    """The site's names, squashed: og:site_name, publisher, the host's labels."""
    labels = [lb for lb in (host or "").split(".")[:-1] if len(lb) >= 4]
    return {_squash(s) for s in (*meta.site_names, *labels) if _squash(s)}


def is_site(text: str, keys: set[str]) -> bool:
    """"Tribunnews.com", "Kompas Cyber Media", "PT VIVA MEDIA - VIVA.co.id" name
    the site; "Rina Suara" on suara.com names a person (prefixes only)."""
    squashed = _squash(text)
    return bool(squashed) and any(squashed.startswith(k) for k in keys) or bool(DOMAIN_LIKE.search(text))


def norm(text: str) -> str:
    """The text with runs of whitespace made one space, stripped."""
    return " ".join(text.split())


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def page_people(meta: PageMeta, keys: set[str]) -> list[str]:
    """The page's authors without the site's own name or a CMS account."""
    return [a for a in dict.fromkeys(meta.authors) if not is_site(a, keys) and a.lower() not in NOT_PEOPLE]
