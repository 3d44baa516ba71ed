from django.urls import reverse

from tests.themes.factories import SafeguardingFlagFactory
from themes.choices import SafeguardingCategory, safeguarding_category_label


def test_every_engine_category_has_a_label_in_words():
    from themes.analysis.resources import loader

    codes = loader.json("safeguarding_signals")["categories"]
    assert set(codes) == set(SafeguardingCategory.values)


def test_an_unknown_code_is_still_shown_readably():
    assert safeguarding_category_label("new_kind") == "New kind"


def test_flag_category_labels_are_words_not_codes(db):
    flag = SafeguardingFlagFactory(categories=["physical_abuse", "self_harm_suicide"])
    assert flag.category_labels == ["Physical abuse", "Suicidal thoughts or self-harm"]


def _safeguarding_lead(django_user_model):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_superuser(username="lead", password="x")
    TOTP.activate(user, generate_totp_secret())
    return user


def test_queue_and_detail_show_categories_in_words(client, django_user_model):
    flag = SafeguardingFlagFactory(categories=["modern_slavery"])
    client.force_login(_safeguarding_lead(django_user_model))
    for url in (reverse("themes_staff:flags"), reverse("themes_staff:flag", args=[flag.pk])):
        html = client.get(url).content.decode()
        assert "Modern slavery" in html
        assert "modern_slavery" not in html
