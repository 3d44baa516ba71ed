from django import template

from insights import suppression

register = template.Library()


@register.filter
def plural_count(count):
    """`{% blocktranslate count counter=row.raw_count|plural_count %}`: the plural form for a
    count that may be shown as "fewer than 5"."""
    return suppression.plural_count(count)
