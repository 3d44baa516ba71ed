"""Joining a board: invitation by email, a one-time expiring link, a password, a seat and a role."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coproduction import notifications, rules
from coproduction.models import BoardInvitation, BoardMembership
from coproduction.models.boards import hash_token
from coproduction.services import membership_groups_sync

INVITATION_LIFETIME = timedelta(days=14)


def invitation_send(*, board, email, role, invited_by):
    """Create an invitation and email its link. Returns the invitation."""
    if not rules.can_invite(invited_by):
        raise PermissionDenied("You cannot invite people.")
    if not rules.can_grant_board_role(invited_by, role):
        raise PermissionDenied("Only engagement leads and administrators can invite officers.")
    token = BoardInvitation.new_token()
    invitation = BoardInvitation(
        board=board,
        email=email.strip().lower(),
        role=role,
        invited_by=invited_by,
        token_hash=hash_token(token),
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    invitation.full_clean()
    invitation.save()
    log(board, "coproduction.invitation.send", user=invited_by)
    notifications.invitation(invitation, token)
    return invitation


def invitation_for_token(token):
    """The usable invitation for a token from a link, or None (unknown, used or expired)."""
    invitation = BoardInvitation.objects.filter(token_hash=hash_token(token)).first()
    return invitation if invitation and invitation.is_usable else None


def membership_add(*, board, user, role):
    """Give someone a seat on a board and the role group that goes with it."""
    membership, _created = BoardMembership.objects.update_or_create(
        board=board, user=user, defaults={"role": role, "left_on": None}
    )
    membership_groups_sync(user=user)
    return membership


def _new_user(email, password, first_name, last_name):
    User = get_user_model()
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save()

    # They proved they own the address by opening the link we sent to it.
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def invitation_accept(*, token, password="", first_name="", last_name="", user=None):
    """Use an invitation: create the account (or use the signed-in one) and add the membership."""
    with transaction.atomic():
        invitation = invitation_for_token(token)
        if invitation is None:
            raise ValidationError(_("This invitation link has expired or has already been used."))
        invitation = BoardInvitation.objects.select_for_update().get(pk=invitation.pk)
        if user is None:
            user = _new_user(invitation.email, password, first_name.strip(), last_name.strip())
        elif user.email.lower() != invitation.email:
            raise PermissionDenied("This invitation is for a different email address.")
        membership = membership_add(board=invitation.board, user=user, role=invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return membership
