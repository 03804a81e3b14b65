"""Packaging facts CI relies on: the oldest-versions constraints file pins exactly the
lower bounds pyproject.toml declares, so the bounds users get are the ones CI tests."""
import re

try:
    import tomllib
except ModuleNotFoundError:           # Python 3.10
    tomllib = None

import pytest
from conftest import ROOT


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_lower_bounds() -> dict[str, str]:
    if tomllib is None:
        pytest.skip("tomllib needs Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += extra
    bounds = {}
    own = canonical(project["name"])
    for req in reqs:
        m = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(.*)$", req)
        name, spec = canonical(m.group(1)), m.group(2)
        if name == own:
            continue            # an extra naming another extra of this project ("dev" takes "test")
        low = re.search(r">=\s*([0-9][^,;\s]*)", spec)
        assert low, f"{req!r}: every dependency declares a lower bound (>=) that CI tests"
        bounds.setdefault(name, set()).add(low.group(1))
    for name, lows in bounds.items():
        assert len(lows) == 1, f"{name}: two lower bounds in pyproject.toml ({sorted(lows)})"
    return {name: lows.pop() for name, lows in bounds.items()}


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / ".ci" / "constraints-oldest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonical(name)] = version.strip()
    return pins


def release(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in re.findall(r"\d+", version)]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def test_oldest_constraints_pin_the_declared_lower_bounds():
    bounds, pins = declared_lower_bounds(), pinned()
    # Tools CI installs on its own (ruff, tox, import-linter) need no oldest run.
    bounds = {n: v for n, v in bounds.items() if n not in {"ruff", "tox", "import-linter"}}
    assert set(pins) == set(bounds), (sorted(set(bounds) - set(pins)), sorted(set(pins) - set(bounds)))
    wrong = {n: (bounds[n], pins[n]) for n in bounds if release(bounds[n]) != release(pins[n])}
    assert not wrong, f"pyproject lower bound vs constraints pin: {wrong}"


def test_distribution_name_is_not_the_taken_one():
    """`cleaner` on the package index is an unrelated project: `pip install 'cleaner[datatrove]'`
    installed it. The distribution has its own name; the import package and command stay `cleaner`."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    name = re.search(r'(?m)^name = "([^"]+)"', text).group(1)
    assert canonical(name) == "berita-cleaner"
    assert re.search(r'(?m)^cleaner = "cleaner\.cli:main"$', text)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install 'cleaner[" not in readme and "pip install 'berita-cleaner[datatrove]'" in readme
