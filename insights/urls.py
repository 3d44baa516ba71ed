from django.urls import path

from insights.views import dashboard, digests, exports, reports

app_name = "insights"

urlpatterns = [
    path("", dashboard.StaffDashboardView.as_view(), name="dashboard"),
    path("board/", dashboard.BoardDashboardView.as_view(), name="board-dashboard"),
    path("reports/local-account/", reports.LocalAccountView.as_view(), name="local-account"),
    path(
        "reports/local-account/<int:year>.pdf",
        reports.local_account_pdf,
        name="local-account-pdf",
    ),
    path("reports/cqc/", reports.CqcPackView.as_view(), name="cqc-pack"),
    path("reports/cqc.pdf", reports.cqc_pack_pdf, name="cqc-pack-pdf"),
    path("digests/", digests.digest_choose, name="digests"),
    path("exports/", exports.export_list, name="exports"),
    path("exports/<int:pk>/", exports.export_detail, name="export"),
    path("exports/<int:pk>/download/", exports.export_download, name="export-download"),
]
