"""Alignment: does each goal fit the motivations the runner confirmed?

Pure Python. Findings are advice with a reason, never a block. The wording is kind and
concrete and never compares the runner with anyone but themselves.
"""

from dataclasses import dataclass

from .metrics import NUMBER_METRICS, RACE_METRICS, GoalTarget

FEELING_THEMES = {"feeling", "wellbeing", "social", "places", "race_experience"}
WEEKS_PER_PERIOD = {"week": 1.0, "month": 4.345, "year": 52.18}
# A relaxed recreational pace, used only to turn distance goals into hours.
EASY_MINUTES_PER_KM = 6.5
# Rough weekly minutes a recreational build-up to each race distance asks for
# (RUNNING_SCIENCE §5: three to five runs a week, the long run growing to about a third).
RACE_MINUTES_PER_WEEK = ((5_000, 120), (10_000, 150), (21_098, 210), (42_195, 300))
ULTRA_MINUTES_PER_WEEK = 360


@dataclass(frozen=True)
class GoalFacts:
    """What alignment needs to know of one goal: ``target`` is what a measurable goal aims
    at, None for an experience."""

    id: int | None
    title: str
    size: str  # small | medium | big
    near_term: bool
    feeling: str  # doable | scary
    themes: tuple[str, ...]
    target: GoalTarget | None = None
    dated: bool = False  # the goal has a date of its own (not "soon" or "further out")

    @property
    def measurable(self) -> bool:
        return self.target is not None

    @property
    def metric(self) -> str:
        return self.target.metric if self.target else ""


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    goal_id: int | None = None
    suggestion: str = ""


def is_race_goal(goal: GoalFacts) -> bool:
    return goal.metric in RACE_METRICS or " race" in f" {goal.title.lower()}"


def weekly_minutes_needed(goal: GoalFacts) -> float:
    """A rough weekly time cost of working towards a measurable goal, in minutes."""
    target = goal.target
    if target is None:
        return 0.0
    value = target.target or 0.0
    weeks = WEEKS_PER_PERIOD.get(target.period, 1.0)
    if goal.metric == "distance":
        return value / 1000 / weeks * EASY_MINUTES_PER_KM
    if goal.metric == "time":
        return value / 60 / weeks
    if goal.metric == "runs":
        return value / weeks * 40
    if goal.metric in RACE_METRICS:
        return race_minutes(target.race_distance_m or 0)
    if goal.metric == "longest_run":
        return 2.5 * value / 1000 * EASY_MINUTES_PER_KM
    if goal.metric == "streak":
        return 7 * 20
    return 90.0


def race_minutes(distance_m: float) -> float:
    for limit, minutes in RACE_MINUTES_PER_WEEK:
        if distance_m <= limit * 1.01:
            return minutes
    return ULTRA_MINUTES_PER_WEEK


def check_goal(goal: GoalFacts, confirmed: set[str]) -> list[Finding]:
    findings = []
    if "race_averse" in confirmed and is_race_goal(goal):
        findings.append(
            Finding(
                "race_for_race_averse",
                "You told us races are not your thing, and this goal is a race.",
                goal.id,
                "Keep the distance and make it yours: run it on your own route, on a day you "
                "choose, maybe with a friend waiting at the end.",
            )
        )
    if "numbers" in confirmed and not goal.measurable:
        findings.append(
            Finding(
                "nothing_measurable_for_numbers",
                "You enjoy seeing numbers move, and this goal has nothing to count.",
                goal.id,
                "It doesn't have to be the obvious number: count the times you do it, "
                "e.g. \u201crun there four times this season\u201d.",
            )
        )
    if (
        "feeling" in confirmed
        and "numbers" not in confirmed
        and goal.metric in NUMBER_METRICS
        and not FEELING_THEMES & set(goal.themes)
    ):
        findings.append(
            Finding(
                "numbers_for_feeling",
                "You run for how it feels, and this goal is only a number.",
                goal.id,
                "Add how you want it to feel, e.g. \u201c"
                + goal.title.rstrip(".")
                + ", and finish feeling strong\u201d.",
            )
        )
    if not goal.themes:
        findings.append(
            Finding(
                "no_why",
                "This goal is not linked to any of your themes yet.",
                goal.id,
                "Which of your reasons for running does it serve? Tick one or two.",
            )
        )
    return findings


def check_set(
    goals: list[GoalFacts],
    confirmed: set[str],
    most_important: str | None,
    weekly_minutes: int | None,
    labels: dict[str, str] | None = None,
) -> list[Finding]:
    """Findings about the list as a whole, plus each goal's own."""
    findings = [f for goal in goals for f in check_goal(goal, confirmed)]
    if not goals:
        return findings
    findings += check_time(goals, confirmed, weekly_minutes)
    if most_important and not any(most_important in g.themes for g in goals):
        label = (labels or {}).get(most_important, most_important)
        findings.append(
            Finding(
                "most_important_unserved",
                f"None of your goals serves what matters most to you: {label}.",
                suggestion="Could one goal, even a small one, be about that?",
            )
        )
    if not any(g.near_term for g in goals):
        findings.append(
            Finding(
                "no_near_term",
                "Every goal is a while away.",
                suggestion="A small goal for the next month or two keeps the journey visible.",
            )
        )
    if len(goals) > 1 and not any(g.feeling == "scary" for g in goals):
        findings.append(
            Finding(
                "nothing_scary",
                "Everything on the list feels very doable.",
                suggestion="Is there one that would make you a little nervous, in a good way?",
            )
        )
    if len(goals) > 1 and not any(g.feeling == "doable" for g in goals):
        findings.append(
            Finding(
                "nothing_doable",
                "Everything on the list feels a little scary.",
                suggestion="Add one you know you can do soon: early wins keep you going.",
            )
        )
    return findings


def check_time(
    goals: list[GoalFacts], confirmed: set[str], weekly_minutes: int | None
) -> list[Finding]:
    """Goals share the same weekly runs, so the biggest single need is what counts."""
    need = max((weekly_minutes_needed(g) for g in goals), default=0)
    if weekly_minutes is None:
        if "time_limited" in confirmed and need >= 150:
            return [
                Finding(
                    "time_unknown",
                    f"You said time is tight, and one goal asks for about {hours(need)} a week.",
                    suggestion="Add your weekly running time to your profile and we'll check.",
                )
            ]
        return []
    if need > weekly_minutes * 1.1:
        biggest = [g for g in goals if weekly_minutes_needed(g) == need]
        names = " and ".join(f"\u201c{g.title}\u201d" for g in biggest)
        if all(g.dated for g in biggest):
            suggestion = "Move the date further out, or pick a shorter distance for now."
        else:
            suggestion = "Aim for fewer or shorter runs a week for now, or a smaller target."
        return [
            Finding(
                "needs_more_time",
                f"{names} asks for about {hours(need)} a week; you have {hours(weekly_minutes)}.",
                suggestion=suggestion,
            )
        ]
    return []


def hours(minutes: float) -> str:
    whole, rest = divmod(round(minutes / 15) * 15, 60)
    if not whole:
        return f"{rest} minutes"
    unit = "hour" if whole == 1 and not rest else "hours"
    return (
        f"{whole}\u00bd {unit}"
        if rest == 30
        else f"{whole} {unit}"
        if not rest
        else (f"{whole} h {rest:02d} min")
    )
