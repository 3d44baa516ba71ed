"""Back, in a real browser: on a shared kiosk it must find nothing of the last person, and on
anyone's phone, Back and Send again must not store the same feedback twice."""

import pytest

from surveys.models import Response

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
COMMENT = "The hoist in the bathroom has been broken for a month."


def _fill_and_send(page):
    page.get_by_label("Good", exact=True).first.check()
    page.locator("textarea").first.fill(COMMENT)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/feedback/thanks/**")


def _form_values(page):
    """Every value a person could have typed or ticked on this page."""
    return page.evaluate(
        """() => [...document.querySelectorAll("textarea, input")]
            .filter((el) => !["hidden", "submit"].includes(el.type) && el.name !== "website")
            .map((el) => (["radio", "checkbox"].includes(el.type) ? el.checked && el.value
                                                                  : el.value))
            .filter(Boolean)"""
    )


def _walk_back_through_history(page, receipt):
    """Press Back to the start of the tab's history; nothing seen on the way may show the last
    person's receipt code or answers."""
    seen = []
    for _ in range(page.evaluate("history.length")):
        html = page.content()
        seen.append(page.url)
        assert receipt not in html, f"receipt code reachable with Back at {page.url}"
        assert COMMENT not in _form_values(page), f"answers restored at {page.url}"
        if page.evaluate("history.length") <= 1 or page.url == "about:blank":
            break
        page.go_back()
        page.wait_for_load_state()
    return seen


@pytest.mark.parametrize("path", ["/f/hd7k2", "/f/hd7k2/easy-read"])
@pytest.mark.parametrize("javascript", [True, False])
def test_after_start_again_back_finds_nothing_of_the_last_person(new_page, site, path, javascript):
    page = new_page(java_script_enabled=javascript)
    page.goto(f"{site}{path}?via=kiosk")
    _fill_and_send(page)
    receipt = Response.objects.latest("pk").receipt_code
    assert receipt in page.content()

    page.get_by_role("link", name="Start again for the next person").click()
    page.wait_for_url(f"**{path}?via=kiosk")
    assert _form_values(page) == []
    seen = _walk_back_through_history(page, receipt)
    assert len(seen) >= 2, "Back was pressed at least once"


def test_a_kiosk_clears_itself_after_the_confirmation_page(new_page, site, settings):
    page = new_page()
    page.clock.install()
    page.goto(f"{site}/f/hd7k2?via=kiosk")
    _fill_and_send(page)
    receipt = Response.objects.latest("pk").receipt_code
    page.clock.run_for(31_000)  # the confirmation page starts again after 30 seconds
    page.wait_for_url("**/f/hd7k2?via=kiosk")
    _walk_back_through_history(page, receipt)


def test_back_and_send_again_stores_the_feedback_once(page, site):
    page.goto(f"{site}/f/hd7k2?via=qr")
    _fill_and_send(page)
    first = Response.objects.latest("pk")
    count = Response.objects.count()

    page.go_back()
    page.wait_for_load_state()
    assert COMMENT in _form_values(page)  # the browser puts the answers back...
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/feedback/thanks/**")

    assert Response.objects.count() == count  # ...but sending them again stores nothing new
    assert first.receipt_code in page.content()  # and shows the same receipt


def test_a_new_visit_to_the_survey_is_a_new_response(page, site):
    """Keeping the token on Back must not swallow a second, separate piece of feedback."""
    page.goto(f"{site}/f/hd7k2?via=qr")
    _fill_and_send(page)
    count = Response.objects.count()
    page.goto(f"{site}/f/hd7k2?via=qr")
    _fill_and_send(page)
    assert Response.objects.count() == count + 1
