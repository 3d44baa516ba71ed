"""Idempotent page creation: find a page by its slug under its parent, or create and publish it."""


def publish(page):
    page.save_revision().publish()
    return page


def child_page(parent, model, slug, **fields):
    """The published `model` page at `slug` under `parent`, created the first time."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page), True
