"""Trace what the checks over a built site found back to the file and line it was written in.

A finding is reported where an author can fix it, naming the built files it reached; an allowance
lets a detail through only onto its own briefing's page.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cached_property
from pathlib import Path, PurePosixPath

from generator.content.files import FOLDERS
from generator.model import Problem
from generator.output.sitescan import NOT_DETAILS, UNTRACED, Sighting
from generator.privacy.reading import Read, read_markdown
from generator.privacy.scan import Allowance, covers
from generator.sitemodel import national_digits


class Origins:
    """The files text in a built site can come from (content, settings, theme overrides), to say where a leak
    was written, each read as its reader reads it (a detail split by emphasis or a wrapped line is found).
    Read only when a leak is found, and once however many sightings are traced (one detail can reach
    thousands of pages)."""

    def __init__(self, root: Path, places: Sequence[str]) -> None:
        self.root, self.places = root, places
        self._found: dict[str, list[tuple[str, int]]] = {}

    @cached_property
    def _read(self) -> list[tuple[str, str, Read]]:
        read = []
        for place in self.places:
            path = self.root / place
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if file.is_file() and not file.is_symlink():
                    try:
                        text = file.read_text(encoding="utf-8")
                    except (OSError, UnicodeDecodeError):
                        continue
                    read.append((file.relative_to(self.root).as_posix(), text, read_markdown(text)))
        return read

    def places_of(self, text: str) -> list[tuple[str, int]]:
        """Every file and line where `text` starts, as written or as read (spacing aside)."""
        if text not in self._found:
            pattern = re.compile(r"\s+".join(map(re.escape, text.split())), re.I)
            found: set[tuple[str, int]] = set()
            for path, raw, read in self._read:
                found.update((path, raw.count("\n", 0, m.start()) + 1) for m in pattern.finditer(raw))
                found.update((path, read.line_at(m.start())) for m in pattern.finditer(read.text))
            self._found[text] = sorted(found)
        return self._found[text]

    def find(self, text: str, built: str, excluding: Collection[tuple[str, int]] = ()) -> tuple[str, int] | None:
        """The file and line that hold `text`: of those that do (and are not `excluding`), the one named like
        a part of the `built` path (`content/pages/contact.md` for `site/contact/index.html`), else the first."""
        parts = set(PurePosixPath(built).with_suffix("").parts)
        found = [place for place in self.places_of(text) if place not in excluding]
        return min(found, key=lambda place: PurePosixPath(place[0]).stem not in parts, default=None)


BEYOND = " beyond its own page (an allowance covers its briefing's page only: keep the detail out of the title and summary)"


def _own_page(places: Collection[tuple[str, int]], built: str) -> bool:
    """Whether `built` is the page (or download) of the files the allowed text was written in: an allowance
    lets a detail onto its own briefing, never onto a listing or a page whose text a template may have made."""
    page = PurePosixPath(*PurePosixPath(built).parts[1:]).as_posix()  # without the site folder's label
    return all(page in _own_files(path) or page.startswith(_own_folder(path)) for path, _ in places)


def _own_files(source: str) -> set[str]:
    """A briefing's downloads, or a hand-written page's own built file (a copied file keeps its path)."""
    file = PurePosixPath(source)
    if file.parent.name in FOLDERS:
        return {f"briefings/{file.stem}.txt", f"briefings/{file.stem}.pdf"}
    within = _within_pages(file)
    if within is None:
        return set()
    if within.suffix != ".md":
        return {within.as_posix()}
    stem = within.with_suffix("")
    return {(stem.parent if stem.name == "index" else stem).joinpath("index.html").as_posix().removeprefix("./")}


def _own_folder(source: str) -> str:
    """The folder a briefing's page and team record are built into (a slug holds no '/': never another page's)."""
    file = PurePosixPath(source)
    return f"briefings/{file.stem}/" if file.parent.name in FOLDERS else "\0"  # "\0" starts no built path


def _within_pages(file: PurePosixPath) -> PurePosixPath | None:
    return PurePosixPath(*file.parts[file.parts.index("pages") + 1 :]) if "pages" in file.parts else None


def problems_of(
    found: Sequence[Sighting], origins: Origins, allowances: Sequence[Allowance] = (), public_numbers: Collection[str] = ()
) -> list[Problem]:
    """Each sighting as a problem at the file and line its text was written in, where that can be traced
    (the built file otherwise), always naming the built file it reached.

    An allowance lets a detail through only where it was written on the allowance's own line, and only onto
    that file's own page: a detail also written anywhere else, or found on any other page, is reported.
    `public_numbers` (as dialled within the UK: the number to report a concern on, from the settings) pass
    on every page, however they are written; any other number is reported."""
    places: dict[tuple[str, int, str], list[str]] = {}
    for item in found:
        if item.kind == "phone" and national_digits(item.text) in public_numbers:
            continue
        allowed = set()
        if item.kind not in NOT_DETAILS:
            allowed = {place for place in origins.places_of(item.text) if any(covers(a, *place, item.text) for a in allowances)}
            if allowed and allowed == set(origins.places_of(item.text)) and _own_page(allowed, item.path):
                continue
        where = (
            None
            if item.kind in UNTRACED
            else origins.find(item.text, item.path, excluding=allowed) or origins.find(item.text, item.path)
        )
        message = item.message() + (BEYOND if allowed and where in allowed else "")
        key = ("", 0, message) if where is None else (*where, message)  # untraced: once, wherever it reached
        places.setdefault(key, []).append((item.path, item.line))
    problems = []
    for (path, line, message), built in places.items():
        if not path:  # written in no content file (a template's own text): at the first built file, with the others
            (path, line), *others = built
            found_as = _ASSEMBLED if message.startswith("privacy: ") else ""
            problems.append(Problem(path, line, message + found_as + (f" (also at {_listed(others)})" if others else "")))
        elif built == [(path, line)]:
            problems.append(Problem(path, line, message))
        else:  # one place written, reported once with the built files it reached
            problems.append(Problem(path, line, f"{message} ({_listed(built)})"))
    return sorted(problems, key=lambda p: (p.path, p.line))


_ASSEMBLED = (
    ", written so in no file it is built from: a template or a setting puts it together from pieces, or a table shows a"
    " column's name beside its cell, as on a phone (Column: value)"
)
"""Where a detail found in a built page was traced to no line: the built page is no file its author can mend."""


def _listed(places: list[tuple[str, int]]) -> str:
    """The first of the built files a finding reached, and how many more."""
    (path, line), more = places[0], len(places) - 1
    return f"{path}:{line}" + (f" and {more} more" if more else "")
