from django.db import migrations


def load(apps, schema_editor):
    from themes.taxonomy import load_default_taxonomy

    load_default_taxonomy(apps.get_model("insights", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("insights", "0002_remove_theme_cqc_quality_statement_and_more")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
