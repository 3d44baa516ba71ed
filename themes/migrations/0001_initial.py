"""The theme models move here from `insights`, keeping their tables (`insights_theme`, ...).

Nothing changes in the database but the content types, so permissions, groups and audit
entries that name these models follow them: `insights.review_thememention` becomes
`themes.review_thememention` for everyone who held it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ["theme", "responseanalysis", "commentanalysis", "thememention", "safeguardingflag"]
RENAMED_LOG_ACTIONS = {"insights.safeguarding_outcome": "themes.safeguarding_outcome"}


def move_content_types(apps, schema_editor, source="insights", target="themes"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MOVED_MODELS).update(app_label=target)
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    renames = RENAMED_LOG_ACTIONS if target == "themes" else {v: k for k, v in RENAMED_LOG_ACTIONS.items()}
    for old, new in renames.items():
        ModelLogEntry.objects.filter(action=old).update(action=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="themes", target="insights")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("insights", "0010_export_expired"),
        ("surveys", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0063_modellogentry"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Theme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, unique=True)),
                        ('key', models.SlugField(help_text='Stable identifier.', max_length=80, unique=True)),
                        ('description', models.TextField(blank=True, verbose_name='plain-English description')),
                        ('phrases', models.TextField(blank=True, help_text='Words and phrases that signal this theme, one per line.')),
                        ('problem_phrases', models.TextField(blank=True, help_text="Phrases that describe a problem on their own ('waiting list'), one per line.")),
                        ('patterns', models.TextField(blank=True, help_text='Regular expressions for harder cases, one per line.')),
                        ('negative_only', models.BooleanField(default=False, help_text='Only tag this theme when the comment is critical.')),
                        ('cqc_quality_statements', models.JSONField(blank=True, default=list, help_text='Codes from the CQC local authority assessment framework.', verbose_name='CQC quality statements')),
                        ('i_statements', models.TextField(blank=True, help_text='One per line.', verbose_name="Making It Real 'I statements'")),
                        ('is_active', models.BooleanField(default=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('is_safeguarding', models.BooleanField(default=False, help_text='Mentions are kept out of board packs and public reports.')),
                    ],
                    options={
                        'db_table': 'insights_theme',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='CommentAnalysis',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sentiment', models.CharField(choices=[('positive', 'Positive'), ('neutral', 'Neutral'), ('negative', 'Negative')], max_length=10)),
                        ('compound', models.FloatField()),
                        ('redacted_text', models.TextField()),
                        ('redactions', models.JSONField(blank=True, default=dict)),
                        ('comment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='analysis', to='surveys.freetextanswer')),
                    ],
                    options={
                        'db_table': 'insights_commentanalysis',
                    },
                ),
                migrations.CreateModel(
                    name='ResponseAnalysis',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('pending', 'Waiting'), ('done', 'Done'), ('failed', 'Failed, will retry')], default='pending', max_length=10)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('sentiment', models.CharField(blank=True, choices=[('positive', 'Positive'), ('neutral', 'Neutral'), ('negative', 'Negative')], max_length=10)),
                        ('compound', models.FloatField(null=True)),
                        ('is_flagged', models.BooleanField(default=False)),
                        ('analysed_at', models.DateTimeField(null=True)),
                        ('error', models.CharField(blank=True, max_length=200)),
                        ('response', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='analysis', to='surveys.response')),
                    ],
                    options={
                        'db_table': 'insights_responseanalysis',
                        'indexes': [models.Index(fields=['status'], name='insights_re_status_0938e1_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='SafeguardingFlag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('categories', models.JSONField(default=list)),
                        ('evidence', models.TextField(help_text='The sentences that raised the flag.')),
                        ('matched_words', models.JSONField(default=list)),
                        ('raised_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('due_by', models.DateTimeField()),
                        ('outcome', models.CharField(blank=True, choices=[('', 'Waiting for review'), ('raised', 'Raised as a safeguarding concern'), ('not_a_concern', 'Not a concern'), ('signposted', 'Signposted to other help')], default='', max_length=20)),
                        ('outcome_notes', models.TextField(blank=True)),
                        ('outcome_at', models.DateTimeField(blank=True, null=True)),
                        ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='safeguarding_flags', to='surveys.freetextanswer')),
                        ('outcome_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='safeguarding_flags', to='surveys.response')),
                    ],
                    options={
                        'db_table': 'insights_safeguardingflag',
                        'ordering': ['outcome', 'due_by'],
                        'permissions': [('review_safeguardingflag', 'Can review safeguarding flags')],
                        'constraints': [models.UniqueConstraint(fields=('comment',), name='one_flag_per_comment')],
                    },
                ),
                migrations.CreateModel(
                    name='ThemeMention',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('submitted_on', models.DateField()),
                        ('sentiment', models.CharField(choices=[('positive', 'Positive'), ('neutral', 'Neutral'), ('negative', 'Negative')], max_length=10)),
                        ('compound', models.FloatField(default=0)),
                        ('evidence', models.TextField(help_text='The sentence that mentions the theme, redacted.')),
                        ('sentence_index', models.PositiveSmallIntegerField(default=0)),
                        ('matched_words', models.JSONField(default=list)),
                        ('source', models.CharField(choices=[('rule', 'Phrase rules'), ('model', 'Learned from staff'), ('staff', 'Added by staff')], default='rule', max_length=10)),
                        ('confidence', models.FloatField(default=1)),
                        ('review', models.CharField(blank=True, choices=[('', 'Not reviewed'), ('confirmed', 'Confirmed'), ('rejected', 'Rejected')], default='', max_length=10)),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                        ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='theme_mentions', to='surveys.freetextanswer')),
                        ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='theme_mentions', to='surveys.response')),
                        ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='surveys.service')),
                        ('theme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='themes.theme')),
                    ],
                    options={
                        'db_table': 'insights_thememention',
                        'permissions': [('review_thememention', 'Can confirm or reject theme tags')],
                        'indexes': [models.Index(fields=['theme', 'submitted_on'], name='insights_th_theme_i_a6d8db_idx'), models.Index(fields=['service', 'submitted_on'], name='insights_th_service_a1bba7_idx'), models.Index(fields=['submitted_on'], name='insights_mention_day'), models.Index(fields=['theme', 'compound', '-confidence'], name='insights_mention_quotes')],
                        'constraints': [models.UniqueConstraint(fields=('comment', 'theme'), name='one_mention_per_theme')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
