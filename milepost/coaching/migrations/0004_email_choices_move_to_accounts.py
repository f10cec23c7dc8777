"""Coaching e-mail choices move to accounts.EmailChoice, the one home of every kind of e-mail
choice (milepost/accounts/mail.py): each row is copied over, then the old table goes."""

from django.db import migrations


def copy_choices(apps, schema_editor):
    EmailSetting = apps.get_model("coaching", "EmailSetting")
    EmailChoice = apps.get_model("accounts", "EmailChoice")
    EmailChoice.objects.bulk_create(
        (
            EmailChoice(
                user_id=row.user_id,
                kind=row.kind,
                enabled=row.enabled,
                last_sent_on=row.last_sent_on,
            )
            for row in EmailSetting.objects.iterator()
        ),
        ignore_conflicts=True,
    )


def copy_back(apps, schema_editor):
    EmailSetting = apps.get_model("coaching", "EmailSetting")
    EmailChoice = apps.get_model("accounts", "EmailChoice")
    coaching_kinds = ["comment", "suggestion_answered", "digest"]
    EmailSetting.objects.bulk_create(
        EmailSetting(
            user_id=row.user_id,
            kind=row.kind,
            enabled=row.enabled,
            last_sent_on=row.last_sent_on,
        )
        for row in EmailChoice.objects.filter(kind__in=coaching_kinds).iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_verified_email_and_choices"),
        ("coaching", "0003_email_settings"),
    ]

    operations = [
        migrations.RunPython(copy_choices, copy_back),
        migrations.DeleteModel(name="EmailSetting"),
    ]
