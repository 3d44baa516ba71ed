"""A receipt code is enough to read and withdraw someone's feedback, and access logs tie every
address to an IP address: so no address, redirect or log line may ever hold one."""

import logging
import re
import uuid
from html.parser import HTMLParser

import pytest

from surveys.models import ContactRequest, Response
from surveys.services import contact_request_create


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.actions = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "form":
            self.actions.append(attrs.get("action") or "")


def _links(html):
    parser = _Links()
    parser.feed(html)
    return parser


def _send(client, keys, path="/f/hd7k2", token=None):
    data = {
        "submission_token": token or str(uuid.uuid4()),
        f"q_{keys['overall']}": "poor",
        f"q_{keys['do_better']}": "Nobody rang me back about the equipment.",
    }
    return client.post(path, data)


def test_a_whole_journey_puts_no_receipt_code_in_any_address_or_log(
    client, touchpoint, keys, caplog
):
    caplog.set_level(logging.DEBUG)
    addresses = []

    def visit(method, path, data=None):
        addresses.append(path)
        reply = getattr(client, method)(path, data or {})
        if reply.has_header("Location"):
            addresses.append(reply["Location"])
        for href in _links(reply.content.decode()).hrefs:
            addresses.append(href)
        for action in _links(reply.content.decode()).actions:
            addresses.append(action)
        return reply

    sent = _send(client, keys)
    addresses.append(sent["Location"])
    code = Response.objects.get().receipt_code
    confirmation = visit("get", sent["Location"])
    assert code in confirmation.content.decode()
    visit("post", "/feedback/contact/", {"receipt_code": code})
    visit(
        "post",
        "/feedback/contact/",
        {"receipt_code": code, "step": "details", "name": "Ann", "preferred_contact": "phone"}
        | {"phone": "07700 900123"},
    )
    assert ContactRequest.objects.count() == 1
    visit("get", "/feedback/receipt/")
    receipt = visit("post", "/feedback/receipt/", {"receipt_code": code.lower()})
    assert "Delete my feedback" in receipt.content.decode()
    visit("post", "/feedback/receipt/withdraw/", {"receipt_code": code})
    visit("post", "/feedback/receipt/withdraw/", {"receipt_code": code, "confirm": "yes"})
    assert not Response.objects.exists()

    bare = code.replace("-", "")
    assert [a for a in addresses if code in a or bare in a.upper()] == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert code not in logged and bare not in logged


def test_the_confirmation_page_shows_the_receipt_once(client, touchpoint, keys):
    address = _send(client, keys)["Location"]
    code = Response.objects.get().receipt_code
    assert code in client.get(address).content.decode()
    again = client.get(address)
    assert again.status_code == 410
    assert "This page has expired" in again.content.decode()
    assert code not in again.content.decode()


def test_the_old_addresses_with_codes_in_them_are_gone(client, touchpoint, keys):
    _send(client, keys)
    code = Response.objects.get().receipt_code
    for address in (
        f"/feedback/receipt/{code}/",
        f"/feedback/receipt/{code}/withdraw/",
        f"/feedback/thanks/{code}/contact/",
    ):
        assert client.get(address).status_code == 404, address
    old_thanks = client.get(f"/feedback/thanks/{code}/")
    assert old_thanks.status_code == 410
    assert code not in old_thanks.content.decode()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/feedback/receipt/", {"receipt_code": "AAAA-BBBB-CC"}),
        ("/feedback/receipt/withdraw/", {"receipt_code": "AAAA-BBBB-CC"}),
        ("/feedback/contact/", {"receipt_code": "AAAA-BBBB-CC"}),
    ],
)
def test_error_reports_never_carry_a_posted_receipt_code(client, touchpoint, path, data):
    """Django's error emails and reports include POST data unless a view marks it sensitive."""
    reply = client.post(path, data)
    assert reply.wsgi_request.sensitive_post_parameters == "__ALL__"


def test_withdrawing_needs_the_confirming_press(client, touchpoint, keys):
    _send(client, keys)
    code = Response.objects.get().receipt_code
    asked = client.post("/feedback/receipt/withdraw/", {"receipt_code": code})
    assert "Are you sure" in asked.content.decode()
    assert Response.objects.count() == 1
    unknown = client.post(
        "/feedback/receipt/withdraw/", {"receipt_code": "ZZZZ-ZZZZ-ZZ", "confirm": "yes"}
    )
    assert unknown["Location"] == "/feedback/receipt/"
    assert Response.objects.count() == 1


@pytest.mark.parametrize("path", ["/f/hd7k2?via=kiosk", "/f/hd7k2/easy-read?via=kiosk"])
def test_on_a_kiosk_every_link_stays_in_kiosk_mode(client, touchpoint, keys, path):
    """The header, footer and page links either keep `via=kiosk` or are not there: nobody
    leaves the kiosk's survey for a page that doesn't clear itself."""
    survey = client.get(path).content.decode()
    sent = _send(client, keys, path=path)
    confirmation = client.get(sent["Location"]).content.decode()
    assert "kiosk.js" in survey and "kiosk.js" in confirmation
    for html in (survey, confirmation):
        leaving = [
            href
            for href in _links(html).hrefs
            if not href.startswith("#") and "via=kiosk" not in href
        ]
        assert leaving == []
        assert 'autocomplete="off"' in html or html is confirmation
    restart = re.search(r'id="kiosk-restart" href="([^"]+)"', confirmation).group(1)
    assert restart.replace("&amp;", "&") == path  # back to the same survey, easy read or not


def test_off_a_kiosk_the_header_and_footer_links_are_there(client, touchpoint):
    html = client.get("/f/hd7k2").content.decode()
    hrefs = _links(html).hrefs
    assert "/privacy/" in hrefs and "/accessibility/" in hrefs
    assert "kiosk.js" not in html
    assert 'autocomplete="off"' not in html.split("<form", 1)[1].split(">", 1)[0]


def test_a_database_blip_on_the_confirmation_page_does_not_spend_it(client, touchpoint, keys):
    """ "Please try again" (503) must mean it: the one-time page still works on the next try."""
    from unittest import mock

    from django.db import OperationalError

    address = _send(client, keys)["Location"]
    code = Response.objects.get().receipt_code
    with mock.patch(
        "surveys.views.published.survey_page",
        side_effect=OperationalError("server closed the connection"),
    ):
        assert client.get(address).status_code == 503
    assert code in client.get(address).content.decode()
    assert client.get(address).status_code == 410


def test_the_same_form_sent_again_after_asking_for_contact_does_not_offer_it_twice(
    client, touchpoint, keys
):
    """The confirmation page reads nothing from the database: whether to offer "contact me" is
    decided when the token is issued, and a form sent again (Back, then Send) finds the contact
    request the first confirmation led to."""
    token = str(uuid.uuid4())
    first = client.get(_send(client, keys, token=token)["Location"]).content.decode()
    assert "Would you like us to contact you?" in first
    contact_request_create(
        response=Response.objects.get(), name="Sam", phone="07700 900123", preferred_contact="phone"
    )
    again = client.get(_send(client, keys, token=token)["Location"]).content.decode()
    assert Response.objects.count() == 1
    assert Response.objects.get().receipt_code in again
    assert "Would you like us to contact you?" not in again
