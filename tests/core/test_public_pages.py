import pytest

PUBLIC_PATHS = ["/", "/privacy/", "/accessibility/", "/pl/", "/ur/privacy/"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_page_renders(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b'id="main-content"' in response.content


def test_pages_declare_language_and_direction(client, demo_site):
    english = client.get("/privacy/").content.decode()
    urdu = client.get("/ur/privacy/").content.decode()
    assert '<html lang="en" dir="ltr"' in english
    assert '<html lang="ur" dir="rtl"' in urdu


def test_language_switcher_keeps_the_same_page(client, demo_site):
    html = client.get("/privacy/").content.decode()
    assert 'href="/pl/privacy/" lang="pl"' in html
    assert 'href="/ur/privacy/" lang="ur"' in html


def test_public_pages_send_strict_security_headers(client, demo_site):
    response = client.get("/privacy/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script(client, demo_site):
    html = client.get("/").content.decode()
    assert "<script>" not in html
    assert 'type="module" src="/static/js/app.js"' in html


def test_wagtail_admin_login_renders(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_unknown_page_is_404_with_site_layout(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
