from django.conf import settings


def site_context(request):
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}


def kiosk_mode(request):
    """`?via=kiosk` marks a shared tablet: pages clear themselves and nothing leads away."""
    return {"kiosk": request.GET.get("via") == "kiosk"}
