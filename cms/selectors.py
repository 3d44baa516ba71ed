"""Reads for the cms app: how readable a page is, which pages are due for review."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Locale

from cms import readability
from cms.models.base import ReviewedPage
from core.memo import SharedMemo


@dataclass(frozen=True)
class PageReadability:
    """The readability of one page, with the thresholds it was judged against."""

    analysis: readability.Analysis | None
    long_sentence_words: int
    target_age: int = readability.GOV_UK_READING_AGE
    block_warnings: list[str] = field(default_factory=list)

    @property
    def measured(self):
        return self.analysis is not None and self.analysis.words > 0

    @property
    def too_hard(self):
        return self.measured and self.analysis.is_harder_than(self.target_age)

    @property
    def warning_count(self):
        if not self.measured:
            return 0
        a = self.analysis
        return int(self.too_hard) + len(a.long_sentences) + len(a.jargon) + len(self.block_warnings)


def plain_english_terms():
    return apps.get_model("cms", "PlainEnglishTerm").as_dict()


def page_readability(page, *, terms=None):
    """Analyse a page's words. Reading age is an English measure, so other languages are skipped."""
    limit = getattr(page, "long_sentence_words", readability.LONG_SENTENCE_WORDS)
    if not hasattr(page, "readable_text") or _language(page) != "en":
        return PageReadability(analysis=None, long_sentence_words=limit)
    analysis = readability.analyse(
        page.readable_text(),
        terms=plain_english_terms() if terms is None else terms,
        long_sentence_words=limit,
    )
    warnings = page.block_warnings() if hasattr(page, "block_warnings") else []
    return PageReadability(analysis=analysis, long_sentence_words=limit, block_warnings=warnings)


def _language(page):
    locale = getattr(page, "locale", None) if page.locale_id else None
    return locale.language_code if locale else "en"


def reviewed_page_models():

    models = apps.get_app_config("cms").get_models()
    return [model for model in models if issubclass(model, ReviewedPage)]


def pages_due_for_review(*, within_days=0, today=None):
    """Pages whose review date has passed (or falls within `within_days`), oldest first."""
    cutoff = (today or timezone.localdate()) + datetime.timedelta(days=within_days)
    pages = [
        page
        for model in reviewed_page_models()
        for page in model.objects.filter(review_by__lt=cutoff).select_related("locale")
    ]
    return sorted(pages, key=lambda page: (page.review_by, page.title))


def you_said_we_did_listing(request):
    """The "You said, we did" entries, their filter form and whether a filter is applied, from
    the `you_said_we_did_listing` hook (nothing to list when no app registers one)."""
    for listing in hooks.get_hooks("you_said_we_did_listing"):
        return listing(request)
    return {"entries": [], "filter_form": None, "is_filtered": False}


def you_said_we_did_page():
    """The one "You said, we did" page, in the reader's language when it has been translated."""
    pages = apps.get_model("cms", "YouSaidWeDidIndexPage").objects.live().public()
    return pages.filter(locale=Locale.get_active()).first() or pages.order_by("pk").first()


# The address is on the confirmation page after every submission; it changes only when pages
# are published, unpublished, moved or deleted (see cms.apps), which forgets it on every server.
_you_said_we_did_urls = SharedMemo("cms-you-said-we-did-url")


def you_said_we_did_url():
    """The address of the one "You said, we did" page in the reader's language, or ""."""

    def address():
        page = you_said_we_did_page()
        return page.url if page else ""

    return _you_said_we_did_urls.get(get_language(), address)


def page_addresses_changed(**kwargs):
    """Receiver for page publish, unpublish, move and delete."""
    _you_said_we_did_urls.forget()


def public_board_links():
    """Links to each board's public page, from the app that registers `public_board_links`
    (the co-production app; cms sits below it and never imports it)."""
    return [link for links in hooks.get_hooks("public_board_links") for link in links()]
