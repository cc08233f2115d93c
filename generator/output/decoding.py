"""A built page's bytes as a browser decodes them, so that the checks read what its readers see.

A host may serve a page as `charset=utf-8` (a browser then ignores what the page names) or with no charset (the
page's own `<meta charset>` then counts): a page that names another encoding is read both ways. A byte-order mark
overrides both. Pages are decoded here, not by lxml, which stops reading at the first byte it cannot decode.
"""

from __future__ import annotations

import codecs
import re

from generator.privacy.reading import blanked

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_LABEL = re.compile(rb"charset\s*=\s*[\"']?\s*([\w:.\-]{1,40})", re.I)
"""An encoding a page names, wherever in its head (a browser's look-ahead is not fooled by comments here)."""
_IGNORED = ("utf-16", "utf-32", "utf16", "utf32", "ucs", "utf-7", "utf7")
"""Encodings a browser ignores when a page names them: it reads the page as served, UTF-8."""
_AS_BROWSERS_DO = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874"}
"""Python's decoder for a label, and the one a browser uses instead (the WHATWG Encoding Standard)."""
_C1 = "briefings.c1"
"""How a browser decodes a windows-125x byte that has no character: as the control character of its number."""
codecs.register_error(_C1, lambda error: (error.object[error.start : error.end].decode("latin-1"), error.end))
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]{0,200}\?>")


def decodings(data: bytes) -> list[str]:
    """Each text a browser could read in `data`: UTF-8, and the encoding the page names if another, a byte that
    has no character in it shown as a mark (`characters.UNSHOWN`); an XML declaration (lxml refuses it in text)
    blanked, its lines kept."""
    bom = next(((mark, codec) for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom:
        texts = [data[len(bom[0]) :].decode(bom[1], "replace")]
    else:
        named = [_codec(label.decode("ascii").lower()) for label in _LABEL.findall(data[:4096])]
        texts = [data.decode(codec, _C1 if codec.startswith("cp") else "replace") for codec in dict.fromkeys(["utf-8", *named])]
    return [_XML_DECLARATION.sub(blanked, text, count=1) for text in texts]


def _codec(label: str) -> str:
    """The decoder a browser uses for a page that names `label` (UTF-8 for a label it ignores or does not know)."""
    if label.startswith(_IGNORED):
        return "utf-8"
    if label == "x-user-defined":
        return "latin-1"  # every byte past ASCII a private character: no letter, as a byte read as Latin-1 shows none
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return "utf-8"
    return _AS_BROWSERS_DO.get(name, name)
