import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from coproduction.choices import BoardRole
from coproduction.models import Action, Board, BoardMembership, Meeting, Minutes


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}@example.org")
    email = factory.SelfAttribute("username")
    first_name = "Test"
    password = factory.django.Password("a-long-test-password")


def user_in_role(role=None, *, mfa=True, **kwargs):
    """A user in a product role (a group name), with an authenticator unless mfa=False."""
    user = UserFactory(**kwargs)
    if role:
        user.groups.add(Group.objects.get(name=role))
    if mfa:
        TOTP.activate(user, generate_totp_secret())
    return user


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Test board {n}")
    slug = factory.Sequence(lambda n: f"test-board-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMembership

    board = factory.SubFactory(BoardFactory)
    user = factory.SubFactory(UserFactory)
    role = BoardRole.RESIDENT


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    title = "Quarterly meeting"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    place = "Town Hall, Room 2"


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    summary = "<p>The board reviewed waiting times.</p>"
    easy_read_summary = "We talked about waiting times."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    board = factory.SubFactory(BoardFactory)
    title = "Publish assessment waiting times each month"
    owner = "Head of Assessment"
    owner_email = "assessment@council.example"
