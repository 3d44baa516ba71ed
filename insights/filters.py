"""The filters every summary, dashboard and report accepts, applied in the database."""

from dataclasses import dataclass, field, replace
from datetime import date

from django.utils.translation import gettext_lazy as _

from insights.periods import is_whole_months, months_before
from surveys.choices import EQUALITY_FIELDS, HelpedBy
from surveys.models import Response

# The answers figures can be filtered and broken down by: each 'About you' question, and who
# helped fill the form in. Rolled up the same way (`MonthlyEqualityRollup` and its kin).
ANSWER_FIELDS = {
    **EQUALITY_FIELDS,
    "helped_by": (_("Did someone help you fill this in?"), HelpedBy),
}


@dataclass(frozen=True)
class FeedbackFilter:
    start: date
    end: date
    service_id: int | None = None
    touchpoint_id: int | None = None
    channel: str = ""
    language: str = ""
    equality: dict = field(default_factory=dict)  # {answer field: code}, see ANSWER_FIELDS

    def responses(self):
        queryset = Response.objects.filter(submitted_on__gte=self.start, submitted_on__lte=self.end)
        for name in ("service_id", "touchpoint_id"):
            if getattr(self, name):
                queryset = queryset.filter(**{name: getattr(self, name)})
        if self.channel:
            queryset = queryset.filter(channel=self.channel)
        if self.language:
            queryset = queryset.filter(language=self.language)
        for name, value in self.equality.items():
            if name in ANSWER_FIELDS and value:
                queryset = queryset.filter(**{name: value})
        return queryset

    def mention_filters(self):
        """The same filter, as lookups on ThemeMention (which copies service and date).

        Anything else is a condition on the response: it becomes one semi-join on the responses
        the filter selects, which the database can read through their own indexes.
        """
        by_response = self.touchpoint_id or self.channel or self.language
        if by_response or any(v for k, v in self.equality.items() if k in ANSWER_FIELDS):
            return {"response__in": self.responses().values("id")}
        lookups = {"submitted_on__gte": self.start, "submitted_on__lte": self.end}
        if self.service_id:
            lookups["service_id"] = self.service_id
        return lookups

    def previous_period(self):
        """The period just before this one: the same number of whole months for a period of
        whole months (so a quarter compares with the quarter before), else the same number of
        days."""
        if is_whole_months(self.start, self.end):
            start, end = months_before(self.start, self.end)
            return replace(self, start=start, end=end)
        length = self.end - self.start
        end = self.start.fromordinal(self.start.toordinal() - 1)
        return replace(self, start=end - length, end=end)
