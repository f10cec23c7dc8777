from django.utils import timezone


class TimezoneMiddleware:
    """Shows every date and time in the runner's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
        if profile is not None:
            timezone.activate(profile.zone)
        else:
            timezone.deactivate()
        return self.get_response(request)


class PrivateNoStoreMiddleware:
    """Every response to a signed-in runner is theirs alone: no browser, proxy or shared
    computer keeps a copy (``Cache-Control: no-store, private``), whatever the view said."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            response.headers["Cache-Control"] = NO_STORE
        return response


NO_STORE = "no-store, private"
