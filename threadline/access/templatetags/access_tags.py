from django import template

from threadline.access.emergency import MANAGERS, to_review
from threadline.agencies.models import Practitioner

register = template.Library()


@register.simple_tag
def emergency_reviews_waiting(user: Practitioner) -> int | None:
    """How many of a manager's team's emergency looks wait for review; None if not a manager."""
    if getattr(user, "role", None) not in MANAGERS:
        return None
    return to_review(user).count()
