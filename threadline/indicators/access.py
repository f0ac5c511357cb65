"""Who may see the practice indicators: the people who answer for practice across teams and
agencies. The figures are aggregates with no child named, but they show each agency's and team's
practice, which is the partnership's and its managers' business rather than every practitioner's.
"""

from __future__ import annotations

from threadline.agencies.models import Practitioner, Role

SEES_INDICATORS = frozenset(
    {
        Role.ANALYST,  # the partnership's business unit: the indicators are its work
        Role.SERVICE_MANAGER,
        Role.TEAM_MANAGER,  # a team's own practice, against the partnership's
        Role.CP_CHAIR,  # independent oversight of conferences, core groups and plans
        Role.ADMIN,
    }
)


def may_see_indicators(user: Practitioner) -> bool:
    return user.is_authenticated and user.role in SEES_INDICATORS
