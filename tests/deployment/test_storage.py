"""Uploads in an S3-compatible bucket (django-storages), against a real S3 API server (moto's),
and the site serving every file itself: images to anyone, papers only through their check."""

import socket
import uuid

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer
from wagtail.documents.models import Document

from core.storage import PrivateS3Storage, is_public_media
from feedback_site.settings.storage import default_storage_from_env

S3_ENV = {
    "STORAGE_BACKEND": "s3",
    "AWS_STORAGE_BUCKET_NAME": "council-feedback",
    "AWS_S3_ENDPOINT_URL": "https://s3.eu-west-2.amazonaws.com",
    "AWS_S3_REGION_NAME": "eu-west-2",
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def test_local_files_are_the_default():
    assert default_storage_from_env({}) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert default_storage_from_env({"STORAGE_BACKEND": "filesystem"})["BACKEND"].endswith(
        "FileSystemStorage"
    )


def test_s3_from_the_environment_is_a_private_bucket_that_never_overwrites():
    storage = default_storage_from_env(S3_ENV)
    assert storage["BACKEND"] == "core.storage.PrivateS3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "council-feedback",
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
        "signature_version": "s3v4",
        "endpoint_url": "https://s3.eu-west-2.amazonaws.com",
        "region_name": "eu-west-2",
        "access_key": "AKIAEXAMPLE",
        "secret_key": "secret",
    }


def test_s3_without_keys_leaves_them_to_boto3():
    env = {k: v for k, v in S3_ENV.items() if not k.startswith("AWS_ACCESS") and "SECRET" not in k}
    options = default_storage_from_env(env)["OPTIONS"]
    assert "access_key" not in options and "secret_key" not in options


@pytest.mark.parametrize(
    "env, message",
    [
        ({"STORAGE_BACKEND": "s3"}, "AWS_STORAGE_BUCKET_NAME"),
        ({"STORAGE_BACKEND": "nfs"}, "use 'filesystem' or 's3'"),
    ],
)
def test_a_wrong_storage_setting_refuses_to_start(env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        default_storage_from_env(env)


def test_only_images_are_public_media():
    assert is_public_media("images/photo.max-800x600.jpg")
    assert is_public_media("original_images/photo.jpg")
    assert not is_public_media("documents/agenda.pdf")
    assert not is_public_media("imports-pending/abc.csv")
    assert not is_public_media("images/../documents/agenda.pdf")


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3", endpoint_url=url, region_name="eu-west-2",
        aws_access_key_id="test", aws_secret_access_key="test",
    )  # fmt: skip
    # moto keeps its buckets per process: a name of this fixture's own.
    bucket = f"council-feedback-{uuid.uuid4().hex[:8]}"
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    yield url, client, bucket
    server.stop()


@pytest.fixture
def s3_storage(s3_endpoint, settings):
    url, _client, bucket = s3_endpoint
    env = {
        **S3_ENV,
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": url,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_S3_ADDRESSING_STYLE": "path",
    }
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env(env)}
    return default_storage


def test_files_round_trip_through_the_bucket(s3_storage, s3_endpoint):
    _url, client, bucket = s3_endpoint
    name = s3_storage.save("imports-pending/check.csv", ContentFile(b"a,b\n1,2\n"))
    second = s3_storage.save("imports-pending/check.csv", ContentFile(b"other"))
    assert name != second  # never overwritten
    assert isinstance(s3_storage._wrapped, PrivateS3Storage)
    stored = client.get_object(Bucket=bucket, Key=name)["Body"].read()
    assert stored == b"a,b\n1,2\n"
    with s3_storage.open(name, "rb") as file:
        assert file.read() == b"a,b\n1,2\n"
    assert s3_storage.url(name) == f"/media/{name}"  # the site's own address, never the bucket's
    grants = client.get_object_acl(Bucket=bucket, Key=name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only
    s3_storage.delete(name)
    assert not s3_storage.exists(name)


def test_images_are_served_by_the_site_from_the_bucket(s3_storage, client, db):
    name = s3_storage.save("images/tree.max-165x165.png", ContentFile(b"\x89PNG tree"))
    reply = client.get(f"/media/{name}")
    assert reply.status_code == 200
    assert b"".join(reply.streaming_content) == b"\x89PNG tree"
    assert reply["Content-Type"] == "image/png"


def test_papers_and_imports_are_never_served_from_media(s3_storage, client, db):
    for name in ("documents/agenda.pdf", "imports-pending/abc.csv"):
        s3_storage.save(name, ContentFile(b"private"))
        assert client.get(f"/media/{name}").status_code == 404
    assert client.get("/media/images/missing.png").status_code == 404


def test_a_document_is_streamed_from_the_bucket_by_wagtails_view(s3_storage, client, db):
    document = Document.objects.create(
        title="Leaflet", file=ContentFile(b"%PDF leaflet", "leaflet.pdf")
    )
    assert document.file.name.startswith("documents/")
    reply = client.get(document.url)
    assert reply.status_code == 200
    assert b"".join(reply.streaming_content) == b"%PDF leaflet"
