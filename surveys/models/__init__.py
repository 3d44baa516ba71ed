from surveys.models.pages import SurveyIndexPage, SurveyPage
from surveys.models.places import Service, ServiceName, Touchpoint, TouchpointName
from surveys.models.receipts import ClosedReceipt
from surveys.models.responses import ContactRequest, FreeTextAnswer, Response

__all__ = [
    "ClosedReceipt",
    "ContactRequest",
    "FreeTextAnswer",
    "Response",
    "Service",
    "ServiceName",
    "SurveyIndexPage",
    "SurveyPage",
    "Touchpoint",
    "TouchpointName",
]
