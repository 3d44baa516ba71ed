"""QR codes and printable cards for touchpoints."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from surveys.cards import card_context, cards_pdf
from surveys.models import Touchpoint
from surveys.qr import qr_png, qr_svg

can_view_touchpoints = permission_required("surveys.view_touchpoint", raise_exception=True)


@can_view_touchpoints
def touchpoint_qr_svg(request, pk):
    touchpoint = get_object_or_404(Touchpoint, pk=pk)
    response = HttpResponse(qr_svg(touchpoint), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="qr-{touchpoint.code}.svg"'
    return response


@can_view_touchpoints
def touchpoint_qr_png(request, pk):
    touchpoint = get_object_or_404(Touchpoint, pk=pk)
    response = HttpResponse(qr_png(touchpoint), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="qr-{touchpoint.code}.png"'
    return response


class CardBatchForm(forms.Form):
    touchpoint = forms.ModelMultipleChoiceField(
        queryset=Touchpoint.objects.filter(is_active=True).select_related("service"),
        widget=forms.CheckboxSelectMultiple,
        label=_("Touchpoints to print cards for"),
    )
    output = forms.ChoiceField(
        label=_("Print as"),
        choices=[("html", _("Web page to print")), ("pdf", _("PDF"))],
        initial="pdf",
        widget=forms.RadioSelect,
    )


@can_view_touchpoints
def cards(request):
    """Choose touchpoints, then print their cards in one go (HTML for the browser, or a PDF)."""
    form = CardBatchForm(request.GET or None)
    if not form.is_valid():
        return render(request, "surveys/staff/cards_choose.html", {"form": form})
    touchpoints = list(form.cleaned_data["touchpoint"].select_related("survey"))
    if form.cleaned_data["output"] == "pdf":
        response = HttpResponse(cards_pdf(touchpoints), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="how-did-we-do-cards.pdf"'
        return response
    return render(request, "surveys/cards/cards.html", card_context(touchpoints))
