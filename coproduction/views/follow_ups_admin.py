"""Staff see follow-up answers as they see survey comments: redacted, never the words typed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from coproduction.models import FollowUp


class FollowUpViewSet(ModelViewSet):
    model = FollowUp
    url_prefix = "coproduction/follow-ups"
    url_namespace = "coproduction_follow_up"
    icon = "comment"
    menu_label = _("Is it better now? answers")
    add_to_admin_menu = False
    list_display = ["action", "answer", "given_on", "redacted_comment", "safeguarding_categories"]
    list_filter = ["answer", "action__board"]
    inspect_view_enabled = True
    inspect_view_fields = list_display
    # Answers are residents' own: staff read them, nobody edits them.
    form_fields = ["answer"]

    def get_queryset(self, request):
        return FollowUp.objects.select_related("action")
