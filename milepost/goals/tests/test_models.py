"""Goal: the day it was reached is the runner's own, recorded once."""

import importlib
from datetime import UTC, date, datetime

import pytest
from django.apps import apps

from milepost.goals.models import Goal, Status

pytestmark = pytest.mark.django_db
# 23:30 in London on New Year's Eve is already 12:30 on 1 January in Auckland.
NEW_YEARS_EVE = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)


@pytest.fixture
def kiwi(alice):
    alice.profile.time_zone = "Pacific/Auckland"
    alice.profile.save()
    return alice


def test_a_goal_marked_done_records_the_runners_own_date(kiwi, make_goal, travel):
    travel(to=NEW_YEARS_EVE)
    goal = make_goal(kiwi, status=Status.ACTIVE)
    assert goal.reached_on is None
    goal.status = Status.DONE
    goal.save(update_fields=["status"])
    goal.refresh_from_db()
    assert goal.reached_on == date(2027, 1, 1)


def test_an_edit_after_reaching_a_goal_does_not_move_the_day(kiwi, make_goal, travel):
    travel(to=NEW_YEARS_EVE)
    goal = make_goal(kiwi, status=Status.DONE)
    travel(days=10)
    goal.why = "It was the best day of the year."
    goal.save()
    goal.refresh_from_db()
    assert goal.reached_on == date(2027, 1, 1)
    assert goal.updated_at.date() == date(2027, 1, 10)


def test_goals_done_before_reached_on_existed_take_their_last_saves_date(kiwi, make_goal):
    done = make_goal(kiwi, status=Status.DONE)
    active = make_goal(kiwi, status=Status.ACTIVE)
    Goal.objects.update(reached_on=None, updated_at=NEW_YEARS_EVE)
    migration = importlib.import_module("milepost.goals.migrations.0006_goal_reached_on")
    migration.fill_reached_on(apps, None)
    done.refresh_from_db(), active.refresh_from_db()
    assert (done.reached_on, active.reached_on) == (date(2027, 1, 1), None)
