from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page: what the service is and how to have your say."""

    introduction = models.TextField(blank=True)
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    template = "cms/home_page.html"
    max_count_per_parent = 1
