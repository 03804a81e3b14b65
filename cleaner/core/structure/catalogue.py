"""Every ``structure:*`` rule id: what it marks, and the pass that gives it.

The ids appear in ``metadata.dropped_lines`` and in ``cleaner explain``; docs/rules.md
lists them from here, and a test checks that every id the code uses is here and
in docs/rules.md.
"""
from __future__ import annotations

# id -> (pass, one line: what it marks)
RULE_IDS: dict[str, tuple[str, str]] = {
    "structure:page-top": ("page", "on a whole page's dump, a line above the article's header block "
                                   "(menus, sidebars, teaser lists)"),
    "structure:page-bottom": ("page", "on a whole page's dump, the lines after the article once a run of "
                                      "non-prose lines follows it"),
    "structure:split-label": ("frame", "a field label alone on its line (\"Reporter\") and the name on the next"),
    "structure:dateline": ("header, metadata", "the paragraph that opens with the dateline starts the body; "
                                               "metadata.dateline (with none found, a place and the outlet's "
                                               "name alone on the line above the first paragraph, \"Ternate, "
                                               "Haliyora\", opens the body and is the dateline)"),
    "structure:date-line": ("header", "a line that is only a date, or mostly dates (a word or a counter beside them), or a short line carrying a date with its time that no credit step read, in the header"),
    "structure:credit-line": ("header, credits", "a credit line the rules missed, read by the credit grammar "
                                                 "(text/byline.py); metadata.authors, editor, credited_source"),
    "structure:title-repeat": ("header, body", "the headline printed again"),
    "structure:caption-after-credit": ("header", "the line after a photo credit: its caption"),
    "structure:repeated-paragraph": ("header, body", "a paragraph printed twice at the top: the standfirst "
                                                     "(lead) and further copies; in the body, a quote printed "
                                                     "again right under itself (a pull quote): the copy"),
    "structure:caption-repeat": ("header, body", "a caption followed by its copy with the credit, printed twice in a row, or again under its photo credit: all"),
    "structure:photo-credit": ("header, tail", "a photo credit under the headline; 'Foto/Name' between paragraphs"),
    "structure:caption-credit": ("header, body", "a caption that ends with its credit, or (under the headline) opens with 'Ilustrasi', 'Foto:'"),
    "structure:header-list": ("header", "a bulleted headline in the header"),
    "structure:title": ("header, body, metadata", "the headline; metadata.title"),
    "structure:subtitle": ("header", "a second headline under the title: its subtitle (lead)"),
    "structure:glued-twice": ("body", "a line that is one text printed twice with nothing between (an image's alt "
                                      "text and its caption): a caption when the text reads as one, else other"),
    "structure:off-topic-headline": ("frame", "the headline found first when it shares no word with the "
                                              "story's opening paragraph and a headline under it speaks of the "
                                              "story (that one is the title): another story's, a menu's or an ad's"),
    "structure:second-headline": ("header", "a further headline under the title and its subtitle"),
    "structure:label-above-title": ("header", "a short headline-like line replaced by the longer headline "
                                              "below it: a section label"),
    "structure:name-above-date": ("header, body", "an author's name alone above a date line; metadata.authors"),
    "structure:name-line": ("header", "a person's name alone under the headline or its date, or above the "
                                      "editor's line; a name and the outlet's (\"Name, CNBC Indonesia\", "
                                      "\"Name \\| Site.com\") under the headline, its date or standfirst; "
                                      "metadata.authors"),
    "structure:glued-links": ("header", "link labels run together into one line (a menu or share row "
                                        "whose labels the dump printed without spaces)"),
    "structure:menu-row": ("header", "a line of five or more words, most of them a menu's rubrics or regions "
                                     "(\"News Politik Kriminal Olahraga Opini Berita Nasional\")"),
    "structure:ticker": ("header", "a news ticker's headlines run together into one line (25 words or "
                                   "more in title case, no sentence's end): other stories' headlines"),
    "structure:label": ("header", "three words or fewer in the header: section label, caption or other"),
    "structure:injected-headline": ("header, body", "another story's headline between paragraphs; "
                                                    "metadata.related"),
    "structure:lead": ("header, metadata", "the standfirst under the headline or its date; metadata.lead"),
    "structure:header-caption": ("header", "a sentence between the byline (or text-size widget) and the "
                                           "byline or dateline that follows, or under the headline a line "
                                           "opening with a caption's or photo's label or standing over a "
                                           "photo's source label, a short verbless line of names and places, "
                                           "a photo's moment (\"<who> saat <verb> ...\"), a table cell closed "
                                           "by its bar, or a name the story names: the photo caption"),
    "structure:lead-repeats-body": ("frame, header", "a standfirst that opens with the dateline and repeats the "
                                                     "next paragraph; the first paragraph cut short by an "
                                                     "ellipsis over the whole of it"),
    "structure:header-credit": ("frame", "a leftover header line shaped like a photo credit"),
    "structure:header-text": ("frame", "a leftover header line of text: caption (under the headline) "
                                       "or recommendation"),
    "structure:header-label": ("frame", "a leftover short header line: section label or other; a line "
                                        "between the headline and its bare copy"),
    "structure:after-credits": ("tail", "a line after the credits or the initials that close the story"),
    "structure:keyword-line": ("tail", "the story's last line a row of six names or phrases or more, commas "
                                       "between, no sentence: the site's keywords (tags)"),
    "structure:teaser-excerpts": ("tail", "other stories' excerpts in a row under the story, each cut off "
                                          "with an ellipsis: the story has ended"),
    "structure:teaser-dateline": ("tail", "a second paragraph with the article's dateline: a teaser list "
                                          "starts (with the headline and heading right above it)"),
    "structure:related-link": ("tail", "a link alone under a related-stories heading inside the story, "
                                       "the story going on under it (the heading alone is dropped)"),
    "structure:after-desk-mark": ("tail", "the lines after a paragraph closed by the desk's code "
                                          "(\"... katanya. (R-1)\"): the story's end"),
    "structure:related-items": ("tail", "up to six headlines (and their dates) under a related-stories heading "
                                        "inside the story, the story going on under them"),
    "structure:end-credit": ("tail", "a reporter's sign-off (\"Name/City\") under the story"),
    "structure:closing-credit": ("credits, metadata", "a writer credit in brackets closing the story "
                                                      "(\"(Tribunnews.com/Name)\"); metadata.authors when "
                                                      "nothing else names one"),
    "structure:headline-run": ("tail", "three or more headlines in a row after the story: another stories' "
                                       "list; metadata.related"),
    "structure:faq-block": ("tail", "a run of question-and-answer paragraphs closing the body, or "
                                    "standing between its paragraphs (a site's FAQ box)"),
    "structure:summary-after-body": ("tail", "the summary printed as the last paragraph before the credits "
                                             "(summary_after_body outlets): the lead"),
    "structure:embedded-post": ("body", "an embedded social-media post"),
    "structure:teaser-cell": ("body", "a headline's cell over an image's cell of a markdown table (a teaser grid); "
                              "metadata.related"),
    "structure:cell-caption": ("body", "a cell under an image's cell of a markdown table, the line's only bar "
                               "closing it: the photo's caption or credit"),
    "structure:printed-thrice": ("body", "a phrase no sentence ends printed three times or more on the page "
                                 "(a gallery's caption under each photo)"),
    "structure:photo-label-value": ("body", "a photo between paragraphs printed as caption, source label "
                                            "(\"Photo :\") and credit: the credit under the label and the caption above it"),
    "structure:ad-slot": ("body", "a word or three between two ad lines (\"Advertisement\" / the site's name / "
                                  "\"Scroll ke bawah untuk melanjutkan\"): the ad slot's"),
    "structure:date-line-in-body": ("body", "a timestamp line inside the body: a header block printed late"),
    "structure:headline-list": ("body", "two or more bulleted headlines in a row; metadata.related"),
    "structure:link-box": ("body", "headline lines under a link box's label (label: true); metadata.related"),
    "structure:extraction-prefix": ("segment, metadata", "an extraction tool's \"date 2019-06 \" prefix, cut "
                                                         "off the first line before the rules read it; "
                                                         "metadata.published (after a date the page prints)"),
    "structure:caption": ("metadata", "metadata.captions from caption lines and spans"),
}


def markdown_table() -> str:
    """The catalogue as the Markdown table docs/rules.md carries (a test keeps them equal)."""
    rows = ["| rule id | pass | what it marks |", "|---|---|---|"]
    rows += [f"| `{rid}` | {where} | {what} |" for rid, (where, what) in RULE_IDS.items()]
    return "\n".join(rows)
