"""Checks over a finished site folder, whatever engine built it: the second line of defence.

Text can reach the site by routes the content scan never sees (a template, a hand-written page,
a plugin), so the built HTML, JSON, feed and sitemap are scanned again for identifying details
(the search index is built afterwards from these pages); and nothing may be loaded from a host
other than the site's own.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import astuple, dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from .memory import give_back
from .model import DRAFTS_MARKER, PARTNERS_MARKER, Problem
from .policy import protect
from .privacy import mask, scan_block
from .search import BUNDLE_DIR, Indexing, indexing

TEXT_ATTRIBUTES = ("alt", "title", "content", "aria-label", "placeholder")
LOADING_TAGS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "embed": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "object": "data",
}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>.*?)\1\s*\)|@import\s+(['"])(?P<imported>.*?)\3""", re.I)


def read_page(data: bytes) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Visible text, comments, attribute text and link targets with their lines (what a reader can see in the
    page or its source), and every URL the page would load (lxml, a C parser)."""
    root = lxml.html.fromstring(data)
    texts: list[tuple[int, str]] = []
    loads: list[tuple[int, str]] = []
    for element in root.iter():
        line = element.sourceline or 1
        if isinstance(element.tag, str):
            if element.text and element.tag not in ("script", "style"):
                texts.append((line, element.text))
            texts += [(line, element.get(a)) for a in TEXT_ATTRIBUTES if element.get(a)]
            texts += [(line, unquote(element.get(a))) for a in ("href", "src") if element.get(a)]
            attribute = LOADING_TAGS.get(element.tag)
            if attribute and element.get(attribute):
                loads.append((line, element.get(attribute)))
            if element.tag == "link" and LOADING_RELS & set((element.get("rel") or "").lower().split()) and element.get("href"):
                loads.append((line, element.get("href")))
        elif element.text:  # a comment: in the page's source for anyone to read
            texts.append((line, element.text))
        if element.tail:
            texts.append((line, element.tail))
    return texts, loads


_IGNORED = re.compile(r"[\t\n\r]")


def _third_party(url: str, own_host: str) -> bool:
    """Whether a browser would fetch `url` from another host. Judged as a browser parses it: tabs and newlines
    dropped, backslashes read as slashes, `//host` and `https:\\host` as hosts, relative to a page on the site."""
    cleaned = _IGNORED.sub("", url).strip(" \x00-\x1f").replace("\\", "/")
    if not cleaned.lower().startswith(("http:", "https:", "//", "/")):
        return bool(urlsplit(cleaned).scheme) and urlsplit(cleaned).scheme.lower() not in ("data", "mailto", "tel")
    resolved = urlsplit(urljoin(f"https://{own_host}/page/", re.sub(r"^(https?:)/*", r"\1//", cleaned, flags=re.I)))
    return (resolved.hostname or "") != own_host.lower()


MARKERS = {PARTNERS_MARKER, DRAFTS_MARKER}
LARGE_PAGE = 1_000_000
"""Bytes: a page this large (a long listing) takes tens of MB to parse."""
SEEN_LIMIT = 50_000
"""Pieces of text remembered as passed, at most: the navigation, header and footer repeat on every page,
so after a clear-out they are soon remembered again, while a large site's own text is not held twice."""


LOAD = "third-party"
"""The kind of a sighting that is a load from another host (every other kind is a privacy detector's)."""


@dataclass(frozen=True)
class Sighting:
    """Something found in the built site (an identifying detail, or a load from another host), with the text
    itself, so that it can be traced to where it was written. A detail is never printed whole."""

    path: str
    line: int
    kind: str
    text: str

    def message(self) -> str:
        if self.kind == LOAD:
            return f"loads {self.text} from a third-party host; serve it from the site itself"
        return f"privacy: {self.kind}: {mask(self.text)} reached the built site"


def _privacy(path: str, pieces: list[tuple[int, str]], allowed: set[str], seen: set[str] | None = None) -> list[Sighting]:
    """Scan many pieces of text in one pass: join them, then map each finding back to its piece's line.

    Pieces in `seen` (the same navigation, header and footer on every page) passed on an earlier page.
    Only pieces with no finding are remembered there, so a detail is reported on every page it reaches.
    """
    if seen is not None:
        if len(seen) > SEEN_LIMIT:
            seen.clear()
        pieces = [piece for piece in dict.fromkeys(pieces) if piece[1] not in seen]
    lines = [(index, line) for index, (_, text) in enumerate(pieces) for line in text.split("\n")]
    findings = [f for f in scan_block("\n".join(line for _, line in lines), 0) if not any(f.text in a for a in allowed)]
    leaky = {lines[f.line][0] for f in findings}
    if seen is not None:
        seen.update(text for index, (_, text) in enumerate(pieces) if index not in leaky)
    return [Sighting(path, pieces[lines[f.line][0]][0], f.kind, f.text) for f in findings]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


Signatures = dict[str, tuple[int, int, frozenset[str]]]
"""Modification time and size of each site file that passed its checks, by path, and the allowances it passed with."""


def check_site(
    site: Path,
    own_host: str,
    allowed: set[str],
    passed: Signatures | None = None,
    checked: Collection[str] = (),
    label: str = "site",
) -> list[Sighting]:
    """Every privacy finding and third-party load in the built site, at `label/<file>:line`.

    A preview passes the `passed` record of its earlier rebuilds, so that only files written since are
    read again; a full build passes the pages `PageChecks` already `checked`. The search index
    (`pagefind/`, …) is made from the pages checked here.
    """
    found: list[Sighting] = []
    seen: set[str] = set()
    passed = {} if passed is None else passed
    allowances = frozenset(allowed)
    for file in sorted(site.rglob("*")):
        relative = file.relative_to(site).as_posix()
        if BUNDLE_DIR.match(relative) or file.suffix not in CHECKS or relative in checked or not file.is_file():
            continue
        stat = file.stat()
        signature = (stat.st_mtime_ns, stat.st_size, allowances)
        if passed.get(relative) == signature:
            continue
        here = CHECKS[file.suffix](f"{label}/{relative}", file, own_host, allowed, seen)
        if here:
            passed.pop(relative, None)
        else:
            passed[relative] = signature
        found += here
    return found


def _check_html_file(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Sighting]:
    texts, loads = read_page(file.read_bytes())
    return _privacy(name, texts, allowed, seen) + [
        Sighting(name, line, LOAD, url) for line, url in loads if _third_party(url, own_host)
    ]


def _check_json(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Sighting]:
    strings = _strings(json.loads(file.read_text(encoding="utf-8")))
    return list(_privacy(name, [(1, line) for text in strings for line in text.split("\n")], allowed))


def _check_xml(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Sighting]:
    return list(_privacy(name, list(enumerate(file.read_text(encoding="utf-8").split("\n"), start=1)), allowed))


def _check_css(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Sighting]:
    return [
        Sighting(name, number, LOAD, url)
        for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), start=1)
        for m in _CSS_URL.finditer(line)
        if _third_party(url := m.group("url") or m.group("imported") or "", own_host)
    ]


CHECKS = {".html": _check_html_file, ".json": _check_json, ".css": _check_css}
CHECKS |= dict.fromkeys((".xml", ".svg", ".txt", ".csv", ".md"), _check_xml)  # text, read line by line


_NOT_PUBLIC = {
    "a robots noindex tag (partners builds carry one)": re.compile(rb"<meta\b[^>]*\bname=[\"']?robots\b[^>]*>", re.I),
    "the partners-only banner": re.compile(rb"partners-banner|status-tag--restricted"),
    "a draft": re.compile(rb"status-tag--draft|briefing-notice[^>]*>\s*<p class=\"admonition-title\">Draft"),
}


def not_public(folder: Path) -> list[str]:
    """Why `folder` must never be deployed to a public host (nothing: it is a public build): a partners or
    drafts marker file anywhere in it, or a page marked as a partners page or as a draft."""
    reasons = [f"{file.relative_to(folder).as_posix()} is there" for file in sorted(folder.rglob("*")) if file.name in MARKERS]
    for page in sorted(folder.rglob("*.html")):
        html = page.read_bytes()
        reasons += [
            f"{page.relative_to(folder).as_posix()} has {what}" for what, mark in _NOT_PUBLIC.items() if mark.search(html)
        ]
    return reasons


class Origins:
    """The files text in a built site can come from (content, settings, theme overrides), to say where a leak
    was written. Read only when a leak is found."""

    def __init__(self, root: Path, places: Sequence[str]) -> None:
        self.root, self.places = root, places

    @cached_property
    def _lines(self) -> list[tuple[Path, list[str]]]:
        """Every origin file's lines, read once however many sightings are traced (one detail can reach
        thousands of pages)."""
        read = []
        for place in self.places:
            path = self.root / place
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if file.is_file() and not file.is_symlink():
                    try:
                        read.append((file, file.read_text(encoding="utf-8").splitlines()))
                    except (OSError, UnicodeDecodeError):
                        continue
        return read

    def find(self, text: str, built: str) -> tuple[str, int] | None:
        """The file and line that hold `text` as written: of those that do, the one named like a part of the
        `built` path (`content/pages/contact.md` for `site/contact/index.html`), else the first."""
        parts = set(PurePosixPath(built).with_suffix("").parts)
        found = [(file, number) for file, lines in self._lines for number, line in enumerate(lines, start=1) if text in line]
        best = sorted(found, key=lambda place: place[0].stem not in parts)[:1]
        return next(((file.relative_to(self.root).as_posix(), number) for file, number in best), None)


def problems_of(found: Sequence[Sighting], origins: Origins) -> list[Problem]:
    """Each sighting as a problem at the file and line its text was written in, where that can be traced
    (the built file otherwise), always naming the built file it reached."""
    places: dict[tuple[str, int, str], list[str]] = {}
    for item in found:
        where = origins.find(item.text, item.path)
        key = (item.path, item.line, item.message()) if where is None else (*where, item.message())
        places.setdefault(key, []).append(f"{item.path}:{item.line}")
    problems = []
    for (path, line, message), built in places.items():
        if built == [f"{path}:{line}"]:
            problems.append(Problem(path, line, message))
        else:  # one place written, reported once with the built files it reached
            more = f" and {len(built) - 1} more" if len(built) > 1 else ""
            problems.append(Problem(path, line, f"{message} ({built[0]}{more})"))
    return sorted(problems, key=lambda p: (p.path, p.line))


class PageChecks:
    """A full build's page checks, made by a worker process as the pages are written.

    Building pages keeps one core busy; checking them as they come uses another one, instead of reading
    every page again once the build is done. It is a new interpreter (`python -m generator.postbuild`), not
    a fork, because it lives as long as the build (see `tasks`); it reads each page from disk, just
    written, so the build holds none for it.
    """

    def __init__(self, site: Path, own_host: str, allowed: set[str], label: str = "site") -> None:
        self.site, self.own_host, self.allowed, self.label = site, own_host, allowed, label
        self.checked: set[str] = set()
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "generator.postbuild", str(site), own_host, label],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._send(sorted(allowed))

    def _send(self, value: object) -> None:
        assert self.worker.stdin is not None
        self.worker.stdin.write(json.dumps(value) + "\n")

    def written(self, relative: str) -> None:
        """Check the page just written at `relative` (a path in the site)."""
        self.checked.add(relative)
        self._send(relative)

    def finish(self) -> list[Sighting]:
        """The findings of every page, then of every other file in the site (feeds, data, static files)."""
        out, err = self.worker.communicate()
        if self.worker.returncode != 0:
            raise RuntimeError(f"the page checks stopped: {err.strip()[-2000:]}")
        found = [Sighting(*item) for item in json.loads(out)]
        return found + check_site(self.site, self.own_host, self.allowed, checked=self.checked, label=self.label)

    def close(self) -> None:
        self.worker.kill()
        self.worker.communicate()


class PostBuild:
    """A full build's checks and search index, started while the engine writes the pages.

    With more than one worker, each page is checked by `PageChecks` as soon as it is written; otherwise the
    whole folder is checked once written. The search index starts as soon as the last searchable page is
    on disk, so that Pagefind indexes while the engine writes the rest (see `build.writing_order`).
    """

    def __init__(
        self,
        folder: Path,
        own_host: str,
        allowed: set[str],
        searchable: list[str],
        slugs: list[str],
        part_size: int,
        label: str,
        workers: int,
    ) -> None:
        self.folder, self.own_host, self.allowed, self.label = folder, own_host, allowed, label
        self.slugs, self.part_size = slugs, part_size
        self.unwritten = set(searchable)
        self.page_checks = PageChecks(folder, own_host, allowed, label) if workers > 1 else None
        self.index: Indexing | nullcontext[None] | None = None
        self.protected: set[str] = set()
        """Pages the checking worker has already given their policies (see `policy`)."""

    def written(self, dest: str) -> None:
        """The page at `dest` (a path in the folder) is on disk."""
        if self.page_checks:
            self.page_checks.written(dest)
        self.unwritten.discard(dest)
        if not self.unwritten and self.index is None and self.slugs:
            give_back()  # the pages written so far, for Pagefind
            self.index = indexing(self.folder, self.slugs, self.part_size)

    @contextmanager
    def search(self) -> Iterator[list[Sighting]]:
        """What the checks found in the whole folder; the search index is complete when the block ends
        (`SearchIndexError` if it failed), and stopped at once if the block raises."""
        if self.index is None:  # no page was written after the last briefing, or there is no briefing at all
            self.index = indexing(self.folder, self.slugs, self.part_size) if self.slugs else nullcontext()
        with self.index:
            if self.page_checks:
                checks, self.page_checks = self.page_checks, None
                self.protected = checks.checked
                yield checks.finish()
            else:
                yield check_site(self.folder, self.own_host, self.allowed, label=self.label)

    def stop(self) -> None:
        """End the workers after a failure: the page checks, and Pagefind if it started."""
        if self.page_checks:
            self.page_checks.close()
            self.page_checks = None
        if isinstance(self.index, Indexing):
            self.index.stop()


def _check_written_pages(site: Path, own_host: str, label: str) -> None:
    """The worker: allowances, then one page path per line (JSON) on stdin; what it found as JSON on stdout."""
    allowed = set(json.loads(sys.stdin.readline()))
    seen: set[str] = set()
    found: list[Sighting] = []
    for line in sys.stdin:
        file = site / json.loads(line)
        if file.is_file():  # an engine may skip writing an empty page
            found += _check_html_file(f"{label}/{file.relative_to(site).as_posix()}", file, own_host, allowed, seen)
            protect(file)  # once scanned: the policy's hashes are no one's text (a failed build is discarded whole)
            if file.stat().st_size > LARGE_PAGE:
                give_back()  # its parse: this worker runs beside Pagefind
    sys.stdout.write(json.dumps([astuple(item) for item in found]))


if __name__ == "__main__":
    _check_written_pages(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
