"""Uploads in a private S3-compatible bucket, every file served by the site itself.

Nobody is sent to the bucket: a meeting paper goes through Wagtail's document view (which checks
the board), an import file is read back by the app, and images (public anyway, as on any Wagtail
site) through `core.views.media`. So the bucket needs no public access, signed links never leave
the site, and the Content-Security-Policy stays 'self'.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

# Folders anyone may read through /media/: Wagtail's images (originals and renditions). Papers
# (documents/), pending imports and anything else are never served from there.
PUBLIC_MEDIA_FOLDERS = ("images/", "original_images/")


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)


def is_public_media(name):
    return name.startswith(PUBLIC_MEDIA_FOLDERS) and ".." not in name.split("/")
