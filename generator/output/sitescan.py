"""Checks over a finished site folder, whatever engine built it: the second line of defence.

Text can reach the site by routes the content scan never sees (a template, a hand-written page,
a plugin), so the built HTML, JSON, feed and sitemap are scanned again for identifying details
(the search index is built afterwards from these pages); and nothing may be loaded from a host
other than the site's own.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from lxml import etree

from generator.content.pages import DECLARED, declared_entities
from generator.content.pictures import picture_problems
from generator.memory import give_back
from generator.output.blockscan import scan_blocks
from generator.output.pagetext import DEEPEST, css_shown, css_urls, drawing, read_page, svg_text
from generator.output.policy import third_party, unprotected
from generator.output.sitedir import files_in
from generator.privacy.detectors import detect
from generator.privacy.reading import Read, read_markdown, strings
from generator.privacy.scan import mask
from generator.sitemodel import BUNDLE_DIR
from generator.tasks import OutOfTime, processor_limit

LOAD = "third-party"
"""The kind of a sighting that is a load from another host."""
UNREAD = "unread"
"""The kind of a sighting that is a page the checks could not read to its end (every other kind is a detector's)."""
PICTURE = "picture"
"""The kind of a sighting that is a picture carrying more than its picture (metadata, hidden data)."""
UNKNOWN = "unknown kind"
"""The kind of a sighting that is a file the checks cannot read as text (its text: the file's suffix)."""
UNREADABLE = "unreadable"
"""The kind of a sighting that is a file of a kind the checks read which they could not (its text: why)."""
CHECK_LIMIT = 300.0
"""Seconds of processor time one file's checks may take, far more than any page takes: past it, a file is unreadable."""
UNTRACED = frozenset({UNREAD, PICTURE, UNKNOWN, UNREADABLE})
"""Kinds reported at the site file: their text was written in no content file."""
NOT_DETAILS = UNTRACED | {LOAD}
"""Kinds that are no identifying detail: no privacy allowance covers them."""

_REMEDY = "save it again in its own format (a text file as UTF-8), or remove it"


@dataclass(frozen=True)
class Sighting:
    """An identifying detail or a load from another host in the built site, with the text to trace it by."""

    path: str
    line: int
    kind: str
    text: str

    def message(self) -> str:
        if self.kind == PICTURE:
            return self.text
        if self.kind == LOAD:
            return f"loads {self.text} from a third-party host; serve it from the site itself"
        if self.kind == UNREAD and "depth" in self.text:
            return (
                f"elements nested more than {DEEPEST:,} deep: the privacy checks cannot read what follows, which a browser "
                "still shows; nest them less deeply"
            )
        if self.kind == UNKNOWN:
            return (
                f"the privacy checks cannot read a file of this kind ({self.text}), which anyone can download; publish its "
                "text as a page, or remove it"
            )
        if self.kind == UNREADABLE:
            return f"the privacy checks cannot read this file ({self.text}), which anyone can download; {_REMEDY}"
        if self.kind == UNREAD:
            return f"the privacy checks cannot read what follows ({self.text.strip()}), which a browser still shows"
        return f"privacy: {self.kind}: {mask(self.text)} reached the built site"


Answer = tuple[str, bytes, tuple[Sighting, ...] | None]
"""A file checked: its path in the site, its bytes' digest and what its checks found (None: its bytes were as known)."""


class Beside(Protocol):
    """A worker that checks the files handed to it meanwhile (`postbuild.Checker`)."""

    def check(self, relative: str, known: bytes | None) -> None: ...

    def answers(self) -> list[Answer]: ...


Signatures = dict[str, tuple[int, int, int, bytes, tuple[Sighting, ...]]]
"""Modification time, size, time checked and digest of each site file checked, by path, with what its checks found."""
RACY_NS = 2_000_000_000
"""FAT's time steps: a file changed this soon after its check may keep time and size (git's "racily clean")."""
LARGE_PAGE = 1_000_000
"""Bytes: a page this large (a long listing) takes tens of MB to parse."""


def check_site(
    site: Path,
    own_host: str,
    passed: Signatures | None = None,
    checked: Collection[str] = (),
    label: str = "site",
    seen: set[str] | None = None,
    beside: Beside | None = None,
) -> list[Sighting]:
    """Every privacy finding and third-party load in the built site, at `label/<file>:line`.

    A preview passes the `passed` record of its earlier rebuilds: only files written since are read again, and
    only those whose bytes changed are checked again (the engine rewrites its sitemap at every rebuild); and the
    blocks of text they `seen` pass (see `blockscan`), since a rewritten page is mostly what it was. It hands a
    worker `beside` it the files other than pages, and pages until both have about as many bytes to read. A full
    build passes the pages `PageChecks` already `checked`. The search index is made from the pages checked here.
    """
    seen, passed = set() if seen is None else seen, {} if passed is None else passed
    found: dict[str, tuple[Sighting, ...]] = {}
    """What each file holds, in the order of the folder."""
    due: dict[str, tuple[int, int, int, tuple | None]] = {}
    """Each file to check: its modification time, size and time seen, and what was known of it."""
    for relative in files_in(site):
        suffix = PurePosixPath(relative).suffix.lower()  # as a browser or a server reads it: NOTES.TXT is text
        if BUNDLE_DIR.match(relative) or suffix in PASSED_OVER or relative in checked or relative == ENGINE_COPY:
            continue
        now, stat, known = time.time_ns(), (site / relative).stat(), passed.get(relative)
        found[relative] = known[4] if known else ()
        if not (known and known[:2] == (stat.st_mtime_ns, stat.st_size) and known[0] < known[2] - RACY_NS):
            due[relative] = (stat.st_mtime_ns, stat.st_size, now, known)
    handed: set[str] = set()
    if beside is not None:  # it starts at once on its share, while this process checks the rest
        handed = _dealt({relative: size for relative, (_, size, _, _) in due.items()})
        for relative, (_, _, _, known) in due.items():  # in the folder's order, as a build's worker checks them
            if relative in handed:
                beside.check(relative, known[3] if known else None)
    answers: list[Answer] = []
    for relative, (_, _, _, known) in due.items():
        if relative not in handed:
            if answer := checked_file(site, relative, label, own_host, seen, known[3] if known else None):
                answers.append(answer)
            else:
                passed.pop(relative, None)  # gone since listed: read again if it comes back, whatever its time
    for relative, digest, answer in answers + (beside.answers() if beside is not None and handed else []):
        found[relative] = found[relative] if answer is None else answer  # None: the bytes known, holding what they held
        passed[relative] = (*due[relative][:3], digest, found[relative])
    return [item for here in found.values() for item in here]


def _dealt(sizes: dict[str, int]) -> set[str]:
    """The files a worker beside this process checks: every file other than a page, then each page while the
    worker has fewer bytes to read, so that both finish at about the same time."""
    handed = {relative for relative in sizes if CHECKS.get(PurePosixPath(relative).suffix.lower()) is not check_html}
    theirs, mine = sum(sizes[relative] for relative in handed), 0
    for relative, size in sizes.items():
        if relative in handed:
            continue
        if theirs < mine:
            handed.add(relative)
            theirs += size
        else:
            mine += size
    return handed


def signature(data: bytes) -> bytes:
    """A file's bytes, as a preview remembers them."""
    return hashlib.blake2b(data, digest_size=16).digest()


def checked_file(
    site: Path, relative: str, label: str, own_host: str, seen: set[str], known: bytes | None = None
) -> Answer | None:
    """The answer for the file at `relative`, or None where there is none (an engine may skip writing an empty page)."""
    file = site / relative
    if not file.is_file():
        return None
    data = file.read_bytes()
    digest = signature(data)
    found = None if digest == known else tuple(check_file(label, relative, data, own_host, seen))
    if len(data) > LARGE_PAGE:
        give_back()  # its parse: the checks run beside Pagefind
    return relative, digest, found


def check_file(label: str, relative: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """The checks of the file at `relative` (a path in the site), by its kind."""
    name = f"{label}/{relative}"
    check = CHECKS.get(PurePosixPath(relative).suffix.lower(), _check_other)
    limited = False  # unless the limit below is this file's own, any out of time is an outer limit's
    try:
        with processor_limit(CHECK_LIMIT) as limited:
            found, declared = check(name, data, own_host, seen), declared_entities(data)
    except UnicodeDecodeError:
        return [Sighting(name, 1, UNREADABLE, "it is not UTF-8 text")]
    except (ValueError, NotImplementedError, RuntimeError, OutOfTime, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        if isinstance(error, OutOfTime) and not limited:
            raise
        return [Sighting(name, 1, UNREADABLE, f"{type(error).__name__}: {error}")]  # a Word file compressed or locked
    if b"\x00" in data and check not in (_check_picture, _check_docx):
        found.append(Sighting(name, 1, UNREADABLE, "it holds NUL bytes: UTF-16 text saved without its mark, or no text"))
    return found + [Sighting(name, line, UNREAD, DECLARED) for line in declared]


def check_html(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    blocks, loads, cut = read_page(unprotected(data))
    found = _sightings(name, *scan_blocks(blocks, seen)) + [
        Sighting(name, line, LOAD, url) for line, url in loads if third_party(url, own_host)
    ]
    return list(dict.fromkeys(found + ([Sighting(name, cut[0], UNREAD, cut[1])] if cut is not None else [])))


def _check_json(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    decoded = strings(json.loads(data.decode("utf-8-sig")))  # a byte-order mark before UTF-8, as Notepad saves it
    return _sightings(name, read_markdown("\n\n".join(decoded)), lines=False)


def _check_text(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A feed, sitemap, drawing or plain-text file: read as its reader reads it, wrapped lines joined; a spreadsheet's
    rows each alone, as the content check reads them. One that declares another encoding than UTF-8 (an XML
    declaration's `encoding="ISO-2022-JP"`) is refused: its reader decodes it otherwise."""
    text = data.decode("utf-8")
    if (declared := _DECLARED_ENCODING.match(text)) and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return [Sighting(name, 1, UNREADABLE, f"it declares the encoding {declared.group(1)}, not UTF-8")]
    return _sightings(name, read_markdown(text, wraps=not name.lower().endswith((".csv", ".tsv"))))


_DECLARED_ENCODING = re.compile(r"\ufeff?\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)


def _sightings(name: str, read: Read, found: list[tuple[int, int, str]] | None = None, lines: bool = True) -> list[Sighting]:
    """What `detect` found (or finds) in a reader's text, at the lines it starts on (line 1 where lines mean nothing)."""
    found = detect(read.text) if found is None else found
    return [Sighting(name, read.line_at(start) if lines else 1, kind, read.text[start:end].strip()) for start, end, kind in found]


def _check_css(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A stylesheet's loads, the text it shows readers (`content: "…"`), and its drawings' text."""
    text = data.decode("utf-8")
    urls = [(number, url) for number, line in enumerate(text.split("\n"), start=1) for url in css_urls(line)]
    drawings = [(number, svg) for number, url in urls if (svg := svg_text(url))]
    pictures = [[(number, piece) for _, piece in block] for number, svg in drawings for block in drawing(svg)[0]]
    return _sightings(name, *scan_blocks([[piece] for piece in css_shown(text)] + pictures)) + [
        Sighting(name, number, LOAD, url) for number, url in urls if third_party(url, own_host)
    ]


_WORD_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def _check_docx(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A Word document (a year's report): each paragraph and table cell, and the file's properties, as Word shows them."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # every part, whatever its name: Word reads what its types say
        parts = [archive.read(part) for part in archive.namelist() if not part.endswith("/")]
    texts = [text for part in parts if part.lstrip()[:1] == b"<" for text in _word_texts(part)]
    return _sightings(name, read_markdown("\n\n".join(texts)), lines=False)


def _word_texts(xml: bytes) -> list[str]:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    paragraphs = ["".join(p.itertext()) for p in root.iter(_WORD_PARAGRAPH)]
    return paragraphs or [text for text in root.itertext() if text.strip()]


def _check_picture(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A picture (the theme's, a page's): what it carries besides its picture, as the content check asks of a page's."""
    return [Sighting(name, 1, PICTURE, message) for message in picture_problems(data)]


def _check_other(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A file of another kind (a contact card, a calendar, a tab-separated table): read as text where it is text.
    Anything else cannot be checked, and is refused, as the content check refuses it among the pages."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return [Sighting(name, 1, UNKNOWN, PurePosixPath(name).suffix.lower() or "no suffix")]
    return _check_text(name, data, own_host, seen)


ENGINE_COPY = "sitemap.xml.gz"
"""The sitemap as the engine compresses it, beside the sitemap the checks read."""

CHECKS = dict.fromkeys((".html", ".htm", ".xhtml", ".xht", ".shtml"), check_html)
CHECKS |= {".json": _check_json, ".css": _check_css, ".docx": _check_docx}
CHECKS |= dict.fromkeys((".xml", ".svg", ".txt", ".csv", ".md", ".yml", ".yaml"), _check_text)
CHECKS |= dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"), _check_picture)
PASSED_OVER = frozenset((".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot"))
"""Kinds the checks pass over: scripts and their source maps, and fonts; and the engine's compressed copy of
the sitemap (`ENGINE_COPY`). Every other file is read (see `_check_other`): the PDFs of the briefings are printed
from the checked pages after the checks, so a PDF the checks see came from elsewhere, and is refused.

Scripts are left out: they are code (the theme's holds e-mail addresses and `@name`s of its authors), and a
hand-written page's scripts are read as text in the content check, as every file beside the pages is."""
