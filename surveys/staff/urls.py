from django.urls import path

from surveys.staff import cards, contacts, entry, exports, imports, large_print, responses

app_name = "surveys_staff"

urlpatterns = [
    path("responses/", responses.response_list, name="responses"),
    path("responses/<int:pk>/", responses.response_detail, name="response-detail"),
    path("enter/", entry.choose_touchpoint, name="entry-choose"),
    path("enter/<int:pk>/", entry.enter_response, name="entry"),
    path("import/", imports.import_responses, name="import"),
    path(
        "import/template/<int:pk>.<str:file_format>",
        imports.import_template_download,
        name="import-template",
    ),
    path("export/", exports.export_responses, name="export"),
    path("cards/", cards.cards, name="cards"),
    path("surveys/<int:pk>/large-print/", large_print.large_print, name="large-print"),
    path("touchpoints/<int:pk>/qr.svg", cards.touchpoint_qr_svg, name="qr-svg"),
    path("touchpoints/<int:pk>/qr.png", cards.touchpoint_qr_png, name="qr-png"),
    path("contact-requests/", contacts.contact_request_list, name="contact-requests"),
    path(
        "contact-requests/<int:pk>/close/",
        contacts.contact_request_close,
        name="contact-request-close",
    ),
    path(
        "contact-requests/<int:pk>/delete/",
        contacts.contact_request_remove,
        name="contact-request-delete",
    ),
]
