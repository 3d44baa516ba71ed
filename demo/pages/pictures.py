"""Simple easy read pictures drawn with Pillow at seed time: nothing is downloaded."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SIZE = 320
INK, BLUE, GREEN, SKIN = "#0b0c0c", "#1d70b8", "#00703c", "#f3c89c"


def _person(draw):
    draw.ellipse((115, 40, 205, 130), fill=SKIN, outline=INK, width=6)
    draw.arc((135, 70, 185, 115), 20, 160, fill=INK, width=6)
    draw.rounded_rectangle((90, 150, 230, 290), radius=40, fill=BLUE, outline=INK, width=6)


def _speech(draw):
    draw.rounded_rectangle((30, 50, 290, 220), radius=40, fill="#ffffff", outline=INK, width=8)
    draw.polygon([(90, 215), (70, 290), (150, 218)], fill="#ffffff", outline=INK)
    for x in (100, 160, 220):
        draw.ellipse((x - 15, 120, x + 15, 150), fill=INK)


def _phone(draw):
    draw.rounded_rectangle((100, 20, 220, 300), radius=24, fill=INK)
    draw.rectangle((112, 50, 208, 250), fill="#ffffff")
    for row in range(3):
        for col in range(3):
            x, y = 125 + col * 28, 80 + row * 28
            draw.rectangle((x, y, x + 18, y + 18), fill=INK if (row + col) % 2 else BLUE)


def _envelope(draw):
    draw.rectangle((30, 80, 290, 250), fill="#ffffff", outline=INK, width=8)
    draw.line((30, 80, 160, 180, 290, 80), fill=INK, width=8)


def _tick(draw):
    draw.ellipse((30, 30, 290, 290), fill=GREEN)
    draw.line((95, 165, 140, 215, 230, 110), fill="#ffffff", width=26, joint="curve")


DRAWINGS = {
    "Easy read: person": _person,
    "Easy read: speech bubble": _speech,
    "Easy read: phone with code": _phone,
    "Easy read: envelope": _envelope,
    "Easy read: green tick": _tick,
}


def picture(title):
    """The Wagtail image with this title, drawn and saved the first time it is asked for."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PillowImage.new("RGB", (SIZE, SIZE), "#ffffff")
    DRAWINGS[title](ImageDraw.Draw(canvas))
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    name = title.split(": ")[1].replace(" ", "-") + ".png"
    image = Image(title=title, file=ImageFile(buffer, name=name))
    image.save()
    return image
