"""Rule triggers staff keep rejecting, with a one-click way to stop each tagging its theme."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from themes.models import Theme
from themes.narrowing import REPEATED_REJECTIONS, rejected_triggers, theme_trigger_narrow

can_edit_themes = permission_required("themes.change_theme", raise_exception=True)


@can_edit_themes
def rejected_trigger_list(request):
    context = {"triggers": rejected_triggers(), "at_least": REPEATED_REJECTIONS}
    return render(request, "themes/staff/rejected_trigger_list.html", context)


@require_POST
@can_edit_themes
def trigger_narrow(request, pk):
    theme = get_object_or_404(Theme, pk=pk)
    trigger = request.POST.get("trigger", "")[:200]
    if theme_trigger_narrow(theme=theme, trigger=trigger, by=request.user):
        messages.success(
            request,
            _("“%(trigger)s” no longer tags %(theme)s.") % {"trigger": trigger, "theme": theme},
        )
    else:
        messages.error(
            request, _("No phrase of this theme matches “%(trigger)s”.") % {"trigger": trigger}
        )
    return redirect("themes_staff:rejected-triggers")
