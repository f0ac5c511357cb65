"""Writing relationships, agency involvements and status episodes."""

from __future__ import annotations

from threadline.casework.models import EpisodeFactor, Involvement, PlanOutcome, StatusEpisode
from threadline.feeds.context import IngestContext, chunked, resolve_person
from threadline.feeds.parsing import FeedError, FeedRecord, parse_date
from threadline.feeds.writers.upsert import existing_by_source_ids, upsert_by_source
from threadline.network.models import Basis, ContactArrangement
from threadline.people.models import Relationship, RelationshipKind

PARTNER_KINDS = frozenset({RelationshipKind.PARTNER, RelationshipKind.FORMER_PARTNER})


def _date_or_none(value: str | None) -> object:
    return parse_date(value) if value else None


def write_relationships(context: IngestContext, records: list[FeedRecord]) -> None:
    def fill(row: Relationship, feed: FeedRecord) -> None:
        data = feed.data
        person_id = resolve_person(context, feed, data["person"], "person")
        relative_id = resolve_person(context, feed, data["relative"], "relative")
        if person_id is not None and person_id == relative_id:
            context.errors.append(
                FeedError(feed.line, "relative", "is the same person as 'person'", feed.source_id)
            )
        row.person_id = person_id or 0
        row.relative_id = relative_id or 0
        row.kind = data["type"]
        row.parental_responsibility = bool(data.get("parental_responsibility", False))
        row.legal_union = data.get("legal_union", "")
        if row.legal_union and row.kind not in PARTNER_KINDS:
            context.errors.append(
                FeedError(
                    feed.line,
                    "legal_union",
                    f"is for partner or former_partner, not {row.kind}",
                    feed.source_id,
                )
            )
        row.started_on = _date_or_none(data.get("from"))  # type: ignore[assignment]
        row.ended_on = _date_or_none(data.get("to"))  # type: ignore[assignment]

    fields = [
        "person",
        "relative",
        "kind",
        "parental_responsibility",
        "legal_union",
        "started_on",
        "ended_on",
    ]
    written = upsert_by_source(context, Relationship, records, fill, fields)
    for row, _ in written:
        context.summary.touched_people.update({row.person_id, row.relative_id})


def write_involvements(context: IngestContext, records: list[FeedRecord]) -> None:
    context.load_usernames(records, "lead_practitioner_username")

    def fill(row: Involvement, feed: FeedRecord) -> None:
        data = feed.data
        row.person_id = resolve_person(context, feed, data["person"], "person") or 0
        agency = context.agency(feed.agency)
        team_name = data.get("team")
        row.team = context.team(agency, team_name, data.get("team_kind")) if team_name else None
        row.lead_practitioner_id = context.usernames.get(data.get("lead_practitioner_username", ""))
        row.lead_practitioner_name = data.get("lead_practitioner", "")
        row.reason = data.get("reason", "")
        row.opened_on = parse_date(data["opened"])
        row.closed_on = _date_or_none(data.get("closed"))  # type: ignore[assignment]

    fields = [
        "person",
        "team",
        "lead_practitioner",
        "lead_practitioner_name",
        "reason",
        "opened_on",
        "closed_on",
    ]
    for row, _ in upsert_by_source(context, Involvement, records, fill, fields):
        context.summary.touched_people.add(row.person_id)


def write_episodes(context: IngestContext, records: list[FeedRecord]) -> None:
    def fill(row: StatusEpisode, feed: FeedRecord) -> None:
        data = feed.data
        row.person_id = resolve_person(context, feed, data["person"], "person") or 0
        row.kind = data["status"]
        row.started_on = parse_date(data["start"])
        row.ended_on = _date_or_none(data.get("end"))  # type: ignore[assignment]
        row.reason = data.get("reason", "")
        row.end_reason = data.get("end_reason", "")
        for code_field in (
            "referral_source",
            "primary_need",
            "category_of_abuse",
            "closure_reason",
        ):
            setattr(row, code_field, data.get(code_field) or "")

    fields = [
        "person",
        "kind",
        "started_on",
        "ended_on",
        "reason",
        "end_reason",
        "referral_source",
        "primary_need",
        "category_of_abuse",
        "closure_reason",
    ]
    written = upsert_by_source(context, StatusEpisode, records, fill, fields)
    _write_factors(written)
    for row, _ in written:
        context.summary.touched_people.add(row.person_id)


def _write_factors(written: list[tuple[StatusEpisode, FeedRecord]]) -> None:
    episode_ids = [row.pk for row, _ in written]
    for chunk in chunked(episode_ids):
        EpisodeFactor.objects.filter(episode_id__in=chunk).delete()
    factors = [
        EpisodeFactor(episode_id=row.pk, code=code)
        for row, feed in written
        for code in feed.data.get("factors", [])
    ]
    for factor_chunk in chunked(factors):
        EpisodeFactor.objects.bulk_create(factor_chunk)


def write_plan_outcomes(context: IngestContext, records: list[FeedRecord]) -> None:
    episodes = existing_by_source_ids(context, StatusEpisode, records, "episode")

    def fill(row: PlanOutcome, feed: FeedRecord) -> None:
        data = feed.data
        episode = episodes.get((feed.agency, data["episode"]))
        if episode is None:
            context.errors.append(
                FeedError(
                    feed.line,
                    "episode",
                    f"refers to unknown status episode {data['episode']}",
                    feed.source_id,
                )
            )
        row.episode_id = episode.pk if episode else 0
        row.risk = data.get("risk", "")
        row.change_wanted = data.get("change_wanted", "")
        row.achieve_by = _date_or_none(data.get("achieve_by"))  # type: ignore[assignment]
        row.consequence = data.get("consequence", "")
        row.written_on = parse_date(data["written"])

    fields = ["episode", "risk", "change_wanted", "achieve_by", "consequence", "written_on"]
    people_of = {episode.pk: episode.person_id for episode in episodes.values()}
    for row, _ in upsert_by_source(context, PlanOutcome, records, fill, fields):
        context.summary.touched_people.add(people_of[row.episode_id])


def write_contact_arrangements(context: IngestContext, records: list[FeedRecord]) -> None:
    def fill(row: ContactArrangement, feed: FeedRecord) -> None:
        data = feed.data
        child_id = resolve_person(context, feed, data["child"], "child")
        adult_id = resolve_person(context, feed, data["adult"], "adult")
        if child_id is not None and child_id == adult_id:
            context.errors.append(
                FeedError(feed.line, "adult", "is the same person as 'child'", feed.source_id)
            )
        row.child_id = child_id or 0
        row.adult_id = adult_id or 0
        row.arrangement = data["arrangement"]
        row.basis = data.get("basis") or Basis.NOT_KNOWN
        row.frequency = data.get("frequency", "")
        row.supervised_by = data.get("supervised_by", "")
        row.conditions = data.get("conditions", "")
        row.started_on = _date_or_none(data.get("from"))  # type: ignore[assignment]
        row.ended_on = _date_or_none(data.get("to"))  # type: ignore[assignment]

    fields = [
        "child",
        "adult",
        "arrangement",
        "basis",
        "frequency",
        "supervised_by",
        "conditions",
        "started_on",
        "ended_on",
    ]
    written = upsert_by_source(context, ContactArrangement, records, fill, fields)
    for row, _ in written:
        context.summary.touched_people.update({row.child_id, row.adult_id})
