"""The confirmation page links the one public "You said, we did" page (the CMS page)."""

import uuid

from django.urls import reverse

from cms.models import YouSaidWeDidIndexPage
from tests.surveys.factories import site_home


def _thanks(client, keys):
    data = {"submission_token": str(uuid.uuid4()), f"q_{keys['overall']}": "good"}
    response = client.post("/f/hd7k2", data)
    return client.get(response["Location"]).content.decode()


def test_thanks_page_links_the_cms_you_said_we_did_page(client, touchpoint, keys):
    page = YouSaidWeDidIndexPage(title="What changed", slug="what-changed")
    site_home().add_child(instance=page)
    page.save_revision().publish()
    html = _thanks(client, keys)
    assert f'href="{page.url}"' in html
    assert reverse("coproduction:you-said-we-did") not in html


def test_thanks_page_has_no_you_said_we_did_link_until_the_page_exists(client, touchpoint, keys):
    html = _thanks(client, keys)
    assert "You said, we did" not in html
    assert reverse("coproduction:you-said-we-did") not in html
