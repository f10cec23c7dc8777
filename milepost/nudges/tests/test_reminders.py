from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from milepost import clock
from milepost.accounts import pagecache
from milepost.goals.models import Status, Step
from milepost.nudges import services
from milepost.nudges.models import Nudge
from milepost.nudges.reminders import send_due_nudges, send_due_reminders, send_due_step_reminders
from milepost.nudges.tasks import schedule_reminders, send_reminders

from .helpers import comeback

pytestmark = pytest.mark.django_db


def test_a_step_due_today_is_e_mailed_once(alice, make_goal, travel):
    goal = make_goal(alice, title="Coast path with Jo", status=Status.ACTIVE)
    today = clock.now().date()
    Step.objects.create(goal=goal, title="Run 8 km", due=today + timedelta(days=1))
    Step.objects.create(goal=goal, title="Ancient step", due=today - timedelta(days=30))
    assert send_due_step_reminders() == 0
    travel(days=1)
    assert send_due_step_reminders() == 1
    assert send_due_step_reminders() == 0
    assert len(mail.outbox) == 1
    assert "Run 8 km" in mail.outbox[0].body
    assert "Ancient step" not in mail.outbox[0].body
    assert f"/goals/{goal.pk}/" in mail.outbox[0].body


def test_steps_of_goals_not_active_and_runners_without_e_mail_are_left_alone(alice, bob, make_goal):
    today = clock.now().date()
    someday = make_goal(alice, status=Status.SOMEDAY)
    Step.objects.create(goal=someday, title="Someday step", due=today)
    bob.email = ""
    bob.save()
    Step.objects.create(goal=make_goal(bob, status=Status.ACTIVE), title="Bob's", due=today)
    assert send_due_step_reminders() == 0
    assert mail.outbox == []


def test_remind_reports_what_it_sent(alice, make_goal, capsys):
    goal = make_goal(alice, status=Status.ACTIVE)
    Step.objects.create(goal=goal, title="Run 5 km", due=clock.now().date())
    call_command("remind")
    assert (
        "0 rest-over reminders and 1 step reminder sent. 0 new nudges e-mailed."
        in capsys.readouterr().out
    )


def test_the_reminder_job_queues_itself_again_and_only_once(alice):
    from django_tasks_db.models import DBTaskResult

    schedule_reminders()
    schedule_reminders()
    assert DBTaskResult.objects.count() == 1
    send_reminders.call()
    queued = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert queued.run_after > clock.now() + timedelta(minutes=10)


# Nudges ------------------------------------------------------------------------------------


def test_a_new_nudge_is_e_mailed_once(alice, bob):
    comeback(alice, back_days_ago=2, off=18)
    comeback(bob)
    bob.email = ""
    bob.save()
    assert send_due_reminders()["nudges"] == 1  # the daily check finds it, then it is sent
    assert send_due_reminders()["nudges"] == 0
    pagecache.mark_changed(alice.pk)
    services.refresh_nudges(alice)
    assert send_due_reminders()["nudges"] == 0
    [message] = mail.outbox
    assert message.to == ["alice@example.org"]
    assert message.subject == "Time for a fresh look at your goals?"
    assert "Hello Alice," in message.body
    assert "Welcome back: your first run after 18 days off." in message.body
    assert "http://127.0.0.1:8000/rounds/new/?reason=break" in message.body
    assert "&#x27;" not in message.body and "'" in message.body
    assert Nudge.objects.get(owner=alice).emailed_at is not None
    assert Nudge.objects.get(owner=bob).emailed_at is None


def test_dismissed_and_snoozed_nudges_are_not_e_mailed(alice, bob, travel):
    comeback(alice)
    comeback(bob)
    [dismissed] = services.refresh_nudges(alice)
    dismissed.dismiss()
    [snoozed] = services.refresh_nudges(bob)
    snoozed.snooze(clock.now().date() + timedelta(days=7))
    assert send_due_nudges() == 0
    travel(days=7)
    assert send_due_nudges() == 1
    assert mail.outbox[0].to == ["bob@example.org"]


@pytest.mark.django_db(transaction=True)  # the worker manages its own transactions
def test_the_worker_queues_the_reminder_job_whatever_starts_it(alice, monkeypatch):
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(Worker, "configure_signals", lambda self: None)
    call_command("db_worker", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
    jobs = DBTaskResult.objects.filter(task_path=send_reminders.module_path)
    assert [job.status for job in jobs.order_by("enqueued_at")] == ["SUCCESSFUL", "READY"]


@pytest.mark.django_db(transaction=True)  # the worker manages its own transactions
def test_a_batch_run_of_the_worker_queues_nothing(alice):
    from django_tasks_db.models import DBTaskResult

    call_command("db_worker", "--batch", verbosity=0)
    assert not DBTaskResult.objects.exists()


def test_a_reminder_job_left_running_by_a_dead_worker_does_not_block_the_next(alice):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    schedule_reminders()
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now() - timedelta(hours=2))
    schedule_reminders()
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_plain_text_e_mails_show_what_the_runner_wrote_without_html_escapes(alice, make_goal):
    goal = make_goal(alice, title="Tom's 5k & more", status=Status.ACTIVE)
    Step.objects.create(goal=goal, title='Run "hills" <fast>', due=clock.now().date())
    send_due_step_reminders()
    body = mail.outbox[0].body
    assert "Tom's 5k & more" in body and 'Run "hills" <fast>' in body
    assert "&amp;" not in body and "&#x27;" not in body
