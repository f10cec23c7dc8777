import html
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from milepost import clock
from milepost.goals.models import Goal, Status, Step
from milepost.goals.services import pause_goal
from milepost.nudges.services import refresh_nudges
from milepost.reflection.models import Stage
from milepost.reflection.services import send_due_rest_reminders
from milepost.runs.services import record_run

pytestmark = pytest.mark.django_db


def ahead(days: int) -> str:
    """A day that stays ahead whenever the suite runs: forms refuse past dates."""
    return (clock.now().date() + timedelta(days=days)).isoformat()


EXPERIENCE = {
    "title": "Run the coast path with Sam",
    "size": "medium",
    "horizon": "soon",
    "feeling": "doable",
    "themes": ["social"],
    "why": "Sam keeps me laughing",
    "kind": "experiential",
}


def test_adding_a_measurable_goal(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    response = alice_client.post(
        reverse("rounds:goals", args=[round.pk]),
        {
            **EXPERIENCE,
            "title": "Half marathon under two hours",
            "kind": "measurable",
            "metric": "race_time",
            "race": "half",
            "target": "1:59:59",
            "horizon": "date",
            "target_date": ahead(days=130),
            "size": "big",
            "feeling": "scary",
            "themes": ["numbers"],
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert (goal.metric, goal.target_value, goal.race_distance_m) == ("race_time", 7199, 21097.5)
    assert goal.status == Status.DRAFT and goal.round == round


def test_a_bad_goal_is_explained_and_keeps_what_was_typed(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    response = alice_client.post(
        reverse("rounds:goals", args=[round.pk]),
        {
            **EXPERIENCE,
            "kind": "measurable",
            "metric": "distance",
            "period": "week",
            "target": "lots",
            "horizon": "date",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "\u201clots\u201d as a distance" in body
    assert "Pick the date" in body
    assert 'value="Run the coast path with Sam"' in body
    assert not Goal.objects.exists()


def test_alignment_findings_show_beside_the_goal(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.GOALS, themes=("numbers", "social"))
    make_goal(alice, round=round, title="Finish every run smiling", themes=["social"])
    body = alice_client.get(reverse("rounds:goals", args=[round.pk])).content.decode()
    assert "this goal has nothing to count" in body
    assert "doesn&#x27;t have to be the obvious number" in body


def test_putting_the_list_away_hides_the_drafts(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.GOALS)
    goal = make_goal(alice, round=round)
    response = alice_client.post(reverse("rounds:rest_start", args=[round.pk]), {"days": "4"})
    assert response["Location"] == reverse("rounds:rest", args=[round.pk])
    round.refresh_from_db()
    assert round.stage == Stage.RESTING
    assert (round.rest_until - round.rest_started_at).days == 4
    body = alice_client.get(reverse("rounds:rest", args=[round.pk])).content.decode()
    assert goal.title not in body
    edit = alice_client.post(reverse("goals:edit", args=[goal.pk]), {**EXPERIENCE, "title": "X"})
    assert edit["Location"] == reverse("rounds:rest", args=[round.pk])
    goal.refresh_from_db()
    assert goal.title == "Run to the lighthouse with Sam"
    assert alice_client.get(reverse("goals:detail", args=[goal.pk])).status_code == 302


def test_the_rest_length_is_checked(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round)
    alice_client.post(reverse("rounds:rest_start", args=[round.pk]), {"days": "0"})
    round.refresh_from_db()
    assert round.stage == Stage.GOALS


def test_ending_the_rest_early_asks_for_confirmation(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round)
    alice_client.post(reverse("rounds:rest_start", args=[round.pk]), {"days": "3"})
    response = alice_client.post(reverse("rounds:rest", args=[round.pk]), {})
    assert "Tick the box" in response.content.decode()
    round.refresh_from_db()
    assert round.stage == Stage.RESTING
    response = alice_client.post(reverse("rounds:rest", args=[round.pk]), {"sure": "on"})
    assert response["Location"] == reverse("rounds:settle", args=[round.pk])


def test_when_the_rest_is_over_a_banner_and_one_email_say_so(
    alice_client, alice, make_round, make_goal, travel
):
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round)
    alice_client.post(reverse("rounds:rest_start", args=[round.pk]), {"days": "3"})
    assert send_due_rest_reminders() == 0
    travel(days=3, minutes=1)
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "Your list has rested" in body
    assert send_due_rest_reminders() == 1
    assert send_due_rest_reminders() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    assert f"/rounds/{round.pk}/rest/" in mail.outbox[0].body
    response = alice_client.get(reverse("rounds:rest", args=[round.pk]))
    assert response["Location"] == reverse("rounds:settle", args=[round.pk])


def test_the_rest_reminder_task_is_queued_for_the_end_of_the_rest(
    alice_client, alice, make_round, make_goal
):
    from django_tasks_db.models import DBTaskResult

    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round)
    alice_client.post(reverse("rounds:rest_start", args=[round.pk]), {"days": "3"})
    queued = DBTaskResult.objects.get()
    round.refresh_from_db()
    assert queued.run_after == round.rest_until
    assert queued.args_kwargs["args"] == [round.pk]


def settle_round(alice, make_round, make_goal, count=4):
    round = make_round(alice, stage=Stage.SETTLE)
    goals = [make_goal(alice, round=round, title=f"Goal {i}") for i in range(count)]
    return round, goals


def test_settling_on_at_most_three(alice_client, alice, make_round, make_goal):
    round, goals = settle_round(alice, make_round, make_goal)
    url = reverse("rounds:settle", args=[round.pk])
    response = alice_client.post(url, {"chosen": [g.pk for g in goals]})
    body = response.content.decode()
    assert "Choose at most 3" in body
    assert body.count("checked") == 4  # the runner's choice is kept
    response = alice_client.post(url, {"chosen": [g.pk for g in goals[:3]]})
    assert response["Location"] == reverse("rounds:purpose", args=[round.pk])
    statuses = [Goal.objects.get(pk=g.pk).status for g in goals]
    assert statuses == [Status.CHOSEN] * 3 + [Status.SOMEDAY]


def test_a_goal_failing_the_purpose_check_is_marked_for_rethink(
    alice_client, alice, make_round, make_goal
):
    round, goals = settle_round(alice, make_round, make_goal, count=2)
    alice_client.post(reverse("rounds:settle", args=[round.pk]), {"chosen": [g.pk for g in goals]})
    url = reverse("rounds:purpose", args=[round.pk])
    first, second = goals
    alice_client.post(
        url,
        {
            f"goal{first.pk}-excited": "yes",
            f"goal{first.pk}-out_the_door": "yes",
            f"goal{first.pk}-smile": "yes",
        },
    )
    alice_client.post(
        url,
        {
            f"goal{second.pk}-excited": "yes",
            f"goal{second.pk}-out_the_door": "no",
            f"goal{second.pk}-smile": "yes",
        },
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == Status.ACTIVE
    assert not first.needs_rethink and second.needs_rethink
    assert alice_client.get(url)["Location"] == reverse("rounds:steps", args=[round.pk])


def test_steps_and_the_dashboard_show_the_next_step(alice_client, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.STEPS)
    goal = make_goal(alice, round=round, status=Status.ACTIVE)
    for title, due in (("Run 8 km", ahead(days=38)), ("Run 5 km", ahead(days=31))):
        alice_client.post(reverse("goals:detail", args=[goal.pk]), {"title": title, "due": due})
    alice_client.post(reverse("rounds:finish", args=[round.pk]))
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "Next step:</strong> Run 5 km" in body
    first = Step.objects.get(title="Run 5 km")
    alice_client.post(reverse("goals:step_done", args=[first.pk]))
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "Next step:</strong> Run 8 km" in body
    assert "Past rounds" in body and reverse("rounds:summary", args=[round.pk]) in body


def test_a_step_needs_a_title_and_a_date(alice_client, alice, make_goal):
    goal = make_goal(alice, status=Status.ACTIVE)
    response = alice_client.post(reverse("goals:detail", args=[goal.pk]), {"title": "Run 5 km"})
    assert "This field is required" in response.content.decode()
    assert 'value="Run 5 km"' in response.content.decode()
    assert not goal.steps.exists()


def test_someday_ideas_are_kept(alice_client, alice, make_goal):
    make_goal(alice, title="Comrades one day", status=Status.SOMEDAY)
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "Comrades one day" in body


def test_the_dashboard_query_count_does_not_grow_with_goals(
    client, alice, bob, make_round, make_goal, settings
):
    settings.PAGE_CACHE = False  # the work behind the page, not the cached page

    def queries(user) -> int:
        client.force_login(user)
        client.get(reverse("dashboard"))  # the day's first visit also works out the nudges
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("dashboard"))
        return len(captured)

    make_goal(alice, title="One goal", status=Status.ACTIVE)
    make_goal(alice, title="One idea", status=Status.SOMEDAY)
    round = make_round(bob, stage=Stage.DONE)
    for i in range(3):
        goal = make_goal(bob, round=round, title=f"Goal {i}", status=Status.ACTIVE)
        Step.objects.create(goal=goal, title="First", due="2027-01-01")
    for i in range(10):
        make_goal(bob, title=f"Someday {i}", status=Status.SOMEDAY)
    paused = make_goal(bob, title="Paused", status=Status.ACTIVE)
    pause_goal(goal=paused, reason="injury")
    make_round(alice, stage=Stage.DONE)
    assert queries(alice) == queries(bob)


def test_a_measurable_goal_without_history_asks_for_a_recent_race(
    alice_client, alice, make_round, make_goal
):
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(
        alice,
        round=round,
        title="Sub 2 half",
        kind="measurable",
        metric="race_time",
        target_value=7199,
        target_unit="s",
        race_distance_m=21097.5,
    )
    body = alice_client.get(reverse("rounds:goals", args=[round.pk])).content.decode()
    assert "verdict-need_history" in body
    assert reverse("accounts:running_lately") in body


def test_a_measurable_goal_shows_a_verdict_and_a_realistic_date(
    alice_client, alice, make_round, make_goal
):
    profile = alice.profile
    profile.recent_race_m, profile.recent_race_s = 5000, 25 * 60
    profile.recent_race_on = clock.now().date() - timedelta(days=14)
    profile.typical_week_m, profile.typical_week_runs = 15_000, 3
    profile.recent_long_run_m = 8000
    profile.save()
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(
        alice,
        round=round,
        title="My first marathon",
        kind="measurable",
        metric="race_finish",
        race_distance_m=42195,
        horizon="date",
        target_date=clock.now().date() + timedelta(days=42),
    )
    body = alice_client.get(reverse("rounds:goals", args=[round.pk])).content.decode()
    assert "verdict-unlikely" in body
    assert "would be realistic" in body
    assert reverse("how_we_estimate") in body


def test_the_how_we_estimate_page_explains_the_method(client):
    body = client.get(reverse("how_we_estimate")).content.decode()
    assert "VDOT" in body and "Riegel" in body and "10 %" in body


def test_near_term_counts_from_the_runners_own_today(alice, make_goal, travel):
    from datetime import UTC, datetime, timedelta

    from milepost.goals import services

    alice.profile.time_zone = "Pacific/Auckland"
    alice.profile.save()
    travel(to=datetime(2026, 12, 3, 12, 0, tzinfo=UTC))  # already 4 December in Auckland
    goal = make_goal(
        alice, status="active", horizon="date", target_date=datetime(2027, 2, 2).date()
    )
    assert alice.profile.today() + timedelta(days=60) == goal.target_date
    per_goal, overall = services.findings_for([goal], None, alice.profile)
    assert "no_near_term" not in {f.code for f in overall}


def test_the_dashboard_says_one_plain_sentence_and_the_goal_page_the_reasons(
    alice_client, alice, make_goal
):
    profile = alice.profile
    profile.recent_race_m, profile.recent_race_s = 5000, 25 * 60
    profile.recent_race_on = clock.now().date() - timedelta(days=14)
    profile.typical_week_m, profile.typical_week_runs = 15_000, 3
    profile.recent_long_run_m = 8000
    profile.save()
    goal = make_goal(
        alice,
        title="My first marathon",
        kind="measurable",
        metric="race_finish",
        race_distance_m=42195,
        horizon="date",
        target_date=clock.now().date() + timedelta(days=42),
        status="active",
    )
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "verdict-brief" in body and "Better a little later: around" in body
    assert "verdict-reasons" not in body and "ovice" not in body
    assert f"{goal.get_absolute_url()}#verdict" in body
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "verdict-reasons" in page and "Novice marathon plans" in page


def test_switching_to_a_streak_drops_the_hidden_period(alice_client, alice, make_goal):
    goal = make_goal(
        alice,
        kind="measurable",
        metric="distance",
        period="week",
        target_value=20000,
        target_unit="m",
        status=Status.ACTIVE,
    )
    changed = {**EXPERIENCE, "kind": "measurable", "metric": "streak", "period": "week"}
    response = alice_client.post(reverse("goals:edit", args=[goal.pk]), {**changed, "target": "30"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.metric, goal.period, goal.target_value) == ("streak", "", 30)


def test_a_step_dated_in_the_past_is_refused_in_plain_words(alice_client, alice, make_goal):
    goal = make_goal(alice, status=Status.ACTIVE)
    response = alice_client.post(goal.get_absolute_url(), {"title": "Hills", "due": "2025-01-01"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 January 2025 has already passed. Pick today or a day ahead." in body
    assert 'value="Hills"' in body
    assert not goal.steps.exists()
    today = alice.profile.today()
    alice_client.post(goal.get_absolute_url(), {"title": "Hills", "due": today.isoformat()})
    assert goal.steps.get().due == today


def test_a_suggested_step_moved_into_the_past_is_refused(alice_client, alice, make_goal):
    goal = make_goal(alice, status=Status.ACTIVE)
    prefix = f"ladder{goal.pk}"
    fields = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-0-keep": "on",
        f"{prefix}-0-title": "A long run of 10 km",
        f"{prefix}-0-due": "2025-01-01",
    }
    response = alice_client.post(reverse("goals:ladder", args=[goal.pk]), fields)
    assert "1 January 2025 has already passed" in response.content.decode()
    assert not goal.steps.exists()


def test_a_goal_date_in_the_past_is_explained_before_saving(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    data = {**EXPERIENCE, "horizon": "date", "target_date": "2025-01-01"}
    response = alice_client.post(reverse("rounds:goals", args=[round.pk]), data)
    body = response.content.decode()
    assert "1 January 2025 has already passed. Pick a date ahead" in body
    assert not Goal.objects.exists()


def test_a_goal_keeps_its_own_passed_date_through_an_edit(alice_client, alice, make_goal, travel):
    goal = make_goal(alice, status=Status.ACTIVE, horizon="date", target_date=date(2025, 1, 1))
    data = {**EXPERIENCE, "horizon": "date", "target_date": "2025-01-01", "title": "Renamed"}
    response = alice_client.post(reverse("goals:edit", args=[goal.pk]), data)
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Renamed"


def test_i_did_it_marks_the_goal_reached_and_shows_the_runners_own_words(
    alice_client, alice, make_round, make_goal, settings
):
    round = make_round(alice, stage=Stage.DONE, notes={"proud": "Finishing in the rain, laughing"})
    goal = make_goal(alice, round=round, status=Status.ACTIVE, why="My sister and the river")
    response = alice_client.post(reverse("goals:reached", args=[goal.pk]), follow=True)
    goal.refresh_from_db()
    assert (goal.status, goal.reached_on) == (Status.DONE, alice.profile.today())
    body = html.unescape(response.content.decode())
    assert "You did it!" in body
    assert "My sister and the river" in body and "Finishing in the rain, laughing" in body
    assert "/rounds/new/?reason=goal_reached" in body
    dashboard = alice_client.get(reverse("dashboard")).content.decode()
    assert 'id="reached-heading"' in dashboard
    assert dashboard.index(goal.title) > dashboard.index('id="reached-heading"')


def test_one_off_goals_the_runs_reach_are_marked_by_the_periodic_check(alice, make_goal):
    today = alice.profile.today()
    longest = make_goal(
        alice,
        status=Status.ACTIVE,
        kind="measurable",
        metric="longest_run",
        target_value=10000,
        target_unit="m",
    )
    weekly = make_goal(
        alice,
        status=Status.ACTIVE,
        kind="measurable",
        metric="distance",
        period="week",
        target_value=5000,
        target_unit="m",
    )
    record_run(owner=alice, on=today, distance_m=12000, duration_s=4000)
    refresh_nudges(alice, today)
    longest.refresh_from_db()
    weekly.refresh_from_db()
    assert (longest.status, longest.reached_on) == (Status.DONE, today)
    assert weekly.status == Status.ACTIVE  # a good week, not a goal completed


def test_a_reached_goal_shows_as_reached_before_anything_marks_it(alice_client, alice, make_goal):
    goal = make_goal(
        alice,
        status=Status.ACTIVE,
        kind="measurable",
        metric="longest_run",
        target_value=10000,
        target_unit="m",
        why="To feel strong again",
    )
    record_run(owner=alice, on=alice.profile.today(), distance_m=12000, duration_s=4000)
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "You did it!" in body and "To feel strong again" in body
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE  # a GET never writes


def test_a_someday_idea_is_made_active_without_a_new_round(alice_client, alice, make_goal):
    idea = make_goal(alice, status=Status.SOMEDAY, title="Trail run in the hills")
    page = alice_client.get(idea.get_absolute_url()).content.decode()
    assert "Make this goal active" in page
    response = alice_client.post(reverse("goals:activate", args=[idea.pk]), follow=True)
    idea.refresh_from_db()
    assert idea.status == Status.ACTIVE
    assert "one of your active goals now" in html.unescape(response.content.decode())


def test_a_someday_idea_made_active_past_the_limit_says_so_kindly(
    alice_client, alice, make_goal, settings
):
    settings.MAX_ACTIVE_GOALS = 1
    make_goal(alice, status=Status.ACTIVE, title="Saturday parkrun")
    idea = make_goal(alice, status=Status.SOMEDAY, title="Trail run in the hills")
    response = alice_client.post(reverse("goals:activate", args=[idea.pk]), follow=True)
    assert "more active goals than the few you usually keep" in html.unescape(
        response.content.decode()
    )


def test_an_empty_step_list_is_not_a_numbered_item_and_check_ins_are_named_apart(
    alice_client, alice, make_goal
):
    goal = make_goal(alice, status=Status.ACTIVE)
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert '<p class="muted">No steps yet.</p>' in page
    assert "Add this check-in" in page and "Save my answers" in page
    assert ">Check in</button>" not in page
