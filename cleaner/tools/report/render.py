"""The report document: totals, tables, charts, frequent lines, outliers, sample."""
from __future__ import annotations

from . import charts
from .aggregate import (
    BODY_BIN,
    FIELDS,
    MAX_OUTLETS,
    NO_NETWORK,
    SHORT_BODY_WORDS,
    SHORT_LINE_WORDS,
    SKETCH_SIZE,
    UNTRACKED,
    Group,
    Stats,
)
from .markup import asset, cat_class, document, e, sample_view, script_json

SECTIONS = (("totals", "Totals"), ("networks", "Networks"), ("outlets", "Outlets"), ("charts", "Charts"),
            ("lines", "Frequent lines"), ("outliers", "Outliers"), ("failed", "Failed pages"),
            ("sample", "Sample pages"), ("notes", "Notes"))


def _pct(part: int | float | None, whole: int | float, digits: int = 0) -> tuple[str, str]:
    """(text, sort key) of a share."""
    if part is None or not whole:
        return "", "-1"
    share = part / whole
    return f"{100 * share:.{digits}f}%", f"{share:.6f}"


def _num(v) -> str:
    return "" if v is None else f"{v:,.0f}"


def _td(text: str, sort: str | None = None, cls: str = "num", bar: float | None = None) -> str:
    attr = f" data-sort=\"{sort}\"" if sort is not None else ""
    if bar is not None:
        width = max(0.0, min(1.0, bar)) * 100
        return (f"<td class=\"{cls} bar\"{attr}><span class=\"track\"><span class=\"fill\" "
                f"style=\"width:{width:.1f}%\"></span></span>{text}</td>")
    return f"<td class=\"{cls}\"{attr}>{text}</td>"


def _group_cells(g: Group) -> list[str]:
    """pages, median words, dropped share, completeness per field, empty, very short."""
    med = g.words.median()
    share = g.dropped_share
    cells = [_td(f"{g.pages:,}", str(g.pages)), _td(_num(med), "-1" if med is None else f"{med:g}"),
             _td(*(_pct(share, 1) if share is not None else ("", "-1")), bar=share)]
    for f in FIELDS:
        text, key = _pct(g.present[f], g.pages)
        cls = "num low" if g.pages and g.present[f] / g.pages < 0.5 else "num"
        cells.append(_td(text, key, cls))
    cells += [_td(*_pct(g.empty, g.pages, 1)), _td(*_pct(g.short, g.pages, 1))]
    return cells


GROUP_HEADS = ("<th class=\"num\">pages</th><th class=\"num\">median words</th>"
               "<th class=\"num\" title=\"mean of metadata.dropped_share: dropped lines / lines on the page\">"
               "dropped share</th>"
               + "".join(f"<th class=\"num\" title=\"pages where {f} is set\">{f}</th>" for f in FIELDS)
               + f"<th class=\"num\" title=\"body of 0 words\">empty</th>"
               f"<th class=\"num\" title=\"body of 1-{SHORT_BODY_WORDS - 1} words\">very short</th>")


def _card(value, label: str, ident: str) -> str:
    v = value if isinstance(value, str) else f"{value:,}"
    return f"<div class=\"card\" id=\"total-{ident}\"><div class=\"v\">{e(v)}</div><div class=\"k\">{e(label)}</div></div>"


def totals(stats: Stats) -> str:
    """The Totals section: cards, and each input file with its count."""
    outlets = len(stats.outlets) - sum(1 for _, site in stats.outlets if site == UNTRACKED)
    outlets_text = f"{outlets:,}+" if stats.untracked_outlets else f"{outlets:,}"
    if stats.errors is None:
        failed = "-"
        failed_label = "failed pages (no --errors file given)"
    else:
        failed, failed_label = stats.errors.failed, "failed pages (--errors)"
    dups = stats.duplicates
    cards = [_card(stats.records, "records", "records"), _card(outlets_text, "outlets (sites)", "outlets"),
             _card(len(stats.networks), "networks (rule files)", "networks"),
             _card(sum(1 for k in stats.languages if k != "(none)"), "languages", "languages"),
             _card(dups, "near duplicates marked (duplicate_of)", "duplicates"),
             _card(failed, failed_label, "failed"),
             _card(stats.words_total, "words in the bodies", "words"),
             _card(sum(stats.dropped.values()), "lines dropped", "dropped"),
             _card(stats.bad_lines, "bad input lines", "bad")]
    files = "".join(f"<li><code>{e(f.path)}</code>: {f.records:,} records"
                    + (f", {f.bad:,} bad lines" if f.bad else "") + "</li>" for f in stats.inputs)
    return (f"<section id=\"totals\"><h2>Totals</h2><div class=\"cards\">{''.join(cards)}</div>"
            f"<ul class=\"note\">{files}</ul>"
            + ("<p class=\"note\">No record carries <code>duplicate_of</code>: near duplicates are marked only "
               "by a run with <code>--dedup</code> or by <code>cleaner dedup</code>.</p>" if not dups else "")
            + "</section>")


def networks(stats: Stats) -> str:
    """The Networks section: one sortable row per network."""
    rows = []
    for name, net, sites in stats.network_rows():
        label = name + (" <span class=\"how\">(no rule file matched)</span>" if name == NO_NETWORK else "")
        rows.append(f"<tr><td>{label if name == NO_NETWORK else e(name)}</td>{_td(f'{sites:,}', str(sites))}"
                    + "".join(_group_cells(net)) + "</tr>")
    return ("<section id=\"networks\"><h2>Networks</h2><p class=\"note\">A network is the outlet rule file "
            "that matched a page (<code>metadata.outlet</code>: <code>tribun</code> for the Tribun Network's "
            "sites, <code>galamedia</code> for the Pikiran Rakyat Media Network, ...); <code>(none)</code>: "
            "no outlet's rules matched, the shared rules only.</p><div class=\"scroll\">"
            "<table class=\"sortable\" id=\"network-table\"><thead><tr><th>network</th>"
            f"<th class=\"num\">outlets</th>{GROUP_HEADS}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</div></section>")


def outlets(stats: Stats, rows, rest) -> str:
    """The Outlets section: the --top outlets, then the rest in one row."""
    body = []
    for net, site, g in rows:
        body.append(f"<tr><td>{e(site)}</td><td>{e(net)}</td>" + "".join(_group_cells(g)) + "</tr>")
    if rest:
        n, g = rest
        body.append(f"<tr class=\"rest\"><td>{n:,} other outlets</td><td></td>" + "".join(_group_cells(g)) + "</tr>")
    untracked = (f" Past {MAX_OUTLETS:,} distinct outlets, new ones are counted together as "
                 f"<code>{UNTRACKED}</code> ({stats.untracked_outlets:,} records)."
                 if stats.untracked_outlets else "")
    return ("<section id=\"outlets\"><h2>Outlets</h2><p class=\"note\">An outlet is a site "
            "(<code>metadata.site</code>, the host) within its network; <code>(no site)</code> when the record "
            f"has none. The {len(rows):,} outlets with the most pages (<code>--top</code>), then the rest in one "
            "row. Click a heading to sort. Field columns: the share of pages where the field is set (red under "
            f"half); median words: of the body, exact under 128 words, within 1% above.{untracked}</p>"
            "<div class=\"scroll\"><table class=\"sortable\" id=\"outlet-table\"><thead><tr><th>outlet</th>"
            f"<th>network</th>{GROUP_HEADS}</tr></thead><tbody>{''.join(body)}</tbody></table></div></section>")


def chart_section(stats: Stats, rows) -> tuple[str, str]:
    """(the section, the figures' JSON script tags)."""
    figs = [("chart-dropped", charts.dropped_overall(stats), ""),
            ("chart-languages", charts.languages(stats), ""),
            ("chart-dropped-outlets", charts.dropped_per_outlet(stats, rows), " wide"),
            ("chart-lengths", charts.body_lengths(stats), " wide"),
            ("chart-published", charts.published(stats), " wide")]
    boxes = "".join(f"<div class=\"chart-box{wide}\"><div class=\"chart\" id=\"{ident}\" "
                    f"data-figure=\"{ident}-data\"></div></div>" for ident, _, wide in figs)
    data = "".join(f"<script type=\"application/json\" id=\"{ident}-data\">{script_json(fig)}</script>\n"
                   for ident, fig, _ in figs)
    return ("<section id=\"charts\"><h2>Charts</h2><p class=\"note\">Hover a bar for its figures; click a "
            f"legend entry to hide it. Body length in bins of {BODY_BIN} words.</p>"
            f"<div class=\"charts\">{boxes}</div></section>", data)


def _count_cell(entry) -> str:
    tip = f"at least {entry.lower:,}" if entry.err else "exact"
    text = f"{entry.count:,}" + (f" <span class=\"how\">(&ge;{entry.lower:,})</span>" if entry.err else "")
    return f"<td class=\"num\" data-sort=\"{entry.count}\" title=\"{tip}\">{text}</td>"


def lines(stats: Stats, shown: int) -> str:
    """The Frequent lines section: per network, dropped and kept short lines."""
    keep_dropped = stats.with_dropped_lines > 0
    out = ["<section id=\"lines\"><h2>Frequent lines</h2><p class=\"note\">Per network, the lines dropped "
           f"most often and the most frequent <b>kept short lines</b> (body paragraphs of fewer than "
           f"{SHORT_LINE_WORDS} words): where a rule is missing, boilerplate shows up in the second list. Counted "
           f"with a Space-Saving summary of {SKETCH_SIZE:,} lines per list: a count is at most n/{SKETCH_SIZE:,} "
           "above the truth (n: the lines of that list), the figure in brackets is a guaranteed lower bound, "
           f"and every line seen more than n/{SKETCH_SIZE:,} times is listed. Lines seen once are not listed; lines are cut at 200 characters.</p>"]
    if not keep_dropped:
        out.append("<p class=\"note warning\" id=\"no-dropped-lines\">These records were made without "
                   "<code>--keep-dropped</code>: they carry only the counts of dropped lines by category "
                   "(charts above), not the lines themselves. Run <code>cleaner ... --keep-dropped</code> "
                   "for the dropped lines with their category and rule.</p>")
    elif stats.with_dropped_lines < stats.records:
        out.append(f"<p class=\"note\">{stats.with_dropped_lines:,} of {stats.records:,} records carry "
                   "their dropped lines (<code>--keep-dropped</code>).</p>")
    for name, net, _ in stats.network_rows():
        out.append(f"<h3>{e(name)} <span class=\"how\">({net.pages:,} pages)</span></h3><div class=\"side\">")
        if keep_dropped:
            rows = "".join(
                f"<tr class=\"{cat_class(x.info[0])}\">{_count_cell(x)}<td><span class=\"chip {cat_class(x.info[0])}\">"
                f"{e(x.info[0])}</span></td><td><code>{e(x.info[1])}</code></td><td class=\"linetext\">{e(x.item)}</td>"
                f"<td>{e(', '.join(x.info[2]))}</td></tr>" for x in net.dropped_lines.top(shown) if x.count > 1)
            out.append(f"<div><h4>Dropped most often ({net.dropped_lines.n:,} lines)</h4><div class=\"scroll\">"
                       "<table class=\"sortable lines-dropped\"><thead><tr><th class=\"num\">count</th>"
                       "<th>category</th><th>rule</th><th>line</th><th>seen on</th></tr></thead>"
                       f"<tbody>{rows or '<tr><td colspan=5 class=none>none</td></tr>'}</tbody></table></div></div>")
        else:
            out.append("<div><h4>Dropped most often</h4><p class=\"none\">not recorded (no --keep-dropped)</p></div>")
        rows = "".join(f"<tr>{_count_cell(x)}<td class=\"linetext\">{e(x.item)}</td><td>{e(', '.join(x.info))}</td></tr>"
                       for x in net.short_lines.top(shown) if x.count > 1)
        out.append(f"<div><h4>Kept short lines, most frequent ({net.short_lines.n:,} lines)</h4><div class=\"scroll\">"
                   "<table class=\"sortable lines-kept\"><thead><tr><th class=\"num\">count</th><th>line</th>"
                   f"<th>seen on</th></tr></thead><tbody>{rows or '<tr><td colspan=3 class=none>none</td></tr>'}"
                   "</tbody></table></div></div></div>")
    out.append("</section>")
    return "".join(out)


def _brief_rows(items) -> str:
    return "".join(f"<tr><td class=\"num\" data-sort=\"{x['words']}\">{x['words']:,}</td><td>{e(x['site'] or '')}</td>"
                   f"<td>{e(x['network'])}</td><td>{e(x['title'] or '')}</td><td><code>{e(x['source'])}</code></td>"
                   f"<td><code>{e(x['id'])}</code></td></tr>" for x in items)


BRIEF_HEAD = ("<thead><tr><th class=\"num\">words</th><th>outlet</th><th>network</th><th>title</th>"
              "<th>source</th><th>id</th></tr></thead>")


def outliers(stats: Stats) -> str:
    """The Outliers section: the longest bodies, and the first empty or very short ones."""
    thin = sum(g.empty + g.short for g in stats.networks.values())
    return ("<section id=\"outliers\"><h2>Outliers</h2>"
            f"<h3>The longest bodies</h3><div class=\"scroll\"><table class=\"sortable\" id=\"longest\">{BRIEF_HEAD}"
            f"<tbody>{_brief_rows(stats.longest.items())}</tbody></table></div>"
            f"<h3>Empty or very short bodies (under {SHORT_BODY_WORDS} words): {thin:,} pages"
            f"{', the first ' + str(len(stats.thin)) if thin > len(stats.thin) else ''}</h3>"
            f"<div class=\"scroll\"><table class=\"sortable\" id=\"thin\">{BRIEF_HEAD}"
            f"<tbody>{_brief_rows(stats.thin)}</tbody></table></div></section>")


def failed(stats: Stats, shown: int) -> str:
    """The Failed pages section, from the --errors file (or why there is none)."""
    es = stats.errors
    if es is None:
        return ("<section id=\"failed\"><h2>Failed pages</h2><p class=\"note\">No <code>--errors</code> file "
                "given: the main command writes one JSON line per page it could not clean with "
                "<code>cleaner ... --errors FILE</code>; pass it here to count them.</p></section>")
    rows = "".join(f"<tr>{_count_cell(x)}<td class=\"linetext\">{e(x.item)}</td></tr>" for x in es.reasons.top(shown))
    examples = "".join(f"<li><code>{e(s)}</code>: {e(r)}</li>" for s, r in es.examples)
    bad = f"; {es.bad:,} lines of it are not failed pages" if es.bad else ""
    return (f"<section id=\"failed\"><h2>Failed pages</h2><p class=\"note\">{es.failed:,} pages failed "
            f"(<code>{e(es.path)}</code>{bad}).</p><table class=\"sortable\" id=\"failed-reasons\"><thead><tr>"
            f"<th class=\"num\">pages</th><th>reason</th></tr></thead><tbody>{rows}</tbody></table>"
            f"<h3>The first ones</h3><ul>{examples}</ul></section>")


def sample(stats: Stats, seed) -> str:
    """The Sample pages section: the reservoir's pages in input order."""
    items = stats.sample.sample()
    views = "\n".join(sample_view(s, f"sample-{i}") for i, (_, s) in enumerate(items, 1))
    return ("<section id=\"sample\"><h2>Sample pages</h2><p class=\"note\">"
            f"{len(items)} pages drawn at random (reservoir sampling, <code>--seed {e(seed)}</code>: the same input "
            "and seed give the same pages), in input order. Kept paragraphs on the left, dropped lines on the "
            "right coloured by category (hover for the rule). Each column is in page order, but a record does not "
            "say where between the kept paragraphs a dropped line stood, so the two are not aligned; "
            "<code>cleaner explain PAGE --html</code> shows one page's lines interleaved.</p>"
            f"{views or '<p class=none>no records</p>'}</section>")


def notes(stats: Stats) -> str:
    """The Notes section: the bad input lines, and the definitions."""
    bad = ""
    if stats.bad_lines:
        items = "".join(f"<li><code>{e(m)}</code></li>" for m in stats.bad_examples)
        more = (f"<p class=\"note\">... and {stats.bad_lines - len(stats.bad_examples):,} more.</p>"
                if stats.bad_lines > len(stats.bad_examples) else "")
        bad = f"<h3 id=\"bad-lines\">Bad input lines: {stats.bad_lines:,}</h3><ul>{items}</ul>{more}"
    return ("<section id=\"notes\"><h2>Notes</h2>" + bad +
            "<ul class=\"note\">"
            f"<li>Very short body: 1 to {SHORT_BODY_WORDS - 1} words (<code>metadata.word_count</code>); empty: 0.</li>"
            "<li>Dropped share: the mean over pages of <code>metadata.dropped_share</code> (dropped lines / "
            "non-empty lines of the page).</li>"
            "<li>Medians come from a log-linear histogram: exact under 128 words, within 1% above.</li>"
            "<li>The report is written in one pass with bounded memory; it has no timestamp, so the same input, "
            "options and seed give the same file.</li></ul></section>")


def report(stats: Stats, *, title: str, top: int, shown: int, seed) -> str:
    """The whole report, one self-contained HTML document."""
    rows, rest = stats.outlet_rows(top)
    chart_html, chart_data = chart_section(stats, rows)
    toc = "".join(f"<a href=\"#{ident}\">{label}</a>" for ident, label in SECTIONS)
    body = [f"<header class=\"top\"><h1>{e(title)}</h1><p>{stats.records:,} records from "
            f"{len(stats.inputs)} file{'s' if len(stats.inputs) != 1 else ''}, written by <code>cleaner report</code>.</p>"
            f"<nav class=\"toc\">{toc}</nav></header><main>",
            totals(stats), networks(stats), outlets(stats, rows, rest), chart_html, lines(stats, shown),
            outliers(stats), failed(stats, shown), sample(stats, seed), notes(stats), "</main>", chart_data]
    return document(title, "\n".join(body), [charts.plotly_js(), asset("report.js")])
