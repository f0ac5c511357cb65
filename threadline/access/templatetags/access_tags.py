from django import template

from threadline.access.emergency import MANAGERS, to_review
from threadline.access.selectors import may_see_looks
from threadline.agencies.models import Practitioner

register = template.Library()


@register.simple_tag
def emergency_reviews_waiting(user: Practitioner) -> int | None:
    """How many of a manager's team's emergency looks wait for review; None if not a manager."""
    if getattr(user, "role", None) not in MANAGERS:
        return None
    return to_review(user).count()


@register.filter
def sees_looks(user: Practitioner) -> bool:
    return may_see_looks(user)


@register.filter
def answers_subject_access(user: Practitioner) -> bool:
    return getattr(user, "role", None) in MANAGERS
