"""The golden site: every file the core makes from the fixture content, kept as plain files a person reviews.

`site/` holds each output at its path in the built site, exactly as the core wrote it (a page is its HTML before
the engine's theme wraps it). `manifest.json` holds what is not plain text there: each page's title, description,
headings and flags, which the engine places, and each binary file's SHA-256.

Regenerate after an intended change with `python -m tests.golden`, then review `git diff tests/golden`.
This module is the only place the golden site touches the generator: it runs no engine.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, astuple
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import BuildOptions, Project
from generator.pipeline import check, generate

if TYPE_CHECKING:
    from generator.pipeline import Output

GOLDEN = Path(__file__).resolve().parent
SITE = "site"
MANIFEST = "manifest.json"
FIXTURES = GOLDEN.parent / "fixtures"
BUILD_DATE = date(2025, 6, 1)
"""The same "today" as the other tests' builds: due actions and review notices do not move with the calendar."""
REGENERATE = "python -m tests.golden"  # from the repository root, with the project's Python

PROJECT = Project(
    root=FIXTURES,
    content_dir="content",
    site_name="Northbrook Safeguarding Children Partnership",
    site_url="https://example.github.io/briefings/",
    partnership="the Northbrook Safeguarding Children Partnership",
    accessibility={
        "organisation": "the Northbrook Safeguarding Children Partnership",
        "contact_url": "https://forms.example.org/northbrook/accessibility",
        "status": "partially",
        "known_issues": [
            "Downloadable PDFs are tagged for screen readers, but tables inside them may be read in an unexpected order. "
            "Every briefing is also a web page and a plain-text file."
        ],
        "response_days": 5,
        "prepared": "1 November 2026",
        "reviewed": "20 November 2026",
    },
    report_concern={
        "text": "Worried about a child?",
        "phone": "0113 496 0000",
        "url": "https://www.northbrook.example/report-a-concern-about-a-child",
    },
)
"""The sample mkdocs.yml's settings, fixed here so that the golden site follows the core, not the configuration file."""


def build() -> dict[str, str]:
    """The golden folder's files as the core makes them now, by path relative to the folder."""
    files: dict[str, str] = {}
    manifest: dict[str, dict[str, object]] = {"binary": {}, "pages": {}}
    for output in _outputs():
        if output.dest in files or output.dest in manifest["binary"]:
            raise ValueError(f"two outputs are written to {output.dest}")
        if isinstance(output.content, bytes):
            manifest["binary"][output.dest] = hashlib.sha256(output.content).hexdigest()
            continue
        files[f"{SITE}/{output.dest}"] = output.content
        if output.page is not None:
            headings = [astuple(heading) for heading in output.page.headings]
            manifest["pages"][output.dest] = asdict(output.page) | {"headings": headings, "searchable": output.searchable}
    files[MANIFEST] = _manifest_text(manifest)
    return dict(sorted(files.items()))


def _outputs() -> list[Output]:
    """What a build makes of the fixture content, as a default build asks: for the public, without drafts."""
    options = BuildOptions(GOLDEN / SITE, build_date=BUILD_DATE)
    checked = check(PROJECT.root, PROJECT.content_dir, options.drafts, today=options.build_date)
    problems = checked.problems + PROJECT.problems(options.audience)
    if problems:
        raise ValueError(f"the fixture content or settings have problems: {problems}")
    return generate(checked, PROJECT.settings(options.build_date, options.audience), options.audience, options.drafts)


def _manifest_text(manifest: dict[str, dict[str, object]]) -> str:
    """JSON with one line for each file, so that a change to one page's headings is one changed line to review."""
    sections = [
        f"  {json.dumps(name)}: {{\n"
        + ",\n".join(
            f"    {json.dumps(path)}: {json.dumps(value, ensure_ascii=False)}" for path, value in sorted(entries.items())
        )
        + "\n  }"
        for name, entries in manifest.items()
    ]
    return "{\n" + ",\n".join(sections) + "\n}\n"


def read(folder: Path = GOLDEN) -> dict[str, str]:
    """The golden files as committed, by path relative to `folder`, line endings untouched."""
    found = [folder / MANIFEST, *(path for path in (folder / SITE).rglob("*") if path.is_file())]
    return {path.relative_to(folder).as_posix(): path.read_bytes().decode("utf-8") for path in found if path.exists()}


def write(files: dict[str, str], folder: Path = GOLDEN) -> None:
    """Replace the golden files with `files`, so that a file the core no longer makes goes too."""
    shutil.rmtree(folder / SITE, ignore_errors=True)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
