"""Groups and group rounds: a coach makes a group, runners join by its link, the coach starts
a round with questions of their own, each member starts their own round, and shares only
what they choose: with the coach, or with the coach and the group."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.urls import reverse

from milepost import clock
from milepost.accounts.models import Profile
from milepost.coaching import groups, services
from milepost.coaching.models import Grant, GroupRoundSeat, Membership
from milepost.reflection.models import Note, RoundTheme, Stage, ThemeStatus
from milepost.reflection.services import add_note, share_note, share_themes

pytestmark = pytest.mark.django_db


def ahead(days=7):
    return clock.now().date() + timedelta(days=days)


@pytest.fixture
def group(coach):
    return groups.create_group(coach=coach, name="Spring 10K")


@pytest.fixture
def dana(django_user_model):
    user = Profile.objects.create_runner("dana", "dana@example.org", "dana runs 2026")
    user.profile.name = "Dana"
    user.profile.save()
    return user


@pytest.fixture
def group_round(group, alice, bob):
    groups.join(group=group, runner=alice)
    groups.join(group=group, runner=bob)
    return groups.start_group_round(
        group=group, prompts=["Who do you want at the finish line?"], brainstorm_by=ahead()
    )


def confirm(round, *keys):
    for key in keys:
        RoundTheme.objects.create(round=round, key=key, status=ThemeStatus.CONFIRMED)


# Groups and joining ------------------------------------------------------------------------


def test_a_coach_makes_a_group_and_sees_its_join_link(client, coach):
    client.force_login(coach)
    response = client.post(reverse("coaching:groups"), {"name": "Spring 10K"})
    group = coach.coached_groups.get()
    assert response["Location"] == reverse("coaching:group", args=[group.pk])
    page = client.get(response["Location"]).content.decode()
    assert reverse("coaching:group_join", args=[group.join_token]) in page
    assert "Spring 10K" in client.get(reverse("coaching:groups")).content.decode()


def test_joining_by_the_link_shares_nothing(client, alice, coach, group):
    client.force_login(alice)
    url = reverse("coaching:group_join", args=[group.join_token])
    page = client.get(url).content.decode()
    assert "Spring 10K" in page and "Cora" in page and "Joining shares nothing" in page
    assert not Membership.objects.exists()  # a GET never joins
    response = client.post(url)
    assert response["Location"] == reverse("coaching:member_group", args=[group.pk])
    assert Membership.objects.filter(group=group, runner=alice).exists()
    assert not Grant.objects.exists()
    client.post(url)  # twice is once
    assert Membership.objects.count() == 1


def test_a_coach_cannot_join_their_own_group(client, coach, group):
    client.force_login(coach)
    response = client.post(reverse("coaching:group_join", args=[group.join_token]))
    assert response.status_code == 409 and "your own group" in response.content.decode()
    assert not Membership.objects.exists()


def test_an_unknown_link_is_a_404(client, alice):
    client.force_login(alice)
    assert client.get(reverse("coaching:group_join", args=["nope"])).status_code == 404


def test_a_group_is_seen_only_by_its_coach_and_its_members(client, alice, bob, dana, group):
    groups.join(group=group, runner=alice)
    client.force_login(alice)
    assert client.get(reverse("coaching:member_group", args=[group.pk])).status_code == 200
    assert client.get(reverse("coaching:group", args=[group.pk])).status_code == 404
    client.force_login(dana)  # a coach of another group
    groups.create_group(coach=dana, name="Dana's")
    assert client.get(reverse("coaching:group", args=[group.pk])).status_code == 404
    assert client.get(reverse("coaching:member_group", args=[group.pk])).status_code == 404


# Group rounds --------------------------------------------------------------------------------


def test_the_coach_starts_a_group_round_with_questions_and_dates(client, coach, group):
    client.force_login(coach)
    url = reverse("coaching:group_round_start", args=[group.pk])
    data = {"prompts": "Who runs with you?\n\nWhat would make May feel good?"}
    data |= {"brainstorm_by": ahead(7), "rest_until": ahead(10)}
    response = client.post(url, data)
    assert response.status_code == 302
    group_round = group.rounds.get()
    assert group_round.prompts == ["Who runs with you?", "What would make May feel good?"]
    assert (group_round.brainstorm_by, group_round.rest_until) == (ahead(7), ahead(10))
    page = client.get(reverse("coaching:group", args=[group.pk])).content.decode()
    assert "What would make May feel good?" in page


def test_a_group_round_refuses_dates_in_the_wrong_order(client, coach, group):
    client.force_login(coach)
    url = reverse("coaching:group_round_start", args=[group.pk])
    response = client.post(url, {"brainstorm_by": ahead(7), "rest_until": ahead(2)})
    assert (
        response.status_code == 422 and "after the day to reflect by" in response.content.decode()
    )
    response = client.post(url, {"brainstorm_by": ahead(-3)})
    assert response.status_code == 422 and "today or a day ahead" in response.content.decode()
    assert not group.rounds.exists()


def test_a_member_starts_their_own_round_with_the_coachs_questions(client, alice, group_round):
    client.force_login(alice)
    response = client.post(reverse("coaching:take_part", args=[group_round.group_id]))
    round = alice.group_round_seats.get().round
    assert round.owner == alice and round.stage == Stage.BRAINSTORM
    assert response["Location"] == reverse("rounds:round", args=[round.pk])
    question = round.extra_questions.get()
    assert question.text == "Who do you want at the finish line?"
    page = client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    assert "Who do you want at the finish line?" in page and "A question from Cora" in page
    assert page.index("A journey already under way") < page.index("finish line")
    # a note on the coach's question is saved like any other
    client.post(
        reverse("rounds:note_add", args=[round.pk]),
        {"question": question.key, "text": "My daughter, at the finish."},
    )
    note = round.notes.get()
    assert note.extra_question == question and note.question == ""
    assert note.shared_with == "private"
    page = client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    assert "My daughter, at the finish." in page and "Who can read this note?" in page
    # taking part twice leads to the same round
    client.post(reverse("coaching:take_part", args=[group_round.group_id]))
    assert GroupRoundSeat.objects.count() == 1


def test_a_note_on_another_rounds_question_is_refused(client, alice, group_round, make_round):
    round = groups.take_part(group_round=group_round, runner=alice)
    other = make_round(alice)
    client.force_login(alice)
    key = round.extra_questions.get().key
    response = client.post(
        reverse("rounds:note_add", args=[other.pk]), {"question": key, "text": "x"}
    )
    assert response.status_code == 422 and not other.notes.filter(text="x").exists()


def test_a_non_member_cannot_take_part(alice, group_round, dana):
    with pytest.raises(services.CoachingError):
        groups.take_part(group_round=group_round, runner=dana)


def test_the_themes_of_a_round_are_read_from_the_eight_questions_only(alice, group_round):
    round = groups.take_part(group_round=group_round, runner=alice)
    question = round.extra_questions.get()
    add_note(round=round, question="drive", text="I love my splits.", client_id=uuid4())
    add_note(round=round, text="My sister.", client_id=uuid4(), extra_question=question)
    assert round.answers() == {"drive": ["I love my splits."]}
    assert round.extra_answers() == [(question, ["My sister."])]


# Sharing and privacy -------------------------------------------------------------------------


@pytest.fixture
def shared_rounds(alice, bob, group_round):
    """Alice shares a note with the coach, one with the group and her themes with the group;
    another note stays private. Bob shares nothing."""
    alices = groups.take_part(group_round=group_round, runner=alice)
    bobs = groups.take_part(group_round=group_round, runner=bob)
    notes = {}
    for text, share in [
        ("COACH-ONLY hamstring worries", "coach"),
        ("GROUP-SHARED parkrun with friends", "group"),
        ("PRIVATE divorce and running", "private"),
    ]:
        note = add_note(round=alices, question="beyond_running", text=text, client_id=uuid4())
        notes[share] = share_note(note=note, shared_with=share)
    add_note(round=bobs, question="proud", text="BOB-PRIVATE first marathon", client_id=uuid4())
    confirm(alices, "social")
    confirm(bobs, "comeback", "social")
    share_themes(round=alices, shared_with="group")
    return alices, bobs


def test_the_coach_sees_stages_for_all_and_words_only_where_shared(
    client, coach, group_round, shared_rounds, dana
):
    groups.join(group=group_round.group, runner=dana)  # joined, not started
    client.force_login(coach)
    page = client.get(reverse("coaching:group", args=[group_round.group_id])).content.decode()
    assert "Alice" in page and "bob" in page and "Dana" in page  # members, with their stage
    assert "Not started yet" in page and "Reflect" in page
    assert "COACH-ONLY hamstring worries" in page and "GROUP-SHARED parkrun" in page
    assert "PRIVATE" not in page and "BOB-PRIVATE" not in page
    # theme counts come from shared themes only: bob's comeback is nowhere
    assert "Comeback" not in page and "1 of 3 members shared their themes" in page
    shared_section = page.split("What members shared with you")[1]
    assert "bob" not in shared_section and "Dana" not in shared_section


def test_members_see_only_what_others_shared_with_the_group(client, bob, shared_rounds):
    alices, bobs = shared_rounds
    group = alices.group_seat.group_round.group
    client.force_login(bob)
    page = client.get(reverse("coaching:member_group", args=[group.pk])).content.decode()
    assert "GROUP-SHARED parkrun with friends" in page and "Alice" in page
    assert "COACH-ONLY" not in page and "PRIVATE divorce" not in page
    client.force_login(alices.owner)
    page = client.get(reverse("coaching:member_group", args=[group.pk])).content.decode()
    assert "BOB-PRIVATE" not in page and "Comeback" not in page
    assert "Nobody has shared anything with the group yet" in page


def test_a_member_changes_who_reads_a_note_and_the_themes(client, alice, group_round, coach):
    round = groups.take_part(group_round=group_round, runner=alice)
    note = add_note(round=round, question="proud", text="My first 10K.", client_id=uuid4())
    client.force_login(alice)
    client.post(reverse("rounds:note_share", args=[note.pk]), {"shared_with": "group"})
    note.refresh_from_db()
    assert note.shared_with == "group"
    client.post(reverse("rounds:note_share", args=[note.pk]), {"shared_with": "private"})
    note.refresh_from_db()
    assert note.shared_with == "private"
    url = reverse("coaching:member_group", args=[group_round.group_id])
    response = client.post(
        reverse("rounds:themes_share", args=[round.pk]), {"shared_with": "coach", "next": url}
    )
    assert response["Location"] == url
    round.refresh_from_db()
    assert round.themes_shared_with == "coach"
    client.force_login(coach)
    page = client.get(reverse("coaching:group", args=[group_round.group_id])).content.decode()
    assert "My first 10K." not in page


def test_another_runner_cannot_share_a_note_that_is_not_theirs(client, alice, bob, group_round):
    round = groups.take_part(group_round=group_round, runner=alice)
    note = add_note(round=round, question="proud", text="Mine.", client_id=uuid4())
    client.force_login(bob)
    response = client.post(reverse("rounds:note_share", args=[note.pk]), {"shared_with": "group"})
    assert response.status_code == 404
    assert Note.objects.get(pk=note.pk).shared_with == "private"


def test_a_round_outside_a_group_has_no_sharing_control(client, alice, make_round):
    round = make_round(alice)
    client.force_login(alice)
    page = client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    assert "Who can read this note?" not in page


# The coach's own question on a client's round ------------------------------------------------


def test_a_coach_sharing_reflections_adds_a_question(client, alice, coach, make_round):
    round = make_round(alice)
    services.grant(runner=alice, coach=coach, scopes=["goals", "reflections"])
    client.force_login(coach)
    url = reverse("coaching:client_round_question", args=[alice.pk, round.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "What scares you about the half?"})
    assert response.status_code == 302
    question = round.extra_questions.get()
    assert question.asked_by == coach
    client.force_login(alice)
    page = client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()
    assert "What scares you about the half?" in page


@pytest.mark.parametrize("scopes", [None, ["goals", "runs"], "revoked"])
def test_no_question_without_a_live_reflections_grant(client, alice, coach, make_round, scopes):
    round = make_round(alice)
    if scopes == "revoked":
        services.grant(runner=alice, coach=coach, scopes=["reflections"])
        services.revoke(runner=alice, coach=coach)
    elif scopes:
        services.grant(runner=alice, coach=coach, scopes=scopes)
    client.force_login(coach)
    url = reverse("coaching:client_round_question", args=[alice.pk, round.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Hello?"}).status_code == 404
    assert not round.extra_questions.exists()


def test_a_question_waits_for_the_next_round_once_reflecting_is_over(
    client, alice, bob, coach, make_round
):
    round = make_round(alice, stage=Stage.GOALS)
    services.grant(runner=alice, coach=coach, scopes=["reflections"])
    client.force_login(coach)
    url = reverse("coaching:client_round_question", args=[alice.pk, round.pk])
    response = client.post(url, {"text": "Too late?"})
    assert response.status_code == 422 and "past reflecting" in response.content.decode()
    # a round of another runner under this client's address is a 404
    bobs = make_round(bob)
    assert (
        client.get(reverse("coaching:client_round_question", args=[alice.pk, bobs.pk])).status_code
        == 404
    )


def test_the_reflection_pdf_includes_the_coachs_questions(alice, group_round):
    from milepost.paper import pdf
    from milepost.paper import services as paper

    round = groups.take_part(group_round=group_round, runner=alice)
    question = round.extra_questions.get()
    add_note(round=round, text="Mum.", client_id=uuid4(), extra_question=question)
    captured = {}
    original = pdf.reflection_pdf
    pdf.reflection_pdf = lambda data, paper: captured.setdefault("data", data) and b""
    try:
        paper.reflection(round=round, paper="a4")
    finally:
        pdf.reflection_pdf = original
    last = captured["data"].answers[-1]
    assert last.notes == ("Mum.",) and "finish line" in last.title
