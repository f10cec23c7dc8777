"""Motivation-theme detection: the traps from the issue, the interface, and the dev-set guard.

Pure functions: no database, no clock.
"""

import dataclasses
import importlib.util
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
EVALUATE = Path(__file__).resolve().parents[3] / "scripts" / "evaluate_themes.py"


def keys(answers):
    return {theme.key for theme in detect_themes(answers)}


def theme(answers, key):
    return next(t for t in detect_themes(answers) if t.key == key)


# The traps named in the issue.


def test_it_reads_a_change_of_heart_as_feeling_not_numbers():
    found = detect_themes({"drive": "I used to chase PRs, now I just want to enjoy it."})
    assert [t.key for t in found] == ["feeling"]
    assert found[0].evidence == (
        Evidence("drive", "I used to chase PRs, now I just want to enjoy it."),
    )


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


# The weaknesses the first holdout set showed: rhetorical dismissals, competing at other things,
# late negation, health figures, an unmarked past, indirect competing and indirect race aversion.


@pytest.mark.parametrize("question", ["competition", "beyond_running"])
def test_it_hears_a_rhetorical_question_as_a_dismissal(question):
    assert "competition" not in keys({question: "Me, compete? No chance."})
    found = keys({question: "me, compete? I'm 58 and about 3 stone overweight lol"})
    assert "competition" not in found
    assert "health" in found


def test_it_reads_you_wont_catch_me_as_a_refusal_of_what_follows():
    assert "race_averse" in keys({"competition": "You won't catch me pinning a number on."})
    assert "race_averse" in keys({"places_people": "You wouldn't catch me dead at a start line."})
    assert "numbers" not in keys({"drive": "You won't catch me checking my splits mid-run."})


@pytest.mark.parametrize(
    ("question", "note"),
    [
        (
            "drive",
            "I'm competitive about everything else in my life, work, board games, you name it, "
            "but running is the one place I switch that off",
        ),
        ("competition", "Only competitive about the costumes!"),
        ("competition", "I'm competitive at work but not here."),
    ],
)
def test_it_does_not_read_competing_at_other_things_as_competition(question, note):
    assert "competition" not in keys({question: note})


@pytest.mark.parametrize(
    "note",
    ["I'm competitive at heart.", "Very competitive in my age group.", "Competitive, always."],
)
def test_it_still_reads_a_plain_competitive_streak_as_competition(note):
    assert "competition" in keys({"competition": note})


def test_it_takes_a_shrug_at_the_end_of_a_clause_back_over_the_whole_clause():
    note = "my first 50k in the Howgills, last in my age group and didn't care one bit"
    assert "competition" not in keys({"proud": note})
    assert "competition" not in keys({"competition": "Came dead last and couldn't care less."})
    cared = "I finished 3rd in my age group and I do care, a lot."
    assert "competition" in keys({"competition": cared})


def test_it_reads_health_figures_as_health_not_running_numbers():
    note = "the only numbers I care about are on the bathroom scales and the blood pressure cuff"
    found = keys({"drive": note})
    assert "health" in found
    assert "numbers" not in found
    assert "numbers" not in keys({"beyond_running": "cardiologist cleared me for zone 2 only"})
    assert "numbers" in keys({"drive": "I log my weight and my 5k time every week."})


@pytest.mark.parametrize(
    ("question", "note", "theme"),
    [
        (
            "drive",
            "before long covid I was all about my mile splits. now I'm just grateful for any run "
            "where my heart rate behaves",
            "numbers",
        ),
        ("drive", "Pre-kids I was obsessed with my Garmin. Now I just run.", "numbers"),
        (
            "competition",
            "I was a proper racer, county champion twice. That fire went out years ago.",
            "competition",
        ),
    ],
)
def test_it_reads_the_past_without_a_used_to(question, note, theme):
    assert theme not in keys({question: note})


def test_it_reads_a_past_that_carries_on_as_present():
    note = "I was a racer at uni and honestly I still am at heart."
    assert "competition" in keys({"competition": note})


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("drive", "I love picking people off in the last mile."),
        ("proud", "First thing after a race I'm checking where I came in my age category."),
        ("life_fit", "I hate being overtaken, even on the school run."),
        ("competition", "I hate being overtaken in races."),
        ("competition", "I just race whoever's next to me and try to drop them on the descent."),
        ("competition", "Nobody overtakes me in the last 400 metres."),
        ("drive", "I always look up my position in the results."),
    ],
)
def test_it_hears_competing_in_indirect_words(question, note):
    found = keys({question: note})
    assert "competition" in found
    assert "race_averse" not in found


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("beyond_running", "Start-line crowds make me feel sick."),
        ("places_people", "Pinning on a number isn't for me, I just want the trails."),
        ("competition", "The thought of a start line gives me the jitters."),
        ("competition", "The big mass starts give me the fear."),
        ("competition", "Did a race once to see what it was like. Hated every second."),
        ("proud", "Did the Manchester marathon once. Never again."),
        ("competition", "I'm done with start lines, the crowds and the faff."),
    ],
)
def test_it_hears_a_rejection_of_races_in_indirect_words(question, note):
    found = keys({question: note})
    assert "race_averse" in found
    assert not found & {"competition", "race_experience"}


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("competition", "Races terrify me but I've entered the Bath Half anyway!"),
        ("proud", "My first marathon in 2019. Never again will I start too fast."),
        ("competition", "I'm not a racer, I just love the cheering and the medals."),
    ],
)
def test_it_does_not_mistake_these_for_a_rejection_of_races(question, note):
    assert "race_averse" not in keys({question: note})


def test_it_reads_a_conceded_point_as_no_motivation():
    note = "The atmosphere is nice but I'm there for the time and for the guys in my age group."
    found = keys({"competition": note})
    assert "competition" in found
    assert "race_experience" not in found
    note = "The clock is fine but what really gets me going is the woman in front."
    assert "numbers" not in keys({"drive": note})


def test_a_bare_refusal_takes_back_the_sentence_before_it():
    note = "my husband keeps trying to get me to join his running club. not my thing"
    assert "social" not in keys({"places_people": note})
    note = "People keep asking when I'll do a marathon. Never. Why would I"
    assert "big_dream" not in keys({"big_dream": note})


def test_a_cue_inside_a_negated_phrase_shares_its_negation():
    note = "The position on the results page means nothing to me, the time does."
    assert "competition" not in keys({"competition": note})


def test_a_dog_is_not_running_company():
    note = "my dog Biscuit, he's the only running partner I need"
    assert "social" not in keys({"places_people": note})


# The weaknesses the second holdout set showed: indirect comebacks, indirect and denied lack of
# time, numbers that are rejected, someone else's or a mere race time, race venues as places.


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("proud", "First run since the op today, only 2k but I did it."),
        ("journey", "Getting my legs back after a winter off."),
        ("journey", "After chemo I'm doing run-walk, a minute at a time."),
        ("proud", "I stopped for years when the kids were small and started again in March."),
        ("journey", "Haven't run since school, now on week 3 of couch to 5k."),
        ("proud", "Ran the Bath Half a year after my hip replacement."),
        ("beyond_running", "Post-baby I'm slowly building back up."),
        ("drive", "I just want to feel like a runner again after two years of long covid."),
    ],
)
def test_it_hears_a_comeback_in_indirect_words(question, note):
    assert "comeback" in keys({question: note})


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("life_fit", "Snapped my Achilles in 2012 but it's been fine for years."),
        ("beyond_running", "Arthritis in my hip, physio says keep moving or lose it."),
        ("places_people", "With my wife, she's coming back from a knee op so we go at her speed."),
        ("proud", "Came back from a week in Spain and ran a 5k PB the next morning."),
        ("proud", "Came back from the race buzzing and signed up for another."),
        ("proud", "My first race after turning 50 was the best day."),
    ],
)
def test_it_does_not_read_a_past_injury_or_someone_elses_return_as_a_comeback(question, note):
    assert "comeback" not in keys({question: note})


@pytest.mark.parametrize(
    "note",
    [
        "Lunchtime is all I've got.",
        "I work shifts so it's whenever I can.",
        "Mum of 3 under 6. Two runs a week if the stars align.",
        "Baby is 7 months, so I get 30 mins three evenings a week.",
        "Teacher. Term time is chaos, I only train properly in the holidays.",
        "Paramedic, so it's runs whenever the shifts allow.",
        "Headteacher, so evenings and weekends only, and even then.",
        "Baby is 9 months, I get maybe 3 slots a week.",
    ],
)
def test_it_hears_limited_time_in_indirect_words(note):
    assert "time_limited" in keys({"life_fit": note})


@pytest.mark.parametrize(
    "note",
    [
        "I do laps of the park while the kids are at swimming.",
        "Paramedic on a four-on four-off rota.",
        "Three kids, full time job, I run at 6am.",
        "Nurse, 12-hour shifts, so I run on my days off.",
        "It fits fine around work.",
    ],
)
def test_it_does_not_infer_limited_time_from_a_schedule_alone(note):
    """Scarcity must be stated ("5am or nothing", "only 20 minutes"), not read into a week."""
    assert "time_limited" not in keys({"life_fit": note})


@pytest.mark.parametrize(
    "note",
    [
        "Busy job but time isn't the problem, it's getting myself out of bed.",
        "Full time job but weekends are free.",
        "I work shifts, but four days off in a row means I've loads of time to train.",
        "Work is busy but I always find the time.",
        "When the kids were little I never had time, now it's easy.",
        "Physio has me on walk-run, 1 min on 1 off.",
    ],
)
def test_it_does_not_read_busy_but_not_short_of_time_as_time_limited(note):
    assert "time_limited" not in keys({"life_fit": note})


@pytest.mark.parametrize(
    "note",
    [
        "Garmin? Gave it away. The numbers made running feel like work.",
        "I got burnt out on the numbers, so now the watch stays home.",
        "Pace is whatever pace lets me keep talking.",
        "Hate watches. Put mine in a drawer in 2021 and never looked back.",
    ],
)
def test_it_reads_numbers_mentioned_to_be_rejected_as_no_numbers(note):
    assert "numbers" not in keys({"drive": note})


def test_it_reads_someone_elses_pace_as_theirs():
    assert "numbers" not in keys({"places_people": "I'd run it with my dad. We'd go at his pace."})


def test_a_feeling_answer_to_the_drive_question_makes_race_times_facts_not_motives():
    times = {"proud": "First marathon in Leeds, 4:41.", "journey": "A sub 5 marathon by February."}
    assert "numbers" in keys(times)
    assert "numbers" not in keys({"drive": "Feel. My legs tell me everything.", **times})
    assert "numbers" in keys({"drive": "Numbers, always.", **times})


def test_turning_numbers_down_hints_at_feeling_only_when_no_other_motive_is_named():
    note = "I don't care about pace, I just want to clear my head before the afternoon."
    assert keys({"drive": note}) == {"wellbeing"}
    assert keys({"drive": "I leave the watch at home."}) == {"feeling"}


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("competition", "I marshal the Manchester 10k every year just for the buzz."),
        ("places_people", "The parkrun family at Heaton Park."),
        ("proud", "Came back from a week in Spain and ran a 5k PB the next morning."),
        ("places_people", "My ladies running club, we travel to races together in a minibus."),
    ],
)
def test_it_reads_a_place_in_a_sentence_about_a_race_as_a_venue(question, note):
    assert "places" not in keys({question: note})


@pytest.mark.parametrize(
    "note",
    [
        "Would love to run the Boston marathon. Also running in Central Park in New York.",
        "The canal towpath, it's flat and there's always a bench. I love it.",
        "The woods behind our estate, especially in autumn.",
        "Marathons abroad with my husband, Paris, Rome, Reykjavik.",
    ],
)
def test_it_still_reads_a_place_the_runner_wants_as_places(note):
    assert "places" in keys({"places_people": note})


def test_it_weighs_a_strong_competitive_cue_over_a_preference_phrase():
    found = keys({"competition": "I'd rather die than be overtaken at the finish."})
    assert "competition" in found
    assert "race_averse" not in found
    found = keys({"competition": "I'd sooner do my tax return than stand on a start line."})
    assert "race_averse" in found


@pytest.mark.parametrize(
    "note",
    [
        "After the op my body let me down. Running is how I'm learning to trust it again.",
        "Anxiety. And it's the one thing I feel genuinely good at.",
    ],
)
def test_it_hears_confidence_in_indirect_words(note):
    assert "confidence" in keys({"beyond_running": note})


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


def test_the_cue_module_holds_only_text():
    from milepost.reflection import theme_cues

    for name, value in vars(theme_cues).items():
        if name.startswith("__"):
            continue
        pairs = value if isinstance(value, tuple) else ((value,),)
        assert all(isinstance(item, str) for pair in pairs for item in pair), name


def test_the_lexicon_breaks_lines_only_where_the_parser_joins_them_back():
    from milepost.reflection import theme_cues

    for line in theme_cues.LEXICON.splitlines():
        if line.startswith(" "):  # a continuation: stripped, then joined to the line above
            assert line.strip().startswith("|"), line
        assert not line.endswith(" "), line


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
        # A runner may skip a question (dev5's personas do), never answer one out of order.
        asked = [key for key in QUESTION_KEYS if key in persona["answers"]]
        assert list(persona["answers"]) == asked
        assert all(persona["answers"][key] for key in asked)
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


# A regression guard: the detector is tuned on this set, so its figures here are high by design.
# They say nothing about unseen notes; the held-out set does (scripts/evaluate_themes.py). Since
# dev.json took in a01-d50 and s01-u50 (written blind; b and s-u never tuned on) it measures
# 0.903, places 0.815 the lowest theme.
DEV_MICRO_F1_BAR = 0.90
DEV_THEME_F1_BAR = 0.81


def test_the_dev_set_stays_above_the_quality_bar():
    micro, per_theme = f1_by_theme(_dev_personas(), detected_keys)
    assert micro >= DEV_MICRO_F1_BAR
    assert {key: f for key, f in per_theme.items() if f < DEV_THEME_F1_BAR} == {}


def test_the_quality_bar_fails_a_detector_that_misses_or_guesses():
    personas = _dev_personas()
    assert f1_by_theme(personas, lambda answers: [])[0] < DEV_MICRO_F1_BAR
    assert f1_by_theme(personas, lambda answers: list(THEME_KEYS))[0] < DEV_MICRO_F1_BAR


# FROZEN held-out set (issue 17): holdout4.json was written by someone who never saw the rules
# or the earlier sets, and scored once: micro-F1 0.8085 (P 0.76, R 0.86), per theme numbers
# 0.80, feeling 0.88, social 0.92, places 0.69, competition 0.67, race_experience 0.59,
# race_averse 0.67, wellbeing 0.74, confidence 0.71, health 0.86, time_limited 0.54,
# big_dream 0.92, on_journey 0.93, consistency 0.74, comeback 0.90. Scored a second time, once,
# after issue 17's reworking by someone who never opened it (2026-12-03): micro-F1 0.826
# (P 0.79, R 0.86); places 0.61, race_experience 0.59, race_averse 0.67, time_limited 0.70,
# competition 0.71, confidence 0.71, consistency 0.89. Never tune the rules on it,
# never edit its personas or labels, never move it into dev.json, and never lower this bar:
# it is the one figure that says how the detector does on words it was not shaped by.
HOLDOUT4_SET = DEV_SET.parent / "holdout4.json"
HOLDOUT4_MICRO_F1_FLOOR = 0.82


def test_the_frozen_holdout4_micro_f1_never_drops_below_what_was_reported():
    personas = json.loads(HOLDOUT4_SET.read_text(encoding="utf-8"))["personas"]
    micro, _ = f1_by_theme(personas, detected_keys)
    assert micro >= HOLDOUT4_MICRO_F1_FLOOR


# FROZEN held-out set (issue 17): holdout5.json, 50 personas written by someone who never saw
# the rules or the earlier sets (each theme labelled 9 times or more and a trap in 3 others),
# scored once after the rules were reworked on dev6 (2026-12-03): micro-F1 0.752 (P 0.77,
# R 0.74); numbers 0.82, feeling 0.74, social 0.81, places 0.64, competition 0.64,
# race_experience 0.72, race_averse 0.57, wellbeing 0.74, confidence 0.29, health 0.82,
# time_limited 0.75, big_dream 0.81, on_journey 0.88, consistency 0.80, comeback 0.95. As for
# holdout4: never tune the rules on it, never edit it, never move it into dev.json, and never
# lower this bar.
HOLDOUT5_SET = DEV_SET.parent / "holdout5.json"
HOLDOUT5_MICRO_F1_FLOOR = 0.75


# FROZEN held-out set (issue 17): holdout6.json, 50 personas written blind from a conventions
# sheet (each theme labelled 9 times or more and a trap in 3 others), scored once after the
# rules were reworked on a01-d50 (2026-12-04): micro-F1 0.842 (P 0.87, R 0.82); numbers 0.86,
# feeling 0.90, social 0.83, places 0.74, competition 0.76, race_experience 0.82,
# race_averse 0.89, wellbeing 0.85, confidence 0.78, health 0.72, time_limited 0.74,
# big_dream 0.88, on_journey 0.95, consistency 0.91, comeback 0.89. As for holdout4: never
# tune the rules on it, never edit it, never move it into dev.json, and never lower this bar.
HOLDOUT6_SET = DEV_SET.parent / "holdout6.json"
HOLDOUT6_MICRO_F1_FLOOR = 0.84


def test_the_frozen_holdout6_micro_f1_never_drops_below_what_was_reported():
    personas = json.loads(HOLDOUT6_SET.read_text(encoding="utf-8"))["personas"]
    micro, _ = f1_by_theme(personas, detected_keys)
    assert micro >= HOLDOUT6_MICRO_F1_FLOOR


# FROZEN held-out set (issue 17): holdout7.json, 50 personas written blind from the same sheet,
# scored once after the packaged model was learnt and its blend chosen (2026-12-04): the rules
# alone, micro-F1 0.850 (P 0.85, R 0.85); numbers 0.83, feeling 0.82, social 0.75, places
# 0.74, competition 0.90, race_experience 0.77, race_averse 0.89, wellbeing 0.89, confidence
# 0.95, health 0.87, time_limited 0.79, big_dream 0.94, on_journey 0.92, consistency 0.78,
# comeback 0.94. With the model (test_theme_model.py): 0.913. As for holdout4: never tune on
# it, never edit it, never move it into dev.json, and never lower this bar.
HOLDOUT7_SET = DEV_SET.parent / "holdout7.json"
HOLDOUT7_MICRO_F1_FLOOR = 0.85


def test_the_frozen_holdout7_micro_f1_never_drops_below_what_was_reported():
    personas = json.loads(HOLDOUT7_SET.read_text(encoding="utf-8"))["personas"]
    micro, _ = f1_by_theme(personas, detected_keys)
    assert micro >= HOLDOUT7_MICRO_F1_FLOOR


@pytest.mark.parametrize(
    "path",
    [HOLDOUT4_SET, HOLDOUT5_SET, HOLDOUT6_SET, HOLDOUT7_SET],
    ids=["holdout4", "holdout5", "holdout6", "holdout7"],
)
def test_each_frozen_set_has_at_least_40_personas_and_every_theme(path):
    personas = json.loads(path.read_text(encoding="utf-8"))["personas"]
    assert len(personas) >= 40
    assert len({p["id"] for p in personas}) == len(personas)
    for persona in personas:
        assert set(persona["answers"]) <= set(QUESTION_KEYS)
        assert set(persona["themes"]) <= set(THEME_KEYS)
    for key in THEME_KEYS:
        assert sum(key in p["themes"] for p in personas) >= 4, key


def test_the_frozen_holdout5_micro_f1_never_drops_below_what_was_reported():
    personas = json.loads(HOLDOUT5_SET.read_text(encoding="utf-8"))["personas"]
    micro, _ = f1_by_theme(personas, detected_keys)
    assert micro >= HOLDOUT5_MICRO_F1_FLOOR


def test_the_evaluation_script_scores_dev_and_every_unspent_holdout_by_default(tmp_path):
    spec = importlib.util.spec_from_file_location("evaluate_themes", EVALUATE)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    sets = {"dev.json": [{}], "holdout.json": [], "holdout2.json": [{}], "holdout10.json": [{}]}
    for name, personas in sets.items():
        (tmp_path / name).write_text(json.dumps({"personas": personas}), encoding="utf-8")
    found = [path.name for path in script.default_files(tmp_path)]
    assert found == ["dev.json", "holdout2.json", "holdout10.json"]


def test_evidence_is_the_whole_sentence_never_a_fragment_of_it():
    note = "I'd love to do a half marathon one day, but only if nobody makes me race it. Honest."
    found = theme({"big_dream": note}, "big_dream")
    quoted = [quote.text for quote in found.evidence]
    assert "I'd love to do a half marathon one day, but only if nobody makes me race it." in quoted
    assert "only if nobody makes me race it." not in quoted


def test_each_quote_carries_how_clearly_it_speaks_strongest_first():
    found = theme(
        {"drive": "Numbers all the way.", "journey": "Each marathon a bit faster."}, "numbers"
    )
    weights = [quote.weight for quote in found.evidence]
    assert weights == sorted(weights, reverse=True) and weights[0] > 0
    assert found.evidence[0].text == "Numbers all the way."


# Races: the day itself, competing, or staying away, told apart by mechanism (issue 17).


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("beyond_running", "Running gives me energy and every run is a win for my head."),
        ("places_people", "A day out in the hills with my sister, we cheer each other up."),
    ],
)
def test_race_day_words_count_only_in_a_note_about_races(question, note):
    found = keys({question: note})
    assert not found & {"race_experience", "competition"}


def test_race_day_words_count_under_the_racing_question_or_beside_a_race():
    assert "race_experience" in keys({"competition": "I love the energy and the crowds."})
    assert "race_experience" in keys({"proud": "The crowds at the Manchester 10k carried me."})
    assert "competition" in keys({"proud": "Winning my age group at the county 10k."})


@pytest.mark.parametrize(
    "note",
    [
        "I have never really liked races.",
        "I don't really enjoy racing.",
        "I get so nervous before races that I feel sick.",
    ],
)
def test_a_love_of_races_turned_down_is_race_averse(note):
    assert "race_averse" in keys({"competition": note})


def test_nerves_alone_are_not_a_wish_to_stay_away_from_races():
    assert "race_averse" not in keys(
        {"competition": "I get nervous on the start line but I love it."}
    )


# Places by structure, not by list (issue 17).


@pytest.mark.parametrize(
    "note",
    [
        "I love running along the harbour at dawn.",
        "I want to run in all 50 states.",
        "Exploring new cities on a run when I travel for work.",
        "Running the Great Wall marathon with my son.",
    ],
)
def test_it_hears_places_by_how_they_are_said(note):
    assert "places" in keys({"places_people": note})


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("places_people", "The same 5 mile loop round the reservoir."),
        ("life_fit", "Teacher, so I run more in the school holidays."),
        ("big_dream", "Top ten on the big climb segment in the Peak District."),
    ],
)
def test_a_routine_loop_or_a_place_in_passing_is_not_the_places_theme(question, note):
    assert "places" not in keys({question: note})


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Racing? No thank you, I run for me.", "race_averse"),
        ("Not interested in races at all.", "race_averse"),
        ("Races? Love them.", "race_experience"),
        ("I run races but only to enjoy the day, never to win.", "race_experience"),
        ("I love lining up with thousands of people, the music, the medal.", "race_experience"),
        ("I always try to finish higher in the standings than last year.", "competition"),
    ],
)
def test_it_reads_races_by_what_the_runner_wants_from_them(note, expected):
    assert expected in keys({"competition": note})


@pytest.mark.parametrize(
    "note",
    [
        "Between work and the kids, I get maybe twenty minutes a day.",
        "It is hard to carve out time.",
        "Time is the big problem.",
        "I have to fit it around my shifts.",
    ],
)
def test_it_hears_stated_scarcity_of_time(note):
    assert "time_limited" in keys({"life_fit": note})


def test_time_that_is_not_the_problem_is_not_limited():
    assert "time_limited" not in keys({"life_fit": "Time is not the problem."})


@pytest.mark.parametrize(
    "note",
    [
        "Work's busy enough but I can get out four times a week no bother.",
        "I'm a partner at a law firm so yes, busy, but I always make it work.",
        "Busy but I make time, 4 days a week.",
    ],
)
def test_a_contrast_that_speaks_against_a_theme_takes_back_the_clause_before_it(note):
    assert "time_limited" not in keys({"life_fit": note})


def test_indifference_to_races_is_neither_love_nor_aversion():
    note = "I've done the odd race over the years. Can take them or leave them."
    assert not keys({"competition": note}) & {"race_experience", "race_averse"}


def test_a_bare_never_under_the_racing_question_is_race_averse_and_a_bare_no_is_not():
    assert "race_averse" in keys({"competition": "never"})
    assert "race_averse" not in keys({"competition": "No."})


@pytest.mark.parametrize(
    "note",
    [
        "The seawall in Vancouver, the whole loop, with my walk-run group. Magic.",
        "I dream to run the Kyoto marathon, my hometown, with my daughter.",
    ],
)
def test_a_place_word_with_a_name_and_fondness_or_a_home_town_is_a_place(note):
    assert "places" in keys({"places_people": note})


def test_a_best_mate_is_not_a_liking_for_a_place():
    note = "parkrun every saturday with my best mate Jen, we walk the hill lol"
    assert "places" not in keys({"places_people": note})


def test_every_morning_is_a_habit_only_when_it_is_the_running():
    assert "consistency" in keys({"life_fit": "I'm out every morning at six."})
    assert "consistency" in keys({"life_fit": "Three easy runs a week, every week."})
    note = "Strava, Garmin Connect, I check my VO2max every morning like a stock price."
    assert "consistency" not in keys({"drive": note})


def test_weeks_out_from_a_race_is_a_countdown_not_a_comeback():
    note = "Twelve weeks out from Valencia, hitting 70 miles a week."
    assert "comeback" not in keys({"journey": note})
    note = "Physio cleared me for jogging three weeks ago, 1 minute jog 1 minute walk."
    assert "comeback" in keys({"journey": note})


@pytest.mark.parametrize(
    "note",
    [
        "It's the routine more than the stats.",
        "Honestly right now I just want to feel like a person again, the numbers can wait.",
        "Since long covid I've turned pace off on the watch.",
        "Before I was always looking the watch, now I don't care so much.",
    ],
)
def test_numbers_put_second_waved_off_or_left_in_the_past_are_not_the_numbers_theme(note):
    assert "numbers" not in keys({"drive": note})


@pytest.mark.parametrize(
    "note",
    [
        "Being stuck on the couch made me so low, I hadn't realised how much running kept my "
        "spirits up.",
        "Running is the only time I'm just me and not the one coping.",
        "The job's heavy, you see things. Running flushes it out.",
        "After my divorce, the mountain was my medicine.",
    ],
)
def test_it_hears_headspace_in_plain_words_and_past_a_negation_that_is_not_its_own(note):
    assert "wellbeing" in keys({"beyond_running": note})


@pytest.mark.parametrize(
    ("question", "note", "expected"),
    [
        ("beyond_running", "Me knees are better for it, the physio reckons.", True),
        ("beyond_running", "Keeps me moving. My father was in a wheelchair by my age.", True),
        ("journey", "Signed off by the women's health physio in March.", False),
        ("drive", "I want faster every week, I check Strava before I sleep.", False),
    ],
)
def test_health_is_the_body_kept_well_not_a_word_in_passing(question, note, expected):
    assert ("health" in keys({question: note})) is expected


@pytest.mark.parametrize(
    "note",
    [
        "I run for that lovely floaty bit after the first mile.",
        "Before I was always looking the watch, now honestly I don't care so much, I prefer to "
        "listen my body and enjoy.",
        "I run for the way the world goes soft and quiet around the 20 minute mark.",
    ],
)
def test_it_hears_running_for_the_sensation(note):
    assert "feeling" in keys({"drive": note})


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Usually with a couple of mates from the trail group.", True),
        ("The buggy group on Thursday mornings, all the mums in the same boat.", True),
        ("Since I retired the days can blur together.", False),
        ("I want to win my age group.", False),
    ],
)
def test_company_is_heard_by_how_it_is_said(note, expected):
    assert ("social" in keys({"places_people": note})) is expected


@pytest.mark.parametrize(
    "question, note",
    [
        ("competition", "Oh sure, I'd just love to pay £40 to stand in a pen for an hour."),
        (
            "competition",
            "Yeah because nothing says fun like 5000 strangers elbowing me at the start.",
        ),
        ("competition", "Oh joy. Another medal to put in a drawer."),
        ("proud", "Races? I can't wait to shiver at the start for half an hour, said no one ever."),
    ],
)
def test_sarcasm_about_races_is_race_averse_not_race_love(question, note):
    found = keys({question: note})
    assert "race_averse" in found
    assert not found & {"race_experience", "feeling"}


def test_plain_enthusiasm_for_race_day_is_not_read_as_sarcasm():
    assert keys({"competition": "Oh, I love race day, the buzz carries me round."}) == {
        "race_experience"
    }


def test_someone_elses_confidence_is_not_the_runners_but_what_they_see_in_the_runner_is():
    assert "confidence" not in keys(
        {"beyond_running": "My friend says running gave her so much confidence, not sure about me."}
    )
    assert "wellbeing" in keys({"beyond_running": "My husband reckons it keeps me sane."})


@pytest.mark.parametrize(
    "note",
    [
        "I use the river path because it's flat and lit.",
        "The towpath, since it's close to the office.",
        "Along the canal to the bridge and back.",
        "Mostly on the Elbe path after work.",
        "Round the lakes at Hillbrook with my sister.",
        "Along the canal to the station. It's not pretty, it's just the way in.",
        "The hills near us, I love those ladies in the group.",
    ],
)
def test_a_place_chosen_for_a_practical_reason_or_named_in_passing_is_not_a_draw(note):
    assert "places" not in keys({"places_people": note})


def test_a_place_with_affection_still_draws_whatever_else_is_said():
    assert "places" in keys({"places_people": "I adore the canal at dawn, and it's close too."})


@pytest.mark.parametrize(
    "note",
    [
        "My first fell race, I came in last but I loved it.",
        "Trail races are my favourite, muddy and daft.",
    ],
)
def test_loving_it_in_a_note_about_a_race_is_the_race_day_experience(note):
    assert "race_experience" in keys({"proud": note})


def test_loving_it_in_a_note_about_no_race_is_not_race_day():
    assert "race_experience" not in keys({"proud": "Ran to the top of the hill, I loved it."})


@pytest.mark.parametrize(
    "note",
    [
        "The old drovers' path out past the farm. I adore the emptiness.",
        "Along the Danube at first light. Best city in the world for it.",
        "Moorland.",
        "The trail over Crook Ridge, nothing better on a cold morning.",
    ],
)
def test_fondness_anywhere_in_the_note_or_a_bare_answer_makes_a_place_a_draw(note):
    assert "places" in keys({"places_people": note})


@pytest.mark.parametrize(
    "note",
    [
        "Never pinned a number on and don't plan to.",
        "I'm allergic to entry fees.",
        "I don't need a bib to see a city.",
        "Did a handful of 10ks years ago. These days I'd rather not.",
        "My racing days are well and truly over.",
        "I don't like the crowds and I don't want a medal.",
    ],
)
def test_a_race_or_its_joys_turned_down_is_race_averse(note):
    found = keys({"competition": note})
    assert "race_averse" in found
    assert not found & {"race_experience", "competition"}


@pytest.mark.parametrize(
    "note",
    [
        "I don't really race.",
        "Not racing anyone, just there for the coffee after.",
        "I'm not going near a start line until I can run 5k.",
        "I'm not in it for the medals.",
    ],
)
def test_not_racing_for_now_or_for_a_reason_is_not_race_averse(note):
    assert "race_averse" not in keys({"competition": note})


@pytest.mark.parametrize(
    "note",
    [
        "Ran the whole 10k. Never knew I had that in me.",
        "I thought my legs were done at 60. Turns out they're not.",
        "I trust myself a little more after every long run.",
        "The half changed something in me, I argue back at work now.",
        "I used to be too shy to speak at parents' evening.",
    ],
)
def test_it_hears_confidence_as_surprise_at_oneself_and_its_carry_over(note):
    assert "confidence" in keys({"beyond_running": note})


@pytest.mark.parametrize(
    "note",
    [
        "Not a confidence thing, I've always been fine in that department.",
        "Confidence? I've confidence for four people.",
        "I was always confident, running didn't change that.",
    ],
)
def test_confidence_denied_or_already_had_is_not_the_theme(note):
    assert "confidence" not in keys({"beyond_running": note})


@pytest.mark.parametrize(
    "note",
    [
        "Splits for someone my speed are pointless.",
        "Numbers stress me out, I get enough of them at work.",
        "I'm too old to chase PBs.",
        "Pace I glance at, but I forget it by the time I'm home.",
        "Whatever the GP says my numbers are, I feel fine.",
        "I run when I can, some weeks 5 times, some weeks not at all.",
    ],
)
def test_numbers_judged_worthless_disowned_or_only_a_count_are_not_the_numbers_theme(note):
    assert "numbers" not in keys({"drive": note})


def test_a_judgement_on_something_else_does_not_negate_the_numbers():
    assert "numbers" in keys({"drive": "I love my splits. The medals are pointless."})


@pytest.mark.parametrize(
    "note",
    [
        "Did the county 10k dressed as a carrot, came second to last.",
        "The Harbour Half: steel drums at every mile and a barbecue after.",
        "We do the Boxing Day 5k every year, whole family, terrible times, great time.",
        "Ran the Dockside 10k. Half the town out shouting our names.",
    ],
)
def test_race_day_joys_in_other_words_are_the_race_day_experience(note):
    assert "race_experience" in keys({"competition": note})


def test_race_day_words_outside_a_note_about_a_race_are_not_race_day():
    assert "race_experience" not in keys({"beyond_running": "Music on, the world off."})


def test_surprise_is_not_a_negation():
    found = keys({"competition": "The Riverside 10k. I didn't know strangers could cheer so loud."})
    assert "race_experience" in found
    assert "race_averse" not in found


def test_a_race_turned_down_later_in_the_note_takes_back_an_old_entry():
    note = "Entered a fun run once. Never again, my racing days are over."
    assert keys({"competition": note}) == {"race_averse"}


@pytest.mark.parametrize(
    "note",
    [
        "ACL reconstruction in the spring. Physio cleared me in October, 3 km now.",
        "Gave birth to the twins in May. Walked first, now run walk twice a week.",
        "Twelve years of nothing. Back at it since March.",
    ],
)
def test_a_setback_and_a_return_told_in_one_note_are_a_comeback(note):
    assert "comeback" in keys({"journey": note})


@pytest.mark.parametrize(
    "note",
    [
        "Hip replacement back in 2015, never looked back, it's ancient history.",
        "My sister's knee surgery was in May. She's back running now.",
        "Three years since I missed a Sunday long run.",
        "Anxiety on and off for 20 years, running keeps it level.",
    ],
)
def test_an_old_or_someone_elses_setback_or_an_unbroken_habit_is_not_a_comeback(note):
    assert "comeback" not in keys({"journey": note})


@pytest.mark.parametrize(
    "note",
    [
        "Four miles, Tue Thu Sat. Been that way six years.",
        "Twice a week, the same since 2015, and I'll carry on like this.",
        "Same loop, same times, I like that it never changes.",
        "My 150th parkrun next month.",
    ],
)
def test_sameness_kept_up_over_time_is_consistency(note):
    assert "consistency" in keys({"journey": note})


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("places_people", "I'd run on that beach every morning if I lived there."),
        ("journey", "Long runs every Sunday until race day."),
        ("beyond_running", "After the stent my cardiologist says keep at it."),
        ("places_people", "Track with the club on Tuesday and Thursday."),
    ],
)
def test_a_wish_a_plan_with_an_end_or_someone_elses_advice_is_not_consistency(question, note):
    assert "consistency" not in keys({question: note})


@pytest.mark.parametrize(
    "note",
    [
        "Café all day, only evenings 8 to 9 I have.",
        "Two jobs. It's 25 minutes at dawn or it's nothing.",
        "Three runs a week is honestly all I can do.",
        "I cycle-run to the office twice a week, only way it happens. Anything more is fantasy.",
        "Split shifts. Sometimes a 20 minute run between them and that's yer lot.",
    ],
)
def test_it_hears_scarcity_said_by_structure(note):
    assert "time_limited" in keys({"life_fit": note})


def test_only_without_a_time_slot_is_not_scarcity():
    assert "time_limited" not in keys({"drive": "The watch only tells me how much I have lost."})


@pytest.mark.parametrize(
    "note",
    [
        "Maybe someday Chicago. For now parkrun is plenty.",
        "Perhaps one day a marathon, but honestly I like my 10k.",
    ],
)
def test_a_hedged_dream_counts_once_and_weakly(note):
    assert "big_dream" not in keys({"big_dream": note})


@pytest.mark.parametrize(
    "note",
    [
        "After a night on call, a run is where I offload it all.",
        "It resets my head after the office.",
        "My place to breathe when the house is loud.",
        "After he left, running got me out of bed when nothing else did.",
    ],
)
def test_it_hears_the_head_looked_after_in_plain_words(note):
    assert "wellbeing" in keys({"beyond_running": note})


@pytest.mark.parametrize(
    "note",
    [
        "Everyone at work goes on about mental health, fair enough, I just like the miles.",
        "I'm a bit sad about my splits, I admit.",
    ],
)
def test_other_peoples_headspace_or_a_bit_sad_is_not_wellbeing(note):
    assert "wellbeing" not in keys({"beyond_running": note})


@pytest.mark.parametrize(
    "note",
    [
        "I head out when my legs ask and stop when they've had enough.",
        "I run for the swing of it.",
        "There's a point where everything loosens and I stop thinking.",
    ],
)
def test_it_hears_the_body_leading_and_the_run_taking_over_as_feeling(note):
    assert "feeling" in keys({"drive": note})


def test_a_name_beside_another_is_a_person_not_a_feeling():
    found = keys({"places_people": "Round the reservoir with Maureen and Joy, nattering."})
    assert "feeling" not in found
    assert "social" in found


def test_days_beside_each_other_are_not_names():
    assert "consistency" in keys({"life_fit": "Tuesday, Thursday and Sunday mornings, never skip."})


def test_it_feels_like_is_not_a_feeling():
    assert "feeling" not in keys({"drive": "The app's graph going up feels like proof."})


def test_an_echo_of_the_question_says_nothing_by_itself():
    assert "competition" not in keys({"competition": "Compete? I just like the coffee after."})
    assert "competition" in keys({"competition": "Compete? Always, I hate being overtaken."})


@pytest.mark.parametrize(
    "note",
    [
        "Racing my neighbour Dave at the summer 5k is what keeps me going.",
        "I'm chasing my sister-in-law, she's 12 seconds ahead of me at parkrun.",
    ],
)
def test_racing_someone_in_particular_is_competition(note):
    assert "competition" in keys({"competition": note})


@pytest.mark.parametrize(
    "note",
    [
        "Two miles, Tue and Sat. Been this way for years, don't see why it would change.",
        "Thinking about a half plan for spring, nothing booked.",
    ],
)
def test_a_routine_kept_as_it_is_or_a_plan_not_yet_made_is_no_journey(note):
    assert "on_journey" not in keys({"journey": note})


def test_health_denied_or_already_had_is_not_the_theme_but_a_smaller_belly_is():
    assert "health" not in keys({"beyond_running": "Not health, I'm fit as a fiddle already."})
    assert "health" in keys({"beyond_running": "I weighed 104 kg when I started."})
    assert "health" in keys({"beyond_running": "Friends and a smaller belly."})


def test_a_hedged_no_after_a_wish_takes_it_back_without_being_race_aversion():
    found = keys({"competition": "I'd love an age-group podium one day, but realistically no."})
    assert not found & {"competition", "big_dream", "race_averse"}


def test_a_no_that_turns_again_does_not_decline_the_dream():
    note = "Sub-3 marathon. Probably never, but it's what gets me out the door."
    assert "big_dream" in keys({"big_dream": note})


def test_if_i_can_alone_is_not_scarcity_and_time_to_think_is_headspace():
    assert "time_limited" not in keys({"places_people": "Trails if I can, roads if I must."})
    assert "wellbeing" in keys({"beyond_running": "Time to think, away from the desk."})


# Issue 17: a habit held is read by its structure (a regular slot with a duration or no
# misses), not by a phrase; a weekly date alone is a frequency, and a lapse being mended is a
# return, not a habit held.
@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("proud", "Thursday hill reps at the quarry, nineteen years and counting."),
        ("proud", "Haven't skipped my Friday loop since I started at the bakery."),
        ("life_fit", "Dawn run on Wednesdays. Gales, sleet, whatever."),
        ("proud", "Eighty days in a row now and not one skipped."),
        ("proud", "Nine years, not one month without my long run."),
        ("life_fit", "Mornings before the shop opens are sacred."),
    ],
)
def test_a_habit_held_is_read_by_its_structure(question, note):
    assert "consistency" in keys({question: note})


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("places_people", "Pottering round the reservoir with Aunt Bel every Friday."),
        ("competition", "I look up my finishing spot every Saturday, I want top five."),
        ("journey", "The holidays knocked me off, getting back into my routine slowly."),
        ("journey", "Lost my rhythm in the spring, trying to get back to four a week."),
        ("proud", "A 10k PB, three years after I took it up."),
        ("journey", "Long run grows by a kilometre every week, 14 now."),
        ("big_dream", "Nothing fancy, just keep going."),
        ("drive", "Even on recovery jogs I glance at my heart rate."),
    ],
)
def test_a_weekly_date_a_lapse_or_a_plain_frequency_is_not_a_habit_held(question, note):
    assert "consistency" not in keys({question: note})


def test_someone_elses_habit_is_not_the_runners():
    note = "My brother hasn't missed a Saturday in eleven years."
    assert "consistency" not in keys({"places_people": note})


# Issue 17: time_limited needs scarcity stated (luck, a ceiling, a gap, the one slot), a terse
# list of loads under life_fit states it, and an obstacle the runner says they manage is not.
@pytest.mark.parametrize(
    "note",
    [
        "Harvest months I'm lucky to manage one run a fortnight.",
        "Fifteen minutes tops, then the school bell.",
        "I grab 25 minutes between deliveries, if traffic allows.",
        "Ward work all week. Fridays only.",
        "Locum rota, no other time but lunch.",
        "night rota, three kids, gran to see to",
    ],
)
def test_stated_scarcity_and_a_terse_load_list_are_time_limited(note):
    assert "time_limited" in keys({"life_fit": note})


@pytest.mark.parametrize(
    "note",
    [
        "Planting season is mad, but I manage.",
        "Rotas, 3 on 3 off, so plenty of days free.",
        "Between contracts at the moment so I've got hours.",
        "Tue, Thu, Sat before work, never budges.",
    ],
)
def test_a_load_the_runner_copes_with_is_not_time_limited(note):
    assert "time_limited" not in keys({"life_fit": note})


def test_the_end_of_a_drive_answer_is_not_a_ceiling():
    note = "Breath, cadence, VO2max, all of it. Hills, that's it."
    assert "time_limited" not in keys({"drive": note})


# Issue 17: confidence is belief in oneself gained or lacking, read from a change told across a
# note (a doubt then, something done now) or said plainly, not from a phrase; confidence said
# to be there already is not the theme.
@pytest.mark.parametrize(
    "note",
    [
        "I was terrified of the phone at work. Now I take the client calls.",
        "After the stroke I feared every hill. Now my legs carry me up them.",
        "It's given me my nerve back after the crash.",
        "Braver than I ever was at thirty.",
        "Each parkrun is proof my lungs still work.",
        "I trust my ankle again.",
    ],
)
def test_belief_in_oneself_gained_is_confidence(note):
    assert "confidence" in keys({"beyond_running": note})


@pytest.mark.parametrize(
    "note",
    [
        "Self belief was never my problem, sleep was.",
        "Never been short of confidence, me.",
        "Plenty of confidence, I sell cars for a living.",
        "My son was scared of the dark. Now he sleeps fine.",
    ],
)
def test_confidence_already_there_or_someone_elses_is_not_confidence(note):
    assert "confidence" not in keys({"beyond_running": note})


# Issue 17: a place is a draw when it is ranked above others or loved, not when it is given a
# practical reason (with or without a "because") in a note fond of nothing.
@pytest.mark.parametrize(
    "note",
    [
        "The cliff path above Porthgwarra, best spot on earth for a long run.",
        "Gorse Hill reservoir at first light. Nowhere better.",
        "The Wenlock Edge track. I'd never go anywhere else.",
    ],
)
def test_a_place_ranked_above_others_is_places(note):
    assert "places" in keys({"places_people": note})


@pytest.mark.parametrize(
    "note",
    [
        "Lakeside Park with my neighbour, it's nearest to the flat.",
        "Ashby Woods, level and lit.",
        "Riverside Forest loop. It's fine.",
    ],
)
def test_a_place_given_a_practical_reason_is_not_places(note):
    assert "places" not in keys({"places_people": note})


# Issue 17: under the racing question, racing refused flatly, left to others, too dear or
# swapped for anything else is race_averse; a hedge or turning down competing is not.
@pytest.mark.parametrize(
    "note",
    [
        "I don't race. I plod.",
        "No racing for me, ever.",
        "Racing's for the youngsters at the club.",
        "Far too pricey, I run for nothing.",
        "Pay to be miserable with 3000 strangers? Non.",
        "Races? I'd sooner scrub the bath.",
        "nope, pass",
    ],
)
def test_racing_refused_under_the_racing_question_is_race_averse(note):
    assert "race_averse" in keys({"competition": note})


@pytest.mark.parametrize(
    "note",
    [
        "I don't really race much.",
        "Parkrun yes, but I'm not racing anybody there.",
    ],
)
def test_a_hedged_no_or_not_competing_is_not_race_averse(note):
    assert "race_averse" not in keys({"competition": note})


@pytest.mark.parametrize(
    "note", ["Ran through the whole of lockdown.", "Kept going the whole of that winter."]
)
def test_a_stretch_of_time_is_no_place(note):
    assert "places" not in detected_keys({"proud": note})


def test_the_whole_of_a_path_is_still_a_place():
    assert "places" in detected_keys({"proud": "Ran the whole of the canal path in a day."})
