"""Credits wherever the page prints them: who wrote and edited the story.

The rules drop the credit lines they know (``_common``'s ``Penulis:``, ``Editor:``
...); what they miss, these passes read with the credit grammar (text/byline.py) and
by position:

    header.credit_line     a credit line in the header         structure:credit-line
    header.name_line       a person's name alone under the headline or its date,
                           or right above the editor line      structure:name-line
    credit_lines           a credit line after the story       structure:credit-line
    closing_credit         the bracketed writer credit closing the story
                           ("(Tribunnews.com/Daryono)")        structure:closing-credit

A writer credit's names fill ``authors`` only when nothing else names an author
(core/metadata.py): where the page has a byline, the closing credit may be an
editor's. Each shape was seen on real pages of several outlets (the comments say
which).
"""
from __future__ import annotations

import regex

from ...text.byline import LABELS, ROLE_WORDS, Credit, parse_closing_credit, parse_credit
from ...text.signals import WORD_CHAR, count_words, ends_sentence
from .shapes import NAME_LINE, SPLIT_LABELS, mostly_stopwords, place_words, site_words
from .state import Page

# A writer credit glued to the story's last paragraph: "... hingga kini. (Firman Sikumbang)",
# the space lost after the full stop too ("... hasil penyelidikan.(Er Angga)": AB).
GLUED_CLOSING = regex.compile(r"(?:\s|(?<=[.!?\"”]))([(\[][^()\[\]]{3,80}[)\]])\s*$")


def record_credit(p: Page, credit: Credit, rule: str) -> str:
    """Put what a credit line names into the page's metadata; returns the line's
    category (editor when it names only the editor, else byline)."""
    doc = p.doc
    if credit.authors:
        doc.set_meta("authors", list(credit.authors), rule)
    if credit.editor:
        doc.set_meta("editor", credit.editor, rule)
    if credit.source:
        doc.set_meta("credited_source", credit.source, rule)
    return "editor" if credit.editor and not credit.authors and not credit.source else "byline"


def header_credit(p: Page, text: str) -> Credit | None:
    """The credit a header line prints, as the header reads it: a loose one ("Oleh
    Name", no colon) only under the headline (above it, a bare "Label Name" could be
    the headline itself)."""
    credit = parse_credit(text)
    return None if credit is None or credit.loose and p.title_idx is None else credit


def person_name(text: str) -> bool:
    """Two to four capitalised words of letters ("Dede Febriansyah", "TSALIS NUR
    SHOLIKHAH"): the shape of a person's name printed alone. No dots (a site), no
    field label."""
    t = text.strip()
    ws = t.split()
    if not 2 <= len(ws) <= 4 or not NAME_LINE.match(t) or "." in t or t.casefold() in SPLIT_LABELS:
        return False
    if not all(w[0].isupper() for w in ws) or mostly_stopwords(t) or site_words(t) or place_words(t):
        return False    # ("Pantai Ancol", "Gedung Polda Metro Jaya": a place)
    # An acronym ("LKPP RI") is an organisation: in a name every word has a lower-case
    # letter, or every word is in capitals (a name printed in capitals).
    return all(any(ch.islower() for ch in w) for w in ws) or (t.isupper() and all(len(w) >= 3 for w in ws))


# A name after a dash, alone on its line under the headline: "- Daud", "- Redaksi", "- Dewi Sartika".
DASHED_NAME = regex.compile(r"^[-–—]\s+(\p{Lu}[\p{L}'’.]*(?:\s\p{Lu}[\p{L}'’.]*){0,3})$")


def dashed_name(text: str) -> str | None:
    """The name of a "- Name" line: a person's name, or one word that is no common word
    (a desk's or a writer's short name); "" for a role word alone ("- Jurnalis": a byline
    naming nobody); None for anything else."""
    m = DASHED_NAME.match(text.strip())
    if m is None:
        return None
    name = m.group(1)
    if name.casefold() in LABELS or name.casefold() in ROLE_WORDS:    # the field labels among them
        return ""
    one_word = " " not in name and not mostly_stopwords(name)
    return name if person_name(name) or one_word else None


def credit_lines(p: Page, start: int) -> None:
    """Credit lines the rules missed after the header ("Oleh Putri Windah pada 06
    March 2018, 21:30 WIB" under a video story: d125; "oleh ... diperbarui ...":
    d116): dropped as byline or editor, their names recorded. A bare "Label Name"
    (no colon, nothing else) is left to position: inside the body it may be text."""
    for line in p.lines[start:]:
        if line.category is not None:
            continue
        credit = parse_credit(line.text)
        if credit is None or credit.loose:
            continue
        line.drop(record_credit(p, credit, "structure:credit-line"), "structure:credit-line")


def closing_credit(p: Page, start: int, end: int) -> None:
    """The story's last line is a writer credit in brackets ("(Tribunnews.com/Daryono)"
    d015, "(Nesiana Yuko Argina)" d020, "[Eko Isdiyanto]" d068, "(Widi Agustian)" d112,
    several outlets' names d074): a byline. Glued to the last paragraph ("... kini.
    (Firman Sikumbang)" d095) the line stays; either way its names are the writers'. A
    labelled credit in brackets ("[Redaktur: Name]") names whom its labels say. A line of
    punctuation only under it ("." after "(M. Habil Syah)", AX) does not end the story."""
    lines = p.lines
    last = next((k for k in range(end - 1, start - 1, -1)
                 if lines[k].category is None and WORD_CHAR.search(lines[k].text)), None)
    if last is None:
        return
    line = lines[last]
    if last > start and labelled_in_brackets(p, line):
        return
    names = parse_closing_credit(line.text, single=True)
    if names:
        if last > start:                 # never the story's only line
            line.drop("byline", "structure:closing-credit")
            p.writer_credit = names
        return
    m = GLUED_CLOSING.search(line.text)
    if m and count_words(line.text) > 8:
        # One word alone only after a sentence's end: "... tandas Yusuf. (Sofyan)", never a
        # table's last cell ("..., BPN (Balikpapan)": U).
        p.writer_credit = parse_closing_credit(m.group(1), single=ends_sentence(line.text[:m.start()])) or []


# A labelled credit in brackets, alone on its line: "[Redaktur: Elsya Tri Ahaddini]" (AO),
# "(Reporter: slametsbl)" (X).
BRACKETED = regex.compile(r"^[\[(]\s*([^\[\]()]{3,80}?)\s*[\])]$")


def labelled_in_brackets(p: Page, line) -> bool:
    """The story's last line is a labelled credit in brackets: a byline (or the editor's
    line), its names the page's (structure:closing-credit)."""
    m = BRACKETED.match(line.text.strip())
    credit = parse_credit(m.group(1)) if m else None
    if credit is None or credit.loose:
        return False
    line.drop(record_credit(p, credit, "structure:closing-credit"), "structure:closing-credit")
    return True
