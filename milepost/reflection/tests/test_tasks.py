from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from milepost import clock
from milepost.reflection.models import Stage
from milepost.reflection.tasks import remind_rest_over

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_sends_the_rest_reminder_once_the_rest_is_over(alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    round.start_rest(3)
    round.rest_until = clock.now() - timedelta(minutes=1)
    round.save(update_fields=["rest_until"])
    remind_rest_over.enqueue(round.pk)
    remind_rest_over.enqueue(round.pk)  # a duplicate never sends twice
    call_command("db_worker", "--batch", verbosity=0)
    assert len(mail.outbox) == 1
    assert "fresh look" in mail.outbox[0].subject


def test_a_reminder_for_a_rest_not_over_sends_nothing(alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    round.start_rest(3)
    remind_rest_over.enqueue(round.pk)
    call_command("db_worker", "--batch", verbosity=0)
    assert mail.outbox == []
