"""Keeping nudges current without asking the other apps to call us.

- A change to a runner's runs, goals, check-ins or imports makes the day's nudge check stale,
  so the next dashboard view works the nudges out again (imports also refresh them at once).
- A round that starts answers the nudges open until that day: they close.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from milepost.goals.models import CheckIn, Goal
from milepost.reflection.models import Round
from milepost.runs.models import Activity, ImportBatch

from . import services
from .models import NudgeCheck


@receiver(post_save, sender=Activity)
@receiver(post_delete, sender=Activity)
@receiver(post_save, sender=Goal)
@receiver(post_delete, sender=Goal)
@receiver(post_save, sender=ImportBatch)
def runner_data_changed(sender, instance, **kwargs):
    services.mark_stale(instance.owner_id)


@receiver(post_save, sender=CheckIn)
@receiver(post_delete, sender=CheckIn)
def check_in_changed(sender, instance, **kwargs):
    NudgeCheck.objects.filter(owner__goal=instance.goal_id).delete()


@receiver(post_save, sender=Round)
def round_started(sender, instance, created, **kwargs):
    if created:
        day = instance.started_at.astimezone(instance.owner.profile.zone).date()
        services.close_answered(instance.owner, day)
