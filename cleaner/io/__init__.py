"""Reading and writing: page files, JSONL, WARC and compressed inputs (one
``iter_pages`` for every subcommand), JSONL records, and the run's output files."""
