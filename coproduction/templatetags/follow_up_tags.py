from django import template

from coproduction.follow_up_forms import FollowUpForm

register = template.Library()


@register.simple_tag
def follow_up_form(action):
    """`{% follow_up_form entry as form %}`: a fresh 'Is it better now?' form for an entry."""
    return FollowUpForm(action=action)
