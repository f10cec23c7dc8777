"""A runner's rounds across the years: the data, `milepost rounds`, the page and the coach's."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from milepost.accounts import pagecache
from milepost.coaching import services as coaching
from milepost.reflection.models import Round, Stage
from milepost.rounds import years

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_rounds(alice, make_round, make_goal):
    """Alice's rounds of 2024, 2025 and 2026: running with people in all three, competing
    only in the first, headspace new in the last."""
    made = []
    for year, themes, notes, reason in (
        (2024, ("competition", "social"), {"competition": "I love a race."}, "new_cycle"),
        (2025, ("social", "numbers"), {"drive": "Kilometres on the chart."}, "goal_reached"),
        (2026, ("wellbeing", "social"), {"drive": "How it feels.", "proud": "Jo's 10K."}, "break"),
    ):
        round = make_round(alice, stage=Stage.DONE, notes=notes, themes=themes)
        Round.objects.filter(pk=round.pk).update(
            started_at=datetime(year, 3, 1, 9, tzinfo=UTC), reason=reason
        )
        made.append(round)
    make_goal(alice, round=made[0], title="Race the club 5K", status="done")
    make_goal(alice, round=made[0], title="A marathon", status="someday")
    make_goal(alice, round=made[2], title="Run with Jo on Sundays", status="paused")
    return made


def test_the_rounds_come_oldest_first_with_their_themes_and_goals(alice, three_rounds):
    rounds = years.rounds_of(alice)
    assert [r.started.year for r in rounds] == [2024, 2025, 2026]
    assert rounds[0].themes == ["competition", "social"]
    assert rounds[0].most_important == "competition"
    assert [(g.title, g.outcome) for g in rounds[0].goals] == [
        ("Race the club 5K", "reached"),
        ("A marathon", "let go for now"),
    ]


def test_what_changed_is_said_in_plain_words(alice, three_rounds):
    changes = years.years_of(alice).changes
    assert "Running with people has been in every round since 2024." in changes
    assert "Competing has not come back since 2024." in changes
    assert "Headspace and stress came up for the first time in 2026." in changes
    assert "Numbers and data has not come back since 2025." in changes
    assert any("mattered most was competing in 2024" in c for c in changes)


def test_a_round_still_at_its_themes_changes_nothing(alice, three_rounds, make_round):
    make_round(alice, stage=Stage.THEMES)
    assert (
        "Running with people has been in every round since 2024." in years.years_of(alice).changes
    )


def test_one_round_tells_no_change_yet(alice, make_round):
    make_round(alice, stage=Stage.DONE)
    assert years.years_of(alice).changes == []


def test_the_command_prints_the_rounds_as_json_oldest_first(alice, three_rounds):
    out = io.StringIO()
    call_command("rounds", "--user", "alice", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data[0] == {
        "started": "2024-03-01",
        "reason": "new_cycle",
        "themes": ["competition", "social"],
        "most_important": "competition",
        "goals": [
            {"title": "Race the club 5K", "status": "done"},
            {"title": "A marathon", "status": "someday"},
        ],
    }
    assert [r["started"] for r in data] == ["2024-03-01", "2025-03-01", "2026-03-01"]
    assert data[2]["goals"] == [{"title": "Run with Jo on Sundays", "status": "paused"}]


def test_the_command_without_a_runner_is_a_usage_error(alice):
    with pytest.raises(CommandError, match="No runner called 'nobody'"):
        call_command("rounds", "--user", "nobody", "--json")
    out = io.StringIO()
    call_command("rounds", "--user", "alice", stdout=out)
    assert out.getvalue() == "alice has no round yet.\n"


def test_the_page_lays_the_rounds_side_by_side(alice_client, three_rounds):
    body = alice_client.get(reverse("rounds:years")).content.decode()
    assert body.index("1 March 2024") < body.index("1 March 2025") < body.index("1 March 2026")
    assert "Running with people has been in every round since 2024." in body
    assert "Coming back after a break" in body
    assert "Race the club 5K" in body and "reached" in body and "paused" in body
    assert "I love a race." in body and "Kilometres on the chart." in body
    assert reverse("rounds:summary", args=[three_rounds[0].pk]) in body


def test_the_dashboard_links_to_it_once_a_round_is_finished(alice_client, alice, make_round):
    assert reverse("rounds:years") not in alice_client.get(reverse("dashboard")).content.decode()
    make_round(alice, stage=Stage.DONE)
    pagecache.mark_changed(alice.pk)  # made directly, not through a service
    assert reverse("rounds:years") in alice_client.get(reverse("dashboard")).content.decode()


def test_with_no_round_the_page_says_where_to_start(alice_client):
    body = alice_client.get(reverse("rounds:years")).content.decode()
    assert "No rounds yet" in body and reverse("rounds:round_new") in body


def test_a_coach_with_reflections_sees_the_page_and_goals_only_with_that_scope(
    client, alice, coach, three_rounds
):
    url = reverse("coaching:client_years", args=[alice.pk])
    client.force_login(coach)
    assert client.get(url).status_code == 404
    coaching.grant(runner=alice, coach=coach, scopes=["reflections"])
    body = client.get(url).content.decode()
    assert "Running with people has been in every round since 2024." in body
    assert "I love a race." in body and "Race the club 5K" not in body
    assert reverse("coaching:client_round", args=[alice.pk, three_rounds[0].pk]) in body
    coaching.grant(runner=alice, coach=coach, scopes=["reflections", "goals"])
    assert "Race the club 5K" in client.get(url).content.decode()
    coaching.grant(runner=alice, coach=coach, scopes=["goals"])
    assert client.get(url).status_code == 404


def test_the_coachs_client_page_links_to_the_years(client, alice, coach, three_rounds):
    coaching.grant(runner=alice, coach=coach, scopes=["reflections"])
    client.force_login(coach)
    body = client.get(reverse("coaching:client", args=[alice.pk])).content.decode()
    assert reverse("coaching:client_years", args=[alice.pk]) in body
