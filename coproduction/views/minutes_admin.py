"""The staff admin keeps its hands off minutes once circulated: its edit and delete actions ask
`services.minutes_assert_editable` (so does its form), and the edit page says why and where to
go instead. Registered in wagtail_hooks.py."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.actions import DeleteAction, EditAction
from wagtail.admin import messages
from wagtail.admin.views.generic import EditView

from coproduction import services


class MinutesEditAction(EditAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        # Even for superusers and scripts: approved minutes are corrected, never edited.
        services.minutes_assert_editable(minutes=self.instance)


class MinutesDeleteAction(DeleteAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        services.minutes_assert_editable(minutes=self.instance)


MINUTES_ACTIONS = (MinutesEditAction, MinutesDeleteAction)


class MinutesEditView(EditView):
    """Says at once when the minutes are locked, with a link to the page where they are sent
    back or corrected, rather than letting an officer type changes that won't save."""

    def get(self, request, *args, **kwargs):
        minutes = self.get_object()
        if minutes.is_locked:
            meeting = minutes.meeting
            url = reverse("coproduction:minutes-review", args=[meeting.board.slug, meeting.pk])
            messages.warning(
                request,
                _(
                    "These minutes are locked: they have been circulated or approved. Send them "
                    "back to draft, or start a correction, from the minutes page."
                ),
                buttons=[messages.button(url, _("Go to the minutes page"))],
            )
        return super().get(request, *args, **kwargs)
