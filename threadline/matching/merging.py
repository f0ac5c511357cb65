"""Merge and unmerge: every row that names a person, moved and put back, row by row, on record.

The rows are found from Django's own map of what points at ``Person``, so a relation added to
any app later is moved too. Some stay behind on purpose: the audit log (who looked at which
record is history), this app's own decisions, and the link from a person to whom they were
merged into. A row that cannot move because the survivor already holds its twin (the same name
from the same agency, say) stays with the absorbed person, where an unmerge finds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction

from threadline import clock
from threadline.agencies.models import Practitioner
from threadline.matching.models import Merge, MergeOrigin, MovedRow
from threadline.people.models import Person, Sex

STAYS_BEHIND = {"access.AuditEntry", "matching.Candidate", "matching.Merge", "people.Person"}
# A survivor's own field left blank is filled from the absorbed person's.
FILLED_FROM_ABSORBED = (
    "nhs_number",
    "date_of_birth",
    "expected_date_of_birth",
    "date_of_death",
    "language",
)


class MergeError(ValueError):
    """A merge or unmerge that cannot be done; the message says why."""


@dataclass(frozen=True)
class PersonLink:
    """One kind of row that names a person: ``model.field`` points at them."""

    model: type[models.Model]
    field: str

    @property
    def label(self) -> str:
        return self.model._meta.label


def person_links() -> Iterator[PersonLink]:
    for relation in Person._meta.related_objects:
        if relation.many_to_many:
            through = relation.through  # type: ignore[attr-defined]
            for field in through._meta.get_fields():
                if getattr(field, "related_model", None) is Person and field.many_to_one:
                    yield PersonLink(through, field.name)
            continue
        link = PersonLink(relation.related_model, relation.field.name)  # type: ignore[arg-type]
        if link.label not in STAYS_BEHIND:
            yield link


def _own_fields(person: Person) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for field in Person._meta.concrete_fields:
        if field.primary_key or field.name == "merged_into":
            continue
        value = field.value_from_object(person)
        fields[field.attname] = None if value is None else field.value_to_string(person)
    return fields


def _restore_fields(person: Person, saved: dict[str, Any]) -> None:
    for field in Person._meta.concrete_fields:
        if field.attname in saved:
            value = saved[field.attname]
            setattr(person, field.attname, None if value is None else field.to_python(value))


def _move(link: PersonLink, ids: list[int], to: Person) -> list[int]:
    """Re-point the rows; the ids of those that moved (a clash leaves a row where it was)."""
    rows = link.model._default_manager.filter(pk__in=ids)
    try:
        with transaction.atomic():
            rows.update(**{link.field: to})
        return ids
    except IntegrityError:
        pass
    moved = []
    for row_id in ids:
        try:
            with transaction.atomic():
                link.model._default_manager.filter(pk=row_id).update(**{link.field: to})
            moved.append(row_id)
        except IntegrityError:
            continue
    return moved


def _fill_survivor(survivor: Person, absorbed: Person) -> None:
    for name in FILLED_FROM_ABSORBED:
        if not getattr(survivor, name) and getattr(absorbed, name):
            setattr(survivor, name, getattr(absorbed, name))
    if survivor.sex == Sex.UNKNOWN and absorbed.sex != Sex.UNKNOWN:
        survivor.sex = absorbed.sex
    if survivor.nhs_number and survivor.nhs_number == absorbed.nhs_number:
        absorbed.nhs_number = ""  # one person holds a number: the survivor now


def _check_can_merge(survivor: Person, absorbed: Person) -> None:
    if survivor.pk == absorbed.pk:
        raise MergeError(f"person {survivor.pk}: cannot be merged into themselves")
    for person in (survivor, absorbed):
        if person.merged_into_id is not None:
            raise MergeError(
                f"person {person.pk}: already merged into person {person.merged_into_id}; "
                "merge into that person instead"
            )
    if survivor.nhs_number and absorbed.nhs_number and survivor.nhs_number != absorbed.nhs_number:
        raise MergeError(
            f"person {absorbed.pk}: NHS number {absorbed.nhs_number} differs from person "
            f"{survivor.pk}'s {survivor.nhs_number}; two valid NHS numbers are two people"
        )


@transaction.atomic
def merge_people(
    survivor: Person,
    absorbed: Person,
    *,
    origin: MergeOrigin,
    by: Practitioner | None = None,
    reason: str = "",
    probability: float | None = None,
    evidence: dict[str, Any] | None = None,
) -> Merge:
    """Join ``absorbed`` into ``survivor``: their records, events, relationships and work all
    read as the survivor's from now on, and every move is written down for ``unmerge``."""
    survivor = Person.objects.select_for_update().get(pk=survivor.pk)
    absorbed = Person.objects.select_for_update().get(pk=absorbed.pk)
    _check_can_merge(survivor, absorbed)
    merge = Merge.objects.create(
        survivor=survivor,
        absorbed=absorbed,
        origin=origin,
        probability=probability,
        evidence=evidence or {},
        merged_at=clock.now(),
        merged_by=by,
        reason=reason,
        survivor_before=_own_fields(survivor),
        absorbed_before=_own_fields(absorbed),
    )
    moved: list[MovedRow] = []
    for link in person_links():
        ids = list(
            link.model._default_manager.filter(**{link.field: absorbed}).values_list(
                "pk", flat=True
            )
        )
        for row_id in _move(link, ids, survivor) if ids else ():
            moved.append(MovedRow(merge=merge, model=link.label, field=link.field, row_id=row_id))
    MovedRow.objects.bulk_create(moved, batch_size=2000)
    _fill_survivor(survivor, absorbed)
    absorbed.merged_into = survivor
    absorbed.save()
    survivor.refresh_name_keys()
    survivor.save()
    return merge


@transaction.atomic
def unmerge(merge: Merge, *, by: Practitioner | None = None, reason: str = "") -> Merge:
    """Put back every row ``merge`` moved, the absorbed person's fields as they were, and what
    the merge filled in on the survivor (unless someone has changed it since)."""
    merge = Merge.objects.select_for_update().get(pk=merge.pk)
    _check_can_unmerge(merge)
    links = {link.label: link for link in person_links()}
    grouped: dict[tuple[str, str], list[int]] = {}
    for row in merge.moved.all():
        grouped.setdefault((row.model, row.field), []).append(row.row_id)
    for (label, field), ids in grouped.items():
        link = links.get(label) or PersonLink(_model(label), field)
        # Only rows still pointing at the survivor: one corrected since to name someone else
        # stays corrected.
        still_here = link.model._default_manager.filter(pk__in=ids, **{field: merge.survivor_id})
        still_here.update(**{field: merge.absorbed_id})
    survivor = Person.objects.select_for_update().get(pk=merge.survivor_id)
    absorbed = Person.objects.select_for_update().get(pk=merge.absorbed_id)
    _give_back_filled(survivor, merge)
    _restore_fields(absorbed, merge.absorbed_before)
    absorbed.merged_into = None
    try:
        with transaction.atomic():
            # The survivor first: it gives back the NHS number the absorbed person takes again.
            survivor.refresh_name_keys()
            survivor.save()
            absorbed.save()
    except IntegrityError as clash:
        raise MergeError(
            f"merge {merge.pk}: person {absorbed.pk} cannot take back their details ({clash}); "
            "nothing was changed"
        ) from clash
    merge.unmerged_at = clock.now()
    merge.unmerged_by = by
    merge.unmerge_reason = reason
    merge.save(update_fields=["unmerged_at", "unmerged_by", "unmerge_reason"])
    return merge


def _check_can_unmerge(merge: Merge) -> None:
    if not merge.is_live:
        raise MergeError(f"merge {merge.pk}: already undone on {merge.unmerged_at:%d %b %Y}")
    later = Merge.objects.filter(survivor=merge.survivor, unmerged_at__isnull=True, pk__gt=merge.pk)
    if later.exists():
        raise MergeError(
            f"merge {merge.pk}: person {merge.survivor_id} has absorbed others since; "
            f"undo merge {later.latest('pk').pk} first"
        )
    onward = Merge.objects.filter(absorbed=merge.survivor, unmerged_at__isnull=True).first()
    if onward is not None:
        raise MergeError(
            f"merge {merge.pk}: person {merge.survivor_id} has since been merged into person "
            f"{onward.survivor_id}; undo merge {onward.pk} first"
        )


def _give_back_filled(survivor: Person, merge: Merge) -> None:
    """Blank again what the merge copied onto the survivor, where it still holds that copy."""
    before, theirs = merge.survivor_before, merge.absorbed_before
    for field in Person._meta.concrete_fields:
        if field.name not in (*FILLED_FROM_ABSORBED, "sex"):
            continue
        was, copied = before.get(field.attname), theirs.get(field.attname)
        now = field.value_from_object(survivor)
        now = None if now is None else field.value_to_string(survivor)
        if was != copied and now == copied:
            setattr(survivor, field.attname, None if was is None else field.to_python(was))


def _model(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


def current_person(person: Person) -> Person:
    """The person a record now reads as: itself, or whom it was merged into."""
    seen = {person.pk}
    while person.merged_into_id is not None:
        person = Person.objects.get(pk=person.merged_into_id)
        if person.pk in seen:
            raise MergeError(f"person {person.pk}: merged in a loop")
        seen.add(person.pk)
    return person
