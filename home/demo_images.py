"""Abstract demo pictures drawn with Pillow (no network), stored as Wagtail images.

An image is found again by its title, so loading the demo twice stores nothing twice; the title says what
the picture shows, because Wagtail offers it as the default alt text.
"""

import io
import random
import zlib

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont, ImageOps

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection

# kind: (size, file format)
KINDS = {
    "logo": ((512, 512), "PNG"),
    "hero": ((1600, 600), "JPEG"),
    "news": ((1200, 675), "JPEG"),
}


def ensure_image(title, kind, colours, label):
    """The Wagtail image with this title; drawn and stored only when it does not exist yet."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is not None:
        return image
    ensure_root_collection()
    size, file_format = KINDS[kind]
    data = draw(size, colours, label, logo=kind == "logo", seed=zlib.crc32(title.encode()))
    name = f"{slugify(anyascii(title))[:80]}.{file_format.lower().replace('jpeg', 'jpg')}"
    buffer = io.BytesIO()
    data.save(buffer, file_format, **({"quality": 88} if file_format == "JPEG" else {}))
    image = image_model(title=title, file=ImageFile(buffer, name=name))
    image.save()
    return image


def ensure_root_collection():
    """Images belong to a collection; a database built without migrations has not even the root one."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def draw(size, colours, label, logo, seed):
    """A gradient with translucent circles and the label: calm, on-brand and different for every seed."""
    width, height = size
    start, end = colours
    rng = random.Random(seed)  # noqa: S311 - placing circles, not cryptography
    gradient = Image.radial_gradient("L") if logo else Image.linear_gradient("L").rotate(90)
    picture = ImageOps.colorize(gradient.resize(size), start, end).convert("RGBA")

    circles = Image.new("RGBA", size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(circles)
    for _ in range(9):
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        fill = (255, 255, 255, rng.randint(18, 60))
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)
    picture = Image.alpha_composite(picture, circles)

    pen = ImageDraw.Draw(picture)
    if logo:
        margin = width // 14
        pen.ellipse((margin, margin, width - margin, height - margin), outline="white", width=width // 40)
        font = fitting_font(pen, label, max_width=width * 0.68, size=height // 3)
        pen.text((width / 2, height / 2), label, font=font, fill="white", anchor="mm")
    else:
        font = ImageFont.load_default(size=height // 7)
        pen.text((width // 20, height - height // 12), label, font=font, fill=(255, 255, 255, 230), anchor="ls")
    return picture.convert("RGB")


def fitting_font(pen, text, max_width, size):
    """The default font at the largest size (up to `size`) at which the text fits the width."""
    font = ImageFont.load_default(size=size)
    while pen.textlength(text, font=font) > max_width:
        size -= 4
        font = ImageFont.load_default(size=size)
    return font
