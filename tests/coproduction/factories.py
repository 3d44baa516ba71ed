import datetime

import factory
from django.utils import timezone

from coproduction.choices import BoardRole, MinutesStatus
from coproduction.minutes_versions import version_freeze
from coproduction.models import Action, Board, BoardMembership, Meeting, Minutes
from tests.core.factories import UserFactory, user_in_role

__all__ = [
    "ActionFactory",
    "BoardFactory",
    "MeetingFactory",
    "MembershipFactory",
    "MinutesFactory",
    "UserFactory",
    "user_in_role",
]


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
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    summary = "<p>The board reviewed waiting times.</p>"
    easy_read_summary = "We talked about waiting times."

    @factory.post_generation
    def approved_version(obj, create, extracted, **kwargs):
        """Approved or published minutes have the version the chair approved, as the
        workflow, imports and the migration give them."""
        approved = {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}
        if create and obj.status in approved and not obj.versions.exists():
            version_freeze(obj)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    board = factory.SubFactory(BoardFactory)
    title = "Publish assessment waiting times each month"
    owner = "Head of Assessment"
    owner_email = "assessment@council.example"
