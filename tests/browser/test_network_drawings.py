"""Genograms and ecomaps as Chromium renders them: for each review's family and for a large
synthetic one. The screenshots are kept in tests/artifacts for a person to look at; the test
checks that each drawing renders at a legible size with every person in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.test_alert_journey import sign_in
from tests.browser.test_chronology_journey import assert_accessible
from tests.factories import InvolvementFactory, PractitionerFactory, TeamFactory
from tests.network.family import large_family
from threadline.checks.scenarios import load_scenario
from threadline.feeds.services import ingest_feed
from threadline.network.ecomap import ecomap_svg
from threadline.network.genogram import genogram_svg
from threadline.network.graph import network_of
from threadline.people.models import PersonRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
REVIEWS = ("child-ak", "child-be", "child-e", "child-q", "children-ag")


def _render(browser: Browser, svg: str, path: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>")
    box = page.locator("svg").bounding_box()
    texts = page.locator("svg text").evaluate_all(
        "nodes => Math.min(...nodes.map(n => n.getBBox().height))"
    )
    page.screenshot(path=path, full_page=True)
    page.close()
    assert box is not None
    return {"width": box["width"], "height": box["height"], "smallest_text": texts}


@pytest.mark.parametrize("review", REVIEWS)
def test_each_review_family_is_drawn(browser: Browser, artifacts: Path, review: str) -> None:
    scenario = load_scenario(SCENARIOS / f"{review}.jsonl")
    ingest_feed([json.dumps(record) for record in scenario.records])
    _, source_id = scenario.expectations[0].person
    child = PersonRecord.objects.filter(source_id=source_id).first().person
    network = network_of(child, steps=2)

    genogram = genogram_svg(network)
    measured = _render(browser, genogram, artifacts / f"genogram_{review}.png")
    _render(browser, ecomap_svg(network), artifacts / f"ecomap_{review}.png")

    assert genogram.count("data-person=") == len(network.people) >= 2
    assert measured["smallest_text"] >= 12, "no text shrunk below 12 px"


def test_a_large_family_is_drawn_legibly(browser: Browser, artifacts: Path) -> None:
    family = large_family()
    network = network_of(family["index"], steps=3)
    measured = _render(browser, genogram_svg(network), artifacts / "genogram_large_family.png")
    _render(browser, ecomap_svg(network), artifacts / "ecomap_large_family.png")
    assert measured["smallest_text"] >= 12
    assert measured["height"] <= 900, "three generations fit one screen's height"


@pytest.mark.django_db(transaction=True)
def test_a_practitioner_opens_the_network_page(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    family = large_family()
    index = family["index"]
    involvement = InvolvementFactory(person=index)
    worker = PractitionerFactory(team=TeamFactory(agency=involvement.agency))
    sign_in(page, live_server, worker.username)
    page.goto(f"{live_server.url}/people/{index.pk}/")
    page.get_by_role("link", name="See the genogram").click()
    expect(page.get_by_role("heading", name="Family network", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Genogram of")).to_be_visible()
    expect(page.get_by_role("img", name="Ecomap of")).to_be_visible()
    expect(page.get_by_role("table", name="Households the network reaches")).to_contain_text(
        "7 Canal Street"
    )
    assert_accessible(page, "the network page")
    page.screenshot(path=artifacts / "network_page.png", full_page=True)
