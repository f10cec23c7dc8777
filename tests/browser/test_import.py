"""Importing runs in a real browser: pick files (or drop them), watch the import, read the
result file by file, then find the runs in the list and on their own page.

The real sample files (samples/) are used for the import itself but never photographed:
they are real people's runs (samples/MANIFEST.md). The screenshots come from a second journey
made of synthetic runs (formats/synthetic.py).
"""

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from milepost.accounts.models import Profile
from milepost.runs.formats.synthetic import fit_bytes, gpx_bytes, run_points, tcx_bytes
from milepost.runs.models import Activity, ImportBatch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def log_in(page, django_user_model, name="imogen", password="ten years of runs"):
    user = Profile.objects.create_runner(name, password=password)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(name)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()
    return user


def run_the_worker():
    call_command("db_worker", "--batch", verbosity=0)


@pytest.fixture(autouse=True)
def private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def test_two_sample_files_and_a_bad_one_show_in_the_result_table(page, django_user_model, tmp_path):
    user = log_in(page, django_user_model)
    bad = tmp_path / "broken.gpx"
    bad.write_bytes(b"<gpx><trk><trkseg><trkpt lat='52' lon='4'><time>never</time>")
    page.goto("/runs/import/")
    page.get_by_label("Activity files or an export archive").set_input_files(
        [SAMPLES / "fitparse/activity-small-fenix2-run.fit", SAMPLES / "tcxparser/test.tcx", bad]
    )
    expect(page.locator("[data-chosen] li")).to_have_count(3)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Importing your runs")).to_be_visible()
    run_the_worker()  # the background worker; the page polls until it is done
    expect(page.get_by_role("heading", name="Imported (2)")).to_be_visible()
    rejected = page.locator(".import-rejected tbody tr")
    expect(rejected).to_have_count(1)
    expect(rejected).to_contain_text("broken.gpx")
    expect(rejected).to_contain_text("Not imported")
    imported = page.locator(".import-imported tbody tr")
    expect(imported).to_have_count(2)
    expect(imported.first).to_contain_text("activity-small-fenix2-run.fit")
    assert Activity.objects.filter(owner=user).count() == 2
    assert ImportBatch.objects.get(owner=user).status == "done"


def synthetic_history() -> dict[str, bytes]:
    """Three weeks of made-up runs in three formats, a copy of one, and a broken file."""
    start = datetime(2025, 3, 3, 6, 40, tzinfo=UTC)
    files = {}
    for n in range(6):
        when = start + timedelta(days=3 * n, hours=n % 3)
        pieces = [(900 + 60 * n, 2.9), (60, 1.3), (1200 + 120 * n, 3.05)]
        points = run_points(
            when,
            pieces,
            cadence={2.9: 166, 1.3: 110, 3.05: 170},
            alt=lambda s: 20 + 15 * ((s // 300) % 2) + (s % 300) / 20,
        )
        kind = ("fit", "gpx", "tcx")[n % 3]
        writer = {"fit": fit_bytes, "gpx": gpx_bytes, "tcx": lambda p: tcx_bytes([p])}[kind]
        files[f"2025-03-{3 + 3 * n:02d}-morning.{kind}"] = writer(points)
        if n == 4:
            files["strava-copy-of-the-march-15-run.gpx"] = gpx_bytes(points, sport="running")
    files["watch-crashed.fit"] = files["2025-03-03-morning.fit"][:300]
    return files


def drop_files(page, selector: str, files: dict[str, bytes]) -> None:
    encoded = [[name, base64.b64encode(data).decode()] for name, data in files.items()]
    transfer = page.evaluate_handle(
        """(files) => {
            const dt = new DataTransfer();
            for (const [name, b64] of files) {
                const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                dt.items.add(new File([bytes], name));
            }
            return dt;
        }""",
        encoded,
    )
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


def test_a_runner_imports_by_drag_and_drop_then_reads_their_runs(page, shoot, django_user_model):
    user = log_in(page, django_user_model, "marek", "march of runs 25")
    user.profile.time_zone = "Europe/Warsaw"
    user.profile.save()
    page.goto("/runs/")
    shoot("runs-01-empty-list")
    page.get_by_role("link", name="Import runs").click()
    drop_files(page, "[data-dropzone]", synthetic_history())
    expect(page.locator("[data-chosen] li")).to_have_count(8)
    shoot("runs-02-import-chosen")
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#batch-status progress")).to_be_visible()
    shoot("runs-03-import-waiting")
    run_the_worker()
    expect(page.get_by_role("heading", name="Imported (6)")).to_be_visible()
    expect(page.get_by_role("heading", name="Already in your runs (1)")).to_be_visible()
    expect(page.locator(".import-duplicate")).to_contain_text("strava-copy-of-the-march-15-run.gpx")
    expect(page.locator(".import-rejected")).to_contain_text("watch-crashed.fit")
    shoot("runs-04-import-result")

    page.get_by_role("link", name="See your runs").click()
    expect(page.locator(".runs-table tbody tr")).to_have_count(6)
    shoot("runs-05-list")
    page.locator(".runs-table tbody tr").first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Best efforts in this run")).to_be_visible()
    shoot("runs-06-detail")
    page.get_by_label("Name").fill("Tempo by the river")
    page.get_by_label("This was a race").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Tempo by the river")).to_be_visible()
    page.get_by_role("link", name="Delete this run…").click()
    shoot("runs-07-delete-confirm")
    page.get_by_role("button", name="Delete it").click()
    expect(page.locator(".runs-table tbody tr")).to_have_count(5)

    page.get_by_role("link", name="Add a run by hand").click()
    page.get_by_label("Date").fill("2025-03-20")
    page.get_by_label("Distance").fill("5")
    page.locator("#id_time").fill("31:15")
    page.get_by_label("Good").check()
    shoot("runs-08-manual-entry")
    page.get_by_role("button", name="Add this run").click()
    expect(page.locator(".run-stats")).to_contain_text("6:15/km")
    assert Activity.objects.filter(owner=user).count() == 6
