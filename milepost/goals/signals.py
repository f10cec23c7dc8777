"""What the runner's cached pages show (milepost/accounts/pagecache.py): a save or a delete of
any of these marks the runner's pages as changed, in the same transaction.

Writes that send no signal (bulk_create, QuerySet.update, raw SQL) call
``pagecache.mark_changed`` themselves, after writing: the runs' totals, the themes a round
proposes, nudges a round closes, the demo runner.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from milepost.accounts import pagecache
from milepost.nudges.models import CycleStart, Nudge
from milepost.reflection.models import Note, Round, RoundTheme
from milepost.runs.models import Activity

from .models import CheckIn, Goal, GoalPause, GoalRevision, Step

OWNED = [Goal, Activity, Round, Nudge, CycleStart]
OF_A_GOAL = [Step, CheckIn, GoalPause, GoalRevision]
OF_A_ROUND = [RoundTheme, Note]


def owned_changed(sender, instance, **kwargs):
    pagecache.mark_changed(instance.owner_id)


def goal_part_changed(sender, instance, **kwargs):
    pagecache.mark_changed_where(user__goal=instance.goal_id)


def round_part_changed(sender, instance, **kwargs):
    pagecache.mark_changed_where(user__round=instance.round_id)


def user_changed(sender, instance, **kwargs):
    pagecache.mark_changed(instance.pk)  # the username is the name shown until one is given


def connect() -> None:
    receivers = [
        *((model, owned_changed) for model in OWNED),
        *((model, goal_part_changed) for model in OF_A_GOAL),
        *((model, round_part_changed) for model in OF_A_ROUND),
        (settings.AUTH_USER_MODEL, user_changed),
    ]
    for model, receiver in receivers:
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(receiver, sender=model, dispatch_uid=f"pagecache {model} {name}")
