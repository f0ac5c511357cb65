import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertLevel, AlertState, Resolution

pytestmark = pytest.mark.django_db


def toddler() -> Story:
    story = Story()
    story.child(born="2022-05-05")
    story.adult("dad", sex="male")
    story.relate("dad", "child")
    story.involve("child", opened="2024-03-01")
    return story


def test_fires_urgently_the_next_working_day() -> None:
    story = toddler()
    story.event("2024-03-28", "drug_exposure", "child", "dad", agency="police")
    story.event("2024-03-28", "risk_assessment", "child")
    story.replay(until="2024-04-05")
    # Thursday 28 March 2024; Good Friday and Easter Monday are bank holidays: due Tuesday 2 April.
    assert raised_on("RSK-5") == dt.date(2024, 4, 2)
    alert = raised("RSK-5")[0]
    assert alert.level == AlertLevel.URGENT
    assert "Possible access to drugs on 28 Mar 2024: no paediatric assessment yet." in alert.what


def test_quiet_when_both_assessments_follow() -> None:
    story = toddler()
    story.event("2024-03-04", "drug_exposure", "child", agency="police")
    story.event("2024-03-04", "paediatric_assessment", "child", agency="hospital")
    story.event("2024-03-05", "risk_assessment", "child")
    story.replay(until="2024-03-15")
    assert raised("RSK-5") == []


def test_a_late_paediatric_assessment_resolves_it() -> None:
    story = toddler()
    story.event("2024-03-04", "drug_exposure", "child", agency="police")
    story.event("2024-03-06", "paediatric_assessment", "child", agency="hospital")
    story.event("2024-03-07", "risk_assessment", "child")
    story.replay(until="2024-03-15")
    alert = Alert.objects.get(check_id="RSK-5")
    assert "no risk assessment or paediatric assessment yet" in alert.what
    assert raised_on("RSK-5") == dt.date(2024, 3, 5)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)
