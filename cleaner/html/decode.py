"""HTML bytes to a parsed tree: the charset (a BOM, valid UTF-8, the declared
charset, charset-normalizer), then libxml2 without network or huge trees, pages
nested too deep flattened first."""
from __future__ import annotations

import codecs
import re
import sys

import lxml.html
import regex
from lxml import etree

from ..model.page import PageError
from ..text.encoding import BOM_CODECS, as_utf8, codec_name

# The HTML standard's prescan reads 1024 bytes for the declared charset; real
# pages put 10+ kB of scripts before their meta tags.
CHARSET_SCAN_BYTES = 16384
CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,40})"""
                        rb"""|<\?xml[^>]{0,100}encoding\s*=\s*["']([\w.:-]{2,40})""", re.I)


def decode_html(data: bytes) -> str:
    """The page's text (see :func:`decode_html_as`)."""
    return decode_html_as(data)[0]


def decode_html_as(data: bytes) -> tuple[str, str]:
    """(text, encoding): :func:`decode_html_page` without its warnings."""
    return decode_html_page(data)[:2]


def decode_html_page(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings). A BOM; else valid UTF-8 whatever the page declares
    (legacy bytes almost never form valid UTF-8, while "charset=iso-8859-1" on UTF-8
    pages is common), or UTF-8 but for a few invalid bytes (text/encoding.py's
    utf8_repaired: read as windows-1252, with a warning); else the declared charset;
    else charset-normalizer; else cp1252, replacing."""
    for bom, enc in BOM_CODECS.items():
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc, []
    utf8 = as_utf8(data)
    if utf8 is not None:
        return utf8
    declared = _declared_charset(data[:CHARSET_SCAN_BYTES])
    if declared:
        try:
            return data.decode(declared), declared, []
        except UnicodeError:         # idna and friends raise the base class
            pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is not None:
        return str(best), codec_name(best.encoding), []
    return data.decode("cp1252", errors="replace"), "cp1252", []


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


def parse_html(text: str, *, capped: bool = False) -> tuple[etree._Element, list[str]]:
    """No network, no huge trees (libxml2 then stops at 256 levels instead of
    following a hostile page down), no comments or processing instructions.
    libxml2 drops everything after the 256th level, the rest of the article
    too: such a page is parsed again with its deepest tags taken out (their
    text stays), and the errors say so. ``capped``: the caller already ran
    :func:`cap_attributes` on the text (clean_html does, for either engine)."""
    text, cut = (text, False) if capped else cap_attributes(text)
    root, errors = _parse(text)
    if any("Excessive depth" in e for e in errors):
        root, errors = _parse(flatten_deep(text))
        errors.append(FLATTENED)
    if cut:
        errors.append(ATTRIBUTES_CUT)
    return root, errors


# libxml2 checks each attribute of an element against every one before it: its time
# grows with the square of their number (0.3 s for 10,000 attributes on one element,
# 1.2 s for 20,000, minutes for 80,000). Real pages have a few dozen at most (19 in
# ../shared/html-samples). Past MAX_ATTRIBUTES on one element the rest are taken out
# before parsing: an element of 80,000 then parses in milliseconds. The scan reads
# attributes as the HTML standard's tokenizer does (names up to whitespace, "/", ">"
# or "="; values quoted or up to whitespace or ">"; a quoted value needs no space
# after it); it never backtracks (atomic groups: the standard library's re from
# Python 3.11, else the regex module), ~1.5 ms on a 150 kB page.
MAX_ATTRIBUTES = 1000
ATTRIBUTES_CUT = f"html: attributes past the {MAX_ATTRIBUTES}th of an element taken out before parsing"
_ATTR = r"""(?>[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+)"""


def attributes_pattern(limit: int):
    """A start tag with more than ``limit`` attributes; group 1 ends at the limit-th."""
    engine = re if sys.version_info >= (3, 11) else regex
    return engine.compile(rf"(<[A-Za-z][^\s/>]*+{_ATTR}{{{limit}}}){_ATTR}*+")


_MANY_ATTRIBUTES = attributes_pattern(MAX_ATTRIBUTES)


def cap_attributes(text: str) -> tuple[str, int]:
    """(the page with every element's attributes past the MAX_ATTRIBUTES-th taken out,
    how many elements had some)."""
    return _MANY_ATTRIBUTES.subn(r"\1", text)


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
