"""Hand-written pages and the files beside them (`content/pages/`): every one read and privacy-scanned, or refused.

The engine publishes whatever is in this folder, so nothing in it may go out unread: text of any kind is
scanned like an audit, an image only once its metadata (camera, GPS position, author) is gone, and any
other file is refused, since no one can check what it holds.
"""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .load import MAX_BYTES, read_text
from .model import Problem
from .privacy import AllowedNames, Report, scan_file

TEXT = frozenset({".md", ".markdown", ".txt", ".csv", ".svg", ".html", ".htm", ".json", ".yml", ".yaml", ".xml", ".css", ".js"})
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
_METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "description", "author", "copyright")


def scan_pages(root: Path, folder: str, allowed_names: AllowedNames, refused: dict[Path, Problem]) -> Report:
    """Every file under `folder` (the engine's pages), judged as above; `refused` files are reported elsewhere."""
    report = Report([], [], [])
    base = root / folder
    for directory, dirs, files in os.walk(base):
        dirs.sort()
        for name in sorted(files):
            file = Path(directory) / name
            path = file.relative_to(root).as_posix()
            if file in refused:
                continue
            suffix = file.suffix.lower()
            if suffix in TEXT:
                text, problems = read_text(file, path)
                found = scan_file(text, path, allowed_names) if text is not None else Report(problems, [], [])
                report.errors += found.errors
                report.warnings += found.warnings
                report.allowances += found.allowances
            elif suffix in IMAGES:
                report.errors += image_problems(file, path)
            else:
                report.errors.append(
                    Problem(path, 1, "cannot be checked for identifying details; publish its text as a Markdown page instead")
                )
    return report


def image_problems(file: Path, path: str) -> list[Problem]:
    """An image with metadata can give away where and by whom it was taken: refused until it is removed."""
    if file.stat().st_size > 10 * MAX_BYTES:
        return [Problem(path, 1, "image is larger than 10 MB; save a smaller copy for the web")]
    try:
        with Image.open(file) as image:
            kinds = [key.upper() if len(key) <= 4 else key for key in _METADATA if image.info.get(key)]
            kinds += ["EXIF"] if image.getexif() and "EXIF" not in kinds else []
            kinds += ["text"] if getattr(image, "text", None) else []
    except (UnidentifiedImageError, OSError, ValueError):
        return [Problem(path, 1, "is not an image that can be read; save it again as PNG or JPEG")]
    if not kinds:
        return []
    return [
        Problem(
            path,
            1,
            f"image holds metadata ({', '.join(kinds)}: it can say where, when and by whom it was taken); save a copy "
            "without it (Windows: Properties → Details → Remove Properties and Personal Information; or exiftool -all= FILE)",
        )
    ]
