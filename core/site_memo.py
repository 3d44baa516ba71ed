"""The Wagtail Site and its CouncilSettings, remembered between requests.

Every public page shows the council's name and phone numbers, which costs two queries (the site
for the host, then its settings) on each request. Each process keeps them, stamped with a
version held in the shared cache (Redis in production): saving either model writes a new
version, so every server reads them again on its next request. The middleware also has every
memo's version read in one round trip (core.memo), once per request.
"""

import copy

from django.db import DatabaseError
from wagtail.models import Site

from core.memo import SharedMemo, memo_versions_for_request
from core.models import CouncilSettings

# Host headers are checked against ALLOWED_HOSTS first; the memo's bound only limits memory.
_memo = SharedMemo("site-settings")


def site_settings_changed(sender, created=False, **kwargs):
    """Receiver for saves and deletes of Site and CouncilSettings: every server reloads.
    Settings created on first use (`for_site` creates them) are what was just read."""
    if sender is CouncilSettings and created:
        return
    _memo.forget()


def _site_and_settings(request):
    site = Site.find_for_request(request)
    return site, (CouncilSettings.for_site(site) if site else None)


def site_settings_version():
    """Changes whenever a site or its settings are saved: part of any key for what shows them."""
    return _memo.version()


def site_and_settings_for(request):
    """(site, council settings) for this request's host, from memory while unchanged."""
    host = (request.META.get("HTTP_HOST", ""), request.META.get("SERVER_PORT", ""))
    return _memo.get(host, lambda: _site_and_settings(request))


class SiteSettingsMemoMiddleware:
    """Hands Wagtail the remembered site and settings, where `Site.find_for_request` and
    `CouncilSettings.for_request` look first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Every memo's version in one round trip, the same for the whole request.
        with memo_versions_for_request():
            return self._with_site(request)

    def _with_site(self, request):
        try:
            site, council = site_and_settings_for(request)
        except DatabaseError:
            # Leave it to the view: /healthz answers 503, pages say "please try again".
            return self.get_response(request)
        request._wagtail_site = site
        if council is not None:
            # A copy per request: Wagtail keeps the request on the settings object.
            council = copy.copy(council)
            council._request = request
            setattr(request, CouncilSettings.get_cache_attr_name(), council)
        return self.get_response(request)
