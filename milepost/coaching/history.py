"""What the runner's coaches did with what they were shared: their messages on the runner's
goals and the goals they suggested, newest first, for the runner's "your coach" page. The
runner's own history: it stays with them after a pause or a revoke."""

from dataclasses import dataclass
from datetime import datetime

from milepost.goals.models import Goal, GoalComment, GoalSuggestion


@dataclass(frozen=True)
class CoachAction:
    kind: str  # "comment" or "suggestion"
    coach: object
    at: datetime
    text: str
    goal: Goal | None = None  # the goal commented on, or made from an accepted suggestion
    suggestion: GoalSuggestion | None = None

    @property
    def coach_name(self) -> str:
        return self.coach.profile.display_name


def coach_activity(runner, limit: int | None = None) -> list[CoachAction]:
    """Comments by others on the runner's goals and the goals suggested to them, newest first
    (two queries)."""
    comments = (
        GoalComment.objects.filter(goal__owner=runner)
        .exclude(author=runner)
        .select_related("goal", "author__profile")
        .order_by("-created_at", "-id")
    )
    suggestions = (
        GoalSuggestion.objects.for_runner(runner)
        .select_related("goal", "coach__profile")
        .order_by("-created_at", "-id")
    )
    if limit is not None:
        comments, suggestions = comments[:limit], suggestions[:limit]
    actions = [
        CoachAction("comment", c.author, c.created_at, c.text, goal=c.goal) for c in comments
    ] + [
        CoachAction("suggestion", s.coach, s.created_at, s.title, goal=s.goal, suggestion=s)
        for s in suggestions
    ]
    actions.sort(key=lambda a: a.at, reverse=True)
    return actions[:limit] if limit is not None else actions
