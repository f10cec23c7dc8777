"""The dashboard and goal pages are cached per runner and day until something they show
changes (milepost/accounts/pagecache.py): every write of what they show (each through its
service or model method, never a signal) marks the runner's pages as changed, a cached page is
never stale, never someone else's, and its forms carry the
token of the request that shows them."""

import copy
import re
import uuid
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.models import Profile
from milepost.coaching import services as coaching
from milepost.goals import services as goal_services
from milepost.goals.models import CheckIn, Goal, GoalSuggestion, Status, Step
from milepost.nudges import services as nudge_services
from milepost.nudges.models import CycleStart, Nudge, NudgeCheck
from milepost.nudges.services import close_answered
from milepost.reflection.models import Stage
from milepost.reflection.services import add_note, delete_note, propose_themes
from milepost.rounds import services as round_services
from milepost.runs import services as run_services
from milepost.runs.models import Activity, recompute_totals
from milepost.runs.services import import_paths, record_run
from milepost.runs.tests.helpers import RUN_GPX

pytestmark = pytest.mark.django_db


def version(user) -> str:
    return Profile.objects.get(user=user).data_version


@pytest.fixture
def goal(alice, make_goal):
    return make_goal(
        alice,
        title="Run 20 km a week",
        status=Status.ACTIVE,
        kind="measurable",
        metric="distance",
        period="week",
        target_value=20000,
        target_unit="m",
    )


def a_run(owner, km: float = 6, on: date | None = None) -> Activity:
    on = on or clock.now().date()
    return record_run(owner=owner, on=on, distance_m=km * 1000, duration_s=km * 360)


# Every write of what the pages show marks them changed ----------------------------------------


def ahead(days: int) -> str:
    """A day that stays ahead whenever the suite runs: forms refuse past dates."""
    return (today() + timedelta(days=days)).isoformat()


def today() -> date:
    return clock.now().date()


# Each write, through the one call that makes it (a service or a model method, as the views, the
# task and the command line make it), gets the runner's things made before it: alice, goal,
# round, run, step and nudge.
WRITES = {
    "sharing with a coach": lambda o: coaching.grant(runner=o.alice, coach=o.bob, scopes=["goals"]),
    "a coach note shared": lambda o: coaching.add_note(
        coach=o.bob, runner=o.alice, text="Well done", shared=True
    ),
    "a goal added": lambda o: goal_services.add_goal(
        owner=o.alice, round=None, goal=Goal(title="Run by the sea", themes=["places"])
    ),
    "a goal edited": lambda o: goal_services.save_edit(
        goal=o.goal, before=copy.copy(o.goal), profile=o.alice.profile
    ),
    "a step added": lambda o: goal_services.add_step(
        goal=o.goal, step=Step(title="Hills", due=today())
    ),
    "suggested steps kept": lambda o: goal_services.add_steps(
        goal=o.goal, steps=[("Hills", today())]
    ),
    "a step done": lambda o: goal_services.toggle_step(step=o.step),
    "a goal reached": lambda o: goal_services.mark_reached(goal=o.goal, on=today()),
    "a someday idea made active": lambda o: goal_services.make_active(goal=o.someday),
    "a check-in": lambda o: goal_services.add_check_in(
        goal=o.goal, check_in=CheckIn(day=today(), did_it=True)
    ),
    "a pause": lambda o: goal_services.pause_goal(goal=o.goal, reason="injury"),
    "a purpose check": lambda o: goal_services.check_purpose(
        goal=o.goal, answers={"excited": True, "out_the_door": True, "smile": True}
    ),
    "a run entered": lambda o: a_run(o.alice),
    "a run edited": lambda o: run_services.save_activity(activity=o.run, fields=["name"]),
    "a run's feeling": lambda o: run_services.save_feeling(activity=o.run),
    "a run deleted": lambda o: run_services.delete_activity(activity=o.run),
    "runs written in bulk": lambda o: recompute_totals(o.alice.pk, []),
    "a round started": lambda o: round_services.start_round(owner=o.alice, reason="new_cycle"),
    "a brainstorm closed": lambda o: round_services.close_brainstorm(round=o.new_round),
    "themes proposed in bulk": lambda o: propose_themes(round=o.new_round),
    "a theme added": lambda o: round_services.add_theme(round=o.new_round, key="places"),
    "a round finished": lambda o: round_services.finish(round=o.round),
    "a round closed as it is": lambda o: round_services.close_round(round=o.new_round),
    "theme answers kept": lambda o: round_services.keep_theme_choices(
        round=o.new_round, decisions={}, most_important=None
    ),
    "a nudge dismissed": lambda o: nudge_services.dismiss(nudge=o.nudge),
    "a nudge snoozed": lambda o: nudge_services.snooze(nudge=o.nudge, until=today()),
    "nudges closed in bulk": lambda o: close_answered(o.alice, today()),
    "a cycle start": lambda o: nudge_services.add_cycle_start(
        owner=o.alice, cycle=CycleStart(day=today())
    ),
    "the profile": lambda o: o.alice.profile.save(update_fields=["units"]),
    "a message on a goal": lambda o: goal_services.add_comment(
        goal=o.goal, author=o.bob, text="How did the hills feel?"
    ),
    "a goal suggested": lambda o: goal_services.suggest_goal(
        coach=o.bob, runner=o.alice, suggestion=GoalSuggestion(title="A trail 10k")
    ),
    "a suggestion accepted": lambda o: goal_services.accept_suggestion(suggestion=o.suggestion),
    "a goal deleted": lambda o: goal_services.delete_goal(goal=o.goal),
    "a note deleted": lambda o: delete_note(note=o.round.notes.first()),
    "a round deleted": lambda o: round_services.delete_round(round=o.round),
    "a suggestion declined": lambda o: goal_services.decline_suggestion(
        suggestion=o.suggestion, word="Not this year."
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_of_what_the_pages_show_marks_them_changed(alice, bob, goal, make_round, write):
    things = SimpleNamespace(
        alice=alice,
        bob=bob,
        goal=goal,
        round=make_round(alice, stage=Stage.DONE),
        run=a_run(alice),
        step=Step.objects.create(goal=goal, title="Parkrun", due=today()),
        new_round=make_round(alice, stage=Stage.BRAINSTORM),
        nudge=Nudge.objects.create(owner=alice, kind="break", since=today(), reason="Hello."),
        someday=Goal.objects.create(owner=alice, title="A trail 50k", status=Status.SOMEDAY),
        suggestion=GoalSuggestion.objects.create(coach=bob, runner=alice, title="A trail 10k"),
    )
    before, bobs = version(alice), version(bob)
    write(things)
    assert version(alice) != before
    assert version(bob) == bobs  # only the runner whose data it is


def test_the_days_nudge_check_alone_changes_nothing_shown(alice):
    before = version(alice)
    NudgeCheck.objects.create(owner=alice, checked_on=clock.now().date())
    assert version(alice) == before


def test_a_brainstorm_note_shows_on_no_cached_page_so_it_keeps_them(
    alice, alice_client, goal, make_round, settings
):
    """The one write left out of WRITES, and why that is right: with the cache off, the
    dashboard and the goal page (which quotes its round's proud notes) are the same before and
    after a note, so they may stay cached."""
    settings.PAGE_CACHE = False
    new_round = make_round(alice, stage=Stage.BRAINSTORM)
    goal.round = new_round  # the worst case: the goal's own round still open
    goal.save(update_fields=["round"])
    before = version(alice)
    pages = lambda: [scrub(dashboard(alice_client)), scrub(goal_page(alice_client, goal))]  # noqa: E731
    shown = pages()
    for question in ("proud", "drive", "places_people"):
        add_note(round=new_round, question=question, text="Fresh air.", client_id=uuid.uuid4())
    assert pages() == shown
    assert version(alice) == before


def scrub(html: str) -> str:
    """A page without what differs per request (its CSRF tokens)."""
    return re.sub(r"[A-Za-z0-9]{32,}", "", html)


def test_a_profile_saved_with_some_fields_keeps_its_new_version(alice):
    before = version(alice)
    alice.profile.units = "mi"
    alice.profile.save(update_fields=["units"])
    assert version(alice) == alice.profile.data_version != before


# A cached page is fresh after every change, through the real views ----------------------------


def dashboard(client) -> str:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def goal_page(client, goal) -> str:
    response = client.get(goal.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_step_shows_at_once_on_both_pages(alice_client, goal):
    assert "No next step yet" in dashboard(alice_client)
    assert "No steps yet" in goal_page(alice_client, goal)
    alice_client.post(goal.get_absolute_url(), {"title": "Hill repeats", "due": ahead(days=60)})
    assert "Hill repeats" in dashboard(alice_client)
    assert "Hill repeats" in goal_page(alice_client, goal)
    step = goal.steps.get()
    alice_client.post(reverse("goals:step_done", args=[step.pk]))
    assert "✓ Done" in goal_page(alice_client, goal)


def test_a_run_entered_by_hand_moves_the_progress_at_once(alice_client, alice, goal):
    a_run(alice, km=2, on=clock.now().date() - timedelta(days=30))  # a history, none this week
    assert "0 %" in goal_page(alice_client, goal)
    today = clock.now().date()
    response = alice_client.post(
        reverse("runs:new"), {"on": today.isoformat(), "distance": "10", "time": "60:00"}
    )
    assert response.status_code == 302
    assert "50 %" in goal_page(alice_client, goal)
    assert "50 %" in dashboard(alice_client)
    entered = Activity.objects.filter(owner=alice).latest("local_date")
    alice_client.post(reverse("runs:delete", args=[entered.pk]))
    assert "0 %" in goal_page(alice_client, goal)


def test_an_import_moves_the_progress_at_once(alice_client, alice, make_goal):
    goal = make_goal(
        alice,
        title="Run 3 km in one go",
        status=Status.ACTIVE,
        kind="measurable",
        metric="longest_run",
        target_value=6000,
        target_unit="m",
        created_at=datetime(2012, 1, 1, tzinfo=clock.now().tzinfo),
    )
    assert "progress-waiting" in goal_page(alice_client, goal)
    import_paths(owner=alice, paths=[RUN_GPX], processes=1)  # bulk writes, no signals
    assert Activity.objects.filter(owner=alice).count() == 1
    page = goal_page(alice_client, goal)
    assert "progress-waiting" not in page and "51 %" in page


def test_pausing_moves_the_goal_to_paused_at_once(alice_client, goal):
    assert "Paused goals" not in dashboard(alice_client)
    alice_client.post(reverse("goals:pause", args=[goal.pk]), {"pause-reason": "injury"})
    assert "Paused goals" in dashboard(alice_client)
    alice_client.post(reverse("goals:resume", args=[goal.pk]))
    assert "Paused goals" not in dashboard(alice_client)


def test_a_dismissed_nudge_is_gone_at_once(alice_client, alice):
    NudgeCheck.objects.create(
        owner=alice, checked_on=clock.now().date(), data_version=version(alice)
    )
    nudge = Nudge.objects.create(
        owner=alice, kind="break", since=clock.now().date(), reason="Welcome back, kindly."
    )
    assert nudge.reason in dashboard(alice_client)
    alice_client.post(reverse("nudges:dismiss", args=[nudge.pk]))
    assert nudge.reason not in dashboard(alice_client)


def test_new_units_show_at_once(alice_client, goal):
    assert "20 km" in goal_page(alice_client, goal)
    fields = {"name": "Alice", "units": "mi", "time_zone": "UTC"}
    assert alice_client.post(reverse("accounts:profile"), fields).status_code == 302
    assert "12.4 mi" in goal_page(alice_client, goal)


def test_a_new_day_works_the_page_out_again(alice_client, goal, travel):
    step = Step.objects.create(goal=goal, title="Parkrun", due=clock.now().date())
    dashboard(alice_client)
    with CaptureQueriesContext(connection) as cached:
        dashboard(alice_client)
    travel(days=1)
    with CaptureQueriesContext(connection) as next_day:
        dashboard(alice_client)
    assert len(next_day) > len(cached)
    assert step.title in dashboard(alice_client)


# What a cached page costs, and what it is not --------------------------------------------------


def test_a_cached_page_asks_only_for_the_session_and_the_runner(alice_client, goal):
    for url in (reverse("dashboard"), goal.get_absolute_url()):
        first = alice_client.get(url).content.decode()
        with CaptureQueriesContext(connection) as queries:
            again = alice_client.get(url).content.decode()
        tables = [re.search(r'FROM "(\w+)"', q["sql"])[1] for q in queries.captured_queries]
        expected = ["django_session", "auth_user"]
        assert tables == (expected if url == reverse("dashboard") else [*expected, "goals_goal"])
        token = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')
        assert token.sub("", first) == token.sub("", again)


def test_another_runner_never_sees_a_cached_page(client, alice, bob, goal):
    client.force_login(alice)
    assert goal.title in dashboard(client)
    client.force_login(bob)
    assert goal.title not in dashboard(client)
    assert client.get(goal.get_absolute_url()).status_code == 404


def test_forms_on_a_cached_page_carry_this_requests_token(alice, goal):
    first = Client(enforce_csrf_checks=True)
    first.force_login(alice)
    goal_page(first, goal)  # rendered and cached in this session
    second = Client(enforce_csrf_checks=True)
    second.force_login(alice)
    page = goal_page(second, goal)
    step_form = page[page.index('class="row step-form"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', step_form)[1]
    response = second.post(
        goal.get_absolute_url(),
        {"title": "Tempo run", "due": ahead(days=90), "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert goal.steps.filter(title="Tempo run").exists()


def test_a_form_sent_back_with_reasons_is_never_cached(alice_client, goal):
    goal_page(alice_client, goal)
    response = alice_client.post(goal.get_absolute_url(), {"title": "Strides"})
    assert "This field is required" in response.content.decode()
    assert 'value="Strides"' in response.content.decode()
    page = goal_page(alice_client, goal)
    assert "This field is required" not in page and 'value="Strides"' not in page


def test_the_rest_banner_comes_the_moment_the_rest_is_over(alice_client, alice, make_round, travel):
    round = make_round(alice, stage=Stage.GOALS)
    round.start_rest(days=1)
    assert "Your list has rested" not in dashboard(alice_client)
    travel(hours=25)
    assert "Your list has rested" in dashboard(alice_client)


def test_with_the_cache_off_every_view_works_the_page_out(alice_client, goal, settings):
    settings.PAGE_CACHE = False
    dashboard(alice_client)  # the day's first view also works out the nudges
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            dashboard(alice_client)
        counts.append(len(queries))
    assert counts[0] == counts[1] > 5


def test_keys_hold_the_runner_their_version_the_day_and_the_code(alice):
    key = pagecache.key(alice.profile, date(2026, 11, 25), "dash")
    assert key.split(":") == [
        "page",
        pagecache.code_fingerprint(),
        str(alice.pk),
        alice.profile.data_version,
        "2026-11-25",
        "dash",
    ]
    assert re.fullmatch(r"[0-9a-f]{16}", pagecache.code_fingerprint())


def test_the_runs_list_is_fresh_after_a_run_a_deletion_and_a_change_of_units(alice_client, alice):
    def runs_list(**params) -> str:
        response = alice_client.get(reverse("runs:list"), params)
        assert response.status_code == 200
        return response.content.decode()

    assert "No runs here yet" in runs_list()
    run = a_run(alice, km=10)
    assert ">10 km<" in runs_list() and ">10 km<" in runs_list(page="1")
    alice.profile.units = "mi"
    alice.profile.save(update_fields=["units"])
    assert ">6.21 mi<" in runs_list()
    run_services.delete_activity(activity=run)
    assert "No runs here yet" in runs_list()
    assert "No runs here yet" in runs_list(page="x" * 20)  # not a page: shown, not cached


def test_a_page_one_process_rendered_is_served_to_the_others_from_the_shared_files(
    alice_client, goal
):
    """Each web process keeps its own pages in memory, in front of files the machine's
    processes share: a page is rendered once, not once per gunicorn worker."""
    from django.core.cache import cache, caches

    token = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')
    first = token.sub("", dashboard(alice_client))
    cache.clear()  # as in another process: nothing in its memory
    with CaptureQueriesContext(connection) as from_files:
        assert token.sub("", dashboard(alice_client)) == first
    caches["pages"].clear()
    cache.clear()
    with CaptureQueriesContext(connection) as rendered:
        assert token.sub("", dashboard(alice_client)) == first
    assert len(from_files) == 2 < len(rendered)  # the session and the runner, nothing more
