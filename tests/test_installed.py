"""The package as pip installs it, not as the checkout holds it: a wheel is built from the
project's files and unpacked into a folder of its own, and `cleaner rules check` and
`cleaner rules test` run from another folder against it. A built-in case that reads a file
the wheel does not ship (the checkout's seeds/), or a path taken relative to the working
folder, fails here and nowhere else."""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT
from helpers import benchmark

# What a wheel is built from (pyproject's [tool.setuptools] names the rest).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "cleaner", "rules")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The built wheel, unpacked: the layout `pip install .` gives site-packages."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, src / name)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"),
                           str(src)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    (wheel,) = (tmp / "dist").glob("*.whl")
    site = tmp / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    return site


def cleaner_in(site, args, cwd):
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("CLEANER_RULES_PATH", None)
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_the_installed_package_is_the_one_run(installed, tmp_path):
    done = subprocess.run([sys.executable, "-c", "import cleaner; print(cleaner.__file__)"], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(installed)}, capture_output=True, text=True)
    assert done.stdout.strip() == str(installed / "cleaner" / "__init__.py"), done.stderr


def test_rules_test_passes_outside_the_checkout(installed, tmp_path):
    done = cleaner_in(installed, ["rules", "test"], tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    last = done.stdout.splitlines()[-1]
    assert last.endswith(" passed, 0 failed") and "FAIL" not in done.stdout


def test_rules_check_finds_no_error_outside_the_checkout(installed, tmp_path):
    done = cleaner_in(installed, ["rules", "check"], tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.match(r"\d+ files checked: 0 errors", done.stdout.splitlines()[-1]), done.stdout[-3000:]


def test_installed_rule_files_name_a_schema_that_is_there(installed):
    rules = installed / "cleaner" / "rules"
    for path in sorted(rules.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.split("$schema=", 1)[1]
        assert (rules / target).is_file(), (path.name, first)


def rules_dir_seen(pythonpath, bootstrap: str, cwd) -> str:
    """builtin_rules_dir() in a fresh interpreter, ``bootstrap`` run first."""
    code = bootstrap + "\nfrom cleaner.ruleset import builtin_rules_dir\nprint(builtin_rules_dir())"
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env={**os.environ, "PYTHONPATH": str(pythonpath)},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


def test_the_installed_package_reads_its_own_rules(installed, tmp_path):
    assert rules_dir_seen(installed, "", tmp_path) == str(installed / "cleaner" / "rules")


# An editable install (pip install -e .) puts a finder on sys.meta_path that maps
# cleaner.rules to its checkout's rules/ folder; this one does the same for another folder.
EDITABLE_FINDER = """
import importlib.abc, importlib.util, sys
class Editable(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "cleaner.rules":
            return importlib.util.spec_from_file_location(
                name, {init!r}, submodule_search_locations=[{folder!r}])
        return None
sys.meta_path.append(Editable())
"""


def test_a_checkout_first_on_the_path_reads_its_own_rules_past_an_editable_install(tmp_path):
    """A second checkout put first on PYTHONPATH (a worktree; an old commit a benchmark
    compares with) runs its own code with its own rule files, not those of the checkout an
    editable install maps cleaner.rules to."""
    checkout, elsewhere = tmp_path / "checkout", tmp_path / "installed-checkout-rules"
    shutil.copytree(ROOT / "cleaner", checkout / "cleaner", ignore=shutil.ignore_patterns("__pycache__", "rules"))
    shutil.copytree(ROOT / "rules", checkout / "rules")
    shutil.copy2(ROOT / "pyproject.toml", checkout / "pyproject.toml")
    shutil.copytree(ROOT / "rules", elsewhere)
    bootstrap = EDITABLE_FINDER.format(init=str(elsewhere / "__init__.py"), folder=str(elsewhere))
    assert rules_dir_seen(checkout, bootstrap, tmp_path) == str(checkout / "rules")


def test_benchmarks_checkout_runs_an_old_checkout_with_its_own_rules(tmp_path):
    """benchmarks/checkout.py (bench.py --compare): code that asks the import system for
    cleaner.rules first, as every commit before the fix did, reads the checkout's rules
    once the editable hooks that map cleaner are gone; other finders stay."""
    tool = benchmark("checkout")
    env = tool.checkout_env(tmp_path / "old", {"PATH": os.environ.get("PATH", "")})
    first, shim = env["PYTHONPATH"].split(os.pathsep)
    assert first == str((tmp_path / "old").resolve())
    code = (
        "import sys, types\n"
        "editable = types.ModuleType('__editable___x_finder'); editable.MAPPING = {'cleaner': '/a'}\n"
        "other = types.ModuleType('other_finder'); other.MAPPING = {'numpy': '/b'}\n"
        "sys.modules.update({m.__name__: m for m in (editable, other)})\n"
        "A = type('A', (), {'__module__': editable.__name__}); B = type('B', (), {'__module__': other.__name__})\n"
        "sys.meta_path[:0] = [A, B]\n"
        f"exec(open({str(pathlib.Path(shim) / 'sitecustomize.py')!r}).read())\n"
        "print(A in sys.meta_path, B in sys.meta_path)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.split() == ["False", "True"], done.stderr
