from milepost import clock
from milepost.accounts import pagecache

from .models import Round


def rest_banner(request):
    """The round whose rest is over, for the banner on every page.

    The resting round's end is kept in the page cache (a round's stage or rest changing marks
    the runner's pages as changed), so most pages ask the database nothing for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    profile = user.profile
    resting = pagecache.remember(
        profile, profile.today(), ("resting",), lambda: resting_rounds(user)
    )
    now = clock.now()
    return {"rest_over_pk": next((pk for pk, until in resting if until <= now), None)}


def resting_rounds(user) -> list[tuple[int, object]]:
    rounds = Round.objects.owned_by(user).filter(stage="resting", rest_until__isnull=False)
    return list(rounds.values_list("pk", "rest_until"))
