"""Tools over the library: ``explain`` (each line's verdict), rule-file authoring
(check, test, new, suggest) and near-duplicate detection. The command line (cli/)
gives each its subcommand."""
