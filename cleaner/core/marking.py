"""Applying rule patterns to lines: line, span and to_end scopes.

Every pattern runs with a timeout (``regex``'s ``timeout=``): a user pattern that
backtracks catastrophically is reported on the document and skipped for that
page; the page still comes out. A pattern only runs on the lines that pass its
prefilter (``ruleset/matcher.py``): a necessary condition, so the verdicts are the same.
"""
from __future__ import annotations

import functools
import weakref

import regex

from ..model.document import Doc, Line
from ..model.fields import LIST_FIELDS
from ..ruleset.matcher import Dispatch, fold
from ..ruleset.model import PATTERN_TIMEOUT, Rule
from ..text import dates
from ..text.byline import LABELS, strip_date
from ..text.signals import MEMO_MAX, WORD_CHAR, active_cache, memo_slot

# Separators between several names on one byline ("A, B dan C", "A & B").
NAME_SPLIT = regex.compile(r"\s*(?:,|;|&|\bdan\b|\band\b)\s*")
# A slash between two writers ("Pewarta: Abdul Hakim/Hanif Nashrullah": Antara, R) or before
# the editor's initials ("Arnold H Sianturi / FMB": beritasatu), which name nobody.
SLASH = regex.compile(r"\s*/\s*")
DESK_CODE = regex.compile(r"^\p{Lu}{1,4}(?:-?\d{1,3})?$")
TRIM = " \t|:;,-–—()[]/"
TAG_SPLIT = regex.compile(r"\s*[,;|#]\s*")


def _slashed(part: str) -> list[str]:
    """One byline part split at its slashes when each piece is a capitalised name, a desk's
    initials after the first left out; "bbn/maw" (desk codes only, beritabali) as printed."""
    pieces = SLASH.split(part) if "/" in part else [part]
    if len(pieces) == 1:
        return pieces
    kept = pieces[:1] + [q for q in pieces[1:] if not DESK_CODE.match(q.strip(TRIM))]
    return kept if all(q.strip(TRIM)[:1].isupper() for q in kept) else [part]


def _without_view_counter(value: str) -> str:
    """The names without a view counter run into their end (dates.VIEW_COUNTER: "-Bintan-85
    views", the theme's next field, a Riau Islands site of AY)."""
    m = dates.VIEW_COUNTER.search(value)
    return value[:m.start()].rstrip(" -–") if m is not None and not value[m.end():].strip() else value


def split_names(value: str) -> list[str]:
    """The names of a byline ("A, B dan C", "A/B"), trimmed, desk codes after a slash left out
    ("A / FMB"), a view counter after them too; longer than 80 characters, or a credit's own
    label ("• account_circle Penulis", the name left empty: AY), is no name."""
    value = _without_view_counter(value)
    parts = [tidy_name(p) for part in NAME_SPLIT.split(value) for p in _slashed(part)]
    return [p for p in parts if p and len(p) <= 80 and p.casefold() not in LABELS]


# A full stop after a name's last word ("Reporter: Dewi Sari."), not after an initial
# ("Budi S.") or a short title ("Jr."): the sentence's, not the name's.
_NAME_STOP = regex.compile(r"(?<=\p{L}{3})\.$")


# A role or an outlet in brackets after the name ("Penulis: Name (Tenaga Ahli Peliputan)", a
# regency portal of BN; "Name (Tribun Jogja)"): not the name's, as byline.parse_credit reads it.
_ROLE_AFTER = regex.compile(r"(?<=\S)\s*\([^()]{1,60}\)\s*$")


def tidy_name(value: str) -> str:
    """A captured name, trimmed of separators and of a closing full stop."""
    return _NAME_STOP.sub("", value.strip(TRIM)).strip(TRIM)


def _captures(doc: Doc, rule: Rule, match: regex.Match) -> None:
    for name, value in match.groupdict().items():
        if value is None:
            continue
        value = " ".join(value.split())
        if name in ("authors", "editor"):
            value = _ROLE_AFTER.sub("", value)     # before the trim below takes its ")"
        value = value.strip(TRIM if name != "dateline" else " \t")
        if not value:
            continue
        if name == "authors":
            # a date after the names, and the words leading to it ("by : On Januari 05, 2019")
            names = split_names(strip_date(value))
            if names:
                doc.set_meta("authors", names, rule.qualified_id)
        elif name == "tags":
            doc.set_meta("tags", [t for t in TAG_SPLIT.split(value) if t], rule.qualified_id)
        elif name in LIST_FIELDS:
            doc.set_meta(name, [value], rule.qualified_id)
        else:
            doc.set_meta(name, tidy_name(value) if name == "editor" else value, rule.qualified_id)


def run(doc: Doc, rule: Rule, fn: str, *args):
    """Call ``rule.pattern.<fn>`` with the timeout; None (and a warning) on timeout.
    After its first timeout the rule is off for the rest of the page, so a page
    of many lines costs one timeout per bad rule, not one per line."""
    return _timed(doc, lambda: f"rule {rule.qualified_id} timed out ({PATTERN_TIMEOUT} s on one line: "
                               "a backtracking pattern or a huge line); skipped for the rest of this page",
                  rule.pattern, fn, *args)


def _timed(doc: Doc, message, pattern: regex.Pattern, fn: str, *args):
    """``pattern.<fn>(*args)`` with the timeout, unless ``message()`` is already among
    the page's warnings (the pattern timed out earlier on this page); on a timeout
    the message is added and None returned."""
    if doc.warnings and message() in doc.warnings:
        return None
    try:
        found = getattr(pattern, fn)(*args, timeout=PATTERN_TIMEOUT)
        # finditer is lazy: the timeout strikes while its matches are taken.
        return list(found) if fn == "finditer" else found
    except TimeoutError:
        doc.warnings.append(message())
        return None


@functools.lru_cache(maxsize=1024)
def _guard_message(pattern: regex.Pattern, what: str) -> str:
    """The warning of a guarded pattern that timed out (the same text on every pass)."""
    return (f"{what} pattern {pattern.pattern[:60]!r} timed out ({PATTERN_TIMEOUT} s on one line); "
            "skipped for the rest of this page")


class Guarded:
    """A rule file's pattern used by the structure stage (datelines, body_start):
    ``match``/``search`` as on a compiled pattern, but a timeout switches it off
    for the rest of the page, with a warning on the document."""

    def __init__(self, doc: Doc, pattern: regex.Pattern, what: str):
        # A weak reference: the signal memo a page's passes share keys its dateline
        # answers on these objects, and must not keep every pass's document alive.
        self.doc, self.pattern = weakref.proxy(doc), pattern
        self.compiled = pattern      # what the prefilter (matcher.may_match) is keyed on
        self.msg = _guard_message(pattern, what)
        # What its answers depend on: the pattern, and whether it was already off for the
        # page when this pass began (the memo of match_dateline is keyed on it, so a later
        # pass over the same page reuses the answers of a pass that saw it the same way).
        self.key = (pattern, bool(doc.warnings) and self.msg in doc.warnings)

    def match(self, text: str):
        """The pattern's match at the start of ``text``, None (off for the page) on a timeout."""
        # _timed(self.doc, lambda: self.msg, self.pattern, "match", text), inlined: the
        # structure stage asks this of most lines of the header, for every pattern.
        warnings = self.doc.warnings
        if warnings and self.msg in warnings:
            return None
        try:
            return self.pattern.match(text, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            warnings.append(self.msg)
            return None

    def search(self, text: str):
        """The pattern's first match in ``text``, None (off for the page) on a timeout."""
        return _timed(self.doc, lambda: self.msg, self.pattern, "search", text)


def guarded(doc: Doc, patterns: list[regex.Pattern], what: str) -> list[Guarded]:
    """The patterns, each :class:`Guarded` on this document."""
    return [Guarded(doc, p, what) for p in patterns]


def apply_line_rule(doc: Doc, rule: Rule, line: Line) -> bool:
    """Line and to_end scopes: the whole line is dropped when the pattern is found."""
    m = run(doc, rule, "search", line.text)
    if m is None:
        return False
    line.drop(rule.category, rule.qualified_id, force=True)
    _captures(doc, rule, m)
    return True


def apply_span_rule(doc: Doc, rule: Rule, line: Line) -> bool:
    """Span scope: cut each match out of the line ("Baca juga: ..." inside a paragraph)."""
    found = run(doc, rule, "finditer", line.text)
    if found is None:
        return False
    found = [m for m in found if m.end() > m.start()]
    if not found:
        return False
    kept, pos = [], 0
    for m in found:
        kept.append(line.text[pos:m.start()])
        line.cut += ((m.group(0).strip(), rule.category, rule.qualified_id),)
        _captures(doc, rule, m)
        pos = m.end()
    kept.append(line.text[pos:])
    # A span cut from between two words leaves a space: "ini(Baca juga: X)lanjut"
    # becomes "ini lanjut", not the invented word "inilanjut".
    joined = kept[0]
    for piece in kept[1:]:
        joined += (" " if joined[-1:].isalnum() and piece[:1].isalnum() else "") + piece
    rest = " ".join(joined.split())
    if not WORD_CHAR.search(rest):
        # Nothing but the span: the line is that span.
        line.text = rest
        line.drop(rule.category, rule.qualified_id, force=True)
    else:
        line.text = rest
    return True


def apply_rules(doc: Doc, dispatch: Dispatch) -> None:
    """First matching line rule wins (outlet rules come before the shared ones).

    ``dispatch`` is ``Dispatch`` over the rules to apply, in order (the rule set
    keeps one per outlet and zones: ``RuleSet.dispatch``); a rule whose prefilter
    rejects a line cannot match it and is not run.
    """
    untouched = active_cache(_UNTOUCHED)
    for line in doc.lines:
        if line.category is not None:   # dropped
            continue
        text = line.text
        key = (dispatch, line.zone, text)
        if key in untouched:
            continue
        _mark_line(doc, dispatch, line, text, fold(text))
        if line.category is None and not line.cut:
            if len(untouched) >= MEMO_MAX:
                untouched.clear()
            untouched[key] = True


def _mark_line(doc: Doc, dispatch: Dispatch, line: Line, text: str, low: str) -> None:
    """The dispatch's rules on one kept line, in order (apply_rules)."""
    cands = dispatch.candidates(text, low)
    line_zone = line.zone
    while cands:
        rest = ()
        for pos, rule, check, span, zone, two, two_folded, starts, more, needles in cands:
            if zone is not None and zone != line_zone:
                continue
            if check is not None:
                hay = low if two_folded else text
                if two is not None and hay[:2] not in two:
                    continue
                if starts is not None:
                    if not hay.startswith(starts) or more and not check.passes(text, low):
                        continue
                elif needles is not None:
                    for needle in needles:
                        if needle in hay:
                            break
                    else:
                        continue
                elif not check.passes(text, low):
                    continue
            if span:
                apply_span_rule(doc, rule, line)
                if line.category is not None:
                    return
                if line.text != text:
                    # The cut changed the line: later rules see (and are chosen by) the rest.
                    text = line.text
                    low = fold(text)
                    rest = tuple(e for e in dispatch.candidates(text, low) if e.pos > pos)
                    break
            elif apply_line_rule(doc, rule, line):
                return
        cands = rest


# (dispatch, zone, text) of the lines no rule of that dispatch dropped or cut, in the
# page's signal memo: a later pass over the page (cleaner.api.settle) meets most of
# its lines again, and a line no rule touched then is not touched now. Whether a rule
# runs and matches depends only on the line's text and zone, and on the rule being on
# for the page: a rule off after a timeout stays off for the later passes, so it
# cannot touch the line then either.
_UNTOUCHED = memo_slot("untouched_by_rules")
