"""The admin form for a survey page.

Wagtail autosaves a new page as soon as a lead starts typing, so a survey abandoned before it
was ever published stays behind as a draft with the slug its title gave it. Starting again
with the same title then stopped at "The slug … is already in use". A new survey whose slug
is held only by such never-published drafts gets the next free slug instead (`title-2`); a
clash with a survey that has been published is still an error, as it names a real address.
"""

from wagtail.admin.forms import WagtailAdminPageForm


def slug_held_only_by_drafts(slug, parent_page):
    """Whether the pages under `parent_page` using `slug` (if any) were never published."""
    clashing = parent_page.get_children().filter(slug=slug)
    return clashing.exists() and not clashing.filter(first_published_at__isnull=False).exists()


def free_slug(slug, parent_page):
    taken = set(parent_page.get_children().values_list("slug", flat=True))
    candidate, suffix = slug, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{slug}-{suffix}"
    return candidate


class SurveyPageForm(WagtailAdminPageForm):
    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        parent = self.parent_page
        if slug and self.instance.pk is None and parent and slug_held_only_by_drafts(slug, parent):
            return free_slug(slug, parent)
        return slug
