"""The one access path: the runner reads all of their own; a coach reads only within a live
grant's scopes, and a change is felt at once."""

import pytest
from django.http import Http404

from milepost.coaching import access, services
from milepost.coaching.models import GrantStatus, Invitation, InvitationKind

pytestmark = pytest.mark.django_db


def test_a_runner_sees_all_of_their_own(alice):
    view = access.view_of(alice, alice)
    assert view.is_owner and view.scopes == {"goals", "reflections", "runs"}


def test_nothing_is_visible_without_a_grant(alice, coach):
    assert access.view_of(coach, alice) is None
    with pytest.raises(Http404):
        access.client_or_404(coach, alice.pk)


def test_a_grant_shows_only_its_scopes(alice, coach):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    view = access.client_or_404(coach, alice.pk, "goals")
    assert view.scopes == {"goals"} and not view.is_owner
    with pytest.raises(Http404):
        access.client_or_404(coach, alice.pk, "reflections")
    with pytest.raises(Http404):
        access.client_or_404(coach, alice.pk, "runs")


def test_changing_scopes_pausing_and_revoking_take_effect_at_once(alice, coach):
    made = services.grant(runner=alice, coach=coach, scopes=["goals", "reflections"])
    assert access.client_or_404(coach, alice.pk, "reflections")
    services.grant(runner=alice, coach=coach, scopes=["runs"])
    with pytest.raises(Http404):
        access.client_or_404(coach, alice.pk, "reflections")
    services.set_status(grant=made, status=GrantStatus.PAUSED)
    with pytest.raises(Http404):
        access.client_or_404(coach, alice.pk)
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    assert access.client_or_404(coach, alice.pk, "goals")
    assert services.revoke(runner=alice, coach=coach)
    with pytest.raises(Http404):
        access.client_or_404(coach, alice.pk, "goals")
    assert not services.revoke(runner=alice, coach=coach)


def test_a_grant_is_between_that_runner_and_that_coach_only(alice, bob, coach):
    services.grant(runner=alice, coach=coach, scopes=["goals"])
    assert access.view_of(bob, alice) is None
    assert access.view_of(alice, coach) is None  # sharing is one way
    with pytest.raises(Http404):
        access.client_or_404(coach, bob.pk, "goals")
    with pytest.raises(Http404):
        access.client_or_404(coach, 999_999, "goals")


def test_unknown_or_no_scopes_are_refused_in_plain_words(alice, coach):
    with pytest.raises(services.CoachingError, match="at least one"):
        services.grant(runner=alice, coach=coach, scopes=[])
    with pytest.raises(services.CoachingError, match="Unknown scope 'notes'"):
        services.grant(runner=alice, coach=coach, scopes=["notes"])
    with pytest.raises(services.CoachingError, match="own coach"):
        services.grant(runner=alice, coach=alice, scopes=["goals"])


def test_a_runners_invitation_shares_what_the_runner_chose_once_accepted(alice, coach):
    invitation = services.invite(sender=alice, kind=InvitationKind.FROM_RUNNER, scopes=["runs"])
    assert access.view_of(coach, alice) is None  # nothing until the coach accepts
    grant = services.accept(invitation=invitation, user=coach, scopes=["goals", "runs"])
    assert grant.runner == alice and grant.coach == coach and grant.scopes == ["runs"]
    with pytest.raises(services.CoachingError, match="used"):
        services.accept(invitation=invitation, user=coach)


def test_a_coachs_invitation_shares_only_what_the_runner_picks(alice, coach):
    invitation = services.invite(sender=coach, kind=InvitationKind.FROM_COACH)
    assert invitation.scopes == []
    with pytest.raises(services.CoachingError, match="own invitation"):
        services.accept(invitation=invitation, user=coach, scopes=["goals"])
    grant = services.accept(invitation=invitation, user=alice, scopes=["goals", "reflections"])
    assert (grant.runner, grant.coach, grant.scopes) == (alice, coach, ["goals", "reflections"])
    assert Invitation.objects.get().used_by == alice


def test_a_withdrawn_invitation_cannot_be_used(alice, coach):
    invitation = services.invite(sender=coach, kind=InvitationKind.FROM_COACH)
    services.withdraw(invitation=invitation)
    with pytest.raises(services.CoachingError, match="withdrawn"):
        services.accept(invitation=invitation, user=alice, scopes=["goals"])
