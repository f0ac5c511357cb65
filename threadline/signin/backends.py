"""Signing in by username and password, as Django does, with the practitioner's agency and team
read alongside them: every page shows the agency and the access rules read the team, and a query
each for them on every request was a tenth of a child's page."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from threadline.agencies.models import Practitioner


class PractitionerBackend(ModelBackend):
    def get_user(self, user_id: int) -> Practitioner | None:
        user = Practitioner.objects.select_related("agency", "team").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
