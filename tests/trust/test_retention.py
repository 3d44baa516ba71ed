"""Retention rules, with a frozen clock: what is kept, what goes, and that running twice is safe."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from freezegun import freeze_time
from wagtail import hooks

from surveys.models import ClosedReceipt, ContactRequest, FreeTextAnswer, Response
from surveys.models.receipts import receipt_digest
from surveys.retention import months_before, retention_apply
from surveys.services import response_submit
from surveys.submission import Comment, Submission
from tests.themes.factories import mention_of
from themes.models import CommentAnalysis, SafeguardingFlag, Theme, ThemeMention
from themes.services import response_analyse

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _retention_settings(settings):
    settings.RETENTION_FREE_TEXT_MONTHS = 24
    settings.RETENTION_FREE_TEXT_REDACT = True
    settings.RETENTION_CONTACT_DAYS_AFTER_CLOSE = 30
    settings.RETENTION_OPEN_CONTACT_MONTHS = 12
    settings.RETENTION_RESPONSE_YEARS = None


@pytest.fixture
def give(survey, touchpoint, keys):
    def give(submitted_on, text="Jo at 12 Acacia Road was kind"):
        submission = Submission(
            overall="good", comments=[Comment(keys["went_well"], "went_well", text)]
        )
        response, _ = response_submit(
            survey=survey,
            touchpoint=touchpoint,
            submission=submission,
            channel="paper",
            submitted_on=submitted_on,
        )
        return response

    return give


def _analysed(response):
    """The themes engine's copies of the response's comment, as tagging leaves them."""
    comment = response.comments.get()
    redacted = "[name] at [address] was kind"
    theme, _ = Theme.objects.get_or_create(key="kindness", defaults={"name": "Kindness"})
    CommentAnalysis.objects.create(
        comment=comment, sentiment="positive", compound=0.6, redacted_text=redacted
    )
    mention_of(
        comment,
        theme,
        sentiment="positive",
        compound=0.6,
        evidence=redacted,
        matched_words=["kind"],
    )
    SafeguardingFlag.objects.create(
        comment=comment,
        response=response,
        categories=["neglect"],
        evidence=redacted,
        matched_words=["left"],
        due_on=date(2024, 1, 2),
        outcome="not_a_concern",
    )
    return comment


def _copies(comment):
    mention = ThemeMention.objects.get(comment=comment)
    flag = SafeguardingFlag.objects.get(comment=comment)
    return {
        "redacted_text": CommentAnalysis.objects.get(comment=comment).redacted_text,
        "mention": (mention.evidence, mention.matched_words),
        "flag": (flag.evidence, flag.matched_words),
    }


NO_COPIES = {"redacted_text": "", "mention": ("", []), "flag": ("", [])}


def _contact(response, *, created_on, closed_on=None):
    return ContactRequest.objects.create(
        response=response,
        name="Jo Bloggs",
        phone="07700 900123",
        preferred_contact="phone",
        created_on=created_on,
        status="closed" if closed_on else "open",
        closed_on=closed_on,
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 6, 15), 24, date(2024, 6, 15)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 10), 1, date(2025, 12, 10)),
        (date(2024, 2, 29), 12, date(2023, 2, 28)),
    ],
)
def test_months_before_handles_short_months_and_years(day, months, expected):
    assert months_before(day, months) == expected


@freeze_time(TODAY)
def test_comment_older_than_the_period_keeps_only_its_redacted_form(give):
    old = give(date(2024, 6, 14))
    report = retention_apply()
    comment = FreeTextAnswer.objects.get(response=old)
    # The themes engine's redactor: the words stay, the address goes.
    assert "12 Acacia Road" not in comment.text
    assert comment.text.endswith("at [address] was kind")
    assert comment.text_removed_on == TODAY
    assert report.comments_redacted == 1
    assert Response.objects.filter(pk=old.pk).exists(), "the anonymous answers stay"


@freeze_time(TODAY)
def test_comment_exactly_at_the_period_is_kept(give):
    give(date(2024, 6, 15))
    assert retention_apply().comments_redacted == 0
    assert FreeTextAnswer.objects.get().text_removed_on is None


@freeze_time(TODAY)
def test_comment_text_is_removed_when_redaction_is_off(give, settings):
    settings.RETENTION_FREE_TEXT_REDACT = False
    give(date(2020, 1, 1))
    report = retention_apply()
    assert FreeTextAnswer.objects.get().text == ""
    assert (report.comments_removed, report.comments_redacted) == (1, 0)


@freeze_time(TODAY)
def test_second_run_changes_nothing(give):
    give(date(2020, 1, 1))
    retention_apply()
    second = retention_apply()
    assert set(second.as_dict().values()) == {0}


@freeze_time(TODAY)
def test_text_an_earlier_redactor_kept_is_redacted_again_by_todays(give, settings):
    """Issue 14: what a weaker redactor missed doesn't stay for ever."""
    give(date(2020, 1, 1))
    FreeTextAnswer.objects.update(text="Ring 07700 900123, Mrs Jones", text_removed_on=TODAY)
    report = retention_apply()
    text = FreeTextAnswer.objects.get().text
    assert "07700 900123" not in text and "Jones" not in text
    assert report.comments_redacted_again == 1
    assert retention_apply().comments_redacted_again == 0, "redacting again changes nothing"


@freeze_time(TODAY)
def test_text_redacted_again_keeps_the_day_it_was_first_redacted(give, settings):
    give(date(2020, 1, 1))
    retention_apply()
    with (
        hooks.register_temporarily("redact_comment_text", shout, order=-1),
        freeze_time(date(2027, 1, 1)),
    ):
        report = retention_apply()
    comment = FreeTextAnswer.objects.get()
    assert comment.text.isupper() and report.comments_redacted_again == 1
    assert comment.text_removed_on == TODAY


def shout(text):
    return text.upper()


@freeze_time(TODAY)
@pytest.mark.parametrize("redact", [True, False])
def test_removed_comment_text_takes_the_themes_engines_copies_with_it(give, settings, redact):
    settings.RETENTION_FREE_TEXT_REDACT = redact
    comment = _analysed(give(date(2024, 6, 14)))
    report = retention_apply()
    assert _copies(comment) == NO_COPIES
    assert report.text_copies_cleared == 3
    mention = ThemeMention.objects.get(comment=comment)
    assert (mention.theme.key, mention.sentiment) == ("kindness", "positive"), "counts stay"
    assert SafeguardingFlag.objects.get(comment=comment).outcome == "not_a_concern"


@freeze_time(TODAY)
def test_engines_copies_of_a_comment_still_in_its_period_are_kept(give):
    comment = _analysed(give(date(2024, 6, 15)))
    assert retention_apply().text_copies_cleared == 0
    assert _copies(comment)["redacted_text"] == "[name] at [address] was kind"
    assert _copies(comment)["mention"] == ("[name] at [address] was kind", ["kind"])


@freeze_time(TODAY)
def test_dry_run_keeps_the_engines_copies(give):
    comment = _analysed(give(date(2020, 1, 1)))
    assert retention_apply(dry_run=True).text_copies_cleared == 3
    assert _copies(comment)["flag"] == ("[name] at [address] was kind", ["left"])


@freeze_time(TODAY)
def test_copies_left_by_an_earlier_run_are_cleared_on_the_next(give):
    """Comments handled before this rule existed, or brought back by a restored backup."""
    comment = _analysed(give(date(2020, 1, 1)))
    FreeTextAnswer.objects.filter(pk=comment.pk).update(
        text="[comment withheld]", text_removed_on=date(2025, 1, 1)
    )
    report = retention_apply()
    assert (report.comments_redacted, report.text_copies_cleared) == (0, 3)
    assert _copies(comment) == NO_COPIES


@freeze_time(TODAY)
def test_tagging_again_does_not_retag_a_comment_whose_text_was_removed(give):
    response = give(date(2020, 1, 1))
    comment = _analysed(response)
    retention_apply()
    response_analyse(response=response)
    assert CommentAnalysis.objects.get(comment=comment).redacted_text == ""
    assert list(ThemeMention.objects.values_list("theme__key", flat=True)) == ["kindness"]


@freeze_time(TODAY)
def test_closed_contact_request_is_deleted_after_the_period_and_feedback_kept(give):
    response = give(date(2026, 4, 1))
    _contact(response, created_on=date(2026, 4, 1), closed_on=date(2026, 5, 15))
    assert retention_apply().closed_contacts_deleted == 1
    assert not ContactRequest.objects.exists()
    assert Response.objects.filter(pk=response.pk).exists()


@freeze_time(TODAY)
def test_recently_closed_contact_request_is_kept(give):
    response = give(date(2026, 4, 1))
    _contact(response, created_on=date(2026, 4, 1), closed_on=date(2026, 5, 16))
    assert retention_apply().closed_contacts_deleted == 0
    assert ContactRequest.objects.exists()


@freeze_time(TODAY)
def test_open_contact_request_is_kept_until_the_open_period_ends(give):
    recent = give(date(2025, 6, 15))
    stale = give(date(2025, 6, 14))
    _contact(recent, created_on=date(2025, 6, 15))
    _contact(stale, created_on=date(2025, 6, 14))
    assert retention_apply().open_contacts_deleted == 1
    assert list(ContactRequest.objects.values_list("response", flat=True)) == [recent.pk]


@freeze_time(TODAY)
def test_responses_are_kept_forever_by_default(give):
    give(date(2010, 1, 1))
    assert retention_apply().responses_deleted == 0
    assert Response.objects.count() == 1


@freeze_time(TODAY)
def test_response_period_deletes_old_responses_with_comments_and_contacts(give, settings):
    settings.RETENTION_RESPONSE_YEARS = 6
    old = give(date(2020, 6, 14))
    kept = give(date(2020, 6, 15))
    _contact(old, created_on=date(2020, 6, 14))
    report = retention_apply()
    assert report.responses_deleted == 1
    assert list(Response.objects.all()) == [kept]
    assert not FreeTextAnswer.objects.filter(response_id=old.pk).exists()
    assert not ContactRequest.objects.exists()


@freeze_time(TODAY)
def test_dry_run_reports_but_changes_nothing(give):
    response = give(date(2020, 1, 1))
    _contact(response, created_on=date(2020, 1, 1), closed_on=date(2020, 2, 1))
    report = retention_apply(dry_run=True)
    assert (report.comments_redacted, report.closed_contacts_deleted) == (1, 1)
    assert FreeTextAnswer.objects.get().text_removed_on is None
    assert ContactRequest.objects.count() == 1


@freeze_time(TODAY)
def test_command_reports_counts_and_dry_run(give):
    give(date(2020, 1, 1))
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "Would have comments redacted: 1" in out.getvalue()
    assert "Dry run: nothing was changed." in out.getvalue()
    assert FreeTextAnswer.objects.get().text_removed_on is None
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "Done: comments redacted: 1" in out.getvalue()
    assert "Comments given before 2024-06-15" in out.getvalue()
    assert FreeTextAnswer.objects.get().text_removed_on == TODAY


def test_retention_deletes_import_files_nobody_confirmed(db, settings):
    """A checked import file holds residents' comments: it goes after IMPORT_PENDING_MINUTES
    even if nobody opens the import page again."""
    import os
    import time

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    stale = default_storage.save("imports-pending/" + "a" * 32, ContentFile(b"date,overall\n"))
    fresh = default_storage.save("imports-pending/" + "b" * 32, ContentFile(b"date,overall\n"))
    old = time.time() - (settings.IMPORT_PENDING_MINUTES + 5) * 60
    os.utime(default_storage.path(stale), (old, old))

    call_command("apply_retention", stdout=io.StringIO())

    assert not default_storage.exists(stale)
    assert default_storage.exists(fresh)


@freeze_time(TODAY)
def test_closed_receipts_are_forgotten_after_their_period(give, client, settings):
    settings.RETENTION_CLOSED_RECEIPT_MONTHS = 24
    old = ClosedReceipt.objects.create(
        code_digest=receipt_digest("OLDC-ODE1-AB"), reason="withdrawn", closed_on=date(2024, 6, 14)
    )
    kept = ClosedReceipt.objects.create(
        code_digest=receipt_digest("KEPT-CODE-CD"), reason="withdrawn", closed_on=date(2024, 6, 15)
    )
    assert retention_apply().closed_receipts_deleted == 1
    assert list(ClosedReceipt.objects.all()) == [kept]
    assert not ClosedReceipt.objects.filter(pk=old.pk).exists()
    # The forgotten code is now simply unknown; the kept one still says it was taken back.
    page = client.post("/feedback/receipt/", {"receipt_code": "OLDC-ODE1-AB"}).content.decode()
    assert "We could not find feedback with that receipt code." in page
    page = client.post("/feedback/receipt/", {"receipt_code": "KEPT-CODE-CD"}).content.decode()
    assert "taken back" in page.lower()
    assert retention_apply().closed_receipts_deleted == 0
