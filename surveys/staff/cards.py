"""QR codes and printable cards for touchpoints."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from surveys.cards import MAX_CARDS, CardsNotTranslated, cards_html, cards_pdf
from surveys.models import Touchpoint
from surveys.qr import public_address_problem, qr_png, qr_svg

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
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("Cards use that language's version of each survey."),
        required=False,
    )
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=[
            ("a6", _("A6 pages, front then back, for A6 card")),
            ("a4", _("A4 sheets of two cards with crop marks, to cut by hand")),
            ("print-shop", _("A6 with 3 mm bleed and crop marks, for a print shop")),
        ],
        initial="a6",
        required=False,
        widget=forms.RadioSelect,
    )
    output = forms.ChoiceField(
        label=_("Print as"),
        choices=[("html", _("Web page to print")), ("pdf", _("PDF"))],
        initial="pdf",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (locale.language_code, locale.get_display_name()) for locale in Locale.objects.all()
        ]
        for touchpoint in self.fields["touchpoint"].queryset:
            self.fields[f"quantity_{touchpoint.pk}"] = forms.IntegerField(
                label=_("How many cards for %(name)s, %(code)s")
                % {"name": touchpoint.name, "code": touchpoint.code},
                min_value=1,
                max_value=MAX_CARDS,
                required=False,
                widget=forms.NumberInput(attrs={"class": "w-field__input--short"}),
            )

    def clean(self):
        cleaned = super().clean()
        if len(self.touchpoints()) > MAX_CARDS:
            raise forms.ValidationError(
                _("Print at most %(count)s cards at a time.") % {"count": MAX_CARDS}
            )
        return cleaned

    def touchpoints(self):
        """Each chosen touchpoint as many times as cards were asked for (one if left blank)."""
        chosen = self.cleaned_data.get("touchpoint") or []
        return [
            touchpoint
            for touchpoint in chosen
            for _copy in range(self.cleaned_data.get(f"quantity_{touchpoint.pk}") or 1)
        ]


@can_view_touchpoints
def cards(request):
    """Choose touchpoints, how many of each, a language and a layout, then print in one go."""
    form = CardBatchForm(request.GET or None)
    context = {"form": form, "public_address_problem": public_address_problem()}
    if not form.is_valid():
        return render(request, "surveys/staff/cards_choose.html", context)
    options = {
        "layout": form.cleaned_data["layout"] or "a6",
        "language": form.cleaned_data["language"] or settings.LANGUAGE_CODE,
    }
    try:
        if form.cleaned_data["output"] == "pdf":
            response = HttpResponse(
                cards_pdf(form.touchpoints(), **options), content_type="application/pdf"
            )
            response["Content-Disposition"] = 'attachment; filename="how-did-we-do-cards.pdf"'
            return response
        return HttpResponse(cards_html(form.touchpoints(), **options))
    except CardsNotTranslated as error:
        form.add_error(
            "language",
            _("Not translated yet, so no cards in this language for: %(touchpoints)s.")
            % {"touchpoints": error},
        )
        return render(request, "surveys/staff/cards_choose.html", context)
