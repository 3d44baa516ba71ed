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
    path("feedback/thanks/<str:receipt>/", views.thanks, name="thanks"),
    path("feedback/thanks/<str:receipt>/contact/", views.contact_me, name="contact-me"),
    path("feedback/receipt/", views.receipt_lookup, name="receipt-lookup"),
    path("feedback/receipt/<str:receipt>/", views.receipt, name="receipt"),
    path("feedback/receipt/<str:receipt>/withdraw/", views.withdraw, name="withdraw"),
]
