"""Boards can trust their record (issue #17), in Chromium with the demo board: the chair reads
every comment and sends the minutes back with a note, the officer corrects them in the admin, the
chair approves version 2, the officer publishes it; the public page says version 2 and when it
was approved, and members can still read version 1. axe checks each page on the way."""

import time

import pytest
from django.utils import formats, timezone

from tests.browser.helpers import assert_no_axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFICER, CHAIR, MEMBER = (
    "sam.quill@council.example",
    "marjorie.pell@demo.example",
    "wren.okafor@demo.example",
)
CORRECTED = "We met to talk about phones.\nPeople waited too long on the phone."
COMMENT = "The easy read summary should say we asked for call-backs."
NOTE = "Add that we asked the council for call-backs."


def _authenticator_code():
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from demo.coproduction import DEMO_TOTP_SECRET

    if time.time() % 30 > 27:  # the code is about to change: wait for the next one
        time.sleep(30 - time.time() % 30)
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


def _signed_in(new_page, site, email, **options):
    from demo.coproduction import DEMO_MEMBER_PASSWORD

    tab = new_page(viewport={"width": 1280, "height": 900}, **options)
    sign_in(tab, site, email, DEMO_MEMBER_PASSWORD)
    if email == OFFICER:  # staff sign in with their authenticator too
        tab.get_by_label("Code").fill(_authenticator_code())
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_load_state()
    return tab


def _axe(tab, url):
    tab.goto(url)
    assert_no_axe_violations(tab)


def _press(tab, button):
    tab.get_by_role("button", name=button).click()
    tab.wait_for_load_state()


def _edit_easy_read(tab, site, minutes, text):
    tab.goto(f"{site}/admin/coproduction/minutes/edit/{minutes.pk}/")
    tab.get_by_role("textbox", name="Easy read summary").fill(text)
    tab.get_by_role("button", name="Save", exact=True).click()
    tab.wait_for_load_state()


def _demo_minutes():
    from coproduction.models import Minutes

    return Minutes.objects.select_related("meeting__board").get(
        meeting__board__slug="always-listening", status="published"
    )


def test_chair_sends_back_officer_corrects_and_version_2_replaces_version_1(new_page, site):
    minutes = _demo_minutes()
    first_easy_read = minutes.easy_read_summary.splitlines()[0]
    board, meeting = minutes.meeting.board, minutes.meeting
    review = f"{site}/board/{board.slug}/meetings/{meeting.pk}/minutes/"
    officer = _signed_in(new_page, site, OFFICER)
    chair = _signed_in(new_page, site, CHAIR)
    # A member without JavaScript: comments and their outcomes are plain forms and pages.
    # (axe needs JavaScript, so it checks the member's pages in a second tab.)
    member = _signed_in(new_page, site, MEMBER, java_script_enabled=False)
    member_axe = _signed_in(new_page, site, MEMBER)

    officer.goto(review)
    officer.get_by_label("What needs correcting?").fill("The easy read summary left out phones.")
    _press(officer, "Start a correction")
    _edit_easy_read(officer, site, minutes, "We met to talk about phones.")
    officer.goto(review)
    _press(officer, "Circulate to members for comment")

    member.goto(review)
    member.get_by_label("Your comment").fill(COMMENT)
    _press(member, "Send comment")
    assert member.get_by_text("Waiting for the chair.").is_visible()
    _axe(member_axe, review)

    chair.goto(review)
    comments = chair.locator("#comments ~ .govuk-summary-card")
    assert "Wren Okafor (Resident member)" in comments.first.inner_text()
    assert COMMENT in comments.first.inner_text()
    assert_no_axe_violations(chair)
    chair.get_by_label("What needs to change?").fill(NOTE)
    _press(chair, "Send back to draft")

    member.goto(review)
    assert member.get_by_text("Sent back to draft on").is_visible()
    assert NOTE in member.locator("main").inner_text()

    _edit_easy_read(officer, site, minutes, CORRECTED)
    officer.goto(review)
    _press(officer, "Circulate to members for comment")
    chair.goto(review)
    _press(chair, "Approve minutes")
    officer.goto(review)
    _press(officer, "Publish on the public site")

    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    public = new_page(java_script_enabled=False)
    public.goto(site + minutes.get_absolute_url())
    text = public.locator("main").inner_text()
    assert f"Version 2, approved by the chair on {today}." in text
    assert "People waited too long on the phone." in text
    assert first_easy_read not in text
    _axe(new_page(), site + minutes.get_absolute_url())

    member.goto(f"{review}versions/1/")
    text = member.locator("main").inner_text()
    assert first_easy_read in text and "Version 2 has replaced this version" in text
    _axe(member_axe, f"{review}versions/1/")
    member.goto(review)  # their comment keeps the answer it had
    assert member.get_by_text("Sent back to draft on").is_visible()
    _axe(member_axe, review)


def test_public_board_pages_have_no_axe_violations(page, site):
    """The pages a resident follows to a board's minutes, in English and Urdu."""
    minutes = _demo_minutes()
    slug = minutes.meeting.board.slug
    for prefix in ("", "/ur"):
        for path in (
            "/",
            "/you-said-we-did/",
            f"/board/{slug}/about/",
            f"/board/{slug}/minutes/",
            minutes.get_absolute_url(),
        ):
            response = page.goto(f"{site}{prefix}{path}")
            assert response.status == 200, path
            assert_no_axe_violations(page)
