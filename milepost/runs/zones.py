"""The time zone at a place, offline: a run's local time where it was run (travellers)."""

from functools import cache


@cache
def _finder():
    # Imported here: timezonefinder and numpy take ~0.15 s to import, which every command and
    # web worker would pay at start-up (`milepost import` of files already there included).
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()  # reads its packaged polygons lazily; made once per process


def zone_at(lat: float, lon: float) -> str | None:
    """The IANA name of the time zone at a position ("Europe/Paris"), None if unknown."""
    try:
        return _finder().timezone_at(lat=lat, lng=lon)
    except ValueError:  # coordinates out of range
        return None
