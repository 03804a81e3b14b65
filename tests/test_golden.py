"""The five seed pages against their reviewed golden records, field by field."""
import json

import pytest
from conftest import ROOT
from regen_golden import golden_view

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_matches_golden(seed, cleaner):
    want = json.loads((ROOT / "tests" / "golden" / (seed.stem + ".json")).read_text(encoding="utf-8"))
    got = golden_view(cleaner.clean_file(seed))
    assert got["text"].split("\n\n") == want["text"].split("\n\n")
    for key, value in want["metadata"].items():
        assert got["metadata"][key] == value, key
    # the id hashes the path as given (absolute here), so it differs per checkout


def test_seed_bodies_are_clean(cleaner):
    boiler = ("Baca juga", "Baca Juga", "Rekomendasi untuk Anda", "Ikuti kami di", "Berita Terkini",
              "All Right Reserved", "Editor:", "Sumber:", "Homepage", "Gak Cuma Cepat", "Kabar Daerah",
              "Artikel Pilihan", "Terpopuler", "Pedoman Media Siber", "AFP\n")
    for seed in SEEDS:
        text = cleaner.clean_file(seed).text
        for b in boiler:
            assert b not in text + "\n", (seed.name, b)
