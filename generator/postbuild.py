"""Checks over a finished site folder, whatever engine built it: the second line of defence.

Text can reach the site by routes the content scan never sees (a template, a plugin, the
search index), so the built HTML, search index, feed and sitemap are scanned again for
identifying details; and nothing may be loaded from a host other than the site's own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .model import Problem
from .privacy import mask, scan_line

TEXT_ATTRIBUTES = {"alt", "title", "content", "aria-label", "placeholder"}
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


class _PageReader(HTMLParser):
    """Collects visible text (with its line) and every URL the page would load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[tuple[int, str]] = []
        self.loads: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        line = self.getpos()[0]
        if tag in ("script", "style"):
            self._skip += 1
        self.text += [(line, v) for k, v in values.items() if k in TEXT_ATTRIBUTES]
        if tag in LOADING_TAGS and values.get(LOADING_TAGS[tag]):
            self.loads.append((line, values[LOADING_TAGS[tag]]))
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            self.loads.append((line, values.get("href", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            line = self.getpos()[0]
            self.text += [(line + offset, part) for offset, part in enumerate(data.split("\n"))]


def _third_party(url: str, own_host: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname != own_host


def _privacy(path: str, lines: list[tuple[int, str]], allowed: set[str]) -> list[Problem]:
    return [
        Problem(path, f.line, f"privacy: {f.kind}: {mask(f.text)} reached the built site")
        for number, line in lines
        for f in scan_line(line, number)
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


def check_site(site: Path, own_host: str, allowed: set[str]) -> list[Problem]:
    """Every privacy finding and third-party load in the built site, as `site/...:line` problems."""
    problems: list[Problem] = []
    for file in sorted(site.rglob("*")):
        name = f"site/{file.relative_to(site).as_posix()}"
        if file.suffix == ".html":
            reader = _PageReader()
            reader.feed(file.read_text(encoding="utf-8"))
            problems += _privacy(name, reader.text, allowed)
            problems += [
                Problem(name, line, f"loads {url} from a third-party host; serve it from the site itself")
                for line, url in reader.loads
                if _third_party(url, own_host)
            ]
        elif file.suffix == ".json":
            strings = _strings(json.loads(file.read_text(encoding="utf-8")))
            problems += _privacy(name, [(1, line) for text in strings for line in text.split("\n")], allowed)
        elif file.suffix == ".xml":
            problems += _privacy(name, list(enumerate(file.read_text(encoding="utf-8").split("\n"), start=1)), allowed)
        elif file.suffix == ".css":
            for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), start=1):
                problems += [
                    Problem(name, number, f"loads from the third-party host {m.group(2)}; serve it from the site itself")
                    for m in _CSS_URL.finditer(line)
                    if m.group(2).split(":")[0] != own_host
                ]
    return problems
