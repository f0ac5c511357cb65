import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from tests.assessments.conftest import incident
from tests.checks.family import at
from tests.factories import SHARING_BASIS
from tests.meetings.conftest import Family
from threadline.assessments import dash
from threadline.assessments.models import Answer, DashAnswer, DashChecklist, RiskLevel
from threadline.assessments.selectors import perpetrator_choices, previous_marac
from threadline.assessments.services import AssessmentError, complete_dash, refer_to_marac
from threadline.checks.engine import tick
from threadline.checks.models import OPEN_STATES, Alert, AlertState, Resolution
from threadline.chronology.models import Event, SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome

ANSWERS = st.sampled_from(Answer.values)
CHECKLISTS = st.fixed_dictionaries({n: ANSWERS for n in dash.NUMBERS})


def answers_with(yes: int) -> dict[int, str]:
    return {n: Answer.YES if n <= yes else Answer.NO for n in dash.NUMBERS}


# The scoring rule.


def test_there_are_24_questions() -> None:
    assert len(dash.QUESTIONS) == 24 == len(set(dash.QUESTIONS))
    assert set(RiskLevel.values) <= set(Outcome.values)


@pytest.mark.parametrize(
    ("yes", "level"),
    [
        (0, RiskLevel.STANDARD),
        (9, RiskLevel.STANDARD),
        (10, RiskLevel.MEDIUM),
        (13, RiskLevel.MEDIUM),
        (14, RiskLevel.HIGH),
        (24, RiskLevel.HIGH),
    ],
)
def test_the_default_cut_offs(yes: int, level: RiskLevel) -> None:
    assert dash.risk_level(yes) == level


@given(CHECKLISTS)
def test_fourteen_or_more_yes_is_high_risk_and_fewer_is_not(answers: dict[int, str]) -> None:
    yes = dash.count_yes(answers)
    assert yes == sum(answer == Answer.YES for answer in answers.values())
    assert (dash.risk_level(yes) == RiskLevel.HIGH) == (yes >= 14)


@given(CHECKLISTS)
def test_professional_judgement_is_always_high_risk(answers: dict[int, str]) -> None:
    assert dash.risk_level(dash.count_yes(answers), judgement=True) == RiskLevel.HIGH


@given(CHECKLISTS, st.sampled_from(dash.NUMBERS))
def test_another_yes_never_lowers_the_risk(answers: dict[int, str], number: int) -> None:
    order = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH]
    before = dash.risk_level(dash.count_yes(answers))
    after = dash.risk_level(dash.count_yes({**answers, number: Answer.YES}))
    assert order.index(after) >= order.index(before)


@given(CHECKLISTS, st.permutations(list(dash.NUMBERS)))
def test_only_the_number_of_yes_answers_counts(answers: dict[int, str], order: list[int]) -> None:
    shuffled = {n: answers[m] for n, m in zip(dash.NUMBERS, order, strict=True)}
    assert dash.risk_level(dash.count_yes(shuffled)) == dash.risk_level(dash.count_yes(answers))


@given(
    st.integers(min_value=1, max_value=24).flatmap(
        lambda high: st.tuples(st.just(high), st.integers(min_value=1, max_value=high))
    ),
    st.integers(min_value=0, max_value=24),
)
def test_configured_cut_offs_are_respected(cuts: tuple[int, int], yes: int) -> None:
    high, medium = cuts
    level = dash.risk_level(yes, using=dash.Cutoffs(high=high, medium=medium))
    expected = (
        RiskLevel.HIGH if yes >= high else RiskLevel.MEDIUM if yes >= medium else RiskLevel.STANDARD
    )
    assert level == expected


def test_cut_offs_come_from_settings_and_must_make_sense(settings) -> None:
    settings.THREADLINE_DASH_CUTOFFS = {"high": 12, "medium": 8}
    assert dash.risk_level(12) == RiskLevel.HIGH and dash.risk_level(8) == RiskLevel.MEDIUM
    settings.THREADLINE_DASH_CUTOFFS = {"high": 8, "medium": 12}
    with pytest.raises(ImproperlyConfigured):
        dash.cutoffs()


# Recording a checklist.


def events(event_type: str) -> list[Event]:
    return list(Event.objects.filter(event_type=event_type, is_current=True).order_by("pk"))


def open_alerts(check_id: str) -> list[Alert]:
    return list(Alert.objects.filter(check_id=check_id, state__in=OPEN_STATES))


def checklist(family: Family, yes: int = 15, **changes: object) -> DashChecklist:
    values: dict = {"answers": answers_with(yes), "perpetrator": family.father, **changes}
    return complete_dash(family.mother, by=family.staff["police"], **values)


@pytest.mark.django_db
def test_a_checklist_is_scored_and_written_for_the_victim(mothers_family: Family) -> None:
    family = mothers_family
    at("2024-03-04")
    recorded = checklist(family, yes=15)
    assert recorded.yes_count == 15 and recorded.level == RiskLevel.HIGH and recorded.marac_due
    assert DashAnswer.objects.filter(checklist=recorded).count() == 24
    (event,) = events(EventType.DASH_COMPLETED)
    assert event.source_id == f"tl-dash-{recorded.pk}" and event.agency.code == "police"
    assert event.outcome == Outcome.HIGH_RISK
    assert event.summary == "DASH risk checklist: 15 of 24 yes, high risk"
    assert "1. Has the current incident caused an injury?" in event.detail
    roles = {link.person: link.role for link in event.people.all()}
    assert roles == {
        family.mother: SubjectRole.VICTIM,
        family.father: SubjectRole.ALLEGED_PERPETRATOR,
    }


@pytest.mark.django_db
def test_medium_and_standard_risk(mothers_family: Family) -> None:
    at("2024-03-04")
    assert checklist(mothers_family, yes=11).level == RiskLevel.MEDIUM
    standard = checklist(mothers_family, yes=3, perpetrator=None)
    assert standard.level == RiskLevel.STANDARD and not standard.marac_due
    assert [e.outcome for e in events(EventType.DASH_COMPLETED)] == ["medium_risk", "standard_risk"]


@pytest.mark.django_db
def test_professional_judgement_needs_a_reason_and_makes_it_high(mothers_family: Family) -> None:
    at("2024-03-04")
    with pytest.raises(AssessmentError) as refused:
        checklist(mothers_family, yes=6, professional_judgement=True)
    assert refused.value.field == "judgement_reason"
    judged = checklist(
        mothers_family,
        yes=6,
        professional_judgement=True,
        judgement_reason="He has just been released and she is in hiding",
    )
    assert judged.level == RiskLevel.HIGH
    assert events(EventType.DASH_COMPLETED)[0].summary.endswith("(professional judgement)")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"answers": {n: Answer.NO for n in range(1, 23)}}, "q23", "not answered: 23, 24"),
        ({"answers": {**answers_with(3), 7: "maybe"}}, "q7", "not answered: 7"),
        ({"answers": {**answers_with(3), 25: "yes"}}, "answers", "no question 25"),
        ({"completed_on": dt.date(2024, 3, 5)}, "completed_on", "cannot be in the future"),
    ],
)
@pytest.mark.django_db
def test_bad_checklists_are_refused_and_nothing_is_written(
    mothers_family: Family, changes: dict, field: str, words: str
) -> None:
    at("2024-03-04")
    with pytest.raises(AssessmentError) as refused:
        checklist(mothers_family, **changes)
    assert refused.value.field == field
    assert words in refused.value.message
    assert DashChecklist.objects.count() == 0 and events(EventType.DASH_COMPLETED) == []


@pytest.mark.django_db
def test_the_victim_is_not_the_perpetrator_nor_a_child(mothers_family: Family) -> None:
    at("2024-03-04")
    with pytest.raises(AssessmentError) as refused:
        checklist(mothers_family, perpetrator=mothers_family.mother)
    assert refused.value.field == "perpetrator"
    with pytest.raises(AssessmentError) as refused:
        complete_dash(
            mothers_family.child, by=mothers_family.staff["police"], answers=answers_with(2)
        )
    assert refused.value.field == "victim" and "child's risk tool" in refused.value.message


@pytest.mark.django_db
def test_the_other_parent_is_offered_as_the_alleged_perpetrator(mothers_family: Family) -> None:
    choices = perpetrator_choices(mothers_family.mother)
    assert [(p, how) for p, how in choices] == [(mothers_family.father, "parent of Ada Marsh")]


# MARAC.


@pytest.mark.django_db
def test_a_high_risk_victim_is_referred_to_marac_once(mothers_family: Family) -> None:
    at("2024-03-04")
    recorded = checklist(mothers_family, yes=14)
    refer_to_marac(recorded, by=mothers_family.staff["police"], basis=SHARING_BASIS)
    (referral,) = events(EventType.MARAC_REFERRAL)
    assert referral.refers_to == events(EventType.DASH_COMPLETED)[0]
    assert referral.summary == "Referred to MARAC: high risk on the DASH checklist of 04 March 2024"
    with pytest.raises(AssessmentError) as refused:
        refer_to_marac(recorded, by=mothers_family.staff["police"], basis=SHARING_BASIS)
    assert "already referred to MARAC on 04 March 2024" in refused.value.message


@pytest.mark.django_db
def test_marac_is_for_high_risk_or_a_repeat(mothers_family: Family) -> None:
    at("2024-03-04")
    medium = checklist(mothers_family, yes=12)
    with pytest.raises(AssessmentError) as refused:
        refer_to_marac(medium, by=mothers_family.staff["police"], basis=SHARING_BASIS)
    assert refused.value.field == "level" and "this one is medium risk" in refused.value.message
    assert events(EventType.MARAC_REFERRAL) == []
    repeat = checklist(mothers_family, yes=12, repeat_incident=True)
    refer_to_marac(repeat, by=mothers_family.staff["police"], basis=SHARING_BASIS)
    assert "a repeat incident" in events(EventType.MARAC_REFERRAL)[0].summary


@pytest.mark.django_db
def test_a_new_incident_within_12_months_of_marac_is_a_repeat(mothers_family: Family) -> None:
    at("2024-03-04")
    refer_to_marac(
        checklist(mothers_family, yes=16), by=mothers_family.staff["police"], basis=SHARING_BASIS
    )
    assert previous_marac(mothers_family.mother, dt.date(2025, 3, 3)) == dt.date(2024, 3, 4)
    assert previous_marac(mothers_family.mother, dt.date(2025, 3, 5)) is None
    assert previous_marac(mothers_family.father, dt.date(2024, 6, 1)) is None, "not his"


# RSK-3 on the real records.


@pytest.mark.django_db
def test_rsk3_asks_for_a_dash_after_an_incident_and_resolves_on_it(mothers_family: Family) -> None:
    incident("2024-03-04")
    (alert,) = open_alerts("RSK-3")
    assert alert.subject == mothers_family.mother and alert.state == AlertState.WATCHING
    at("2024-03-12", 9)  # five working days after the incident
    tick()
    alert.refresh_from_db()
    assert alert.state == AlertState.RAISED
    checklist(mothers_family, yes=8, completed_on=dt.date(2024, 3, 12))
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolution == Resolution.DONE
    assert open_alerts("RSK-3") == [], "standard risk: no MARAC referral asked for"


@pytest.mark.django_db
def test_rsk3_asks_for_marac_after_a_high_risk_dash_and_resolves_on_the_referral(
    mothers_family: Family,
) -> None:
    incident("2024-03-04")
    at("2024-03-05", 10)
    recorded = checklist(mothers_family, yes=17)
    (alert,) = open_alerts("RSK-3")
    assert "Assessed as high risk on" in alert.what and "no MARAC referral" in alert.what
    at("2024-03-13", 9)
    tick()
    alert.refresh_from_db()
    assert alert.state == AlertState.RAISED
    refer_to_marac(recorded, by=mothers_family.staff["police"], basis=SHARING_BASIS)
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolution == Resolution.DONE
    assert open_alerts("RSK-3") == []


@pytest.mark.django_db
def test_rsk3_does_not_ask_the_perpetrator_for_marac(mothers_family: Family) -> None:
    at("2024-03-04")
    checklist(mothers_family, yes=20)
    assert [a.subject for a in open_alerts("RSK-3")] == [mothers_family.mother]
