"""Which activity already there a new one repeats: one starting within a minute of it, with
the same distance (within 3 % or 200 m), whatever its format or export."""

from bisect import bisect_left, bisect_right
from datetime import datetime

from .models import Activity

MATCH_SECONDS = 60  # same run: starts within a minute...
MATCH_SHARE = 0.03  # ...and distances within 3 %...
MATCH_METRES = 200.0  # ...or within 200 m, whichever is more


def same_distance(a: float | None, b: float | None) -> bool:
    """Within 3 % or 200 m, whichever is more; an activity without distance matches any."""
    if a is None or b is None:
        return True
    return abs(a - b) <= max(MATCH_SHARE * max(a, b), MATCH_METRES)


class Starts:
    """The runner's activities by start time, so an import finds the one a new summary
    repeats without a query per summary. Those already there are held by id: read as the
    import starts, then those written since (a run entered by hand meanwhile) at each group
    the import writes, after the runner's lock (``read``). This import's own are held as
    instances, added as they are decided: an instance without an id is not written yet.
    """

    def __init__(self, owner):
        self.owner = owner
        self.times: list[float] = []  # sorted: the starts' timestamps
        self.rows: list[tuple[float, float | None, int | Activity]] = []  # (start, metres, ref)
        self.ids: set[int] = set()
        self.read_to = 0  # the highest id read

    def read(self) -> None:
        """Adds the runner's activities written since the last read, by anyone."""
        rows = Activity.objects.owned_by(self.owner).filter(pk__gt=self.read_to).order_by()
        for pk, start, metres in rows.values_list("pk", "start", "distance_m"):
            self.read_to = max(self.read_to, pk)
            if pk not in self.ids:
                self.add(start, metres, pk)

    def add(self, start: datetime, metres: float | None, ref: int | Activity) -> None:
        at = start.timestamp()
        i = bisect_right(self.times, at)
        self.times.insert(i, at)
        self.rows.insert(i, (at, metres, ref))
        if isinstance(ref, int):
            self.ids.add(ref)

    def written(self, activity: Activity) -> None:
        self.ids.add(activity.pk)  # read again later: already here, as an instance

    def remove(self, at: float, ref: int | Activity) -> None:
        for i in range(bisect_left(self.times, at), bisect_right(self.times, at)):
            if self.rows[i][2] is ref:
                del self.times[i], self.rows[i]
                return

    def near(
        self, start: datetime, seconds: float
    ) -> list[tuple[float, float | None, int | Activity]]:
        """(start, metres, ref) of those starting within ``seconds``, earliest first."""
        at = start.timestamp()
        first, after = bisect_left(self.times, at - seconds), bisect_right(self.times, at + seconds)
        return self.rows[first:after]
