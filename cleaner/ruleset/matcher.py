"""Rule patterns run only where they can match: a cheap, provably conservative
prefilter per pattern (made by ``prefilter.prefilter_for``), and ``Dispatch``.

Running a rule pattern costs a few microseconds even when it fails at once
(``regex``'s ``timeout=`` machinery alone is ~2 us a call), and every rule used
to run on every line. Most rules cannot match most lines: ``^(?:baca|simak)\\s+``
needs the line to start with "baca" or "simak". At load time each pattern is
parsed (with the standard library's regex parser, where the syntax means the
same thing in both engines) and a *necessary* condition is extracted
(``Prefilter``): strings one of which the line must start with or contain;
for a pattern anchored at the end, the characters the line may end with; for
a whole-line pattern, the characters it may hold. A line that fails the
condition cannot match, so the pattern is not run; a line that passes runs the
real pattern, with its timeout, exactly as before. When the extraction is not
sure (``regex``-only syntax, backreferences, classes such as ``\\p{L}`` in a
position that matters) the rule gets no condition and always runs: the
prefilter can make cleaning faster, never different. ``Dispatch`` indexes a
rule list by the first and last character of the line, so a line only meets
the rules whose condition its two ends allow.

Classes ``\\d`` and ``\\w`` count as their ASCII characters plus ``WILD`` (any
non-ASCII character they may match): a line starting, ending or holding a non-ASCII
word character is never ruled out on that character; one opening with "•" or "“" is
(``\\d`` cannot match them). An optional opening of list marks, dashes or spaces
("(?:[•·]\\s*)?") is stripped before the prefixes after it are compared (``skip``).

Case-insensitive literals are compared on a folded copy of the line:
``str.lower()`` after mapping the four non-ASCII letters that ``regex``'s
``(?i)`` treats as equal to ASCII ones (``_TWINS``). Only ASCII letters (and
characters without case) are used under ``(?i)``, so the folding is exact for
them.
"""
from __future__ import annotations

from typing import NamedTuple

from ..text.signals import SPACES  # noqa: F401 - re-exported: what regex's \s matches
from .prefilter import (  # noqa: F401 - CASELESS, WILD and the character sets are re-exported for the tests
    _DIGITS,
    _TWINS,
    _WORD,
    CASELESS,
    WILD,
    Prefilter,
    fold,
    prefilter_for,
)

# compiled pattern -> its Prefilter (or None): a pure function of the pattern, kept for the
# process (patterns compile once, at rule load or import); no page's state is kept here.
_PREFILTERS: dict = {}


def cached_prefilter(pattern) -> Prefilter | None:
    """:func:`prefilter_for`, remembered for the process (a worker forked after the rules
    were prepared finds every rule's prefilter made)."""
    try:
        return _PREFILTERS[pattern]
    except KeyError:
        if len(_PREFILTERS) > 10000:
            _PREFILTERS.clear()
        pf = _PREFILTERS[pattern] = prefilter_for(pattern)
        return pf


def may_match(pattern, text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (its prefilter)."""
    pf = cached_prefilter(pattern)
    if pf is None:
        return True
    return pf.passes(text, fold(text) if pf.folded else None)


# ------------------------------------------------------------------ dispatch
class Entry(NamedTuple):
    pos: int
    rule: object
    check: Prefilter | None   # None: the dispatch alone proves the condition
    span: bool                # the rule cuts spans (scope: span)
    zone: str | None          # None: any zone
    # a quick first test: the line's first two characters (of ``fold(line)`` when
    # ``two_folded``) are in ``two`` (None: no such test)
    two: frozenset | None = None
    two_folded: bool = False
    # the check is "the line (folded when ``two_folded``) starts with one of these", and
    # (``more``) its alphabet, last characters and skipped opening: Prefilter.passes is then the same as
    # ``startswith(starts) and (not more or passes)``, the cheap test first (None: call passes)
    starts: tuple | None = None
    more: bool = False
    # the check is only "the line (folded when ``two_folded``) contains one of these":
    # Prefilter.passes is then that loop, run without its call (None: call passes)
    needles: tuple | None = None


def _entry(pos: int, rule, check: Prefilter | None) -> Entry:
    two = starts = needles = None
    more = False
    if check is not None and check.prefixes and not check.contains and not check.free \
            and not check.nonascii_first:
        if all(len(p) >= 2 for p in check.prefixes):
            two = frozenset(p[:2] for p in check.prefixes)
        starts = check.prefixes
        more = check.alphabet is not None or check.last is not None or check.skip is not None
    elif check is not None and check.contains and not check.prefixes and not check.free \
            and not check.nonascii_first and check.alphabet is None and check.last is None \
            and check.skip is None:
        needles = check.contains
    return Entry(pos, rule, check, rule.scope == "span", None if rule.zone == "any" else rule.zone,
                 two, check.folded if check is not None else False, starts, more, needles)


class Dispatch:
    """The rules of one list, indexed by the first and last characters of the line.

    ``candidates(text, low)`` returns, in rule order, the entries that may
    match: a rule with prefixes is kept when the line starts with the first
    character of one of them, a rule with a last-character set when the line
    ends with one of them. The table per pair of characters is built on first use.
    """

    _TABLE_MAX = 16384

    def __init__(self, rules):
        # (entry, firsts, folded, non-ASCII first too, lasts, non-ASCII last too);
        # firsts/lasts None: no condition on that end
        self.entries: list[tuple] = []
        for pos, rule in enumerate(rules):
            pf = cached_prefilter(rule.pattern)
            if pf is None:
                self.entries.append((_entry(pos, rule, None), None, False, False, None, False))
                continue
            firsts = None
            if not pf.free and not pf.contains:
                firsts = frozenset(p[0] for p in pf.prefixes)
            # the two characters settle it unless longer prefixes, strings or an alphabet remain
            settled = firsts is not None and pf.alphabet is None and pf.skip is None \
                and all(len(p) == 1 for p in pf.prefixes)
            self.entries.append((_entry(pos, rule, None if settled else pf), firsts, pf.folded,
                                 pf.nonascii_first, pf.last, pf.last_wild))
        self._table: dict[tuple[str, str, str, str], tuple[Entry, ...]] = {}

    def candidates(self, text: str, low: str) -> tuple[Entry, ...]:
        """The entries whose prefilter the line's two ends allow, in rule order."""
        key = (low[:1], text[:1], low[-1:], text[-1:])
        got = self._table.get(key)
        if got is None:
            first_na, last_na = not key[1].isascii(), not key[3].isascii()
            got = tuple(
                e for e, firsts, folded, wild, lasts, last_wild in self.entries
                if (firsts is None or key[0 if folded else 1] in firsts or (wild and first_na))
                and (lasts is None or key[2 if folded else 3] in lasts or (last_wild and last_na)))
            if len(self._table) >= self._TABLE_MAX:
                self._table.clear()
            self._table[key] = got
        return got
