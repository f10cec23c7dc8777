"""The demo runner (`milepost demo`): a made-up year of running, three finished rounds over
three years (so "your rounds across the years" has a story), settled goals with steps, and
the nudge the data gives, so someone trying Milepost sees it working.

The account is marked (``DemoRunner``, profile name "Demo runner", a banner on every page) and
only a marked account is ever reset. ``synthetic_runs`` is also what the dashboard benchmark
loads, for histories of any length.
"""

import random
import uuid
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.models import Profile
from milepost.coaching import groups
from milepost.coaching import services as coaching
from milepost.goals.models import Goal, GoalPause, Status, Step
from milepost.nudges.models import DemoRunner, Nudge
from milepost.nudges.services import refresh_nudges
from milepost.reflection import services as reflection_services
from milepost.reflection.models import Note, Round, RoundTheme, Stage, ThemeStatus
from milepost.reflection.services import propose_themes
from milepost.runs.models import Activity, Source, recompute_totals

PROFILE_NAME = "Demo runner"
TIME_ZONE = "Europe/London"
AGE = 52
# The demo's year: steady running, a 10K race, a calf niggle (20 days off) and a comeback.
BREAK_FIRST_DAY_AGO = 26  # the first day off; back 6 days ago
RACE_10K_DAYS_AGO = 150
ROUND_DAYS_AGO = 120

NOTES = {
    "drive": [
        "I like watching my weekly kilometres add up on the chart.",
        "Pace matters less to me than finishing a run feeling strong.",
    ],
    "places_people": [
        "I'd love to run the coast path from Lulworth to Weymouth with my sister Jo."
    ],
    "competition": ["I enjoy the buzz of race day, but I'm only racing the clock, not people."],
    "beyond_running": ["Running keeps my head clear when work gets stressful."],
    "life_fit": ["With work and looking after Dad, about four hours a week is realistic."],
    "proud": ["Finishing my first half marathon at 48, grinning over the last mile."],
    "big_dream": ["One day I want to run a marathon abroad, maybe Lisbon."],
}
# The themes the demo runner confirms in the latest round (the first mattered most).
CONFIRMED_THEMES = ("numbers", "big_dream", "places", "race_experience", "wellbeing", "social")

# Two earlier rounds, a year or more apart (so the three rounds fall in three years): coming
# back to racing, then racing giving way to company and a clear head. Each gives its reason,
# its notes, its confirmed themes (the first mattered most) and its goals with what became of
# them (all reached or let go: nothing of them is open on the dashboard).
EARLIER_ROUNDS = (
    {
        "days_ago": 1000,
        "reason": "break",
        "reason_note": "Back after a winter of not running at all.",
        "notes": {
            "competition": ["I used to race every 10K in the county and I miss the start lines."],
            "drive": ["I want to see my 5K time come back under 27 minutes."],
            "places_people": ["Saturday mornings with the club, then coffee."],
            "beyond_running": ["After a long winter, running is the hour that's mine."],
            "life_fit": ["Three evenings a week, once Dad is settled."],
        },
        "themes": ["competition", "numbers", "social", "comeback"],
        "goals": [
            ("Run 5K in under 27 minutes", "done"),
            ("Three runs a week through the spring", "done"),
            ("Race the whole county 10K series", "someday"),
        ],
    },
    {
        "days_ago": 560,
        "reason": "goal_reached",
        "reason_note": "Under 27 at parkrun, with the club cheering.",
        "notes": {
            "competition": ["Racing other people stopped being fun; I'd rather enjoy the day."],
            "places_people": ["Club Saturdays are still my favourite run of the week."],
            "beyond_running": ["Work is heavy this year; runs are where I sort my head out."],
            "proud": ["Sub-27 at parkrun, and the whole club at the finish."],
            "big_dream": ["A half marathon again one day, just for the joy of it."],
        },
        "themes": ["social", "wellbeing", "race_experience", "numbers"],
        "goals": [
            ("Run with the club every Saturday", "done"),
            ("A 10 km run every month", "done"),
            ("Run a trail race in the Lakes", "someday"),
        ],
    },
)


class NotADemoAccount(Exception):
    """The username belongs to a real runner: the demo never touches it."""


def demo_user(username: str):
    """The demo account called ``username``, None if there is none; raises if the name is a
    real runner's."""
    user = get_user_model().objects.filter(username=username).first()
    if user is not None and not DemoRunner.objects.filter(user=user).exists():
        raise NotADemoAccount(username)
    return user


@transaction.atomic
def create_demo(*, username: str, password: str, today: date):
    """Makes the demo runner, its history ending on ``today`` (after removing an earlier demo
    account of that name)."""
    old = demo_user(username)
    if old is not None:
        old.delete()
    user = Profile.objects.create_runner(username, "", password)
    DemoRunner.objects.create(user=user)
    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    profile = user.profile
    profile.name, profile.time_zone, profile.units = PROFILE_NAME, TIME_ZONE, "km"
    profile.birth_year, profile.weekly_minutes = today.year - AGE, 240
    profile.save()
    add_runs(user, demo_runs(today), zone)
    for earlier in EARLIER_ROUNDS:
        earlier_round(user, today, zone, earlier)
    round = finished_round(user, today, zone)
    add_goals(user, round, today, zone)
    pagecache.mark_changed(user.pk)  # themes and goals were written in bulk
    refresh_nudges(user, today)  # stored as of that version: the dashboard reads them
    return user


def demo_today() -> date:
    """Today where the demo runner lives."""
    return clock.now().astimezone(zoneinfo.ZoneInfo(TIME_ZONE)).date()


def demo_runs(today: date) -> list[dict]:
    """A year up to ``today``: four runs a week with a growing Sunday long run, a 10K race,
    20 days off with a calf niggle, and three easy runs back."""
    first = today - timedelta(days=364)
    race_day = today - timedelta(days=RACE_10K_DAYS_AGO)
    before_break = today - timedelta(days=BREAK_FIRST_DAY_AGO + 1)
    runs = [r for r in synthetic_days(first, before_break, seed=7) if r["day"] != race_day]
    if runs[-1]["day"] != before_break:  # the niggle's run, whatever the weekday
        runs.append(run(before_break, 5000, 390, "Easy run, calf tight"))
    runs.append(race(race_day, 10000, 56 * 60 + 24, "Riverside 10K"))
    for ago, km in ((6, 3.0), (4, 4.0), (2, 5.0)):
        runs.append(run(today - timedelta(days=ago), km * 1000, 400, "Easy run back", feeling=4))
    return sorted(runs, key=lambda r: r["day"])


def synthetic_days(first: date, last: date, *, seed: int) -> list[dict]:
    """Four runs a week (Tuesday, Thursday, Saturday, Sunday) from ``first`` to ``last``: easy
    runs of 5-8 km around 6:20/km and a Sunday long run that builds over each 12 weeks."""
    rng = random.Random(seed)
    runs = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if day.weekday() not in (1, 3, 5, 6):
            continue
        if day.weekday() == 6:
            km = 10 + (day.toordinal() // 7 % 12) * 0.6 + rng.uniform(-0.5, 0.5)
            pace, name = rng.uniform(385, 405), "Long run"
        else:
            km, pace, name = rng.uniform(5, 8), rng.uniform(365, 395), "Easy run"
        feeling = rng.choice([None, None, 3, 4, 4, 5])
        runs.append(run(day, km * 1000, pace, name, feeling=feeling))
    return runs


def run(day: date, metres: float, pace_s_per_km: float, name: str, *, feeling=None) -> dict:
    moving = metres / 1000 * pace_s_per_km
    efforts = {}
    for key, distance, share in (("1k", 1000, 0.96), ("1mi", 1609.344, 0.97), ("5k", 5000, 0.99)):
        if metres >= distance:
            efforts[key] = round(distance / 1000 * pace_s_per_km * share, 1)
    if metres >= 10000:
        efforts["10k"] = round(10 * pace_s_per_km, 1)
    return {
        "day": day,
        "distance_m": round(metres, 1),
        "moving_s": round(moving),
        "elapsed_s": round(moving * 1.03),
        "best_efforts": efforts,
        "longest_continuous_run_m": round(metres, 1),
        "feeling": feeling,
        "is_race": False,
        "name": name,
    }


def race(day: date, metres: float, seconds: float, name: str) -> dict:
    result = run(day, metres, seconds / metres * 1000, name, feeling=5)
    result.update(is_race=True, moving_s=seconds, elapsed_s=seconds)
    return result


def add_runs(user, runs: list[dict], zone) -> list[Activity]:
    activities = []
    for r in runs:
        start = datetime.combine(r["day"], time(7, 30), tzinfo=zone).astimezone(UTC)
        fields = {k: v for k, v in r.items() if k != "day"}
        activity = Activity(
            owner=user, start=start, time_zone=zone.key, source=Source.MANUAL, **fields
        )
        activity.fill_local_date()
        activities.append(activity)
    Activity.objects.bulk_create(activities, batch_size=500)
    recompute_totals(user.pk, {a.local_date for a in activities})
    return activities


def at(day: date, zone, hour: int = 19) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=zone)


def finished_round(user, today: date, zone) -> Round:
    started = today - timedelta(days=ROUND_DAYS_AGO)
    round = Round.objects.create(
        owner=user,
        reason="new_cycle",
        reason_note="Autumn is when I plan the year ahead.",
        stage=Stage.BRAINSTORM,
        started_at=at(started, zone),
    )
    for question, notes in NOTES.items():
        for i, text in enumerate(notes):
            Note.objects.create(
                round=round, question=question, text=text, created_at=at(started, zone, 19 + i)
            )
    themes = propose_themes(round=round)
    for theme in themes:
        confirmed = theme.key in CONFIRMED_THEMES
        theme.status = ThemeStatus.CONFIRMED if confirmed else ThemeStatus.DISMISSED
        theme.most_important = theme.key == CONFIRMED_THEMES[0]
    RoundTheme.objects.bulk_update(themes, ["status", "most_important"])
    for key in set(CONFIRMED_THEMES) - {t.key for t in themes}:  # one the detector missed
        RoundTheme.objects.create(
            round=round,
            key=key,
            status=ThemeStatus.CONFIRMED,
            added_by_runner=True,
            most_important=key == CONFIRMED_THEMES[0],
        )
    round.stage = Stage.DONE
    round.brainstorm_closed_at = at(started + timedelta(days=1), zone)
    round.rest_started_at = at(started + timedelta(days=2), zone)
    round.rest_until = round.rest_notified_at = at(started + timedelta(days=5), zone)
    round.finished_at = at(started + timedelta(days=6), zone)
    round.save()
    return round


def earlier_round(user, today: date, zone, story: dict) -> Round:
    """One of the demo runner's earlier rounds, finished in a week, its themes as told."""
    started = today - timedelta(days=story["days_ago"])
    round = Round.objects.create(
        owner=user,
        reason=story["reason"],
        reason_note=story["reason_note"],
        stage=Stage.DONE,
        started_at=at(started, zone),
        brainstorm_closed_at=at(started + timedelta(days=1), zone),
        rest_started_at=at(started + timedelta(days=2), zone),
        rest_until=at(started + timedelta(days=5), zone),
        rest_notified_at=at(started + timedelta(days=5), zone),
        finished_at=at(started + timedelta(days=6), zone),
    )
    for question, notes in story["notes"].items():
        for i, text in enumerate(notes):
            Note.objects.create(
                round=round, question=question, text=text, created_at=at(started, zone, 19 + i)
            )
    for i, key in enumerate(story["themes"]):
        RoundTheme.objects.create(
            round=round, key=key, status=ThemeStatus.CONFIRMED, most_important=i == 0
        )
    settled = at(started + timedelta(days=6), zone)
    for title, status in story["goals"]:
        Goal.objects.create(
            owner=user,
            round=round,
            created_at=settled,
            title=title,
            themes=story["themes"][:1],
            status=status,
            reached_on=(started + timedelta(days=90)) if status == "done" else None,
        )
    return round


def add_goals(user, round: Round, today: date, zone) -> None:
    settled = at(today - timedelta(days=ROUND_DAYS_AGO - 6), zone)
    themes = [t.key for t in round.themes.filter(status=ThemeStatus.CONFIRMED)]
    purpose = {"excited": True, "out_the_door": True, "smile": True, "purpose_checked_at": settled}
    common = {"owner": user, "round": round, "created_at": settled, **purpose}
    half = Goal.objects.create(
        **common,
        title="Run a half marathon in under 2:15",
        size="big",
        horizon="date",
        target_date=today + timedelta(days=110),
        feeling="scary",
        themes=themes[:2],
        why="To feel strong over the whole distance again, and enjoy the last mile.",
        kind="measurable",
        metric="race_time",
        target_value=2 * 3600 + 15 * 60,
        target_unit="s",
        race_distance_m=21097.5,
        status=Status.ACTIVE,
    )
    weekly = Goal.objects.create(
        **common,
        title="Run 25 km a week",
        size="small",
        horizon="soon",
        feeling="doable",
        themes=themes[:1],
        why="A steady week keeps my head clear.",
        kind="measurable",
        metric="distance",
        period="week",
        target_value=25000,
        target_unit="m",
        status=Status.ACTIVE,
    )
    coast = Goal.objects.create(
        **common,
        title="Run the coast path with Jo",
        size="medium",
        horizon="date",
        target_date=today + timedelta(days=75),
        feeling="doable",
        themes=themes[1:3],
        why="A day out with my sister, at our pace, with a café at the end.",
        kind="experiential",
        status=Status.ACTIVE,
    )
    Goal.objects.create(
        owner=user,
        round=round,
        created_at=settled,
        title="A marathon abroad, maybe Lisbon",
        size="big",
        horizon="later",
        feeling="scary",
        themes=themes[:1],
        kind="measurable",
        metric="race_finish",
        race_distance_m=42195,
        status=Status.SOMEDAY,
    )
    Goal.objects.create(
        owner=user,
        created_at=at(today - timedelta(days=RACE_10K_DAYS_AGO + 60), zone),
        title="Run 10K in under an hour",
        size="medium",
        horizon="date",
        target_date=today - timedelta(days=RACE_10K_DAYS_AGO),
        feeling="scary",
        kind="measurable",
        metric="race_time",
        target_value=3600,
        target_unit="s",
        race_distance_m=10000,
        status=Status.DONE,
        reached_on=today - timedelta(days=RACE_10K_DAYS_AGO - 1),
    )
    steps = [
        (half, "Long run of 14 km", -60, True),
        (half, "Long run of 16 km", -33, True),
        (half, "Long run of 18 km", 21, False),
        (half, "A 10 km at half-marathon effort", 50, False),
        (weekly, "Three runs a week for a month", 24, False),
        (coast, "Ask Jo which weekends suit her", -40, True),
        (coast, "Walk-run the first 8 km of the path", 30, False),
    ]
    for goal, title, days, done in steps:
        due = today + timedelta(days=days)
        Step.objects.create(
            goal=goal, title=title, due=due, done_at=at(due, zone) if done else None
        )


def open_nudge_count(user) -> int:
    return Nudge.objects.owned_by(user).filter(closed_on=None, dismissed_at=None).count()


# The demo coach's other clients: name, what they share, and the story their data tells.
CLIENTS = (
    ("Priya", ["goals", "runs"], "quiet"),  # no runs for three weeks, a step overdue
    ("Tom", ["goals"], "rethink"),  # a goal he is not sure of any more, another paused
)
COACH_NAME = "Demo coach"


@transaction.atomic
def create_demo_coach(*, username: str, password: str, runner, today: date):
    """A demo coach with three clients: the demo runner (sharing everything) and two made-up
    runners sharing less, each with something that asks for a check-in."""
    for name in [username] + [client_username(username, n) for n, _, _ in CLIENTS]:
        old = demo_user(name)
        if old is not None:
            old.delete()
    coach = Profile.objects.create_runner(username, "", password)
    DemoRunner.objects.create(user=coach)
    coach.profile.name, coach.profile.time_zone = COACH_NAME, TIME_ZONE
    coach.profile.save()
    coaching.grant(runner=runner, coach=coach, scopes=["goals", "reflections", "runs"])
    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    for name, scopes, story in CLIENTS:
        client = Profile.objects.create_runner(client_username(username, name), "", None)
        DemoRunner.objects.create(user=client)
        client.profile.name, client.profile.time_zone = name, TIME_ZONE
        client.profile.save()
        first = today - timedelta(days=200)
        last = today - timedelta(days=22 if story == "quiet" else 2)
        add_runs(client, synthetic_days(first, last, seed=len(name)), zone)
        client_goals(client, story, today, zone)
        coaching.grant(runner=client, coach=coach, scopes=scopes)
        refresh_nudges(client, today)
    coaching.add_note(
        coach=coach, runner=runner, text="Calf niggle in the autumn: ask how it feels on hills."
    )
    group_round_under_way(coach, today)
    return coach


GROUP_PROMPTS = ["What would make this spring feel like a good one?"]
GROUP_NOTES = {  # a member's note on the coach's question, and whom it is shared with
    "Priya": ("Getting back to three runs a week without it feeling like a chore.", "group"),
    "Tom": ("Not sure yet. Maybe a trail race, maybe just enjoying it again.", "private"),
}


def group_round_under_way(coach, today: date) -> None:
    """The coach's spring group: two members reflecting on the group's question, one sharing
    her note with the group, one keeping his to himself."""
    group = groups.create_group(coach=coach, name="Spring group")
    group_round = groups.start_group_round(
        group=group, prompts=GROUP_PROMPTS, brainstorm_by=today + timedelta(days=7)
    )
    for name, (text, shared_with) in GROUP_NOTES.items():
        member = get_user_model().objects.get(username=client_username(coach.username, name))
        groups.join(group=group, runner=member)
        round = groups.take_part(group_round=group_round, runner=member)
        question = round.extra_questions.get()
        note = reflection_services.add_note(
            round=round, text=text, client_id=uuid.uuid4(), extra_question=question
        )
        reflection_services.share_note(note=note, shared_with=shared_with)


def client_username(coach_username: str, name: str) -> str:
    return f"{coach_username}-{name.lower()}"


def client_goals(client, story: str, today: date, zone) -> None:
    set_on = at(today - timedelta(days=60), zone)
    goal = Goal.objects.create(
        owner=client,
        created_at=set_on,
        title="Run 20 km a week" if story == "quiet" else "Run a trail half marathon",
        size="medium",
        horizon="soon",
        why="Because I feel better on weeks I run.",
        status=Status.ACTIVE,
    )
    Step.objects.create(goal=goal, title="Three runs this week", due=today - timedelta(days=5))
    if story == "rethink":
        goal.record_purpose(excited=False, out_the_door=True, smile=False)
        paused = Goal.objects.create(
            owner=client, created_at=set_on, title="Hill repeats on Thursdays", status=Status.PAUSED
        )
        GoalPause.objects.create(
            goal=paused, reason="life", started_at=at(today - timedelta(days=12), zone)
        )
