"""The safeguarding queue and the theme tags to review cost the same queries at any length."""

import pytest
from django.utils import timezone

from core import roles
from tests.core.factories import UserFactory, user_in_role
from tests.query_counts import assert_queries_flat
from tests.surveys.factories import FreeTextAnswerFactory, ResponseFactory, TouchpointFactory
from tests.themes.factories import SafeguardingFlagFactory, ThemeFactory, ThemeMentionFactory
from themes.models import SafeguardingFlag

pytestmark = pytest.mark.django_db


def _comment():
    return FreeTextAnswerFactory(response=ResponseFactory(touchpoint=TouchpointFactory()))


def _flags(count):
    """Half open, half decided by someone, so both kinds of row are drawn."""
    for number in range(count):
        decided = number % 2
        SafeguardingFlagFactory(
            comment=_comment(),
            categories=["neglect"],
            outcome=SafeguardingFlag.Outcome.NOT_A_CONCERN if decided else "",
            outcome_by=UserFactory() if decided else None,
            outcome_at=timezone.now() if decided else None,
        )


def _mentions(count):
    for _ in range(count):
        ThemeMentionFactory(
            comment=_comment(), theme=ThemeFactory(), evidence="Nobody rang me back."
        )


def test_safeguarding_queue_queries_do_not_grow_with_flags(client, django_assert_max_num_queries):
    client.force_login(user_in_role(roles.SAFEGUARDING_LEADS))
    assert_queries_flat(
        client,
        "/admin/themes/safeguarding/",
        _flags,
        django_assert_max_num_queries,
        shown="<td>Neglect or acts of omission</td>",
    )


def test_theme_tag_review_list_queries_do_not_grow_with_tags(client, django_assert_max_num_queries):
    client.force_login(user_in_role(roles.OFFICERS))
    assert_queries_flat(
        client,
        "/admin/themes/tags/",
        _mentions,
        django_assert_max_num_queries,
        shown="Nobody rang me back.",
    )
