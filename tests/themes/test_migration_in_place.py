"""An existing database moves its theme models from insights to themes in place, losing nothing.

The database is taken back to the release before the move (insights 0010, coproduction 0001, no
themes app), filled the way that release's code wrote (its models, its content types, its
permission names, its audit actions), then migrated forward.
"""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coproduction.models import Action
from surveys.models import FreeTextAnswer
from tests.coproduction.factories import ActionFactory
from tests.insights.factories import response_with
from themes.models import ResponseAnalysis, SafeguardingFlag, Theme, ThemeMention

BEFORE_THE_MOVE = [
    ("insights", "0010_export_expired"),
    ("coproduction", "0001_initial"),
    ("themes", None),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    return executor.migrate(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_database_moves_theme_models_in_place(touchpoint):
    response = response_with(touchpoint, date(2026, 3, 5), themes=["respite"])
    comment = FreeTextAnswer.objects.get(response=response)
    respite = Theme.objects.get(key="respite")
    action = ActionFactory()

    old = _migrate(BEFORE_THE_MOVE)
    OldTheme = old.get_model("insights", "Theme")
    OldMention = old.get_model("insights", "ThemeMention")
    OldFlag = old.get_model("insights", "SafeguardingFlag")
    OldAnalysis = old.get_model("insights", "ResponseAnalysis")
    OldAction = old.get_model("coproduction", "Action")
    ContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    OldGroup = old.get_model("auth", "Group")
    OldLogEntry = old.get_model("wagtailcore", "ModelLogEntry")
    # As the old release left them: the rows in insights' tables, its permission names.
    assert OldMention.objects.filter(comment_id=comment.pk, theme__key="respite").count() == 1
    mention_type = ContentType.objects.get(app_label="insights", model="thememention")
    review = OldPermission.objects.get(content_type=mention_type, codename="review_thememention")
    reviewers = OldGroup.objects.create(name="Old reviewers")
    reviewers.permissions.add(review)
    waiting = OldTheme.objects.get(key="waiting_times")
    OldAction.objects.get(pk=action.pk).themes.add(waiting)
    OldFlag.objects.create(
        comment_id=comment.pk,
        response_id=response.pk,
        categories=["neglect"],
        evidence="evidence",
        due_by=datetime(2030, 1, 1, tzinfo=UTC),
    )
    OldAnalysis.objects.create(response_id=response.pk, status="done")
    flag_type = ContentType.objects.get(app_label="insights", model="safeguardingflag")
    OldLogEntry.objects.create(
        content_type=flag_type,
        label="flag",
        action="insights.safeguarding_outcome",
        object_id="1",
        timestamp=datetime(2026, 3, 6, tzinfo=UTC),
    )

    _migrate(_latest())

    mention = ThemeMention.objects.get(comment=comment)
    assert mention.theme == respite and mention.response_id == response.pk
    assert SafeguardingFlag.objects.get(comment=comment).categories == ["neglect"]
    assert ResponseAnalysis.objects.get(response=response).status == "done"
    assert list(Action.objects.get(pk=action.pk).themes.values_list("key", flat=True)) == [
        "waiting_times"
    ]
    group = Group.objects.get(name="Old reviewers")
    assert [p.content_type.app_label for p in group.permissions.all()] == ["themes"]
    assert group.permissions.get().codename == "review_thememention"
    from django.contrib.contenttypes.models import ContentType as LiveContentType
    from wagtail.models import ModelLogEntry

    assert not LiveContentType.objects.filter(app_label="insights", model="thememention").exists()
    assert LiveContentType.objects.get_for_model(ThemeMention).pk == mention_type.pk
    assert ModelLogEntry.objects.get(label="flag").action == "themes.safeguarding_outcome"
