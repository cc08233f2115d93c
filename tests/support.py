"""What the tests share that is not a fixture: paths and dates, projects built and served, content to write, and checks
of what a site says. Test modules import from here, never from one another or from conftest.py (which holds the
fixtures and builds them from these)."""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import strategies as st
from pypdf import PdfReader

from generator.cli import main
from generator.model import STEPS

# --- the repository and the build ------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
ENGINE = os.environ.get("BRIEFINGS_ENGINE", "mkdocs")
"""The engine every test drives: `mkdocs`, or `properdocs` in CI's second run of the whole suite (importing
`generator.cli` imports ProperDocs' redirection of `mkdocs.*` first then, as its own command does)."""
FIXTURES = REPO / "tests" / "fixtures"
BUILD_DATE = "2025-06-01"
CHROMIUM = Path("/usr/bin/chromium")


def make_project(root: Path, content: Path = FIXTURES / "content") -> Path:
    """A project folder like the repo's: mkdocs.yml, overrides/ and a copy of `content`."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(content, root / "content")
    return root


def build_site(root: Path, *args: str) -> Path:
    """Build the project at `root` with the CLI and return its site folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.setenv("BRIEFINGS_BUILD_DATE", BUILD_DATE)
        assert main(["build", "--build-date", BUILD_DATE, *args]) == 0
    return root / ("site-partners" if "partners" in args else "site")


def env(**extra: str) -> dict[str, str]:
    """The environment of a `briefings` or engine command run as a subprocess, outside GitHub Actions."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_BUILD_DATE": BUILD_DATE, "GITHUB_ACTIONS": "", **extra}


def every_build_path(project: Path, cli: Callable[..., Run]) -> list[tuple[int, str]]:
    """The exit code and output of `briefings check`, `briefings build` and the plain engine's build, in that order: a
    problem only the made site shows must stop each of them alike."""
    engine = subprocess.run([sys.executable, "-m", ENGINE, "build"], cwd=project, env=env(), capture_output=True, text=True)
    checked, built = cli("check"), cli("build", "--pdf", "skip")
    return [(checked.code, checked.out + checked.err), (built.code, built.out + built.err), (engine.returncode, engine.stderr)]


def rebuild(project: Path, site: Path) -> None:
    """A preview's rebuild on a change: the same plugin instance (MkDocs keeps it), a dirty build."""
    # imported here, after generator.cli above: under ProperDocs that import redirects `mkdocs.*` to its modules
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True), dirty=True)


@dataclass
class Run:
    """What `briefings ARGS` did, run in-process by the `cli` fixture."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` and a hash of its bytes, to show that nothing changed."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- content to write ------------------------------------------------------------------------

BRIEFING_HEADINGS = [f"## {title}" for _, title in STEPS]
"""A briefing's sections, in the order `briefings new` writes them."""
AUDIT_HEADINGS = [*BRIEFING_HEADINGS, "## Action plan", "## Good practice"]
"""An audit's sections as `briefings new audit` writes them: the steps, then its action plan and good practice."""

BODY = """## Background

Text.

## Why it matters

Text.

## What worked well

Text.

## What we are worried about

Text.

## What needs to happen

Text.
"""

BASE = (
    """---
title: Valid audit
type: maca
date: 2024-05-01
status: published
cases: 3
children: 4
agencies: [police, health]
themes: [neglect]
summary: A valid summary.
---

"""
    + BODY
)
"""A valid published audit."""

BRIEFING = (
    "---\ntitle: Valid briefing\ndate: 2024-05-01\nstatus: published\nthemes: [neglect]\nsummary: A valid summary.\n---\n\n"
    + BODY
)
"""A valid published standalone briefing."""


def write(root: Path, relative: str, text: str | bytes) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")


PLANTED_LINE = 15  # the text line under '## Background' in BASE


_PLANTED = itertools.count(1)


def planted(text: str, title: str = "") -> str:
    """BASE with `text` as its background, at PLANTED_LINE, under `title` as written in YAML or a title of its own: two
    audits with one title and date are one audit published twice, refused (`content.copies`)."""
    return BASE.replace("## Background\n\nText.", f"## Background\n\n{text}").replace(
        "title: Valid audit", f"title: {title or f'Valid audit {next(_PLANTED)}'}"
    )


def add_copies(root: Path, count: int) -> None:
    """`count` more audits in the project at `root`, each the fixture's year-end MACA under a title and a last line of its
    own (an audit published twice, by its title or its text, is refused: `content.copies`): a build long enough to be
    caught in the act."""
    source = (root / "content/audits/year-end-maca.md").read_text()
    for number in range(count):
        text = source.replace("title: ", f"title: Copy {number} of ", 1) + f"\nThis is copy {number}.\n"
        (root / f"content/audits/copy-{number:03d}.md").write_text(text)


SEPARATORS = st.sampled_from(["", " ", "  "])


@st.composite
def nhs_numbers(draw: st.DrawFn) -> str:
    digits = draw(st.lists(st.integers(0, 9), min_size=9, max_size=9))
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    if check == 10:
        digits[0] = (digits[0] + 1) % 10  # any other first digit changes the sum by the weight 10, so the check is no longer 10
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
    text = "".join(map(str, digits)) + str(check)
    style = draw(st.sampled_from(["unbroken", " ", "-"]))
    return text if style == "unbroken" else style.join([text[:3], text[3:6], text[6:]])


@st.composite
def ni_numbers(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from("ABCEGHJKLMNOPRSTWXYZ"))
    second = draw(st.sampled_from("ABCEGHJKLMNPRSTWXYZ"))
    pairs = [f"{draw(st.integers(0, 99)):02d}" for _ in range(3)]
    sep = draw(SEPARATORS)
    return sep.join([first + second, *pairs, draw(st.sampled_from("ABCD"))])


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUWYZ"
    area = draw(st.text(alphabet=letters, min_size=1, max_size=2))
    district = str(draw(st.integers(1, 99)))
    inward = str(draw(st.integers(0, 9))) + draw(st.text(alphabet="ABDEFGHJLNPQRSTUWXYZ", min_size=2, max_size=2))
    return area + district + draw(SEPARATORS) + inward


# --- what a built site says ------------------------------------------------------------------

PUBLISHED = ["year-end-maca", "year-start-maca", "autumn-maca", "thematic-survey", "standalone-review"]
"""The published items of tests/fixtures/content."""
DRAFT_MARKERS = ["quokka"]
RESTRICTED_MARKERS = ["narwhal restricted", "narwhal-restricted", "narwhal practice", "narwhal good practice"]
"""Text found only in the fixture draft and restricted audits (plain 'narwhal' is in the theme's word lists)."""


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, url: str) -> BeautifulSoup:
    return page(site, url).select_one("article")


def every_text(site: Path) -> dict[str, str]:
    """What each file says, as a reader or a crawler would get it: gzip files and search fragments
    decompressed, PDFs as their text and link targets."""
    texts = {}
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        name, data = file.relative_to(site).as_posix(), file.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if file.suffix == ".pdf":
            reader = PdfReader(io.BytesIO(data))
            links = [a.get_object().get("/A", {}).get("/URI", "") for page in reader.pages for a in page.get("/Annots") or []]
            texts[name] = "\n".join([page.extract_text() for page in reader.pages] + [str(link) for link in links])
        else:
            texts[name] = data.decode("utf-8", errors="replace")
    return texts


SAMPLE_BRIEFING = "briefings/2024-06-neglect-under-fives/"
"""A briefing of the repo's sample content (`sample_site`)."""
PAGE_TYPES = {
    "home": "",
    "briefings list": "briefings/",
    "briefings list, filtered": "briefings/by-theme/neglect/",
    "briefing": SAMPLE_BRIEFING,
    "team record": SAMPLE_BRIEFING + "record/",
    "archive": "archive/",
    "archive, filtered": "archive/by-type/maca/",
    "archive, a reporting year": "archive/by-year/2023-24/",
    "showcase": "showcase/",
    "showcase, filtered": "showcase/by-agency/education/",
    "themes": "themes/",
    "theme": "themes/neglect/",
    "agencies": "agencies/",
    "agency": "agencies/education/",
    "open actions": "actions/",
    "accessibility statement": "accessibility/",
    "about": "about/",
}
"""A page of each kind in the sample site."""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
"""The axe rules run: WCAG 2.2 A and AA."""
VNU = REPO / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Checked:
    """What the Nu HTML checker said, and the messages `tests/vnu-ignore.txt` explains away."""

    messages: list[dict[str, object]]
    ignored: list[str]

    @property
    def unexplained(self) -> list[str]:
        return [
            f"{m['url']}:{m.get('lastLine')}: {m['message']}"
            for m in self.messages
            if m["type"] == "error" and not any(i in str(m["message"]) for i in self.ignored)
        ]


def nu_html_check(*targets: str) -> Checked:
    """Run the Nu HTML checker on files or folders (skipped where it is not installed; CI must have it)."""
    if not VNU.exists():
        if os.environ.get("CI"):
            pytest.fail("vnu.jar is missing: .ci/run must run npm ci --prefix tests/tools")
        pytest.skip("run: npm ci --prefix tests/tools")
    ignored = [
        line.removeprefix("message: ")
        for line in (REPO / "tests/vnu-ignore.txt").read_text().splitlines()
        if line.startswith("message: ")
    ]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", *targets], capture_output=True, text=True)
    return Checked(json.loads(result.stderr or result.stdout)["messages"], ignored)


# --- serving ---------------------------------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path, handler_class: type[SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve `folder` on loopback for the browser (with `handler_class`, as a particular host would); yields the
    base URL."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page at `url`, or None while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    """Whether the page at `url` says `text` within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and text in body:
            return True
        time.sleep(0.3)
    return False


LINKER = "content/audits/linker.md"
"""The audit whose body `linking` writes."""


def linking(project: Path, lines: str, status: str = "published") -> int:
    """An audit whose body ends with `lines`; the line number of the first."""
    text = BASE.replace("status: published", f"status: {status}") + "\n" + lines
    write(project, LINKER, text)
    return text.count("\n") - lines.count("\n") + 1
