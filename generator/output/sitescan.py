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
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from generator.output.pagetext import DEEPEST, Fragment, css_shown, css_urls, drawing, read_page, svg_text
from generator.output.policy import unprotected
from generator.output.sitedir import files_in
from generator.privacy.birthdates import leads_on, listed, passed_over
from generator.privacy.detectors import detect
from generator.privacy.mobiles import leads_on as names_a_phone
from generator.privacy.reading import Read, normalised, read_lines, read_markdown, strings
from generator.privacy.scan import mask
from generator.sitemodel import BUNDLE_DIR

_IGNORED = re.compile(r"[\t\n\r]")


def _third_party(url: str, own_host: str) -> bool:
    """Whether a browser would fetch `url` from another host. Judged as a browser parses it: tabs and newlines
    dropped, backslashes read as slashes, `//host` and `https:\\host` as hosts, relative to a page on the site."""
    cleaned = _IGNORED.sub("", url).strip(" \x00-\x1f").replace("\\", "/")
    if not cleaned.lower().startswith(("http:", "https:", "//", "/")):
        return bool(urlsplit(cleaned).scheme) and urlsplit(cleaned).scheme.lower() not in ("data", "mailto", "tel")
    resolved = urlsplit(urljoin(f"https://{own_host}/page/", re.sub(r"^(https?:)/*", r"\1//", cleaned, flags=re.I)))
    return (resolved.hostname or "") != own_host.lower()


SEEN_LIMIT = 50_000
"""Pieces of text remembered as passed, at most: the navigation repeats on every page, so after a clear-out it
is soon remembered again, while a large site's own text is not held twice."""

LOAD = "third-party"
"""The kind of a sighting that is a load from another host."""
UNREAD = "unread"
"""The kind of a sighting that is a page the checks could not read to its end (every other kind is a detector's)."""


@dataclass(frozen=True)
class Sighting:
    """An identifying detail or a load from another host in the built site, with the text to trace it by."""

    path: str
    line: int
    kind: str
    text: str

    def message(self) -> str:
        if self.kind == LOAD:
            return f"loads {self.text} from a third-party host; serve it from the site itself"
        if self.kind == UNREAD and "depth" in self.text:
            return (
                f"elements nested more than {DEEPEST:,} deep: the privacy checks cannot read what follows, which a browser "
                "still shows; nest them less deeply"
            )
        if self.kind == UNREAD:
            return f"the privacy checks cannot read what follows ({self.text.strip()}), which a browser still shows"
        return f"privacy: {self.kind}: {mask(self.text)} reached the built site"


_SPACES = re.compile(r"\s+")


def _spaced(text: str) -> str:
    """A page's text as a browser shows it: any run of spaces and line breaks is one space."""
    text = normalised(text)
    return _SPACES.sub(" ", text) if "\n" in text or "  " in text or "\t" in text else text


def _privacy(path: str, blocks: list[list[Fragment]], seen: set[str] | None = None) -> list[Sighting]:
    """Scan a page's blocks in one pass, as its reader reads them, each finding at the line it starts on. Blocks in
    `seen` (the navigation on every page) passed before, with the same text before them, unless one before says what
    they hold (a DOB label, read through its asides); a block scanned is read with the text before it, as a fresh
    build reads it (`CONTEXT`). Only blocks with no finding are remembered, so a detail is reported on every page."""
    pieces = [[_spaced(text) for _, text in block] for block in blocks]
    scanned = ["".join(spaced) for spaced in pieces]  # each block's text as the detectors read it
    keys = _remembered(scanned) if seen is not None else scanned
    if seen is not None and len(seen) > SEEN_LIMIT:
        seen.clear()
    chosen, leading, lead = [], [], False
    for index, text in enumerate(scanned):
        unseen = seen is None or keys[index] not in seen
        # a block that leads on (a DOB label, a phone's word) is never remembered as seen
        leading.append(unseen and (leads_on(text) or names_a_phone(text)))
        if unseen or lead:
            chosen.append(index)
        # a link's target, a comment, a rule; the next date of a list under a DOB label
        lead = leading[index] or (lead and (passed_over(text) or listed(text)))
    wanted, chosen = set(chosen), _with_context(chosen, scanned)
    page = _Reading(chosen, blocks, pieces)
    found = detect(page.read.text)
    if seen is not None and chosen:
        held = [page.blocks_held(start, end) for start, end, _ in found]
        leaky = {block for blocks in held for block in blocks}
        seen.update(keys[i] for position, i in enumerate(chosen) if position not in leaky and not leading[i])
        found = [
            item
            for item, blocks in zip(found, held, strict=True)
            if any(chosen[b] in wanted for b in blocks) or not page.unsure(item[0], blocks[0])
        ]
    return _sightings(path, page.read, found)


class _Reading:
    """The blocks `chosen` of a page read as one text, those not next to each other on the page read apart."""

    def __init__(self, chosen: list[int], blocks: list[list[Fragment]], pieces: list[list[str]]) -> None:
        fragments: list[Fragment] = []
        gaps: list[str] = []
        self.chosen = chosen
        self.block_starts: list[int] = []  # the fragment each block read starts with
        self.run_starts: list[int] = []  # the position among the blocks read of the first block of each block's run
        for number, index in enumerate(chosen):
            apart = not number or chosen[number - 1] != index - 1  # the first block of a run
            self.block_starts.append(len(fragments))
            self.run_starts.append(number if apart else self.run_starts[-1])
            for position, ((line, _), text) in enumerate(zip(blocks[index], pieces[index], strict=True)):
                gaps.append("" if position or not fragments else _APART if apart else "\n")
                fragments.append((line, text))
        self.read = read_lines(fragments, gaps)

    def blocks_held(self, start: int, end: int) -> range:
        """The positions among the blocks read of those a finding covers: one that runs on from one block into the next
        ("the baby is" ⏎ "due on 14 June", a court's letters ⏎ its case number) holds both, and neither passed."""
        return range(self._block_at(start), self._block_at(max(start, end - 1)) + 1)

    def _block_at(self, offset: int) -> int:
        return bisect_right(self.block_starts, bisect_right(self.read.starts, offset) - 1) - 1

    def unsure(self, start: int, first: int) -> bool:
        """Whether a finding at `start` in blocks read only as context (the block at position `first` its first) may
        be there only because the text before their run is not read: within `CONTEXT` characters of a run that does
        not start the page ("Appendix " before "14 Laburnum Close …" keeps it no address). Those blocks passed with that
        text before them; what a block read after them makes of them (a DOB label reads back over a date) is found
        further on."""
        run = self.run_starts[first]
        return self.chosen[run] > 0 and start < self.read.starts[self.block_starts[run]] + CONTEXT


def _remembered(scanned: list[str]) -> list[str]:
    """Each block's text with the `CONTEXT` characters a detector reads before it: it passed where both were the same."""
    keys, tail = [], ""
    for index, text in enumerate(scanned):
        keys.append(tail + "\x00" + text if index else text)
        tail = (tail + "\n" + text)[-CONTEXT:] if index else text[-CONTEXT:]
    return keys


CONTEXT = 80
"""Characters of text before a detail that a detector reads back over, at most: a child named before a birth (60), a
phone's word, "Appendix" before a number (20), "Address:" before a house number written out, an e-mail's name (80)."""

_APART = "\n" + " ".join(["apart"] * (CONTEXT // len("apart ") + 3)) + "\n"
"""Read between two blocks that are not next to each other on the page (those between them passed): more than
`CONTEXT` characters of words no detector reads as a detail or reads across, as a fresh build reads other text there."""


def _with_context(chosen: list[int], scanned: list[str]) -> list[int]:
    """The blocks `chosen` to scan, with the blocks passed before just before each run of them, as many as hold the
    last `CONTEXT` characters before it, twice over: what a fresh build reads before a detail may say what it is or is
    not, and a block read for that is itself read with what stands before it, but for its first `CONTEXT` characters
    (`_Reading.unsure`), which no detector reading back from the blocks chosen reaches."""
    taken = set(chosen)
    for index in chosen:
        before, reach = index - 1, 0
        if before in taken:
            continue  # within a run: its first block's context reaches further back
        while before >= 0 and reach < 2 * CONTEXT:
            taken.add(before)
            reach += len(scanned[before]) + 1
            before -= 1
    return sorted(taken) if len(taken) > len(chosen) else chosen


Signatures = dict[str, tuple[int, int, int, bytes, tuple[Sighting, ...]]]
"""Modification time, size, time checked and digest of each site file checked, by path, with what its checks found."""
RACY_NS = 2_000_000_000
"""FAT's time steps: a file changed this soon after its check may keep time and size (git's "racily clean")."""


def check_site(
    site: Path,
    own_host: str,
    passed: Signatures | None = None,
    checked: Collection[str] = (),
    label: str = "site",
    seen: set[str] | None = None,
) -> list[Sighting]:
    """Every privacy finding and third-party load in the built site, at `label/<file>:line`.

    A preview passes the `passed` record of its earlier rebuilds: only files written since are read again, and
    only those whose bytes changed are checked again (the engine rewrites its sitemap at every rebuild); and the
    blocks of text they `seen` pass (see `_privacy`), since a rewritten page is mostly what it was. A full build
    passes the pages `PageChecks` already `checked`. The search index is made from the pages checked here.
    """
    found: list[Sighting] = []
    seen = set() if seen is None else seen
    remember = passed is not None
    passed = {} if passed is None else passed
    for relative in files_in(site):
        file = site / relative
        suffix = file.suffix.lower()  # as a browser or a server reads it: NOTES.TXT is text
        if BUNDLE_DIR.match(relative) or suffix not in CHECKS or relative in checked:
            continue
        now, stat, known = time.time_ns(), file.stat(), passed.get(relative)
        if known and known[:2] == (stat.st_mtime_ns, stat.st_size) and known[0] < known[2] - RACY_NS:
            found += known[4]
            continue
        data = file.read_bytes()  # once: the digest is of the bytes checked
        digest = hashlib.blake2b(data, digest_size=16).digest() if remember else b""
        check = CHECKS[suffix]
        here = known[4] if known and known[3] == digest else tuple(check(f"{label}/{relative}", data, own_host, seen))
        passed[relative] = (stat.st_mtime_ns, stat.st_size, now, digest, here)
        found += here
    return found


def check_html(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    blocks, loads, cut = read_page(unprotected(data))
    found = _privacy(name, blocks, seen) + [Sighting(name, line, LOAD, url) for line, url in loads if _third_party(url, own_host)]
    return list(dict.fromkeys(found + ([Sighting(name, cut[0], UNREAD, cut[1])] if cut is not None else [])))


def _check_json(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    decoded = strings(json.loads(data.decode("utf-8")))
    return _sightings(name, read_markdown("\n\n".join(decoded)), lines=False)


def _check_text(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A feed, sitemap, drawing or plain-text file: read as its reader reads it, wrapped lines joined; a spreadsheet's
    rows each alone, as the content check reads them."""
    return _sightings(name, read_markdown(data.decode("utf-8"), wraps=not name.lower().endswith(".csv")))


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
    return _privacy(name, [[piece] for piece in css_shown(text)] + pictures) + [
        Sighting(name, number, LOAD, url) for number, url in urls if _third_party(url, own_host)
    ]


_WORD_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def _check_docx(name: str, data: bytes, own_host: str, seen: set[str]) -> list[Sighting]:
    """A Word document (a year's report): each paragraph and table cell, and the file's properties, as Word shows them."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        texts = [text for part in archive.namelist() if part.endswith(".xml") for text in _word_texts(archive.read(part))]
    return _sightings(name, read_markdown("\n\n".join(texts)), lines=False)


def _word_texts(xml: bytes) -> list[str]:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    paragraphs = ["".join(p.itertext()) for p in root.iter(_WORD_PARAGRAPH)]
    return paragraphs or [text for text in root.itertext() if text.strip()]


CHECKS = {".html": check_html, ".htm": check_html, ".json": _check_json, ".css": _check_css, ".docx": _check_docx}
CHECKS |= dict.fromkeys((".xml", ".svg", ".txt", ".csv", ".md", ".yml", ".yaml"), _check_text)
"""Scripts are left out: they are code (the theme's holds e-mail addresses and `@name`s of its authors), and a
hand-written page's scripts are read as text in the content check, as every file beside the pages is."""
