import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def cleaner():
    from cleaner import Cleaner
    return Cleaner()


@pytest.fixture(scope="session")
def root():
    return ROOT
