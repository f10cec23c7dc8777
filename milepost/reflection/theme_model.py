"""An optional packaged model that blends with the rules in themes.py (issue 17).

On when the `model` extra is installed (`pip install milepost[model]`, which brings the
`wordllama` wheel with its weights and tokenizer inside; `make run` and `make test` install it),
unless MILEPOST_THEME_MODEL is false. Otherwise detect_themes is the rules alone, unchanged, and
this module imports nothing.

How a round is read with it:

1. Each note is embedded by WordLlama (token embeddings averaged, unit length), loaded from
   the files inside the wheel, never from the network.
2. Each note is also read as a bag of its words and word pairs, hashed into WORDS slots: a word
   in the scope of a negation in its clause ("never", "not", "n't", "no") counts as another
   word ("NOT_race"), which embeddings averaged cannot tell apart.
3. For each theme, a logistic regression reads both over all the round's notes and over the
   notes under the questions that ask about the theme. Its coefficients, learnt from
   devset/dev.json, are in theme_model.json, written by scripts/train_theme_model.py.
4. A theme's score becomes BLEND parts the model's probability to (1 - BLEND) parts the
   rules' score, rescaled so that CUT lands on the rules' threshold; a theme the model lifts
   with no cue from the rules is quoted with the sentence that speaks for it most.

Pure: numpy, and wordllama when it is enabled; no Django.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

ENV = "MILEPOST_THEME_MODEL"
COEFFICIENTS = Path(__file__).with_name("theme_model.json")
# The model's probability weighs BLEND against the rules' score, and a blended score from CUT
# up is proposed: chosen by 5-fold CV (every fold chose the same) on 464 dev personas each
# version of the rules had not seen, among them a01-d50 and s01-u50 from seven writers new to
# the rules (scripts/train_theme_model.py --proxy). A theme the rules score 1.0 stands.
BLEND = 0.6
CUT = 0.4

Embed = Callable[[list[str]], np.ndarray]  # texts -> (n, dim) unit vectors
Notes = Sequence[tuple[str, str]]  # (question, note), as themes._notes gives them

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
WORDS = 1024  # hashed slots of the bag of words and word pairs
_CLAUSE = re.compile(r"[.!?;,:\n]|\b(?:but|though|although)\b")
_WORD = re.compile(r"[a-z']+")
_NEGATION = frozenset({"not", "never", "no", "nothing", "nor", "cannot", "without", "hardly"})


def bag_of_words(text: str) -> np.ndarray:
    """The text's words and word pairs hashed into WORDS slots, unit length; within a clause,
    the words after a negation are other words ("NOT_race")."""
    bag = np.zeros(WORDS)
    for clause in _CLAUSE.split(text.lower().replace("n't", " not")):
        negated, previous = False, None
        for word in _WORD.findall(clause):
            negated = negated or word in _NEGATION
            key = f"NOT_{word}" if negated else word
            bag[zlib.crc32(key.encode()) % WORDS] += 1
            if previous:
                bag[zlib.crc32(f"{previous} {key}".encode()) % WORDS] += 1
            previous = key
    norm = np.linalg.norm(bag)
    return bag / norm if norm else bag


def installed() -> bool:
    """Whether the `model` extra (wordllama) is installed; imports nothing."""
    return importlib.util.find_spec("wordllama") is not None


def wanted() -> bool:
    """On unless MILEPOST_THEME_MODEL says false (settings.py refuses any other value)."""
    return os.environ.get(ENV, "").strip().lower() not in {"0", "false", "no", "off"}


def load_embedder() -> Embed:
    """WordLlama's l2_supercat (256 dimensions) from the files inside its wheel.

    WordLlama.load() on its own looks for the tokenizer in a folder the wheel does not have
    and downloads it from Hugging Face; pointing its cache at the package itself, with
    downloads disabled, reads both files from the wheel and never touches the network.
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    import wordllama  # optional; its import calls logging.basicConfig(level=INFO): undone here

    root.handlers[:] = handlers
    root.setLevel(level)
    model = wordllama.WordLlama.load(
        config="l2_supercat",
        dim=256,
        cache_dir=Path(wordllama.__file__).parent,
        disable_download=True,
    )

    def embed(texts: list[str]) -> np.ndarray:
        return np.nan_to_num(model.embed(texts, norm=True))

    return embed


class ThemeModel:
    """Per-theme logistic regressions over note embeddings and bags of words, blended with the
    rules."""

    def __init__(self, embed: Embed, coefficients: dict) -> None:
        self.embed = embed
        self.themes: list[str] = list(coefficients["themes"])
        self.home: dict[str, list[str]] = coefficients["home"]
        self.scale = float(coefficients["scale"])
        # (themes, 2 * (dim + WORDS)): all notes' embedding, the home notes', then their words
        self.weights = np.array(coefficients["weights"], dtype=np.float64)
        self.intercepts = np.array(coefficients["intercepts"], dtype=np.float64)
        self.dim = self.weights.shape[1] // 2 - WORDS

    def features(self, notes: Notes, vectors: np.ndarray) -> np.ndarray:
        """(themes, 2 * (dim + WORDS)): the mean embedding of all notes and of the theme's home
        notes, then the bag of words of all notes and of the home notes."""
        by_notes: dict[tuple[int, ...], np.ndarray] = {}  # themes often share their home notes

        def read(chosen: tuple[int, ...]) -> np.ndarray:
            if chosen not in by_notes:
                mean = vectors[list(chosen)].mean(axis=0) if chosen else np.zeros(self.dim)
                words = bag_of_words("\n".join(notes[i][1] for i in chosen))
                by_notes[chosen] = np.concatenate([mean, words])
            return by_notes[chosen]

        every, d = read(tuple(range(len(notes)))), self.dim
        rows = []
        for theme in self.themes:
            home = read(tuple(i for i, (q, _) in enumerate(notes) if theme in self.home.get(q, ())))
            rows.append(np.concatenate([every[:d], home[:d], every[d:], home[d:]]))
        return np.array(rows) * self.scale

    def probabilities(self, notes: Notes) -> dict[str, float]:
        vectors = self.embed([note for _, note in notes]) if notes else np.zeros((0, self.dim))
        x = self.features(notes, vectors)
        logits = np.einsum("td,td->t", x, self.weights) + self.intercepts
        return dict(zip(self.themes, 1 / (1 + np.exp(-logits)), strict=True))

    def blend(
        self, notes: Notes, scores: dict[str, float], threshold: float
    ) -> tuple[dict[str, float], dict[str, float]]:
        """(blended scores with CUT moved onto `threshold`, the model's probabilities)."""
        probability = self.probabilities(notes)
        out = {}
        for theme, score in scores.items():
            mixed = (1 - BLEND) * score + BLEND * probability.get(theme, score)
            if mixed < CUT:
                out[theme] = mixed * threshold / CUT
            else:
                out[theme] = threshold + (mixed - CUT) * (1 - threshold) / (1 - CUT)
        return out, probability

    def quote(self, notes: Notes, theme: str) -> tuple[str, int]:
        """(index into notes, offset of the sentence in it) that speaks most for `theme`."""
        row = self.themes.index(theme)
        spots = [
            (i, m.start(), m.group())
            for i, (_, note) in enumerate(notes)
            for m in _SENTENCE.finditer(note)
            if any(ch.isalnum() for ch in m.group())
        ]
        vectors = self.embed([text for _, _, text in spots])
        weights = self.weights[row]

        def speaks(k: int) -> float:  # the theme's logit were the round that sentence alone
            alone = [(notes[spots[k][0]][0], spots[k][2])]
            return float(self.features(alone, vectors[k : k + 1])[row] @ weights)

        best = max(range(len(spots)), key=speaks)
        return spots[best][0], spots[best][1]


_override: list[ThemeModel | None] = []


def use(model: ThemeModel | None) -> None:
    """Make detect_themes use `model` (None: the rules alone) until reset() (scripts, tests)."""
    _override[:] = [model]


def reset() -> None:
    _override.clear()


@lru_cache(maxsize=1)
def _packaged() -> ThemeModel:
    coefficients = json.loads(COEFFICIENTS.read_text(encoding="utf-8"))
    return ThemeModel(load_embedder(), coefficients)


def active() -> ThemeModel | None:
    """The model detect_themes blends in, or None for the rules alone (the default)."""
    if _override:
        return _override[0]
    if not (wanted() and installed()):
        return None
    return _packaged()
