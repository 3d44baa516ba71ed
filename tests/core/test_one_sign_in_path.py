"""There is one way to sign in: allauth's form, throttled, with MFA for staff.

Every URL that Django, Wagtail, allauth and this project mount is sent a valid username and
password the way a login form would receive them. None of them may leave the client signed in:
allauth's own form moves on to the authenticator step instead.
"""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

from core.roles import ENGAGEMENT_LEADS

PASSWORD = "correct horse battery staple"
EMAIL = "lead@council.example"
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
SAMPLE = {"int": "1", "str": "x", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def _routes(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def _concrete(route):
    """A path for a route, with each parameter given a sample value; None for regex routes."""
    path = PARAMETER.sub(lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    return None if any(c in path for c in "^$()[]?*+\\") else "/" + path


def every_path():
    paths = {_concrete(route) for route in _routes()}
    paths.discard(None)
    for language in ("pl", "ur"):  # the same URLs under each language prefix
        paths.add(f"/{language}/_util/login/")
    return sorted(paths)


@pytest.fixture
def lead(django_user_model):
    user = django_user_model.objects.create_user("lead", EMAIL, PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=ENGAGEMENT_LEADS))
    TOTP.activate(user, generate_totp_secret())
    return user


def _signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_no_url_signs_anyone_in_with_a_password_alone(client, lead):
    credentials = {"username": "lead", "login": EMAIL, "email": EMAIL, "password": PASSWORD}
    signed_in_by = []
    for path in every_path():
        client.cookies.clear()
        client.post(path, credentials)
        if _signed_in(client):
            signed_in_by.append(path)
    assert signed_in_by == []


@pytest.mark.django_db
def test_the_sign_in_form_asks_staff_for_their_authenticator(client, lead):
    response = client.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/")
    assert not _signed_in(client)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/_util/login/", "/pl/_util/login/", "/admin/password_reset/"])
def test_other_sign_in_and_password_pages_are_not_there(client, path):
    assert client.get(path).status_code == 404
    assert client.post(path, {"username": "lead", "password": PASSWORD}).status_code == 404


def test_the_walk_covers_the_libraries_urls():
    paths = every_path()
    for expected in ["/_util/login/", "/admin/login/", "/accounts/login/", "/admin/account/"]:
        assert expected in paths
