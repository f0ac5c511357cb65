"""Who is told: each actor on a ladder resolved to practitioners' and teams' inboxes.

A ``Directory`` loads, in a few queries, everything needed to route the alerts of many subjects,
so a tick over thousands of alerts does not query per alert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q

from threadline import clock
from threadline.agencies.models import AgencyKind, Practitioner, Role, Team, TeamKind
from threadline.casework.models import Involvement
from threadline.checks.base import Actor
from threadline.feeds.context import chunked
from threadline.people.models import Relationship

HEALTH_VISITING: set[str] = {AgencyKind.HEALTH_VISITING, AgencyKind.SCHOOL_NURSING}
ADULT_SERVICES: set[str] = {AgencyKind.ADULT_MENTAL_HEALTH, AgencyKind.DRUG_ALCOHOL}


@dataclass(frozen=True)
class Inbox:
    practitioner: Practitioner | None = None
    team: Team | None = None

    @property
    def key(self) -> tuple[int | None, int | None]:
        return (
            self.practitioner.pk if self.practitioner else None,
            self.team.pk if self.team else None,
        )

    def __str__(self) -> str:
        return str(self.practitioner or self.team)


class Directory:
    def __init__(self, subject_ids: Iterable[int]) -> None:
        today = clock.today()
        subjects = set(subject_ids)
        self.linked: dict[int, set[int]] = defaultdict(set)
        for chunk in chunked(sorted(subjects)):
            pairs = Relationship.objects.filter(
                Q(person_id__in=chunk) | Q(relative_id__in=chunk)
            ).values_list("person_id", "relative_id")
            for person_id, relative_id in pairs:
                self.linked[person_id].add(relative_id)
                self.linked[relative_id].add(person_id)
        everyone = subjects | {other for pk in subjects for other in self.linked[pk]}
        self.involvements: dict[int, list[Involvement]] = defaultdict(list)
        for chunk in chunked(sorted(everyone)):
            rows = (
                Involvement.objects.filter(person_id__in=chunk, opened_on__lte=today)
                .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
                .select_related("agency", "team", "lead_practitioner__manager__manager__manager")
            )
            for involvement in rows:
                self.involvements[involvement.person_id].append(involvement)
        active = Practitioner.objects.filter(is_active=True).exclude(agency=None)
        self.by_role: dict[tuple[int, str], list[Practitioner]] = defaultdict(list)
        for practitioner in active.select_related("agency"):
            self.by_role[(practitioner.agency_id or 0, practitioner.role)].append(practitioner)
        self.mash_teams: dict[int, list[Team]] = defaultdict(list)
        for team in Team.objects.filter(kind=TeamKind.MASH):
            self.mash_teams[team.agency_id].append(team)
        self.any_csc = [
            i.agency_id
            for rows in self.involvements.values()
            for i in rows
            if i.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE
        ][:1]
        if not self.any_csc:
            first_mash = next(iter(self.mash_teams), None)
            self.any_csc = [first_mash] if first_mash is not None else []

    def open_involvements(
        self, subject_id: int, kinds: set[str] | None = None
    ) -> list[Involvement]:
        rows = self.involvements.get(subject_id, [])
        return [i for i in rows if kinds is None or i.agency.kind in kinds]

    def family_involvements(self, subject_id: int, kinds: set[str]) -> list[Involvement]:
        """The subject's and the linked people's: probation and adult services work with the
        parent, not the child."""
        people = [subject_id, *sorted(self.linked.get(subject_id, ()))]
        return [i for pk in people for i in self.open_involvements(pk, kinds)]

    def csc_agency_ids(self, subject_id: int) -> list[int]:
        own = {
            i.agency_id
            for i in self.open_involvements(subject_id, {AgencyKind.CHILDRENS_SOCIAL_CARE})
        }
        return sorted(own) or self.any_csc

    def with_role(self, agency_ids: Iterable[int], role: str) -> list[Inbox]:
        return [Inbox(practitioner=p) for a in agency_ids for p in self.by_role.get((a, role), [])]

    def inboxes_for(self, actor: Actor, subject_id: int) -> list[Inbox]:
        """Where an alert about the subject goes for ``actor``; MASH when nobody else is found."""
        found = FINDERS[actor](self, subject_id) or mash(self, subject_id)
        return list({inbox.key: inbox for inbox in found}.values())


def leads(involvements: list[Involvement]) -> list[Inbox]:
    """Each involvement's lead practitioner, or its team where nobody is named."""
    found: list[Inbox] = []
    for involvement in involvements:
        if involvement.lead_practitioner is not None:
            found.append(Inbox(practitioner=involvement.lead_practitioner))
        elif involvement.team is not None:
            found.append(Inbox(team=involvement.team))
    return found


def mash(directory: Directory, subject_id: int) -> list[Inbox]:
    agencies = directory.csc_agency_ids(subject_id)
    teams = [Inbox(team=t) for a in agencies for t in directory.mash_teams.get(a, [])]
    return teams or directory.with_role(agencies, Role.MASH)


def allocated_worker(directory: Directory, subject_id: int) -> list[Inbox]:
    csc = directory.open_involvements(subject_id, {AgencyKind.CHILDRENS_SOCIAL_CARE})
    return leads(csc) or mash(directory, subject_id)


def manager(role: str) -> Callable[[Directory, int], list[Inbox]]:
    def find(directory: Directory, subject_id: int) -> list[Inbox]:
        for inbox in allocated_worker(directory, subject_id):
            boss = inbox.practitioner.manager if inbox.practitioner else None
            while boss is not None:
                if boss.role == role:
                    return [Inbox(practitioner=boss)]
                boss = boss.manager
        return directory.with_role(directory.csc_agency_ids(subject_id), role)

    return find


def agency_leads(kinds: set[str] | None) -> Callable[[Directory, int], list[Inbox]]:
    def find(directory: Directory, subject_id: int) -> list[Inbox]:
        involvements = directory.open_involvements(subject_id, kinds)
        agencies = sorted({i.agency_id for i in involvements})
        return directory.with_role(agencies, Role.SAFEGUARDING_LEAD) or leads(involvements)

    return find


def involved_leads(kinds: set[str] | None) -> Callable[[Directory, int], list[Inbox]]:
    return lambda directory, subject_id: leads(directory.open_involvements(subject_id, kinds))


def family_leads(kinds: set[str]) -> Callable[[Directory, int], list[Inbox]]:
    return lambda directory, subject_id: leads(directory.family_involvements(subject_id, kinds))


def with_csc_role(role: str) -> Callable[[Directory, int], list[Inbox]]:
    return lambda directory, subject_id: directory.with_role(
        directory.csc_agency_ids(subject_id), role
    )


FINDERS: dict[Actor, Callable[[Directory, int], list[Inbox]]] = {
    Actor.ALLOCATED_WORKER: allocated_worker,
    Actor.PRACTICE_MANAGER: manager(Role.PRACTICE_MANAGER),
    Actor.TEAM_MANAGER: manager(Role.TEAM_MANAGER),
    Actor.SERVICE_MANAGER: manager(Role.SERVICE_MANAGER),
    Actor.MASH: mash,
    Actor.CP_CHAIR: with_csc_role(Role.CP_CHAIR),
    Actor.SCHOOL_DSL: agency_leads({AgencyKind.EDUCATION}),
    Actor.HEALTH_VISITOR: involved_leads(HEALTH_VISITING),
    Actor.RECORDING_AGENCY_LEAD: agency_leads(None),
    Actor.INVOLVED_AGENCIES: involved_leads(None),
    Actor.POLICE: agency_leads({AgencyKind.POLICE}),
    Actor.PROBATION: family_leads({AgencyKind.PROBATION}),
    Actor.ADULT_SERVICE: family_leads(ADULT_SERVICES),
    Actor.GP_LEAD: agency_leads({AgencyKind.GP}),
}
