r"""Learn the optional theme model's coefficients (milepost/reflection/theme_model.py).

Usage (needs the `model` extra: pip install -e '.[model]'):

  python scripts/train_theme_model.py              fit on dev.json, write theme_model.json
  python scripts/train_theme_model.py --cv [K]     K-fold (default 5) by persona on dev.json:
                                                   rules alone vs rules + a model fitted on the
                                                   other folds, each fold scored by evaluate()
  python scripts/train_theme_model.py --proxy REV ID_REGEX [REV ID_REGEX ...]
                                                   the check that chose BLEND and CUT: for each
                                                   pair, the rules as they were at git revision
                                                   REV on the dev personas whose id matches
                                                   (which they had not seen), and a model
                                                   fitted on all the other dev personas

Only dev.json is read. The rules were tuned on all of it, so --cv flatters them; --proxy
scores rules on personas they had not seen. BLEND and CUT were chosen with
  --proxy 19130ec '[stu]\d+' a53bfd6 '[abcd]\d+' 4ca73b5 'f\d+' 'ff3e17e^' 'k\d+' 3281f36 'h\d+'
(the three and the four sets written blind on 2026-12-04, by the rules of the day before any
tuning on them; dev5 before tuning on it; the second and first holdout sets before they moved
into dev).

Deterministic: the same dev.json gives the same file.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluate_themes import DEVSET, _f1, evaluate, load_personas  # noqa: E402

from milepost.reflection import theme_model  # noqa: E402
from milepost.reflection.themes import _HOME, THEME_KEYS, _notes  # noqa: E402

PENALTY = 1.0  # L2 on the logistic weights
SCALE = 4.0  # features are unit-vector means; scaled so the penalty bites evenly
FOLDS = 5
DIGITS = 4


def embed_personas(personas: list[dict], embed) -> list[tuple[list, np.ndarray]]:
    """(notes, their embeddings) of each persona."""
    out = []
    for persona in personas:
        notes = _notes(persona["answers"])
        vectors = embed([n for _, n in notes]) if notes else np.zeros((0, 256))
        out.append((notes, vectors))
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method (intercept not penalised)."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.full(x1.shape[1], PENALTY)
    penalty[-1] = 1e-6
    w = np.zeros(x1.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x1 @ w))
        gradient = x1.T @ (p - y) + penalty * w
        hessian = (x1.T * (p * (1 - p))) @ x1 + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w[:-1], float(w[-1])


def fit(personas: list[dict], embedded: list, embed) -> theme_model.ThemeModel:
    home = {q: list(themes) for q, themes in _HOME.items()}
    width = 2 * (256 + theme_model.WORDS)
    shell = theme_model.ThemeModel(embed, _coefficients(home, np.zeros((len(THEME_KEYS), width))))
    x = np.array([shell.features(n, v) for n, v in embedded])  # (personas, themes, features)
    weights, intercepts = [], []
    for t, theme in enumerate(THEME_KEYS):
        y = np.array([theme in p["themes"] for p in personas], dtype=float)
        w, b = fit_logistic(x[:, t], y)
        weights.append(w)
        intercepts.append(b)
    coefficients = _coefficients(home, np.array(weights), intercepts)
    return theme_model.ThemeModel(embed, coefficients)


def _coefficients(home, weights, intercepts=None) -> dict:
    return {
        "note": "Written by scripts/train_theme_model.py from devset/dev.json; do not edit.",
        "embedding": "wordllama l2_supercat 256",
        "words": theme_model.WORDS,
        "themes": list(THEME_KEYS),
        "home": home,
        "scale": SCALE,
        "intercepts": [round(float(b), DIGITS) for b in (intercepts or [0.0] * len(weights))],
        "weights": [[round(float(w), DIGITS) for w in row] for row in weights],
    }


def folds(personas: list[dict], k: int) -> list[int]:
    """Fold of each persona: by position, so neighbours (written together) spread out."""
    return [i % k for i in range(len(personas))]


def _table(title: str, results: dict[str, dict]) -> None:
    names = list(results)
    print(f"== {title}")
    print(f"{'theme':<16}" + "".join(f"{name:>14}" for name in names))
    for key in THEME_KEYS:
        print(f"{key:<16}" + "".join(f"{r['per_theme'][key][2]:14.3f}" for r in results.values()))
    print(f"{'micro-F1':<16}" + "".join(f"{r['micro'][2]:14.3f}" for r in results.values()))
    print(
        f"{'micro P / R':<16}"
        + "".join(f"{r['micro'][0]:7.3f}{r['micro'][1]:7.3f}" for r in results.values())
    )
    print()


def cross_validate(personas: list[dict], embedded: list, embed, k: int) -> None:
    """Each held fold scored by evaluate(), rules alone and rules + the other folds' model."""
    fold = folds(personas, k)
    rules, blended = [], []
    for f in range(k):
        train = [i for i in range(len(personas)) if fold[i] != f]
        test = [personas[i] for i in range(len(personas)) if fold[i] == f]
        model = fit([personas[i] for i in train], [embedded[i] for i in train], embed)
        theme_model.use(None)
        rules.append(evaluate(test))
        theme_model.use(model)
        blended.append(evaluate(test))
        theme_model.reset()
    title = f"{k}-fold CV by persona on dev.json ({len(personas)} personas)"
    _table(title, {"rules": _pool(rules), "rules+model": _pool(blended)})


def _pool(results: list[dict]) -> dict:
    """Per-theme and micro figures over all held folds, from each fold's evaluate() result
    (its support and its mistakes give the true and false positives and the misses)."""
    counts = {key: [0, 0, 0] for key in THEME_KEYS}  # tp, fp, fn
    for result in results:
        for key in THEME_KEYS:
            fn = sum(key in missing for _, _, missing in result["mistakes"])
            counts[key][0] += result["per_theme"][key][3] - fn
            counts[key][1] += sum(key in extra for _, extra, _ in result["mistakes"])
            counts[key][2] += fn
    per_theme = {key: (*_f1(*c), c[0] + c[2]) for key, c in counts.items()}
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"per_theme": per_theme, "micro": _f1(*totals)}


def _score(personas: list[dict], found: list[set[str]]) -> dict:
    """evaluate()'s figures for decisions made elsewhere (the rules of another revision)."""
    counts = {key: [0, 0, 0] for key in THEME_KEYS}
    for persona, keys in zip(personas, found, strict=True):
        gold = set(persona["themes"])
        for key in THEME_KEYS:
            counts[key][0] += key in gold and key in keys
            counts[key][1] += key in keys and key not in gold
            counts[key][2] += key in gold and key not in keys
    per_theme = {key: (*_f1(*c), c[0] + c[2]) for key, c in counts.items()}
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"per_theme": per_theme, "micro": _f1(*totals)}


def rules_at(revision: str, name: str):
    """themes.py as it was at `revision` (with its cue and word modules), imported afresh."""
    folder = Path(tempfile.mkdtemp(prefix="milepost-rules-"))
    package = folder / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    listed = ["git", "-C", str(ROOT), "ls-tree", "--name-only", revision, "milepost/reflection/"]
    names = subprocess.run(listed, check=True, capture_output=True, text=True).stdout.split()
    for path in names:  # themes.py and the cue and word modules it had then
        if Path(path).name.startswith("theme") and path.endswith(".py"):
            source = ["git", "-C", str(ROOT), "show", f"{revision}:{path}"]
            text = subprocess.run(source, check=True, capture_output=True, text=True).stdout
            (package / Path(path).name).write_text(text)
    sys.path.insert(0, str(folder))
    return importlib.import_module(f"{name}.themes")


def raw_scores(rules, answers) -> dict[str, float]:
    """Every theme's score under `rules`, before the threshold (detect_themes, unthresholded)."""
    pro = {t: [] for t in rules.THEME_KEYS}
    con = {t: [] for t in rules.THEME_KEYS}
    for question, note in rules._notes(answers):
        for text, weights in rules._read_note(question, note):
            for theme, (w_for, w_against) in weights.items():
                if w_for:
                    pro[theme].append((w_for, rules.Evidence(question, text)))
                if w_against:
                    con[theme].append(w_against)
    if hasattr(rules, "_hear_the_drive_answer"):
        rules._hear_the_drive_answer(pro)
    scores = {
        theme: rules._noisy_or(w for w, _ in pro[theme])
        * (1 - rules.AGAINST_FACTOR * rules._noisy_or(con[theme]))
        for theme in rules.THEME_KEYS
    }
    above = {t for t, s in scores.items() if s >= rules.THRESHOLD}
    assert above == {t.key for t in rules.detect_themes(answers)}, "raw scores disagree"
    return scores


def proxy(personas, embedded, embed, pairs: list[tuple[str, str]], k: int) -> None:
    """BLEND and CUT chosen by k-fold CV on personas the rules had not seen: for each
    (revision, id regex), the rules at that revision and a model fitted on all the others."""
    tests, rule, prob, sets = [], [], [], []
    for n, (revision, pattern) in enumerate(pairs):
        held = [i for i, p in enumerate(personas) if re.fullmatch(pattern, p["id"])]
        rest = [i for i in range(len(personas)) if i not in set(held)]
        model = fit([personas[i] for i in rest], [embedded[i] for i in rest], embed)
        rules = rules_at(revision, f"rules_then_{n}")
        first = len(tests)
        for i in held:
            tests.append(personas[i])
            rule.append(raw_scores(rules, personas[i]["answers"]))
            prob.append(model.probabilities(_notes(personas[i]["answers"])))
        title = f"{pattern} (rules at {revision}, model from the other {len(rest)})"
        sets.append((title, range(first, len(tests))))
    grid = [(b / 10, c / 100) for b in range(11) for c in range(35, 60, 5)]

    def found(rows, blend, cut):
        return [
            {t for t in THEME_KEYS if (1 - blend) * rule[i][t] + blend * prob[i][t] >= cut}
            for i in rows
        ]

    def micro(rows, blend, cut):
        return _score([tests[i] for i in rows], found(rows, blend, cut))["micro"][2]

    every = range(len(tests))
    fold = folds(tests, k)
    chosen = [set() for _ in tests]
    for f in range(k):
        train = [i for i in every if fold[i] != f]
        blend, cut = max(grid, key=lambda g: (micro(train, *g), -g[0], g[1]))
        print(f"fold {f}: BLEND {blend} CUT {cut}")
        for i in every:
            if fold[i] == f:
                chosen[i] = found([i], blend, cut)[0]
    best = max(grid, key=lambda g: (micro(every, *g), -g[0], g[1]))
    print(f"on all {len(tests)}, the best BLEND and CUT: {best}")
    for title, rows in [*sets, ("all", every)]:
        _table(
            f"{title}: {len(rows)} personas the rules had not seen",
            {
                "rules": _score([tests[i] for i in rows], found(rows, 0.0, 0.5)),
                "model": _score([tests[i] for i in rows], found(rows, 1.0, 0.5)),
                "blend by CV": _score([tests[i] for i in rows], [chosen[i] for i in rows]),
                "blend fixed": _score(
                    [tests[i] for i in rows], found(rows, theme_model.BLEND, theme_model.CUT)
                ),
            },
        )


def write(model: theme_model.ThemeModel) -> None:
    coefficients = _coefficients(model.home, model.weights, list(model.intercepts))
    rows = ",\n    ".join(json.dumps(row) for row in coefficients.pop("weights"))
    head = json.dumps(coefficients, indent=1)[:-2]
    theme_model.COEFFICIENTS.write_text(f'{head},\n "weights": [\n    {rows}\n ]\n}}\n')
    print(f"wrote {theme_model.COEFFICIENTS.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, nargs="?", const=FOLDS, help="k-fold CV, no writing")
    parser.add_argument("--proxy", nargs="+", metavar="REV ID_REGEX")
    args = parser.parse_args(argv)
    embed = theme_model.load_embedder()
    personas = load_personas(DEVSET / "dev.json")
    embedded = embed_personas(personas, embed)
    if args.cv:
        cross_validate(personas, embedded, embed, args.cv)
    elif args.proxy:
        if len(args.proxy) % 2:
            parser.error("--proxy takes pairs: REV ID_REGEX [REV ID_REGEX ...]")
        pairs = list(zip(args.proxy[::2], args.proxy[1::2], strict=True))
        proxy(personas, embedded, embed, pairs, FOLDS)
    else:
        write(fit(personas, embedded, embed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
