"""What a reader can read in a built page, and what the page makes a browser load.

The text comes as blocks as a reader reads them (a paragraph; a table row, its cells parted by `|`; an attribute's
text, a link's target or a comment read beside the text as an `ASIDE`), each piece with its line in the source.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

from lxml import etree

from generator.content.code import code_text
from generator.output.decoding import decodings
from generator.output.tablecells import Tables
from generator.privacy.asides import ASIDE, ATTRIBUTES_READ
from generator.privacy.reading import INLINE, blanked

LOADING_TAGS = dict.fromkeys(("script", "img", "iframe", "embed", "source", "video", "audio", "track", "input"), "src")
LOADING_TAGS |= {"object": "data"}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
LOADING_RELS |= {"preconnect", "dns-prefetch", "prerender"}  # a connection, or a look-up, made before any click
_REFRESH = re.compile(r"""[\s\d.]*[;,]?\s*(?:url\s*=\s*)?["']?([^"'\s]*)""", re.I)
"""Where a `<meta http-equiv="refresh">` sends the reader, unasked: `30;url=https://…`."""
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>.*?)\1\s*\)|@import\s+(['"])(?P<imported>.*?)\3""", re.I)
_CSS_STRING = re.compile(
    r"""url\(\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)]*)\)|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""", re.I | re.S
)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_IMAGE_SET = re.compile(r"image-set\(((?:[^()]|\([^()]*\))*)\)", re.I)
_CSS_QUOTED = re.compile(r""""((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'""")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n]?|(.))", re.S)

Fragment = tuple[int, str]
"""A line of a page's source and a piece of text written there."""
_PARSER = etree.HTMLParser(huge_tree=True)  # deeper than 255 elements too, as a browser reads it
DEEPEST = 2048
"""Elements nested deeper than this stop lxml even so (libxml2's hard limit): the rest of such a page goes unread."""
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_RUNS_ON = INLINE | {"td", "th"}
"""Elements whose text runs on from their neighbours' (every other element starts a new block)."""
_SVG_LINKS = ("href", "xlink:href")
_LINKING_SVG = frozenset({"image", "use", "feimage"})
_LOADING_ELEMENTS = frozenset({*LOADING_TAGS, "link", "base", "meta", *_LINKING_SVG})
_LOADING_ATTRIBUTES = frozenset({"style", "srcset", "poster", "ping"})
"""Attributes that load on any element: `_loads` is asked only of elements with one, or of a loading kind."""
_UNREAD = frozenset({*_LOADING_ATTRIBUTES, "d", "viewbox", "points", "transform", "width", "height", "xmlns", "integrity"})
_UNREAD |= {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry"}
"""Attributes read otherwise (loads) or holding no one's text: a drawing's shapes, sizes, a script's checksum."""
_DETAILISH = re.compile(r"[\d@]")
"""Any other attribute (`class`, `data-*`, `download`) is read where it could hold a detail: a digit or an @."""


Page = tuple[list[list[Fragment]], list[tuple[int, str]], tuple[int, str] | None]
"""A page's blocks of text, the URLs it loads (each at its line), and where and why it could not be read further."""


def read_page(data: bytes) -> Page:
    """What a reader can read in a page or its source, as blocks of text (a paragraph, a table row with cells parted
    by `|`, an attribute's text, a link target or a comment read as an `ASIDE`), every URL the page would load, and
    the line past which the page could not be read, and why, if it could not (elements nested deeper than `DEEPEST`).
    A page that names an encoding other than UTF-8 is read as each (`decoding`), one after the other."""
    blocks, loads, cut = [], [], None
    for text in decodings(data):
        more, more_loads, more_cut = _read(text)
        blocks, loads, cut = blocks + more, loads + more_loads, cut or more_cut
    return blocks, loads, cut


def _read(text: str) -> Page:
    """A page's text read. Inline elements run on: `0770<span>0 900123</span>` reads as one number. The walk runs
    for every element of every page: each lxml property (a new object) is read once."""
    root = etree.fromstring(text, _PARSER)
    cut = next(((error.line, error.message) for error in _PARSER.error_log if error.level == etree.ErrorLevels.FATAL), None)
    if root is None:  # no element at all: an empty page, or one of comments only, read line by line
        return [[(number, line)] for number, line in enumerate(text.split("\n"), start=1) if line.strip()], [], cut
    blocks: list[list[Fragment]] = []
    loads: list[tuple[int, str]] = []
    current: list[Fragment] = []
    shown, cells = False, 0  # whether `current` holds more than spacing; the table cells open
    tables = Tables()
    labels: list[tuple[int, str, int]] = []  # each open cell's line, column name (`data-label`) and start in `current`
    turned: list[int] = []  # where the text of each <bdo> open starts (-1: not right to left)
    runs_on, read, loading, loaders = _RUNS_ON, ATTRIBUTES_READ, _LOADING_ELEMENTS, _LOADING_ATTRIBUTES
    for top in [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]:
        if not isinstance(top.tag, str):  # a comment before or after the document
            blocks.append([(top.sourceline or 1, ASIDE + (top.text or ""))])
            continue
        for event, element in etree.iterwalk(top, events=("start", "end", "comment")):
            if event == "start":
                tag, line = element.tag, element.sourceline or 1
                if cells and tag not in runs_on and tag != "tr":  # a paragraph or division in a cell: the row runs on
                    current.append((line, " "))
                elif current and tag not in runs_on:
                    if shown:
                        blocks.append(current)
                        shown = False
                    current = []
                if tag == "tr":
                    current.append((line, "| "))
                    shown = True
                    tables.row()
                elif tag == "td" or tag == "th":
                    current.append((line, " | " * tables.cell(element)))
                    shown, cells = True, cells + 1
                    labels.append((line, element.get("data-label") or "", len(current)))
                elif tag == "table":
                    tables.enter()
                elif tag in _SECTIONS:
                    tables.section()
                elif tag == "bdo":
                    turned.append(len(current) if (element.get("dir") or "").lower() == "rtl" else -1)
                names = element.keys()
                for name, value in element.items() if names else ():
                    if value and name in read:
                        if "%" in value and (name == "href" or name == "src"):
                            value = unquote(value)
                        blocks.append([(line, ASIDE + value)])
                    elif value and name == "srcdoc":  # a page of its own, shown in a frame: UTF-8 text
                        cut = _within(_read(value), line, blocks, loads, cut)
                    elif len(value) > 4 and name not in _UNREAD and _DETAILISH.search(value):  # in the page's source
                        blocks.append([(line, f"{ASIDE}{name}: {value}")])  # named: `data-dob: 12/03/2015`
                if names and (tag in loading or not loaders.isdisjoint(names)):
                    for url in _loads(tag, element.attrib):
                        loads.append((line, url))
                        if (picture := svg_text(url)) is not None:  # a drawing's text is shown to readers
                            cut = _within(drawing(picture), line, blocks, loads, cut)
                text = element.text
                if text:
                    if tag == "style":
                        loads.extend((line, url) for url in css_urls(text))
                        blocks.extend([(line + number - 1, ASIDE + shown)] for number, shown in css_shown(text))
                    elif tag == "script":  # its strings and comments: the theme's settings (`__config`), in the source
                        pieces = code_text(text, ".js").split("\n")
                        blocks.extend([(line + number, ASIDE + piece)] for number, piece in enumerate(pieces) if piece.strip())
                    else:
                        current.append((line, text))
                        if not shown and not text.isspace():
                            shown = True
                continue
            if event == "comment":  # in the page's source for anyone to read
                blocks.append([(element.sourceline or 1, ASIDE + (element.text or ""))])
            else:
                tag = element.tag
                if tag == "td" or tag == "th":
                    cells -= 1
                    at, label, start = labels.pop() if labels else (0, "", 0)
                    if label:  # on a phone, a row is a block of "Column: value" lines (briefings.css), read as one
                        blocks.append([(at, f"{ASIDE}{label} {''.join(text for _, text in current[start:])}")])
                elif current and not cells and tag not in runs_on:
                    if shown:
                        blocks.append(current)
                        shown = False
                    current = []
                if tag == "table":
                    tables.leave()
                elif tag == "bdo" and turned:
                    start = turned.pop()
                    if 0 <= start <= len(current):  # shown right to left: its pieces, and each piece, in reverse order
                        current[start:] = [(line, text[::-1]) for line, text in reversed(current[start:])]
            tail = element.tail  # after an element's end, or a comment's
            if tail:
                current.append((element.sourceline or 1, tail))
                if not shown and not tail.isspace():
                    shown = True
    if shown:
        blocks.append(current)
    return blocks, loads, cut


def _within(
    page: Page, line: int, blocks: list[list[Fragment]], loads: list[tuple[int, str]], cut: tuple[int, str] | None
) -> tuple[int, str] | None:
    """A page shown within a page (a frame's, a drawing's) added to its blocks and loads at `line`; where the
    outer page could not be read further."""
    inner, inner_loads, inner_cut = page
    blocks += [[(line, text) for _, text in block] for block in inner]
    loads += [(line, url) for _, url in inner_loads]
    return cut or (inner_cut and (line, inner_cut[1]))


def drawing(svg: str) -> Page:
    """What a drawing shows: its text, not its source (comments, attributes), which no reader of a picture sees."""
    blocks, loads, cut = _read(svg)
    return [block for block in blocks if not block[0][1].startswith(ASIDE)], loads, cut


def svg_text(url: str) -> str | None:
    """The drawing a `data:` URL holds, if it holds one (SVG, whose text a reader sees), as text."""
    if url[:5].lower() != "data:":
        return None
    head, _, body = url.partition(",")
    head = re.sub(r"\s", "", head).lower()
    if not head.startswith("data:image/svg+xml"):
        return None
    if not head.endswith(";base64"):
        return unquote(body)
    body = re.sub(r"\s", "", body)
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4)).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return None


def _loads(tag: str, attributes: etree._Attrib) -> list[str]:
    """The URLs an element's attributes make a browser fetch with the page (`<base>`: every relative URL from)."""
    urls = [attributes.get(LOADING_TAGS[tag], "")] if tag in LOADING_TAGS else []
    if tag == "link" and LOADING_RELS & set((attributes.get("rel") or "").lower().split()):
        urls.append(attributes.get("href", ""))
    elif tag == "base" or tag in _LINKING_SVG:
        urls += [attributes.get(name, "") for name in _SVG_LINKS]
    elif tag == "meta" and (attributes.get("http-equiv") or "").strip().lower() == "refresh":
        urls += _REFRESH.match(attributes.get("content") or "").groups()
    urls.append(attributes.get("poster", ""))
    urls += (attributes.get("ping") or "").split()  # asked of another host at each click
    urls += [candidate.split()[0] for candidate in (attributes.get("srcset") or "").split(",") if candidate.strip()]
    return [url for url in urls if url] + css_urls(attributes.get("style") or "")


def css_urls(css: str) -> list[str]:
    """The URLs a stylesheet loads, escapes read as a browser reads them (`\\68 ttps:` is `https:`); in an
    `image-set()`, a string is a URL too (`image-set("https://…" 1x)`)."""
    urls = [m.group("url") or m.group("imported") or "" for m in _CSS_URL.finditer(css)]
    urls += [one or other for m in _CSS_IMAGE_SET.finditer(css) for one, other in _CSS_QUOTED.findall(m.group(1))]
    return [_CSS_ESCAPE.sub(_unescaped, url) for url in urls]


def css_shown(css: str) -> list[tuple[int, str]]:
    """The text a stylesheet may show readers, at its line in the stylesheet: every string it holds but in `url()`
    (`content: "…"`, however written: several strings, a comment or an escape in the property's name), escapes read
    as a browser reads them (`\\30 7700` is 07700)."""
    css = _CSS_COMMENT.sub(blanked, css)
    return [
        (css.count("\n", 0, m.start()) + 1, _CSS_ESCAPE.sub(_unescaped, m.group(1) if m.group(1) is not None else m.group(2)))
        for m in _CSS_STRING.finditer(css)
        if m.group(1) is not None or m.group(2) is not None
    ]


def _unescaped(escape: re.Match[str]) -> str:
    code = escape.group(1)
    return chr(min(int(code, 16), 0x10FFFF) or 0xFFFD) if code else escape.group(2)
