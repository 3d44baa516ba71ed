"""Plain text from StreamField values, for readability checks. Pictures and tables are skipped."""

import re
from html import unescape

from django.utils.html import strip_tags
from wagtail.rich_text import RichText

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def rich_text_plain(html):
    return unescape(strip_tags(_BLOCK_END.sub("\n", html or ""))).strip()


def _block_text(value):
    if isinstance(value, RichText):
        return rich_text_plain(value.source)
    if isinstance(value, str):
        return value
    if hasattr(value, "get"):
        return value.get("text") or ""
    return ""


def stream_plain_text(stream_value):
    texts = (_block_text(child.value) for child in stream_value if child.block_type != "table")
    return "\n".join(text.strip() for text in texts if text and text.strip())
