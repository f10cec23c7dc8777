"""Deleting an account leaves no row and no file of the runner, and touches nobody else's."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command

from milepost.accounts.models import LoginFailure
from milepost.coaching.models import CoachNote, Grant, Invitation
from milepost.nudges.models import CalendarFeed
from milepost.portability import services
from milepost.portability.models import Export
from milepost.portability.registry import user_foreign_keys
from milepost.runs.models import ImportBatch, SourceFile

from .helpers import rich_runner

pytestmark = pytest.mark.django_db


def rows_per_model() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def rows_of(user) -> dict[str, int]:
    """Every row pointing at the user, by every foreign key to the user model."""
    counts = {}
    for label in user_foreign_keys():
        app_model, name = label.rsplit(".", 1)
        model = apps.get_model(app_model)
        counts[label] = model.objects.filter(**{name: user.pk}).count()
    return counts


def runner_with_files(client, tmp_path):
    runner, coach = rich_runner()
    CalendarFeed.renew_for(runner)
    Invitation.objects.create(sender=runner, kind="runner")
    export = services.start_export(owner=runner)
    services.run_export(export)
    batch = ImportBatch.objects.create(owner=runner, folder="upload-leftover")
    batch.upload_dir.mkdir(parents=True)
    (batch.upload_dir / "a.gpx").write_text("<gpx/>")
    client.force_login(runner)
    return runner, coach, [export.path, batch.upload_dir]


def test_deleting_an_account_leaves_nothing_of_the_runner(
    client, tmp_path, bob, alice, django_capture_on_commit_callbacks
):
    from milepost.runs.services import import_paths
    from milepost.runs.tests.helpers import RUN_GPX

    import_paths(owner=bob, paths=[RUN_GPX])
    Grant.objects.create(runner=bob, coach=alice, share_goals=True)
    runner, coach, files = runner_with_files(client, tmp_path)
    Grant.objects.create(runner=coach, coach=runner, share_runs=True)  # coached by the runner
    assert all(path.exists() for path in files)
    assert sum(rows_of(runner).values()) > 100
    assert Session.objects.count() == 1
    LoginFailure.objects.create(username=runner.username.upper(), address="127.0.0.1")
    LoginFailure.objects.create(username="bob", address="127.0.0.1")
    before = rows_per_model()
    others = {u.username: rows_of(u) for u in (bob, alice, coach)}
    with_runner = sum(rows_of(runner).values())

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(user=runner)

    assert not any(rows_of(runner).values())
    # The coach loses the grants both ways and the notes about the runner; nobody else a row.
    others[coach.username]["coaching.Grant.runner"] -= 1
    others[coach.username]["coaching.Grant.coach"] -= 1
    others[coach.username]["coaching.CoachNote.coach"] = 0
    # and what was the runner's: their round's question, a message on their goal, a suggestion
    others[coach.username]["reflection.RoundQuestion.asked_by"] -= 1
    others[coach.username]["goals.GoalComment.author"] -= 1
    others[coach.username]["goals.GoalSuggestion.coach"] -= 1
    assert {u.username: rows_of(u) for u in (bob, alice, coach)} == others
    assert not any(path.exists() for path in files)
    after = rows_per_model()
    assert after["auth.User"] == before["auth.User"] - 1
    assert after["sessions.Session"] == 0
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["bob"]
    assert not SourceFile.objects.filter(owner_id=runner.pk).exists()
    assert SourceFile.objects.filter(owner=bob).count() == 1
    assert not CoachNote.objects.filter(runner_id=runner.pk).exists()
    gone = sum(before.values()) - sum(after.values())
    assert gone >= with_runner  # notes, steps, items... go with their parents too


def test_deleting_an_account_leaves_none_of_its_pages_in_the_shared_cache_files(
    client, tmp_path, settings, django_capture_on_commit_callbacks
):
    runner, _, _ = runner_with_files(client, tmp_path)
    assert client.get("/dashboard/").status_code == 200
    folder = Path(settings.CACHES["pages"]["LOCATION"])
    assert list(folder.glob("*.djcache"))  # the dashboard, as the other web processes see it
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(user=runner)
    assert not list(folder.glob("*.djcache"))


def test_delete_account_command_needs_yes(alice):
    with pytest.raises(CommandError, match="add --yes") as refused:
        call_command("delete-account", "--user", "alice")
    assert refused.value.returncode == 2
    out = io.StringIO()
    call_command("delete-account", "--user", "alice", "--yes", stdout=out)
    assert "Deleted alice" in out.getvalue()
    assert not Export.objects.exists() and not type(alice).objects.filter(username="alice")


def test_commands_refuse_an_unknown_user():
    for command in (["delete-account", "--yes"], ["export", "-o", "x.zip"]):
        with pytest.raises(CommandError, match="no user named 'nobody'") as refused:
            call_command(*command, "--user", "nobody")
        assert refused.value.returncode == 2
