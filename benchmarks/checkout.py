"""Run another checkout of cleaner with its own code *and its own rule files*.

    python benchmarks/checkout.py ../old -- python benchmarks/instructions.py --text-only
    python benchmarks/checkout.py ../old -- python -m cleaner seeds/ -o /tmp/old.jsonl

``PYTHONPATH=../old`` alone is not enough where cleaner is installed in editable mode
(``pip install -e .``): the editable install's import hook maps ``cleaner.rules`` to *its*
checkout's ``rules/``, and code older than the fix in ``cleaner/ruleset/schema.py``
(``builtin_rules_dir``) asks the import system first, so an old commit ran with today's
rule files and was measured slower than it was (ce1e310: 507 pages per CPU second with
main's rules, 524 with its own, 2026-12-05). The environment made here puts the checkout
first on ``PYTHONPATH`` and, before it, a folder whose ``sitecustomize`` removes the
editable hooks that map ``cleaner``, so the checkout's own ``rules/`` is the one read.
(That ``sitecustomize`` hides any other on the path for the commands run so.) Python puts
the working folder first on the path for ``-m`` and ``-c``: run such commands from outside
another checkout (the script warns), or that checkout's cleaner is the one imported.

``bench.py --compare`` runs its compared checkout this way.
"""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import tempfile

SITECUSTOMIZE = '''\
# benchmarks/checkout.py: drop the editable-install hooks that map the cleaner package,
# so the checkout first on PYTHONPATH reads its own rules/ folder.
import sys


def _maps_cleaner(finder):
    module = sys.modules.get(getattr(finder, "__module__", None) or type(finder).__module__)
    mapping = getattr(module, "MAPPING", None)
    return isinstance(mapping, dict) and any(k == "cleaner" or k.startswith("cleaner.") for k in mapping)


sys.meta_path[:] = [f for f in sys.meta_path if not _maps_cleaner(f)]
'''


def holds_cleaner(folder: str | os.PathLike) -> bool:
    """``folder`` is a checkout of cleaner (it holds the cleaner package)."""
    return (pathlib.Path(folder) / "cleaner" / "__init__.py").is_file()


def checkout_env(checkout: str | os.PathLike, env: dict | None = None) -> dict:
    """``env`` (default: this process's) set to run ``checkout``'s cleaner with its own rules."""
    shim = pathlib.Path(tempfile.gettempdir()) / "cleaner-checkout-shim"
    shim.mkdir(exist_ok=True)
    target = shim / "sitecustomize.py"
    if not target.is_file() or target.read_text(encoding="utf-8") != SITECUSTOMIZE:
        tmp = shim / f".sitecustomize.{os.getpid()}"
        tmp.write_text(SITECUSTOMIZE, encoding="utf-8")
        os.replace(tmp, target)
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join([str(pathlib.Path(checkout).resolve()), str(shim)])
    return env


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--" not in argv or argv.index("--") != 1 or len(argv) < 3:
        print(__doc__.strip().splitlines()[0] + "\n\nusage: python benchmarks/checkout.py CHECKOUT -- COMMAND ...",
              file=sys.stderr)
        return 2
    checkout = pathlib.Path(argv[0])
    if not holds_cleaner(checkout):
        print(f"checkout.py: {checkout}: no cleaner package there", file=sys.stderr)
        return 2
    here = pathlib.Path.cwd()
    if holds_cleaner(here) and here.resolve() != checkout.resolve():
        print(f"checkout.py: warning: the working folder {here} holds a cleaner package: "
              "`python -m`/`-c` commands import that one, not the checkout's", file=sys.stderr)
    return subprocess.call(argv[2:], env=checkout_env(checkout))


if __name__ == "__main__":
    sys.exit(main())
