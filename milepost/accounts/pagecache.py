"""A runner's pages, cached until something they show changes.

Cached: the dashboard, a goal's page, a page of the runs list, the coach's roster. Every key
holds the runner's ``Profile.data_version``, which changes in the same transaction as anything
those pages show (each service that writes it calls ``mark_changed``; tests/test_pagecache.py
lists them, and proves that a brainstorm note, the most frequent write, shows on none of them),
and the runner's local date, since progress, nudges and days left
move on at midnight. A stale entry is never read again, only evicted, so any cache backend is
correct: each process keeps its own in memory (``default``), in front of one shared by the
machine's web processes in files (``pages``), so a page is rendered once, not once per
process. The code's own fingerprint is in the key as well: a new
release never serves the pages the old one rendered.

Forms in a cached body carry a random placeholder instead of the CSRF token; each response
swaps in its own request's token.
"""

import hashlib
import secrets
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as default_cache
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .models import Profile

# Long enough for a day of visits; the date in the key retires an entry at midnight anyway.
TIMEOUT_S = 36 * 3600


def mark_changed(owner_id: int) -> None:
    """Something the runner's pages show has changed."""
    Profile.objects.filter(user_id=owner_id).mark_changed()


def mark_changed_where(**lookup) -> None:
    """Like ``mark_changed``, for the runner found by a lookup from their profile
    (``user__goal=goal_id``): one UPDATE, no query to find the owner first."""
    Profile.objects.filter(**lookup).mark_changed()


@cache
def code_fingerprint() -> str:
    """A hash of Milepost's Python and templates, worked out once per process."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".html"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(profile: Profile, today: date, *parts) -> str:
    fields = ["page", code_fingerprint(), profile.user_id, profile.data_version, today, *parts]
    return ":".join(str(field) for field in fields)


def remember(profile: Profile, today: date, parts: tuple, compute: Callable):
    """``compute()``, or what it gave last time for this runner, day and parts."""
    if not settings.PAGE_CACHE:
        return compute()
    name = key(profile, today, *parts)
    value = default_cache.get(name)
    if value is None:
        value = caches["pages"].get(name)  # another web process may have rendered it
        if value is None:
            value = compute()
            caches["pages"].set(name, value, TIMEOUT_S)
        default_cache.set(name, value, TIMEOUT_S)
    return value


def forget_all() -> None:
    """Drops every cached page, this process's and the shared ones on disk: when an account
    is deleted, none of its words may stay in a file (the versions in the keys already make
    them unreachable)."""
    default_cache.clear()
    caches["pages"].clear()


def body(request, template: str, today: date, parts: tuple, context: Callable) -> SafeString:
    """The template rendered with ``context()`` (only called when the cache has nothing), for
    the request's runner and day; ``parts`` names what else the rendering depends on."""

    def render() -> tuple[str, str]:
        placeholder = secrets.token_hex(16)
        values = {**context(), "csrf_token": placeholder}
        return placeholder, render_to_string(template, values, request=request)

    placeholder, html = remember(
        request.user.profile, today, (template, request.path, *parts), render
    )
    return mark_safe(html.replace(placeholder, get_token(request)))
