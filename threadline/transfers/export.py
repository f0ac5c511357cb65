"""Building a child's transfer pack (format version 1, ``docs/transfers.md``) from the record.

Only reads. The child passed in must already have been fetched through need-to-know access.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify

from threadline import clock
from threadline.access.sensitive import Words, words_for
from threadline.agencies.models import Agency, Practitioner
from threadline.casework.models import Involvement, PlanOutcome, StatusEpisode
from threadline.chronology.models import Event, EventPerson, SubjectRole
from threadline.chronology.vocabulary import DatePrecision, EventType, Outcome
from threadline.feeds.context import chunked
from threadline.meetings.models import Invitation, Meeting, Response
from threadline.meetings.selectors import PARENTAL_KINDS, meetings_of, parents_and_carers
from threadline.people.models import Address, Person, PersonName, Relationship, RelationshipKind
from threadline.people.names import fold
from threadline.people.selectors import original_referral, relationship_label
from threadline.plans.models import Plan
from threadline.plans.services import current_episode
from threadline.transfers.schema import FORMAT, VERSION

RECENT_MEETINGS = dt.timedelta(days=365)
PARTNER_KINDS = (RelationshipKind.PARTNER, RelationshipKind.FORMER_PARTNER)


@dataclass(frozen=True)
class Authority:
    code: str
    name: str


def authority_of(agency: Agency) -> Authority:
    """The local authority a children's social care agency belongs to, as its packs name it."""
    words = slugify(agency.local_authority or agency.name) or agency.code
    code = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:37].strip("-")
    return Authority(code=code or "authority", name=agency.name)


def entry_id(agency_code: str, source_id: str) -> str:
    """A record's id in a pack: its agency and that agency's own id, stable across packs."""
    return f"{agency_code}:{source_id}"


def person_ref(person: Person | int) -> str:
    return f"person-{person if isinstance(person, int) else person.pk}"


def _short(text: str, limit: int = 200) -> str:
    return text[:limit]


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def build_pack(
    child: Person, *, by: Practitioner, receiving_authority: Authority, reason: str
) -> dict[str, Any]:
    """Everything the receiving authority needs so that nobody starts again."""
    agency = by.agency
    if agency is None:
        raise ValueError("a transfer pack is sent by a practitioner of an agency")
    today = clock.today()
    child = Person.objects.get(pk=child.pk)  # as the record holds the child now
    people, relationships = _network(child)
    in_pack = {child.pk, *(person.pk for person in people)}
    episodes = list(
        StatusEpisode.objects.filter(person=child)
        .select_related("agency")
        .prefetch_related("factors")
        .order_by("started_on", "pk")
    )
    authority = authority_of(agency)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": clock.now().isoformat(),
        "sending_authority": {
            "code": authority.code,
            "name": _short(agency.name),
            "local_authority": agency.local_authority,
            "nation": agency.nation,
        },
        "receiving_authority": {"code": receiving_authority.code, "name": receiving_authority.name},
        "sent_by": {
            "name": _short(by.get_full_name() or by.username),
            "email": by.email,
            "job_title": by.job_title,
            "agency": _short(agency.name),
        },
        "reason": reason.strip(),
        "reason_for_referral": _reason_for_referral(child, episodes),
        "move": _move(child),
        "child": _person(child),
        "status_episodes": [_episode(episode, today) for episode in episodes],
        "plan": _plan(child, today, in_pack),
        "meetings": [_meeting(meeting) for meeting in _recent_meetings(child)],
        "network": {
            "people": [
                {**_person(person), "relation_to_child": _relation(person, child, relationships)}
                for person in people
            ],
            "relationships": [_relationship(r) for r in relationships],
        },
        "contacts": _contacts(child, today, in_pack),
        "chronology": _chronology(child, in_pack, by),
    }


# The child and the people around them.


def _person(person: Person) -> dict[str, Any]:
    return {
        "ref": person_ref(person),
        "name": {"given": person.given_name, "family": person.family_name},
        "other_names": _other_names(person),
        "date_of_birth": _day(person.date_of_birth),
        "expected_date_of_birth": _day(person.expected_date_of_birth),
        "date_of_death": _day(person.date_of_death),
        "sex": person.sex,
        "nhs_number": person.nhs_number,
        "language": person.language,
        "identifiers": [
            {"scheme": scheme, "value": value}
            for scheme, value in person.identifiers.order_by("scheme", "value")
            .values_list("scheme", "value")
            .distinct()
        ],
        "addresses": _addresses(person),
    }


def _other_names(person: Person) -> list[dict[str, str]]:
    """Every other name any agency knows the person by, each once (aliases matter: Ak)."""
    seen = {(fold(person.given_name), fold(person.family_name), "legal")}
    names = []
    for name in PersonName.objects.filter(person=person).order_by("kind", "pk"):
        key = (fold(name.given_name), fold(name.family_name), name.kind)
        if key not in seen and (name.given_name or name.family_name):
            seen.add(key)
            names.append({"given": name.given_name, "family": name.family_name, "kind": name.kind})
    return names


def _addresses(person: Person) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, dt.date | None]] = set()
    found = []
    rows = Address.objects.filter(person=person).order_by("lived_from", "pk")
    for address in rows:
        key = (fold(address.line1), address.postcode.replace(" ", ""), address.lived_from)
        if key in seen:
            continue
        seen.add(key)
        found.append(
            {
                "line1": address.line1,
                "line2": address.line2,
                "town": address.town,
                "postcode": address.postcode,
                "local_authority": address.local_authority,
                "from": _day(address.lived_from),
                "to": _day(address.lived_to),
            }
        )
    return found


def _network(child: Person) -> tuple[list[Person], list[Relationship]]:
    """The people related to the child, and the partners of the child's parents and carers
    (the man in the house: Ak, Ag), with every relationship among them."""
    around = list(Relationship.objects.filter(Q(person=child) | Q(relative=child)))
    ids = {child.pk} | {r.person_id for r in around} | {r.relative_id for r in around}
    carers = {r.person_id for r in around if r.relative_id == child.pk and r.kind in PARENTAL_KINDS}
    partners = Relationship.objects.filter(
        Q(person_id__in=carers) | Q(relative_id__in=carers), kind__in=PARTNER_KINDS
    ).values_list("person_id", "relative_id")
    for person_id, relative_id in partners:
        ids |= {person_id, relative_id}
    relationships = list(
        Relationship.objects.filter(person_id__in=ids, relative_id__in=ids)
        .select_related("agency", "person", "relative")
        .order_by("pk")
    )
    people = Person.objects.filter(pk__in=ids - {child.pk}).order_by("pk")
    return list(people), relationships


def _relation(person: Person, child: Person, relationships: list[Relationship]) -> str:
    """What ``person`` is to the child, in words."""
    direct = []
    for rel in relationships:
        if {rel.person_id, rel.relative_id} == {person.pk, child.pk}:
            label = relationship_label(
                rel.kind, relative_is_subject=rel.relative_id == child.pk, sex=person.sex
            )
            direct.append(label)
    if direct:
        return ", ".join(dict.fromkeys(direct))
    for rel in relationships:
        if rel.kind in PARTNER_KINDS and person.pk in (rel.person_id, rel.relative_id):
            other = rel.relative if rel.person_id == person.pk else rel.person
            kind = RelationshipKind(rel.kind).label
            return f"{kind} of {other.full_name}"
    return "Family network"


def _relationship(rel: Relationship) -> dict[str, Any]:
    return {
        "id": entry_id(rel.agency.code, rel.source_id),
        "person": person_ref(rel.person_id),
        "relative": person_ref(rel.relative_id),
        "type": rel.kind,
        "parental_responsibility": rel.parental_responsibility,
        "from": _day(rel.started_on),
        "to": _day(rel.ended_on),
        "recorded_by": _short(rel.agency.name),
    }


# Why the child is known, and what is happening now.


def _reason_for_referral(child: Person, episodes: list[StatusEpisode]) -> dict[str, Any] | None:
    original = original_referral(child, episodes)
    if original is None:
        return None
    return {
        "reason": original.reason[:1000],
        "on": original.on.isoformat(),
        "agency": _short(original.agency.name),
        "episode": original.episode,
        "referral_source": original.source,
    }


def _move(child: Person) -> dict[str, Any] | None:
    link = (
        EventPerson.objects.filter(
            person=child,
            is_current=True,
            event_type=EventType.ADDRESS_MOVE,
            event__outcome=Outcome.MOVED_OUT_OF_AREA,
        )
        .exclude(role=SubjectRole.MENTIONED)
        .select_related("event", "agency")
        .order_by("-occurred_at", "-event_id")
        .first()
    )
    if link is None:
        return None
    return {
        "date": clock.local_date(link.occurred_at).isoformat(),
        "summary": link.event.summary[:1000],
        "recorded_by": _short(link.agency.name),
    }


def _agency(agency: Agency) -> dict[str, str]:
    return {"code": agency.code, "name": _short(agency.name), "kind": agency.kind}


def _episode(episode: StatusEpisode, today: dt.date) -> dict[str, Any]:
    return {
        "id": entry_id(episode.agency.code, episode.source_id),
        "agency": _agency(episode.agency),
        "status": episode.kind,
        "start": episode.started_on.isoformat(),
        "end": _day(episode.ended_on),
        "current": episode.ended_on is None or episode.ended_on > today,
        "reason": episode.reason,
        "referral_source": episode.referral_source,
        "primary_need": episode.primary_need,
        "category_of_abuse": episode.category_of_abuse,
        "closure_reason": episode.closure_reason,
        "end_reason": episode.end_reason,
        "factors": sorted(factor.code for factor in episode.factors.all()),
    }


def _plan(child: Person, today: dt.date, in_pack: set[int]) -> dict[str, Any] | None:
    episode = current_episode(child, today)
    if episode is None:
        return None
    plan = (
        Plan.objects.filter(episode=episode)
        .select_related("agency")
        .prefetch_related("actions__agency", "conditions__monitor_agency", "conditions__evidence")
        .first()
    )
    outcomes = PlanOutcome.objects.filter(episode=episode).select_related("agency")
    return {
        "episode": entry_id(episode.agency.code, episode.source_id),
        "status": episode.kind,
        "agency": _short((plan.agency if plan else episode.agency).name),
        "reason_for_referral": plan.reason_for_referral if plan else "",
        "focus": plan.focus if plan else "",
        "focus_change_rationale": plan.focus_change_rationale if plan else "",
        "started_on": _day(plan.started_on if plan else episode.started_on),
        "review_by": _day(plan.review_by) if plan else None,
        "outcomes": [
            {
                "id": entry_id(outcome.agency.code, outcome.source_id),
                "risk": outcome.risk,
                "change_wanted": outcome.change_wanted,
                "achieve_by": _day(outcome.achieve_by),
                "consequence": outcome.consequence,
                "written": outcome.written_on.isoformat(),
            }
            for outcome in outcomes.order_by("written_on", "pk")
        ],
        "actions": [_plan_action(action) for action in plan.actions.all()] if plan else [],
        "written_agreements": (
            [_agreement(c, in_pack) for c in plan.conditions.all()] if plan else []
        ),
    }


def _plan_action(action: Any) -> dict[str, Any]:
    return {
        "description": action.description,
        "agency": _short(action.agency.name),
        "owner": _short(action.owner_name),
        "due": action.due_on.isoformat(),
        "completed": _day(action.completed_on),
    }


def _agreement(condition: Any, in_pack: set[int]) -> dict[str, Any]:
    return {
        "text": condition.text,
        "about": person_ref(condition.about_id) if condition.about_id in in_pack else None,
        "about_name": _short(condition.about.full_name),
        "contact": condition.contact,
        "monitor_agency": _short(condition.monitor_agency.name),
        "monitor_name": _short(condition.monitor_name),
        "agreed": condition.agreed_on.isoformat(),
        "evidence": [
            {"on": e.on.isoformat(), "note": e.note, "breach": e.breach}
            for e in sorted(condition.evidence.all(), key=lambda e: (e.on, e.pk))
        ],
    }


def _recent_meetings(child: Person) -> Iterable[Meeting]:
    since = clock.now() - RECENT_MEETINGS
    return (
        meetings_of(child)
        .filter(scheduled_for__gte=since)
        .prefetch_related(
            Prefetch("invitations", Invitation.objects.select_related("agency", "person")),
            "decisions",
            "actions__agency",
        )
        .order_by("scheduled_for", "pk")
    )


def _meeting(meeting: Meeting) -> dict[str, Any]:
    invitations = list(meeting.invitations.all())
    chair = meeting.chair
    return {
        "kind": meeting.kind,
        "status": meeting.status,
        "scheduled_for": timezone.localtime(meeting.scheduled_for).isoformat(),
        "held_at": timezone.localtime(meeting.held_at).isoformat() if meeting.held_at else None,
        "convened_by": _short(meeting.convened_by.name),
        "chair": _short(chair.get_full_name() or chair.username) if chair else "",
        "venue": meeting.venue,
        "attended": [_short(str(i)) for i in invitations if i.response == Response.ATTENDED],
        "apologies": [_short(str(i)) for i in invitations if i.response == Response.APOLOGIES],
        "decisions": [{"outcome": d.outcome, "text": d.text} for d in meeting.decisions.all()],
        "open_actions": [
            {
                "description": action.description,
                "agency": _short(action.agency.name),
                "owner": _short(action.owner_name),
                "due": action.due_on.isoformat(),
            }
            for action in meeting.actions.all()
            if action.is_open
        ],
    }


def _contacts(child: Person, today: dt.date, in_pack: set[int]) -> list[dict[str, Any]]:
    """Every agency working with the child, or with a parent or carer, and its lead."""
    family = [child.pk, *(adult.pk for adult, _ in parents_and_carers([child], today))]
    involvements = (
        Involvement.objects.filter(person_id__in=[pk for pk in family if pk in in_pack])
        .filter(opened_on__lte=today)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
        .select_related("agency", "team", "lead_practitioner")
        .order_by("person_id", "agency__name", "opened_on", "pk")
    )
    contacts = []
    for involvement in sorted(involvements, key=lambda i: (i.person_id != child.pk,)):
        lead = involvement.lead_practitioner
        name = (
            (lead.get_full_name() or lead.username) if lead else involvement.lead_practitioner_name
        )
        contacts.append(
            {
                "agency": _agency(involvement.agency),
                "with": person_ref(involvement.person_id),
                "team": _short(involvement.team.name) if involvement.team else "",
                "lead_practitioner": _short(name),
                "email": lead.email if lead else "",
                "since": involvement.opened_on.isoformat(),
            }
        )
    return contacts


# The chronology.


def occurred_text(moment: dt.datetime, precision: str) -> str:
    """When an event occurred, in the form that says how much of it was known."""
    local = timezone.localtime(moment)
    if precision == DatePrecision.YEAR:
        return f"{local.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{local.year:04d}-{local.month:02d}"
    if precision == DatePrecision.DAY:
        return local.date().isoformat()
    return local.isoformat()


def _chronology(child: Person, in_pack: set[int], by: Practitioner) -> list[dict[str, Any]]:
    """Every current event about the child, oldest first, with the people in the pack it
    concerns and their part in it; sensitive words only where the sender may read them."""
    links = EventPerson.objects.filter(person=child, is_current=True).order_by(
        "occurred_at", "event_id"
    )
    event_ids = list(links.values_list("event_id", flat=True))
    events: dict[int, Event] = {}
    roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for chunk in chunked(event_ids):
        rows = Event.objects.filter(pk__in=chunk).select_related("agency", "refers_to__agency")
        events.update({event.pk: event for event in rows})
        people = EventPerson.objects.filter(event_id__in=chunk, person_id__in=in_pack)
        for event_id, person_id, role in people.order_by("pk").values_list(
            "event_id", "person_id", "role"
        ):
            roles[event_id].append((person_id, role))
    ids = {entry_id(e.agency.code, e.source_id) for e in events.values()}
    entries = []
    for pk in event_ids:
        words = words_for(by, events[pk])
        # Those a restricted entry names are restricted with its words; the child stays on it.
        concerned = [r for r in roles[pk] if r[0] == child.pk] if words.redacted else roles[pk]
        entries.append(_entry(events[pk], concerned, ids, words))
    return entries


def _entry(
    event: Event, roles: list[tuple[int, str]], ids: set[str], words: Words
) -> dict[str, Any]:
    answers = None
    if event.refers_to is not None:
        target = entry_id(event.refers_to.agency.code, event.refers_to.source_id)
        answers = target if target in ids else None
    return {
        "id": entry_id(event.agency.code, event.source_id),
        "agency": _agency(event.agency),
        "type": event.event_type,
        "date": occurred_text(event.occurred_at, event.precision),
        "precision": event.precision,
        "recorded_at": timezone.localtime(event.recorded_at).isoformat(),
        "summary": words.summary,
        "detail": words.detail,
        "reliability": event.reliability,
        "significance": event.significance,
        "outcome": event.outcome,
        "due": _day(event.due_on),
        "practitioner": _short(event.practitioner_name),
        "people": [{"ref": person_ref(pk), "role": role} for pk, role in roles],
        "refers_to": answers,
        "version": event.version,
    }
