"""Small helpers shared by the views of several apps."""

import ipaddress

from django.conf import settings
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


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
