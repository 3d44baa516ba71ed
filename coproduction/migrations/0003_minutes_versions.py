"""Minutes versions: what the chair approved is frozen; a correction is a new version.

Minutes already approved or published get their version 1 here, from what they hold today, and
comments made before that approval are marked as approved in it. Boards get 'who can join'.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

LOCKED = ["approved", "published"]


def _record(minutes):
    meeting = minutes.meeting
    return {
        "items": [
            {"heading": i.heading, "discussion": i.discussion, "decisions": i.decisions}
            for i in minutes.items.order_by("sort_order", "pk")
        ],
        "attendance": [
            {"membership": a.membership_id, "role": a.membership.role, "status": a.status}
            for a in meeting.attendance.select_related("membership").order_by("sort_order", "pk")
        ],
        "actions": [
            {
                "title": a.title,
                "owner": a.owner,
                "due_on": a.due_on.isoformat() if a.due_on else None,
            }
            for a in meeting.actions.order_by("pk")
        ],
        "theme_decisions": [
            {
                "phrase": d.suggested_phrase,
                "decision": d.decision,
                "new_name": d.new_name,
                "theme": d.theme.name if d.theme_id else "",
                "reason": d.reason,
            }
            for d in meeting.theme_decisions.select_related("theme").order_by("decided_at", "pk")
        ],
    }


def freeze_approved_minutes(apps, schema_editor):
    Minutes = apps.get_model("coproduction", "Minutes")
    MinutesVersion = apps.get_model("coproduction", "MinutesVersion")
    for minutes in Minutes.objects.filter(status__in=LOCKED).select_related("meeting"):
        meeting = minutes.meeting
        version = MinutesVersion.objects.create(
            minutes=minutes,
            number=1,
            summary=minutes.summary,
            easy_read_summary=minutes.easy_read_summary,
            meeting_starts_at=meeting.starts_at,
            meeting_ends_at=meeting.ends_at,
            meeting_place=meeting.place,
            record=_record(minutes),
            circulated_at=minutes.circulated_at,
            approved_at=minutes.approved_at or minutes.published_at or meeting.starts_at,
            approved_by_id=minutes.approved_by_id,
            published_at=minutes.published_at if minutes.status == "published" else None,
        )
        if minutes.status == "published" and version.published_at is None:
            version.published_at = version.approved_at
            version.save(update_fields=["published_at"])
        minutes.comments.update(approved_in=version)


class Migration(migrations.Migration):
    dependencies = [
        ("coproduction", "0002_themes_moved"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="board",
            name="who_can_join",
            field=models.TextField(
                blank=True,
                help_text="Who can join and how to ask. Plain English. Shown publicly.",
                verbose_name="who can join",
            ),
        ),
        migrations.AddField(
            model_name="minutes",
            name="change_note",
            field=models.TextField(
                blank=True, editable=False, verbose_name="what this version corrects"
            ),
        ),
        migrations.AddField(
            model_name="minutes",
            name="version",
            field=models.PositiveSmallIntegerField(
                default=1, editable=False, verbose_name="version"
            ),
        ),
        migrations.AddField(
            model_name="minutescomment",
            name="version",
            field=models.PositiveSmallIntegerField(default=1, editable=False),
        ),
        migrations.CreateModel(
            name="MinutesSendBack",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveSmallIntegerField()),
                (
                    "note",
                    models.TextField(max_length=2000, verbose_name="what needs to change"),
                ),
                ("sent_at", models.DateTimeField(auto_now_add=True)),
                (
                    "minutes",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="send_backs",
                        to="coproduction.minutes",
                    ),
                ),
                (
                    "sent_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["sent_at"]},
        ),
        migrations.AddField(
            model_name="minutescomment",
            name="sent_back",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="comments",
                to="coproduction.minutessendback",
            ),
        ),
        migrations.CreateModel(
            name="MinutesVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField(verbose_name="version")),
                (
                    "change_note",
                    models.TextField(blank=True, verbose_name="what this version corrects"),
                ),
                ("summary", models.TextField(blank=True)),
                ("easy_read_summary", models.TextField(blank=True)),
                ("meeting_starts_at", models.DateTimeField()),
                ("meeting_ends_at", models.DateTimeField(blank=True, null=True)),
                ("meeting_place", models.TextField(blank=True)),
                ("record", models.JSONField(blank=True, default=dict)),
                ("circulated_at", models.DateTimeField(blank=True, null=True)),
                ("approved_at", models.DateTimeField()),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "minutes",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="coproduction.minutes",
                    ),
                ),
            ],
            options={"ordering": ["minutes", "number"]},
        ),
        migrations.AddField(
            model_name="minutescomment",
            name="approved_in",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="comments",
                to="coproduction.minutesversion",
            ),
        ),
        migrations.AddConstraint(
            model_name="minutesversion",
            constraint=models.UniqueConstraint(
                fields=("minutes", "number"), name="one_version_number"
            ),
        ),
        migrations.RunPython(freeze_approved_minutes, migrations.RunPython.noop),
    ]
