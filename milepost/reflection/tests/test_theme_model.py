"""The optional theme model (issue 17): off by default, blended with the rules when on.

Pure functions: no database, no clock. The tests that need the real model skip, saying so,
only when wordllama (the `model` extra) is not installed; the rest use a stand-in embedder.
"""

import json
import socket
import zlib

import numpy as np
import pytest

from milepost.reflection import theme_model
from milepost.reflection.themes import _HOME, THEME_KEYS, THRESHOLD, detect_themes

ROUND = {
    "drive": "I check my watch stats before coffee.",
    "places_people": "My Tuesday group from the club, we natter the whole way round.",
    "life_fit": "Early mornings before the kids wake up. I have never missed a Tuesday.",
}
NEEDS_WORDLLAMA = pytest.mark.skipif(
    not theme_model.installed(),
    reason="wordllama is not installed (the optional `model` extra: pip install -e '.[model]')",
)


@pytest.fixture(autouse=True)
def _no_override():
    theme_model.reset()
    yield
    theme_model.reset()


def stand_in(weights: dict[str, float] | None = None, dim: int = 4) -> theme_model.ThemeModel:
    """A model whose probability for each theme is set by its intercept alone (0.5 if unset);
    its embedder gives sentences about 'river' a vector the 'places' weights favour."""

    def embed(texts):
        return np.array([[1.0, 0, 0, 0] if "river" in t else [0, 1.0, 0, 0] for t in texts])

    w = np.zeros((len(THEME_KEYS), 2 * (dim + theme_model.WORDS)))
    w[THEME_KEYS.index("places"), 0] = 1.0
    coefficients = {
        "themes": list(THEME_KEYS),
        "home": {q: list(t) for q, t in _HOME.items()},
        "scale": 1.0,
        "weights": w.tolist(),
        "intercepts": [(weights or {}).get(theme, 0.0) for theme in THEME_KEYS],
    }
    return theme_model.ThemeModel(embed, coefficients)


def keys(answers):
    return {theme.key for theme in detect_themes(answers)}


# On by default; switched off, the rules alone, unchanged.


@pytest.mark.parametrize("value", ["0", "false", "no", "off", " False "])
def test_switched_off_the_rules_alone_decide_and_no_model_is_loaded(monkeypatch, value):
    monkeypatch.setenv(theme_model.ENV, value)
    monkeypatch.setattr(theme_model, "_packaged", pytest.fail)
    assert theme_model.active() is None
    assert keys(ROUND) == {"numbers", "social", "consistency"}


def test_with_the_switch_but_without_wordllama_the_rules_alone_decide(monkeypatch):
    monkeypatch.setenv(theme_model.ENV, "1")
    monkeypatch.setattr(theme_model, "installed", lambda: False)
    monkeypatch.setattr(theme_model, "_packaged", pytest.fail)
    assert theme_model.active() is None
    assert keys(ROUND) == {"numbers", "social", "consistency"}


DOUBTFUL = -2.2  # an intercept for a probability of 0.1


def test_a_doubtful_model_leaves_the_rules_clear_themes_alone():
    rules_alone = detect_themes(ROUND)
    assert {t.score for t in rules_alone} == {0.95}
    theme_model.use(stand_in(dict.fromkeys(THEME_KEYS, DOUBTFUL)))
    assert [t.key for t in detect_themes(ROUND)] == [t.key for t in rules_alone]


# Blending.


def test_the_cut_lands_on_the_rules_threshold():
    model = stand_in()
    p = 0.5  # the stand-in's probability with no intercept
    at_cut = (theme_model.CUT - theme_model.BLEND * p) / (1 - theme_model.BLEND)
    blended, _ = model.blend([("drive", "x")], dict.fromkeys(THEME_KEYS, at_cut), THRESHOLD)
    assert blended["numbers"] == pytest.approx(THRESHOLD)
    low, _ = model.blend([("drive", "x")], dict.fromkeys(THEME_KEYS, 0.0), THRESHOLD)
    high, _ = model.blend([("drive", "x")], dict.fromkeys(THEME_KEYS, 1.0), THRESHOLD)
    assert min(low.values()) >= 0.0 and max(high.values()) <= 1.0


def test_a_confident_model_takes_back_a_theme_the_rules_barely_propose_not_a_clear_one():
    answers = {"places_people": "Would love to do the coastal path in Cornwall one summer."}
    assert {t.key: t.score for t in detect_themes(answers)} == {"places": 0.95, "big_dream": 0.55}
    theme_model.use(stand_in({"places": DOUBTFUL, "big_dream": -8.0}))
    assert keys(answers) == {"places"}


def test_a_theme_the_model_lifts_is_quoted_with_the_sentence_that_speaks_for_it():
    answers = {
        "proud": "Finished my first 10k. Then I stopped at the riverbank, lovely.",
        "journey": "Three runs a week now.",
    }
    assert "places" not in keys(answers)
    theme_model.use(stand_in({"places": 6.0}))
    places = next(t for t in detect_themes(answers) if t.key == "places")
    assert [(e.question, e.text) for e in places.evidence] == [
        ("proud", "Then I stopped at the riverbank, lovely.")
    ]


def test_the_coefficients_file_is_small_and_matches_the_themes():
    assert theme_model.COEFFICIENTS.stat().st_size < 400_000
    coefficients = json.loads(theme_model.COEFFICIENTS.read_text(encoding="utf-8"))
    assert coefficients["themes"] == list(THEME_KEYS)
    assert coefficients["home"] == {q: list(t) for q, t in _HOME.items()}
    width = 2 * (256 + theme_model.WORDS)
    assert np.array(coefficients["weights"]).shape == (len(THEME_KEYS), width)
    assert len(coefficients["intercepts"]) == len(THEME_KEYS)


# The real model (wordllama installed).


@NEEDS_WORDLLAMA
def test_wordllama_loads_from_its_wheel_without_the_network(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network used: {args}")

    monkeypatch.setenv("HOME", str(tmp_path))  # no cached download to fall back on
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    vectors = theme_model.load_embedder()(["I love race day.", "Races are not for me."])
    assert vectors.shape == (2, 256)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)


@NEEDS_WORDLLAMA
@pytest.mark.parametrize("value", [None, "", "1", "true"])
def test_by_default_or_switched_on_the_packaged_model_blends_in(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(theme_model.ENV, raising=False)
    else:
        monkeypatch.setenv(theme_model.ENV, value)
    assert isinstance(theme_model.active(), theme_model.ThemeModel)
    found = detect_themes(ROUND)
    assert {"numbers", "social"} <= {t.key for t in found}
    notes = " ".join(ROUND.values())
    assert all(e.text in notes for t in found for e in t.evidence)


def test_words_after_a_negation_in_their_clause_are_other_words():
    bag = theme_model.bag_of_words
    assert bag("I race") @ bag("I never race") < 0.5
    assert bag("I don't race, I love it") @ bag("I do not race. I love it") == pytest.approx(1.0)
    # The negation's scope ends with its clause: "love it" is the same either way.
    slot = zlib.crc32(b"love") % theme_model.WORDS
    assert bag("Not a racer, but I love it")[slot] > 0
    assert bag("") @ bag("") == 0.0


# FROZEN (see each set's note and test_themes.py): each scored once with this model blended
# in (2026-12-04), holdout7 first, then the older ones: micro-F1 holdout7 0.913 (every theme
# 0.78 or more), holdout6 0.899 (confidence 0.67), holdout5 0.842 (confidence 0.43),
# holdout4 0.887 (consistency 0.67). Never lower these bars.
WITH_MODEL_FLOORS = {"holdout4": 0.88, "holdout5": 0.84, "holdout6": 0.89, "holdout7": 0.91}


@NEEDS_WORDLLAMA
@pytest.mark.parametrize("name", sorted(WITH_MODEL_FLOORS))
def test_each_frozen_set_with_the_model_never_drops_below_what_was_reported(monkeypatch, name):
    from .test_themes import DEV_SET, detected_keys, f1_by_theme

    monkeypatch.setenv(theme_model.ENV, "true")
    path = DEV_SET.parent / f"{name}.json"
    personas = json.loads(path.read_text(encoding="utf-8"))["personas"]
    micro, per_theme = f1_by_theme(personas, detected_keys)
    assert micro >= WITH_MODEL_FLOORS[name]
    if name == "holdout7":
        assert min(per_theme.values()) >= 0.7
