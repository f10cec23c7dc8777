"""While brainstorming, what the runner wrote last time on a question is offered only after
their own first note on it in this round (it must not anchor them), and folded away."""

import uuid
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from milepost.reflection.models import Round, Stage

pytestmark = pytest.mark.django_db

LAST_TIME = "Kilometres on the chart, every Sunday."


@pytest.fixture
def new_round(alice, make_round):
    older = make_round(alice, stage=Stage.DONE, notes={"drive": "Pace, pace, pace."})
    last = make_round(alice, stage=Stage.DONE, notes={"drive": LAST_TIME})
    Round.objects.filter(pk=older.pk).update(started_at=datetime(2024, 3, 1, tzinfo=UTC))
    Round.objects.filter(pk=last.pk).update(started_at=datetime(2025, 3, 1, tzinfo=UTC))
    return make_round(alice, notes={})


def add(client, round, question, text, **headers):
    url = reverse("rounds:note_add", args=[round.pk])
    data = {"question": question, "text": text, "client_id": str(uuid.uuid4())}
    return client.post(url, data, **headers)


def brainstorm(client, round) -> str:
    return client.get(reverse("rounds:brainstorm", args=[round.pk])).content.decode()


def test_last_time_is_not_shown_before_the_first_note(alice_client, new_round):
    assert LAST_TIME not in brainstorm(alice_client, new_round)
    add(alice_client, new_round, "proud", "My first parkrun.")
    assert LAST_TIME not in brainstorm(alice_client, new_round)


def test_after_the_first_note_the_latest_earlier_round_is_offered_folded(alice_client, new_round):
    add(alice_client, new_round, "drive", "How it feels, mostly.")
    body = brainstorm(alice_client, new_round)
    assert LAST_TIME in body and "Pace, pace, pace." not in body
    assert body.count('id="last-drive"') == 1 and "hx-swap-oob" not in body
    details = body[body.index('id="last-drive"') :]
    assert details.index("<details>") < details.index("What you wrote last time (March 2025)")


def test_the_first_note_sent_by_htmx_brings_last_time_with_it(alice_client, new_round):
    first = add(alice_client, new_round, "drive", "How it feels.", HTTP_HX_REQUEST="true")
    assert 'id="last-drive" hx-swap-oob="true"' in first.content.decode()
    assert LAST_TIME in first.content.decode()
    second = add(alice_client, new_round, "drive", "And my watch.", HTTP_HX_REQUEST="true")
    assert LAST_TIME not in second.content.decode()


def test_a_first_round_has_nothing_to_offer(alice_client, alice, make_round):
    round = make_round(alice, notes={})
    response = add(alice_client, round, "drive", "Numbers!", HTTP_HX_REQUEST="true")
    assert "hx-swap-oob" not in response.content.decode()
    assert "What you wrote last time" not in brainstorm(alice_client, round)


def test_the_summary_of_a_round_still_reads(alice_client, new_round):
    add(alice_client, new_round, "drive", "How it feels, mostly.")
    url = reverse("rounds:summary", args=[new_round.pk])
    assert "How it feels, mostly." in alice_client.get(url).content.decode()
