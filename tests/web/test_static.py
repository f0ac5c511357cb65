"""The vendored GOV.UK Frontend: its styles, without what belongs to gov.uk alone."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

VENDOR = Path(settings.BASE_DIR) / "static" / "vendor"


def test_the_vendored_css_has_no_gds_font_and_no_crown() -> None:
    css = (VENDOR / "govuk-frontend" / "govuk-frontend.min.css").read_text()
    assert "govuk-template" in css  # it is GOV.UK Frontend
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "govuk-crest" not in css
    assert "font-family:arial,sans-serif" in css


def test_govuk_frontend_and_htmx_are_vendored_with_their_versions() -> None:
    assert (VENDOR / "govuk-frontend" / "govuk-frontend.min.js").exists()
    assert (VENDOR / "htmx" / "htmx.min.js").exists()
    versions = (VENDOR / "VERSIONS.txt").read_text()
    assert "govuk-frontend 5." in versions and "htmx.org 2." in versions


def test_no_gov_uk_only_images_are_shipped() -> None:
    images = [path.name for path in VENDOR.rglob("*") if path.suffix in {".png", ".svg", ".ico"}]
    assert not any("govuk" in name or "crest" in name or "crown" in name for name in images)
