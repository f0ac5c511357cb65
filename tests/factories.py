"""Factories for the shared record: synthetic people only (faker, en_GB)."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner, Role, Team, TeamKind
from threadline.casework.models import EpisodeKind, Involvement, StatusEpisode
from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import EventType
from threadline.people.models import Person, Relationship, RelationshipKind, Sex
from threadline.sharing.services import SharingBasis

factory.Faker._DEFAULT_LOCALE = "en_GB"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"agency{n}")
    name = factory.LazyAttribute(lambda o: f"Northshire {o.code.title()}")
    kind = AgencyKind.CHILDRENS_SOCIAL_CARE


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    kind = TeamKind.ASSESSMENT


class PractitionerFactory(DjangoModelFactory):
    class Meta:
        model = Practitioner
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"worker{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    team = factory.SubFactory(TeamFactory)
    agency = factory.LazyAttribute(lambda o: o.team.agency if o.team else None)
    role = Role.PRACTITIONER
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    date_of_birth = factory.Faker("date_between", start_date="-12y", end_date="-1y")
    sex = Sex.FEMALE
    created_at = factory.LazyFunction(clock.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        person = model_class(*args, **kwargs)
        person.refresh_name_keys()
        person.save()
        return person


class RelationshipFactory(DjangoModelFactory):
    class Meta:
        model = Relationship

    agency = factory.SubFactory(AgencyFactory)
    source_id = factory.Sequence(lambda n: f"R{n}")
    person = factory.SubFactory(PersonFactory, sex=Sex.MALE)
    relative = factory.SubFactory(PersonFactory)
    kind = RelationshipKind.PARENT
    content_hash = "factory"


class InvolvementFactory(DjangoModelFactory):
    class Meta:
        model = Involvement

    agency = factory.SubFactory(AgencyFactory)
    source_id = factory.Sequence(lambda n: f"I{n}")
    person = factory.SubFactory(PersonFactory)
    opened_on = factory.LazyFunction(lambda: clock.today() - dt.timedelta(days=30))
    content_hash = "factory"


class StatusEpisodeFactory(DjangoModelFactory):
    class Meta:
        model = StatusEpisode

    agency = factory.SubFactory(AgencyFactory)
    source_id = factory.Sequence(lambda n: f"S{n}")
    person = factory.SubFactory(PersonFactory)
    kind = EpisodeKind.CHILD_IN_NEED
    started_on = factory.LazyFunction(lambda: clock.today() - dt.timedelta(days=20))
    content_hash = "factory"


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    source_id = factory.Sequence(lambda n: f"E{n}")
    event_type = EventType.HOME_VISIT
    occurred_at = factory.LazyFunction(lambda: clock.now() - dt.timedelta(days=3))
    recorded_at = factory.LazyFunction(clock.now)
    received_at = factory.LazyFunction(clock.now)
    summary = factory.Faker("sentence")
    content_hash = "factory"

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):
        for person in extracted or []:
            EventPerson.objects.create(
                event=obj,
                person=person,
                occurred_at=obj.occurred_at,
                event_type=obj.event_type,
                agency=obj.agency,
                significance=obj.significance,
                is_current=obj.is_current,
            )


# A sharing decision that satisfies every rule, for tests about something else.
SHARING_BASIS = SharingBasis(
    lawful_basis="public_task",
    special_condition="safeguarding",
    reason="So every agency round the child can play its part in the plan.",
    consent="given",
)


# --- Practice indicators (tests/indicators) ---------------------------------------------------
# Appended here for the indicators' tests; nothing above depends on it.

from threadline.checks.models import Alert, AlertState  # noqa: E402


class AlertFactory(DjangoModelFactory):
    """An alert as the engine leaves it: watching until due, raised after, resolved at the end.
    Give ``due_at`` (and ``resolved_at``, ``resolution`` with ``state`` resolved) to place it."""

    class Meta:
        model = Alert

    check_id = "SHR-2"
    subject = factory.SubFactory(PersonFactory)
    occurrence = factory.Sequence(lambda n: f"occurrence-{n}")
    state = AlertState.WATCHING
    what = "Circulate the core group notes"
    why = "Ag findings"
    trigger_at = factory.LazyAttribute(lambda o: o.due_at - dt.timedelta(days=7))
    due_at = factory.LazyFunction(lambda: clock.now() + dt.timedelta(days=3))
