from django.conf import settings
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
    """Every response to a signed-in runner (or a program with their API token) is theirs
    alone: no browser, proxy or shared computer keeps a copy (``Cache-Control: no-store,
    private``), whatever the view said."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A program with an API token is signed in too, though not through the session.
        if request.user.is_authenticated or "HTTP_AUTHORIZATION" in request.META:
            response.headers["Cache-Control"] = NO_STORE
        return response


NO_STORE = "no-store, private"


# Only Milepost's own files: its scripts (htmx, vendored, and app.js), its styles, its images.
# No inline script or style anywhere (500.html, made to work when nothing else does, keeps
# its own style: allowed on that page alone).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ERROR_PAGE_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
# The API's browsable documentation (/api/v1/docs) is django-ninja's Swagger UI page: its
# script and styles come from cdn.jsdelivr.net, with a short inline start-up script.
API_DOCS_POLICY = (
    CONTENT_SECURITY_POLICY.replace(
        "script-src 'self'", "script-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'"
    )
    .replace("style-src 'self'", "style-src 'self' https://cdn.jsdelivr.net")
    .replace("img-src 'self' data:", "img-src 'self' data: https://django-ninja.dev")
)
# Nothing in Milepost needs the camera, the microphone, the runner's location or sensors.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
)


class SecurityHeadersMiddleware:
    """A Content-Security-Policy and a Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if settings.DEBUG and response.status_code >= 400:
            return response  # Django's debug pages are made of inline scripts and styles
        response.headers.setdefault("Content-Security-Policy", policy_for(request, response))
        return response


def policy_for(request, response) -> str:
    if response.status_code >= 500:
        return ERROR_PAGE_POLICY
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "api:openapi-view":
        return API_DOCS_POLICY
    return CONTENT_SECURITY_POLICY
