"""Who is calling: a personal access token (``Authorization: Bearer TOKEN``) or the logged-in
session (with Django's CSRF check on writes, done by ninja's ``django_auth``)."""

from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from milepost.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = ApiToken.objects.find(token)
        if found is None:
            return None
        request.api_token = found
        request.user = found.owner
        return found.owner


AUTH = [TokenAuth(), django_auth]


def require_write(request) -> None:
    """Writes need a read-write token (the session may always write: CSRF guards it)."""
    token = getattr(request, "api_token", None)
    if token is not None and not token.can_write:
        raise HttpError(403, "This token is read-only: make a read-write token to change things.")
