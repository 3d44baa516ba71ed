"""Admin panels for co-production forms."""

from wagtail.admin.panels import Panel

from coproduction import rules


class AttendeeNeedsPanel(Panel):
    """On a meeting's admin form, beside attendance: what the people coming need (the board's
    officers only, `rules.can_see_member_support`)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "coproduction/admin/attendee_needs_panel.html"

        def is_shown(self):
            meeting = self.instance
            return bool(meeting.pk) and rules.can_see_member_support(
                self.request.user, meeting.board
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(meeting=self.instance, request=self.request)
            return context
