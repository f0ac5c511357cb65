from django import template

from threadline.agencies.models import Practitioner
from threadline.matching.selectors import may_review

register = template.Library()


@register.filter
def reviews_matches(user: Practitioner) -> bool:
    return may_review(user)
