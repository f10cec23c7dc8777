"""Django's `createsuperuser`, and the new user's profile with it (every user has one)."""

from django.contrib.auth.management.commands import createsuperuser

from milepost.accounts.models import Profile


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        Profile.objects.give_missing()
