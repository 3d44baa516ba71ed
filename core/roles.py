"""Product roles: Django groups and the permissions each one holds, defined once, here.

`PERMISSIONS` is the roles × permissions table. `docs/roles-and-permissions.md` carries the same
table (rendered by `render_permissions_table()`, checked by a test), and `sync_roles()` makes the
groups in the database match it. Object-level rules (which board you sit on, whether you chair it)
live in `coproduction/rules.py`.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission

BOARD_MEMBERS = "Board members"
OFFICERS = "Officers"
ENGAGEMENT_LEADS = "Engagement leads"
SAFEGUARDING_LEADS = "Safeguarding leads"
ADMINISTRATORS = "Administrators"

ROLES = [BOARD_MEMBERS, OFFICERS, ENGAGEMENT_LEADS, SAFEGUARDING_LEADS, ADMINISTRATORS]
# Roles whose holders see personal or unpublished data: they must set up MFA before doing anything.
STAFF_ROLES = {OFFICERS, ENGAGEMENT_LEADS, SAFEGUARDING_LEADS, ADMINISTRATORS}

B, OF, E, S, A = BOARD_MEMBERS, OFFICERS, ENGAGEMENT_LEADS, SAFEGUARDING_LEADS, ADMINISTRATORS
STAFF = {OF, E, S, A}
MEETING_STAFF = {OF, E}
# Access needs and payments: also administrators, who look after accounts. Which boards' members
# each may see is the rule `coproduction.rules.supports_board` (an officer seat on that board).
SUPPORT_STAFF = MEETING_STAFF | {A}

# (permission, what it lets you do, roles that hold it). Board members never hold a surveys.* one.
PERMISSIONS = [
    ("wagtailadmin.access_admin", "Sign in to the staff admin", STAFF),
    # Responses and the people behind them (surveys)
    ("surveys.view_response", "See responses (comments redacted)", {OF, E, S}),
    ("surveys.view_unredacted_text", "See comments before redaction", {S}),
    ("surveys.enter_paper_response", "Key in paper and phone feedback", {OF, E}),
    ("surveys.export_response", "Export responses", {E}),
    ("surveys.view_contactrequest", "See 'please contact me' details", {E, S}),
    ("surveys.change_contactrequest", "Close 'please contact me' requests", {E, S}),
    ("surveys.delete_contactrequest", "Delete contact details", {E}),
    ("surveys.view_touchpoint", "See touchpoints, QR codes and print cards", {OF, E}),
    ("surveys.add_touchpoint", "Add a touchpoint", {E}),
    ("surveys.change_touchpoint", "Edit a touchpoint", {E}),
    ("surveys.view_service", "See services", {OF, E}),
    ("surveys.add_service", "Add a service", {E}),
    ("surveys.change_service", "Edit a service", {E}),
    # Themes and safeguarding (themes); reporting (insights)
    ("themes.view_theme", "See themes and redacted summaries", {B, OF, E, S}),
    ("themes.change_theme", "Edit the theme list", {E}),
    ("themes.review_thememention", "Confirm or reject theme tags", {OF, E}),
    ("themes.review_safeguardingflag", "Review safeguarding flags and record outcomes", {S}),
    ("insights.view_dashboard", "See the staff insights dashboard and reports", {OF, E, S}),
    ("insights.export_report", "Export themes, summaries and reports", {E}),
    # Boards and people (coproduction)
    ("coproduction.view_board", "See every board in the admin", STAFF - {S}),
    ("coproduction.add_board", "Set up a board", {E}),
    ("coproduction.change_board", "Edit a board", {E}),
    ("coproduction.delete_board", "Delete a board", {A}),
    ("coproduction.view_boardmembership", "See board members", MEETING_STAFF | {A}),
    ("coproduction.change_boardmembership", "Change a member's role", MEETING_STAFF),
    ("coproduction.delete_boardmembership", "Remove a member", MEETING_STAFF),
    ("coproduction.add_boardinvitation", "Invite someone to a board", MEETING_STAFF | {A}),
    ("coproduction.view_boardinvitation", "See invitations", MEETING_STAFF | {A}),
    ("coproduction.view_accessneeds", "See members' access needs", SUPPORT_STAFF),
    ("coproduction.add_accessneeds", "Record members' access needs", SUPPORT_STAFF),
    ("coproduction.change_accessneeds", "Update members' access needs", SUPPORT_STAFF),
    ("coproduction.view_involvementpayment", "See involvement payments", SUPPORT_STAFF),
    ("coproduction.add_involvementpayment", "Record involvement payments", SUPPORT_STAFF),
    ("coproduction.change_involvementpayment", "Update involvement payments", SUPPORT_STAFF),
    # Meetings, minutes, actions (coproduction)
    ("coproduction.view_meeting", "See every meeting in the admin", MEETING_STAFF),
    ("coproduction.add_meeting", "Arrange a meeting", MEETING_STAFF),
    ("coproduction.change_meeting", "Change a meeting, its agenda and papers", MEETING_STAFF),
    ("coproduction.delete_meeting", "Delete a meeting", {E}),
    ("coproduction.view_minutes", "See draft minutes", MEETING_STAFF),
    ("coproduction.add_minutes", "Start minutes", MEETING_STAFF),
    ("coproduction.change_minutes", "Write minutes and circulate them", MEETING_STAFF),
    ("coproduction.publish_minutes", "Publish approved minutes", MEETING_STAFF),
    ("coproduction.add_minutescomment", "Comment on circulated minutes", {B}),
    ("coproduction.view_minutescomment", "Read members' comments on minutes", MEETING_STAFF),
    ("coproduction.view_themereviewdecision", "See theme review decisions", MEETING_STAFF),
    ("coproduction.add_themereviewdecision", "Record theme review decisions", MEETING_STAFF),
    ("coproduction.view_action", "See every action in the admin", MEETING_STAFF),
    ("coproduction.add_action", "Raise an action", MEETING_STAFF),
    ("coproduction.change_action", "Update an action", MEETING_STAFF),
    ("coproduction.publish_action", "Publish 'You said, we did'", MEETING_STAFF),
    ("coproduction.add_actionprogressnote", "Add progress notes to an action", MEETING_STAFF),
    (
        "coproduction.view_followup",
        "See 'Is it better now?' answers (comments redacted)",
        {OF, E, S},
    ),
    # Accounts
    ("auth.view_user", "See user accounts", {A}),
    ("auth.add_user", "Create user accounts", {A}),
    ("auth.change_user", "Change user accounts and their roles", {A}),
    ("auth.view_group", "See roles", {A}),
]

# Wagtail documents are permitted per collection (GroupCollectionPermission), not by the group:
# (permission, what it lets you do, roles, collection: None for every one, else a top-level
# collection by name). Meeting papers go into their board's collection inside PAPERS_COLLECTION;
# coproduction's document policy hides other boards' papers (rules.can_file_papers).
PAPERS_COLLECTION = "Board papers"
COLLECTION_PERMISSIONS = [
    (
        "wagtaildocs.choose_document",
        "Attach documents to meetings (never another board's papers)",
        MEETING_STAFF,
        None,
    ),
    (
        "wagtaildocs.add_document",
        "Upload meeting papers into their boards' private papers",
        MEETING_STAFF,
        PAPERS_COLLECTION,
    ),
]


def permissions_for(role):
    """The permission names ('app_label.codename') a role holds."""
    return {name for name, _label, roles in PERMISSIONS if role in roles}


def _permissions_by_name(names):
    found = {}
    for permission in Permission.objects.select_related("content_type").filter(
        codename__in={name.split(".", 1)[1] for name in names}
    ):
        found[f"{permission.content_type.app_label}.{permission.codename}"] = permission
    return {name: found[name] for name in names if name in found}


def _permission_objects(names):
    found = _permissions_by_name(names)
    return list(found.values()), sorted(set(names) - set(found))


def papers_collection():
    """The collection that holds every board's private papers (created the first time)."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=PAPERS_COLLECTION).first()
    return found or root.add_child(name=PAPERS_COLLECTION)


def _collection_grants(role):
    """{(permission, collection)} a role should hold, from COLLECTION_PERMISSIONS."""
    permissions = _permissions_by_name([name for name, *_rest in COLLECTION_PERMISSIONS])
    where = {None: Collection.get_first_root_node(), PAPERS_COLLECTION: papers_collection()}
    return {
        (permissions[name], where[collection])
        for name, _label, roles, collection in COLLECTION_PERMISSIONS
        if role in roles and name in permissions
    }


def _sync_collection_permissions(group, role):
    wanted = _collection_grants(role)
    codenames = {name.split(".", 1)[1] for name, *_rest in COLLECTION_PERMISSIONS}
    held = GroupCollectionPermission.objects.filter(group=group, permission__codename__in=codenames)
    for grant in held:
        if (grant.permission, grant.collection) not in wanted:
            grant.delete()
    for permission, collection in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, permission=permission, collection=collection
        )


def sync_roles():
    """Create or update the role groups so they hold exactly the tables' permissions.

    Idempotent. Returns the permission names that don't exist yet (an app not migrated).
    """
    collection_names = {name for name, *_rest in COLLECTION_PERMISSIONS}
    missing = collection_names - set(_permissions_by_name(collection_names))
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        permissions, not_found = _permission_objects(permissions_for(role))
        group.permissions.set(permissions)
        _sync_collection_permissions(group, role)
        missing.update(not_found)
    return sorted(missing)


def user_roles(user):
    if not user.is_authenticated:
        return set()
    return set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))


def is_administrator(user):
    """Administrators (and superusers) alone may read the whole audit log."""
    return user.is_superuser or ADMINISTRATORS in user_roles(user)


def render_permissions_table():
    """The roles × permissions table as Markdown, as it appears in the docs."""
    header = "| permission | what it lets you do | " + " | ".join(ROLES) + " |"
    rule = "|---|---|" + "---|" * len(ROLES)
    rows = [
        f"| `{name}` | {label} | "
        + " | ".join("yes" if role in roles else "–" for role in ROLES)
        + " |"
        for name, label, roles in PERMISSIONS
    ]
    rows += [
        f"| `{name}` | {label} (collection: {collection or 'every collection'}) | "
        + " | ".join("yes" if role in roles else "–" for role in ROLES)
        + " |"
        for name, label, roles, collection in COLLECTION_PERMISSIONS
    ]
    return "\n".join([header, rule, *rows])


def sync_roles_after_migrate(sender, app_configs=None, using="default", **kwargs):
    """post_migrate receiver: once the last app has migrated, bring the role groups up to date."""

    if sender.name != list(apps.get_app_configs())[-1].name:
        return
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles()
