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


def _demo_board():
    from coproduction.models import Board

    return Board.objects.get(slug="always-listening")


def _path(name, language="en", **kwargs):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def co_production_public_paths(language="en"):
    """The co-production pages anyone can read, for the seeded demo board."""
    from coproduction.selectors import minutes_published

    board = _demo_board()
    paths = {
        "you said, we did": _path("coproduction:you-said-we-did", language),
        "published minutes": _path("coproduction:minutes-index", language, slug=board.slug),
    }
    for minutes in minutes_published(board=board):
        paths[f"minutes of {minutes.meeting}"] = _path(
            "coproduction:minutes-public", language, slug=board.slug, pk=minutes.meeting_id
        )
    return paths


def board_member_paths():
    """Every member-area page of the demo board a board member reaches, including the
    comment form on circulated minutes."""
    board = _demo_board()
    paths = {
        "my boards": _path("coproduction:board-list"),
        "board": _path("coproduction:board-detail", slug=board.slug),
        "action log": _path("coproduction:action-log", slug=board.slug),
    }
    for action in board.actions.order_by("pk"):
        paths[f"action {action.title}"] = _path(
            "coproduction:action-detail", slug=board.slug, pk=action.pk
        )
    for meeting in board.meetings.order_by("starts_at"):
        paths[f"meeting {meeting}"] = _path(
            "coproduction:meeting-detail", slug=board.slug, pk=meeting.pk
        )
        paths[f"theme review {meeting}"] = _path(
            "coproduction:theme-review", slug=board.slug, pk=meeting.pk
        )
        if getattr(meeting, "minutes", None) and meeting.minutes.status == "circulated":
            paths[f"circulated minutes {meeting}"] = _path(
                "coproduction:minutes-review", slug=board.slug, pk=meeting.pk
            )
    return paths


def invitation_path():
    """The link in a fresh invitation to the demo board (the token is only in the link)."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduction.models import BoardInvitation
    from coproduction.models.boards import hash_token

    token = BoardInvitation.new_token()
    BoardInvitation.objects.create(
        board=_demo_board(),
        email="new.member@demo.example",
        role="carer",
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=14),
    )
    return _path("coproduction:invitation-accept", token=token)


def sign_in(page, site, email, password):
    """Sign in through the /accounts/login/ form, as a person would."""
    page.goto(site + _path("account_login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
