"""Race equivalence: the time one performance suggests over another distance.

Three methods (RUNNING_SCIENCE.md §1-2): ``vdot`` (Daniels-Gilbert, solved numerically),
``riegel`` (``T2 = T1 * (D2/D1) ** exponent``) and ``cameron``. All three were fitted to fast
runners; recreational marathoners usually run slower than the equivalence says (§2.3), see
:func:`vickers_marathon`.
"""

from milepost.runmath import vdot as vdot_math
from milepost.runmath.errors import RunmathError
from milepost.runmath.units import MARATHON_M, check_positive

METHODS = ("vdot", "riegel", "cameron")
RIEGEL_EXPONENT = 1.06
# Riegel described his power law for efforts of about 3.5 to 230 minutes (§2.1).
RIEGEL_RANGE_MIN = (3.5, 230.0)
METRES_PER_MILE = 1609.344


def riegel(seconds: float, from_m: float, to_m: float, exponent: float = RIEGEL_EXPONENT) -> float:
    """Riegel's endurance formula ``T2 = T1 * (D2/D1) ** exponent`` (§2.1)."""
    seconds = check_positive(seconds, "time")
    from_m = check_positive(from_m, "distance")
    to_m = check_positive(to_m, "target distance")
    exponent = check_positive(exponent, "Riegel exponent")
    return seconds * (to_m / from_m) ** exponent


def _cameron_f(metres: float) -> float:
    return 13.49681 - 0.000030363 * metres + 835.7114 / metres**0.7905


def cameron(seconds: float, from_m: float, to_m: float) -> float:
    """Dave Cameron's formula ``T2 = T1 * (D2/D1) * f(D1)/f(D2)``, metre constants (§2.2)."""
    seconds = check_positive(seconds, "time")
    from_m = check_positive(from_m, "distance")
    to_m = check_positive(to_m, "target distance")
    for metres in (from_m, to_m):
        if _cameron_f(metres) <= 0:
            raise RunmathError(f"Cameron's formula does not reach {metres / 1000:g} km")
    return seconds * (to_m / from_m) * _cameron_f(from_m) / _cameron_f(to_m)


def equivalent_time(
    seconds: float,
    from_m: float,
    to_m: float,
    method: str = "vdot",
    exponent: float = RIEGEL_EXPONENT,
) -> float:
    """Seconds over ``to_m`` equivalent to ``seconds`` over ``from_m`` by ``method``."""
    if method == "vdot":
        return vdot_math.equivalent_time(from_m, seconds, to_m)
    if method == "riegel":
        return riegel(seconds, from_m, to_m, exponent)
    if method == "cameron":
        return cameron(seconds, from_m, to_m)
    raise RunmathError(f"method must be one of {', '.join(METHODS)}, not {method!r}")


def vickers_marathon(seconds: float, from_m: float, miles_per_week: float) -> float:
    """Marathon seconds for a recreational runner: Vickers & Vertosick 2016, model 1 (§2.3).

    From one race and typical weekly mileage. The paper's finding (Riegel is 10+ minutes too
    fast for half of recreational marathoners) is verified; these coefficients come from public
    ports of the model and are not yet checked against the paper's appendix.
    """
    seconds = check_positive(seconds, "time")
    from_m = check_positive(from_m, "distance")
    miles_per_week = check_positive(miles_per_week, "weekly mileage", allow_zero=True)
    riegel_speed = MARATHON_M / (seconds * (MARATHON_M / from_m) ** 1.07)
    speed = 0.16018617 + 0.83076202 * riegel_speed + 0.06423826 * (miles_per_week / 10)
    return MARATHON_M / speed
