"""The pages a runner sees when something is missing or broken: in the site's words and look."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_a_missing_page_is_friendly_and_in_the_site_s_style(client):
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "We can't find that page" in body
    assert 'class="site-header"' in body  # the site's own header and menu
    assert "Go to the Milepost home page" in body


def test_a_missing_page_offers_the_runner_their_goals(alice_client):
    body = alice_client.get("/no-such-page/").content.decode()
    assert "Go to your goals" in body


def test_a_server_error_page_stands_alone_without_the_database():
    # No django_db mark: any query here would fail the test.
    response = server_error(RequestFactory().get("/dashboard/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in body
    assert "<style>" in body and "{%" not in body and "{{" not in body
