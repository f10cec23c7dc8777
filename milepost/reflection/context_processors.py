from milepost import clock

from .models import Round


def rest_banner(request):
    """The round whose rest is over, for the banner on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    round = Round.objects.owned_by(user).filter(stage="resting", rest_until__lte=clock.now())
    return {"rest_over_round": round.first()}
