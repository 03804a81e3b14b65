"""Tools over the library: ``explain`` (each line's verdict), rule-file authoring
(check, test, new, suggest), near-duplicate detection and ``report/`` (the corpus
report and the page view). The command line (cli/) gives each its subcommand."""
