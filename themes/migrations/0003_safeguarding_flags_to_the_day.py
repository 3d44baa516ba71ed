"""A safeguarding flag keeps the day it was raised and the day it is due, not times: the time it
was raised was, to the second, the time its response was sent."""

from django.db import migrations, models
from django.utils import timezone


class Migration(migrations.Migration):
    dependencies = [("themes", "0002_analysed_on_the_day_only")]

    operations = [
        migrations.RenameField("safeguardingflag", "raised_at", "raised_on"),
        migrations.AlterField(
            model_name="safeguardingflag",
            name="raised_on",
            field=models.DateField(default=timezone.localdate),
        ),
        migrations.RenameField("safeguardingflag", "due_by", "due_on"),
        migrations.AlterField(
            model_name="safeguardingflag",
            name="due_on",
            field=models.DateField(help_text="Due by the end of this day."),
        ),
        migrations.AlterModelOptions(
            name="safeguardingflag",
            options={
                "ordering": ["outcome", "due_on", "pk"],
                "permissions": [("review_safeguardingflag", "Can review safeguarding flags")],
            },
        ),
    ]
