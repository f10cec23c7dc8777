"""Rosa takes her data with her and then leaves: the export from her profile page (its
progress, then its download), and deleting her account with her password asked again; on a
wide screen and on a phone."""

import pytest
from playwright.sync_api import expect

from milepost.portability import services
from milepost.portability.models import Export

from .conftest import ARTIFACTS
from .test_progress import a_runner_with_some_runs, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_runner_downloads_her_data_and_deletes_her_account(page, shoot, django_user_model, width):
    user, *_ = a_runner_with_some_runs(django_user_model)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page)
    page.goto("/accounts/profile/")
    section = page.get_by_role("region", name="Your data")
    expect(section).to_be_visible()
    section.screenshot(path=str(ARTIFACTS / f"data-{width}-01-profile-section.png"))
    shoot(f"data-{width}-01-profile")

    section.get_by_role("button", name="Download all my data").click()
    expect(page.get_by_role("heading", name="All your data, in one file")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Waiting to start")
    shoot(f"data-{width}-02-export-waiting")
    services.run_export(Export.objects.get(owner=user))  # what the worker does
    link = page.get_by_role("link", name="Download your data")
    expect(link).to_be_visible()  # the page polls and shows it without a reload
    shoot(f"data-{width}-03-export-ready")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("milepost-rosa-")

    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Delete my account").click()
    expect(page.get_by_role("heading", name="Keep a copy first?")).to_be_visible()
    shoot(f"data-{width}-04-delete")
    page.get_by_label("Your password").fill("not it")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_text("That is not your password. Nothing was deleted.")).to_be_visible()
    page.get_by_label("Your password").fill("hills on thursdays")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_text("Your account and everything in it are deleted.")).to_be_visible()
    shoot(f"data-{width}-05-deleted")
    assert not django_user_model.objects.filter(username="rosa").exists()
