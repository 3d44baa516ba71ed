"""Every page of the member area has a way back to the board's dashboard and a sign-out button
(a POST form, so it works without JavaScript)."""

import re

import pytest
from django.urls import reverse

SIGN_OUT = re.compile(
    r'<form class="app-inline-form" method="post" action="(?P<action>[^"]+)">'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]+">'
    r'<button type="submit" class="app-link-button govuk-link">Sign out</button></form>'
)


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("page", ["board-detail", "meeting-detail", "action-log"])
def test_board_pages_link_the_dashboard_and_sign_out(client, member, board, meeting, page):
    client.force_login(member)
    args = [board.slug, meeting.pk] if page == "meeting-detail" else [board.slug]
    html = _html(client, reverse(f"coproduction:{page}", args=args))
    nav = html.split('<nav class="app-account-nav"', 1)[1].split("</nav>", 1)[0]
    dashboard = reverse("coproduction:board-detail", args=[board.slug])
    assert f'<a class="govuk-link" href="{dashboard}">Board dashboard</a>' in nav
    assert SIGN_OUT.search(nav).group("action") == reverse("account_logout")


def test_the_list_of_boards_has_sign_out_but_no_single_dashboard(client, member):
    client.force_login(member)
    html = _html(client, reverse("coproduction:board-list"))
    assert SIGN_OUT.search(html)
    assert "Board dashboard" not in html


def test_signing_out_from_a_board_page_ends_the_session(client, member, board):
    client.force_login(member)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    detail = client.get(reverse("coproduction:board-detail", args=[board.slug]))
    assert detail.status_code == 302
    assert detail["Location"].startswith(reverse("account_login"))


def test_people_not_signed_in_get_no_account_links(client, board, officer, mailoutbox):
    client.force_login(officer)
    client.post(
        reverse("coproduction:invite", args=[board.slug]),
        {"email": "a@example.org", "role": "carer"},
    )
    client.logout()
    link = re.search(r"http://testserver(/board/join/\S+/)", mailoutbox[0].body).group(1)
    html = _html(client, link)
    assert "app-account-nav" not in html
    assert "Sign out" not in html
