"""Reads about people on a practitioner's behalf: finding them, and what to know about them.

Every function that takes a ``user`` applies need to know through ``access.selectors``; the
functions that take a ``person`` expect one already fetched through ``access_person``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.http import HttpRequest

from threadline import clock
from threadline.access.models import AuditAction
from threadline.access.selectors import record_audit, visible_among, visible_people
from threadline.access.sensitive import known_only_where_restricted, words_for
from threadline.agencies.models import Agency, AgencyKind, Practitioner
from threadline.casework.models import EpisodeKind, Involvement, StatusEpisode
from threadline.chronology.models import EventPerson
from threadline.chronology.vocabulary import EventType
from threadline.people.models import (
    INVERSE_LABELS,
    SYMMETRIC_KINDS,
    Address,
    Person,
    PersonName,
    Relationship,
    RelationshipKind,
    Sex,
)
from threadline.people.names import fold, soundex
from threadline.people.nhs import normalise_nhs_number

SEARCH_CANDIDATES = 200  # ranked in Python, exact family names first
SEARCH_RESULTS = 50
WORKING_WITH_LIMIT = 50
MAX_QUERY_LENGTH = 200

# Finding a person.


class SearchProblem(ValueError):
    """A search that cannot be run as typed; the message tells the user how to fix it."""


@dataclass(frozen=True)
class SearchTerms:
    """What a practitioner typed, read as names, a date of birth and an NHS number."""

    text: str
    given: str = ""
    family: str = ""
    date_of_birth: dt.date | None = None
    nhs_number: str = ""

    @property
    def has_name(self) -> bool:
        return bool(self.given or self.family)


@dataclass(frozen=True)
class PersonMatch:
    person: Person
    score: float
    matched_name: str = ""  # another name of theirs, when that is what the search found


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TOKEN_SPLIT = re.compile(r"[\s,]+")


def parse_date_of_birth(token: str) -> dt.date | None:
    """dd/mm/yyyy (also with - or .) or yyyy-mm-dd; None if the token is not shaped like a date.

    Raises SearchProblem for a date-shaped token that is not a real date, such as 31/02/2019.
    """
    day_first, iso = _DAY_FIRST.match(token), _ISO_DATE.match(token)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise SearchProblem(f"{token} is not a real date") from error


def _nhs_number_in(text: str) -> str:
    digits = normalise_nhs_number(text)
    return digits if len(digits) == 10 and digits.isdigit() else ""


def _name_parts(words: list[str], comma_first: bool) -> tuple[str, str]:
    """(given, family). One word is a family name; 'Smith, John' puts the family name first."""
    if len(words) == 1:
        return "", words[0]
    if comma_first:
        return words[1], words[0]
    return words[0], words[-1]


def parse_search_terms(text: str) -> SearchTerms:
    text = text.strip()[:MAX_QUERY_LENGTH]
    nhs_number = _nhs_number_in(text)
    if nhs_number:
        return SearchTerms(text=text, nhs_number=nhs_number)
    words: list[str] = []
    date_of_birth = None
    for token in _TOKEN_SPLIT.split(text):
        as_date = parse_date_of_birth(token)
        if as_date is not None:
            date_of_birth = as_date
        elif any(ch.isdigit() for ch in token):
            raise SearchProblem(
                f"{token} is not a date of birth or an NHS number: enter a date as "
                "dd/mm/yyyy and an NHS number as 10 digits"
            )
        elif fold(token):
            words.append(token)
    given, family = _name_parts(words, comma_first="," in text) if words else ("", "")
    if family and len(fold(family)) < 2 and not given:
        raise SearchProblem("Enter at least 2 letters of a name")
    return SearchTerms(text=text, given=given, family=family, date_of_birth=date_of_birth)


def _prefix_range(prefix: str) -> Q:
    """Folded family names starting with ``prefix``, as a range an index answers under any
    database collation (a LIKE 'smi%' uses the index only under the C collation)."""
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return Q(family_folded__gte=prefix, family_folded__lt=after)


def _given_matches(given: str) -> Q:
    # 'Jon' also finds 'Jonathan', and a lone initial finds everyone with it.
    return Q(given_key=soundex(given)) | Q(given_name__istartswith=given)


def _name_matches(terms: SearchTerms) -> QuerySet[Person, int]:
    """Ids of everyone whose name, or another recorded name, sounds like or starts like the one
    typed: a UNION in which each branch is one index lookup (OR-ed in one WHERE, and with a
    subquery for the other names, they would scan the whole table)."""
    family_key, family_folded = soundex(terms.family), fold(terms.family)
    if terms.given:
        given = _given_matches(terms.given)
        # 'Smith John' is the same person typed the other way round.
        reversed_order = Q(family_key=soundex(terms.given), given_key=family_key)
        people = [
            Q(family_key=family_key) & given,
            reversed_order,
            _prefix_range(family_folded) & given,
        ]
        other_names = [Q(family_key=family_key) & given, reversed_order]
    else:
        people = [Q(family_key=family_key), _prefix_range(family_folded)]
        other_names = [Q(family_key=family_key)]
    first, *more = [Person.objects.filter(q).values_list("pk", flat=True) for q in people]
    also = [PersonName.objects.filter(q).values_list("person_id", flat=True) for q in other_names]
    return first.union(*more, *also)


def _candidates(user: Practitioner, terms: SearchTerms, everyone: bool) -> QuerySet[Person]:
    if everyone:
        people = Person.objects.filter(merged_into__isnull=True).exclude(
            known_only_where_restricted(user)
        )
    else:
        people = visible_people(user)
    if terms.nhs_number:
        return people.filter(nhs_number=terms.nhs_number)
    if terms.date_of_birth is not None:
        people = people.filter(date_of_birth=terms.date_of_birth)
    if not terms.has_name:
        return people
    return people.filter(pk__in=_name_matches(terms))


class _Closeness:
    """How close a name is to the one typed (difflib's ratio, 0 to 1).

    One matcher holds the typed name as its second sequence, which difflib analyses once and
    reuses for every candidate compared with it.
    """

    def __init__(self, terms: SearchTerms) -> None:
        self.family_only = not terms.given
        wanted = (
            fold(terms.family) if self.family_only else f"{fold(terms.given)} {fold(terms.family)}"
        )
        self.matcher = SequenceMatcher(None, "", wanted)

    def _ratio(self, text: str) -> float:
        self.matcher.set_seq1(text)
        return self.matcher.ratio()

    def of(self, given: str, family: str) -> float:
        given, family = fold(given), fold(family)
        if self.family_only:
            # A first name alone counts, but a family-name match ranks above it.
            return max(self._ratio(family), 0.9 * self._ratio(given))
        # 'Smith John' is the same person typed family name first, if a little less likely.
        return max(self._ratio(f"{given} {family}"), 0.95 * self._ratio(f"{family} {given}"))

    def best_name(self, person: Person) -> tuple[float, str]:
        """The closeness of the person's closest name, and that name if it is not their own."""
        best, matched = self.of(person.given_name, person.family_name), ""
        for name in person.names.all():
            score = self.of(name.given_name, name.family_name)
            if score > best:
                best, matched = score, str(name)
        return best, "" if matched == person.full_name else matched


def _rank(people: Iterable[Person], terms: SearchTerms) -> list[PersonMatch]:
    closeness = _Closeness(terms) if terms.has_name else None
    matches = []
    for person in people:
        score, matched = closeness.best_name(person) if closeness else (1.0, "")
        matches.append(PersonMatch(person=person, score=score, matched_name=matched))
    matches.sort(key=lambda m: (-m.score, m.person.family_name, m.person.given_name))
    return matches[:SEARCH_RESULTS]


def search_people(
    user: Practitioner,
    terms: SearchTerms,
    *,
    request: HttpRequest | None = None,
    emergency_reason: str = "",
) -> list[PersonMatch]:
    """People ``user`` may see who match ``terms``, closest first. The search is audited.

    With an ``emergency_reason`` (``access.emergency`` checks it), everyone in the record."""
    everyone = bool(emergency_reason)
    purpose = f"emergency: {emergency_reason}"[:200] if everyone else ""
    record_audit(user, AuditAction.SEARCH, purpose=purpose, detail=terms.text, request=request)
    # Where a common name has more candidates than we rank, the exact family name goes first so
    # the cap never drops the person who was typed correctly.
    exact_first = Case(When(family_folded=fold(terms.family), then=Value(0)), default=Value(1))
    candidates = (
        _candidates(user, terms, everyone)
        .prefetch_related("names", Prefetch("addresses", queryset=_addresses_newest_first()))
        .order_by(exact_first, "family_name", "given_name", "pk")[:SEARCH_CANDIDATES]
    )
    return _rank(candidates, terms)


# The people a practitioner is working with.


def _open_on(today: dt.date) -> Q:
    # The same meaning of "open" as need-to-know access uses: a closing date still to come counts.
    return Q(closed_on__isnull=True) | Q(closed_on__gt=today)


def _open_episodes(today: dt.date) -> QuerySet[StatusEpisode]:
    return StatusEpisode.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))


def people_worked_with(user: Practitioner, *, limit: int = WORKING_WITH_LIMIT) -> list[Person]:
    """People ``user`` may see with an open involvement allocated to them or their team."""
    today = clock.today()
    mine = Q(lead_practitioner=user)
    if user.team_id is not None:
        mine |= Q(team_id=user.team_id)
    involvements = Involvement.objects.filter(_open_on(today), mine, person=OuterRef("pk"))
    return list(
        visible_people(user)
        .filter(Exists(involvements))
        .prefetch_related(Prefetch("episodes", queryset=_open_episodes(today)))
        .order_by("family_name", "given_name", "pk")[:limit]
    )


# What to know about one person.

# Highest first: the status a child is "on" is the most serious open one.
STATUS_ORDER = (
    EpisodeKind.LOOKED_AFTER,
    EpisodeKind.CHILD_PROTECTION,
    EpisodeKind.CHILD_IN_NEED,
    EpisodeKind.EARLY_HELP,
)


def current_status(episodes: Iterable[StatusEpisode], today: dt.date) -> StatusEpisode | None:
    """The open episode of the highest level; the earliest started if two are open at it."""
    open_episodes = [e for e in episodes if e.ended_on is None or e.ended_on > today]
    if not open_episodes:
        return None
    return min(open_episodes, key=lambda e: (STATUS_ORDER.index(e.kind), e.started_on, e.pk))


@dataclass(frozen=True)
class OriginalReferral:
    """Why the family first came to notice, in the referrer's words: kept in view so that a new
    episode does not start again without it."""

    reason: str
    on: dt.date
    agency: Agency
    episode: str = ""  # the kind of episode it started, e.g. 'Early help'
    source: str = ""  # who referred, as the census codes it


def original_referral(
    person: Person, episodes: Iterable[StatusEpisode], viewer: Practitioner | None = None
) -> OriginalReferral | None:
    """The reason of the earliest status episode, else the earliest referral in the chronology."""
    with_reason = [e for e in episodes if e.reason.strip()]
    if with_reason:
        first = min(with_reason, key=lambda e: (e.started_on, e.pk))
        return OriginalReferral(
            reason=first.reason,
            on=first.started_on,
            agency=first.agency,
            episode=first.get_kind_display(),
            source=first.get_referral_source_display() if first.referral_source else "",
        )
    link = (
        EventPerson.objects.filter(person=person, is_current=True, event_type=EventType.REFERRAL)
        .select_related("event", "agency")
        .order_by("occurred_at", "event_id")
        .first()
    )
    if link is None:
        return None
    return OriginalReferral(
        reason=words_for(viewer, link.event).summary,
        on=link.occurred_at.date(),
        agency=link.agency,
    )


@dataclass(frozen=True)
class Allocation:
    """The practitioner leading an agency's work with the person."""

    name: str
    agency: Agency
    team_name: str
    email: str
    since: dt.date


def _allocation(involvement: Involvement) -> Allocation | None:
    lead = involvement.lead_practitioner
    name = (lead.get_full_name() or lead.username) if lead else involvement.lead_practitioner_name
    if not name:
        return None
    return Allocation(
        name=name,
        agency=involvement.agency,
        team_name=involvement.team.name if involvement.team else "",
        email=lead.email if lead else "",
        since=involvement.opened_on,
    )


def allocated_worker(open_involvements: list[Involvement]) -> Allocation | None:
    """Children's social care's lead practitioner, else any open involvement's."""
    social_care_first = sorted(
        open_involvements,
        key=lambda i: (i.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE, i.opened_on, i.pk),
    )
    for involvement in social_care_first:
        allocation = _allocation(involvement)
        if allocation is not None:
            return allocation
    return None


_GENDERED = {
    RelationshipKind.PARENT: ("Mother", "Father"),
    RelationshipKind.STEP_PARENT: ("Stepmother", "Stepfather"),
    RelationshipKind.GRANDPARENT: ("Grandmother", "Grandfather"),
    RelationshipKind.SIBLING: ("Sister", "Brother"),
    RelationshipKind.HALF_SIBLING: ("Half-sister", "Half-brother"),
}


def relationship_label(kind: str, *, relative_is_subject: bool, sex: str) -> str:
    """What the other person is to the child, e.g. 'Father' or, read backwards, 'Child'."""
    kind = RelationshipKind(kind)
    if not relative_is_subject and kind not in SYMMETRIC_KINDS:
        return INVERSE_LABELS.get(kind, kind.label)
    if kind in _GENDERED and sex in (Sex.FEMALE, Sex.MALE):
        female, male = _GENDERED[kind]
        return female if sex == Sex.FEMALE else male
    return kind.label


@dataclass(frozen=True)
class NetworkLink:
    """Someone around the child, and what they are to the child."""

    other: Person
    label: str
    parental_responsibility: bool
    started_on: dt.date | None
    ended_on: dt.date | None
    agencies: tuple[Agency, ...]  # who recorded the relationship
    can_open: bool  # whether the viewer may open their record too

    @property
    def has_ended(self) -> bool:
        return self.ended_on is not None and self.ended_on <= clock.today()


def _network(user: Practitioner, person: Person) -> list[NetworkLink]:
    relationships = list(
        Relationship.objects.filter(Q(person=person) | Q(relative=person))
        .select_related("person", "relative", "agency")
        .order_by("pk")
    )
    if not relationships:
        return []
    others = {r.person_id if r.relative_id == person.pk else r.relative_id for r in relationships}
    openable = visible_among(user, others)
    links: dict[tuple[int, str], NetworkLink] = {}
    for relationship in relationships:
        link = _link(relationship, person, openable)
        key = (link.other.pk, link.label)
        links[key] = _merge(links[key], link) if key in links else link
    # Current relationships first, those with parental responsibility at the top.
    return sorted(
        links.values(),
        key=lambda k: (k.has_ended, not k.parental_responsibility, k.label, k.other.pk),
    )


def _merge(first: NetworkLink, second: NetworkLink) -> NetworkLink:
    """Two agencies recording the same relationship: one row, naming both sources. It has
    ended only when every source says so."""
    ended = (
        None
        if None in (first.ended_on, second.ended_on)
        else max(first.ended_on or dt.date.min, second.ended_on or dt.date.min)
    )
    starts = [d for d in (first.started_on, second.started_on) if d is not None]
    return NetworkLink(
        other=first.other,
        label=first.label,
        parental_responsibility=first.parental_responsibility or second.parental_responsibility,
        started_on=min(starts) if starts else None,
        ended_on=ended,
        agencies=first.agencies + tuple(a for a in second.agencies if a not in first.agencies),
        can_open=first.can_open,
    )


def _link(relationship: Relationship, person: Person, openable: set[int]) -> NetworkLink:
    relative_is_subject = relationship.relative_id == person.pk
    other = relationship.person if relative_is_subject else relationship.relative
    return NetworkLink(
        other=other,
        label=relationship_label(
            relationship.kind, relative_is_subject=relative_is_subject, sex=other.sex
        ),
        # Parental responsibility is held by the parent, so it only describes the other person
        # when they are the parent in the relationship.
        parental_responsibility=relationship.parental_responsibility and relative_is_subject,
        started_on=relationship.started_on,
        ended_on=relationship.ended_on,
        agencies=(relationship.agency,),
        can_open=other.pk in openable,
    )


def _addresses_newest_first() -> QuerySet[Address]:
    # Undated addresses last on every database (PostgreSQL would put NULLs first).
    return Address.objects.select_related("agency").order_by(
        F("lived_from").desc(nulls_last=True), "-pk"
    )


def _distinct_addresses(addresses: Iterable[Address]) -> list[Address]:
    """One row per place: agencies often each report the same address."""
    seen: set[tuple[str, str, dt.date | None]] = set()
    distinct = []
    for address in addresses:
        key = (fold(address.line1), address.postcode.replace(" ", "").upper(), address.lived_from)
        if key not in seen:
            seen.add(key)
            distinct.append(address)
    return distinct


def _other_names(person: Person) -> list[PersonName]:
    own = (fold(person.given_name), fold(person.family_name))
    seen = {own}
    names = []
    names_on_record = PersonName.objects.filter(person=person).select_related("agency")
    for name in names_on_record.order_by("kind", "family_name", "pk"):
        key = (fold(name.given_name), fold(name.family_name))
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


@dataclass(frozen=True)
class PersonProfile:
    """What a practitioner needs to know about a person at a glance."""

    person: Person
    other_names: list[PersonName]
    current_address: Address | None
    previous_addresses: list[Address]
    status: StatusEpisode | None
    allocation: Allocation | None
    original_referral: OriginalReferral | None
    network: list[NetworkLink]
    open_involvements: list[Involvement]


def _split_addresses(
    addresses: list[Address], today: dt.date
) -> tuple[Address | None, list[Address]]:
    current = next((a for a in addresses if a.lived_to is None or a.lived_to > today), None)
    return current, [a for a in addresses if a is not current]


def person_profile(user: Practitioner, person: Person) -> PersonProfile:
    """Who the person is, their status, worker, first concern, network and agencies."""
    today = clock.today()
    episodes = list(StatusEpisode.objects.filter(person=person).select_related("agency"))
    involvements = list(
        Involvement.objects.filter(_open_on(today), person=person)
        .select_related("agency", "team", "lead_practitioner")
        .order_by("agency__name", "opened_on")
    )
    addresses = _distinct_addresses(_addresses_newest_first().filter(person=person))
    current_address, previous_addresses = _split_addresses(addresses, today)
    return PersonProfile(
        person=person,
        other_names=_other_names(person),
        current_address=current_address,
        previous_addresses=previous_addresses,
        status=current_status(episodes, today),
        allocation=allocated_worker(involvements),
        original_referral=original_referral(person, episodes, user),
        network=_network(user, person),
        open_involvements=involvements,
    )
