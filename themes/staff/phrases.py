"""Phrases the boards decided on, and reopening one so the engine may suggest it again."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from themes.models import PhraseDecision
from themes.services import phrase_reopen

can_edit_themes = permission_required("themes.change_theme", raise_exception=True)


@can_edit_themes
def phrase_list(request):
    decisions = PhraseDecision.objects.select_related("theme").order_by("-decided_on", "phrase")
    return render(request, "themes/staff/phrase_list.html", {"decisions": decisions})


@require_POST
@can_edit_themes
def phrase_reopen_view(request, pk):
    phrase_reopen(decision=get_object_or_404(PhraseDecision, pk=pk), by=request.user)
    return redirect("themes_staff:phrases")
