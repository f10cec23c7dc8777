"""A GET never writes: every page, fragment, PDF and feed a runner can open reads the
database and nothing else, whatever stage their round is at, on the first view of a day and
after a change (when nudges are worked out as the page reads, and a rest has run its course).

The session table is left out: logging in and Django's session bookkeeping are not the
runner's data."""

from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from milepost import clock
from milepost.accounts import mail, pagecache
from milepost.accounts.models import ApiToken, Profile
from milepost.coaching import groups
from milepost.coaching import services as coaching
from milepost.coaching.models import SCOPES
from milepost.goals.models import GoalSuggestion, Step
from milepost.nudges.models import CalendarFeed, CycleStart
from milepost.portability import services
from milepost.reflection.models import Stage
from milepost.runs.models import ImportBatch
from milepost.runs.services import record_run

from .test_privacy import COACH_URLS, OBJECT_URLS

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def every_url_name(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from every_url_name(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern.pattern.converters


def writes_of(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(WRITES) and "django_session" not in q["sql"]
    ]


@pytest.mark.parametrize(
    "stage", [Stage.BRAINSTORM, Stage.THEMES, Stage.GOALS, Stage.RESTING, Stage.STEPS]
)
def test_no_page_writes_on_get(alice_client, alice, coach, make_round, make_goal, stage, travel):
    round = make_round(alice, stage=stage if stage != Stage.RESTING else Stage.GOALS)
    goal = make_goal(alice, round=round, status="active")
    if stage == Stage.RESTING:
        make_goal(alice, round=round, title="A draft", status="draft")
        round.start_rest(1)
    step = Step.objects.create(goal=goal, title="Run 5 km", due=clock.now().date())
    for days_ago in (40, 38, 3):  # a comeback: a nudge the dashboard works out as it reads
        on = clock.now().date() - timedelta(days=days_ago)
        activity = record_run(owner=alice, on=on, distance_m=5000, duration_s=1800)
    batch = ImportBatch.objects.create(owner=alice)
    cycle_start = CycleStart.objects.create(owner=alice, day=clock.now().date())
    feed = CalendarFeed.objects.create(owner=alice)
    objects = {"round": round, "goal": goal, "step": step, "activity": activity, "batch": batch}
    objects |= {"cycle_start": cycle_start, "note": round.notes.first()}
    # A group alice coaches (her coach pages), and one she is in with a round under way.
    own_group = groups.create_group(coach=alice, name="Alice's group")
    theirs = groups.create_group(coach=coach, name="Cora's group")
    groups.join(group=theirs, runner=alice)
    group_round = groups.start_group_round(
        group=theirs, prompts=["Who runs with you?"], brainstorm_by=clock.now().date()
    )
    groups.take_part(group_round=group_round, runner=alice)
    objects |= {"group": own_group}
    as_member = {"coaching:member_group": theirs, "coaching:take_part": theirs}
    tokens = {"coaching:group_join": theirs.join_token}
    # The links e-mails carry: each opens a page with a button, and writes nothing until it is
    # pressed. alice's address is not confirmed yet, so her confirmation page has its button.
    Profile.objects.filter(user=alice).update(verified_email="")
    tokens["accounts:verify_email"] = mail.verification_token(alice)
    tokens["accounts:unsubscribe"] = mail.unsubscribe_token(alice, mail.STEPS_DUE)
    suggestion = GoalSuggestion.objects.create(coach=coach, runner=alice, title="A trail 10k")
    objects |= {"suggestion": suggestion}
    objects |= {"api_token": ApiToken.objects.issue(owner=alice, name="A script")[0]}
    travel(days=2)  # a new day, and the rest has run its course
    pagecache.mark_changed(alice.pk)
    opened = 0
    grant = coaching.grant(runner=alice, coach=coach, scopes=SCOPES)
    invitation = coaching.invite(sender=coach, kind="coach")
    objects |= {"grant": grant, "invitation": invitation}
    tokens["coaching:invitation"] = invitation.token
    objects["export"] = services.start_export(owner=alice)
    services.run_export(objects["export"])  # its page and its download
    for name, converters in every_url_name():
        if "runner" in converters:
            continue  # the coach's pages: below
        if "pk" in converters:
            kind = OBJECT_URLS[name]
            if kind == "nudge":
                continue  # a nudge is stored by the worker; none is yet
            url = reverse(name, args=[as_member.get(name, objects[kind]).pk])
        elif "uidb64" in converters:  # the password-reset link
            uid = urlsafe_base64_encode(force_bytes(alice.pk))
            token = default_token_generator.make_token(alice)
            url = reverse(name, kwargs={"uidb64": uid, "token": token})
        elif "token" in converters:
            url = reverse(name, args=[tokens.get(name, feed.token)])
        elif converters:
            continue
        else:
            url = reverse(name)
        with CaptureQueriesContext(connection) as queries:
            response = alice_client.get(url)
        assert response.status_code < 500, url
        assert writes_of(queries) == [], f"GET {url} wrote"
        if name.startswith("accounts:") and name in tokens:  # a page with a button
            assert response.status_code == 200 and b'method="post"' in response.content, url
        opened += response.status_code in (200, 302)
    assert opened > 30


def test_no_coach_page_writes_on_get(client, alice, coach, make_round, make_goal, travel):
    round = make_round(alice, stage=Stage.STEPS)
    goal = make_goal(alice, round=round, status="active")
    for days_ago in (40, 38, 3):
        on = clock.now().date() - timedelta(days=days_ago)
        record_run(owner=alice, on=on, distance_m=5000, duration_s=1800)
    coaching.grant(runner=alice, coach=coach, scopes=SCOPES)
    objects = {"goal": goal, "round": round}
    travel(days=2)
    client.force_login(coach)
    for name, converters in every_url_name():
        if "runner" not in converters:
            continue
        kind = COACH_URLS[name][1]
        url = reverse(name, args=[alice.pk, objects[kind].pk] if kind else [alice.pk])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code in (200, 405), url
        assert writes_of(queries) == [], f"GET {url} wrote"
