from django import template

from coproduction.follow_up_forms import FollowUpForm

register = template.Library()


@register.simple_tag
def follow_up_form(action, easy_read=False):
    """`{% follow_up_form entry as form %}`: a fresh 'Is it better now?' form for an entry
    (`{% follow_up_form entry easy_read=True as form %}` in easy read words and pictures)."""
    return FollowUpForm(action=action, easy_read=easy_read)
