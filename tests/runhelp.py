"""Shared by the tests of the command: the command in-process or in a subprocess with
tests/faulty.py's workers, a JSONL corpus made of the seeds, the records a run wrote,
the flags its docs do not name."""
import json
import os
import re

from cleaner.cli import main

SEEDS = ["seeds/000_4f9533bd8fb762ef.txt", "seeds/001_ba956f8d95da966f.txt", "seeds/002_a2fd3394869bcc12.txt",
         "seeds/003_f1a9f632fd983131.txt", "seeds/004_cd601c936e47d4fb.txt"]


TESTS = os.path.dirname(os.path.abspath(__file__))


def cli(args, capsys):
    """(exit status, stdout, stderr) of the command run in-process."""
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def seed_corpus(path, root, pages, broken_every=0):
    """A JSONL of ``pages`` lines cycling through the seeds; every ``broken_every``-th line
    is invalid JSON."""
    texts = [(root / s).read_text(encoding="utf-8") for s in SEEDS]
    lines = [json.dumps({"text": texts[i % 5], "n": i}) for i in range(pages)]
    if broken_every:
        lines = [x if (i + 1) % broken_every else '{"text": broken' for i, x in enumerate(lines)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def faulty_code(args) -> str:
    """Python code for ``python -c``: the command run by tests/faulty.py's run_cli
    (slow or misbehaving workers, set by its FAULTY_* variables)."""
    return f"import sys; sys.path.insert(0, {TESTS!r}); import faulty; sys.exit(faulty.run_cli({args!r}))"


def records(path):
    """The records of a JSONL output, one dict a line."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def undocumented_flags(parsers, docs: str) -> list[tuple[str, list[str]]]:
    """(prog, option strings) of every option of the argparse parsers that ``docs`` never
    names, under its long or its short name (-o FILE), as a whole word (--out is not
    named by --output); --help and --version aside."""
    def named(opt):
        return re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", docs)
    return [(p.prog, a.option_strings) for p in parsers for a in p._actions
            if a.option_strings and not {"--help", "--version"} & set(a.option_strings)
            and not any(named(o) for o in a.option_strings)]
