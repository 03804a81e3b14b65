"""A pattern's prefilter: the necessary condition a line must meet for the pattern
to match, found by reading the pattern with the standard library's regex parser
(:func:`prefilter_for`; matcher.py says how it is used, and why it never changes
a verdict)."""
# size: one parse-tree walk (_Analyzer), the Prefilter it yields and its entry point,
# prefilter_for: split, each part would need the others' internals.
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ..text.signals import SPACES

try:  # Python >= 3.11
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# Non-ASCII characters that ``regex``'s case-insensitive matching (V0, simple
# case folding) treats as equal to an ASCII letter; checked over every code
# point by tests/test_matcher.py.
_TWINS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))

# Stands for a ``\p{..}``/``\P{..}`` class the standard parser does not know:
# one character, never used as a literal.
_PLACEHOLDER = "\ue000"
_UNKNOWN_CHAR = ord(_PLACEHOLDER)
# Non-ASCII characters without case that may stand in a case-insensitive literal:
# ``regex``'s (?i) matches each of them only with itself (checked by the tests).
CASELESS = frozenset("©®–—‘’“”…•·°×«»▪►")
# An escape, read left to right so "\\\\p" (a backslash, then "p") is not a class.
_ESCAPE = re.compile(r"\\(?:[pP](?:\{[^{}]*\}|[A-Za-z])|.)", re.S)
_QUANT = re.compile(r"\{\d*(?:,\d*)?\}")
_POSIX = re.compile(r"\[:\^?\w*:\]")

_ATOMIC = getattr(sre_c, "ATOMIC_GROUP", object())
_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", object()))
_SPACE_CATS = (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_UNI_SPACE)
# Stands for a non-ASCII character that \d or \w may match (the only classes that put it
# in a set: \d and \w are their ASCII characters plus WILD; every other class is listed or
# unknown). Strings holding it are cut there before use.
WILD = "\ue001"
_DIGIT_CATS = (sre_c.CATEGORY_DIGIT, sre_c.CATEGORY_UNI_DIGIT)
_WORD_CATS = (sre_c.CATEGORY_WORD, sre_c.CATEGORY_UNI_WORD)
_DIGITS = frozenset("0123456789" + WILD)
_WORD = frozenset("0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + WILD)
_WORD_FOLDED = frozenset("0123456789_abcdefghijklmnopqrstuvwxyz" + WILD)
# A character that ``\w`` (or ``\d``) may match: WILD may stand for it.
_WORD_CHAR = regex.compile(r"\w")

# Bounds that keep the string sets small (the cost is paid at load time only).
_MAX_SET = 128       # strings in one set
_MAX_CLASS = 100     # characters a class may expand to


def fold(text: str) -> str:
    """The line as case-insensitive literals are compared with it."""
    if not text.isascii():
        for char, twin in _TWINS:
            if char in text:
                text = text.replace(char, twin)
    return text.lower()


@dataclass(frozen=True, slots=True)
class Prefilter:
    """Necessary condition for a match. ``folded`` says which copy of the line the
    strings are compared with (``fold(line)`` or the line as it is).

    * ``alphabet``: for a pattern that must match the whole line, the characters
      it can match; a line with another one cannot match (``alphabet_wild``: any
      non-ASCII word character may match too: ``_wild``);
    * ``last``: for a pattern anchored at the end, the characters its match can
      end with;
    * ``skip``: for an anchored pattern opening with optional list marks, dashes or
      spaces, what the line starts with once its opening such characters are stripped;
    * and then, unless ``free``: the line starts with one of ``prefixes`` (or,
      with ``nonascii_first``, with a non-ASCII word character) or contains one of
      ``contains``.
    """
    folded: bool
    prefixes: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    nonascii_first: bool = False
    free: bool = False
    alphabet: str | None = None
    alphabet_wild: bool = False
    last: frozenset | None = None     # the line's last character is one of these
    last_wild: bool = False           # ... or any non-ASCII character
    # the line, less its leading characters in ``skip`` (list marks, dashes, spaces: what an
    # optional "(?:[•·]\s*)?" before the pattern's words can match), starts with one of
    # ``skip_prefixes`` (or, with ``skip_wild``, a non-ASCII word character); None: no such test
    skip: str | None = None
    skip_prefixes: tuple[str, ...] = ()
    skip_wild: bool = False

    def passes(self, text: str, low: str) -> bool:
        """False only when the line cannot match the pattern."""
        hay = low if self.folded else text
        if self.last is not None and hay[-1:] not in self.last and not (
                self.last_wild and _wild(text[-1:])):
            return False
        # (a line opening otherwise meets the prefixes below, which hold skip_prefixes)
        if self.skip is not None and hay[:1] in self.skip and not hay.lstrip(self.skip).startswith(
                self.skip_prefixes) and not (self.skip_wild and _wild(text.lstrip(self.skip)[:1])):
            return False
        if self.alphabet is not None:
            rest = hay.strip(self.alphabet)
            if rest and not (self.alphabet_wild and _all_wild(rest, self.alphabet)):
                return False
        if self.free:
            return True
        if self.nonascii_first and _wild(text[:1]):
            return True
        if self.prefixes and hay.startswith(self.prefixes):
            return True
        for s in self.contains:
            if s in hay:
                return True
        return False


def _wild(char: str) -> bool:
    """``char`` (one character, or "") is what WILD stands for: a non-ASCII character that
    ``\\w`` or ``\\d`` may match ("•" and "“" are not: a line opening with them does not
    meet a pattern whose first character is ``\\d``)."""
    return bool(char) and not char.isascii() and _WORD_CHAR.match(char) is not None


def _all_wild(rest: str, alphabet: str) -> bool:
    """Every character of ``rest`` (a line stripped of ``alphabet`` at both ends) outside
    ``alphabet`` is what WILD stands for. Its two ends are outside it: most lines fail there."""
    return _wild(rest[0]) and _wild(rest[-1]) and all(c in alphabet or _wild(c) for c in rest)


# ------------------------------------------------------------------ extraction
class _Unsure(Exception):
    """The parse holds something whose meaning we do not model: no prefilter."""


def _stdlib_source(src: str) -> str | None:
    """The pattern in standard-library syntax with the same meaning, or None."""
    text = _ESCAPE.sub(lambda m: _PLACEHOLDER if m.group(0)[1] in "pP" else m.group(0), src)
    bare = _ESCAPE.sub("", text)
    # `regex`-only syntax the standard parser would misread instead of refusing:
    # fuzzy constraints "{e<=1}" (it takes "{" as a literal) and POSIX classes.
    if _POSIX.search(bare) or "{" in _QUANT.sub("", bare):
        return None
    return text


# size: one recursive walk over the parsed pattern; its methods share the case flags and
# the string-set bounds, and splitting it would scatter that one walk over modules.
class _Analyzer:
    """Walks a standard-library parse tree. For each node it computes

    * ``F``: the finite set of strings the node can match, or None;
    * ``S``: a set of strings every match of the node starts with, or None;
    * ``R``: a set of strings one of which every match contains, or None.

    Strings are already in comparison form: folded (lower-case ASCII and
    case-less characters) when ``self.folded``, else as written.
    """

    def __init__(self, folded: bool):
        self.folded = folded

    # ---- single characters
    def char(self, code: int, icase: bool) -> str | None:
        if code == _UNKNOWN_CHAR or code == ord(WILD):
            return None
        c = chr(code)
        if not self.folded:
            return c
        if c.isascii():
            return c.lower()
        if icase:
            # under (?i) a non-ASCII character's case variants are not modelled,
            # except for a few symbols known to have none
            return c if c in CASELESS else None
        # case-sensitive, compared with the folded line: only characters lower() keeps
        if c.lower() == c and c.upper() == c and all(c != t for t, _ in _TWINS):
            return c
        return None

    def klass(self, items, icase: bool) -> set[str] | None:
        out = set()
        for op, av in items:
            if op is sre_c.LITERAL:
                c = self.char(av, icase)
                if c is None:
                    return None
                out.add(c)
            elif op is sre_c.RANGE:
                lo, hi = av
                if hi - lo >= _MAX_CLASS:
                    return None
                for code in range(lo, hi + 1):
                    c = self.char(code, icase)
                    if c is None:
                        return None
                    out.add(c)
            elif op is sre_c.CATEGORY and av in _SPACE_CATS:
                out |= SPACES
            elif op is sre_c.CATEGORY and av in _DIGIT_CATS:
                out |= _DIGITS
            elif op is sre_c.CATEGORY and av in _WORD_CATS:
                out |= _WORD_FOLDED if self.folded else _WORD
            else:  # NEGATE, other categories: not a finite list
                return None
            if len(out) > _MAX_CLASS:
                return None
        return out

    def group(self, av, icase: bool):
        """A group's nodes and whether they match ignoring case."""
        _group, add, dele, sub = av
        if (add | dele) & (sre_c.SRE_FLAG_VERBOSE | sre_c.SRE_FLAG_MULTILINE):
            raise _Unsure
        inner = (icase or bool(add & sre_c.SRE_FLAG_IGNORECASE)) and not dele & sre_c.SRE_FLAG_IGNORECASE
        if inner and not self.folded:
            raise _Unsure  # a (?i:...) group: the caller retries on the folded line
        return sub, inner

    # ---- last characters
    def last(self, nodes, icase: bool) -> set[str] | None:
        """The characters a match of ``nodes`` can end with, or None."""
        for op, av in reversed(list(nodes)):
            if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
                continue
            if op is sre_c.LITERAL:
                c = self.char(av, icase)
                return None if c is None else {c}
            if op is sre_c.IN:
                return self.klass(av, icase)
            if op in _REPEATS:
                return self.last(av[2], icase) if av[0] >= 1 else None
            if op is _ATOMIC:
                return self.last(av, icase)
            if op is sre_c.SUBPATTERN:
                sub, inner = self.group(av, icase)
                return self.last(sub, inner)
            if op is sre_c.BRANCH:
                out: set[str] = set()
                for alt in av[1]:
                    got = self.last(alt, icase)
                    if got is None:
                        return None
                    out |= got
                return out
            return None
        return None  # nothing but zero-width nodes: may be empty

    # ---- alphabets
    def alphabet(self, nodes, icase: bool) -> set[str] | None:
        """Every character a match of ``nodes`` can consume, or None."""
        out: set[str] = set()
        for op, av in nodes:
            if op is sre_c.LITERAL:
                c = self.char(av, icase)
                got = None if c is None else {c}
            elif op is sre_c.IN:
                got = self.klass(av, icase)
            elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.GROUPREF):
                continue  # zero width, or text the group already consumed
            elif op is sre_c.SUBPATTERN:
                sub, inner = self.group(av, icase)
                got = self.alphabet(sub, inner)
            elif op is _ATOMIC:
                got = self.alphabet(av, icase)
            elif op in _REPEATS:
                got = self.alphabet(av[2], icase)
            elif op is sre_c.BRANCH:
                got = set()
                for alt in av[1]:
                    a = self.alphabet(alt, icase)
                    if a is None:
                        return None
                    got |= a
            else:
                return None
            if got is None:
                return None
            out |= got
            if len(out) > 4 * _MAX_CLASS:
                return None
        return out

    # ---- sets of strings
    @staticmethod
    def product(a: set[str], b: set[str]) -> set[str] | None:
        if len(a) * len(b) > _MAX_SET:
            return None
        out = {x + y for x in a for y in b}
        return out if len(out) <= _MAX_SET else None

    @staticmethod
    def better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
        """The more selective of two candidate sets (None and sets holding "" are useless)."""
        def score(s):
            if not s or "" in s:
                return -1
            return min(len(x) for x in s) * 4 - len(s) / _MAX_SET
        return a if score(a) >= score(b) else b

    # ---- nodes
    def node(self, op, av, icase: bool):
        """(F, S, R, O) for one node; O: for a node that may match nothing (``x?``,
        ``x*``), the strings each of its non-empty matches starts with."""
        if op is sre_c.LITERAL:
            c = self.char(av, icase)
            f = None if c is None else {c}
            return f, f, f, None
        if op is sre_c.IN:
            f = self.klass(av, icase)
            return f, f, f, None
        if op in (sre_c.NOT_LITERAL, sre_c.ANY, sre_c.GROUPREF, sre_c.GROUPREF_EXISTS):
            return None, None, None, None
        if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            return {""}, {""}, None, None   # zero width: the match around it is unchanged
        if op is sre_c.SUBPATTERN:
            sub, inner = self.group(av, icase)
            return (*self.seq(sub, inner), None)
        if op is _ATOMIC:
            return (*self.seq(av, icase), None)
        if op is sre_c.BRANCH:
            parts = [self.seq(alt, icase) for alt in av[1]]
            f = self.union([p[0] for p in parts])
            s = self.union([p[1] for p in parts])
            # R: each alternative's best evidence; every one must have some
            r = self.union([self.better(p[2], p[1]) for p in parts], no_empty=True)
            return f, self.shrink(s), self.shrink(r), None
        if op in _REPEATS:
            lo, hi, sub = av
            f, s, r = self.seq(sub, icase)
            s = self.shrink(s)
            valid_s = s if s and "" not in s else None
            if lo == 0:
                if hi == 1 and f is not None:
                    return f | {""}, f | {""}, None, valid_s
                return None, None, None, valid_s
            if f is not None and hi <= 4:
                fs, acc = set(), {""}
                for k in range(1, hi + 1):
                    acc = self.product(acc, f)
                    if acc is None:
                        break
                    if k >= lo:
                        fs |= acc
                else:
                    if len(fs) <= _MAX_SET:
                        return fs, fs, fs, None
            return None, s, self.better(r, s), None
        raise _Unsure

    @staticmethod
    def shrink(strings: set[str] | None) -> set[str] | None:
        """A smaller set of prefixes of ``strings`` (as a condition: weaker, still necessary).

        Cutting a string to a prefix keeps both "starts with" and "contains"
        true; a string with another one of the set as its prefix adds nothing."""
        if not strings or "" in strings:
            return strings
        if len(strings) > 8:
            strings = {next((x[:i] for i in range(1, len(x)) if x[i] in SPACES), x) for x in strings}
        keep = sorted(strings)
        out, last = set(), None
        for x in keep:               # sorted: a prefix comes right before its extensions
            if last is not None and x.startswith(last):
                continue
            out.add(x)
            last = x
        return out

    @staticmethod
    def shrink_contained(strings: set[str]) -> set[str]:
        """For "contains one of": each string's longest piece without whitespace other
        than a plain space (a substring holds wherever the string does; "\\s" makes
        such variants), minus strings holding another one of the set."""
        pieces = {max(regex.split(r"[^\S ]", x), key=len) for x in strings}
        if "" in pieces:
            return strings
        return {x for x in pieces if not any(y != x and y in x for y in pieces)}

    @staticmethod
    def union(sets, no_empty: bool = False) -> set[str] | None:
        if any(x is None or (no_empty and (not x or "" in x)) for x in sets):
            return None
        u = set().union(*sets)
        return u if len(u) <= _MAX_SET else None

    def seq(self, nodes, icase: bool):
        """(F, S, R) for a sequence of nodes."""
        infos = [self.node(op, av, icase) for op, av in nodes]
        # R: a run of finite nodes matches one of a finite set of strings.
        cur: set[str] | None = {""}
        best: set[str] | None = None
        finite = True
        for f, s, r, _o in infos:
            if f is not None:
                nxt = self.product(cur, f)
                if nxt is not None:
                    cur = nxt
                    continue
            finite = False
            closing = self.product(cur, self.shrink(s)) if s is not None else None
            best = self.better(best, self.shrink(closing if closing is not None else cur))
            best = self.better(best, r)
            cur = {""}
        if finite:
            return cur, cur, cur
        best = self.better(best, self.shrink(cur))
        # S, right to left: what the rest of the sequence starts with.
        after: set[str] | None = {""}
        for f, s, _r, opt in reversed(infos):
            if f is not None:
                p = self.product(f, after) if after is not None else None
                after = p if p is not None else f
            elif opt is not None and after is not None:
                # an optional part: either it matched (starts with opt) or the rest starts here
                after = self.union([opt, after])
            else:
                after = s
            after = self.shrink(after)
        return None, after, best


def _cut_wild(pre: set[str], con: set[str]):
    """Strings in usable form: a prefix ends before WILD ("" then means: starts
    with a non-ASCII character); a contained string is its longest WILD-free piece."""
    prefixes, wild_first = set(), False
    for p in pre:
        q = p.split(WILD)[0]
        if q:
            prefixes.add(q)
        else:
            wild_first = True
    contains = {max(c.split(WILD), key=len) for c in con}
    if "" in contains:
        return None
    return prefixes, contains, wild_first


def _leading_skip(body, analyzer: _Analyzer, icase: bool):
    """(skip characters, prefixes, non-ASCII first) for an anchored sequence that opens
    with optional parts made of characters no word can hold ("(?:[•·]\\s*)?", "[-•·]?\\s*"):
    a match is some of those characters, then a string of the prefixes. None when the
    sequence has no such opening or what follows has no prefixes."""
    body = list(body)
    if body and body[0][0] is sre_c.BRANCH:
        # "^(?:[•·]\s*)?a|^b" parses as "^(?:(?:[•·]\s*)?a|b)": each alternative, then the rest
        out: tuple = (set(), set(), False)
        for alt in body[0][1][1]:
            got = _leading_skip([*alt, *body[1:]], analyzer, icase)
            if got is None:
                return None
            out = (out[0] | got[0], out[1] | got[1], out[2] or got[2])
        return out
    chars: set[str] = set()
    k = 0
    for op, av in body:
        if op not in _REPEATS or av[0] != 0:
            break
        a = analyzer.alphabet(av[2], icase)
        if not a or WILD in a or any(_WORD_CHAR.match(c) or c.lower() != c or c.upper() != c for c in a):
            break
        chars |= a
        k += 1
    _f, s, _r = analyzer.seq(body[k:], icase)
    if not s or "" in s:
        return None
    cut = _cut_wild(s, set())
    if cut is None:
        return None
    return chars, cut[0], cut[2]


def _top(nodes, analyzer: _Analyzer, icase: bool, multiline: bool):
    """(cond, alphabet, last, skip) for the whole pattern; cond is (prefixes, contains,
    nonascii_first) or None (no such condition), alphabet and last sets or None; skip is
    (_leading_skip's characters, prefixes, non-ASCII first) for every alternative
    together, or None."""
    nodes = list(nodes)
    if len(nodes) == 1 and nodes[0][0] is sre_c.BRANCH:
        pre, con, wild, alpha, last = set(), set(), False, set(), set()
        skip: tuple | None = (set(), set(), False)
        free = False
        for alt in nodes[0][1][1]:
            cond, a, z, k = _top(alt, analyzer, icase, multiline)
            last = None if z is None or last is None else last | z
            if cond is None:
                free = True
            else:
                pre |= cond[0]
                con |= cond[1]
                wild = wild or cond[2]
            alpha = None if a is None or alpha is None else alpha | a
            skip = None if k is None or skip is None else (skip[0] | k[0], skip[1] | k[1], skip[2] or k[2])
        return (None if free else (pre, con, wild)), alpha, last, skip
    if len(nodes) == 1 and nodes[0][0] is sre_c.SUBPATTERN:
        _g, add, dele, sub = nodes[0][1]
        if not (add | dele):
            return _top(sub, analyzer, icase, multiline)
    anchored = bool(nodes) and nodes[0][0] is sre_c.AT and (
        nodes[0][1] is sre_c.AT_BEGINNING_STRING or (nodes[0][1] is sre_c.AT_BEGINNING and not multiline))
    body = nodes[1:] if anchored else nodes
    _f, s, r = analyzer.seq(body, icase)
    skip = _leading_skip(body, analyzer, icase) if anchored else None
    cond = None
    if anchored and s and "" not in s:
        cond = _cut_wild(s, set())
    if cond is None and r and "" not in r:
        cond = _cut_wild(set(), r)
    ends = bool(body) and body[-1][0] is sre_c.AT and not multiline and \
        body[-1][1] in (sre_c.AT_END, sre_c.AT_END_STRING)
    alpha = None
    if anchored and ends:
        # The match is the whole text: every character of it is in the alphabet
        # ("$" also allows one final newline).
        alpha = analyzer.alphabet(body, icase)
        if alpha is not None and body[-1][1] is sre_c.AT_END:
            alpha.add("\n")
    last = None
    if ends:
        # The match ends the text (for "$": or one final newline follows it).
        last = analyzer.last(body[:-1], icase)
        if last is not None and body[-1][1] is sre_c.AT_END:
            last.add("\n")
    return cond, alpha, last, skip




def parse_for_prefilter(src: str, flags: int):
    """The standard library's parse of a pattern source (``sre_parse.parse``)."""
    return sre_parse.parse(src, flags)


def prefilter_for(pattern) -> Prefilter | None:
    """The necessary condition for ``pattern`` (a compiled ``regex`` pattern), or
    None when there is none we can prove."""
    if not isinstance(pattern.pattern, str):
        return None
    if pattern.flags & (regex.VERSION1 | regex.FULLCASE | regex.VERBOSE):
        return None
    src = _stdlib_source(pattern.pattern)
    if src is None:
        return None
    try:
        parsed = parse_for_prefilter(src, pattern.flags & (re.I | re.M | re.S))
    except Exception:  # noqa: BLE001 - any parse problem: no prefilter
        return None
    flags = parsed.state.flags
    if flags & sre_c.SRE_FLAG_VERBOSE:
        return None
    icase = bool(flags & sre_c.SRE_FLAG_IGNORECASE or pattern.flags & regex.IGNORECASE)
    multiline = bool(flags & sre_c.SRE_FLAG_MULTILINE or pattern.flags & regex.MULTILINE)
    for folded in ((True,) if icase else (False, True)):
        try:
            cond, alpha, last, skip = _top(parsed, _Analyzer(folded), icase, multiline)
        except _Unsure:
            continue
        except RecursionError:
            return None
        if cond is None and alpha is None and last is None:
            return None
        kw = {}
        if skip is not None and skip[0] and not any(p[:1] in skip[0] for p in skip[1]):
            # (a prefix opening with a skipped character would be stripped with them)
            kw.update(skip="".join(sorted(skip[0])), skip_prefixes=tuple(sorted(_Analyzer.shrink(skip[1]))),
                      skip_wild=skip[2])
        if alpha is not None:
            kw.update(alphabet="".join(sorted(alpha - {WILD})), alphabet_wild=WILD in alpha)
        if last is not None:
            kw.update(last=frozenset(last - {WILD}), last_wild=WILD in last)
        if cond is None:
            return Prefilter(folded=folded, free=True, **kw)
        pre, con, wild = cond
        pre = _Analyzer.shrink(pre)
        con = _Analyzer.shrink_contained(_Analyzer.shrink(con)) if con else con
        return Prefilter(folded=folded, prefixes=tuple(sorted(pre)), contains=tuple(sorted(con)),
                         nonascii_first=wild, **kw)
    return None
