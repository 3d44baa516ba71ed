"""Page types for accessible public information, and the plain-English word list."""

from cms.models.base import ContentPage, ReviewedPage
from cms.models.listings import NewsIndexPage, NewsPage, YouSaidWeDidIndexPage
from cms.models.pages import ContactPage, EasyReadPage, HomePage, InformationPage
from cms.models.reviews import ReviewReminder
from cms.models.snippets import PlainEnglishTerm

__all__ = [
    "ContactPage",
    "ContentPage",
    "EasyReadPage",
    "HomePage",
    "InformationPage",
    "NewsIndexPage",
    "NewsPage",
    "PlainEnglishTerm",
    "ReviewReminder",
    "ReviewedPage",
    "YouSaidWeDidIndexPage",
]
