"""Headings are found exactly where Python-Markdown will render them."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.content.parse import find_headings

SAMPLES = [
    "## Background\n\nText\n\n### Sub\n",
    "```\n## Not a heading\n```\n\n## After the fence\n",
    "~~~\n# Not\n~~~\n#Hashtag heading\n",
    "    ## indented code\n\n## Real\n",
    "Title\n-----\n\nBody\n\nOther\n=====\n",
    "## Closing hashes ##\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_headings_match_python_markdown(text: str) -> None:
    html = markdown.markdown(text, extensions=["fenced_code"])
    rendered = [
        (int(h.name[1]), h.get_text()) for h in BeautifulSoup(html, "html.parser").find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]
    assert [(h.level, h.title) for h in find_headings(text, 1)] == rendered


def test_heading_lines_are_file_lines() -> None:
    assert [(h.title, h.line, h.setext) for h in find_headings("intro\n\n## A\n\nB\n-\n", 10)] == [
        ("A", 12, False),
        ("B", 14, True),
    ]


def test_what_the_content_folder_holds_besides_its_own_folders_and_files_is_named_not_dropped(project: Path, cli) -> None:
    """An audit saved beside the folders, or in a folder misspelt, and a settings file renamed were left out of the site
    without a word (the count of briefings went down by one); a note to the team and a hidden file are none of these."""
    audit = (project / "content/audits/year-end-maca.md").read_text()
    (project / "content/audit").mkdir()
    (project / "content/audit/next.md").write_text(audit.replace("title: ", "title: Next ", 1))
    (project / "content/beside.md").write_text(audit.replace("title: ", "title: Beside ", 1))
    shutil.copy(project / "content/taxonomy.yml", project / "content/taxonomy.yaml")
    (project / "content/README.md").write_text("Audits go in audits/.\n")
    (project / "content/.DS_Store").write_bytes(b"\0")
    (project / "content/Readme-archive").mkdir()  # a folder, not a note: its audit would be dropped
    (project / "content/Readme-archive/old.md").write_text(audit.replace("title: ", "title: Old ", 1))
    for folder in ("audits", "pages"):
        (project / f"content/{folder}/.gitkeep").write_text("")  # keeps a folder in git: nothing to read
    stray = "is not read, so nothing in it is published: an audit goes in content/audits/, a briefing in content/briefings/"
    for command in ("check", "build"):
        run = cli(command)
        assert run.code == 1
        found = sorted(line.split(": ")[0] for line in run.out.splitlines() if stray in line)
        assert found == ["content/Readme-archive:1", "content/audit:1", "content/beside.md:1", "content/taxonomy.yaml:1"], run.out
        assert ".gitkeep" not in run.out
    assert not (project / "site").exists()
