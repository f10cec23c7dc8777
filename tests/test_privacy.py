"""Charlie should have no access to Alice's stuff: every object URL of one runner is a 404
for another, whatever the method."""

from datetime import UTC, datetime

import pytest
from django.core import signing
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from milepost.accounts import mail
from milepost.accounts.models import ApiToken, Profile
from milepost.coaching import services
from milepost.coaching.models import SCOPES, GrantStatus, Group
from milepost.goals.models import GoalSuggestion, Step
from milepost.nudges.models import CycleStart, Nudge
from milepost.portability.models import Export
from milepost.reflection.models import Stage
from milepost.runs.models import Activity, ImportBatch

pytestmark = pytest.mark.django_db

# Which object each URL name's pk points at; a new object URL must be added here.
OBJECT_URLS = {
    "rounds:round": "round",
    "rounds:brainstorm": "round",
    "rounds:note_add": "round",
    "rounds:brainstorm_close": "round",
    "rounds:themes": "round",
    "rounds:theme_add": "round",
    "rounds:summary": "round",
    "rounds:goals": "round",
    "rounds:rest": "round",
    "rounds:rest_start": "round",
    "rounds:settle": "round",
    "rounds:purpose": "round",
    "rounds:steps": "round",
    "rounds:finish": "round",
    "rounds:close": "round",
    "rounds:delete": "round",
    "rounds:note_delete": "note",
    "goals:detail": "goal",
    "goals:edit": "goal",
    "goals:purpose_check": "goal",
    "goals:ladder": "goal",
    "goals:step_done": "step",
    "runs:detail": "activity",
    "runs:delete": "activity",
    "runs:original": "activity",
    "runs:batch": "batch",
    "runs:batch_resume": "batch",
    "paper:reflection": "round",
    "goals:pause": "goal",
    "goals:resume": "goal",
    "goals:check_in": "goal",
    "goals:reached": "goal",
    "goals:activate": "goal",
    "runs:feeling": "activity",
    "runs:race": "activity",
    "nudges:dismiss": "nudge",
    "nudges:snooze": "nudge",
    "nudges:cycle_delete": "cycle_start",
    "coaching:grant_scopes": "grant",
    "coaching:grant_status": "grant",
    "coaching:grant_preview": "grant",
    "coaching:invitation_withdraw": "invitation",
    "rounds:note_share": "note",
    "rounds:themes_share": "round",
    # A coach's group (alice coaches it here), and its page for members.
    "coaching:group": "group",
    "coaching:group_round_start": "group",
    "coaching:member_group": "group",
    "coaching:take_part": "group",
    "goals:comment": "goal",
    "goals:delete": "goal",
    "goals:suggestion_accept": "suggestion",
    "goals:suggestion_decline": "suggestion",
    # The JSON API, with the session of the runner's own pages.
    "api:round": "round",
    "api:goal": "goal",
    "api:activity": "activity",
    "api:import_batch": "batch",
    "accounts:token_revoke": "api_token",
    "portability:export": "export",
    "portability:download": "export",
}


def object_url(name, obj, owner) -> str:
    """The URL of ``obj``; under a client's address (``runner``) for the coach's pages."""
    try:
        return reverse(name, args=[obj.pk])
    except NoReverseMatch:
        return reverse(name, kwargs={"runner": owner.pk, "pk": obj.pk})


def url_names_with_pk(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names_with_pk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            converters = pattern.pattern.converters
            if "pk" in converters and "runner" not in converters:  # coach pages: COACH_URLS
                yield f"{namespace}{pattern.name}"


def test_every_object_url_is_listed_here():
    assert set(url_names_with_pk()) == set(OBJECT_URLS)


@pytest.mark.parametrize("stage", [Stage.BRAINSTORM, Stage.THEMES, Stage.GOALS, Stage.STEPS])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("intruder", ["bob", "coach"])
def test_another_runner_gets_404_on_every_object_url(
    client, alice, bob, coach, make_round, make_goal, stage, method, intruder
):
    """Bob, and even a coach Alice shares everything with: the runner's own pages are hers
    alone (a coach reads through the coach's pages, below)."""
    grant = services.grant(runner=alice, coach=coach, scopes=SCOPES)
    invitation = services.invite(sender=alice, kind="runner", scopes=["goals"])
    bob = {"bob": bob, "coach": coach}[intruder]
    round = make_round(alice, stage=stage, notes={"beyond_running": "Running keeps my head clear"})
    goal = make_goal(alice, round=round, status="active")
    step = Step.objects.create(goal=goal, title="Run 5 km", due="2027-01-01")
    activity = Activity.objects.create(
        owner=alice, start=datetime(2026, 5, 1, 7, tzinfo=UTC), elapsed_s=1800, moving_s=1800
    )
    batch = ImportBatch.objects.create(owner=alice)
    nudge = Nudge.objects.create(owner=alice, kind="break", since="2026-05-02", reason="Hello")
    cycle_start = CycleStart.objects.create(owner=alice, day="2026-05-04")
    objects = {"round": round, "goal": goal, "step": step, "activity": activity, "batch": batch}
    objects |= {"grant": grant, "invitation": invitation}
    suggestion = GoalSuggestion.objects.create(coach=coach, runner=alice, title="A trail 10k")
    objects |= {"suggestion": suggestion}
    objects |= {"api_token": ApiToken.objects.issue(owner=alice, name="Alice's sheet")[0]}
    objects |= {"nudge": nudge, "cycle_start": cycle_start, "note": round.notes.first()}
    objects |= {"group": Group.objects.create(coach=alice, name="Alice's group")}
    objects["export"] = Export.objects.create(owner=alice, file_name="export-test.zip")
    client.force_login(bob)
    for name, kind in OBJECT_URLS.items():
        url = object_url(name, objects[kind], alice)
        data = {"text": "x", "question": "proud", "days": 3, "shared_with": "group"}
        data |= {"name": "Mine now", "brainstorm_by": "2099-01-01"}
        response = getattr(client, method)(url, data)
        if response.status_code == 405:  # a POST-only URL refuses GET (a GET-only one POST)
            missing = getattr(client, method)(
                object_url(name, type(objects[kind])(pk=10**9), alice)
            )
            assert missing.status_code == 405, name  # refused for any id alike
            continue
        assert response.status_code == 404, f"{method.upper()} {name} gave {response.status_code}"
    client.force_login(alice)
    body = client.get(reverse("rounds:summary", args=[round.pk])).content.decode()
    assert "Running keeps my head clear" in body
    assert Activity.objects.filter(pk=activity.pk).exists()  # bob's delete did nothing
    assert round.notes.filter(pk=objects["note"].pk).exists()  # nor his deletes of her note,
    assert goal.__class__.objects.filter(pk=goal.pk, round=round).exists()  # goal and round
    goal.refresh_from_db()
    assert goal.status == "active" and not goal.pauses.exists() and not goal.check_ins.exists()
    assert CycleStart.objects.filter(pk=cycle_start.pk).exists()
    nudge.refresh_from_db()
    assert nudge.dismissed_at is None and nudge.snoozed_until is None
    grant.refresh_from_db()
    assert grant.status == GrantStatus.ACTIVE and grant.scopes == SCOPES
    invitation.refresh_from_db()
    assert invitation.is_open
    assert not round.notes.exclude(shared_with="private").exists()
    round.refresh_from_db()
    assert round.themes_shared_with == "private" and not round.extra_questions.exists()
    assert not objects["group"].rounds.exists() and not objects["group"].memberships.exists()
    assert (
        not goal.comments.exists()
        and not goal.__class__.objects.filter(title="A trail 10k").exists()
    )
    suggestion.refresh_from_db()
    assert suggestion.is_waiting and suggestion.word == ""
    assert ApiToken.objects.usable().filter(owner=alice).exists()  # not revoked by anyone else


def test_a_visitor_is_sent_to_log_in(client, alice, make_round):
    round = make_round(alice)
    response = client.get(reverse("rounds:brainstorm", args=[round.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))


# The coach's pages: for each URL name with a ``runner``, the scope it needs (None: any live
# grant) and what its ``pk`` points at, if anything. A new coach URL must be added here.
COACH_URLS = {
    "coaching:client": (None, None),
    "coaching:client_note": (None, None),
    "coaching:client_goal": ("goals", "goal"),
    "coaching:client_round": ("reflections", "round"),
    "coaching:client_round_question": ("reflections", "round"),
    "coaching:client_years": ("reflections", None),
    "coaching:goal_comment": ("goals", "goal"),
    "coaching:suggest": ("goals", None),
    "api:client_goals": ("goals", None),
    "api:client_goal": ("goals", "goal"),
    "api:client_rounds": ("reflections", None),
    "api:client_round": ("reflections", "round"),
    "api:client_activities": ("runs", None),
}
POST_ONLY = {"coaching:client_note", "coaching:goal_comment"}


def url_names_with_runner(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names_with_runner(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and "runner" in pattern.pattern.converters:
            yield f"{namespace}{pattern.name}"


def test_every_coach_url_is_listed_here():
    assert set(url_names_with_runner()) == set(COACH_URLS)


NOTE = "Running keeps my head clear"


@pytest.fixture
def alices_things(alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.STEPS, notes={"beyond_running": NOTE})
    goal = make_goal(alice, round=round, status="active", why="For my own quiet hour")
    return {"round": round, "goal": goal}


def coach_url(name, alice, things):
    kind = COACH_URLS[name][1]
    return reverse(name, args=[alice.pk, things[kind].pk] if kind else [alice.pk])


def status_of(client, name, url):
    if name in POST_ONLY:
        return client.post(url, {"text": "A note", "comment-text": "A word"}).status_code
    return client.get(url).status_code


@pytest.mark.parametrize("setup", ["none", "paused", "revoked", "another_coach"])
def test_a_coach_without_a_live_grant_gets_404_everywhere(
    client, alice, bob, coach, alices_things, setup
):
    if setup in ("paused", "revoked"):
        grant = services.grant(runner=alice, coach=coach, scopes=SCOPES)
        services.set_status(grant=grant, status=setup)
    if setup == "another_coach":
        services.grant(runner=alice, coach=bob, scopes=SCOPES)
    client.force_login(coach)
    for name in COACH_URLS:
        url = coach_url(name, alice, alices_things)
        assert status_of(client, name, url) == 404, f"{name} with {setup}"
    assert NOTE not in client.get(reverse("coaching:roster")).content.decode()


@pytest.mark.parametrize("scope", SCOPES)
def test_a_coach_sees_only_within_the_scopes(client, alice, coach, alices_things, scope):
    services.grant(runner=alice, coach=coach, scopes=[scope])
    client.force_login(coach)
    for name, (needed, _) in COACH_URLS.items():
        url = coach_url(name, alice, alices_things)
        expected = 404 if needed not in (None, scope) else (302 if name in POST_ONLY else 200)
        assert status_of(client, name, url) == expected, f"{name} with {scope}"


def test_a_coachs_pages_never_carry_words_outside_the_scopes(client, alice, coach, alices_things):
    """A goals-only coach never receives one word of the runner's notes, on any coach page;
    a reflections-only coach never the goal's why."""
    services.grant(runner=alice, coach=coach, scopes=["goals", "runs"])
    client.force_login(coach)
    pages = [reverse("coaching:roster")]
    pages += [coach_url(n, alice, alices_things) for n in COACH_URLS if n not in POST_ONLY]
    for url in pages:
        response = client.get(url)
        assert NOTE not in response.content.decode(), url
    services.grant(runner=alice, coach=coach, scopes=["reflections"])
    for url in pages:
        response = client.get(url)
        assert "own quiet hour" not in response.content.decode(), url


def test_a_foreign_goal_or_round_is_404_even_with_a_grant(
    client, alice, bob, coach, alices_things, make_round, make_goal
):
    services.grant(runner=alice, coach=coach, scopes=SCOPES)
    services.grant(runner=bob, coach=coach, scopes=["goals"])
    bobs = {"goal": make_goal(bob), "round": make_round(bob)}
    client.force_login(coach)
    for name, (_, kind) in COACH_URLS.items():
        if kind:  # Alice's address with Bob's object
            url = reverse(name, args=[alice.pk, bobs[kind].pk])
            assert status_of(client, name, url) == 404, name


# The e-mail pages (milepost/accounts/mail.py): the signed-in ones act on the runner who is
# signed in, whatever is posted; a link from an e-mail acts on the person it was sent to, and
# a link changed by hand to point at someone else is refused.
EMAIL_URLS = {
    "accounts:email_address": "signed in",
    "accounts:verify_resend": "signed in",
    "accounts:email_choices": "signed in",
    "accounts:verify_email": "token",
    "accounts:unsubscribe": "token",
    "accounts:password_reset": "anyone",
    "accounts:password_reset_done": "anyone",
    "accounts:password_reset_confirm": "token",
    "accounts:password_reset_complete": "anyone",
}


def test_the_e_mail_pages_touch_only_their_own_runner(client, alice, bob, mailoutbox):
    client.force_login(bob)
    client.post(reverse("accounts:email_address"), {"email": "bob@new.example.org", "user": 1})
    client.post(reverse("accounts:email_choices"), {"user": alice.pk})  # all off, for bob
    alice.refresh_from_db()
    assert alice.email == "alice@example.org"
    assert mail.verified_address(alice) and mail.wants(alice, mail.STEPS_DUE)
    assert not mail.wants(bob, mail.STEPS_DUE)
    # bob's unsubscribe link, its person changed to alice with the signature kept: refused.
    bobs = mail.unsubscribe_token(bob, mail.NUDGES).split(":")  # payload, time, signature
    alices = signing.dumps({"u": alice.pk, "k": mail.NUDGES}, salt="any").split(":")[0]
    bent = ":".join([alices, *bobs[1:]])
    assert Client().post(reverse("accounts:unsubscribe", args=[bent])).status_code == 400
    assert mail.wants(alice, mail.NUDGES)
    confirm = mail.verification_token(bob)
    Profile.objects.filter(user=alice).update(verified_email="")
    response = Client().post(reverse("accounts:verify_email", args=[confirm[:-1] + "A"]))
    assert response.status_code == 400
    alice.refresh_from_db()
    assert mail.verified_address(alice) is None  # nobody confirmed it for her


def test_every_e_mail_url_is_listed_here():
    names = {name for name, _ in url_names_in(get_resolver().url_patterns)}
    wired = {n for n in names if n.startswith("accounts:") and ("email" in n or "reset" in n)}
    wired |= {"accounts:verify_resend", "accounts:unsubscribe"}
    assert wired == set(EMAIL_URLS)


def url_names_in(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names_in(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern
