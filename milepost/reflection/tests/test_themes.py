"""Motivation-theme detection: the traps from the issue, the interface, and the dev-set guard.

Pure functions: no database, no clock.
"""

import dataclasses
import json
from pathlib import Path

import pytest

from milepost.reflection.themes import (
    QUESTION_KEYS,
    THEME_DESCRIPTIONS,
    THEME_KEYS,
    THEME_LABELS,
    Evidence,
    Theme,
    detect_themes,
)

DEV_SET = Path(__file__).resolve().parent.parent / "devset" / "dev.json"


def keys(answers):
    return {theme.key for theme in detect_themes(answers)}


def theme(answers, key):
    return next(t for t in detect_themes(answers) if t.key == key)


# The traps named in the issue.


def test_it_reads_a_change_of_heart_as_feeling_not_numbers():
    found = detect_themes({"drive": "I used to chase PRs, now I just want to enjoy it."})
    assert [t.key for t in found] == ["feeling"]
    assert found[0].evidence == (Evidence("drive", "now I just want to enjoy it."),)


def test_it_does_not_read_not_caring_about_pace_as_numbers():
    assert "numbers" not in keys({"drive": "I couldn't care less about pace."})
    assert "numbers" not in keys({"drive": "Honestly I could not care less about my pace."})


def test_it_reads_hating_races_as_race_averse_not_competition():
    assert keys({"competition": "I hate races."}) == {"race_averse"}


def test_it_reads_checking_watch_stats_as_numbers():
    assert keys({"drive": "I check my watch stats before coffee."}) == {"numbers"}


# Negation and contrast.


@pytest.mark.parametrize(
    "note",
    [
        "Races aren't my thing.",
        "Races? Not for me.",
        "I'd rather run round a supermarket car park than enter a race.",
        "I don't like the pressure of races.",
        "I don't hate races, I just don't see the point of them.",
        "Never raced, never will.",
    ],
)
def test_it_hears_a_rejection_of_races(note):
    found = keys({"competition": note})
    assert "race_averse" in found
    assert not found & {"competition", "race_experience"}


def test_it_keeps_loving_race_day_apart_from_competing():
    note = "I'm not competitive, but I love the buzz on race day and collecting the medals."
    assert keys({"competition": note}) == {"race_experience"}


def test_it_reads_racing_to_beat_people_as_competition_not_race_experience():
    found = keys({"competition": "I love racing and beating my mates."})
    assert "competition" in found
    assert "race_experience" not in found


def test_it_reads_numbers_that_leave_a_runner_cold_as_no_numbers():
    assert "numbers" not in keys({"drive": "Numbers leave me cold."})
    assert "numbers" not in keys({"drive": "Data bores me rigid."})
    assert "numbers" not in keys({"drive": "The data is nice but it's not why I do it."})


def test_it_reads_never_missing_a_run_as_consistency():
    assert "consistency" in keys({"life_fit": "I never miss my Tuesday run."})


def test_it_takes_a_negation_across_a_list_but_not_into_a_new_statement():
    assert "numbers" not in keys({"drive": "I don't care about pace, splits or PBs."})
    note = "Walking without the boot, physio says jogging in six weeks."
    assert "comeback" in keys({"journey": note})


def test_it_does_not_credit_the_runner_with_someone_elses_motivation():
    assert "numbers" not in keys({"drive": "My husband is obsessed with his Garmin."})


def test_it_reads_time_as_limited_only_when_it_is():
    assert "time_limited" in keys({"life_fit": "Three kids and a full time job, I squeeze it in."})
    assert "time_limited" not in keys({"life_fit": "Retired now so time isn't an issue."})
    assert "time_limited" not in keys({"life_fit": "Busy but the kids have grown up."})


def test_it_reads_a_lack_of_confidence_as_the_confidence_theme():
    note = "After the op I didn't trust my body at all."
    assert "confidence" in keys({"beyond_running": note})


def test_it_does_not_read_a_cliquey_club_as_social():
    note = "Running clubs are cliquey, I'd rather be on my own."
    assert "social" not in keys({"places_people": note})


# The big dream and journey questions.


def test_it_reads_a_dream_answer_as_big_dream_unless_declined():
    assert "big_dream" in keys({"big_dream": "UTMB before I'm 55. That's the itch."})
    assert "big_dream" not in keys({"big_dream": "No big dream, no."})
    assert "big_dream" not in keys({"big_dream": "Not really a big dreamer. Happy as I am."})


def test_it_reads_progress_as_a_journey_and_upkeep_as_consistency():
    assert "on_journey" in keys({"journey": "Week 4 of couch to 5k."})
    assert "on_journey" not in keys({"journey": "Not really."})
    kept = keys({"journey": "Keeping at it three times a week, that's the plan."})
    assert "consistency" in kept
    assert "on_journey" not in kept


# Indirect phrasing, spelling, typos and units.


def test_it_treats_the_question_as_a_hint_not_the_label():
    assert "social" in keys({"drive": "Mostly the chat with my club friends on a Sunday."})


@pytest.mark.parametrize(
    "note",
    [
        "I love watching my mileage add up, 40 kilometres a week.",
        "I love watching my mileage add up, 40 kilometers a week.",
        "I love watching my mileage add up, 25 miles a week.",
    ],
)
def test_it_reads_british_and_american_spelling_and_both_units(note):
    assert "numbers" in keys({"drive": note})


def test_it_reads_km_and_miles_as_progress():
    assert "on_journey" in keys({"journey": "I'm up to 7k now, aiming for 10k by summer."})
    assert "on_journey" in keys({"journey": "I'm up to 4 miles now."})


def test_it_sees_through_common_typos():
    assert "wellbeing" in keys({"beyond_running": "my anxeity is so much better when i run"})
    assert "race_experience" in keys({"competition": "not competative but i like the atmosphre"})
    assert "numbers" not in keys({"drive": "i love the feelin of runing, numbrs dont interest me"})


def test_it_does_not_correct_real_words_into_cue_words():
    # "eight" is one letter from "weight", "stopping" one from "stepping".
    assert "health" not in keys({"journey": "Eight months out with a bad knee."})


# The interface.


def test_it_exposes_the_stable_keys_in_order():
    assert QUESTION_KEYS == (
        "drive",
        "places_people",
        "competition",
        "beyond_running",
        "life_fit",
        "proud",
        "big_dream",
        "journey",
    )
    assert THEME_KEYS == (
        "numbers",
        "feeling",
        "social",
        "places",
        "competition",
        "race_experience",
        "race_averse",
        "wellbeing",
        "confidence",
        "health",
        "time_limited",
        "big_dream",
        "on_journey",
        "consistency",
        "comeback",
    )


def test_every_theme_has_a_label_and_an_encouraging_second_person_description():
    assert set(THEME_LABELS) == set(THEME_KEYS) == set(THEME_DESCRIPTIONS)
    for key in THEME_KEYS:
        assert THEME_LABELS[key].strip()
        assert "you" in THEME_DESCRIPTIONS[key].lower().split()
        assert THEME_DESCRIPTIONS[key].endswith(".")


def test_it_rejects_an_unknown_question_key_by_name():
    with pytest.raises(ValueError, match="'motivation'"):
        detect_themes({"drive": "Numbers.", "motivation": "Feeling."})


def test_it_rejects_a_note_that_is_not_text():
    with pytest.raises(ValueError, match="must be text"):
        detect_themes({"drive": ["Numbers.", 42]})


def test_it_takes_one_note_or_many_and_ignores_blank_ones():
    assert detect_themes({}) == []
    assert detect_themes({"drive": ["", "   "]}) == []
    one = detect_themes({"drive": "I check my watch stats before coffee."})
    many = detect_themes({"drive": ("", "I check my watch stats before coffee.")})
    assert one == many


def test_results_are_frozen():
    found = detect_themes({"drive": "Numbers."})[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.score = 1.0
    assert isinstance(found, Theme)
    assert isinstance(found.evidence[0], Evidence)


def _dev_personas():
    return json.loads(DEV_SET.read_text(encoding="utf-8"))["personas"]


def test_evidence_is_quoted_verbatim_from_a_note_under_its_question_and_sorted():
    for persona in _dev_personas():
        answers = persona["answers"]
        found = detect_themes(answers)
        assert found == sorted(found, key=lambda t: (-t.score, t.key))
        for result in found:
            assert result.key in THEME_KEYS
            assert 0.0 <= result.score <= 1.0
            assert result.evidence
            for quote in result.evidence:
                assert any(quote.text in note for note in answers[quote.question])
                assert quote.text == quote.text.strip()


# The development set: its shape, and a regression guard on its figures.


def test_the_dev_set_is_well_formed():
    personas = _dev_personas()
    assert len(personas) >= 30
    assert len({p["id"] for p in personas}) == len(personas)
    for persona in personas:
        assert list(persona["answers"]) == list(QUESTION_KEYS)
        assert all(persona["answers"][key] for key in QUESTION_KEYS)
        assert set(persona["themes"]) <= set(THEME_KEYS)


def f1_by_theme(personas, detect):
    """(micro-F1, {theme: F1}) of `detect` against the gold themes."""
    counts = {key: [0, 0, 0] for key in THEME_KEYS}
    for persona in personas:
        gold, found = set(persona["themes"]), set(detect(persona["answers"]))
        for key in THEME_KEYS:
            counts[key][0] += key in gold and key in found
            counts[key][1] += key in found and key not in gold
            counts[key][2] += key in gold and key not in found

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    micro = f1(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return micro, {key: f1(*c) for key, c in counts.items()}


def detected_keys(answers):
    return [t.key for t in detect_themes(answers)]


def test_the_dev_set_stays_above_the_quality_bar():
    micro, per_theme = f1_by_theme(_dev_personas(), detected_keys)
    assert micro >= 0.85
    assert {key: f for key, f in per_theme.items() if f < 0.7} == {}


def test_the_quality_bar_fails_a_detector_that_misses_or_guesses():
    personas = _dev_personas()
    assert f1_by_theme(personas, lambda answers: [])[0] < 0.85
    assert f1_by_theme(personas, lambda answers: list(THEME_KEYS))[0] < 0.85
