"""The package as pip installs it, not as the checkout holds it: a wheel is built from the
project's files and unpacked into a folder of its own, and `cleaner rules check` and
`cleaner rules test` run from another folder against it. A built-in case that reads a file
the wheel does not ship (the checkout's seeds/), or a path taken relative to the working
folder, fails here and nowhere else."""
import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

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
