"""Server time of a child's page (chronology and network) as the chronology grows."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
from typing import Any

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner, Team, TeamKind
from threadline.bench.data import AGENCIES, EVENT_TYPES, FAMILY, GIVEN, START
from threadline.casework.models import EpisodeKind, Involvement, StatusEpisode
from threadline.chronology.models import Event, EventPerson
from threadline.people.models import Person, Relationship, RelationshipKind

BATCH = 5_000
EVENTS_PER_PERSON = 50
CHILD_EVENTS = 400
NETWORK = (
    (RelationshipKind.PARENT, "mother"),
    (RelationshipKind.PARENT, "father"),
    (RelationshipKind.PARTNER, "mother's partner"),
    (RelationshipKind.SIBLING, "sister"),
    (RelationshipKind.HALF_SIBLING, "half-brother"),
    (RelationshipKind.GRANDPARENT, "grandmother"),
)


class Borough:
    """A growing chronology with one index child whose page is measured."""

    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.now = clock.now()
        self.agencies = _agencies()
        self.events = 0
        self.people: list[int] = []
        self.child, self.worker = self._index_family()

    def _person(self, label: str, born: dt.date) -> Person:
        return Person.objects.create(
            given_name=self.rng.choice(GIVEN),
            family_name=self.rng.choice(FAMILY),
            date_of_birth=born,
            created_at=self.now,
        )

    def _index_family(self) -> tuple[Person, Practitioner]:
        csc = self.agencies["csc"]
        team = Team.objects.create(agency=csc, name="Bench CIN team", kind=TeamKind.CHILD_IN_NEED)
        worker = Practitioner.objects.create_user(
            "bench.worker", password="bench", agency=csc, team=team
        )
        child = self._person("index child", dt.date(2019, 5, 1))
        Involvement.objects.create(
            agency=csc,
            source_id="bench-inv",
            person=child,
            team=team,
            lead_practitioner=worker,
            opened_on=dt.date(2022, 1, 4),
            content_hash="",
        )
        StatusEpisode.objects.create(
            agency=csc,
            source_id="bench-ep",
            person=child,
            kind=EpisodeKind.CHILD_IN_NEED,
            started_on=dt.date(2022, 2, 1),
            reason="Domestic abuse between parents reported by the school",
            content_hash="",
        )
        for index, (kind, label) in enumerate(NETWORK):
            relative = self._person(label, dt.date(1990, 1, 1) + dt.timedelta(days=index * 400))
            Relationship.objects.create(
                agency=csc,
                source_id=f"bench-rel-{index}",
                person=relative,
                relative=child,
                kind=kind,
                content_hash="",
            )
            self.people.append(relative.pk)
        self._add_events([child.pk] * CHILD_EVENTS)
        return child, worker

    def grow_to(self, total_events: int) -> None:
        """Add people and their events until the chronology holds ``total_events``."""
        while self.events < total_events:
            count = min(BATCH, total_events - self.events)
            needed_people = max(1, count // EVENTS_PER_PERSON)
            people = Person.objects.bulk_create(
                [
                    Person(
                        given_name=self.rng.choice(GIVEN),
                        family_name=self.rng.choice(FAMILY),
                        created_at=self.now,
                    )
                    for _ in range(needed_people)
                ]
            )
            self.people.extend(person.pk for person in people)
            subjects = [self.rng.choice(self.people) for _ in range(count)]
            self._add_events(subjects)

    def _add_events(self, subjects: list[int]) -> None:
        with transaction.atomic():
            events = Event.objects.bulk_create([self._event() for _ in subjects])
            EventPerson.objects.bulk_create(
                [
                    EventPerson(
                        event_id=event.pk,
                        person_id=person_id,
                        occurred_at=event.occurred_at,
                        event_type=event.event_type,
                        agency_id=event.agency_id,
                        significance=event.significance,
                    )
                    for event, person_id in zip(events, subjects, strict=True)
                ]
            )
        self.events += len(subjects)

    def _event(self) -> Event:
        self.events_made = getattr(self, "events_made", 0) + 1
        occurred = dt.datetime.combine(
            START + dt.timedelta(days=self.rng.randrange(0, 365 * 6)),
            dt.time(10),
            tzinfo=dt.UTC,
        )
        return Event(
            agency_id=self.agencies[self.rng.choice(AGENCIES)].pk,
            source_id=f"B{self.events_made}",
            event_type=self.rng.choice(EVENT_TYPES),
            occurred_at=occurred,
            recorded_at=self.now,
            received_at=self.now,
            summary=f"Synthetic chronology entry {self.events_made}",
            content_hash="",
        )


def _agencies() -> dict[str, Agency]:
    return {
        code: Agency.objects.create(code=code, name=f"Bench {code}", kind=AgencyKind(code))
        for code in AGENCIES
    }


def analyse() -> None:
    """Bring the grown tables to the state a running borough's are in. SQLite: fresh planner
    statistics. PostgreSQL: what autovacuum does after a bulk load (statistics, and the
    visibility map, so reads need not check each new row), then the load written out to disk;
    otherwise autovacuum does it while the pages are timed, on the same two cores."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("ANALYZE")
            return
        in_transaction = not connection.get_autocommit()
        # VACUUM cannot run inside a transaction, as under a test's database; ANALYZE can.
        cursor.execute("ANALYZE" if in_transaction else "VACUUM ANALYZE")
        cursor.execute("CHECKPOINT")


def signed_in(worker: Practitioner) -> Client:
    """A browser signed in as ``worker`` with both factors, as a practitioner is: the page's
    time then includes the second factor's check on each request."""
    device = TOTPDevice.objects.create(user=worker, name="Bench authenticator", confirmed=True)
    client = Client()
    client.force_login(worker)
    response = client.post(reverse("two-factor"), {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302, "the bench worker's second factor was refused"
    return client


def page_times(client: Client, borough: Borough, *, requests: int = 200) -> dict[str, float]:
    """p50 and p95 server time of the child's page, and of a filtered chronology."""
    page = reverse("person", args=[borough.child.pk])
    filtered = f"{page}?agency={borough.agencies['police'].pk}"
    figures: dict[str, float] = {}
    for label, url in (("child_page", page), ("filtered_chronology", filtered)):
        for _ in range(10):
            client.get(url)
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        cut = statistics.quantiles(timings, n=100)
        figures[f"{label}_p50_ms"] = round(statistics.median(timings), 2)
        figures[f"{label}_p95_ms"] = round(cut[94], 2)
    return figures


def run(sizes: tuple[int, ...] = (100_000, 1_000_000), requests: int = 200) -> dict[str, Any]:
    borough = Borough()
    client = signed_in(borough.worker)  # once: a code is refused the second time it is used
    results: dict[str, Any] = {"target_p95_ms": 50, "sizes": {}}
    for size in sizes:
        started = time.perf_counter()
        borough.grow_to(size)
        analyse()
        load_before = os.getloadavg()
        figures: dict[str, Any] = dict(page_times(client, borough, requests=requests))
        # Other work on the machine slows the pages: the load averages say how much there was.
        figures["load_average_before"] = [round(load, 2) for load in load_before]
        figures["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
        figures["fill_seconds"] = round(time.perf_counter() - started, 1)
        figures["child_entries"] = EventPerson.objects.filter(person=borough.child).count()
        results["sizes"][str(size)] = figures
    return results
