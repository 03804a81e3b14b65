"""Every rule file's own test cases, one parametrized test (ids: outlet::case)."""
import pytest
from conftest import ROOT

from cleaner import Cleaner
from cleaner.ruleset import load_ruleset
from cleaner.tools.ruletests import run_case

_RS = load_ruleset()
CASES = [c for o in [_RS.common, *_RS.outlets.values()] for c in o.cases]


def test_every_rule_file_has_cases():
    for outlet in [_RS.common, *_RS.outlets.values()]:
        assert outlet.cases, f"{outlet.source} carries no test case"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.outlet}::{c.name}" for c in CASES])
def test_rule_case(case, cleaner: Cleaner):
    problems = run_case(cleaner, case)
    assert not problems, f"{case.source} case {case.name!r}:\n  " + "\n  ".join(problems)


def test_the_rule_cases_pages_are_the_seeds_unchanged():
    """The built-in files' cases read their pages beside them (rules/cases/, shipped in
    the wheel, which has no seeds/): copies of four seeds, which must not drift."""
    pages = sorted((ROOT / "rules" / "cases").glob("*.txt"))
    assert pages
    for page in pages:
        assert page.read_bytes() == (ROOT / "seeds" / page.name).read_bytes(), page.name
