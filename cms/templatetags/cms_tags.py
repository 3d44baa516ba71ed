"""Links into the public site for templates of any app: `{% you_said_we_did_url as url %}`."""

from django import template

from cms import selectors

register = template.Library()


@register.simple_tag
def you_said_we_did_url():
    """The address of the one "You said, we did" page, or "" when there is none yet."""
    return selectors.you_said_we_did_url()
