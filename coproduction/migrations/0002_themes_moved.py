"""Themes moved to the `themes` app with their table: only Django's idea of the target changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("coproduction", "0001_initial"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="action",
                    name="themes",
                    field=models.ManyToManyField(
                        blank=True, related_name="board_actions", to="themes.theme"
                    ),
                ),
                migrations.AlterField(
                    model_name="themereviewdecision",
                    name="theme",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The theme it became, or was merged into.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="themes.theme",
                    ),
                ),
            ],
        ),
    ]
