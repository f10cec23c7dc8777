"""Jack Daniels' VDOT from the Daniels–Gilbert equations (RUNNING_SCIENCE.md §1.1).

``v`` is race velocity in metres per minute and ``t`` race duration in minutes. The equations
reproduce Daniels' printed race table closely but not exactly (§1.2).
"""

import math

from milepost.runmath.errors import RunmathError
from milepost.runmath.units import check_positive, format_distance, format_duration

# Daniels' printed tables span these values; outside them VDOT is an extrapolation.
TABLE_RANGE = (30.0, 85.0)
# World records score about 85-86; anything above this is a typo (2:00 for 2:00:00), not a run.
MAX_VDOT = 90.0
# Below this speed (about 1.5 km/h) the oxygen-cost regression is not positive.
_MIN_SPEED = 25.3
_MAX_SPEED = 3000.0


def oxygen_cost(metres_per_minute: float) -> float:
    """VO2 (ml/kg/min) of running at ``metres_per_minute``."""
    v = metres_per_minute
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def sustainable_fraction(minutes: float) -> float:
    """Fraction of VO2max a runner can hold for a race lasting ``minutes``."""
    return (
        0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)
    )


def _vdot(distance_m: float, seconds: float) -> float:
    minutes = seconds / 60
    return oxygen_cost(distance_m / minutes) / sustainable_fraction(minutes)


def vdot(distance_m: float, seconds: float) -> float:
    """VDOT of a race of ``distance_m`` metres run in ``seconds``."""
    distance_m = check_positive(distance_m, "distance")
    seconds = check_positive(seconds, "time")
    if seconds / 60 == 0:  # a time too small to divide by is no run at all
        raise RunmathError(
            f"{_performance(distance_m, seconds)} would beat the world record; check the time"
        )
    if distance_m / (seconds / 60) < _MIN_SPEED:
        raise RunmathError(
            f"{_performance(distance_m, seconds)} is slower than 1.5 km/h; VDOT needs a "
            "running or walking effort"
        )
    value = _vdot(distance_m, seconds)
    if value > MAX_VDOT:
        raise RunmathError(
            f"{_performance(distance_m, seconds)} would beat the world record; check the time "
            "(1:58:34 is h:mm:ss, 25:00 is m:ss) and the distance"
        )
    return value


def _performance(distance_m: float, seconds: float) -> str:
    # Only for the error messages: formatting costs more than the maths.
    return f"{format_duration(seconds)} for {format_distance(distance_m)}"


def race_time(vdot_value: float, distance_m: float) -> float:
    """Seconds a runner of ``vdot_value`` is expected to take for ``distance_m``.

    Solves ``VO2(d/t) / %VO2max(t) = VDOT`` for ``t`` by bisection; the left side falls
    steadily as ``t`` grows over the whole bracket (about 1.5 km/h to 180 km/h).
    """
    vdot_value = check_positive(vdot_value, "VDOT")
    distance_m = check_positive(distance_m, "distance")
    if vdot_value > MAX_VDOT:
        raise RunmathError(f"VDOT {vdot_value:g} is beyond any recorded performance")
    fast, slow = distance_m / _MAX_SPEED, distance_m / _MIN_SPEED
    for _ in range(100):
        middle = math.sqrt(fast * slow)
        if _vdot(distance_m, middle * 60) > vdot_value:
            fast = middle
        else:
            slow = middle
    return (fast + slow) / 2 * 60


def equivalent_time(distance_m: float, seconds: float, to_m: float) -> float:
    """Seconds for ``to_m`` at the VDOT of ``seconds`` over ``distance_m``."""
    return race_time(vdot(distance_m, seconds), to_m)


def in_table_range(vdot_value: float) -> bool:
    """Whether ``vdot_value`` lies within Daniels' printed tables (30-85)."""
    return TABLE_RANGE[0] <= vdot_value <= TABLE_RANGE[1]


def velocity_at(vdot_value: float, fraction: float) -> float:
    """Metres per minute at ``fraction`` of VO2max for a runner of ``vdot_value`` (§1.1)."""
    vdot_value = check_positive(vdot_value, "VDOT")
    fraction = check_positive(fraction, "fraction of VO2max")
    a, b = 0.000104, 0.182258
    return (-b + math.sqrt(b * b + 4 * a * (4.60 + vdot_value * fraction))) / (2 * a)
