"""The roster: every client sharing now, most in need of a check-in first, fed only by what
each grant's scopes allow, in a constant number of queries."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from milepost.accounts.models import Profile
from milepost.coaching import roster, services
from milepost.goals import services as goal_services
from milepost.goals.models import Step
from milepost.nudges.models import Nudge
from milepost.runs.models import Activity

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)


def run_on(owner, day: date):
    start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
    return Activity.objects.create(
        owner=owner, start=start, elapsed_s=1800, moving_s=1800, distance_m=5000
    )


def kinds(client) -> list[str]:
    return [r.kind for r in client.reasons]


@pytest.fixture
def busy_alice(alice, make_goal):
    """Alice: a step overdue, a goal paused, a purpose check answered "not really", quiet for
    three weeks, and an open plateau nudge."""
    goal = make_goal(alice, status="active", title="Run the harbour 10k")
    Step.objects.create(goal=goal, title="Run 8 km", due=TODAY - timedelta(days=3))
    Step.objects.create(goal=goal, title="Run 9 km", due=TODAY + timedelta(days=7))
    paused = make_goal(alice, status="active", title="Hills on Sundays")
    goal_services.pause_goal(goal=paused, reason="injury")
    doubtful = make_goal(alice, status="chosen", title="A marathon")
    doubtful.record_purpose(excited=False, out_the_door=True, smile=True)
    run_on(alice, TODAY - timedelta(days=21))
    Nudge.objects.create(
        owner=alice, kind="plateau", since=TODAY - timedelta(days=30), reason="Flat for weeks."
    )
    return alice


def test_each_signal_comes_with_its_reason_and_date(busy_alice, coach):
    services.grant(runner=busy_alice, coach=coach, scopes=["goals", "runs"])
    (client,) = roster.roster(coach, today=TODAY)
    assert client.needs_check_in
    assert set(kinds(client)) == {"step_overdue", "paused", "purpose_rethink", "quiet", "plateau"}
    by_kind = {r.kind: r for r in client.reasons}
    assert by_kind["step_overdue"].since == TODAY - timedelta(days=3)
    assert "Run 8 km" in by_kind["step_overdue"].text and "9 km" not in by_kind["step_overdue"].text
    assert by_kind["quiet"].since == TODAY - timedelta(days=20)
    assert "21 days" in by_kind["quiet"].text
    assert "A marathon" in by_kind["purpose_rethink"].text
    assert "injury" in by_kind["paused"].text


def test_only_what_the_scopes_allow_feeds_the_roster(busy_alice, coach):
    services.grant(runner=busy_alice, coach=coach, scopes=["goals"])
    (client,) = roster.roster(coach, today=TODAY)
    assert set(kinds(client)) == {"step_overdue", "paused", "purpose_rethink"}
    services.grant(runner=busy_alice, coach=coach, scopes=["runs"])
    (client,) = roster.roster(coach, today=TODAY)
    assert set(kinds(client)) == {"quiet", "plateau"}
    services.grant(runner=busy_alice, coach=coach, scopes=["reflections"])
    (client,) = roster.roster(coach, today=TODAY)
    assert kinds(client) == [] and not client.needs_check_in


def test_most_in_need_first_and_paused_or_revoked_clients_leave(busy_alice, bob, coach):
    services.grant(runner=bob, coach=coach, scopes=["goals", "runs"])
    grant = services.grant(runner=busy_alice, coach=coach, scopes=["goals", "runs"])
    names = [c.runner.username for c in roster.roster(coach, today=TODAY)]
    assert names == ["alice", "bob"]
    services.set_status(grant=grant, status="paused")
    assert [c.runner.username for c in roster.roster(coach, today=TODAY)] == ["bob"]
    services.revoke(runner=bob, coach=coach)
    assert roster.roster(coach, today=TODAY) == []


def test_the_last_comment_shows(alice, coach, travel):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    assert roster.roster(coach, today=TODAY)[0].last_comment is None
    note = services.add_note(coach=coach, runner=alice, text="Ask about the knee")
    assert roster.roster(coach, today=TODAY)[0].last_comment == note.created_at


def test_the_roster_costs_the_same_queries_for_many_clients(coach, make_goal):
    def add_clients(count, start):
        for i in range(start, start + count):
            runner = Profile.objects.create_runner(f"runner{i}")
            services.grant(runner=runner, coach=coach, scopes=["goals", "runs", "reflections"])
            goal = make_goal(runner, status="active")
            Step.objects.create(goal=goal, title="Run 5 km", due=TODAY - timedelta(days=2))
            run_on(runner, TODAY - timedelta(days=30))
            Nudge.objects.create(owner=runner, kind="plateau", since=TODAY, reason="Flat.")

    add_clients(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert len(roster.roster(coach, today=TODAY)) == 2
    add_clients(8, 2)
    with CaptureQueriesContext(connection) as many:
        clients = roster.roster(coach, today=TODAY)
    assert len(clients) == 10 and all(c.needs_check_in for c in clients)
    assert len(many) == len(few)


def test_the_command_prints_the_roster_as_json(busy_alice, bob, coach, capsys):
    call_command("coach", "grant", "--runner", "alice", "--coach", "cora", "--scope", "goals,runs")
    call_command("coach", "grant", "--runner", "bob", "--coach", "cora", "--scope", "reflections")
    capsys.readouterr()
    call_command("coach", "roster", "--coach", "cora", "--today", TODAY.isoformat(), "--json")
    rows = json.loads(capsys.readouterr().out)
    assert [r["runner"] for r in rows] == ["alice", "bob"]
    assert rows[0]["needs_check_in"] is True and rows[0]["scopes"] == ["goals", "runs"]
    assert {"kind", "since", "text"} == set(rows[0]["reasons"][0])
    assert rows[1] == {
        "runner": "bob",
        "needs_check_in": False,
        "reasons": [],
        "scopes": ["reflections"],
    }
    call_command("coach", "revoke", "--runner", "alice", "--coach", "cora")
    call_command("coach", "roster", "--coach", "cora", "--today", TODAY.isoformat(), "--json")
    assert [r["runner"] for r in json.loads(capsys.readouterr().out.splitlines()[-1])] == ["bob"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["grant", "--runner", "alice", "--coach", "cora", "--scope", "notes"], "Unknown scope"),
        (["grant", "--runner", "nobody", "--coach", "cora", "--scope", "goals"], "No one called"),
        (["roster", "--coach", "cora", "--today", "June"], "YYYY-MM-DD"),
    ],
)
def test_the_command_refuses_bad_arguments_in_one_line(alice, coach, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message) as raised:
        call_command("coach", *args)
    assert raised.value.returncode == 2
