"""Shared browser checks: axe-core with every WCAG 2.2 A/AA rule, and the public URLs to visit."""

from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22a",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}
_axe = Axe()


def assert_no_axe_violations(page):
    """Fail with axe's readable report if the page in this tab has any violation."""
    results = _axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def _page_url(model_label, language="en", route=""):
    from django.apps import apps

    model = apps.get_model(model_label)
    page = model.objects.live().filter(locale__language_code=language).first()
    return page.get_url() + route if page else None


def public_paths(language="en"):
    """One URL for every public page type, from the seeded demo, in `language`."""
    prefix = "" if language == "en" else f"/{language}"
    paths = {
        "privacy": f"{prefix}/privacy/",
        "accessibility": f"{prefix}/accessibility/",
    }
    pages = {
        "home": ("cms.HomePage", ""),
        "information": ("cms.InformationPage", ""),
        "easy read": ("cms.EasyReadPage", ""),
        "easy read without pictures": ("cms.EasyReadPage", "text-only/"),
        "contact and help": ("cms.ContactPage", ""),
        "news index": ("cms.NewsIndexPage", ""),
        "news": ("cms.NewsPage", ""),
        "you said, we did": ("cms.YouSaidWeDidIndexPage", ""),
    }
    for name, (label, route) in pages.items():
        url = _page_url(label, language, route)
        if url:
            paths[name] = url
    return paths


def survey_paths(language="en"):
    """The How Did We Do journey's first page for each demo touchpoint, if surveys provides them."""
    from django.apps import apps

    try:
        touchpoint = apps.get_model("surveys", "Touchpoint")
    except LookupError:
        return {}
    prefix = "" if language == "en" else f"/{language}"
    return {
        f"survey {t.code}": f"{prefix}/f/{t.code}"
        for t in touchpoint.objects.filter(is_active=True).order_by("pk")[:2]
    }
