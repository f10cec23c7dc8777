"""Feasibility: is a measurable goal realistic, a stretch or unlikely by its date?

Pure Python, no Django. The evidence is RUNNING_SCIENCE.md §5 (build-up lengths, single-run
spikes over the longest run of the last 30 days, two-week growth over 30 %) and §2.3
(recreational marathoners run slower than equivalence tables say). Every verdict comes with the
date that would be realistic and reasons in plain words that compare the runner only with their
own recent season.

The package holds, one concern a file: ``model`` (the goal, the history, the verdict and the
working constants), ``judge`` (``assess``: from a plan to a verdict), ``runner`` (the runner's
recent season), ``races``, ``volume`` and ``single_run`` (a plan for each kind of goal),
``words`` (how numbers read in the reasons) and ``ladder`` (the dated steps toward a goal
from where the runner is). The goal is a ``metrics.GoalTarget``; which plan and which steps
each metric has is its entry in ``metrics.py``, the one metric registry.
"""

from .judge import assess
from .ladder import ProposedStep, propose_steps
from .model import (
    DEFAULT_PACE_S_PER_KM,
    EASY_FRACTION,
    HALF_M,
    MINUTES_PER_RUN,
    NEED_HISTORY,
    NOT_POSSIBLE,
    REALISTIC,
    RECENT_WEEKS,
    SEASON_DAYS,
    STRETCH,
    STRETCH_FRACTION,
    UNLIKELY,
    VDOT_GAIN_PER_WEEK,
    WEEKS_PER_EXTRA_RUN,
    WEEKS_PER_MONTH,
    Effort,
    FeasibilityError,
    FeasibilityVerdict,
    HistorySummary,
)

__all__ = [
    "DEFAULT_PACE_S_PER_KM",
    "EASY_FRACTION",
    "HALF_M",
    "MINUTES_PER_RUN",
    "NEED_HISTORY",
    "NOT_POSSIBLE",
    "REALISTIC",
    "RECENT_WEEKS",
    "SEASON_DAYS",
    "STRETCH",
    "STRETCH_FRACTION",
    "UNLIKELY",
    "VDOT_GAIN_PER_WEEK",
    "WEEKS_PER_EXTRA_RUN",
    "WEEKS_PER_MONTH",
    "Effort",
    "FeasibilityError",
    "FeasibilityVerdict",
    "HistorySummary",
    "ProposedStep",
    "assess",
    "propose_steps",
]
