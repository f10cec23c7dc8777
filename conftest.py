"""Shared test setup: a small cast of runners and their rounds and goals.

The private data directory is set up by tests/data_dir.py, loaded before Django starts."""

import os

import pytest

# Themes are read by the rules alone in tests, so that a test's expected themes follow from its
# notes by the rules it documents; the packaged model, on by default, has its own tests
# (milepost/reflection/tests/test_theme_model.py) and a floor on the frozen sets.
os.environ.setdefault("MILEPOST_THEME_MODEL", "false")


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages (milepost/accounts/pagecache.py)."""
    from milepost.accounts import pagecache

    pagecache.forget_all()


@pytest.fixture
def alice(django_user_model):
    from milepost.accounts.models import Profile

    user = Profile.objects.create_runner(
        "alice", "alice@example.org", "correct horse 42", email_verified=True
    )
    user.profile.name = "Alice"
    user.profile.weekly_minutes = 240
    user.profile.save()
    return user


@pytest.fixture
def bob(django_user_model):
    from milepost.accounts.models import Profile

    return Profile.objects.create_runner(
        "bob", "bob@example.org", "battery staple 42", email_verified=True
    )


@pytest.fixture
def coach(django_user_model):
    """Cora, a running coach (any account can coach: a runner grants it access)."""
    from milepost.accounts.models import Profile

    user = Profile.objects.create_runner(
        "cora", "cora@example.org", "coach cora 2026", email_verified=True
    )
    user.profile.name = "Cora"
    user.profile.save()
    return user


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def travel(monkeypatch):
    """Moves Milepost's clock: travel(days=4) makes it four days later from then on;
    travel(to=moment) makes it that aware datetime (and the clock runs on from there)."""
    from datetime import timedelta

    from django.utils import timezone

    from milepost import clock

    def move(to=None, **delta):
        offset = clock.offset if to is None else to - timezone.now()
        monkeypatch.setattr(clock, "offset", offset + timedelta(**delta))

    return move


@pytest.fixture
def make_round():
    """A round of the given runner, brought to the given stage with a few notes."""
    from milepost.reflection.models import Note, Round, RoundTheme, Stage, ThemeStatus

    def make(owner, stage=Stage.BRAINSTORM, notes=None, themes=("numbers", "social")):
        round = Round.objects.create(owner=owner, reason="new_cycle", stage=stage)
        if notes is None:
            notes = {"drive": "I check my watch stats before coffee."}
        for question, text in notes.items():
            Note.objects.create(round=round, question=question, text=text)
        if Stage.values.index(stage) > Stage.values.index(Stage.THEMES):
            for i, key in enumerate(themes):
                RoundTheme.objects.create(
                    round=round, key=key, status=ThemeStatus.CONFIRMED, most_important=i == 0
                )
        return round

    return make


@pytest.fixture
def make_goal():
    from milepost.goals.models import Goal

    def make(owner, round=None, **fields):
        defaults = dict(title="Run to the lighthouse with Sam", themes=["social"])
        return Goal.objects.create(owner=owner, round=round, **{**defaults, **fields})

    return make
