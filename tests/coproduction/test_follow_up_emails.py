"""'Tell me when something is done about what I raised': one short email per action, opt-in,
never quoting the resident's comment."""

from datetime import date

import pytest
from django.core import mail

from coproduction.models import DoneNotice
from coproduction.services import action_close, action_publish
from surveys.models import ContactRequest
from tests.coproduction.factories import ActionFactory
from tests.surveys.factories import FreeTextAnswerFactory, ResponseFactory
from tests.themes.factories import SafeguardingFlagFactory, ThemeFactory, mention_of

COMMENT = "Nobody rang me back about my mum's care package"


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Call backs", key="call_backs")


def _resident(theme, *, email="sam@example.org", opted_in=True, language="en"):
    code = f"ABCD-EFGH-{len(ContactRequest.objects.all()) + 22}"  # a receipt code's shape
    response = ResponseFactory(submitted_on=date(2026, 2, 2), language=language, receipt_code=code)
    mention_of(FreeTextAnswerFactory(response=response, text=COMMENT), theme)
    ContactRequest.objects.create(
        response=response,
        name="Sam Example",
        email=email,
        preferred_contact="email",
        notify_when_done=opted_in,
        created_on=date(2026, 2, 2),
    )
    return response


@pytest.fixture
def action(board, theme):
    action = ActionFactory(board=board, title="Offer call-backs within a day")
    action.themes.add(theme)
    return action


def _close(action, officer, capture):
    with capture(execute=True):
        action_close(
            action=action,
            by=officer,
            you_said="You waited for call backs",
            we_did="We offer call-backs within a day",
            on=date(2026, 4, 2),
        )


def test_done_action_emails_each_resident_who_asked_once(
    action, theme, officer, django_capture_on_commit_callbacks
):
    _resident(theme)
    _close(action, officer, django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    assert email.to == ["sam@example.org"]
    assert "Offer call-backs within a day" in email.body
    assert "/feedback/receipt/" in email.body
    assert COMMENT not in email.body and "mum" not in email.body + email.subject
    # Closing it again (a correction of the date) sends nothing more.
    _close(action, officer, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert DoneNotice.objects.filter(action=action, kind="done").count() == 1


def test_publishing_sends_one_more_email_with_a_link_to_the_entry(
    action, theme, officer, you_said_we_did_page, django_capture_on_commit_callbacks
):
    _resident(theme)
    _close(action, officer, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        action_publish(action=action, by=officer)
    assert len(mail.outbox) == 2
    published = mail.outbox[1]
    assert f"{you_said_we_did_page.url}#change-{action.pk}" in published.body
    assert "://" in published.body
    assert COMMENT not in published.body


def test_no_email_without_opting_in_on_other_themes_or_for_flagged_feedback(
    action, theme, officer, django_capture_on_commit_callbacks
):
    _resident(theme, opted_in=False)
    _resident(ThemeFactory(name="Parking", key="parking"), email="other@example.org")
    flagged = _resident(theme, email="flagged@example.org")
    SafeguardingFlagFactory(comment=flagged.comments.get())
    _resident(theme, email="", opted_in=True)
    _close(action, officer, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_email_is_in_the_residents_language(
    action, theme, officer, django_capture_on_commit_callbacks
):
    _resident(theme, language="ur")
    _close(action, officer, django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    assert "Something has been done about what you raised" not in email.subject


def test_the_contact_step_offers_the_tick_box_and_needs_an_email(client, theme):
    response = _resident(theme)
    ContactRequest.objects.all().delete()
    base = {"receipt_code": response.receipt_code, "step": "details", "name": "Sam"}
    page = client.post(
        "/feedback/contact/",
        {**base, "preferred_contact": "phone", "phone": "01632 960000", "notify_when_done": "on"},
    ).content.decode()
    assert "Enter an email address so we can tell you." in page
    assert not ContactRequest.objects.exists()
    client.post(
        "/feedback/contact/",
        {
            **base,
            "preferred_contact": "email",
            "email": "sam@example.org",
            "notify_when_done": "on",
        },
    )
    assert ContactRequest.objects.get().notify_when_done is True
