"""Small helpers shared by the views of several apps."""

import ipaddress
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from milepost import clock


def safe_next(request) -> str:
    """A same-site ?next= or form "next" field, or ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def redirect_next(request, default):
    """Follows a same-site next, else goes to default."""
    return redirect(safe_next(request) or default)


def client_address(request) -> str | None:
    """The client's IP address: the connection's own, or, when that is a proxy listed in
    MILEPOST_TRUSTED_PROXIES, the address X-Forwarded-For gives for the client. The header is
    read from the right (each proxy appends the address it saw), skipping trusted proxies, so
    a client cannot choose its own address by sending the header itself."""
    trusted = [ipaddress.ip_network(a, strict=False) for a in settings.MILEPOST_TRUSTED_PROXIES]
    address = _ip(request.META.get("REMOTE_ADDR", ""))
    if address is None or not _in(address, trusted):
        return str(address) if address else None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
        hop_address = _ip(hop)
        if hop_address is None:
            break  # garbled: trust no further than the last proxy we know
        address = hop_address
        if not _in(address, trusted):
            break
    return str(address)


def _ip(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _in(address, networks) -> bool:
    return any(address.version == n.version and address in n for n in networks)


def site_url(request) -> str:
    """SITE_URL when set; otherwise the address this request came to (no trailing slash):
    what a link sent away (a feed, an invitation, a join link) starts with."""
    if settings.SITE_URL_FROM_REQUEST:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL.rstrip("/")


TOO_MANY_REQUESTS = "Too many requests from here; try again in a minute."


def throttle_anonymous(view):
    """For a page costly to make that anyone may ask for: a client address not signed in gets
    ANONYMOUS_HEAVY_PER_MINUTE of them a minute, then a short plain 429 until the minute is
    over. Signed-in runners are never held back. Counted in the process's memory cache (a GET
    writes nothing to the database), so each web process counts on its own."""

    @wraps(view)
    def throttled(request, *args, **kwargs):
        if not request.user.is_authenticated and over_the_limit(request, view.__qualname__):
            response = render(
                request, "too_many_requests.html", {"message": TOO_MANY_REQUESTS}, status=429
            )
            response["Retry-After"] = str(60 - clock.now().second)
            return response
        return view(request, *args, **kwargs)

    return throttled


def over_the_limit(request, name: str) -> bool:
    """Counts this request against its address and minute; True once past the limit."""
    minute = clock.now().strftime("%Y%m%d%H%M")
    key = f"throttle:{name}:{client_address(request) or 'unknown'}:{minute}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between the two calls: count afresh
        cache.set(key, 1, timeout=120)
        count = 1
    return count > settings.ANONYMOUS_HEAVY_PER_MINUTE
