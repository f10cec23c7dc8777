"""Every moment Milepost stamps comes from milepost.clock, so `travel` moves them all."""

from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.db import models

from milepost import clock
from milepost.nudges.models import Nudge
from milepost.runs.models import ImportBatch

pytestmark = pytest.mark.django_db
MOMENT = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)


def close_to(moment: datetime):
    return lambda stamp: abs(stamp - moment) < timedelta(minutes=1)


def test_every_model_default_time_is_the_clocks():
    stamped = []
    for config in apps.get_app_configs():
        if not config.name.startswith("milepost"):
            continue
        for model in config.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.DateTimeField):
                    assert not (field.auto_now or field.auto_now_add), field
                    if field.has_default():
                        assert field.default is clock.now, field
                        stamped.append(field)
    assert len(stamped) >= 16


def test_a_goal_is_stamped_and_updated_by_the_clock(travel, alice, make_goal):
    travel(to=MOMENT)
    goal = make_goal(alice)
    assert close_to(MOMENT)(goal.created_at) and close_to(MOMENT)(goal.updated_at)
    travel(days=2)
    goal.title = "Run to the lighthouse and back"
    goal.save()
    goal.refresh_from_db()
    assert close_to(MOMENT + timedelta(days=2))(goal.updated_at)
    assert close_to(MOMENT)(goal.created_at)
    travel(days=1)
    goal.save(update_fields=["title"])  # like auto_now, only when updated_at is saved
    goal.refresh_from_db()
    assert close_to(MOMENT + timedelta(days=2))(goal.updated_at)


def test_dismissing_a_nudge_and_running_an_import_are_stamped_by_the_clock(travel, alice):
    travel(to=MOMENT)
    nudge = Nudge.objects.create(owner=alice, kind="break", since=MOMENT.date(), reason="Back")
    nudge.dismiss()
    batch = ImportBatch.objects.create(owner=alice)
    batch.begin(expected_files=1)
    assert all(map(close_to(MOMENT), [nudge.created, nudge.dismissed_at, batch.created]))
    assert close_to(MOMENT)(batch.started)
    travel(hours=1)
    batch.finish({"imported": 1}, done_files=1)
    assert close_to(MOMENT + timedelta(hours=1))(batch.finished)
