"""Hard-wrapped pages: the lines of one paragraph found, so the stages read paragraphs.

Text pasted from a word processor into a blog keeps its line breaks: every paragraph comes
as lines of ~70 characters, each but the last cut mid-sentence, the first often shorter
(its indent lost). Read line by line, such a page looks like furniture: a paragraph's first
line is taken for a headline, its second, in lower case, for a standfirst, a line ending on
a name for a heading (22 pages of as many outlets in the held-out batches BK-BZ, Blogger
and WordPress sites of five regions; nine had lost lines so).

:func:`wrapped_runs` groups such lines, on a page that is hard-wrapped as a whole, into
the runs that make one paragraph. A page is hard-wrapped when it holds
:data:`MIN_BREAKS` sentence breaks or more (a line of 4 words or more, open at its end,
followed by a line of 3 words or more in lower case) and they are a quarter or more of
its lines of 4 words or more: a dump of a whole page has a few such pairs (a related
headline over "telah dibaca 27 kali", a comment policy's list) and never that share.
On such a page a line joins the one above it when the one above is open (no full stop,
question or exclamation mark, colon or semicolon ends it) and it starts in lower case
and either closes a sentence or is a full line (three fifths of the page's wrap width
or more): a short open line in lower case ("oleh admin", "telah dibaca 27 kali") is
furniture under a line, not the rest of its sentence. A full line in upper case (a name
goes on) joins a full line of running text above it, or a paragraph's first words alone on
their line under a closed one (:func:`_opens_paragraph`); never a list item or a label.
"""
from __future__ import annotations

import re

# A line closed: a full stop, question or exclamation mark, colon or semicolon, the
# closing quotes and brackets after it aside; or a separator ("astakajambi.com |").
_CLOSED = re.compile(r"(?:[.!?:;][\"'”’)\]]*|[|•·»])$")
# Sentence breaks a page needs, and their share of its lines of 4 words or more.
MIN_BREAKS, MIN_SHARE = 5, 0.25
# A full line: this share of the page's wrap width (the median length of the lines
# broken mid-sentence) or more.
FULL_LINE = 0.6
# A line cut at the wrap width: four fifths of it or more. The line under it goes on
# with its sentence whatever its first letter ("... Gerakan Nelayan Tani" over
# "Indonesia (Ganti) Kabupaten ...") unless it opens with a label ("Baca juga:").
_WRAPPED = 0.8
_LABEL = re.compile(r"\S+(?: \S+){0,2} ?:")
# ... and starts with a letter, a digit or a bracket (a dash or a bullet opens a list item).
_GOES_ON = re.compile(r"[^\W_]|\(")


def _prose(line: str) -> bool:
    """A line of running text: a third of its words or more in lower case (a headline or
    a related list's item capitalises its words)."""
    words = line.split()
    return 3 * sum(1 for w in words if w[0].islower()) >= len(words)


def _lower_start(line: str) -> bool:
    """The (non-empty, folded) line starts with a lower-case ASCII letter."""
    return "a" <= line[0] <= "z"


# A line in lower case: the first, or one after a line end (a literal to look for first:
# a multi-line "^" would have the engine try every position of the page).
_LOWER_FIRST, _LOWER_LINE = re.compile(r"[ \t]*[a-z]"), re.compile(r"\n[ \t]*[a-z]")


def may_be_wrapped(text: str) -> bool:
    """MIN_BREAKS lines or more of ``text`` start in lower case: a necessary condition of
    :func:`wrapped_runs` answered by one scan (most pages have fewer)."""
    n = 0 if _LOWER_FIRST.match(text) is None else 1
    for _ in _LOWER_LINE.finditer(text):
        n += 1
        if n >= MIN_BREAKS:
            return True
    return False


def _breaks(lines: list[str | None]) -> list[str]:
    """The lines that break off a sentence the line under them goes on with (the lines'
    spaces are folded: three spaces make four words). Every page is asked, so the cheapest
    test comes first: most lines start with a capital."""
    out = []
    for above, below in zip(lines, lines[1:]):
        if below is not None and _lower_start(below) and above is not None \
                and above.count(" ") >= 3 and below.count(" ") >= 2 and not _CLOSED.search(above):
            out.append(above)
    return out


def wrapped_runs(lines: list[str | None]) -> list[int] | None:
    """For each line (stripped, spaces folded; ``None`` for a blank line), the index of
    the first line of its paragraph; ``None`` when the page is not hard-wrapped. Lines
    parted by a blank line are never joined."""
    breaks = _breaks(lines)
    if len(breaks) < MIN_BREAKS:
        return None
    long_lines = sum(1 for t in lines if t is not None and t.count(" ") >= 3)
    if len(breaks) < MIN_SHARE * long_lines:
        return None
    widths = sorted(len(a) for a in breaks)
    median = widths[len(widths) // 2]
    full = FULL_LINE * median
    heads = list(range(len(lines)))
    for i in range(1, len(lines)):
        above, line = lines[i - 1], lines[i]
        if above is None or line is None or _CLOSED.search(above):
            continue
        goes_on = _CLOSED.search(line) is not None or len(line) >= full
        if not goes_on:
            continue
        if _lower_start(line) or (
                _GOES_ON.match(line) is not None and _LABEL.match(line) is None
                and (len(above) >= _WRAPPED * median and _prose(above)
                     or len(line) >= full and _opens_paragraph(lines, i - 1))):
            heads[i] = heads[i - 1]
    return heads


def _opens_paragraph(lines: list[str | None], i: int) -> bool:
    """Line ``i`` opens a paragraph: a closed line above it, and it is running text or
    three words at most ("Kedatangan", "Ketua DPRD Kota", the rest of the line lost to an
    indent); a headline over a wrapped first line capitalises four words or more."""
    above = lines[i - 1] if i > 0 else None
    return (above is not None and _CLOSED.search(above) is not None
            and (lines[i].count(" ") <= 2 or _prose(lines[i])))
