from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from themes.models import Theme


def test_staff_edit_a_theme_with_cqc_tick_boxes(client, django_user_model, db):
    lead = django_user_model.objects.create_superuser("lead", "lead@council.example", "x")
    TOTP.activate(lead, generate_totp_secret())
    client.force_login(lead)
    theme = Theme.objects.get(key="respite")
    page = client.get(f"/admin/snippets/themes/theme/edit/{theme.pk}/").content.decode()
    assert 'type="checkbox" name="cqc_quality_statements" value="care_provision"' in page
    response = client.post(
        f"/admin/snippets/themes/theme/edit/{theme.pk}/",
        {
            "name": "Respite and short breaks",
            "key": "respite",
            "description": "Breaks for carers.",
            "phrases": "respite\nshort break\nsitting service",
            "cqc_quality_statements": ["care_provision", "equity"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.name == "Respite and short breaks"
    assert theme.cqc_quality_statements == ["care_provision", "equity"]
    assert "sitting service" in theme.to_analysis_theme().phrases
