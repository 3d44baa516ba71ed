from django import template
from django.utils import formats

from surveys.easy_read import PICTURES

register = template.Library()


@register.filter
def with_pictures(bound_field):
    """`{% for choice, picture in field|with_pictures %}`: each answer and its easy read picture."""
    pictures = getattr(bound_field.field, "option_pictures", {})
    return [(choice, pictures.get(str(choice.data["value"]))) for choice in bound_field]


@register.filter
def grouped(number):
    """5000 as the resident's language writes it: 5,000 in English, 5 000 in Polish."""
    return formats.number_format(number, force_grouping=True)


@register.simple_tag
def easy_read_picture(name):
    """`{% easy_read_picture "letter" as picture %}`: one of the easy read pictures, with its
    alt text (surveys/easy_read.py)."""
    return PICTURES[name]
