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
from collections.abc import Collection, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

from .memory import give_back
from .model import Problem
from .privacy import mask, scan_block
from .search import BUNDLE_DIR

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
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(https?:)?//([^/'")\s]+)""", re.I)


def read_page(data: bytes) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Visible text and attribute text with their lines, and every URL the page would load (lxml, a C parser)."""
    root = lxml.html.fromstring(data)
    texts: list[tuple[int, str]] = []
    loads: list[tuple[int, str]] = []
    for element in root.iter():
        line = element.sourceline or 1
        if isinstance(element.tag, str):
            if element.text and element.tag not in ("script", "style"):
                texts.append((line, element.text))
            texts += [(line, element.get(a)) for a in TEXT_ATTRIBUTES if element.get(a)]
            attribute = LOADING_TAGS.get(element.tag)
            if attribute and element.get(attribute):
                loads.append((line, element.get(attribute)))
            if element.tag == "link" and LOADING_RELS & set((element.get("rel") or "").lower().split()) and element.get("href"):
                loads.append((line, element.get("href")))
        if element.tail:
            texts.append((line, element.tail))
    return texts, loads


def _third_party(url: str, own_host: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname != own_host


LARGE_PAGE = 1_000_000
"""Bytes: a page this large (a long listing) takes tens of MB to parse."""
SEEN_LIMIT = 50_000
"""Pieces of text remembered as scanned, at most: the navigation, header and footer repeat on every page,
so after a clear-out they are soon remembered again, while a large site's own text is not held twice."""


def _unseen(pieces: list[tuple[int, str]], seen: set[str]) -> list[tuple[int, str]]:
    if len(seen) > SEEN_LIMIT:
        seen.clear()
    fresh = []
    for number, text in pieces:
        if text not in seen:
            seen.add(text)
            fresh.append((number, text))
    return fresh


def _privacy(path: str, pieces: list[tuple[int, str]], allowed: set[str], seen: set[str] | None = None) -> list[Problem]:
    """Scan many pieces of text in one pass: join them, then map each finding back to its piece's line.

    Pieces already in `seen` (the same navigation, header and footer on every page) were scanned on an
    earlier page, where any finding in them was already reported.
    """
    if seen is not None:
        pieces = _unseen(pieces, seen)
    lines = [(number, line) for number, text in pieces for line in text.split("\n")]
    findings = scan_block("\n".join(line for _, line in lines), 0)
    return [
        Problem(path, lines[f.line][0], f"privacy: {f.kind}: {mask(f.text)} reached the built site")
        for f in findings
        if not any(f.text in a for a in allowed)
    ]


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
    site: Path, own_host: str, allowed: set[str], passed: Signatures | None = None, checked: Collection[str] = ()
) -> list[Problem]:
    """Every privacy finding and third-party load in the built site, as `site/...:line` problems.

    A preview passes the `passed` record of its earlier rebuilds, so that only files written since are
    read again; a full build passes the pages `PageChecks` already `checked`. The search index
    (`pagefind/`, …) is made from the pages checked here.
    """
    problems: list[Problem] = []
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
        found = CHECKS[file.suffix](f"site/{relative}", file, own_host, allowed, seen)
        if found:
            passed.pop(relative, None)
        else:
            passed[relative] = signature
        problems += found
    return problems


def _check_html_file(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Problem]:
    texts, loads = read_page(file.read_bytes())
    return _privacy(name, texts, allowed, seen) + [
        Problem(name, line, f"loads {url} from a third-party host; serve it from the site itself")
        for line, url in loads
        if _third_party(url, own_host)
    ]


def _check_json(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Problem]:
    strings = _strings(json.loads(file.read_text(encoding="utf-8")))
    return _privacy(name, [(1, line) for text in strings for line in text.split("\n")], allowed)


def _check_xml(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Problem]:
    return _privacy(name, list(enumerate(file.read_text(encoding="utf-8").split("\n"), start=1)), allowed)


def _check_css(name: str, file: Path, own_host: str, allowed: set[str], seen: set[str]) -> list[Problem]:
    return [
        Problem(name, number, f"loads from the third-party host {m.group(2)}; serve it from the site itself")
        for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), start=1)
        for m in _CSS_URL.finditer(line)
        if m.group(2).split(":")[0] != own_host
    ]


CHECKS = {".html": _check_html_file, ".json": _check_json, ".xml": _check_xml, ".css": _check_css}


class PageChecks:
    """A full build's page checks, made by a worker process as the pages are written.

    Building pages keeps one core busy; checking them as they come uses another one, instead of reading
    every page again once the build is done. One worker keeps up: a check costs about half a page build.
    It is a new interpreter (`python -m generator.postbuild`), not a fork, because it lives as long as the
    build (see `parallel`); it reads each page from disk, just written, so the build holds none for it.
    """

    def __init__(self, site: Path, own_host: str, allowed: set[str]) -> None:
        self.site, self.own_host, self.allowed = site, own_host, allowed
        self.checked: set[str] = set()
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "generator.postbuild", str(site), own_host],
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

    def finish(self) -> list[Problem]:
        """The findings of every page, then of every other file in the site (feeds, data, static files)."""
        out, err = self.worker.communicate()
        if self.worker.returncode != 0:
            raise RuntimeError(f"the page checks stopped: {err.strip()[-2000:]}")
        problems = [Problem(*found) for found in json.loads(out)]
        problems += check_site(self.site, self.own_host, self.allowed, checked=self.checked)
        return sorted(problems, key=lambda problem: problem.path)

    def close(self) -> None:
        self.worker.kill()
        self.worker.communicate()


def _check_written_pages(site: Path, own_host: str) -> None:
    """The worker: allowances, then one page path per line (JSON) on stdin; its problems as JSON on stdout."""
    allowed = set(json.loads(sys.stdin.readline()))
    seen: set[str] = set()
    problems: list[Problem] = []
    for line in sys.stdin:
        file = site / json.loads(line)
        if file.is_file():  # an engine may skip writing an empty page
            problems += _check_html_file(f"site/{file.relative_to(site).as_posix()}", file, own_host, allowed, seen)
            if file.stat().st_size > LARGE_PAGE:
                give_back()  # its parse: this worker runs beside Pagefind
    sys.stdout.write(json.dumps([[p.path, p.line, p.message] for p in problems]))


if __name__ == "__main__":
    _check_written_pages(Path(sys.argv[1]), sys.argv[2])
