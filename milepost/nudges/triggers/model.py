"""What the triggers read and what they give: the runner's runs, efforts, goals and check-ins,
the ``Nudge`` with its kinds, how long an event nudge stays open, and the helpers they share.
"""

from dataclasses import dataclass
from datetime import date

BREAK, NEW_CYCLE, GOAL_REACHED, PLATEAU, LOW_MOTIVATION = (
    "break",
    "new_cycle",
    "goal_reached",
    "plateau",
    "low_motivation",
)
KINDS = (BREAK, NEW_CYCLE, GOAL_REACHED, PLATEAU, LOW_MOTIVATION)

# Event nudges (break, new cycle, goal reached) stay open this many days after the event.
OPEN_DAYS = 28
# Back after a break: days without a run before the run that ends the break.
MIN_GAP_DAYS = 14

_EPSILON = 1e-9


@dataclass(frozen=True)
class RunDay:
    """One run: its day, distance and moving time, and the runner's 1-5 feeling if given."""

    day: date
    distance_m: float
    moving_s: float = 0.0
    feeling: int | None = None

    def __post_init__(self):
        if self.distance_m < 0 or self.moving_s < 0:
            raise ValueError("a run's distance and time cannot be negative")
        if self.feeling is not None:
            _check_feeling(self.feeling)


@dataclass(frozen=True)
class Effort:
    """A race or a best effort inside a run: ``distance_m`` in ``seconds`` on ``day``."""

    day: date
    distance_m: float
    seconds: float


@dataclass(frozen=True)
class OpenGoal:
    """A goal as the triggers see it.

    ``by`` is the goal's date (race day for a race). ``reached_on`` is the day the goal was
    reached or marked done, ``None`` while it is not. ``progress_fraction`` (0..1+), when known
    as of today, closes a goal at 1 or more. Goals with an empty ``metric`` are experiential.
    """

    id: int | str
    title: str
    metric: str = ""
    target: float | None = None
    by: date | None = None
    is_race: bool = False
    reached_on: date | None = None
    progress_fraction: float | None = None

    def is_open(self, today: date) -> bool:
        """Not reached as of ``today``, and its date (if any) not passed."""
        if self.reached_on is not None and self.reached_on <= today:
            return False
        if self.progress_fraction is not None and self.progress_fraction >= 1:
            return False
        return self.by is None or self.by >= today


@dataclass(frozen=True)
class CheckIn:
    """How the runner felt on ``day``, 1 (awful) to 5 (great)."""

    day: date
    feeling: int

    def __post_init__(self):
        _check_feeling(self.feeling)


@dataclass(frozen=True)
class Nudge:
    """A reason to start a new round: ``kind`` is one of ``KINDS``."""

    kind: str
    since: date
    reason: str
    goal_id: int | str | None = None


def _check_feeling(feeling: int) -> None:
    if isinstance(feeling, bool) or not isinstance(feeling, int) or not 1 <= feeling <= 5:
        raise ValueError(f"a feeling is a whole number from 1 to 5, not {feeling!r}")


# Helpers -----------------------------------------------------------------------------------


def _order(nudge: Nudge):
    return (nudge.since, KINDS.index(nudge.kind), str(nudge.goal_id))
