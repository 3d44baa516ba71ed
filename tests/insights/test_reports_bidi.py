"""A bidi override typed into a theme name cannot reverse text in the CQC pack PDF."""

import io
from datetime import date

from django.urls import reverse
from pypdf import PdfReader

from insights.rollups import rollups_rebuild
from tests.insights.factories import response_with
from tests.insights.test_reports import _officer
from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE
from themes.models import Theme


def test_cqc_pack_pdf_prints_a_theme_name_with_an_override_in_order(
    client, django_user_model, touchpoint
):
    Theme.objects.filter(key="waiting_times").update(
        name=f"Waiting {RIGHT_TO_LEFT_OVERRIDE}for assessments"
    )
    for _ in range(6):
        response_with(touchpoint, date(2025, 6, 1), overall="poor", themes=["waiting_times"])
    rollups_rebuild(start=date(2025, 1, 1), end=date(2026, 12, 31))
    client.force_login(_officer(django_user_model))
    response = client.get(
        reverse("insights:cqc-pack-pdf"), {"start": "2025-04-01", "end": "2026-03-31"}
    )
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert RIGHT_TO_LEFT_OVERRIDE not in text
    assert "Waiting for assessments" in text
