import json

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry


def test_adding_a_user_to_a_role_is_logged_with_who_did_it(django_user_model, db):
    admin = django_user_model.objects.create_user("admin")
    officer = django_user_model.objects.create_user("officer")
    group = Group.objects.create(name="Testers")
    with LogContext(user=admin):
        officer.groups.add(group)
    entry = ModelLogEntry.objects.get(action="core.roles_changed", object_id=str(officer.pk))
    assert entry.user_id == admin.pk
    assert entry.object_id == str(officer.pk)
    assert entry.data == {"change": "added", "what": ["Testers"], "relation": "user_groups"}


def test_adding_users_from_the_group_side_is_logged_per_user(django_user_model, db):
    first = django_user_model.objects.create_user("one")
    second = django_user_model.objects.create_user("two")
    group = Group.objects.create(name="Testers")
    group.user_set.add(first, second)
    logged = set(
        ModelLogEntry.objects.filter(
            action="core.roles_changed", content_type__model="user"
        ).values_list("object_id", flat=True)
    )
    assert logged == {str(first.pk), str(second.pk)}


def test_changing_a_roles_permissions_is_logged(db):
    group = Group.objects.create(name="Testers")
    permission = Permission.objects.get(codename="view_response")
    group.permissions.add(permission)
    entry = ModelLogEntry.objects.get(action="core.roles_changed", object_id=str(group.pk))
    assert entry.data["what"] == [str(permission)]


def test_audit_entries_cannot_be_edited_through_the_admin(client, django_user_model, db):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    admin = django_user_model.objects.create_superuser("root", "root@council.example", "x")
    TOTP.activate(admin, generate_totp_secret())
    client.force_login(admin)
    Group.objects.create(name="Testers").user_set.add(admin)
    report = client.get("/admin/reports/site-history/")
    assert report.status_code == 200
    assert "Changed roles or permissions" in report.content.decode()


def _roles_fixture(path, permission):
    path.write_text(
        json.dumps(
            [
                {
                    "model": "auth.group",
                    "pk": 9001,
                    "fields": {"name": "Loaded", "permissions": [permission.pk]},
                },
                {
                    "model": "auth.user",
                    "pk": 9001,
                    "fields": {
                        "username": "loaded",
                        "password": "!",
                        "groups": [9001],
                        "user_permissions": [permission.pk],
                    },
                },
            ]
        )
    )
    return path


def _role_entries():
    return ModelLogEntry.objects.filter(action="core.roles_changed", object_id="9001")


def test_loading_a_fixture_with_roles_writes_no_audit_entries(django_user_model, tmp_path, db):
    permission = Permission.objects.get(codename="view_response")
    call_command("loaddata", _roles_fixture(tmp_path / "roles.json", permission), verbosity=0)
    user = django_user_model.objects.get(pk=9001)
    assert list(user.groups.values_list("name", flat=True)) == ["Loaded"]
    assert list(user.user_permissions.all()) == [permission]
    assert list(Group.objects.get(pk=9001).permissions.all()) == [permission]
    assert not _role_entries().exists()


def test_changing_roles_after_a_fixture_load_is_logged(django_user_model, tmp_path, db):
    permission = Permission.objects.get(codename="view_response")
    call_command("loaddata", _roles_fixture(tmp_path / "roles.json", permission), verbosity=0)
    django_user_model.objects.get(pk=9001).groups.add(Group.objects.create(name="Later"))
    Group.objects.get(pk=9001).permissions.clear()
    logged = _role_entries().values_list("content_type__model", "data")
    assert sorted(logged) == [
        ("group", {"change": "cleared", "what": [], "relation": "group"}),
        ("user", {"change": "added", "what": ["Later"], "relation": "user_groups"}),
    ]


def test_saving_a_user_normally_does_not_silence_the_log(django_user_model, db):
    user = django_user_model.objects.create_user("plain")
    user.save()
    user.groups.add(Group.objects.create(name="Testers"))
    assert ModelLogEntry.objects.filter(
        action="core.roles_changed", object_id=str(user.pk)
    ).exists()
