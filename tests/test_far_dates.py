"""A runner's far-off dates (a goal on 9999-12-31, kept from before dates were bounded) break
nothing: not their pages, not their feed, and not anyone else's reminders."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from milepost import clock
from milepost.goals.models import Horizon, Kind, Status, Step
from milepost.nudges.models import CalendarFeed
from milepost.runs.models import Activity

pytestmark = pytest.mark.django_db

LAST_DAY = date(9999, 12, 31)


@pytest.fixture
def far_goal(alice, make_goal):
    goal = make_goal(
        alice,
        title="Marathon at the end of time",
        status=Status.ACTIVE,
        horizon=Horizon.DATE,
        target_date=LAST_DAY,
        kind=Kind.MEASURABLE,
        metric="race_finish",
        target_value=1,
        race_distance_m=42195,
    )
    Step.objects.create(goal=goal, title="The last long run", due=LAST_DAY)
    return goal


def test_the_runners_dashboard_and_feed_still_open(alice_client, alice, far_goal):
    assert alice_client.get(reverse("dashboard")).status_code == 200
    assert alice_client.get(reverse("goals:detail", args=[far_goal.pk])).status_code == 200
    feed = CalendarFeed.renew_for(alice)
    assert alice_client.get(reverse("nudges:calendar_feed", args=[feed.token])).status_code == 200


def test_the_reminders_go_to_everyone_else(alice, bob, far_goal, make_goal):
    goal = make_goal(bob, status=Status.ACTIVE)
    Step.objects.create(goal=goal, title="Run 5 km", due=clock.now().date())
    call_command("remind")
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]


# One runner's failure is theirs alone ------------------------------------------------------


def test_a_runner_whose_nudge_check_fails_is_skipped(alice, bob, monkeypatch, caplog):
    from milepost.nudges import services
    from milepost.nudges.models import NudgeCheck

    real = services.refresh_nudges

    def refresh(owner, today=None):
        if owner.username == "alice":
            raise OverflowError("date value out of range")
        return real(owner, today)

    monkeypatch.setattr(services, "refresh_nudges", refresh)
    assert services.refresh_due_nudges() == 1
    assert list(NudgeCheck.objects.values_list("owner__username", flat=True)) == ["bob"]
    assert f"runner {alice.pk} failed" in caplog.text


def test_a_runner_whose_e_mail_fails_does_not_keep_back_the_others(
    alice, bob, make_goal, monkeypatch
):
    from milepost.accounts import mail as accounts_mail
    from milepost.nudges import reminders

    real = accounts_mail.send

    def send(*, user, **kwargs):
        if user.pk == alice.pk:
            raise ConnectionError("the mail server hung up")
        return real(user=user, **kwargs)

    monkeypatch.setattr(accounts_mail, "send", send)
    for runner in (alice, bob):
        goal = make_goal(runner, status=Status.ACTIVE)
        Step.objects.create(goal=goal, title="Run 5 km", due=clock.now().date())
    assert reminders.send_due_step_reminders() == 1
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]


def test_the_reminder_job_queues_itself_again_even_when_it_fails(alice, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from milepost.nudges import tasks

    def broken():
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(tasks, "send_due_reminders", broken)
    with pytest.raises(RuntimeError):
        tasks.send_reminders.call()
    assert DBTaskResult.objects.filter(task_path=tasks.send_reminders.module_path).count() == 1


# Dates a runner can enter ------------------------------------------------------------------


def test_a_step_decades_ahead_is_refused_in_plain_words(alice_client, alice, make_goal):
    goal = make_goal(alice, status=Status.ACTIVE)
    response = alice_client.post(goal.get_absolute_url(), {"title": "Hills", "due": "9999-12-31"})
    body = response.content.decode()
    assert "That is more than 30 years ahead. Pick a date before" in body
    assert 'value="Hills"' in body and 'value="9999-12-31"' in body
    assert not goal.steps.exists()


def test_a_goal_date_decades_ahead_is_refused_in_plain_words(alice_client, alice, make_round):
    from milepost.goals.models import Goal
    from milepost.goals.tests.test_views import EXPERIENCE
    from milepost.reflection.models import Stage

    round = make_round(alice, stage=Stage.GOALS)
    data = {**EXPERIENCE, "horizon": "date", "target_date": "9999-12-31"}
    body = alice_client.post(reverse("rounds:goals", args=[round.pk]), data).content.decode()
    assert "That is more than 30 years ahead" in body
    assert 'value="9999-12-31"' in body
    assert not Goal.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "1979-12-31"])
def test_a_run_before_1980_is_refused_in_plain_words(alice_client, alice, day):
    data = {"on": day, "distance": "5 km", "time": "30:00"}
    body = alice_client.post(reverse("runs:new"), data).content.decode()
    assert "Runs from before 1980 can&#x27;t be added: please check the year." in body
    assert f'value="{day}"' in body
    assert not Activity.objects.filter(owner=alice).exists()


def test_the_services_refuse_dates_out_of_range_too(alice, make_goal):
    from django.core.exceptions import ValidationError

    from milepost.goals import services as goals
    from milepost.goals.models import Goal
    from milepost.runs.services import record_run

    today = alice.profile.today()
    with pytest.raises(ValidationError, match="before 1980"):
        record_run(owner=alice, on=date(1, 1, 1), distance_m=5000, duration_s=1800)
    with pytest.raises(ValidationError, match="still to come"):
        record_run(owner=alice, on=date(9999, 12, 31), distance_m=5000, duration_s=1800)
    far = Goal(title="Far", horizon=Horizon.DATE, target_date=LAST_DAY)
    with pytest.raises(ValidationError, match="30 years ahead"):
        goals.add_goal(owner=alice, round=None, goal=far)
    goal = make_goal(alice, status=Status.ACTIVE)
    with pytest.raises(ValidationError, match="30 years ahead"):
        goals.add_step(goal=goal, step=Step(title="Far", due=LAST_DAY))
    with pytest.raises(ValidationError, match="already passed"):
        goals.add_steps(goal=goal, steps=[("Late", date(2000, 1, 1))])
    assert goals.add_step(goal=goal, step=Step(title="Soon", due=today)).pk
