"""The profile page's "Your data": an export made in the background with its progress and
download, and deleting the account with the password asked again."""

import io
import zipfile

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from milepost.portability import services
from milepost.portability.models import Export, ExportStatus
from milepost.runs.models import Activity, ImportBatch
from milepost.runs.services import run_batch

from .helpers import rich_runner

pytestmark = pytest.mark.django_db


def test_the_profile_offers_the_export_and_deletion(alice_client):
    body = alice_client.get(reverse("accounts:profile")).content.decode()
    assert "Download all my data" in body and reverse("portability:delete") in body


def test_an_export_is_queued_shows_its_progress_and_then_its_download(alice_client, alice):
    response = alice_client.post(reverse("portability:export_start"))
    export = Export.objects.get(owner=alice)
    assert response["Location"] == export.get_absolute_url()
    assert DBTaskResult.objects.filter(args_kwargs__args=[export.pk]).exists()
    page = alice_client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    assert "Waiting to start" in page.content.decode() and 'hx-trigger="every 1s"' in (
        page.content.decode()
    )
    assert services.make_export.call(export.pk) > 0
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE and export.percent == 100
    page = alice_client.get(export.get_absolute_url()).content.decode()
    assert "Download your data" in page and "hx-trigger" not in page
    assert "ready" in alice_client.get(reverse("accounts:profile")).content.decode()
    download = alice_client.get(reverse("portability:download", args=[export.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="milepost-alice-')
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as zf:
        assert "manifest.json" in zf.namelist()


def test_an_export_not_ready_is_not_downloaded(alice_client, alice):
    export = Export.objects.create(owner=alice, file_name="export-x.zip")
    assert alice_client.get(reverse("portability:download", args=[export.pk])).status_code == 404


def test_the_web_import_page_restores_an_export(client):
    runner, _ = rich_runner()
    export = services.start_export(owner=runner)
    services.run_export(export)
    from milepost.accounts.models import Profile

    other = Profile.objects.create_runner("copy", "", "copy pass 42")
    client.force_login(other)
    with export.path.open("rb") as upload:
        response = client.post(reverse("runs:import"), {"files": [upload]})
    batch = ImportBatch.objects.get(owner=other)
    assert response["Location"] == batch.get_absolute_url()
    run_batch(batch)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Milepost export of demo restored" in page
    assert (
        Activity.objects.filter(owner=other).count()
        == Activity.objects.filter(owner=runner).count()
    )


def test_deleting_asks_for_the_password_again(alice_client, alice):
    url = reverse("portability:delete")
    page = alice_client.get(url).content.decode()
    assert "Keep a copy first?" in page and 'autocomplete="current-password"' in page
    wrong = alice_client.post(url, {"password": "nope", "confirm": "on"})
    assert "That is not your password" in wrong.content.decode()
    assert type(alice).objects.filter(pk=alice.pk).exists()
    done = alice_client.post(url, {"password": "correct horse 42", "confirm": "on"})
    assert done["Location"] == reverse("home")
    assert not type(alice).objects.filter(pk=alice.pk).exists()
    assert alice_client.get(reverse("dashboard")).status_code == 302  # logged out
