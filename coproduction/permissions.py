"""Wagtail permission policies for co-production records that belong to one board's member."""

from wagtail.permission_policies import ModelPermissionPolicy

from coproduction import rules, selectors


class MemberSupportPermissionPolicy(ModelPermissionPolicy):
    """Access needs and involvement payments: the model permission (core/roles.py) and, for
    each record, a seat as officer on that member's board (`rules.supports_board`)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and rules.supports_board(
            user, instance.membership.board
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and rules.supports_board(
            user, instance.membership.board
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        boards = selectors.boards_supported_by(user=user)
        return self.model._default_manager.filter(membership__board__in=boards)
