"""Links into the public site for templates of any app: `{% you_said_we_did_url as url %}`."""

from django import template

from cms.selectors import you_said_we_did_page

register = template.Library()


@register.simple_tag
def you_said_we_did_url():
    """The address of the one "You said, we did" page, or "" when there is none yet."""
    page = you_said_we_did_page()
    return page.url if page else ""
