"""Dev-corpus quality gate: clean ../shared/devset/raw, score it, compare with the
floors pinned in .ci/quality_floors.json. Lowering a floor is a reviewed change
to that file, never a silent one. Usage: python .ci/gate.py [--update]"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
FLOORS = os.path.join(HERE, "quality_floors.json")


def measure() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "dev.jsonl")
        subprocess.run([sys.executable, "-m", "cleaner", os.path.join(SHARED, "devset", "raw"), "-o", out, "-q"],
                       check=True, cwd=ROOT)
        res = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score.py"), "--gold",
                              os.path.join(SHARED, "devset", "gold"), "--pred", out, "--json"],
                             check=True, capture_output=True, text=True)
    r = json.loads(res.stdout)
    fp = sum(v.get("false_positive", 0) for v in r["metadata"].values())
    got = {"f1": round(r["f1"], 4), "lost_lines": r["lost_lines"], "leaked_lines": r["leaked_lines"],
           "metadata_false_positives": fp}
    for net, sub in r["per_network"].items():
        got[f"f1_{net}"] = round(sub["f1"], 4)
    for field, c in r["metadata"].items():
        got[f"{field}_correct"] = c.get("correct", 0)
    return got


def main() -> int:
    if not os.path.isdir(os.path.join(SHARED, "devset")):
        print("gate: ../shared/devset not found; skipped")
        return 0
    got = measure()
    if "--update" in sys.argv:
        with open(FLOORS, "w") as fh:
            json.dump(got, fh, indent=1, sort_keys=True)
            fh.write("\n")
        print("gate: floors written", got)
        return 0
    with open(FLOORS) as fh:
        floors = json.load(fh)
    bad = []
    for key, floor in floors.items():
        value = got.get(key)
        lower_is_better = key in ("lost_lines", "leaked_lines", "metadata_false_positives")
        if value is None or (value > floor if lower_is_better else value < floor - 1e-9):
            bad.append(f"{key}: {value} (pinned {'<=' if lower_is_better else '>='} {floor})")
    print("gate:", ", ".join(f"{k}={v}" for k, v in got.items()))
    if bad:
        print("gate: FAILED:\n  " + "\n  ".join(bad))
        return 1
    print("gate: all floors met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
