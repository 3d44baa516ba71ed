"""The Wagtail admin in Chromium with its Content Security Policy enforced (issue #20).

Signed in as the demo administrator, the tests open every screen in the admin menu and an edit
screen for every page type and for each kind of form, then use the widgets the policy could
break. Any violation fails them: the browser reports each one as a `securitypolicyviolation`
event and a console message. To see what a change would break without blocking it, run the
site with ADMIN_CSP_REPORT_ONLY=1 (core/middleware.py).
"""

import json
import time

import pytest

from tests.browser.helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation({
    directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample,
    page: event.documentURI,
  });
}, true);
"""
DRAWN_IN_RED = """canvas => {
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  return pixels.some((value, i) => i % 4 === 0 && value > 200 && pixels[i + 3] > 0);
}"""


@pytest.fixture
def violations(page, settings):
    """Every CSP violation in this tab, in any frame."""
    settings.ADMIN_CSP_REPORT_ONLY = False
    found = []

    def on_violation(violation):
        found.append(violation)

    def on_console(message):
        if "Content Security Policy" in message.text:
            found.append({"console": message.text, "page": page.url})

    page.context.expose_function("reportCspViolation", on_violation)
    page.context.add_init_script(REPORT_VIOLATIONS)
    page.on("console", on_console)
    return found


@pytest.fixture
def admin(page, site, violations):
    """The tab, signed in as the demo administrator through the sign-in form and MFA."""
    from demo.accounts import DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD

    sign_in(page, site, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD)
    page.get_by_label("Code").fill(_authenticator_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site}/admin/")
    return page


def _authenticator_code():
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from demo.coproduction import DEMO_TOTP_SECRET

    if time.time() % 30 > 27:  # the code is about to change: wait for the next one
        time.sleep(30 - time.time() % 30)
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


def _menu_paths(page):
    """Every screen in the admin menu, read from the sidebar's own data."""
    props = json.loads(page.locator("#wagtail-sidebar-props").text_content())
    paths = []

    def collect(node):
        if isinstance(node, dict):
            url = node.get("url")
            if isinstance(url, str) and url.startswith("/"):
                paths.append(url)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(props)
    return list(dict.fromkeys(paths))


def _edit_paths():
    """An edit screen for each page type and for each kind of form in the admin."""
    from django.apps import apps
    from django.urls import reverse
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.models import Page

    finder = AdminURLFinder()
    by_type = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code="en").specific():
        by_type.setdefault(type(page), page)
    objects = list(by_type.values())
    for label in [
        "wagtailimages.Image",
        "auth.User",
        "auth.Group",
        "wagtailcore.Site",
        "wagtailcore.Workflow",
        "surveys.Touchpoint",
        "coproduction.Meeting",
        "coproduction.Minutes",
        "coproduction.Action",
    ]:
        objects.append(apps.get_model(label).objects.order_by("pk").first())
    paths = [finder.get_edit_url(obj) for obj in objects]
    response = apps.get_model("surveys.Response").objects.order_by("pk").first()
    paths.append(reverse("surveys_staff:response-detail", args=[response.pk]))
    flag = apps.get_model("themes.SafeguardingFlag").objects.order_by("pk").first()
    if flag:
        paths.append(reverse("themes_staff:flag", args=[flag.pk]))
    paths += [
        reverse("wagtailadmin_pages:search") + "?q=care",
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:add_multiple"),
    ]
    return paths


def _violations_text(found):
    return "\n".join(json.dumps(violation)[:400] for violation in found)


def test_every_admin_screen_works_with_no_csp_violation(admin, site, violations):
    screens = _menu_paths(admin) + _edit_paths()
    assert len(screens) > 40
    failed = []
    for path in screens:
        response = admin.goto(site + path)
        if response.status != 200:
            failed.append(f"{path}: {response.status}")
    assert failed == []
    assert violations == [], _violations_text(violations)


def test_admin_widgets_work_under_the_policy(admin, site, violations):
    from cms.models import NewsPage
    from coproduction.models import Meeting

    # The sidebar's menus open.
    admin.get_by_role("button", name="Reports").click()
    admin.get_by_role("link", name="Site history").wait_for()
    admin.keyboard.press("Escape")

    # Draftail renders and takes text; its link button opens the page chooser.
    news = NewsPage.objects.filter(locale__language_code="en").first()
    admin.goto(f"{site}/admin/pages/{news.pk}/edit/", wait_until="networkidle")
    admin.locator(".public-DraftEditor-content").first.click()
    admin.keyboard.press("Control+End")
    admin.keyboard.press("Enter")
    admin.keyboard.type("Words to link")
    admin.keyboard.press("Shift+Home")
    admin.get_by_role("button", name="Link").first.click()
    chooser = admin.locator(".modal-dialog")
    chooser.get_by_role("link", name="External link").wait_for()
    assert chooser.get_by_text("Choose a page").is_visible()
    chooser.get_by_role("button", name="Close").click()

    # The preview panel frames the page.
    admin.locator('[data-side-panel-toggle="preview"]').click()
    preview = admin.frame_locator("#w-preview-iframe").locator("h1")
    assert news.title in preview.inner_text()

    # An inline panel adds a form; the date picker opens.
    meeting = Meeting.objects.order_by("pk").first()
    admin.goto(f"{site}/admin/coproduction/meeting/edit/{meeting.pk}/", wait_until="networkidle")
    total = admin.locator("#id_agenda_items-TOTAL_FORMS")
    before = int(total.input_value())
    admin.locator("#id_agenda_items-ADD").click()
    assert int(total.input_value()) == before + 1
    admin.locator("#id_starts_at").click()
    admin.locator(".xdsoft_datetimepicker.xdsoft_noselect >> visible=true").first.wait_for()

    # An image being uploaded shows its thumbnail, drawn from a blob: address.
    admin.goto(f"{site}/admin/images/multiple/add/", wait_until="networkidle")
    admin.set_input_files("#fileupload", files=[_png("red.png")])
    thumbnail = admin.locator(".upload-list .thumb canvas").first
    thumbnail.wait_for()
    assert thumbnail.evaluate(DRAWN_IN_RED)
    admin.locator(".upload-list form").first.wait_for()

    assert violations == [], _violations_text(violations)


def _png(name):
    """A small red PNG, made here."""
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    size = 24
    rows = b"".join(b"\x00" + b"\xcc\x00\x00" * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
    return {"name": name, "mimeType": "image/png", "buffer": data + chunk(b"IEND", b"")}
