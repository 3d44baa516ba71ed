"""QR codes for touchpoints, as SVG (for print) and PNG (for documents and slides)."""

import io
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from django.conf import settings
from qrcode.constants import ERROR_CORRECT_M


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def short_address(touchpoint):
    """The address typed out on the card for people who can't scan: host and path, no scheme."""
    parts = urlsplit(absolute_url(touchpoint.get_absolute_url()))
    return f"{parts.netloc}{parts.path}"


def _qr(data):
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_svg(touchpoint):
    image = _qr(absolute_url(touchpoint.qr_path())).make_image(
        image_factory=qrcode.image.svg.SvgPathImage
    )
    return image.to_string(encoding="unicode")


def qr_png(touchpoint, box_size=10):
    code = _qr(absolute_url(touchpoint.qr_path()))
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
