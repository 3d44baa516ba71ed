"""The theme models now live in the `themes` app (its 0001 keeps their tables): insights only
forgets them. The roll-ups' foreign keys still point at the same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("coproduction", "0002_themes_moved"),
        ("insights", "0010_export_expired"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="commentanalysis",
                    name="comment",
                ),
                migrations.RemoveField(
                    model_name="responseanalysis",
                    name="response",
                ),
                migrations.RemoveField(
                    model_name="safeguardingflag",
                    name="comment",
                ),
                migrations.RemoveField(
                    model_name="safeguardingflag",
                    name="outcome_by",
                ),
                migrations.RemoveField(
                    model_name="safeguardingflag",
                    name="response",
                ),
                migrations.RemoveField(
                    model_name="thememention",
                    name="theme",
                ),
                migrations.AlterField(
                    model_name="dailythemerollup",
                    name="theme",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="themes.theme",
                    ),
                ),
                migrations.AlterField(
                    model_name="monthlythemerollup",
                    name="theme",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="themes.theme",
                    ),
                ),
                migrations.AlterField(
                    model_name="monthlytouchpointthemerollup",
                    name="theme",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="themes.theme",
                    ),
                ),
                migrations.AlterField(
                    model_name="monthlyequalitythemerollup",
                    name="theme",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="themes.theme",
                    ),
                ),
                migrations.RemoveField(
                    model_name="thememention",
                    name="comment",
                ),
                migrations.RemoveField(
                    model_name="thememention",
                    name="response",
                ),
                migrations.RemoveField(
                    model_name="thememention",
                    name="reviewed_by",
                ),
                migrations.RemoveField(
                    model_name="thememention",
                    name="service",
                ),
                migrations.DeleteModel(
                    name="CommentAnalysis",
                ),
                migrations.DeleteModel(
                    name="ResponseAnalysis",
                ),
                migrations.DeleteModel(
                    name="SafeguardingFlag",
                ),
                migrations.DeleteModel(
                    name="Theme",
                ),
                migrations.DeleteModel(
                    name="ThemeMention",
                ),
            ],
        ),
    ]
