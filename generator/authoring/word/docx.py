"""Reading a .docx with mammoth: its blocks, and what mammoth did not show of it.

mammoth never reads the document's images or comments; tracked insertions are kept as text and tracked
deletions left out. `blocks.py` writes them as Markdown.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.authoring.word.blocks import Block, blocks
from generator.authoring.word.parts import BODY, Survey, UnreadablePart, missing_words, prepare

STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
r[style-name='Emphasis'] => em
r[style-name='Strong Emphasis'] => strong
"""
"""Besides mammoth's own map: Word's and LibreOffice's Title style marks the title; their emphasis styles are
italic and bold."""


_STYLE_ONLY = re.compile(r"Unrecognised (?:paragraph|run|table) style")
"""mammoth's word for a style it has no mapping for: the text is imported, only its look is not."""


class ImportRefused(Exception):
    """The file could not be imported; the message says why and what to do."""


@dataclass
class Word:
    """What mammoth read from a .docx, and what it did not show."""

    blocks: list[Block]
    images: int
    survey: Survey
    missing: list[str]
    """Words of the document that are in none of the blocks."""
    unread: list[str]
    """What mammoth says it could not read, in its words."""


def read_docx(file: Path) -> Word:
    """The document's blocks; refused with the reason when the file is missing or not a Word document."""
    if not file.is_file():
        raise ImportRefused(f"{file} does not exist" if not file.exists() else f"{file} is not a file")
    if not zipfile.is_zipfile(file):
        raise ImportRefused(
            f"{file} is not a .docx file (a Word 97-2003 .doc, or a password-protected document, is not readable): "
            "open it in Word and save it as a Word Document (.docx) without a password"
        )
    images = 0

    def no_image(image: object) -> dict[str, str]:
        nonlocal images
        images += 1
        return {}

    import mammoth  # here, not at the top: it takes a fifth of a second to import, and only this command needs it

    try:
        with zipfile.ZipFile(file) as archive:
            if BODY not in archive.namelist():
                raise ImportRefused(f"{file} is a zip file but not a Word document (it has no {BODY})")
            prepared, survey = prepare(archive)
        result = mammoth.convert_to_html(
            io.BytesIO(prepared), style_map=STYLE_MAP, convert_image=mammoth.images.img_element(no_image)
        )
    except ImportRefused:
        raise
    except UnreadablePart as error:
        raise ImportRefused(f"{file} is too large to import: {error}") from error
    except Exception as error:  # a damaged archive or XML: mammoth and zipfile raise many kinds
        raise ImportRefused(f"{file} could not be read as a Word document ({type(error).__name__}: {error})") from error
    unread = [m.message for m in result.messages if m.type in ("warning", "error") and not _STYLE_ONLY.match(m.message)]
    return Word(blocks(result.value), images, survey, missing_words(survey, result.value), list(dict.fromkeys(unread)))
