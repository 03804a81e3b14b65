"""Regenerate tests/golden/ from seeds/: run, then REVIEW the diff line by line
(`git diff tests/golden`) before committing. Usage: python tests/regen_golden.py"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from cleaner import Cleaner  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
VOLATILE = ("rules_version", "cleaner_version")


def golden_view(record) -> dict:
    d = record.to_dict()
    for k in VOLATILE:
        d["metadata"].pop(k)
    d["metadata"]["source_path"] = pathlib.Path(d["metadata"]["source_path"]).name
    d.pop("id")       # a hash of the path as given: differs between checkouts
    return d


if __name__ == "__main__":
    c = Cleaner()
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        out = ROOT / "tests" / "golden" / (f.stem + ".json")
        out.write_text(json.dumps(golden_view(c.clean_file(f)), ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
        print("wrote", out.relative_to(ROOT))
