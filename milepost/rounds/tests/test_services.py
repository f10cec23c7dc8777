"""A round's moves, each through its service: what must follow a move follows it."""

from datetime import timedelta

import pytest

from milepost import clock
from milepost.goals.models import Status
from milepost.nudges import services as nudge_services
from milepost.nudges.tests.helpers import comeback, today
from milepost.reflection.models import Stage
from milepost.rounds import services

pytestmark = pytest.mark.django_db


def test_starting_a_round_answers_the_open_nudges(alice):
    comeback(alice)
    [nudge] = nudge_services.refresh_nudges(alice)
    round = services.start_round(owner=alice, reason="break")
    assert round.stage == Stage.BRAINSTORM
    nudge.refresh_from_db()
    assert nudge.closed_on == today()
    assert nudge_services.open_nudges(alice) == []
    assert nudge_services.refresh_nudges(alice) == []


def test_closing_the_brainstorm_stores_the_themes_its_notes_give(alice, make_round):
    round = make_round(alice, notes={"competition": "I love the buzz of race day."})
    assert not round.themes.exists()
    services.close_brainstorm(round=round)
    assert round.stage == Stage.THEMES
    assert "race_experience" in set(round.themes.values_list("key", flat=True))


def test_a_rest_run_its_course_is_over_without_anyone_writing_it(alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.GOALS)
    make_goal(alice, round=round, status=Status.DRAFT)
    services.start_rest(round=round, days=1)
    assert services.stage_of(round) == Stage.RESTING
    round.rest_until = clock.now() - timedelta(minutes=1)
    round.save(update_fields=["rest_until"])
    assert services.stage_of(round) == Stage.SETTLE
    round.refresh_from_db()
    assert round.stage == Stage.RESTING  # reading it moved nothing
    services.settle(round=round, chosen=[])
    round.refresh_from_db()
    assert round.stage == Stage.STEPS  # nothing chosen: no purpose check to take


def test_a_purpose_check_with_nothing_left_to_check_leads_to_the_steps(alice, make_round):
    round = make_round(alice, stage=Stage.PURPOSE)
    assert services.stage_of(round) == Stage.STEPS
