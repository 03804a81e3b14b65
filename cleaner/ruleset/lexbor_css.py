"""Rule-file selectors on the lexbor tree of the fast HTML engine (cleaner/html/fast.py).

Rule files write selectors as CSS (selectors.py's subset, which is plain CSS: lexbor
runs it as written) or as XPath. lexbor has no XPath, so the XPath that rule files use is
translated here into lexbor CSS, plus a test in Python for what CSS cannot say (the
element's text):

    //a, .//a, (//a)[1], a | b       paths from the page (or the context element)
    / and //, child::, descendant::, following-sibling::     steps
    [@x] [@x='v'] [contains(@x, 'v')] [starts-with(@x, 'v')]  attributes
    [not(...)] [... and ...] [... or ...] [(...)]             logic
    [p] [./p] [.//p] [following-sibling::p] [descendant::p]   has such an element
    [preceding-sibling::p]                                    (as a plain condition only)
    [1] [2] [last()]                                          position among its kind
    [starts-with(normalize-space(.), 'v')] [contains(., 'v')] [normalize-space(.)='v']
    [. = 'v'] [contains(text(), 'v')]                         the element's text (last step only)

Anything else (other axes, functions, attribute results) is :class:`Unsupported`; the
fast engine then hands that outlet's pages to the trafilatura engine, which runs the
selector with lxml as written (and the record says so).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache


class Unsupported(ValueError):
    """XPath outside the translated subset."""


@dataclass(frozen=True)
class FastSelector:
    css: str                                   # lexbor CSS, relative to the context element
    test: Callable | None = None               # a check of each match that CSS cannot make
    first: bool = False                        # (...)[1]: only the first match, in document order

    def select(self, context) -> list:
        """The elements under context (a lexbor node) that the selector names, in document order."""
        found = context.query_selector_all(self.css)[:]
        if self.test is not None:
            found = [el for el in found if self.test(el)]
        return list(found[:1]) if self.first else list(found)


def fast_selector(selector: str) -> FastSelector:
    """The selector as lexbor CSS (raises Unsupported). Both answers are remembered per
    selector: an outlet whose XPath cannot be translated is not parsed again on each page."""
    found = _translate(selector)
    if isinstance(found, str):
        # A new exception each time: raising a kept one would grow its traceback page by page.
        raise Unsupported(found)
    return found


@lru_cache(maxsize=512)
def _translate(selector: str) -> FastSelector | str:
    """The selector as lexbor CSS, or why it cannot be (lru_cache keeps no exceptions)."""
    selector = selector.strip()
    if not selector.startswith(("/", ".//", "(")):
        return FastSelector(selector)           # CSS: as written
    try:
        return _Parser(selector).selector()
    except Unsupported as exc:
        return str(exc)


TOKEN = re.compile(r"""\s*(?:(?P<str>"[^"]*"|'[^']*')|(?P<num>\d+)|(?P<op>//|::|!=|\.\.|[/()\[\]@,|=*.])"""
                   r"""|(?P<name>[A-Za-z_][\w.-]*(?:-[\w.]+)*))""")
TEXT_FUNCS = {"normalize-space", "text", "string"}


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(el, normalize: bool) -> str:
    text = el.text or ""
    return " ".join(text.split()) if normalize else text


class _Parser:
    """Recursive descent over the XPath tokens; CSS comes out as it goes."""

    def __init__(self, src: str):
        self.src, self.toks, pos = src, [], 0
        while pos < len(src):
            m = TOKEN.match(src, pos)
            if not m or m.end() == pos:
                if src[pos:].strip():
                    raise Unsupported(f"cannot read XPath at {src[pos:]!r}")
                break
            kind = m.lastgroup
            self.toks.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0

    # -- tokens
    def peek(self, k: int = 0):
        return self.toks[self.i + k] if self.i + k < len(self.toks) else (None, None)

    def take(self, value=None):
        kind, val = self.peek()
        if kind is None or value is not None and val != value:
            raise Unsupported(f"expected {value!r} in {self.src!r}")
        self.i += 1
        return val

    def accept(self, value) -> bool:
        if self.peek()[1] == value and self.peek()[0] in ("op", "name"):
            self.i += 1
            return True
        return False

    # -- grammar
    def selector(self) -> FastSelector:
        first = False
        if self.accept("("):
            inner = self.union()
            self.take(")")
            self.take("[")
            if self.take() != "1":
                raise Unsupported("only (...)[1] is translated")
            self.take("]")
            first = True
        else:
            inner = self.union()
        if self.peek()[0] is not None:
            raise Unsupported(f"unexpected {self.peek()[1]!r} in {self.src!r}")
        css, tests = inner
        if len(css) > 1 and any(tests):
            raise Unsupported("a union with text tests")
        return FastSelector(", ".join(css), tests[0] if tests[0] else None, first)

    def union(self):
        css, tests = [], []
        while True:
            c, t = self.path()
            css.append(c)
            tests.append(t)
            if not self.accept("|"):
                return css, tests

    def path(self):
        """An absolute or .// path: CSS relative to the context, and a text test of the last step."""
        self.accept(".")
        if not self.accept("//"):
            raise Unsupported("paths start with //, .// or (")
        out, comb, test = "", "", None
        while True:
            if test is not None:
                raise Unsupported("a text test on a step before the last")
            comb, step_css, prefix, test = self.step(comb)
            out += comb + prefix + step_css
            if self.accept("//"):
                comb = " "
            elif self.accept("/"):
                comb = " > "
            else:
                return out, test

    def step(self, comb):
        """One step after combinator comb: (the combinator, compound CSS, a sibling prefix,
        a text test)."""
        kind, val = self.peek()
        if kind == "name" and self.peek(1)[1] == "::":
            axis = self.take()
            self.take("::")
            if axis == "following-sibling" and comb == " > ":
                comb = " ~ "
            elif axis not in ("child", "descendant") or axis == "descendant" and comb != " > ":
                raise Unsupported(f"axis {axis}::")
        name = self.take()
        if name != "*" and not re.fullmatch(r"[A-Za-z][\w-]*", name):
            raise Unsupported(f"node test {name!r}")
        css, prefix, tests = "" if name == "*" else name, "", []
        while self.accept("["):
            node = self.expr()
            self.take("]")
            if node[0] == "pos":
                kind = "-of-type" if name != "*" else "-child"
                css += f":last{kind}" if node[1] == "last" else f":nth{kind}({node[1]})"
            elif node[0] == "prec":
                prefix += node[1] + " ~ "
            elif _has_text(node):
                tests.append(_python(node))
            else:
                css += _css(node)
        if prefix and comb == " ~ ":
            raise Unsupported("preceding-sibling:: on a following-sibling:: step")
        test = (lambda el, ts=tuple(tests): all(t(el) for t in ts)) if tests else None
        return comb, css or "*", prefix, test

    def expr(self):
        node = self.and_expr()
        while self.accept("or"):
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self):
        node = self.unary()
        while self.accept("and"):
            node = ("and", node, self.unary())
        return node

    def unary(self):
        kind, val = self.peek()
        if kind == "name" and val == "not" and self.peek(1)[1] == "(":
            self.i += 2
            inner = self.expr()
            self.take(")")
            if inner[0] in ("prec", "pos"):
                raise Unsupported("not() of a position or a preceding sibling")
            return ("not", inner)
        if kind == "op" and val == "(":
            self.i += 1
            inner = self.expr()
            self.take(")")
            return inner
        return self.primary()

    def primary(self):
        kind, val = self.peek()
        if kind == "num":
            self.i += 1
            return ("pos", val)
        if kind == "op" and val == "@":
            self.i += 1
            attr = self.take()
            if self.accept("="):
                return ("attr", "=", attr, self.literal())
            return ("attr", "", attr, None)
        if kind == "name" and self.peek(1)[1] == "(":
            fn = self.take()
            self.take("(")
            if fn == "last":
                self.take(")")
                return ("pos", "last")
            if fn in ("contains", "starts-with"):
                target = self.operand()
                self.take(",")
                value = self.literal()
                self.take(")")
                op = "*=" if fn == "contains" else "^="
                if target[0] == "attr":
                    return ("attr", op, target[1], value)
                return ("text", op, target[1], value)
            if fn in TEXT_FUNCS:
                self.i -= 2
                target = self.operand()
                if not self.accept("="):
                    raise Unsupported(f"{fn}() without =")
                return ("text", "=", target[1], self.literal())
            raise Unsupported(f"function {fn}()")
        if kind == "op" and val == "." and self.peek(1)[1] == "=":
            self.i += 2
            return ("text", "=", False, self.literal())
        return self.relative()

    def operand(self):
        """@attr, ., text(), normalize-space(.|text()|), string(.): ("attr", name) or
        ("text", normalise?)."""
        if self.accept("@"):
            return ("attr", self.take())
        if self.accept("."):
            return ("text", False)
        kind, fn = self.peek()
        if kind == "name" and fn in TEXT_FUNCS and self.peek(1)[1] == "(":
            self.i += 2
            if fn != "text" and not self.accept(")"):
                inner = self.operand()
                self.take(")")
                if inner[0] != "text":
                    raise Unsupported(f"{fn}() of an attribute")
            elif fn == "text":
                self.take(")")
            return ("text", fn == "normalize-space")
        raise Unsupported(f"operand {fn!r}")

    def literal(self) -> str:
        kind, val = self.peek()
        if kind != "str":
            raise Unsupported("expected a quoted string")
        self.i += 1
        return val[1:-1]

    def relative(self):
        """A path in a predicate: an element it must have (or be preceded by)."""
        comb = " > "
        if self.accept("."):
            if self.accept("//"):
                comb = " "
            else:
                self.take("/")
        kind, val = self.peek()
        if kind == "name" and self.peek(1)[1] == "::":
            axis = self.take()
            self.take("::")
            comb = {"child": comb, "descendant": " ", "following-sibling": " ~ ",
                    "preceding-sibling": "prec"}.get(axis)
            if comb is None:
                raise Unsupported(f"axis {axis}::")
        if kind is None or kind == "op" and val not in ("*",):
            raise Unsupported(f"unexpected {val!r} in a predicate")
        css = ""
        step_comb = comb
        while True:
            _, step_css, prefix, test = self.step(" > ")
            if test is not None or prefix:
                raise Unsupported("text tests or sibling conditions inside a predicate path")
            css += step_css
            if self.accept("//"):
                css += " "
            elif self.accept("/"):
                css += " > "
            else:
                break
        if step_comb == "prec":
            if " " in css:
                raise Unsupported("a preceding-sibling path of more than one step")
            return ("prec", css)
        return ("has", f":has({step_comb.strip()} {css})" if step_comb.strip() else f":has({css})")


def _has_text(node) -> bool:
    if node[0] == "text":
        return True
    if node[0] in ("and", "or"):
        return _has_text(node[1]) or _has_text(node[2])
    return node[0] == "not" and _has_text(node[1])


def _css(node) -> str:
    kind = node[0]
    if kind == "attr":
        _, op, attr, value = node
        return f"[{attr}]" if not op else f"[{attr}{op}{_quote(value)}]"
    if kind == "has":
        return node[1]
    if kind == "not":
        return f":not({_css(node[1]) or '*'})"
    if kind == "and":
        return _css(node[1]) + _css(node[2])
    if kind == "or":
        return f":is({_css(node[1]) or '*'}, {_css(node[2]) or '*'})"
    raise Unsupported(f"{kind} inside and/or/not")


def _python(node) -> Callable:
    """A predicate with text tests, as a test of one element."""
    kind = node[0]
    if kind == "text":
        _, op, normalize, value = node
        if op == "=":
            return lambda el: _text(el, normalize) == value
        if op == "^=":
            return lambda el: _text(el, normalize).startswith(value)
        return lambda el: value in _text(el, normalize)
    if kind == "not":
        inner = _python(node[1])
        return lambda el: not inner(el)
    if kind in ("and", "or"):
        a, b = _python(node[1]), _python(node[2])
        return (lambda el: a(el) and b(el)) if kind == "and" else (lambda el: a(el) or b(el))
    css = _css(node)
    return lambda el: el.matches("*" + css)
