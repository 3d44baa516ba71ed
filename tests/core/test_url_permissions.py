"""Every URL of the product, against every role: who gets the page, and who doesn't.

The test walks the URL configuration, so a new view without a row here fails the suite.
"Allowed" means the page (200). "Refused" means a redirect to sign in or to the admin
dashboard, 403, 404 or 410: never the page. POST-only views never give a page to a GET.
See docs/roles-and-permissions.md for the permissions behind these rows.
"""

import io
import uuid
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import get_resolver
from django.urls.resolvers import URLResolver
from wagtail.images import get_image_model

from core import roles

PUBLIC, BOARD, OFFICER, LEAD, SAFEGUARDING, ADMIN = (
    "public",
    "board member",
    "officer",
    "engagement lead",
    "safeguarding lead",
    "administrator",
)
EVERYONE = {PUBLIC, BOARD, OFFICER, LEAD, SAFEGUARDING, ADMIN}
SIGNED_IN = EVERYONE - {PUBLIC}
ROLE_GROUPS = {
    BOARD: roles.BOARD_MEMBERS,
    OFFICER: roles.OFFICERS,
    LEAD: roles.ENGAGEMENT_LEADS,
    SAFEGUARDING: roles.SAFEGUARDING_LEADS,
    ADMIN: roles.ADMINISTRATORS,
}
# Our views mounted outside any namespace: the health check, and uploaded images served from
# the file storage (core.views.media; papers and exports never go through it).
OUR_ROOT_NAMES = {"healthz", "media"}
POST_ONLY = "post only"
MOVED = "moved for good"  # a 301 for everyone
REFUSED = {302, 403, 404, 405, 410}
OUR_NAMESPACES = {
    "core",
    "surveys",
    "surveys_staff",
    "insights",
    "themes_staff",
    "coproduction",
    "coproduction_safeguarding",
}

# url name → roles that get the page with GET.
EXPECTED = {
    "healthz": EVERYONE,
    "core:privacy": EVERYONE,
    "core:accessibility": EVERYONE,
    # The resident's journey: open to all, no account needed.
    "surveys:touchpoint": EVERYONE,
    "surveys:touchpoint-easy-read": EVERYONE,
    "surveys:receipt-lookup": EVERYONE,
    "media": EVERYONE,
    "surveys:receipt-lookup-easy-read": EVERYONE,
    # These answer a POST holding a receipt code; the confirmation page's address works once.
    # A GET finds nothing (405, 302 or 410), whoever asks.
    "surveys:thanks": set(),
    "surveys:contact-me": set(),
    "surveys:withdraw": set(),
    # Staff screens for responses, cards and contact details.
    "surveys_staff:responses": {OFFICER, LEAD, SAFEGUARDING},
    "surveys_staff:response-detail": {OFFICER, LEAD, SAFEGUARDING},
    "surveys_staff:entry-choose": {OFFICER, LEAD},
    "surveys_staff:entry": {OFFICER, LEAD},
    "surveys_staff:import": {OFFICER, LEAD},
    "surveys_staff:import-template": {OFFICER, LEAD},
    "surveys_staff:export": {LEAD},
    "surveys_staff:cards": {OFFICER, LEAD},
    "surveys_staff:large-print": {OFFICER, LEAD},
    "surveys_staff:qr-svg": {OFFICER, LEAD},
    "surveys_staff:qr-png": {OFFICER, LEAD},
    "surveys_staff:contact-requests": {LEAD, SAFEGUARDING},
    "surveys_staff:contact-request-close": POST_ONLY,
    "surveys_staff:contact-request-delete": POST_ONLY,
    # Themes engine.
    "themes_staff:flags": {SAFEGUARDING},
    "themes_staff:flag": {SAFEGUARDING},
    "coproduction_safeguarding:follow-up": {SAFEGUARDING},
    "themes_staff:mentions": {OFFICER, LEAD},
    "themes_staff:mention-decide": POST_ONLY,
    "themes_staff:phrases": {LEAD},
    "themes_staff:phrase-reopen": POST_ONLY,
    "themes_staff:rejected-triggers": {LEAD},
    "themes_staff:trigger-narrow": POST_ONLY,
    "insights:dashboard": {OFFICER, LEAD, SAFEGUARDING},
    "insights:board-dashboard": {BOARD, OFFICER, LEAD, SAFEGUARDING},
    "insights:local-account": {OFFICER, LEAD, SAFEGUARDING},
    "insights:local-account-pdf": {OFFICER, LEAD, SAFEGUARDING},
    "insights:cqc-pack": {OFFICER, LEAD, SAFEGUARDING},
    "insights:cqc-pack-pdf": {OFFICER, LEAD, SAFEGUARDING},
    "insights:exports": {LEAD},
    "insights:digests": {OFFICER, LEAD, SAFEGUARDING},  # whoever may see the dashboard
    "insights:export": {LEAD},
    "insights:export-download": {LEAD},
    # Co-production: public pages, then members' and officers' pages.
    "coproduction:you-said-we-did": MOVED,  # to the CMS "You said, we did" page
    "coproduction:board-public": EVERYONE,
    "coproduction:follow-up": EVERYONE,  # "Is it better now?" on a published entry
    "coproduction:minutes-index": EVERYONE,
    "coproduction:minutes-public": EVERYONE,
    "coproduction:minutes-version": {BOARD, OFFICER, LEAD},
    "coproduction:invitation-accept": set(),  # an unknown token: nobody
    "coproduction:board-list": SIGNED_IN,
    "coproduction:all-actions": SIGNED_IN,  # each sees the boards they may
    "coproduction:board-detail": {BOARD, OFFICER, LEAD},
    "coproduction:meeting-detail": {BOARD, OFFICER, LEAD},
    "coproduction:action-log": {BOARD, OFFICER, LEAD},
    "coproduction:action-detail": {BOARD, OFFICER, LEAD},
    "coproduction:minutes-review": {BOARD, OFFICER, LEAD},
    "coproduction:theme-review": {BOARD, OFFICER, LEAD},
    "coproduction:invite": {OFFICER, LEAD, ADMIN},
    "coproduction:minutes-transition": POST_ONLY,
}


def _our_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _our_url_names(pattern, inner)
        elif pattern.name and (pattern.name in OUR_ROOT_NAMES or namespace[:-1] in OUR_NAMESPACES):
            yield f"{namespace}{pattern.name}", pattern


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # tagging runs after each commit
        call_command("seed_demo", stdout=io.StringIO())
    from coproduction.models import Action, Board, FollowUp, Meeting, Minutes
    from insights.models import ReportExport
    from surveys.models import ContactRequest, Response, SurveyPage, Touchpoint
    from themes.models import PhraseDecision, SafeguardingFlag, Theme, ThemeMention

    board = Board.objects.get(slug="always-listening")
    meeting = Meeting.objects.filter(board=board).order_by("starts_at").first()
    response = Response.objects.filter(comments__isnull=False).first()
    contact = ContactRequest.objects.create(
        response=Response.objects.exclude(pk=response.pk).first(),
        name="Test Person",
        phone="07700 900000",
        preferred_contact="phone",
        created_on=response.submitted_on,
    )
    return {
        "code": Touchpoint.objects.order_by("pk").first().code,
        "name": get_image_model().objects.order_by("pk").first().file.name,
        "receipt": response.receipt_code,
        "slug": board.slug,
        "token": "not-a-real-invitation",
        "transition": "circulate",
        "number": 1,
        "year": 2026,
        "file_format": "csv",
        "pk": {
            "surveys_staff:response-detail": response.pk,
            "surveys_staff:entry": Touchpoint.objects.first().pk,
            "surveys_staff:large-print": SurveyPage.objects.first().pk,
            "surveys_staff:import-template": SurveyPage.objects.first().pk,
            "surveys_staff:qr-svg": Touchpoint.objects.first().pk,
            "surveys_staff:qr-png": Touchpoint.objects.first().pk,
            "surveys_staff:contact-request-close": contact.pk,
            "surveys_staff:contact-request-delete": contact.pk,
            "themes_staff:flag": SafeguardingFlag.objects.first().pk,
            "coproduction_safeguarding:follow-up": FollowUp.objects.create(
                action=Action.objects.you_said_we_did().first(),
                answer="worse",
                given_on=date(2026, 1, 5),
                submission_token=uuid.uuid4(),
                safeguarding_categories=["financial"],
                safeguarding_due_on=date(2026, 1, 6),
            ).pk,
            "themes_staff:mention-decide": ThemeMention.objects.first().pk,
            "themes_staff:trigger-narrow": Theme.objects.first().pk,
            "themes_staff:phrase-reopen": PhraseDecision.objects.create(
                phrase="a rejected phrase", outcome="rejected", decided_on=date(2026, 1, 5)
            ).pk,
            "coproduction:action-detail": Action.objects.filter(meeting__board=board).first().pk,
            "coproduction:follow-up": Action.objects.you_said_we_did().first().pk,
            # Published minutes are addressed by their meeting's id.
            "coproduction:minutes-public": Minutes.objects.filter(
                meeting__board=board, status="published"
            )
            .first()
            .meeting_id,
            "coproduction:meeting-detail": meeting.pk,
            "coproduction:minutes-review": meeting.pk,
            "coproduction:minutes-version": meeting.pk,
            "coproduction:theme-review": meeting.pk,
            "coproduction:minutes-transition": meeting.pk,
        },
        "exports": ReportExport,
    }


def _users(django_user_model, demo):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from coproduction.models import Board, BoardMembership

    board = Board.objects.get(slug=demo["slug"])
    users = {PUBLIC: None}
    for role, group_name in ROLE_GROUPS.items():
        user = django_user_model.objects.create_user(
            username=f"matrix-{role}", email=f"{role.replace(' ', '.')}@matrix.example"
        )
        user.groups.add(Group.objects.get(name=group_name))
        if group_name in roles.STAFF_ROLES:
            TOTP.activate(user, generate_totp_secret())
        users[role] = user
    BoardMembership.objects.create(board=board, user=users[BOARD], role="resident_member")
    return users


def _url(name, pattern, demo, export_pk):
    from django.urls import reverse

    kwargs = {}
    for key in pattern.pattern.converters:
        if key == "pk":
            kwargs[key] = export_pk if name.startswith("insights:export") else demo["pk"][name]
        else:
            kwargs[key] = demo[key]
    return reverse(name, kwargs=kwargs)


def test_every_url_has_a_row_in_the_table():
    names = {name for name, _pattern in _our_url_names()}
    missing, stale = sorted(names - set(EXPECTED)), sorted(set(EXPECTED) - names)
    assert not missing and not stale, f"missing rows: {missing}; stale rows: {stale}"


def test_every_role_against_every_url(client, django_user_model, demo):
    users = _users(django_user_model, demo)
    exports = demo["exports"]
    lead_export = exports.objects.create(
        requested_by=users[LEAD],
        kind=exports.Kind.choices[0][0],
        file_format="csv",
        status=exports.Status.DONE,
        content=b"a,b\n",
        content_type="text/csv",
        filename="export.csv",
    )
    wrong = []
    for name, pattern in sorted(_our_url_names()):
        url = _url(name, pattern, demo, lead_export.pk)
        expected = EXPECTED[name]
        for role, user in users.items():
            client.logout()
            if user:
                client.force_login(user)
            status = client.get(url).status_code
            if expected == MOVED:
                ok = status == 301
            elif expected == POST_ONLY or role not in expected:
                ok = status in REFUSED
            else:
                ok = status == 200
            if not ok:
                wrong.append(f"{name} ({url}) as {role}: {status}")
    assert not wrong, "\n".join(wrong)
