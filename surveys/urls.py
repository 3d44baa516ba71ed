from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    # Short addresses printed on cards: /f/<code>, typed by people who can't scan the QR code.
    path("f/<slug:code>", views.touchpoint_survey, name="touchpoint"),
    path(
        "f/<slug:code>/easy-read",
        views.touchpoint_survey,
        {"easy_read": True},
        name="touchpoint-easy-read",
    ),
    # Receipt codes travel only in POST bodies: an address (and so an access log) never holds
    # one. The confirmation page's token works once (surveys/confirmations.py).
    path("feedback/thanks/<slug:token>/", views.thanks, name="thanks"),
    path("feedback/contact/", views.contact_me, name="contact-me"),
    path("feedback/receipt/", views.receipt_lookup, name="receipt-lookup"),
    path(
        "feedback/receipt/easy-read/",
        views.receipt_lookup,
        {"easy_read": True},
        name="receipt-lookup-easy-read",
    ),
    path("feedback/receipt/withdraw/", views.withdraw, name="withdraw"),
]
