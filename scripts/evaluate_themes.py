"""Score milepost.reflection.themes against labelled persona sets.

Usage: .venv/bin/python scripts/evaluate_themes.py [FILE ...]

Without arguments it reads milepost/reflection/devset/dev.json (the set the detector is tuned
on) and every non-empty holdout*.json beside it (held out: never tune on them). A spent holdout
file is left empty, its personas moved into dev.json. For each file it prints precision, recall,
F1 and support per theme, micro-averaged P/R/F1, and the mean time per persona (one round); -v
adds each persona's mistakes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from milepost.reflection.themes import THEME_KEYS, detect_themes  # noqa: E402

DEVSET = ROOT / "milepost" / "reflection" / "devset"
TIMING_REPEATS = 20


def load_personas(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["personas"]


def default_files(devset: Path = DEVSET) -> list[Path]:
    """dev.json, then each holdout*.json still holding personas (holdout2 after holdout)."""
    holdouts = sorted(devset.glob("holdout*.json"), key=lambda path: (len(path.name), path.name))
    return [devset / "dev.json", *(path for path in holdouts if load_personas(path))]


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(personas: list[dict]) -> dict:
    """Per-theme and micro-averaged figures, plus the mistakes persona by persona."""
    counts = {key: [0, 0, 0] for key in THEME_KEYS}  # tp, fp, fn
    mistakes = []
    for persona in personas:
        gold = set(persona["themes"])
        found = {theme.key for theme in detect_themes(persona["answers"])}
        for key in THEME_KEYS:
            counts[key][0] += key in gold and key in found
            counts[key][1] += key in found and key not in gold
            counts[key][2] += key in gold and key not in found
        if gold != found:
            mistakes.append((persona["id"], sorted(found - gold), sorted(gold - found)))
    per_theme = {key: (*_f1(*counts[key]), counts[key][0] + counts[key][2]) for key in THEME_KEYS}
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"per_theme": per_theme, "micro": _f1(*totals), "mistakes": mistakes}


def time_per_persona(personas: list[dict]) -> float:
    """Mean milliseconds for one round (one persona's eight answers)."""
    start = time.perf_counter()
    for _ in range(TIMING_REPEATS):
        for persona in personas:
            detect_themes(persona["answers"])
    return (time.perf_counter() - start) * 1000 / (TIMING_REPEATS * len(personas))


def report(path: Path, verbose: bool = False) -> None:
    personas = load_personas(path)
    if not personas:
        print(f"== {path.name}: no personas, nothing to score\n")
        return
    result = evaluate(personas)
    print(f"== {path.name}: {len(personas)} personas")
    print(f"{'theme':<16} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for key, (precision, recall, f1, support) in result["per_theme"].items():
        print(f"{key:<16} {precision:6.2f} {recall:6.2f} {f1:6.2f} {support:8d}")
    precision, recall, f1 = result["micro"]
    print(f"{'micro':<16} {precision:6.2f} {recall:6.2f} {f1:6.2f}")
    print(f"timing: {time_per_persona(personas):.2f} ms per persona (mean of one round)")
    if verbose:
        for pid, extra, missing in result["mistakes"]:
            print(f"  {pid}: extra {extra} missing {missing}")
    print()


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(arg) for arg in argv if arg != "-v"]
    if not paths:
        paths = default_files()
    for path in paths:
        report(path, verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
