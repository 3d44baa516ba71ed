"""People and rows for the themes tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import OFFICERS


def reviewer(username="reviewer"):
    """An officer: may confirm or reject theme tags."""
    user = get_user_model().objects.create_user(username)
    user.groups.add(Group.objects.get(name=OFFICERS))
    return user
