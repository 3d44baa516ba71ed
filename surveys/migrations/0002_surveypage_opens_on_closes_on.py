from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveypage",
            name="opens_on",
            field=models.DateField(
                blank=True,
                help_text="Leave blank to open when published.",
                null=True,
                verbose_name="opens on",
            ),
        ),
        migrations.AddField(
            model_name="surveypage",
            name="closes_on",
            field=models.DateField(
                blank=True,
                help_text="The last day it takes answers. Leave blank to keep it open.",
                null=True,
                verbose_name="closes on",
            ),
        ),
        migrations.AlterField(
            model_name="surveypage",
            name="accepting_responses",
            field=models.BooleanField(
                default=True,
                help_text="Untick to close the survey now, whatever its dates say.",
                verbose_name="accepting responses",
            ),
        ),
    ]
