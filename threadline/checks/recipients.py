"""Who is told: each actor on a ladder resolved to practitioners' and teams' inboxes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner, Role, Team, TeamKind
from threadline.casework.models import Involvement
from threadline.checks.base import Actor
from threadline.people.models import Person


@dataclass(frozen=True)
class Inbox:
    practitioner: Practitioner | None = None
    team: Team | None = None

    def __str__(self) -> str:
        return str(self.practitioner or self.team)


def _open_involvements(person: Person, kinds: set[str] | None = None) -> list[Involvement]:
    today = clock.today()
    rows = Involvement.objects.filter(person=person, opened_on__lte=today).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=today)
    )
    if kinds:
        rows = rows.filter(agency__kind__in=kinds)
    return list(rows.select_related("agency", "team", "lead_practitioner"))


def _leads(involvements: list[Involvement]) -> list[Inbox]:
    """Each involvement's lead practitioner, or its team where nobody is named."""
    found: list[Inbox] = []
    for involvement in involvements:
        if involvement.lead_practitioner is not None:
            found.append(Inbox(practitioner=involvement.lead_practitioner))
        elif involvement.team is not None:
            found.append(Inbox(team=involvement.team))
    return found


def _csc_agencies(person: Person) -> list[Agency]:
    agencies = [i.agency for i in _open_involvements(person, {AgencyKind.CHILDRENS_SOCIAL_CARE})]
    return agencies or list(Agency.objects.filter(kind=AgencyKind.CHILDRENS_SOCIAL_CARE)[:1])


def _with_role(agencies: list[Agency], role: str) -> list[Inbox]:
    people = Practitioner.objects.filter(agency__in=agencies, role=role, is_active=True)
    return [Inbox(practitioner=p) for p in people]


def _mash(person: Person) -> list[Inbox]:
    agencies = _csc_agencies(person)
    teams = Team.objects.filter(agency__in=agencies, kind=TeamKind.MASH)
    return [Inbox(team=team) for team in teams] or _with_role(agencies, Role.MASH)


def allocated_worker(person: Person) -> list[Inbox]:
    leads = _leads(_open_involvements(person, {AgencyKind.CHILDRENS_SOCIAL_CARE}))
    return leads or _mash(person)


def _manager(role: str) -> Callable[[Person], list[Inbox]]:
    def find(person: Person) -> list[Inbox]:
        for inbox in allocated_worker(person):
            boss = inbox.practitioner.manager if inbox.practitioner else None
            while boss is not None:
                if boss.role == role:
                    return [Inbox(practitioner=boss)]
                boss = boss.manager
        return _with_role(_csc_agencies(person), role)

    return find


def _agency_leads(kinds: set[str]) -> Callable[[Person], list[Inbox]]:
    def find(person: Person) -> list[Inbox]:
        involvements = _open_involvements(person, kinds)
        agencies = list({i.agency for i in involvements})
        return _with_role(agencies, Role.SAFEGUARDING_LEAD) or _leads(involvements)

    return find


def _involved_leads(kinds: set[str]) -> Callable[[Person], list[Inbox]]:
    return lambda person: _leads(_open_involvements(person, kinds))


def _every_involved_agency(person: Person) -> list[Inbox]:
    return _leads(_open_involvements(person))


FINDERS: dict[Actor, Callable[[Person], list[Inbox]]] = {
    Actor.ALLOCATED_WORKER: allocated_worker,
    Actor.PRACTICE_MANAGER: _manager(Role.PRACTICE_MANAGER),
    Actor.TEAM_MANAGER: _manager(Role.TEAM_MANAGER),
    Actor.SERVICE_MANAGER: _manager(Role.SERVICE_MANAGER),
    Actor.MASH: _mash,
    Actor.CP_CHAIR: lambda person: _with_role(_csc_agencies(person), Role.CP_CHAIR),
    Actor.SCHOOL_DSL: _agency_leads({AgencyKind.EDUCATION}),
    Actor.HEALTH_VISITOR: _involved_leads({AgencyKind.HEALTH_VISITING, AgencyKind.SCHOOL_NURSING}),
    Actor.RECORDING_AGENCY_LEAD: _agency_leads(set(AgencyKind.values)),
    Actor.INVOLVED_AGENCIES: _every_involved_agency,
    Actor.POLICE: _agency_leads({AgencyKind.POLICE}),
    Actor.PROBATION: _involved_leads({AgencyKind.PROBATION}),
    Actor.ADULT_SERVICE: _involved_leads({AgencyKind.ADULT_MENTAL_HEALTH, AgencyKind.DRUG_ALCOHOL}),
    Actor.GP_LEAD: _agency_leads({AgencyKind.GP}),
}


def inboxes_for(actor: Actor, person: Person) -> list[Inbox]:
    """Where an alert about ``person`` goes for ``actor``; never empty while MASH exists."""
    found = FINDERS[actor](person)
    unique = {(i.practitioner and i.practitioner.pk, i.team and i.team.pk): i for i in found}
    return list(unique.values()) or _mash(person)
