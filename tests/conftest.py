import os
import pathlib

import pytest
from hypothesis import HealthCheck, settings

# Every hypothesis test runs on a fixed set of examples by default (the "ci" profile,
# derandomized): CI then runs exactly the examples a green run here ran. A random
# example once reached a pattern that Python's `re` (which hypothesis' from_regex
# searches with) backtracks on for over an hour, and CI timed out on a draw this
# machine never made. Profiles are loaded here, before any test module builds its
# @settings, so none depends on which module pytest imports first.
# For a longer, random run: HYPOTHESIS_PROFILE=deep pytest --hypothesis-show-statistics
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=3000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def cleaner():
    from cleaner import Cleaner
    return Cleaner()


@pytest.fixture(scope="session", params=["fast", "trafilatura"])
def html_cleaner(request):
    """A Cleaner for each HTML engine: tests of the HTML path run on both."""
    from cleaner import Cleaner
    return Cleaner(html_engine=request.param)


@pytest.fixture(scope="session")
def root():
    return ROOT


# tests/ holds helper modules (regen_golden) imported by the tests.
import sys  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
