"""Who may change the partnership's library and tracker. Reviews are published, anonymised
documents, so every signed-in user may read them; changing them is the partnership's work."""

from __future__ import annotations

from threadline.agencies.models import Practitioner, Role

KEEPERS = frozenset({Role.ANALYST, Role.SERVICE_MANAGER, Role.ADMIN})


def may_keep_the_library(user: Practitioner) -> bool:
    """Upload, correct and publish reviews; create and update recommendation actions."""
    return user.is_authenticated and user.role in KEEPERS
