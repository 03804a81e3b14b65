import pathlib

import pytest

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
