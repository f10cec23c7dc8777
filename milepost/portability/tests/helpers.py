"""A rich runner to export: the demo runner's year, real activity files, a coach, and one of
everything the registry holds."""

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

from milepost import clock
from milepost.coaching import services as coaching
from milepost.demo import create_demo, create_demo_coach
from milepost.goals import services as goal_services
from milepost.goals.models import CheckIn, Goal, GoalPause, GoalRevision, GoalSuggestion
from milepost.nudges.models import CycleStart, Nudge
from milepost.reflection.models import Note, Round, RoundQuestion
from milepost.runs.services import import_paths
from milepost.runs.tests.helpers import MULTISPORT_FIT, RUN_FIT, RUN_GPX, RUN_TCX

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
FILES = [RUN_GPX, RUN_FIT, RUN_TCX, MULTISPORT_FIT]
TODAY = date(2026, 11, 20)


def rich_runner(username: str = "demo"):
    runner = create_demo(username=username, password="demo pass 42", today=TODAY)
    coach = create_demo_coach(
        username=f"{username}-coach", password=None, runner=runner, today=TODAY
    )
    coaching.add_note(coach=coach, runner=runner, text="Lovely hill work!", shared=True)
    import_paths(owner=runner, paths=FILES)
    goal = Goal.objects.filter(owner=runner).first()
    CheckIn.objects.create(goal=goal, day=TODAY, did_it=True, feeling=4, note="Sunny")
    GoalPause.objects.create(
        goal=goal,
        reason="injury",
        note="Calf",
        started_at=clock.now() - timedelta(days=9),
        ended_at=clock.now() - timedelta(days=2),
    )
    GoalRevision.of(goal, progress_fraction=0.4, progress_summary="2 of 5").save()
    CycleStart.objects.create(owner=runner, day=TODAY + timedelta(days=10), note="Spring")
    goal_services.add_comment(goal=goal, author=coach, text="How did the hills feel?")
    goal_services.add_comment(goal=goal, author=runner, text="Hard, then lovely.")
    goal_services.suggest_goal(
        coach=coach, runner=runner, suggestion=GoalSuggestion(title="A trail 10k in spring")
    )
    round = Round.objects.filter(owner=runner).first()
    question = RoundQuestion.objects.create(round=round, text="Who inspires you?", asked_by=coach)
    Note.objects.create(round=round, extra_question=question, text="My mum, who ran at 60.")
    nudge = Nudge.objects.filter(owner=runner).first()
    if nudge:
        nudge.snooze(TODAY + timedelta(days=7))
    return runner, coach


def read_zip(path) -> dict:
    with zipfile.ZipFile(path) as zf:
        out = {name: zf.read(name) for name in zf.namelist()}
    out["data.json"] = json.loads(out["data.json"])
    out["manifest.json"] = json.loads(out["manifest.json"])
    return out
