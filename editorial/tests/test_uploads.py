"""Uploads are limited to images and office documents of bounded size (README "Security"), through Wagtail's
own admin upload views with a signed-in communication officer; documents are always downloaded as
attachments, never rendered in the browser."""

import io
import os

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><title>x</title><script>alert(document.cookie)</script>"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def signed_in(client, officer, editorial):
    client.force_login(officer)
    return client, editorial.a.team.collection


def png(size, noise=False):
    if noise:
        image = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = PILImage.new("RGB", size, "#4a7a96")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0 if noise else 6)
    return buffer.getvalue()


def upload_image(client, collection, name, content, content_type="image/png"):
    data = {"title": name, "collection": collection.pk, "file": SimpleUploadedFile(name, content, content_type)}
    return client.post(reverse("wagtailimages:add"), data)


def upload_document(client, collection, name, content, content_type):
    data = {"title": name, "collection": collection.pk, "file": SimpleUploadedFile(name, content, content_type)}
    return client.post(reverse("wagtaildocs:add"), data)


def file_errors(response):
    assert response.status_code == 200, response.status_code  # the form shown again, not a 500
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_an_allowed_image_is_stored(signed_in):
    client, collection = signed_in
    response = upload_image(client, collection, "photo.png", png((64, 64)))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="photo.png", collection=collection).exists()


def test_an_svg_image_is_refused(signed_in):
    client, collection = signed_in
    errors = file_errors(upload_image(client, collection, "logo.svg", SVG, "image/svg+xml"))
    assert "Nieobsługiwany format obrazu" in errors  # the admin speaks the officer's language: Polish
    assert "svg" not in errors.lower()
    assert not get_image_model().objects.filter(title="logo.svg").exists()


def test_an_image_over_10_mb_is_refused(signed_in):
    client, collection = signed_in
    content = png((2000, 1800), noise=True)
    assert len(content) > 10 * 1024 * 1024
    errors = file_errors(upload_image(client, collection, "huge.png", content))
    assert "za duży" in errors and "Maksymalny rozmiar pliku 10,0" in errors, errors
    assert not get_image_model().objects.filter(title="huge.png").exists()


def test_an_image_of_too_many_pixels_is_refused(signed_in):
    """A few hundred kilobytes that would take gigabytes to decode (a decompression bomb)."""
    client, collection = signed_in
    content = png((8000, 8000))
    assert len(content) < 1024 * 1024
    errors = file_errors(upload_image(client, collection, "bomb.png", content))
    assert "zbyt wiele" in errors and "50000000" in errors, errors
    assert not get_image_model().objects.filter(title="bomb.png").exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", HTML, "text/html"),
        ("drawing.svg", SVG, "image/svg+xml"),
        ("script.js", b"alert(1)", "text/javascript"),
        ("setup.exe", b"MZ\x90\x00", "application/octet-stream"),
    ],
)
def test_a_document_of_another_type_is_refused(signed_in, name, content, content_type):
    client, collection = signed_in
    errors = file_errors(upload_document(client, collection, name, content, content_type))
    extension = name.rsplit(".", 1)[1]
    assert f"Rozszerzenie pliku „{extension}” jest niedozwolone" in errors, errors
    assert "html" not in errors.split(":")[-1] and "svg" not in errors.split(":")[-1]
    assert not get_document_model().objects.filter(title=name).exists()


def test_a_document_over_10_mb_is_refused(signed_in):
    client, collection = signed_in
    content = b"x" * (10 * 1024 * 1024 + 1)
    errors = file_errors(upload_document(client, collection, "big.txt", content, "text/plain"))
    assert "za duży" in errors and "Maksymalny rozmiar pliku 10,0" in errors, errors
    assert not get_document_model().objects.filter(title="big.txt").exists()


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Production's storage: Wagtail serves a file from its local path (the test settings keep files in memory)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.mark.parametrize(("name", "content"), [("report.pdf", PDF), ("notes.txt", b"Plain notes.\n")])
def test_an_allowed_document_downloads_as_an_attachment(files_on_disk, signed_in, name, content):
    client, collection = signed_in
    response = upload_document(
        client, collection, name, content, "application/pdf" if name.endswith("pdf") else "text/plain"
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title=name)

    client.logout()
    download = client.get(document.url)
    assert download.status_code == 200, (document.url, download.content[:300])
    assert download["Content-Disposition"].startswith("attachment;")
    assert name in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"] == "default-src 'none'"  # Wagtail's own, kept by django-csp
    assert b"".join(download.streaming_content) == content
