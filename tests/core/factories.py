"""People, for every app's tests: a user, and a user in a product role."""

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


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
