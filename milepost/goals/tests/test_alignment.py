from milepost.goals.alignment import GoalFacts, check_goal, check_set, hours, weekly_minutes_needed
from milepost.goals.metrics import GoalTarget


def goal(
    measurable=True,
    metric="race_finish",
    period="",
    target_value=None,
    race_distance_m=21097.5,
    **fields,
) -> GoalFacts:
    defaults = dict(
        id=1,
        title="Run a half marathon",
        size="big",
        near_term=False,
        feeling="scary",
        themes=("big_dream",),
    )
    target = GoalTarget(metric, target_value, period, race_distance_m=race_distance_m)
    return GoalFacts(**{**defaults, **fields}, target=target if measurable else None)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def test_a_race_goal_fights_a_race_averse_runner():
    findings = check_goal(goal(), {"race_averse"})
    assert codes(findings) == ["race_for_race_averse"]
    assert findings[0].goal_id == 1
    assert "your own route" in findings[0].suggestion


def test_a_race_named_in_the_title_counts_as_a_race():
    experience = goal(measurable=False, metric="", title="Do the Bath race with my sister")
    assert "race_for_race_averse" in codes(check_goal(experience, {"race_averse"}))


def test_a_race_goal_is_fine_for_a_runner_who_loves_races():
    assert check_goal(goal(), {"competition", "numbers"}) == []


def test_a_numbers_runner_is_offered_something_to_count():
    smiling = goal(
        measurable=False, metric="", title="Finish every run smiling", themes=("feeling",)
    )
    findings = check_goal(smiling, {"numbers"})
    assert codes(findings) == ["nothing_measurable_for_numbers"]
    assert "doesn't have to be the obvious number" in findings[0].suggestion


def test_a_feeling_runner_is_offered_a_feeling_framing_of_a_pure_number():
    pace = goal(title="Run 10k in 50:00", metric="race_time", themes=("big_dream",))
    findings = check_goal(pace, {"feeling"})
    assert codes(findings) == ["numbers_for_feeling"]
    assert findings[0].suggestion.startswith("Add how you want it to feel")
    assert "Run 10k in 50:00, and finish feeling strong" in findings[0].suggestion


def test_a_number_that_also_serves_a_feeling_theme_is_left_alone():
    pace = goal(metric="distance", period="week", target_value=20000, themes=("wellbeing",))
    assert check_goal(pace, {"feeling"}) == []


def test_a_goal_without_a_why_is_asked_for_one():
    assert codes(check_goal(goal(themes=()), set())) == ["no_why"]


def test_goals_needing_more_time_than_the_runner_has():
    marathon = goal(title="Portland marathon", race_distance_m=42195, near_term=True, dated=True)
    findings = check_set([marathon], set(), None, weekly_minutes=120)
    assert codes(findings) == ["needs_more_time"]
    assert findings[0].message == (
        "\u201cPortland marathon\u201d asks for about 5 hours a week; you have 2 hours."
    )
    assert findings[0].suggestion.startswith("Move the date further out")


def test_a_goal_without_a_date_is_not_told_to_move_its_date():
    marathon = goal(title="A marathon someday", race_distance_m=42195, near_term=True)
    findings = check_set([marathon], set(), None, weekly_minutes=120)
    assert "\u201cA marathon someday\u201d asks for" in findings[0].message
    assert "date" not in findings[0].suggestion
    assert "fewer or shorter runs" in findings[0].suggestion


def test_goals_share_the_same_runs_so_needs_do_not_add_up():
    half = goal(id=1, near_term=True)
    weekly = goal(id=2, metric="distance", period="week", target_value=20_000, feeling="doable")
    assert "needs_more_time" not in codes(check_set([half, weekly], set(), None, 220))


def test_a_time_limited_runner_without_a_budget_is_asked_for_one():
    findings = check_set([goal(near_term=True)], {"time_limited"}, None, None)
    assert codes(findings) == ["time_unknown"]


def test_the_theme_that_matters_most_must_be_served():
    labels = {"social": "Running with people"}
    findings = check_set([goal(near_term=True)], {"social"}, "social", 300, labels)
    assert codes(findings) == ["most_important_unserved"]
    assert "Running with people" in findings[0].message


def test_a_list_with_nothing_near_nothing_scary_or_nothing_doable():
    far = [goal(id=1, feeling="doable"), goal(id=2, feeling="doable")]
    assert codes(check_set(far, set(), None, 600)) == ["no_near_term", "nothing_scary"]
    scary = [goal(id=1, near_term=True), goal(id=2)]
    assert codes(check_set(scary, set(), None, 600)) == ["nothing_doable"]


def test_a_balanced_list_has_no_findings():
    goals = [
        goal(
            id=1,
            near_term=True,
            feeling="doable",
            metric="runs",
            period="week",
            target_value=3,
            themes=("consistency",),
        ),
        goal(id=2, themes=("big_dream",)),
    ]
    assert check_set(goals, {"consistency", "big_dream"}, "big_dream", 300) == []


def test_weekly_minutes_of_distance_goals_use_a_relaxed_pace():
    monthly = goal(metric="distance", period="month", target_value=100_000)
    assert round(weekly_minutes_needed(monthly)) == round(100 / 4.345 * 6.5)
    assert weekly_minutes_needed(goal(measurable=False, metric="")) == 0


def test_hours_read_naturally():
    assert hours(45) == "45 minutes"
    assert hours(60) == "1 hour"
    assert hours(90) == "1\u00bd hours"
    assert hours(300) == "5 hours"
    assert hours(135) == "2 h 15 min"
