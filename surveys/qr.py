"""QR codes for touchpoints, as SVG (for print) and PNG (for documents and slides)."""

import io
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.utils.translation import gettext as _
from qrcode.constants import ERROR_CORRECT_M

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}
# RFC 2606 and 6761 names, never a council's real address.
RESERVED_TOP_LEVEL = {"example", "test", "invalid", "localhost", "local"}


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def public_address_problem():
    """Why the configured public address (SITE_URL) can't go on a printed card, or None.

    Cards outlive deployments: a QR code pointing at a laptop or a placeholder domain is
    thousands of cards in the bin, so the admin says so before anyone prints.
    """
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    host = (parts.hostname or "").lower()
    if host in LOCAL_HOSTS or host.rsplit(".", 1)[-1] in RESERVED_TOP_LEVEL:
        return _("The public address (SITE_URL) is not set: it is %(address)s.") % {
            "address": settings.WAGTAILADMIN_BASE_URL
        }
    if parts.scheme != "https":
        return _("The public address (SITE_URL) does not start with https://.")
    return None


def short_address(touchpoint):
    """The address typed out on the card for people who can't scan: host and path, no scheme."""
    parts = urlsplit(absolute_url(touchpoint.get_absolute_url()))
    return f"{parts.netloc}{parts.path}"


def _qr(data):
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_svg_for(data):
    image = _qr(data).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def qr_svg(touchpoint):
    return qr_svg_for(absolute_url(touchpoint.qr_path()))


def qr_png(touchpoint, box_size=10):
    code = _qr(absolute_url(touchpoint.qr_path()))
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
