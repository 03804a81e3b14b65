"""``cleaner report``: a corpus report in one self-contained HTML file, and the
page view behind ``cleaner explain --html``. A tool like the others: it reads our
records through io/records.py and knows the drop categories (ruleset/); the
command is cli/report.py.

    aggregate.py   one streaming pass over the records (bounded memory)
    sketch.py      the bounded summaries: Space-Saving, log histogram, reservoir
    charts.py      the Plotly figures (the optional ``report`` extra, imported on first use)
    markup.py      HTML shared by the report and the page view (standard library only)
    render.py      the report document
    assets/        the stylesheet and script inlined into every file
"""
