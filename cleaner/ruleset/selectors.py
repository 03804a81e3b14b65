"""HTML selectors of rule files (``html:`` sections): XPath as written, or the CSS
subset rule files need, translated to XPath here (no cssselect needed)."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .model import RuleError


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
