"""The report's charts, with Plotly (the ``report`` extra).

Why Plotly: its Python wheel ships plotly.js, so a report inlines the library
once and opens offline with no further download or tool (Vega-Lite through
altair needs vl-convert or three JS bundles fetched by hand); the charts are
interactive (hover for exact figures, a legend that hides categories, zoom on
the timeline), which static matplotlib SVG is not; and it is well kept (MIT,
released every few weeks). The cost is size: plotly.min.js is ~4.8 MB of every
report, whatever the corpus. We build the figures with ``plotly.graph_objects``
(every property is checked against plotly.js's schema) and hand the JSON to
plotly.js in the page; Python does no rendering.
"""
from __future__ import annotations

from .aggregate import BODY_BIN, BODY_MAX, NO_SITE, Stats
from .markup import CATEGORY_COLOURS, colour

TEMPLATE = "plotly_white"
FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif", "size": 12}


def available() -> bool:
    """Whether plotly (the report extra) imports; cli/report.py says how to install it if not."""
    try:
        from plotly import graph_objects  # noqa: F401 - imported on first use: ~0.5 s, and optional
    except ImportError:
        return False
    return True


def _go():
    from plotly import graph_objects
    return graph_objects


def plotly_js() -> str:
    """plotly.min.js, from plotly's wheel, to inline."""
    from plotly.offline import get_plotlyjs
    return get_plotlyjs()


def _layout(title: str, **kw) -> dict:
    base = {"title": {"text": title, "x": 0.01, "font": {"size": 14}}, "template": TEMPLATE, "font": FONT,
            "margin": {"l": 60, "r": 20, "t": 44, "b": 50}, "height": 360,
            "legend": {"font": {"size": 11}}, "hoverlabel": {"namelength": -1}}
    base.update(kw)
    return base


def _categories(counter) -> list[str]:
    """Known categories in rule-file order, then any others by name."""
    known = [c for c in CATEGORY_COLOURS if counter.get(c)]
    return known + sorted(c for c in counter if c not in CATEGORY_COLOURS and counter.get(c))


def outlet_label(network: str, site: str) -> str:
    """An outlet's label on a chart: its site, or the network and "(no site)"."""
    return f"{network} {site}" if site == NO_SITE else site


def dropped_overall(stats: Stats) -> dict:
    """Bars: dropped lines by category, all pages."""
    go = _go()
    cats = _categories(stats.dropped)
    fig = go.Figure(go.Bar(x=cats, y=[stats.dropped[c] for c in cats], marker_color=[colour(c) for c in cats],
                           hovertemplate="%{x}: %{y:,} lines<extra></extra>"),
                    layout=_layout("Dropped lines by category, all pages",
                                   yaxis={"title": {"text": "lines"}}, xaxis={"tickangle": -35}))
    return fig.to_plotly_json()


def dropped_per_outlet(stats: Stats, rows) -> dict:
    """Stacked bars: dropped lines per page, by category, for the table's outlets."""
    go = _go()
    totals = {}
    for _, _, g in rows:
        for c, n in g.dropped.items():
            totals[c] = totals.get(c, 0) + n
    labels = [outlet_label(net, site) for net, site, _ in rows][::-1]   # the largest at the top
    groups = [g for _, _, g in rows][::-1]
    traces = [go.Bar(name=c, orientation="h", y=labels, marker_color=colour(c),
                     x=[round(g.dropped.get(c, 0) / g.pages, 3) if g.pages else 0 for g in groups],
                     hovertemplate="%{y}<br>" + c + ": %{x} lines per page<extra></extra>")
              for c in _categories(totals)]
    height = max(460, 90 + 22 * len(labels))            # room for the legend of 18 categories
    fig = go.Figure(traces, layout=_layout(
        "Dropped lines per page, by category and outlet (the table's outlets)", barmode="stack",
        height=height, xaxis={"title": {"text": "dropped lines per page"}}, yaxis={"automargin": True},
        margin={"l": 160, "r": 20, "t": 44, "b": 50}))
    return fig.to_plotly_json()


def _network_traces(stats: Stats, values):
    """One trace per network, largest first; ``values(net)`` -> (x, y)."""
    out = []
    for name, net, _ in stats.network_rows():
        x, y = values(net)
        if any(y):
            out.append((name, x, y))
    return out


def _count_axis(title: str, traces) -> dict:
    """A y axis of page counts: whole-number ticks when the bars are low."""
    top = max((sum(ys) for ys in zip(*[t.y for t in traces])), default=0) if traces else 0
    axis = {"title": {"text": title}, "rangemode": "tozero"}
    if top <= 10:
        axis["dtick"] = 1
    return axis


def body_lengths(stats: Stats) -> dict:
    """Stacked bars: pages by body length (bins of BODY_BIN words), by network."""
    go = _go()
    full = BODY_MAX // BODY_BIN
    used = [i for _, net, _ in stats.network_rows() for i, n in net.lengths.items() if n]
    last = min(full, max([9] + used))                  # up to the longest body's bin, at least 10 bins
    labels = [f"{i * BODY_BIN}-{(i + 1) * BODY_BIN - 1}" for i in range(last + 1)]
    if last == full:
        labels[-1] = f"{BODY_MAX}+"
    traces = [go.Bar(name=name, x=x, y=y, hovertemplate=name + " · %{x} words: %{y:,} pages<extra></extra>")
              for name, x, y in _network_traces(
                  stats, lambda net: (labels, [net.lengths.get(i, 0) for i in range(last + 1)]))]
    fig = go.Figure(traces, layout=_layout(
        f"Body length (words, bins of {BODY_BIN}), by network", barmode="stack", bargap=0.05,
        xaxis={"title": {"text": "words in the body"}, "tickangle": -45, "type": "category"},
        yaxis=_count_axis("pages", traces)))
    return fig.to_plotly_json()


def published(stats: Stats) -> dict:
    """Stacked bars: pages by month published, by network."""
    go = _go()
    months = sorted({m for _, net, _ in stats.network_rows() for m in net.months})
    traces = [go.Bar(name=name, x=[f"{m}-01" for m in months], y=y, xperiod="M1", xperiodalignment="middle",
                     hovertemplate=name + " · %{x|%Y-%m}: %{y:,} pages<extra></extra>")
              for name, _, y in _network_traces(stats, lambda net: (months, [net.months.get(m, 0) for m in months]))]
    note = f"; {stats.no_date:,} pages without a date" if stats.no_date else ""
    note += f", {stats.bad_date:,} with one outside 1900-2100" if stats.bad_date else ""
    fig = go.Figure(traces, layout=_layout(
        f"Published, by month and network{note}", barmode="stack",
        xaxis={"type": "date", "title": {"text": "month published"}}, yaxis=_count_axis("pages", traces)))
    return fig.to_plotly_json()


def languages(stats: Stats) -> dict:
    """Bars: pages by metadata.language."""
    go = _go()
    pairs = sorted(stats.languages.items(), key=lambda kv: (-kv[1], kv[0]))
    fig = go.Figure(go.Bar(x=[k for k, _ in pairs], y=[v for _, v in pairs], marker_color="#4e79a7",
                           text=[f"{v:,}" for _, v in pairs], textposition="outside", cliponaxis=False,
                           hovertemplate="%{x}: %{y:,} pages<extra></extra>"),
                    layout=_layout("Language (metadata.language)", xaxis={"type": "category"},
                                   yaxis={"title": {"text": "pages"}, "rangemode": "tozero"}))
    return fig.to_plotly_json()
