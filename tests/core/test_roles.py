import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from core import roles

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles-and-permissions.md"


def _group_permissions(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def _doc_table():
    text = DOC.read_text()
    match = re.search(r"<!-- roles-table:start -->\n(.*?)\n<!-- roles-table:end -->", text, re.S)
    return match.group(1)


@pytest.mark.parametrize("role", roles.ROLES)
def test_groups_hold_exactly_the_tables_permissions(db, role):
    assert _group_permissions(role) == roles.permissions_for(role)


def test_every_permission_in_the_table_exists(db):
    assert roles.sync_roles() == []


def test_docs_table_matches_the_code():
    assert _doc_table() == roles.render_permissions_table()


def test_docs_table_lists_every_role_as_a_column():
    header = _doc_table().splitlines()[0]
    for role in roles.ROLES:
        assert f"| {role} " in header


def test_board_members_hold_no_surveys_permission(db):
    assert not {p for p in _group_permissions(roles.BOARD_MEMBERS) if p.startswith("surveys.")}


def test_board_members_cannot_see_contact_details_or_unredacted_text(db):
    held = _group_permissions(roles.BOARD_MEMBERS)
    assert "surveys.view_contactrequest" not in held
    assert "surveys.view_unredacted_text" not in held
    assert "surveys.view_response" not in held


def test_only_safeguarding_leads_see_unredacted_text(db):
    holders = {r for r in roles.ROLES if "surveys.view_unredacted_text" in _group_permissions(r)}
    assert holders == {roles.SAFEGUARDING_LEADS}


def test_safeguarding_leads_see_responses(db):
    assert "surveys.view_response" in _group_permissions(roles.SAFEGUARDING_LEADS)


def test_sync_roles_is_idempotent_and_repairs_drift(db):
    group = Group.objects.get(name=roles.BOARD_MEMBERS)
    group.permissions.clear()
    roles.sync_roles()
    roles.sync_roles()
    assert Group.objects.filter(name__in=roles.ROLES).count() == len(roles.ROLES)
    assert _group_permissions(roles.BOARD_MEMBERS) == roles.permissions_for(roles.BOARD_MEMBERS)


def _collection_grants(name):
    from wagtail.models import GroupCollectionPermission

    return {
        (f"{g.permission.content_type.app_label}.{g.permission.codename}", g.collection.name)
        for g in GroupCollectionPermission.objects.filter(group__name=name).select_related(
            "permission__content_type", "collection"
        )
    }


@pytest.mark.parametrize("role", roles.ROLES)
def test_groups_hold_exactly_the_collection_permissions(db, role):
    from wagtail.models import Collection

    root = Collection.get_first_root_node().name
    expected = {
        (name, collection or root)
        for name, _label, holders, collection in roles.COLLECTION_PERMISSIONS
        if role in holders
    }
    assert _collection_grants(role) == expected
    if role in roles.MEETING_STAFF:
        assert ("wagtaildocs.add_document", roles.PAPERS_COLLECTION) in expected
        assert ("wagtaildocs.add_document", root) not in expected  # never a public upload


def test_sync_roles_takes_away_a_stray_collection_permission(db):
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission

    GroupCollectionPermission.objects.create(
        group=Group.objects.get(name=roles.BOARD_MEMBERS),
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_document"),
    )
    roles.sync_roles()
    roles.sync_roles()
    assert _collection_grants(roles.BOARD_MEMBERS) == set()
