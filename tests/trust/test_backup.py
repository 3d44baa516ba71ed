"""Backup and restore: everything exported comes back, row for row, in an emptied database."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from core.backups import database_empty, model_counts
from core.secrets import file_decrypt
from surveys.models import FreeTextAnswer, Response


@pytest.fixture(autouse=True)
def _content_type_cache():
    """Flushing recreates content types; the rollback after the test brings the old ids back."""
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def _key_values():
    return {
        "responses": list(
            Response.objects.order_by("pk").values_list(
                "pk", "receipt_code", "submission_token", "overall", "submitted_on", "answers"
            )
        ),
        "comments": list(FreeTextAnswer.objects.order_by("pk").values_list("pk", "text")),
        "pages": [
            (p.pk, p.url_path, p.title, p.live, p.locale.language_code, p.specific_class.__name__)
            for p in Page.objects.order_by("path")
        ],
        "sites": list(Site.objects.values_list("hostname", "root_page_id", "is_default_site")),
        "users": list(get_user_model().objects.order_by("pk").values_list("pk", "username")),
    }


def _export(path):
    call_command("backup_export", str(path), stdout=io.StringIO())


def test_demo_site_survives_export_flush_and_restore(demo_site, tmp_path):
    counts, values = model_counts(), _key_values()
    assert counts["surveys.Response"] > 0 and counts["wagtailcore.Page"] > 2
    backup = tmp_path / "backup.json.gz"
    _export(backup)
    database_empty()
    assert Response.objects.count() == 0 and Page.objects.count() == 0
    out = io.StringIO()
    call_command("backup_restore", str(backup), "--no-input", stdout=out)
    assert "Restored" in out.getvalue()
    assert model_counts() == counts
    assert _key_values() == values
    assert Page.get_first_root_node().get_descendants().count() == counts["wagtailcore.Page"] - 1


def test_restored_site_serves_its_pages(demo_site, tmp_path, client):
    backup = tmp_path / "backup.json"
    _export(backup)
    call_command("backup_restore", str(backup), "--no-input", stdout=io.StringIO())
    assert client.get("/").status_code in (200, 302)
    assert client.get("/privacy/").status_code == 200


def test_backup_leaves_out_sessions_and_the_search_index(demo_site, tmp_path):
    backup = tmp_path / "backup.json"
    _export(backup)
    text = file_decrypt(backup.read_bytes()).decode()
    assert '"sessions.session"' not in text
    assert '"wagtailsearch.indexentry"' not in text
    assert '"contenttypes.contenttype"' in text, "kept, so every content type id comes back"


def test_the_backup_file_is_encrypted(demo_site, tmp_path, django_user_model):
    django_user_model.objects.create_user("lead", "lead@council.example", "a-long-password-1")
    backup = tmp_path / "backup.json"
    _export(backup)
    data = backup.read_bytes()
    for secret in [b"lead@council.example", b"md5$", b"pbkdf2", b"surveys.response"]:
        assert secret not in data
    assert b"lead@council.example" in file_decrypt(data)


def test_a_backup_is_refused_with_the_wrong_key(demo_site, tmp_path, settings):
    from cryptography.fernet import Fernet, InvalidToken

    backup = tmp_path / "backup.json"
    _export(backup)
    counts = model_counts()
    settings.BACKUP_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(InvalidToken):
        call_command("backup_restore", str(backup), "--no-input", stdout=io.StringIO())
    assert model_counts() == counts, "nothing changed"


def test_damaged_backup_changes_nothing(demo_site, tmp_path):
    counts = model_counts()
    backup = tmp_path / "backup.json"
    backup.write_text('[{"model": "surveys.response", "pk": 1, "fields": {"bogus": ')
    with pytest.raises(Exception):  # noqa: B017 - any load error; what matters is no change
        call_command("backup_restore", str(backup), "--no-input", stdout=io.StringIO())
    assert model_counts() == counts


def test_restore_asks_before_deleting_anything(demo_site, tmp_path, monkeypatch):
    counts = model_counts()
    backup = tmp_path / "backup.json"
    _export(backup)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("backup_restore", str(backup), stdout=io.StringIO())
    assert model_counts() == counts
