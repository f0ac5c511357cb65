from django import template

from threadline.access.emergency import MANAGERS, to_review
from threadline.access.selectors import may_see_looks
from threadline.agencies.models import Practitioner
from threadline.signin.middleware import two_factor_required

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


@register.filter
def fully_signed_in(user: Practitioner) -> bool:
    """Signed in with both factors (or with the password alone where two-factor is off)."""
    if not getattr(user, "is_authenticated", False):  # the error pages have no user
        return False
    verified = getattr(user, "is_verified", lambda: False)
    return bool(not two_factor_required() or verified())
