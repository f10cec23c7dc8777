"""The coaching pages through the test client: sharing and invitations on the runner's side,
the roster and read-only client pages on the coach's side."""

import re

import pytest
from django.urls import reverse

from milepost.coaching import services
from milepost.coaching.models import Grant, Invitation
from milepost.goals.models import Step

pytestmark = pytest.mark.django_db

ALICE_WORDS = "Running keeps my head clear after work"


@pytest.fixture
def alices_year(alice, make_round, make_goal):
    round = make_round(alice, stage="steps", notes={"beyond_running": ALICE_WORDS})
    goal = make_goal(alice, round=round, status="active", title="Run to the lighthouse")
    Step.objects.create(goal=goal, title="Run 6 km with Sam", due="2099-01-01")
    return round, goal


def link_in(response) -> str:
    text = " ".join(str(m) for m in response.context["messages"])
    return re.search(r"/coaching/join/[\w-]+/", text).group(0)


def test_runner_invites_a_coach_who_accepts_and_sees_only_that(client, alice, coach, alices_year):
    round, goal = alices_year
    client.force_login(alice)
    response = client.post(
        reverse("coaching:sharing"), {"scopes": ["goals"], "email": "cora@example.org"}, follow=True
    )
    link = link_in(response)
    assert Grant.objects.count() == 0  # nothing shared before the coach accepts
    client.force_login(coach)
    page = client.get(link)
    assert "Alice would like you as their coach" in page.content.decode()
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("coaching:client", args=[alice.pk])
    body = response.content.decode()
    assert "Run to the lighthouse" in body and ALICE_WORDS not in body
    assert client.get(reverse("coaching:client_goal", args=[alice.pk, goal.pk])).status_code == 200
    assert (
        client.get(reverse("coaching:client_round", args=[alice.pk, round.pk])).status_code == 404
    )
    assert "used or withdrawn" in client.post(link).content.decode()  # it works once
    assert Grant.objects.count() == 1


def test_invitation_email_carries_the_link(client, alice, mailoutbox):
    client.force_login(alice)
    client.post(reverse("coaching:sharing"), {"scopes": ["runs"], "email": "coach@example.org"})
    (mail,) = mailoutbox
    assert mail.to == ["coach@example.org"]
    assert Invitation.objects.get().get_absolute_url() in mail.body


def test_inviting_without_scopes_keeps_what_was_typed(client, alice):
    client.force_login(alice)
    response = client.post(reverse("coaching:sharing"), {"email": "coach@example.org"})
    body = response.content.decode()
    assert "Choose at least one thing to share" in body and 'value="coach@example.org"' in body
    assert not Invitation.objects.exists()


def test_coach_invites_a_runner_who_picks_scopes(client, alice, coach, alices_year):
    round, _ = alices_year
    client.force_login(coach)
    link = link_in(client.post(reverse("coaching:roster"), {"email": ""}, follow=True))
    client.logout()
    assert "log in" in client.get(link).content.decode()
    client.force_login(alice)
    refused = client.post(link, {})
    assert "Choose at least one thing" in refused.content.decode()
    client.post(link, {"scopes": ["reflections"]})
    grant = Grant.objects.get()
    assert (grant.runner, grant.coach, grant.scopes) == (alice, coach, ["reflections"])
    client.force_login(coach)
    page = client.get(reverse("coaching:client_round", args=[alice.pk, round.pk]))
    assert ALICE_WORDS in page.content.decode()


def test_runner_changes_scopes_pauses_and_stops_sharing(client, alice, coach, alices_year):
    round, goal = alices_year
    grant = services.grant(runner=alice, coach=coach, scopes=["goals", "reflections"])
    client.force_login(alice)
    page = client.get(reverse("coaching:sharing")).content.decode()
    assert "Your coach can see" in page and "the notes and themes of your rounds" in page
    client.post(
        reverse("coaching:grant_scopes", args=[grant.pk]), {f"g{grant.pk}-scopes": ["goals"]}
    )
    client.force_login(coach)
    assert (
        client.get(reverse("coaching:client_round", args=[alice.pk, round.pk])).status_code == 404
    )
    client.force_login(alice)
    client.post(reverse("coaching:grant_status", args=[grant.pk]), {"status": "paused"})
    client.force_login(coach)
    assert client.get(reverse("coaching:client", args=[alice.pk])).status_code == 404
    assert "Alice" not in client.get(reverse("coaching:roster")).content.decode()
    client.force_login(alice)
    client.post(reverse("coaching:grant_status", args=[grant.pk]), {"status": "revoked"})
    page = client.get(reverse("coaching:sharing")).content.decode()
    assert "Coaches you stopped sharing with" in page


def test_another_runner_cannot_change_a_grant(client, alice, bob, coach):
    grant = services.grant(runner=alice, coach=coach, scopes=["goals"])
    client.force_login(bob)
    url = reverse("coaching:grant_status", args=[grant.pk])
    assert client.post(url, {"status": "revoked"}).status_code == 404
    client.force_login(coach)  # the coach cannot widen what they see either
    url = reverse("coaching:grant_scopes", args=[grant.pk])
    assert client.post(url, {f"g{grant.pk}-scopes": ["runs"]}).status_code == 404
    assert Grant.objects.get().scopes == ["goals"]


def test_coach_keeps_private_notes_and_shares_one(client, alice, bob, coach):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    client.force_login(coach)
    url = reverse("coaching:client_note", args=[alice.pk])
    client.post(url, {"text": "Knee niggle: ask in March"})
    client.post(url, {"text": "Lovely progress on hills", "shared": "on"})
    assert client.post(url, {"text": ""}).status_code == 400
    client.force_login(alice)
    page = client.get(reverse("coaching:sharing")).content.decode()
    assert "Lovely progress on hills" in page and "Knee niggle" not in page
    client.force_login(bob)
    assert client.post(url, {"text": "sneaky"}).status_code == 404


def test_the_roster_lists_clients_with_their_reasons(client, alice, coach, alices_year):
    _, goal = alices_year
    Step.objects.create(goal=goal, title="Run 5 km easy", due="2000-01-01")
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    client.force_login(coach)
    page = client.get(reverse("coaching:roster")).content.decode()
    assert "Alice" in page and "Check in" in page and "Run 5 km easy" in page


def test_the_runner_sees_exactly_what_the_coach_sees(client, alice, coach, alices_year):
    round, goal = alices_year
    grant = services.grant(runner=alice, coach=coach, scopes=["goals"])
    services.add_note(coach=coach, runner=alice, text="Private: ask about the knee")
    client.force_login(alice)
    sharing = client.get(reverse("coaching:sharing")).content.decode()
    assert reverse("coaching:grant_preview", args=[grant.pk]) in sharing
    preview = client.get(reverse("coaching:grant_preview", args=[grant.pk])).content.decode()
    assert "what Cora sees of you now" in preview and goal.title in preview
    assert ALICE_WORDS not in preview and "ask about the knee" not in preview
    client.force_login(coach)
    seen = client.get(reverse("coaching:client", args=[alice.pk])).content.decode()
    assert goal.title in seen and ALICE_WORDS not in seen
    assert client.get(reverse("coaching:grant_preview", args=[grant.pk])).status_code == 404
