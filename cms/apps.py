from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Public information"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms.selectors import page_addresses_changed

        # The remembered "You said, we did" address is forgotten whenever an address may change.
        page_published.connect(page_addresses_changed, dispatch_uid="cms.addresses.published")
        page_unpublished.connect(page_addresses_changed, dispatch_uid="cms.addresses.unpublished")
        post_page_move.connect(page_addresses_changed, dispatch_uid="cms.addresses.moved")
        post_delete.connect(page_addresses_changed, sender=Page, dispatch_uid="cms.addresses.del")
