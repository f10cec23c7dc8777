import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A private iCalendar feed; whoever has the secret URL can read it, so it can be renewed."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar of {self.owner}"

    def get_absolute_url(self):
        return reverse("nudges:calendar_feed", args=[self.token])

    def regenerate(self) -> None:
        self.token = new_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])
