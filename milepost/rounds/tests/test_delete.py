"""Deleting a note once the brainstorm is closed (never while brainstorming), and a whole
round: a confirmation page says what goes and what stays, the POST deletes."""

from datetime import timedelta

import pytest
from django.urls import reverse

from milepost import clock
from milepost.accounts.models import Profile
from milepost.coaching import groups
from milepost.coaching.models import GroupRoundSeat
from milepost.goals.models import CheckIn, Goal, Status, Step
from milepost.reflection.models import Note, Round, RoundQuestion, RoundTheme, Stage
from milepost.reflection.services import NoteLocked, add_question, delete_note
from milepost.rounds import services
from milepost.runs.models import Activity
from milepost.runs.services import record_run

pytestmark = pytest.mark.django_db

SOCIAL = "Running with Sam and the club on Sundays is the best part of my week."


def version(user) -> str:
    return Profile.objects.get(user=user).data_version


def a_round_with_themes(owner, stage=Stage.THEMES) -> Round:
    """A round whose brainstorm was closed through the service: its themes quote its notes."""
    round = Round.objects.create(owner=owner, reason="new_cycle")
    Note.objects.create(round=round, question="places_people", text=SOCIAL + " Rain or shine.")
    Note.objects.create(round=round, question="proud", text="Finishing my first half.")
    services.close_brainstorm(round=round)
    if stage != Stage.THEMES:
        round.advance_to(stage)
    return round


def quotes_of(round: Round) -> list[str]:
    return [item["text"] for t in round.themes.all() for item in t.evidence]


# Notes ---------------------------------------------------------------------------------------


def test_notes_cannot_be_deleted_while_brainstorming(alice_client, alice, make_round):
    round = make_round(alice)  # at the brainstorm
    note = round.notes.get()
    url = reverse("rounds:note_delete", args=[note.pk])
    for method in (alice_client.get, alice_client.post):
        response = method(url, follow=True)
        assert response.redirect_chain[0][0].startswith(
            reverse("rounds:brainstorm", args=[round.pk])
        )
        assert "Once you close the brainstorm, you can delete" in response.content.decode()
    assert Note.objects.filter(pk=note.pk).exists()
    with pytest.raises(NoteLocked):
        delete_note(note=note)
    body = alice_client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    assert url not in body  # no delete link beside a note while brainstorming


def test_the_note_confirmation_shows_the_note_and_the_themes_quoting_it(alice_client, alice):
    round = a_round_with_themes(alice)
    note = round.notes.get(question="places_people")
    assert "social" in round.themes.values_list("key", flat=True)
    body = alice_client.get(reverse("rounds:note_delete", args=[note.pk])).content.decode()
    assert "This deletes your note on &ldquo;" in body
    assert "Running with Sam and the club" in body
    assert "Milepost quoted it for your &ldquo;" in body and "the quote goes" in body
    assert Note.objects.filter(pk=note.pk).exists()  # a GET deletes nothing


def test_deleting_a_note_takes_its_quotes_and_keeps_the_rest(alice_client, alice):
    round = a_round_with_themes(alice, stage=Stage.GOALS)
    note = round.notes.get(question="places_people")
    assert any("with Sam" in text for text in quotes_of(round))
    themes_before = set(round.themes.values_list("key", "status"))
    before = version(alice)
    response = alice_client.post(reverse("rounds:note_delete", args=[note.pk]))
    assert response["Location"] == reverse("rounds:summary", args=[round.pk]) + "#q-places_people"
    assert not Note.objects.filter(pk=note.pk).exists()
    assert round.notes.filter(question="proud").exists()  # the other note stays
    assert set(round.themes.values_list("key", "status")) == themes_before  # themes stay
    assert not any("with Sam" in text for text in quotes_of(round))
    assert version(alice) != before
    round.refresh_from_db()
    assert round.stage == Stage.GOALS


def test_a_quote_another_note_still_says_stays(alice):
    round = a_round_with_themes(alice)
    Note.objects.create(round=round, question="places_people", text=SOCIAL)  # said twice
    delete_note(note=round.notes.get(text__endswith="Rain or shine."))
    assert any("with Sam" in text for text in quotes_of(round))


def test_the_summary_offers_each_note_a_delete_link_after_the_brainstorm(alice_client, alice):
    round = a_round_with_themes(alice)
    body = alice_client.get(reverse("rounds:summary", args=[round.pk])).content.decode()
    for note in round.notes.all():
        assert reverse("rounds:note_delete", args=[note.pk]) in body
    assert '<span class="visually-hidden"> the note &ldquo;Finishing my first half.' in body


# Rounds --------------------------------------------------------------------------------------


@pytest.fixture
def round_with_goals(alice, coach):
    """A round at the steps with a coach's question, an active goal (steps, a check-in), a
    draft not chosen, and a run."""
    round = a_round_with_themes(alice, stage=Stage.STEPS)
    add_question(round=round, text="Who runs with you?", asked_by=coach)
    active = Goal.objects.create(owner=alice, round=round, title="Run a 10k", status="active")
    Step.objects.create(goal=active, title="6 km", due=clock.now().date() + timedelta(days=9))
    CheckIn.objects.create(goal=active, day=clock.now().date(), did_it=True)
    Goal.objects.create(owner=alice, round=round, title="Trail marathon", status="draft")
    record_run(owner=alice, on=clock.now().date(), distance_m=5000, duration_s=1800)
    return round


def test_the_round_confirmation_says_what_goes_and_that_goals_stay(alice_client, round_with_goals):
    url = reverse("rounds:delete", args=[round_with_goals.pk])
    body = alice_client.get(url).content.decode()
    assert "with its 2 notes, 2 themes and 1 question from your coach. It" in body
    assert "The goals you wrote in it stay yours, with their steps and check-ins" in body
    assert "Run a 10k</a> (active)" in body
    assert "Trail marathon</a> (a draft, to be kept as a someday idea)" in body
    assert "Your runs stay" in body
    assert Round.objects.filter(pk=round_with_goals.pk).exists()  # a GET deletes nothing


def test_deleting_a_round_takes_its_reflection_and_keeps_its_goals(
    alice_client, alice, round_with_goals
):
    other = a_round_with_themes(alice, stage=Stage.DONE)
    before = version(alice)
    response = alice_client.post(reverse("rounds:delete", args=[round_with_goals.pk]))
    assert response["Location"] == reverse("dashboard")
    assert list(Round.objects.all()) == [other]
    assert not Note.objects.exclude(round=other).exists()
    assert not RoundTheme.objects.exclude(round=other).exists()
    assert not RoundQuestion.objects.exists()
    goals = {g.title: g for g in Goal.objects.filter(owner=alice)}
    assert goals["Run a 10k"].status == Status.ACTIVE and goals["Run a 10k"].round is None
    assert goals["Run a 10k"].steps.count() == 1 and goals["Run a 10k"].check_ins.count() == 1
    assert goals["Trail marathon"].status == Status.SOMEDAY  # kept as a someday idea
    assert Activity.objects.filter(owner=alice).count() == 1
    assert version(alice) != before
    body = alice_client.get(response["Location"]).content.decode()
    assert "Deleted your round of" in body and "Its goals are kept." in body


def test_a_round_taken_in_a_group_leaves_the_group_round(alice_client, alice, coach):
    group = groups.create_group(coach=coach, name="Tuesday Trotters")
    groups.join(group=group, runner=alice)
    group_round = groups.start_group_round(
        group=group, prompts=["Who runs with you?"], brainstorm_by=clock.now().date()
    )
    round = groups.take_part(group_round=group_round, runner=alice)
    url = reverse("rounds:delete", args=[round.pk])
    assert "Tuesday Trotters" in alice_client.get(url).content.decode()
    alice_client.post(url)
    assert not GroupRoundSeat.objects.exists()
    assert group_round.__class__.objects.filter(pk=group_round.pk).exists()  # the coach's stays


def test_a_round_can_be_deleted_from_its_pages(alice_client, alice, make_round):
    url = None
    for stage in (Stage.BRAINSTORM, Stage.DONE):
        round = make_round(alice, stage=stage)
        url = reverse("rounds:delete", args=[round.pk])
        body = alice_client.get(round.get_absolute_url(), follow=True).content.decode()
        assert f'<a href="{url}">Delete this round&hellip;</a>' in body, stage
