"""The coach's side of a goal's thread and of suggested goals, the runner's history of what
their coach did, and the coaching e-mails: per kind and per person, off by default except the
messages, and never carrying more than the grant shares."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from milepost.accounts.models import EmailChoice
from milepost.coaching import emails, services
from milepost.coaching.history import coach_activity
from milepost.coaching.models import GrantStatus
from milepost.goals import services as goal_services
from milepost.goals.models import GoalComment, GoalSuggestion
from milepost.reflection.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach_client(client, coach):
    client.force_login(coach)
    return client


def comment_url(runner, goal):
    return reverse("coaching:goal_comment", kwargs={"runner": runner.pk, "pk": goal.pk})


def test_a_coach_with_the_goals_scope_writes_in_the_thread(
    coach_client, alice, coach, make_goal, mailoutbox
):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    goal = make_goal(alice, status="active")
    here = "/coach/clients/somewhere/"
    response = coach_client.post(
        comment_url(alice, goal), {"comment-text": "Lovely week!", "next": here}
    )
    assert response.status_code == 302 and response["Location"] == here
    comment = GoalComment.objects.get()
    assert (comment.goal, comment.author, comment.text) == (goal, coach, "Lovely week!")
    # The runner is e-mailed at once (messages are on by default), once.
    (mail,) = mailoutbox
    assert mail.to == ["alice@example.org"] and "Lovely week!" in mail.body
    assert goal.get_absolute_url() in mail.body
    assert emails.send_due_emails()["comments"] == 0


@pytest.mark.parametrize("scopes", [None, ["reflections", "runs"], "revoked", "paused"])
def test_no_comment_without_a_live_goals_grant(coach_client, alice, coach, make_goal, scopes):
    goal = make_goal(alice, status="active")
    if scopes in ("revoked", "paused"):
        made = services.grant(runner=alice, coach=coach, scopes=["goals"])
        services.set_status(grant=made, status=scopes)
    elif scopes:
        services.grant(runner=alice, coach=coach, scopes=scopes)
    response = coach_client.post(comment_url(alice, goal), {"comment-text": "Hi"})
    assert response.status_code == 404 and not GoalComment.objects.exists()


def test_no_comment_on_another_runners_goal(coach_client, alice, bob, coach, make_goal):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    bobs = make_goal(bob, status="active")
    assert coach_client.post(comment_url(alice, bobs), {"comment-text": "Hi"}).status_code == 404
    assert coach_client.post(comment_url(bob, bobs), {"comment-text": "Hi"}).status_code == 404
    assert not GoalComment.objects.exists()


def test_the_thread_include_reads_for_the_coach(coach, alice, make_goal, rf):
    from django.template.loader import render_to_string

    from milepost.goals.forms import CommentForm

    goal = make_goal(alice, status="active")
    goal_services.add_comment(goal=goal, author=coach, text="How was it?")
    goal_services.add_comment(goal=goal, author=alice, text="Windy!")
    html = render_to_string(
        "goals/includes/comments.html",
        {
            "goal": goal,
            "comments": goal.comments.select_related("author__profile"),
            "comment_form": CommentForm(prefix="comment"),
            "comment_action": comment_url(alice, goal),
            "viewer_id": coach.pk,
            "next": "/coach/page/",
        },
    )
    assert "Your thread with Alice" in html and "You</strong>" in html and "Windy!" in html
    assert comment_url(alice, goal) in html and 'value="/coach/page/"' in html


def test_the_coach_suggests_a_goal_with_the_goal_forms_fields(coach_client, alice, coach):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    url = reverse("coaching:suggest", args=[alice.pk])
    page = coach_client.get(url).content.decode()
    assert "Suggest a goal to Alice" in page and "themes" not in page.lower().split("<main")[-1]
    response = coach_client.post(
        url,
        {
            "title": "Run 20 km a week",
            "size": "medium",
            "horizon": "soon",
            "feeling": "scary",
            "why": "You said you miss the long weeks.",
            "kind": "measurable",
            "metric": "distance",
            "period": "week",
            "target": "20 km",
        },
    )
    assert response.status_code == 302
    made = GoalSuggestion.objects.get()
    assert (made.coach, made.runner, made.target_value, made.target_unit) == (
        coach,
        alice,
        20000,
        "m",
    )
    assert "Waiting for an answer" in coach_client.get(url).content.decode()


def test_suggesting_needs_the_goals_scope(coach_client, alice, coach):
    url = reverse("coaching:suggest", args=[alice.pk])
    assert coach_client.get(url).status_code == 404
    services.grant(runner=alice, coach=coach, scopes=["reflections"])
    assert coach_client.get(url).status_code == 404
    assert coach_client.post(url, {"title": "X"}).status_code == 404
    assert not GoalSuggestion.objects.exists()


def test_the_runner_sees_what_their_coach_did_newest_first(alice, coach, make_goal, travel):
    goal = make_goal(alice, status="active")
    goal_services.add_comment(goal=goal, author=coach, text="Proud of you.")
    goal_services.add_comment(goal=goal, author=alice, text="Thanks!")
    travel(hours=1)
    goal_services.suggest_goal(
        coach=coach, runner=alice, suggestion=GoalSuggestion(title="A trail 10k")
    )
    actions = coach_activity(alice)
    assert [(a.kind, a.text, a.coach_name) for a in actions] == [
        ("suggestion", "A trail 10k", "Cora"),
        ("comment", "Proud of you.", "Cora"),
    ]
    assert actions[1].goal == goal


# E-mails -----------------------------------------------------------------------------------


def answer(goal, runner, text="Windy, but lovely."):
    return goal_services.add_comment(goal=goal, author=runner, text=text)


def test_the_coach_is_emailed_the_runners_answer(alice, coach, make_goal, mailoutbox):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    goal = make_goal(alice, status="active")
    goal_services.add_comment(goal=goal, author=coach, text="How did it go?")
    answer(goal, alice)
    sent = emails.send_due_emails()
    assert sent["comments"] == 2  # the coach's message to alice, her answer to the coach
    to_coach = [m for m in mailoutbox if m.to == ["cora@example.org"]]
    assert len(to_coach) == 1 and "Windy, but lovely." in to_coach[0].body
    assert "Alice answered you" in to_coach[0].subject
    assert emails.send_due_emails() == {"comments": 0, "answers": 0, "digests": 0}


def test_message_emails_can_be_turned_off(client, alice, coach, make_goal, mailoutbox):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    client.force_login(alice)
    moved = client.get(reverse("coaching:email_settings"))  # one home for e-mail choices
    assert moved["Location"] == reverse("accounts:profile") + "#emails"
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="comment" id="id_comment" checked' in page  # on by default
    assert 'name="digest" id="id_digest" checked' not in page  # off by default
    client.post(reverse("accounts:email_choices"), {})  # everything off
    goal = make_goal(alice, status="active")
    goal_services.add_comment(goal=goal, author=coach, text="How did it go?")
    emails.send_due_emails()
    assert [m.subject for m in mailoutbox] == []
    assert GoalComment.objects.get().emailed_at is not None  # claimed: never sent later
    client.post(reverse("accounts:email_choices"), {"comment": "on"})
    assert emails.send_due_emails()["comments"] == 0


def test_no_answer_email_once_the_coach_no_longer_shares_goals(alice, coach, make_goal, mailoutbox):
    made = services.grant(runner=alice, coach=coach, scopes=["goals"])
    goal = make_goal(alice, status="active")
    goal_services.add_comment(goal=goal, author=coach, text="How did it go?")
    emails.send_due_emails()
    mailoutbox.clear()
    services.grant(runner=alice, coach=coach, scopes=["reflections"])
    answer(goal, alice)
    services.set_status(grant=made, status=GrantStatus.ACTIVE)
    emails.send_due_emails()
    assert mailoutbox == []


def test_suggestion_answers_are_emailed_only_when_asked_for(alice, coach, mailoutbox):
    services.grant(runner=alice, coach=coach, scopes=["goals"])

    def suggest(title):
        return goal_services.suggest_goal(
            coach=coach, runner=alice, suggestion=GoalSuggestion(title=title)
        )

    goal_services.decline_suggestion(suggestion=suggest("A trail 10k"), word="Not this year.")
    assert emails.send_due_emails()["answers"] == 0 and mailoutbox == []  # off by default
    services.set_email_choices(user=coach, choices={"suggestion_answered": True})
    goal_services.decline_suggestion(suggestion=suggest("A marathon"), word="Maybe in spring.")
    goal_services.accept_suggestion(suggestion=suggest("Parkrun with Sam"))
    assert emails.send_due_emails()["answers"] == 2
    bodies = sorted(m.body for m in mailoutbox)
    assert any("Maybe in spring." in b for b in bodies)
    assert any("took the goal you suggested" in b and "Parkrun with Sam" in b for b in bodies)
    assert not any("Not this year." in b for b in bodies)  # old news is never sent


def digest_morning(coach, travel, hour=8):
    zone = ZoneInfo(coach.profile.time_zone)
    tomorrow = datetime.now(zone).date() + timedelta(days=1)
    travel(to=datetime(tomorrow.year, tomorrow.month, tomorrow.day, hour, tzinfo=zone))


def test_the_daily_digest_is_off_by_default_then_sent_once_a_morning(
    alice, coach, make_goal, travel, mailoutbox
):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    goal_services.pause_goal(goal=make_goal(alice, status="active"), reason="injury")
    digest_morning(coach, travel)
    assert emails.send_due_emails()["digests"] == 0
    services.set_email_choices(user=coach, choices={"digest": True})
    assert emails.send_due_emails()["digests"] == 1
    assert emails.send_due_emails()["digests"] == 0  # once a day
    (mail,) = mailoutbox
    assert mail.to == ["cora@example.org"] and "Alice" in mail.body and "paused" in mail.body
    travel(days=1)
    assert emails.send_due_emails()["digests"] == 1


def test_the_digest_waits_for_the_coachs_morning(alice, coach, make_goal, travel, mailoutbox):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    goal_services.pause_goal(goal=make_goal(alice, status="active"), reason="injury")
    services.set_email_choices(user=coach, choices={"digest": True})
    digest_morning(coach, travel, hour=5)
    assert emails.send_due_emails()["digests"] == 0


def test_a_goals_only_coach_never_gets_a_word_of_the_notes(
    alice, coach, make_goal, make_round, travel, mailoutbox
):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    services.set_email_choices(
        user=coach, choices={"digest": True, "suggestion_answered": True, "comment": True}
    )
    round = make_round(alice, notes={"drive": "My secret reason is my dad."})
    secret = Note.objects.get(round=round).text
    goal = make_goal(alice, round=round, status="active", why="Feeling strong again.")
    goal_services.pause_goal(goal=goal, reason="life", note="Busy at work.")
    goal_services.add_comment(goal=goal, author=coach, text="How is it going?")
    answer(goal, alice, "Slowly.")
    suggestion = goal_services.suggest_goal(
        coach=coach, runner=alice, suggestion=GoalSuggestion(title="A trail 10k")
    )
    goal_services.decline_suggestion(suggestion=suggestion, word="No thanks.")
    digest_morning(coach, travel)
    emails.send_due_emails()
    to_coach = [m for m in mailoutbox if m.to == ["cora@example.org"]]
    assert len(to_coach) == 3  # the answer, the declined suggestion, the digest
    assert not any(secret in m.body or "secret" in m.subject for m in to_coach)


def test_the_coach_emails_command(alice, coach, make_goal, mailoutbox, capsys):
    goal = make_goal(alice, status="active")
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    goal_services.add_comment(goal=goal, author=coach, text="Hello!")
    call_command("coach_emails")
    assert "1 message e-mail" in capsys.readouterr().out and len(mailoutbox) == 1


def test_email_settings_default_to_messages_only(alice):
    wanting = EmailChoice.objects.wanting
    assert wanting("comment", [alice.pk]) == {alice.pk}
    assert wanting("suggestion_answered", [alice.pk]) == set()
    assert wanting("digest", [alice.pk]) == set()
