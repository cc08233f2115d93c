"""Pictures beside the pages and in the theme: what a picture file carries besides its picture (a camera's metadata,
a GPS position, an author, a private chunk, data after its end), which no one sees but anyone can read."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from generator.content.files import MAX_BYTES
from generator.model import Problem

_METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "description", "author", "copyright")


def image_problems(file: Path, path: str) -> list[Problem]:
    """An image with metadata can give away where and by whom it was taken: refused until it is removed. So is
    anything an image file carries besides its picture (a private chunk, data after its end), which no one
    sees but anyone can read."""
    if file.stat().st_size > 10 * MAX_BYTES:
        return [Problem(path, 1, "image is larger than 10 MB; save a smaller copy for the web")]
    return [Problem(path, 1, message) for message in picture_problems(file.read_bytes())]


def picture_problems(data: bytes) -> list[str]:
    """What an image's bytes carry besides its picture, as messages (see `image_problems`); the built site's
    check asks the same of the theme's pictures."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            kinds = [key.upper() if len(key) <= 4 else key for key in _METADATA if image.info.get(key)]
            kinds += ["EXIF"] if image.getexif() and "EXIF" not in kinds else []
            kinds += ["text"] if getattr(image, "text", None) else []
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):  # a bomb claims billions of pixels
        return ["is not an image that can be read; save it again as PNG or JPEG"]
    if not kinds:
        hidden = hidden_data(data)
        return (
            [f"image carries more than its picture ({hidden}); save it again as a new PNG or JPEG, or use a screenshot"]
            if hidden
            else []
        )
    return [
        f"image holds metadata ({', '.join(kinds)}: it can say where, when and by whom it was taken); save a copy "
        "without it (Windows: Properties → Details → Remove Properties and Personal Information; or exiftool -all= FILE)"
    ]


_PNG_CHUNKS = frozenset(
    {
        b"IHDR",
        b"PLTE",
        b"IDAT",
        b"IEND",
        b"tRNS",
        b"gAMA",
        b"cHRM",
        b"sRGB",
        b"iCCP",
        b"sBIT",
        b"bKGD",
        b"pHYs",
        b"acTL",
        b"fcTL",
        b"fdAT",
    }
)
_JPEG_KEPT = frozenset({0xE0, 0xEE, 0xE2})
"""JPEG application segments that hold no text: JFIF, Adobe colour, ICC profile."""


def hidden_data(data: bytes) -> str:
    """What an image file holds besides its picture, named for the message ("" if nothing)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        offset = 8
        while offset + 8 <= len(data):
            length, kind = int.from_bytes(data[offset : offset + 4], "big"), data[offset + 4 : offset + 8]
            if kind not in _PNG_CHUNKS:
                return f"a {kind.decode('latin-1')!r} chunk"
            offset += 12 + length
            if kind == b"IEND":
                return "data after its end" if data[offset:].strip(b"\x00") else ""
        return ""
    if data.startswith(b"\xff\xd8"):
        offset = 2
        while offset + 4 <= len(data) and data[offset] == 0xFF:
            marker, length = data[offset + 1], int.from_bytes(data[offset + 2 : offset + 4], "big")
            if marker == 0xDA:  # the picture itself, to the end marker
                end = data.rfind(b"\xff\xd9")
                return "data after its end" if end != -1 and data[end + 2 :].strip(b"\x00") else ""
            if (0xE0 <= marker <= 0xEF and marker not in _JPEG_KEPT) or marker == 0xFE:
                return "a comment" if marker == 0xFE else f"an APP{marker - 0xE0} segment"
            offset += 2 + length
    return ""
