"""Small helpers shared by the views of several apps."""

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
