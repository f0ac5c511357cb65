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
from threadline.agencies.models import Agency, AgencyKind, Practitioner, Role, Team, TeamKind
from threadline.casework.models import Involvement
from threadline.checks.base import Actor
from threadline.checks.models import among
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


class Audience:
    """Inboxes to tell, and what telling them writes: their keys, names and e-mail addresses."""

    def __init__(self, inboxes: list[Inbox]) -> None:
        self.inboxes = inboxes
        self.keys = [inbox.key for inbox in inboxes]
        self.names = ", ".join(str(inbox) for inbox in inboxes)
        self.emails = sorted(
            {i.practitioner.email for i in inboxes if i.practitioner and i.practitioner.email}
        )


class Staff:
    """Agencies, teams and practitioners (with their managers), loaded once: every Directory of a
    tick shares them, so routing thousands of alerts reads the staff lists once."""

    def __init__(self) -> None:
        self.agencies = Agency.objects.in_bulk()
        self.teams = Team.objects.in_bulk()
        for team in self.teams.values():
            team.agency = self.agencies[team.agency_id]
        self.practitioners = Practitioner.objects.in_bulk()
        for practitioner in self.practitioners.values():
            if practitioner.agency_id is not None:
                practitioner.agency = self.agencies[practitioner.agency_id]
            if practitioner.team_id is not None:
                practitioner.team = self.teams[practitioner.team_id]
            if practitioner.manager_id is not None:
                practitioner.manager = self.practitioners[practitioner.manager_id]
        self.by_role: dict[tuple[int, str], list[Practitioner]] = defaultdict(list)
        for practitioner in sorted(self.practitioners.values(), key=lambda p: p.pk):
            if practitioner.is_active and practitioner.agency_id is not None:
                self.by_role[(practitioner.agency_id, practitioner.role)].append(practitioner)
        self.mash_teams: dict[int, list[Team]] = defaultdict(list)
        for team in sorted(self.teams.values(), key=lambda t: t.pk):
            if team.kind == TeamKind.MASH:
                self.mash_teams[team.agency_id].append(team)

    def involved(
        self, agency_id: int, team_id: int | None, lead_practitioner_id: int | None
    ) -> Involved:
        agency = self.agencies[agency_id]
        return Involved(
            agency_id,
            agency.kind,
            self.teams[team_id] if team_id is not None else None,
            self.practitioners[lead_practitioner_id] if lead_practitioner_id is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Involved:
    """An open involvement as routing reads it: the agency (and its kind), team and lead."""

    agency_id: int
    kind: str
    team: Team | None
    lead: Practitioner | None


class Directory:
    """Everything needed to route the alerts of some subjects: the people linked to them, their
    open involvements, and the staff lists. A tick keeps one for all its batches and loads each
    batch's subjects into it (``load``), so a subject met again is not read again."""

    def __init__(self, subject_ids: Iterable[int] = (), *, staff: Staff | None = None) -> None:
        staff = staff or Staff()
        self.staff = staff
        self.by_role = staff.by_role
        self.mash_teams = staff.mash_teams
        self.linked: dict[int, set[int]] = defaultdict(set)
        self.involvements: dict[int, list[Involved]] = defaultdict(list)
        self.first_csc: int | None = None
        self.subjects: set[int] = set()  # whose links are loaded
        self.people: set[int] = set()  # whose open involvements are loaded
        self.found: dict[tuple[Actor, int], Audience] = {}
        self.load(subject_ids)

    def load(self, subject_ids: Iterable[int]) -> None:
        """Read what routing these subjects' alerts needs; subjects already loaded are skipped."""
        today = clock.today()
        subjects = set(subject_ids) - self.subjects
        if subjects:
            pairs = Relationship.objects.filter(
                Q(person_id__in=among(subjects)) | Q(relative_id__in=among(subjects))
            ).values_list("person_id", "relative_id")
            for person_id, relative_id in pairs:
                self.linked[person_id].add(relative_id)
                self.linked[relative_id].add(person_id)
        self.subjects |= subjects
        everyone = subjects | {other for pk in subjects for other in self.linked[pk]}
        everyone -= self.people
        if everyone:
            rows = (
                Involvement.objects.filter(person_id__in=among(everyone), opened_on__lte=today)
                .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
                .order_by("pk")
                .values_list("person_id", "agency_id", "team_id", "lead_practitioner_id")
            )
            for person_id, *work in rows:
                involved = self.staff.involved(*work)
                self.involvements[person_id].append(involved)
                if self.first_csc is None and involved.kind == AgencyKind.CHILDRENS_SOCIAL_CARE:
                    self.first_csc = involved.agency_id
        self.people |= everyone

    @property
    def any_csc(self) -> list[int]:
        """Children's services to fall back on for a subject with none of their own."""
        if self.first_csc is not None:
            return [self.first_csc]
        first_mash = next(iter(self.mash_teams), None)
        return [first_mash] if first_mash is not None else []

    def open_involvements(self, subject_id: int, kinds: set[str] | None = None) -> list[Involved]:
        rows = self.involvements.get(subject_id, [])
        return rows if kinds is None else [i for i in rows if i.kind in kinds]

    def family_involvements(self, subject_id: int, kinds: set[str]) -> list[Involved]:
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
        return self.audience(actor, subject_id).inboxes

    def audience(self, actor: Actor, subject_id: int) -> Audience:
        """The inboxes for ``actor`` about the subject, with their names and e-mail addresses;
        worked out once per actor and subject, as a subject's alerts often share a ladder."""
        key = (actor, subject_id)
        if key not in self.found:
            found = FINDERS[actor](self, subject_id) or mash(self, subject_id)
            self.found[key] = Audience(list({inbox.key: inbox for inbox in found}.values()))
        return self.found[key]


def leads(involvements: list[Involved]) -> list[Inbox]:
    """Each involvement's lead practitioner, or its team where nobody is named."""
    found: list[Inbox] = []
    for involvement in involvements:
        if involvement.lead is not None:
            found.append(Inbox(practitioner=involvement.lead))
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
