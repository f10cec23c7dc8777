"""The time zone at a place, offline: a run's local time where it was run (travellers)."""

from functools import cache

from timezonefinder import TimezoneFinder


@cache
def _finder() -> TimezoneFinder:
    return TimezoneFinder()  # reads its packaged polygons lazily; made once per process


def zone_at(lat: float, lon: float) -> str | None:
    """The IANA name of the time zone at a position ("Europe/Paris"), None if unknown."""
    try:
        return _finder().timezone_at(lat=lat, lng=lon)
    except ValueError:  # coordinates out of range
        return None
