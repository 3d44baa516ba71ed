"""When a response was tagged is kept to the day: the time tied it to the moment it was sent."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]

    operations = [
        migrations.RenameField("responseanalysis", "analysed_at", "analysed_on"),
        migrations.AlterField(
            model_name="responseanalysis",
            name="analysed_on",
            field=models.DateField(null=True),
        ),
    ]
