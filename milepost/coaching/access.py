"""The one access path: what a viewer may read of a runner.

A runner reads everything of their own; a coach reads a runner's data only through a live
grant, and only within its scopes (goals, reflections, runs). Every coach-side page, fragment,
PDF, e-mail and API answer asks here first; anything else is a 404 (the page does not say
whether the runner or the object exists)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.http import Http404

from .models import SCOPES, Grant


@dataclass(frozen=True)
class View:
    """What ``viewer`` may read of ``runner``: all of it for the runner, a grant's scopes for a
    coach. Read again on every request, so a change of scopes or a revoke is felt at once."""

    viewer: object
    runner: object
    scopes: frozenset[str]
    grant: Grant | None = None

    @property
    def is_owner(self) -> bool:
        return self.grant is None

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    def require(self, scope: str) -> None:
        if scope not in self.scopes:
            raise Http404("Nothing to see here")


def view_of(viewer, runner) -> View | None:
    """The viewer's view of the runner, or None when they may read nothing of it."""
    if not viewer.is_authenticated:
        return None
    if viewer.pk == runner.pk:
        return View(viewer, runner, frozenset(SCOPES))
    grant = Grant.objects.live().filter(runner=runner, coach=viewer).first()
    if grant is None or not grant.scopes:
        return None
    return View(viewer, runner, frozenset(grant.scopes), grant)


def client_or_404(coach, runner_pk, scope: str | None = None) -> View:
    """A coach's view of one client (by the runner's id), needing ``scope`` if given; a 404 for
    anyone without a live grant, or whose grant lacks the scope."""
    runner = get_user_model().objects.filter(pk=runner_pk).select_related("profile").first()
    view = view_of(coach, runner) if runner is not None else None
    if view is None or view.is_owner:
        raise Http404("Nothing to see here")
    if scope is not None:
        view.require(scope)
    return view


def live_grants(coach):
    """The coach's live grants (clients sharing something now), with their runners."""
    return Grant.objects.live().filter(coach=coach).select_related("runner__profile")


def runners_sharing(coach, scope: str):
    """Ids of the runners sharing ``scope`` with the coach now (for a query's ``__in``)."""
    return Grant.objects.with_scope(scope).filter(coach=coach).values("runner_id")
